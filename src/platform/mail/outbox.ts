import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Database, Executor, Transaction } from '../db/client.ts';
import { funders } from '../identity/schema.ts';
import { mailOutbox, type MailAttachment } from './schema.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /**
   * The funder the mail is sent for: replies go to its contact address (Reply-To), since mails
   * leave from a no-reply sender. Without one, or while the funder has no contact address, no Reply-To.
   */
  funderId?: string;
}

/** Queues a mail in the caller's transaction: it leaves only if the change it announces commits. */
export async function enqueueMail(tx: Transaction, mail: OutgoingMail): Promise<void> {
  const { funderId, ...rest } = mail;
  const replyTo = funderId ? await funderContactAddress(tx, funderId) : null;
  await tx.insert(mailOutbox).values({ ...rest, replyTo });
  withMail.add(tx);
}

/** A funder's letterhead lines (street, postal code and city) and its contact address, for its letters. */
export async function funderLetterhead(
  db: Executor,
  funderId: string,
): Promise<{ address: string[]; contactEmail: string | null }> {
  const [funder] = await db
    .select({
      street: funders.street,
      postalCode: funders.postalCode,
      city: funders.city,
      contactEmail: funders.contactEmail,
    })
    .from(funders)
    .where(eq(funders.id, funderId));
  const town = [funder?.postalCode, funder?.city].filter((x) => x?.trim()).join(' ');
  return {
    address: [funder?.street?.trim() ?? '', town].filter(Boolean),
    contactEmail: funder?.contactEmail?.trim() || null,
  };
}

/** The address a funder's mails and letters give for replies, if it has one. */
export async function funderContactAddress(db: Executor, funderId: string): Promise<string | null> {
  const [funder] = await db
    .select({ contactEmail: funders.contactEmail })
    .from(funders)
    .where(eq(funders.id, funderId));
  return funder?.contactEmail?.trim() || null;
}

const withMail = new WeakSet<Transaction>();

/** Whether a mail was queued in this transaction (then a delivery run follows its commit). */
export const queuedMailIn = (tx: Transaction): boolean => withMail.has(tx);

const MAX_ATTEMPTS = 5;
/** Mails claimed at once; a claim lasts CLAIM_SECONDS, far longer than sending so few takes. */
const BATCH = 10;
const CLAIM_SECONDS = 300;
/** A failed mail waits this long before the next attempt, whichever instance makes it. */
const RETRY_SECONDS = 30;

export interface MailDelivery {
  /** Delivers what is pending; called after each commit that queued mail, and on a timer for retries. */
  flush(): Promise<number>;
  /**
   * Runs `work` with delivery held back, then starts one run for all it queued, without waiting for it. Loading
   * the demo runs hundreds of commands that queue mail; a run after each would slip its queries in between.
   */
  holdDuring<T>(work: () => Promise<T>): Promise<T>;
  /** Where mails go when no SMTP server is configured. */
  folder: string;
}

/**
 * SMTP when SMTP_URL is set; otherwise each mail is written as an .eml file under data/mail, so the
 * demo and the tests work offline with the very same message a server would have received.
 *
 * Several instances may share the database: each mail is claimed before it is sent
 * (`FOR UPDATE SKIP LOCKED`, then a claim that lasts CLAIM_SECONDS), so two instances never send
 * the same mail; a mail whose instance died mid-send is taken again once its claim expires.
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
  let held = 0;

  async function deliver(mail: typeof mailOutbox.$inferSelect): Promise<boolean> {
    try {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
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
        opts.log.debug({ mailId: mail.id, file }, 'mail written to file (no SMTP_URL configured)');
      } else {
        opts.log.debug({ mailId: mail.id }, 'mail sent by SMTP');
      }
      await opts.db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1`, claimedUntil: null })
        .where(eq(mailOutbox.id, mail.id));
      return true;
    } catch (error) {
      const attempts = mail.attempts + 1;
      opts.log.warn({ mailId: mail.id, attempts, err: (error as Error).message }, 'mail delivery failed');
      await opts.db
        .update(mailOutbox)
        .set({
          attempts,
          lastError: (error as Error).message,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          claimedUntil: sql`now() + make_interval(secs => ${RETRY_SECONDS})`,
        })
        .where(eq(mailOutbox.id, mail.id));
      return false;
    }
  }

  async function deliverPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await claimPending(opts.db);
      if (!claimed.length) return sent;
      for (const mail of claimed) if (await deliver(mail)) sent++;
    }
  }

  function flush() {
    if (held) return Promise.resolve(0);
    // Runs are chained, never overlapping: one instance sends its claims one after the other.
    tail = tail.then(deliverPending, deliverPending);
    return tail;
  }

  return {
    folder,
    flush,
    async holdDuring(work) {
      held++;
      try {
        return await work();
      } finally {
        held--;
        flush().catch((error: unknown) => opts.log.error({ err: error }, 'mail delivery run failed'));
      }
    },
  };
}

/** Takes the oldest mails that are due and that no other instance holds, in one statement. */
function claimPending(db: Database) {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.status, 'pending'),
        lt(mailOutbox.attempts, MAX_ATTEMPTS),
        or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(mailOutbox.createdAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
    .where(inArray(mailOutbox.id, due))
    .returning()
    .then((rows) => rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
}

export interface OutboxBacklog {
  /** Mails waiting to be sent (including those waiting for a retry). */
  pending: number;
  /** Age of the oldest of them, in seconds; 0 when none waits. */
  oldestPendingSeconds: number;
  /** Mails given up after MAX_ATTEMPTS failures. */
  failed: number;
}

/** What the outbox holds back, for /healthz and /metrics. */
export async function outboxBacklog(db: Executor): Promise<OutboxBacklog> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${mailOutbox.status} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${mailOutbox.status} = 'failed')::int`,
      oldest: sql<
        number | null
      >`extract(epoch from now() - min(${mailOutbox.createdAt}) filter (where ${mailOutbox.status} = 'pending'))::float8`,
    })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ['pending', 'failed']));
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, oldestPendingSeconds: Math.max(0, row?.oldest ?? 0) };
}
