import { RuleViolationError } from '../../domain/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

// How the jury's pages answer a refused command: a message for the first problem they know.
const PROBLEMS: Record<string, MessageKey> = {
  'already-invited': 'jury.error.alreadyInvited',
  'jury-closed': 'jury.error.closed',
  'already-declared': 'jury.error.alreadyDeclared',
  'unknown-target': 'jury.error.unknownTarget',
  'unknown-juror': 'jury.error.unknownJuror',
  'already-withdrawn': 'jury.error.alreadyWithdrawn',
  'nothing-pending': 'jury.error.nothingPending',
  'min-above-capacity': 'jury.error.minAboveCapacity',
  conflict: 'jury.error.conflict',
  taken: 'jury.error.taken',
  capacity: 'jury.error.capacity',
  'too-many': 'jury.error.tooMany',
  'unknown-application': 'jury.error.unknownApplication',
  duplicate: 'jury.error.taken',
  'not-exact': 'jury.error.confirmStale',
  evaluated: 'jury.error.evaluated',
  'unknown-assignment': 'jury.error.unknownAssignment',
  empty: 'jury.error.confirmStale',
  'invalid-transition': 'jury.error.confirmStale',
  'no-language': 'jury.declaration.languageRequired',
};

/** The message for a refused command: its first known problem, else the generic "it changed meanwhile". */
export function problemNotice(error: unknown): { key: MessageKey } {
  if (!(error instanceof RuleViolationError)) throw error;
  const code = error.problems.find((p) => p in PROBLEMS);
  return { key: code ? PROBLEMS[code]! : 'error.conflict.body' };
}

/** A form body as text values (a repeated name keeps its first value), for showing a form again. */
export function textValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (/password|_csrf/i.test(k)) continue;
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') values[k] = v[0];
  }
  return values;
}
