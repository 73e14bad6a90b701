// Belgian phone numbers as people write them ("02 555 12 34", "0470/12.34.56", "+32 2 555 12 34",
// "0032 2 555 12 34"), kept in the international form without spaces that the standard asks for
// ("+3225551234"), and shown back in the usual Belgian grouping.

import { err, ok, type Result } from '../result.ts';

/** The international form: +32, then 8 digits (a fixed line) or 9 (a mobile, 04…). */
export const BELGIAN_PHONE = /^\+32(?:[1-9]\d{7}|4\d{8})$/;

export function parseBelgianPhone(input: string): Result<string, 'phone'> {
  const compact = input.replace(/[\s./()-]/g, '');
  const national = compact.startsWith('+32') ? compact.slice(3) : compact.startsWith('0032') ? compact.slice(4) : null;
  const digits = national ?? (compact.startsWith('0') ? compact.slice(1) : '');
  const international = `+32${digits.replace(/^0/, '')}`;
  return BELGIAN_PHONE.test(international) ? ok(international) : err('phone');
}

/** "+3225551234" → "02 555 12 34"; "+32470123456" → "0470 12 34 56". */
export function formatBelgianPhone(international: string): string {
  if (!BELGIAN_PHONE.test(international)) throw new RangeError(`not a Belgian number: ${international}`);
  const n = `0${international.slice(3)}`;
  if (n.length === 10) return `${n.slice(0, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  // Brussels, Antwerp, Liège and Ghent have one-digit zones (02, 03, 04, 09); the others two.
  const zone = /^0[2349]/.test(n) ? 2 : 3;
  const rest = n.slice(zone);
  return `${n.slice(0, zone)} ${rest.length === 7 ? `${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}` : `${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4)}`}`;
}
