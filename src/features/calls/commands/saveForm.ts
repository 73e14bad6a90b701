import { desc, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { formChangeBreaksAnswers, validateForm } from '../../../domain/forms/validateForm.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { callForms, calls } from '../schema.ts';
import { callForChange } from './updateCall.ts';

/**
 * Saves the application form. A draft call's form is edited in place. Once the call is published,
 * a change that could break answers already given becomes a new version: applications submitted
 * keep the version they answered, drafts move to the new one. Wording changes stay in place.
 */
export async function saveForm(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; edit: (current: FormDefinition) => FormDefinition },
): Promise<{ formVersion: number }> {
  return inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'edit form');
    if (call.version !== input.version) throw new RuleViolationError(['stale']);
    const [current] = await tx
      .select()
      .from(callForms)
      .where(eq(callForms.callId, call.id))
      .orderBy(desc(callForms.version))
      .limit(1);
    const next = input.edit(current!.definition);
    const problems = validateForm(next);
    if (problems.length) throw new RuleViolationError(problems.map((p) => `${p.code}@${p.path}`));
    let formVersion = current!.version;
    if (call.status !== 'draft' && formChangeBreaksAnswers(current!.definition, next)) {
      formVersion += 1;
      await tx
        .insert(callForms)
        .values({ callId: call.id, version: formVersion, definition: next, createdBy: actor.userId });
    } else {
      await tx.update(callForms).set({ definition: next }).where(eq(callForms.id, current!.id));
    }
    await tx
      .update(calls)
      .set({ version: sql`${calls.version} + 1` })
      .where(eq(calls.id, call.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.form-saved',
      subjectType: 'call',
      subjectId: call.id,
      before: { formVersion: current!.version },
      after: { formVersion },
    });
    return { formVersion };
  });
}
