import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { instantToBrussels } from '../../../domain/brusselsTime.ts';
import { addMonths, isCalendarDate } from '../../../domain/calendarDate.ts';
import {
  agreementVersionLifecycle,
  nextVersionNumber,
  type AgreementVersion,
} from '../../../domain/grants/agreementVersions.ts';
import { grantContext } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
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
import { deMinimisFor } from '../deMinimisOf.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants } from '../schema.ts';

export type SendAgreementRefusal = Stale | 'not-now' | 'period' | 'de-minimis-exceeded' | 'no-bank-account';

/** The default period of a new agreement: from today for a year (the officer may set another). */
export function defaultPeriod(now: Date): { periodStart: string; periodEnd: string } {
  const start = instantToBrussels(now).date;
  return { periodStart: start, periodEnd: addMonths(start, 12) };
}

/**
 * Writes the grant's agreement (version 1) as a tagged PDF in the organisation's language and sends it: the
 * version is stored with the PDF and its SHA-256, the grant moves offered → agreement sent, and the
 * organisation's members are told, in one transaction. Refused when the aid would take the enterprise above
 * the de minimis ceiling unless the officer confirmed, having seen the warning (`deMinimisConfirmed`).
 */
export async function sendAgreement(
  deps: GrantsDeps,
  input: {
    actor: MaybeActor;
    grantId: string;
    version: number;
    periodStart: string;
    periodEnd: string;
    deMinimisConfirmed: boolean;
    now?: Date;
  },
): Promise<Outcome<{ sha256: string }, SendAgreementRefusal>> {
  const now = input.now ?? new Date();
  return refusable(async (refuse) => {
    const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'sendAgreement' });
    const { row } = scoped.record;
    if (!scoped.can.sendAgreement) return refuse('not-now');
    if (row.version !== input.version) return refuse('stale');
    if (!isCalendarDate(input.periodStart) || !isCalendarDate(input.periodEnd) || input.periodEnd < input.periodStart)
      refuse('period');
    const check = await deMinimisFor(deps.db, row, row.offeredCents, instantToBrussels(now).date);
    if (check.exceeds && !input.deMinimisConfirmed) return refuse('de-minimis-exceeded');
    const call = await deps.calls.publicCall(row.callId);
    const number = nextVersionNumber(scoped.record.grant.versions);
    const budget = await applicationBudget(deps, row.applicationId);
    const document = await agreementDocument(
      deps,
      row,
      scoped.record.tranches,
      {
        number,
        reason: null,
        amendmentKind: null,
        amountCents: row.offeredCents,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        budget,
      },
      now,
    );
    if (!document) return refuse('no-bank-account');
    const { bytes, sha256 } = document;
    const version: AgreementVersion = {
      number,
      status: 'draft',
      amountCents: row.offeredCents,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      reason: null,
      documentSha256: sha256,
    };
    const sent = agreementVersionLifecycle.transition('draft', 'send', version);
    if (!sent.ok) return refuse('not-now');
    const storageKey = randomUUID();
    await deps.storage.put(storageKey, bytes);
    const recipients = await deps.organisations.recipients(row.organisationId);
    const actorId = signedIn(scoped).userId;
    await inTransaction(deps, async (tx) => {
      const locked = await loadGrant(deps, input.actor, input.grantId, {
        action: 'sendAgreement',
        lock: tx,
        isMember: scoped.isMember,
      });
      if (locked.record.row.version !== input.version) return refuse('stale');
      const ctx = grantContext({ ...locked.record.grant, versions: [...locked.record.grant.versions, version] }, now);
      const moved = grantLifecycle.transition(locked.record.row.status, 'send-agreement', ctx);
      if (!moved.ok) return refuse('not-now');
      const [file] = await tx
        .insert(files)
        .values({
          storageKey,
          name: `${row.reference}-agreement-${number}.pdf`,
          mime: 'application/pdf',
          sizeBytes: bytes.length,
          sha256,
          uploadedBy: actorId,
        })
        .returning({ id: files.id });
      await tx.insert(grantAgreementVersions).values({
        grantId: row.id,
        number,
        status: 'sent',
        amountCents: row.offeredCents,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        fileId: file!.id,
        documentSha256: sha256,
        budget,
        sentBy: actorId,
        sentAt: now,
      });
      await tx
        .update(grants)
        .set({ status: moved.value, version: row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: 'grant.agreement-sent',
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value, version: number, sha256, deMinimis: check },
        reason: check.exceeds ? 'de minimis ceiling exceeded, confirmed by the officer' : null,
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
          subject: t('grants.mail.sent.subject', values),
          text: t('grants.mail.sent.body', values),
        });
      }
    });
    return { sha256 };
  });
}
