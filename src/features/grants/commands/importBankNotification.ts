import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { trancheLifecycle, type TrancheContext } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { parseCamt054, type Camt054Error } from '../../../platform/sepa/camt054.ts';
import type { GrantsDeps } from '../deps.ts';
import { grants, grantTranches, paymentBatches } from '../schema.ts';
import { endToEndIdOf } from './createBatch.ts';

export type ImportNotificationRefusal = Camt054Error | 'not-utf8' | 'nothing-matched';

// mark-paid and return have no guard: they read no context.
const NO_CONTEXT = {} as TrancheContext;

export interface NotificationImport {
  paid: number;
  returned: number;
  /** Transfers of the file that name no tranche of this call waiting for that outcome, or another amount. */
  unmatched: number;
  batchesPaid: number;
}

/**
 * The bank's debit notification (camt.054) of a call's payment batches: each booked transfer is matched to
 * its tranche by the EndToEndId our pain.001 file gave it (and its amount): a tranche in a batch becomes paid;
 * a paid tranche whose transfer came back becomes returned (to be put in a new batch). A batch with no
 * transfer left waiting is paid. Importing the same file twice changes nothing more. Refused, with nothing
 * changed, when the file is not a camt.054 or matches nothing. One transaction with its audit row.
 */
export async function importBankNotification(
  deps: GrantsDeps,
  input: { actor: MaybeActor; callId: string; bytes: Buffer; now?: Date },
): Promise<Outcome<NotificationImport, ImportNotificationRefusal>> {
  const now = input.now ?? new Date();
  const call = await deps.calls.load(input.actor, input.callId, { action: 'manage' });
  const actorId = signedIn(call).userId;
  return refusable(async (refuse) => {
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      return refuse('not-utf8');
    }
    const parsed = parseCamt054(xml);
    if (!parsed.ok) return refuse(parsed.error);
    return inTransaction(deps, async (tx) => {
      const rows = await tx
        .select({ tranche: grantTranches, reference: grants.reference })
        .from(grantTranches)
        .innerJoin(grants, eq(grants.id, grantTranches.grantId))
        .where(and(eq(grants.callId, input.callId), isNotNull(grantTranches.batchId)))
        .for('update', { of: grantTranches });
      const byId = new Map(rows.map((r) => [endToEndIdOf(r.reference, r.tranche.number), r.tranche]));
      const result: NotificationImport = { paid: 0, returned: 0, unmatched: 0, batchesPaid: 0 };
      const touched = new Set<string>();
      for (const transfer of parsed.value) {
        const tranche = byId.get(transfer.endToEndId);
        const event = transfer.returned ? 'return' : 'mark-paid';
        const moved = tranche ? trancheLifecycle.transition(tranche.status, event, NO_CONTEXT) : null;
        if (
          !tranche ||
          !moved?.ok ||
          transfer.currency !== 'EUR' ||
          transfer.amountCents !== tranche.amountCents ||
          (!transfer.returned && transfer.direction !== 'DBIT')
        ) {
          result.unmatched++;
          continue;
        }
        await tx
          .update(grantTranches)
          .set({ status: moved.value, paidAt: transfer.returned ? null : now, version: tranche.version + 1 })
          .where(eq(grantTranches.id, tranche.id));
        tranche.status = moved.value;
        touched.add(tranche.batchId!);
        if (transfer.returned) result.returned++;
        else result.paid++;
      }
      if (!result.paid && !result.returned) return refuse('nothing-matched');
      // A batch whose transfers are all booked is paid.
      const batches = touched.size
        ? await tx
            .select({ id: paymentBatches.id })
            .from(paymentBatches)
            .where(and(inArray(paymentBatches.id, [...touched]), eq(paymentBatches.status, 'created')))
        : [];
      for (const batch of batches) {
        if (rows.some((r) => r.tranche.batchId === batch.id && r.tranche.status === 'in-batch')) continue;
        await tx
          .update(paymentBatches)
          .set({ status: 'paid', paidBy: actorId, paidAt: now })
          .where(eq(paymentBatches.id, batch.id));
        result.batchesPaid++;
      }
      await recordAudit(tx, {
        actorId,
        funderId: call.record.funderId,
        action: 'grant.bank-notification-imported',
        subjectType: 'call',
        subjectId: input.callId,
        after: { ...result, transfers: parsed.value.length },
      });
      return result;
    });
  });
}
