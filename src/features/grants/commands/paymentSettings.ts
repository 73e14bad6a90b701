import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { ApprovalPolicy } from '../../../domain/grants/trancheApproval.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantPaymentSettings } from '../schema.ts';

export type PaymentSettings = typeof grantPaymentSettings.$inferSelect;

export async function paymentSettingsOf(db: Executor, funderId: string): Promise<PaymentSettings | null> {
  const [row] = await db.select().from(grantPaymentSettings).where(eq(grantPaymentSettings.funderId, funderId));
  return row ?? null;
}

/** The funder's four-eyes rule; without settings one approval suffices. */
export async function approvalPolicyOf(db: Executor, funderId: string): Promise<ApprovalPolicy> {
  return { secondApprovalAboveCents: (await paymentSettingsOf(db, funderId))?.secondApprovalAboveCents ?? null };
}

export type SavePaymentSettingsRefusal = 'not-now';

/**
 * The funder's debtor account (validated by the form) and its second-approval threshold, set by an officer of
 * one of its calls (`callId`, loaded for them). The change is audited with what it replaced.
 */
export async function savePaymentSettings(
  deps: GrantsDeps,
  input: {
    actor: MaybeActor;
    callId: string;
    debtorName: string;
    debtorIban: string;
    debtorBic: string | null;
    secondApprovalAboveCents: number | null;
  },
): Promise<Outcome<void, SavePaymentSettingsRefusal>> {
  const call = await deps.calls.load(input.actor, input.callId, { action: 'manage' });
  const funderId = call.record.funderId;
  const actorId = signedIn(call).userId;
  return refusable(() =>
    inTransaction(deps, async (tx) => {
      const before = await paymentSettingsOf(tx, funderId);
      const values = {
        debtorName: input.debtorName,
        debtorIban: input.debtorIban,
        debtorBic: input.debtorBic,
        secondApprovalAboveCents: input.secondApprovalAboveCents,
        updatedBy: actorId,
        updatedAt: new Date(),
      };
      await tx
        .insert(grantPaymentSettings)
        .values({ funderId, ...values })
        .onConflictDoUpdate({ target: grantPaymentSettings.funderId, set: values });
      await recordAudit(tx, {
        actorId,
        funderId,
        action: 'grant.payment-settings',
        subjectType: 'funder',
        subjectId: funderId,
        before,
        after: values,
      });
    }),
  );
}
