import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { transition, type TransitionError } from '../../../domain/applicationLifecycle.ts';
import { formatInstant, instantToBrussels } from '../../../domain/brusselsTime.ts';
import { canonicalAnswers, normaliseAnswers } from '../../../domain/forms/answers.ts';
import { isLocale } from '../../../domain/locale.ts';
import { applicationReference } from '../../../domain/reference.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { inLocale } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { applicationFor, lockApplication } from '../access.ts';
import { answerContext } from '../answerContext.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { openReturn } from '../returns.ts';
import { searchVector } from '../search.ts';
import { applicationCounters, applicationReturns, applications, applicationSubmissions } from '../schema.ts';

export interface Receipt {
  reference: string;
  submittedAt: Date;
  sha256: string;
}

/**
 * Why nothing is submitted: the lifecycle's reasons (the call not open or closed, a return overdue, an
 * application no longer a draft or returned), or answers that do not pass the submission's checks.
 */
export type SubmitApplicationRefusal = TransitionError | 'incomplete';

/**
 * Submits a draft (or a completed returned application) in one transaction: the answers are
 * checked in full and frozen, their SHA-256 recorded, a reference number given at the first
 * submission, and every member of the organisation gets a receipt. The server's clock decides
 * whether the call is still open: one second after the deadline is too late.
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; now?: Date },
): Promise<Outcome<Receipt, SubmitApplicationRefusal>> {
  const now = input.now ?? new Date();
  const { application: seen, context } = await applicationFor(deps, input.actor, input.applicationId, 'submit');
  const actor = input.actor!;
  const { call } = context;
  const ownForm = await deps.calls.formById(seen.formId);
  const recipients = await deps.organisations.recipients(seen.organisationId);
  return refusable<Receipt, SubmitApplicationRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const application = await lockApplication(tx, seen.id);
      const ret = application.status === 'returned' ? await openReturn(tx, application.id) : null;
      if (application.status === 'draft' && call.status !== 'published') return refuse('call-closed');
      const moved = transition(application.status, 'submit', {
        now,
        call: { opensAt: call.opensAt, closesAt: call.closesAt ?? now },
        returnDueAt: ret?.dueAt ?? null,
      });
      if (!moved.ok) return refuse(moved.error);

      const form = application.status === 'draft' ? context.form : { id: application.formId, definition: ownForm };
      const { values, errors } = normaliseAnswers(form.definition, application.rawAnswers, answerContext(context), {
        forSubmission: true,
      });
      if (Object.keys(errors).length) return refuse('incomplete');

      let reference = application.reference;
      if (!reference) {
        const [counter] = await tx
          .insert(applicationCounters)
          .values({ callId: call.id, lastNumber: 1 })
          .onConflictDoUpdate({
            target: applicationCounters.callId,
            set: { lastNumber: sql`${applicationCounters.lastNumber} + 1` },
          })
          .returning({ n: applicationCounters.lastNumber });
        reference = applicationReference(call.code, Number(instantToBrussels(now).date.slice(0, 4)), counter!.n);
      }
      const sha256 = createHash('sha256').update(canonicalAnswers(values)).digest('hex');
      await tx.insert(applicationSubmissions).values({
        applicationId: application.id,
        formId: form.id,
        answers: values,
        sha256,
        submittedAt: now,
        submittedBy: actor.userId,
      });
      await tx
        .update(applications)
        .set({
          status: moved.value,
          reference,
          answers: values,
          formId: form.id,
          submittedAt: now,
          search: searchVector(application.title, form.definition, values),
          version: sql`${applications.version} + 1`,
          updatedBy: actor.userId,
          updatedAt: now,
        })
        .where(eq(applications.id, application.id));
      if (ret) await tx.update(applicationReturns).set({ resolvedAt: now }).where(eq(applicationReturns.id, ret.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: ret ? 'application.resubmitted' : 'application.submitted',
        subjectType: 'application',
        subjectId: application.id,
        before: { status: application.status },
        after: { status: moved.value, reference, sha256 },
      });

      for (const member of recipients) {
        const locale = isLocale(member.locale) ? member.locale : 'fr';
        const t = translator(locale);
        await enqueueMail(tx, {
          to: member.email,
          subject: t('mail.receipt.subject', { reference }),
          text: [
            t('mail.greeting', { name: member.displayName }),
            '',
            t('mail.receipt.body', { title: application.title, call: inLocale(call.title, locale) }),
            '',
            `${t('receipt.reference')}: ${reference}`,
            `${t('receipt.submittedAt')}: ${formatInstant(now, locale)} (${t('receipt.brusselsTime')})`,
            `${t('receipt.sha256')}: ${sha256}`,
            '',
            `${deps.publicUrl}/applications/${application.id}/receipt`,
            '',
            t('mail.signature'),
          ].join('\n'),
        });
      }
      return { reference, submittedAt: now, sha256 };
    }),
  );
}
