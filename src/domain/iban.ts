// IBAN (ISO 13616) for grant payments. Checked where typed, because a payment to a mistyped
// account is slow and awkward to recover; the checks catch nearly all typos, not a wrong but
// well-formed account, which only the bank can confirm.

import { err, ok, type Result } from './result.ts';

export type IbanError = 'empty' | 'format' | 'country' | 'length' | 'checksum' | 'national-checksum';

// Grants are paid by SEPA credit transfer, so only accounts in the SEPA scheme's countries are
// accepted (an IBAN from elsewhere could not be paid). Lengths from the SWIFT IBAN registry.
// Territories without their own code use their state's (FR for Réunion, GB for Jersey, …).
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

// ISO 7064 MOD 97-10 over the IBAN rearranged (first four characters moved to the end, A=10 …
// Z=35). The number has up to ~60 digits, so the remainder is carried digit by digit instead.
function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    rest = code >= 65 ? (rest * 100 + (code - 55)) % 97 : (rest * 10 + (code - 48)) % 97;
  }
  return rest;
}

// The Belgian account number "bbb-aaaaaaa-cc": cc is the first ten digits mod 97, 97 for 0.
function belgianNationalCheckOk(bban: string): boolean {
  const expected = Number(bban.slice(0, 10)) % 97 || 97;
  return Number(bban.slice(10)) === expected;
}

// Accepts the printed form ("BE68 5390 0754 7034"), lower case, and a leading "IBAN" as it is
// printed on statements. Returns the electronic form (upper case, no spaces), as stored and sent.
export function parseIban(input: string): Result<string, IbanError> {
  const text = input
    .trim()
    .toUpperCase()
    .replace(/^IBAN\s*:?/, '');
  const iban = text.replace(/\s/g, '');
  if (iban === '') return err('empty');
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) return err('format');

  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength === undefined) return err('country');
  if (iban.length !== expectedLength) return err('length');
  if (iban.startsWith('BE') && !/^[0-9]{12}$/.test(iban.slice(4))) return err('format');

  // Check digits are 98 − (mod 97) and so lie in 02..98; "01" would pass the mod 97 test in
  // place of "98", but it is never issued.
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || ibanMod97(iban) !== 1) return err('checksum');
  if (iban.startsWith('BE') && !belgianNationalCheckOk(iban.slice(4))) return err('national-checksum');
  return ok(iban);
}

// The printed form: groups of four, the last one shorter if need be.
export function formatIban(electronic: string): string {
  if (!/^[A-Z0-9]+$/.test(electronic)) throw new RangeError(`Not an electronic-form IBAN: ${electronic}`);
  return electronic.replace(/(.{4})(?=.)/g, '$1 ');
}
