// Belgian enterprise number (numéro d'entreprise BCE / ondernemingsnummer KBO): 10 digits, the
// first 0 or 1, the last two a check on the first eight. It is the applicant's identifier, so it is
// checked where typed: a typo caught here is an organisation not mixed up with another later.

import { err, ok, type Result } from './result.ts';

export type EnterpriseNumberError = 'empty' | 'format' | 'first-digit' | 'checksum';

// 97 − (n mod 97) lies in 1..97, so a first part divisible by 97 has check digits "97", never "00".
export function enterpriseCheckDigits(firstEight: string): string {
  return String(97 - (Number(firstEight) % 97)).padStart(2, '0');
}

// Accepts what people copy from the registry, invoices and VAT numbers: dots or spaces anywhere,
// an optional "BE" prefix (the VAT number is "BE" + the enterprise number), and the 9-digit form
// used before 2005, which is the same number without its leading 0.
export function parseEnterpriseNumber(input: string): Result<string, EnterpriseNumberError> {
  const text = input.trim().toUpperCase();
  if (text === '') return err('empty');
  const digits = text.replace(/^BE/, '').replace(/[\s.]/g, '');
  if (!/^[0-9]+$/.test(digits) || (digits.length !== 9 && digits.length !== 10)) return err('format');
  const ten = digits.length === 9 ? `0${digits}` : digits;
  if (ten[0] !== '0' && ten[0] !== '1') return err('first-digit');
  if (ten.slice(8) !== enterpriseCheckDigits(ten.slice(0, 8))) return err('checksum');
  return ok(ten);
}

// The registry's own notation: "0403.019.261".
export function formatEnterpriseNumber(tenDigits: string): string {
  if (!/^[0-9]{10}$/.test(tenDigits)) throw new RangeError(`Not a 10-digit enterprise number: ${tenDigits}`);
  return `${tenDigits.slice(0, 4)}.${tenDigits.slice(4, 7)}.${tenDigits.slice(7)}`;
}
