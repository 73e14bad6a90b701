import { desc, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { changeRefusals, type ChangeRefusal } from '../../../domain/callParts.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { formChangeBreaksAnswers, validateForm, type FormProblemCode } from '../../../domain/forms/validateForm.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { recordCorrection } from '../corrections.ts';
import { callForms, calls } from '../schema.ts';

export type SaveFormRefusal = Stale | ChangeRefusal | FormProblemCode;

/**
 * Saves the application form. A draft call's form is edited in place. Once the call is published,
 * a change that could break answers already given becomes a new version: applications submitted
 * keep the version they answered, drafts move to the new one; every change is then a correction,
 * shown on the public page. After the decision the form is locked.
 */
export async function saveForm(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; edit: (current: FormDefinition) => FormDefinition },
): Promise<Outcome<{ formVersion: number }, SaveFormRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'editForm', lock: tx });
      const call = scoped.record;
      if (call.version !== input.version) refuse('stale');
      const [locked] = changeRefusals(call.status, ['form'], false);
      if (locked) refuse(locked);
      const [current] = await tx
        .select()
        .from(callForms)
        .where(eq(callForms.callId, call.id))
        .orderBy(desc(callForms.version))
        .limit(1);
      const next = input.edit(current!.definition);
      const [problem, ...more] = [...new Set(validateForm(next).map((p) => p.code))];
      if (problem) refuse(problem, ...more);
      const actorId = signedIn(scoped).userId;
      let formVersion = current!.version;
      if (call.status !== 'draft' && formChangeBreaksAnswers(current!.definition, next)) {
        formVersion += 1;
        await tx
          .insert(callForms)
          .values({ callId: call.id, version: formVersion, definition: next, createdBy: actorId });
      } else {
        await tx.update(callForms).set({ definition: next }).where(eq(callForms.id, current!.id));
      }
      await tx
        .update(calls)
        .set({ version: sql`${calls.version} + 1` })
        .where(eq(calls.id, call.id));
      await recordCorrection(tx, {
        callId: call.id,
        status: call.status,
        callVersion: call.version + 1,
        parts: ['form'],
        note: null,
        actorId,
      });
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.form-saved',
        subjectType: 'call',
        subjectId: call.id,
        before: { formVersion: current!.version },
        after: { formVersion },
      });
      return { formVersion };
    }),
  );
}
