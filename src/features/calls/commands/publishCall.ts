import { desc, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { publishProblems, type CallTransitionError, type PublishProblem } from '../../../domain/callLifecycle.ts';
import { missingTranslations } from '../../../domain/callTranslations.ts';
import { allFields } from '../../../domain/forms/definition.ts';
import { validateForm } from '../../../domain/forms/validateForm.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { callDocuments, callForms } from '../schema.ts';
import { transitionCall } from './transitionCall.ts';

export type PublishCallRefusal =
  PublishProblem | 'form-empty' | 'form-invalid' | 'missing-translations' | CallTransitionError;

/**
 * draft → published, once the call is complete — its texts, criteria, form and documents given in
 * each language the funder requires — with every reason at once when it is not; the server's clock decides.
 */
export async function publishCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; now?: Date },
): Promise<Outcome<void, PublishCallRefusal>> {
  const now = input.now ?? new Date();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'publish', lock: tx, now });
      const call = scoped.record;
      const [form] = await tx
        .select()
        .from(callForms)
        .where(eq(callForms.callId, call.id))
        .orderBy(desc(callForms.version))
        .limit(1);
      const problems: PublishCallRefusal[] = publishProblems({ ...call, titleFr: call.title.fr }, now);
      if (!form || allFields(form.definition).length === 0) problems.push('form-empty');
      else if (validateForm(form.definition).length) problems.push('form-invalid');
      const documents = await tx
        .select({ label: callDocuments.label })
        .from(callDocuments)
        .where(eq(callDocuments.callId, call.id));
      if (form && missingTranslations(call, form.definition, documents, call.funderLanguages).length)
        problems.push('missing-translations');
      const [first, ...rest] = problems;
      if (first) refuse(first, ...rest);
      const moved = await transitionCall(tx, {
        callId: call.id,
        event: 'publish',
        actorId: signedIn(scoped).userId,
        now,
      });
      if (!moved.ok) refuse(moved.error);
    }),
  );
}
