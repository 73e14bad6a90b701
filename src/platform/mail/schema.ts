import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with a mail (a decision letter), kept with it so that a retry sends the very same bytes. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  base64: string;
}

/**
 * Mails are written here inside the command's transaction and delivered after commit, so a mail
 * is never sent for a change that was rolled back, and never lost when delivery fails.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Where replies go: the contact address of the funder the mail is sent for (null: no reply expected). */
    replyTo: text('reply_to'),
    html: text('html'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * No instance takes the mail before this instant: it is being sent by the instance that
     * claimed it, or it failed and waits for its retry. Null for a mail nobody has tried yet.
     */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.status, t.createdAt)],
);
