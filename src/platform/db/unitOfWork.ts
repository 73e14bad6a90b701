import type { FastifyBaseLogger as Logger } from 'fastify';
import { queuedMailIn, type MailDelivery } from '../mail/outbox.ts';
import type { Database, Transaction } from './client.ts';

/** What a command needs from the platform: the database, mail delivery, and the public address for links. */
export interface CommandDeps {
  db: Database;
  mail: MailDelivery;
  publicUrl: string;
  log: Logger;
}

/**
 * Runs a command in one transaction: its change, its audit row and its queued mails commit together
 * or not at all. Mails are delivered only after the commit.
 */
export async function inTransaction<T>(deps: CommandDeps, command: (tx: Transaction) => Promise<T>): Promise<T> {
  let used: Transaction | undefined;
  const result = await deps.db.transaction((tx) => command((used = tx)));
  // Only a command that queued mail starts a delivery run (an autosave does not: one query less each).
  if (used && queuedMailIn(used))
    deps.mail.flush().catch((error: unknown) => deps.log.error({ err: error }, 'mail delivery run failed'));
  return result;
}
