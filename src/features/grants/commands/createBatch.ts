import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isCalendarDate } from '../../../domain/calendarDate.ts';
import { PAYABLE_GRANT_STATUSES } from '../../../domain/grants/grantLifecycle.ts';
import { trancheLifecycle, type TrancheContext, type TrancheStatus } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import {
  creditTransferProblems,
  creditTransferXml,
  type CreditTransfer,
  type CreditTransferBatch,
  type SepaProblem,
} from '../../../domain/sepa/pain001.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { funders } from '../../../platform/identity/schema.ts';
import { validatePain001 } from '../../../platform/sepa/validateXsd.ts';
import { files } from '../../../platform/storage/schema.ts';
import type { GrantsDeps } from '../deps.ts';
import { grants, grantTranches, paymentBatches } from '../schema.ts';
import { paymentSettingsOf } from './paymentSettings.ts';

export type CreateBatchRefusal =
  'no-tranches' | 'not-approved' | 'no-debtor-account' | 'execution-date' | 'sepa-invalid';

/** What may stand in a SEPA identifier: the rest becomes a dash, and it is cut to 35 characters. */
export const sepaId = (text: string) =>
  text
    .replace(/[^A-Za-z0-9\-?:().,'+]/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 35);

/** The EndToEndId of a tranche's transfer: the bank's notification (camt.054) names it back. */
export const endToEndIdOf = (reference: string, trancheNumber: number) => sepaId(`${reference}-T${trancheNumber}`);

/** Approved tranches, and those back from the bank (failed, returned) to be paid again once the cause is fixed. */
export const BATCHABLE: readonly TrancheStatus[] = ['approved', 'failed', 'returned'];

/**
 * Puts approved tranches of a call's grants in a new payment batch, written as one SEPA credit transfer file
 * (pain.001.001.09) from the funder's debtor account: one transaction per tranche to the grantee's account with
 * its structured communication. The file is checked before it is written (creditTransferProblems) and
 * validated against the EPC schema after; a file that fails the schema is never stored or offered. The
 * tranches move approved → in batch with the batch, its file and its audit row in one transaction; a tranche
 * that failed or came back is requeued (→ approved) and put in the new batch in the same step.
 */
export async function createBatch(
  deps: GrantsDeps,
  input: { actor: MaybeActor; callId: string; trancheIds: string[]; executionDate: string; now?: Date },
): Promise<Outcome<{ batchId: string; problems: SepaProblem[] }, CreateBatchRefusal>> {
  const now = input.now ?? new Date();
  const call = await deps.calls.load(input.actor, input.callId, { action: 'manage' });
  const funderId = call.record.funderId;
  const actorId = signedIn(call).userId;
  return refusable(async (refuse) => {
    const ids = [...new Set(input.trancheIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!ids.length) return refuse('no-tranches');
    if (!isCalendarDate(input.executionDate)) return refuse('execution-date');
    const settings = await paymentSettingsOf(deps.db, funderId);
    if (!settings) return refuse('no-debtor-account');
    const rows = await deps.db
      .select({ tranche: grantTranches, grant: grants })
      .from(grantTranches)
      .innerJoin(grants, eq(grants.id, grantTranches.grantId))
      .where(and(inArray(grantTranches.id, ids), eq(grants.callId, input.callId)));
    if (rows.length !== ids.length || rows.some((r) => !BATCHABLE.includes(r.tranche.status)))
      return refuse('not-approved');
    const organisations = await deps.organisations.paymentDetails([
      ...new Set(rows.map((r) => r.grant.organisationId)),
    ]);
    const payments: CreditTransfer[] = rows.map(({ tranche, grant }) => {
      const o = organisations.get(grant.organisationId)!;
      return {
        endToEndId: endToEndIdOf(grant.reference, tranche.number),
        amountCents: tranche.amountCents,
        structuredCommunication: tranche.structuredCommunication,
        creditor: {
          name: o.accountHolder || o.name,
          iban: o.iban,
          address: { street: o.street, postcode: o.postalCode, town: o.city, country: 'BE' },
        },
      };
    });
    const messageId = `OCTROI-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
    const batch: CreditTransferBatch = {
      messageId,
      createdAt: now,
      executionDate: input.executionDate,
      categoryPurpose: 'GOVT',
      debtor: {
        name: settings.debtorName,
        iban: settings.debtorIban,
        bic: settings.debtorBic,
        address: { town: 'Bruxelles', country: 'BE', ...(await funderAddress(deps, call.record)) },
      },
    };
    const problems = creditTransferProblems(batch, payments);
    if (problems.length) return refuse('sepa-invalid');
    const xml = creditTransferXml(batch, payments);
    const invalid = validatePain001(xml);
    if (invalid.length) throw new Error(`pain.001 file failed the EPC schema: ${JSON.stringify(invalid.slice(0, 3))}`);
    const bytes = Buffer.from(xml, 'utf8');
    const storageKey = randomUUID();
    await deps.storage.put(storageKey, bytes);
    const total = payments.reduce((s, p) => s + p.amountCents, 0);
    const batchId = await inTransaction(deps, async (tx) => {
      const locked = await tx
        .select({
          id: grantTranches.id,
          status: grantTranches.status,
          grantStatus: grants.status,
          amountCents: grantTranches.amountCents,
        })
        .from(grantTranches)
        .innerJoin(grants, eq(grants.id, grantTranches.grantId))
        .where(inArray(grantTranches.id, ids))
        .for('update', { of: grantTranches });
      const requeued: string[] = [];
      for (const t of locked) {
        const ctx = { grantStatus: t.grantStatus } as TrancheContext;
        const back = trancheLifecycle.transition(t.status, 'requeue', ctx);
        if (back.ok) requeued.push(t.id);
        const status = back.ok ? back.value : t.status;
        if (!PAYABLE_GRANT_STATUSES.includes(t.grantStatus) || !trancheLifecycle.can(status, 'add-to-batch', ctx))
          return refuse('not-approved');
      }
      const [file] = await tx
        .insert(files)
        .values({
          storageKey,
          name: `${messageId}.xml`,
          mime: 'application/xml',
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          uploadedBy: actorId,
        })
        .returning({ id: files.id });
      const [row] = await tx
        .insert(paymentBatches)
        .values({
          funderId,
          callId: input.callId,
          messageId,
          debtorName: settings.debtorName,
          debtorIban: settings.debtorIban,
          debtorBic: settings.debtorBic,
          executionDate: input.executionDate,
          totalCents: total,
          count: payments.length,
          fileId: file!.id,
          createdBy: actorId,
          createdAt: now,
        })
        .returning({ id: paymentBatches.id });
      await tx
        .update(grantTranches)
        .set({ status: 'in-batch', batchId: row!.id })
        .where(inArray(grantTranches.id, ids));
      await recordAudit(tx, {
        actorId,
        funderId,
        action: 'grant.batch-created',
        subjectType: 'payment-batch',
        subjectId: row!.id,
        after: { messageId, count: payments.length, totalCents: total, tranches: ids, requeued },
      });
      return row!.id;
    });
    return { batchId, problems };
  });
}

async function funderAddress(deps: GrantsDeps, call: { funderId: string }) {
  const [f] = await deps.db
    .select({ street: funders.street, postcode: funders.postalCode, town: funders.city })
    .from(funders)
    .where(eq(funders.id, call.funderId));
  return { street: f?.street ?? null, postcode: f?.postcode ?? null, ...(f?.town ? { town: f.town } : {}) };
}
