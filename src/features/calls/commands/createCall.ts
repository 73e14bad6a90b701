import { authorize, canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import type { Cents } from '../../../domain/money.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../schema.ts';

export interface NewCall {
  funderId: string;
  code: string;
  title: Translated;
  summary: Translated;
  description: Translated;
  budgetCents: Cents;
  grantMinCents: Cents | null;
  grantMaxCents: Cents | null;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** Creates a call as a draft of the funder; only that funder's officers and administrators may. */
export async function createCall(deps: CommandDeps, input: { actor: MaybeActor; call: NewCall }): Promise<string> {
  const actor = input.actor;
  authorize(actor, canManageCalls(actor, input.call.funderId), 'create call');
  return inTransaction(deps, async (tx) => {
    const [created] = await tx.insert(calls).values(input.call).returning({ id: calls.id });
    const id = created!.id;
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: input.call.funderId,
      action: 'call.created',
      subjectType: 'call',
      subjectId: id,
      after: { code: input.call.code, title: input.call.title.fr, budgetCents: input.call.budgetCents },
    });
    return id;
  });
}
