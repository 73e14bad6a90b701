import { authorize, canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import type { Cents } from '../../../domain/money.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { callForms, calls } from '../schema.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { standardForm } from '../../../domain/forms/template.ts';

export type CreateCallRefusal = 'code-taken';

export interface NewCall {
  funderId: string;
  code: string;
  title: Translated;
  summary: Translated;
  description: Translated;
  budgetCents: Cents;
  grantMinCents: Cents | null;
  grantMaxCents: Cents | null;
  coFundingMaxPercent?: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
  targetPublics?: string[];
  activityTypes?: string[];
}

/**
 * Creates a call as a draft of the funder, with the standard application form to start from
 * (or the one given); only that funder's officers and administrators may. The code must be free.
 */
export async function createCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; call: NewCall; form?: FormDefinition },
): Promise<Outcome<string, CreateCallRefusal>> {
  const actor = input.actor;
  authorize(actor, canManageCalls(actor, input.call.funderId), 'create call');
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [created] = await tx.insert(calls).values(input.call).onConflictDoNothing().returning({ id: calls.id });
      if (!created) return refuse('code-taken');
      const id = created.id;
      await tx
        .insert(callForms)
        .values({ callId: id, version: 1, definition: input.form ?? standardForm(), createdBy: actor.userId });
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: input.call.funderId,
        action: 'call.created',
        subjectType: 'call',
        subjectId: id,
        after: { code: input.call.code, title: input.call.title.fr, budgetCents: input.call.budgetCents },
      });
      return id;
    }),
  );
}
