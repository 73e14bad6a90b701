// A decision letter goes out in two steps: rendered and stored before the command's transaction
// (PDF rendering is slow and touches no table), then recorded and mailed inside it, so that a
// letter is only ever sent for a decision that committed. A rolled-back command leaves an
// unreferenced file in the storage, never a letter without its decision.
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isLocale } from '../../domain/locale.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { renderPdf } from '../../platform/pdf/renderPdf.ts';
import { files } from '../../platform/storage/schema.ts';
import type { DecisionsDeps } from './deps.ts';
import { letterSpec, type LetterFacts } from './letters.ts';
import { decisionOutcomes } from './schema.ts';

export interface RenderedLetter {
  applicationId: string;
  organisationId: string;
  reference: string;
  name: string;
  bytes: Buffer;
  storageKey: string;
  /** Loaded with the letter: inside the transaction only the transaction may be read. */
  recipients: { email: string; displayName: string; locale: string }[];
}

export async function renderLetter(deps: DecisionsDeps, target: { applicationId: string; organisationId: string }, facts: LetterFacts): Promise<RenderedLetter> {
  const bytes = await renderPdf(letterSpec(facts));
  const storageKey = randomUUID();
  await deps.storage.put(storageKey, bytes);
  const recipients = await deps.organisations.recipients(target.organisationId);
  return { ...target, reference: facts.application.reference, name: `${facts.application.reference}-decision.pdf`, bytes, storageKey, recipients };
}

/** Records the letter as the outcome's and mails it to every member of the organisation, each in their language. */
export async function deliverLetter(tx: Transaction, deps: DecisionsDeps, letter: RenderedLetter, context: { actorId: string; callTitle: Translated }): Promise<void> {
  const [file] = await tx
    .insert(files)
    .values({ storageKey: letter.storageKey, name: letter.name, mime: 'application/pdf', sizeBytes: letter.bytes.length, sha256: createHash('sha256').update(letter.bytes).digest('hex'), uploadedBy: context.actorId })
    .returning({ id: files.id });
  await tx.update(decisionOutcomes).set({ letterFileId: file!.id }).where(eq(decisionOutcomes.applicationId, letter.applicationId));
  const attachment = { filename: letter.name, contentType: 'application/pdf', base64: letter.bytes.toString('base64') };
  for (const r of letter.recipients) {
    const locale = isLocale(r.locale) ? r.locale : 'fr';
    const t = translator(locale);
    const values = { name: r.displayName, reference: letter.reference, call: inLocale(context.callTitle, locale), link: `${deps.publicUrl}/applications/${letter.applicationId}` };
    await enqueueMail(tx, { to: r.email, subject: t('mail.decision.subject', values), text: t('mail.decision.body', values), attachments: [attachment] });
  }
}
