import { and, eq, sql } from 'drizzle-orm';
import { authorize, canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import { publishProblems } from '../../../domain/callLifecycle.ts';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../schema.ts';

/** draft → published, once the call is complete; the clock that decides is the server's. */
export async function publishCall(deps: CommandDeps, input: { actor: MaybeActor; callId: string; now?: Date }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update');
    if (!call) throw new NotFoundError('call');
    const actor = input.actor;
    authorize(actor, canManageCalls(actor, call.funderId), 'publish call');
    const problems = publishProblems({ ...call, titleFr: call.title.fr }, input.now ?? new Date());
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
