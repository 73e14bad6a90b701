import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { amendedTerms, type AmendmentRequest, type AmendmentTermsProblem } from '../../../domain/grants/amendment.ts';
import {
  agreementVersionLifecycle,
  amendmentProblems,
  nextVersionNumber,
  type AgreementVersion,
} from '../../../domain/grants/agreementVersions.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { inLocale } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { files } from '../../../platform/storage/schema.ts';
import { loadGrant } from '../access.ts';
import { agreementDocument, applicationBudget } from '../agreementDocument.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants } from '../schema.ts';

export type ProposeAmendmentRefusal =
  Stale | 'not-now' | 'amendment-without-reason' | 'no-bank-account' | AmendmentTermsProblem;

/**
 * An officer proposes an amendment to the binding agreement of a running grant — an extension without cost or
 * a budget revision between lines — with its reason: a new agreement version is written as a PDF (the same
 * renderer, the call's clauses) and sent to the organisation's members, who accept or decline it as they did
 * the agreement; an officer then countersigns it and it binds. The grant's status does not move. One version
 * in progress at a time. One transaction: the version, its file, the grant's version, the audit row, the mails.
 */
export async function proposeAmendment(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; version: number; reason: string; request: AmendmentRequest; now?: Date },
): Promise<Outcome<{ number: number; sha256: string }, ProposeAmendmentRefusal>> {
  const now = input.now ?? new Date();
  return refusable(async (refuse) => {
    const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'amend' });
    const { row, grant, versions, tranches } = scoped.record;
    if (!scoped.can.amend || amendmentProblems(row.status, grant.versions).length) return refuse('not-now');
    if (row.version !== input.version) return refuse('stale');
    const binding = versions.find((v) => v.status === 'countersigned')!;
    const amended = amendedTerms(
      {
        amountCents: binding.amountCents,
        periodStart: binding.periodStart,
        periodEnd: binding.periodEnd,
        budget: binding.budget ?? (await applicationBudget(deps, row.applicationId)),
      },
      input.request,
    );
    if (!amended.ok) return refuse(...(amended.problems as [AmendmentTermsProblem, ...AmendmentTermsProblem[]]));
    const terms = amended.value;
    const number = nextVersionNumber(grant.versions);
    const reason = input.reason.trim();
    const document = await agreementDocument(
      deps,
      row,
      tranches,
      { number, reason, amendmentKind: input.request.kind, ...terms },
      now,
    );
    if (!document) return refuse('no-bank-account');
    const draft: AgreementVersion = { number, status: 'draft', reason, documentSha256: document.sha256, ...terms };
    const sent = agreementVersionLifecycle.transition('draft', 'send', draft);
    if (!sent.ok) return refuse(sent.error === 'amendment-without-reason' ? sent.error : 'not-now');
    const storageKey = randomUUID();
    await deps.storage.put(storageKey, document.bytes);
    const recipients = await deps.organisations.recipients(row.organisationId);
    const call = await deps.calls.publicCall(row.callId);
    const actorId = signedIn(scoped).userId;
    await inTransaction(deps, async (tx) => {
      const locked = await loadGrant(deps, input.actor, input.grantId, {
        action: 'amend',
        lock: tx,
        isMember: scoped.isMember,
      });
      if (locked.record.row.version !== input.version) return refuse('stale');
      if (!locked.can.amend || amendmentProblems(locked.record.row.status, locked.record.grant.versions).length)
        return refuse('not-now');
      const [file] = await tx
        .insert(files)
        .values({
          storageKey,
          name: `${row.reference}-amendment-${number}.pdf`,
          mime: 'application/pdf',
          sizeBytes: document.bytes.length,
          sha256: document.sha256,
          uploadedBy: actorId,
        })
        .returning({ id: files.id });
      await tx.insert(grantAgreementVersions).values({
        grantId: row.id,
        number,
        status: sent.value,
        amountCents: terms.amountCents,
        periodStart: terms.periodStart,
        periodEnd: terms.periodEnd,
        budget: terms.budget,
        reason,
        amendmentKind: input.request.kind,
        fileId: file!.id,
        documentSha256: document.sha256,
        sentBy: actorId,
        sentAt: now,
      });
      await tx
        .update(grants)
        .set({ version: row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: 'grant.amendment-sent',
        subjectType: 'grant',
        subjectId: row.id,
        after: { version: number, kind: input.request.kind, periodEnd: terms.periodEnd, sha256: document.sha256 },
        reason,
      });
      for (const r of recipients) {
        const t = translator(r.locale === 'nl' || r.locale === 'en' ? r.locale : 'fr');
        const values = {
          name: r.displayName,
          reference: row.reference,
          call: inLocale(call.title, row.locale),
          link: `${deps.publicUrl}/grants/${row.id}`,
        };
        await enqueueMail(tx, {
          to: r.email,
          subject: t('grants.mail.amendment.subject', values),
          text: t('grants.mail.amendment.body', values),
        });
      }
    });
    return { number, sha256: document.sha256 };
  });
}
