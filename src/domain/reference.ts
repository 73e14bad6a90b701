// Application references, handed out at the first submission: the call's code, the year, and a
// sequence number within the call, e.g. BEE-2026-0042. Short enough to read out on the phone.

import { err, ok, type Result } from './result.ts';

/** Upper-case letters and digits, dash-separated words allowed: "BEE", "DIGI-INCL". */
const CALL_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

export interface ApplicationReference {
  callCode: string;
  year: number;
  n: number;
}

/** `BEE-2026-0042`: the number has at least 4 digits and grows past 9999 (`BEE-2026-10000`). */
export function applicationReference(callCode: string, year: number, n: number): string {
  if (!CALL_CODE.test(callCode)) throw new RangeError(`Invalid call code: ${JSON.stringify(callCode)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Invalid sequence number: ${n}`);
  return `${callCode}-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * Reads a reference as a person may type it: surrounding spaces and lower case are accepted, and
 * so are fewer than 4 digits ("bee-2026-42"). The year is the second-to-last part, the number the
 * last; everything before is the call code, so codes with dashes still read back.
 */
export function parseApplicationReference(input: string): Result<ApplicationReference, 'invalid-reference'> {
  const m = /^(.+)-([0-9]{4})-([0-9]{1,15})$/.exec(input.trim().toUpperCase());
  if (!m) return err('invalid-reference');
  const [, callCode = '', year, digits] = m;
  const n = Number(digits);
  if (!CALL_CODE.test(callCode) || Number(year) < 1000 || !Number.isSafeInteger(n) || n < 1)
    return err('invalid-reference');
  return ok({ callCode, year: Number(year), n });
}
