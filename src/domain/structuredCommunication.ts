// Belgian structured communication (communication structurée / gestructureerde mededeling), printed as
// +++123/4567/89002+++: ten digits and a two-digit check, the ten digits mod 97 with 0 written 97 (Febelfin). A
// payment that carries it is matched to its grant tranche by the receiving bank's software, so the grantee and
// the funder's accountant never retype a reference. Checked where typed, like an IBAN.

import { err, ok, type Result } from './result.ts';

export type StructuredCommunicationError = 'empty' | 'format' | 'length' | 'checksum';

/** The largest number ten digits hold: a per-funder sequence beyond it needs a new scheme. */
export const MAX_STRUCTURED_BASE = 9_999_999_999;

function checkDigits(tenDigits: string): string {
  return String(Number(tenDigits) % 97 || 97).padStart(2, '0');
}

/**
 * The structured communication of a number (a per-funder sequence, say), as its twelve digits: what the SEPA
 * file's `CdtrRefInf/Ref` holds. Numbers from 1 to 9,999,999,999 are accepted, zero-padded to ten digits.
 */
export function structuredCommunicationFor(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_STRUCTURED_BASE) throw new RangeError(`Not a 10-digit base: ${n}`);
  const ten = String(n).padStart(10, '0');
  return ten + checkDigits(ten);
}

// What people copy from an invoice or a bank statement: the +++ or *** delimiters (or none), slashes, spaces
// and dots in any place. Anything else (a letter, a dash) is not a structured communication.
export function parseStructuredCommunication(input: string): Result<string, StructuredCommunicationError> {
  const text = input.trim();
  if (text === '') return err('empty');
  const m = /^(\+{3}|\*{3})?([0-9/ .]+)(\+{3}|\*{3})?$/.exec(text);
  if (!m || m[1] !== m[3]) return err('format');
  const digits = (m[2] ?? '').replace(/[/ .]/g, '');
  if (digits.length !== 12) return err('length');
  if (digits.slice(10) !== checkDigits(digits.slice(0, 10))) return err('checksum');
  return ok(digits);
}

/** The printed form, +++123/4567/89002+++, of twelve digits. */
export function formatStructuredCommunication(twelveDigits: string): string {
  if (!/^[0-9]{12}$/.test(twelveDigits)) throw new RangeError(`Not 12 digits: ${twelveDigits}`);
  return `+++${twelveDigits.slice(0, 3)}/${twelveDigits.slice(3, 7)}/${twelveDigits.slice(7)}+++`;
}
