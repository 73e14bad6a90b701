import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Database, Transaction } from '../db/client.ts';
import { mailOutbox, type MailAttachment } from './schema.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** Queues a mail in the caller's transaction: it leaves only if the change it announces commits. */
export async function enqueueMail(tx: Transaction, mail: OutgoingMail): Promise<void> {
  await tx.insert(mailOutbox).values(mail);
}

const MAX_ATTEMPTS = 5;

export interface MailDelivery {
  /** Delivers what is pending; called after each commit that queued mail, and on a timer for retries. */
  flush(): Promise<number>;
  /** Where mails go when no SMTP server is configured. */
  folder: string;
}

/**
 * SMTP when SMTP_URL is set; otherwise each mail is written as an .eml file under data/mail, so the
 * demo and the tests work offline with the very same message a server would have received.
 */
export function createMailDelivery(opts: {
  db: Database;
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
  log: Logger;
}): MailDelivery {
  const folder = join(opts.dataDir, 'mail');
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let tail: Promise<number> = Promise.resolve(0);

  async function deliverPending(): Promise<number> {
    const pending = await opts.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(50);
    let sent = 0;
    for (const mail of pending) {
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.base64, 'base64'),
          })),
        });
        if (!opts.smtpUrl) {
          await mkdir(folder, { recursive: true });
          const file = join(folder, `${Date.now()}-${mail.id}.eml`);
          await writeFile(file, (info as unknown as { message: Buffer }).message);
          opts.log.info({ mailId: mail.id, file }, 'mail written to file (no SMTP_URL configured)');
        } else {
          opts.log.info({ mailId: mail.id }, 'mail sent by SMTP');
        }
        await opts.db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
          .where(eq(mailOutbox.id, mail.id));
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        opts.log.warn({ mailId: mail.id, attempts, err: (error as Error).message }, 'mail delivery failed');
        await opts.db
          .update(mailOutbox)
          .set({
            attempts,
            lastError: (error as Error).message,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          })
          .where(eq(mailOutbox.id, mail.id));
      }
    }
    return sent;
  }

  return {
    folder,
    // Runs are chained, never overlapping, so a mail is never sent twice by concurrent flushes.
    flush() {
      tail = tail.then(deliverPending, deliverPending);
      return tail;
    },
  };
}
