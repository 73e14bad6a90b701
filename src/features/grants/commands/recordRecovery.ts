import { createHash, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { instantToBrussels } from '../../../domain/brusselsTime.ts';
import { addDays } from '../../../domain/calendarDate.ts';
import { grantContext, ledgerOf } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
import { recoverableCents } from '../../../domain/grants/ledger.ts';
import { trancheLifecycle, type TrancheContext } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { funderLogo } from '../../../platform/identity/funderLogo.ts';
import { funders } from '../../../platform/identity/schema.ts';
import { renderPdf } from '../../../platform/pdf/renderPdf.ts';
import { files } from '../../../platform/storage/schema.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { recoveryLetterSpec } from '../recoveryLetter.ts';
import { grantRecoveries, grants, grantTranches } from '../schema.ts';
import { recoveryCommunicationOf } from './createGrants.ts';
import { paymentSettingsOf } from './paymentSettings.ts';

export type RecordRecoveryRefusal = Stale | 'not-now' | 'nothing-to-recover' | 'exceeds-recoverable';

/** The days a grantee has to pay a recovery back, from the letter's day. */
export const RECOVERY_PAYMENT_DAYS = 30;

// Cancelling a tranche reads no context: the cancel rule has no guard.
const NO_CONTEXT = {} as TrancheContext;

/**
 * An officer claims money back: at most what was paid and not justified, less what is already claimed
 * (recoverableCents), with the reason. The recovery letter is written as a tagged PDF in the grant's language
 * (the letters' renderer) with the funder's account and a structured communication of its own. The grant ends
 * as recovered (its tranches not paid yet are cancelled); a further claim on a recovered grant adds to it. One
 * transaction: the recovery, its letter, the tranches, the grant and the audit row.
 */
export async function recordRecovery(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; version: number; amountCents: number; reason: string; now?: Date },
): Promise<Outcome<{ recoveryId: string }, RecordRecoveryRefusal>> {
  const now = input.now ?? new Date();
  return refusable(async (refuse) => {
    const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'recordRecovery' });
    const { row, grant } = scoped.record;
    if (!scoped.can.recordRecovery) return refuse('not-now');
    if (row.version !== input.version) return refuse('stale');
    const ledger = ledgerOf(grant);
    const ceiling = recoverableCents(ledger);
    if (ceiling <= 0) return refuse('nothing-to-recover');
    if (!(input.amountCents > 0) || input.amountCents > ceiling) return refuse('exceeds-recoverable');
    const number = scoped.record.recoveries.length + 1;
    const communication = recoveryCommunicationOf(row.number, number);
    const [funder] = await deps.db.select().from(funders).where(eq(funders.id, row.funderId));
    const organisation = (await deps.organisations.paymentDetails([row.organisationId])).get(row.organisationId);
    const settings = await paymentSettingsOf(deps.db, row.funderId);
    const call = await deps.calls.publicCall(row.callId);
    const place = (street: string | null, postalCode: string | null, city: string | null) =>
      [street, [postalCode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const bytes = await renderPdf(
      recoveryLetterSpec({
        locale: row.locale,
        createdAt: now,
        funder: {
          name: funder!.name,
          address: place(funder!.street, funder!.postalCode, funder!.city),
          logo: await funderLogo(deps.db, deps.storage, row.funderId),
        },
        callTitle: call.title,
        organisation: {
          name: row.organisationName,
          address: organisation ? place(organisation.street, organisation.postalCode, organisation.city) : '',
        },
        project: { reference: row.reference, title: row.title },
        amountCents: input.amountCents,
        reason: input.reason,
        ledger,
        account: settings ? { name: settings.debtorName, iban: settings.debtorIban } : null,
        communication,
        payBy: addDays(instantToBrussels(now).date, RECOVERY_PAYMENT_DAYS),
      }),
    );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = randomUUID();
    await deps.storage.put(storageKey, bytes);
    const actorId = signedIn(scoped).userId;
    return inTransaction(deps, async (tx) => {
      const locked = await loadGrant(deps, input.actor, input.grantId, {
        action: 'recordRecovery',
        lock: tx,
        isMember: scoped.isMember,
      });
      const { row: current_row, grant: current, tranches } = locked.record;
      if (current_row.version !== input.version) return refuse('stale');
      if (input.amountCents > recoverableCents(ledgerOf(current))) return refuse('exceeds-recoverable');
      let status = current_row.status;
      if (status !== 'recovered') {
        const moved = grantLifecycle.transition(status, 'recover', grantContext(current, now));
        if (!moved.ok) return refuse('not-now');
        status = moved.value;
      }
      const cancelled = tranches.filter((t) => trancheLifecycle.can(t.status, 'cancel', NO_CONTEXT)).map((t) => t.id);
      if (cancelled.length)
        await tx.update(grantTranches).set({ status: 'cancelled' }).where(inArray(grantTranches.id, cancelled));
      const [file] = await tx
        .insert(files)
        .values({
          storageKey,
          name: `${row.reference}-recovery-${number}.pdf`,
          mime: 'application/pdf',
          sizeBytes: bytes.length,
          sha256,
          uploadedBy: actorId,
        })
        .returning({ id: files.id });
      const [recovery] = await tx
        .insert(grantRecoveries)
        .values({
          grantId: row.id,
          amountCents: input.amountCents,
          reason: input.reason,
          letterFileId: file!.id,
          recordedBy: actorId,
          recordedAt: now,
        })
        .returning({ id: grantRecoveries.id });
      await tx
        .update(grants)
        .set({ status, version: current_row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: 'grant.recovery-recorded',
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: current_row.status },
        after: { status, amountCents: input.amountCents, communication, tranchesCancelled: cancelled.length, sha256 },
        reason: input.reason,
      });
      return { recoveryId: recovery!.id };
    });
  });
}
