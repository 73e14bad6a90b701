import { RuleViolationError } from '../../domain/errors.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/**
 * A feature's refusals, each with the message the reader gets: the returned function gives the
 * message of a refusal the table knows, and rethrows anything else (a real error, a 500).
 */
export function refusals(table: Readonly<Record<string, MessageKey>>): (error: unknown) => MessageKey {
  return (error) => {
    const key = error instanceof RuleViolationError ? table[error.problems[0] ?? ''] : undefined;
    if (!key) throw error;
    return key;
  };
}
