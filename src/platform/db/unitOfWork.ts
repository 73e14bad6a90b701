import type { FastifyBaseLogger as Logger } from 'fastify';
import type { MailDelivery } from '../mail/outbox.ts';
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
  const result = await deps.db.transaction(command);
  deps.mail.flush().catch((error: unknown) => deps.log.error({ err: error }, 'mail delivery run failed'));
  return result;
}
