import { and, desc, eq, sql } from 'drizzle-orm';
import { allFields } from '../../../domain/forms/definition.ts';
import { validateForm } from '../../../domain/forms/validateForm.ts';
import type { MaybeActor } from '../../../domain/access.ts';
import { publishProblems } from '../../../domain/callLifecycle.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { callForms, calls } from '../schema.ts';
import { callForChange } from './updateCall.ts';

/** draft → published, once the call is complete; the clock that decides is the server's. */
export async function publishCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; now?: Date },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'publish call');
    const [form] = await tx
      .select()
      .from(callForms)
      .where(eq(callForms.callId, call.id))
      .orderBy(desc(callForms.version))
      .limit(1);
    const problems: string[] = publishProblems({ ...call, titleFr: call.title.fr }, input.now ?? new Date());
    if (!form || allFields(form.definition).length === 0) problems.push('form-empty');
    else if (validateForm(form.definition).length) problems.push('form-invalid');
    if (problems.length) throw new RuleViolationError(problems);
    await tx
      .update(calls)
      .set({ status: 'published', version: sql`${calls.version} + 1` })
      .where(and(eq(calls.id, call.id), eq(calls.version, call.version)));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.published',
      subjectType: 'call',
      subjectId: call.id,
      before: { status: call.status },
      after: { status: 'published' },
    });
  });
}
