import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { transition } from '../../../domain/applicationLifecycle.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { allFields } from '../../../domain/forms/definition.ts';
import { isLocale } from '../../../domain/locale.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { applicationFor, lockApplication } from '../access.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applicationReturns, applications } from '../schema.ts';

/**
 * Why nothing is sent back: the application is no longer submitted (someone moved it meanwhile), none
 * of the fields named is the form's, or the due instant is not in the future.
 */
export type ReturnForCompletionRefusal = 'invalid-transition' | 'no-fields' | 'due-past';

/**
 * An officer sends a submitted application back for completion: a message, the fields reopened
 * and the instant it is due. The submitted version stays on record beside the completed one.
 */
export async function returnForCompletion(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; message: string; openFields: string[]; dueAt: Date; now?: Date },
): Promise<Outcome<void, ReturnForCompletionRefusal>> {
  const now = input.now ?? new Date();
  const { application: seen, funderId } = await applicationFor(
    deps,
    input.actor,
    input.applicationId,
    'returnForCompletion',
  );
  const known = new Set(allFields(await deps.calls.formById(seen.formId)).map((f) => f.id));
  const recipients = await deps.organisations.recipients(seen.organisationId);
  return refusable<void, ReturnForCompletionRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const application = await lockApplication(tx, seen.id);
      const moved = transition(application.status, 'return-for-completion', {
        now,
        call: { opensAt: null, closesAt: now },
      });
      if (!moved.ok) return refuse('invalid-transition');
      const openFields = input.openFields.filter((f) => known.has(f));
      if (!openFields.length) return refuse('no-fields');
      if (input.dueAt.getTime() <= now.getTime()) return refuse('due-past');
      await tx.insert(applicationReturns).values({
        applicationId: application.id,
        message: input.message,
        openFields,
        dueAt: input.dueAt,
        createdBy: input.actor!.userId,
      });
      await tx
        .update(applications)
        .set({ status: moved.value, version: sql`${applications.version} + 1`, updatedAt: now })
        .where(eq(applications.id, application.id));
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        funderId,
        action: 'application.returned',
        subjectType: 'application',
        subjectId: application.id,
        before: { status: application.status },
        after: { status: moved.value, openFields, dueAt: input.dueAt.toISOString() },
        reason: input.message,
      });
      for (const member of recipients) {
        const locale = isLocale(member.locale) ? member.locale : 'fr';
        const t = translator(locale);
        await enqueueMail(tx, {
          to: member.email,
          subject: t('mail.returned.subject', { reference: application.reference ?? '' }),
          text: [
            t('mail.greeting', { name: member.displayName }),
            '',
            t('mail.returned.body', { due: formatInstant(input.dueAt, locale) }),
            '',
            input.message,
            '',
            `${deps.publicUrl}/applications/${application.id}`,
            '',
            t('mail.signature'),
          ].join('\n'),
        });
      }
    }),
  );
}
