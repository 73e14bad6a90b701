import { and, eq, isNull } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import type { Locale } from '../../../domain/locale.ts';
import { isLocale } from '../../../domain/locale.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { users } from '../../../platform/identity/schema.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { loadCall } from '../access.ts';
import { callQuestions } from '../schema.ts';

export type AskQuestionRefusal = 'call-closed';

/**
 * A signed-in person asks a question about an open call. It stays private until an officer
 * answers it; the answer is then published for every applicant, so all get the same information.
 */
export async function askQuestion(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; question: string; now?: Date },
): Promise<Outcome<void, AskQuestionRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'ask', now: input.now });
      if (!scoped.can.ask) refuse('call-closed');
      const call = scoped.record;
      const actor = signedIn(scoped);
      const [created] = await tx
        .insert(callQuestions)
        .values({ callId: call.id, askedBy: actor.userId, question: input.question })
        .returning({ id: callQuestions.id });
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'call.question-asked',
        subjectType: 'call',
        subjectId: call.id,
        after: { questionId: created!.id },
      });
    }),
  );
}

export type AnswerQuestionRefusal = 'archived' | 'missing-translations';

/**
 * An officer answers a question: question and answer are published together, each in every
 * language the funder publishes in (the officer may reword the question first — to remove a name, or
 * to generalise it), and the asker is told in their language.
 */
export async function answerQuestion(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; questionId: string; question: Translated; answer: Translated },
): Promise<Outcome<void, AnswerQuestionRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'answerQuestions', lock: tx });
      if (!scoped.can.answerQuestions) refuse('archived');
      if (!isUuid(input.questionId)) throw new NotFoundError('question');
      const call = scoped.record;
      const actor = signedIn(scoped);
      const [q] = await tx
        .select()
        .from(callQuestions)
        .where(
          and(
            eq(callQuestions.id, input.questionId),
            eq(callQuestions.callId, call.id),
            isNull(callQuestions.publishedAt),
          ),
        )
        .for('update');
      if (!q) throw new NotFoundError('question');
      const { question, answer } = input;
      if (call.funderLanguages.some((lang) => !question[lang]?.trim() || !answer[lang]?.trim()))
        refuse('missing-translations');
      await tx
        .update(callQuestions)
        .set({ publishedQuestion: question, answer, answeredBy: actor.userId, publishedAt: new Date() })
        .where(eq(callQuestions.id, q.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'call.question-answered',
        subjectType: 'call',
        subjectId: call.id,
        before: { question: q.question },
        after: { question, answer },
      });
      const [asker] = await tx
        .select({ email: users.email, displayName: users.displayName, locale: users.locale })
        .from(users)
        .where(eq(users.id, q.askedBy));
      if (asker) {
        const locale: Locale = isLocale(asker.locale) ? asker.locale : 'fr';
        const t = translator(locale);
        await enqueueMail(tx, {
          to: asker.email,
          subject: t('mail.answered.subject', { call: inLocale(call.title, locale) }),
          text: [
            t('mail.greeting', { name: asker.displayName }),
            '',
            t('mail.answered.body'),
            '',
            inLocale(question, locale),
            '',
            inLocale(answer, locale),
            '',
            `${deps.publicUrl}/calls/${call.id}#questions`,
            '',
            t('mail.signature'),
          ].join('\n'),
        });
      }
    }),
  );
}
