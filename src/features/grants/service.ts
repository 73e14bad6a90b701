import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { MaybeActor } from '../../domain/access.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { GrantAbilities, GrantAction } from '../../domain/grantPolicy.ts';
import { ledgerOf } from '../../domain/grants/grant.ts';
import type { DeMinimisCheck } from '../../domain/grants/deMinimis.ts';
import { recoverableCents, type GrantLedger } from '../../domain/grants/ledger.ts';
import { bindingVersion, pendingVersion } from '../../domain/grants/agreementVersions.ts';
import type { AgreementBudget } from '../../domain/grants/amendment.ts';
import { LOCALES, type Locale } from '../../domain/locale.ts';
import { approvalsNeeded, type ApprovalPolicy } from '../../domain/grants/trancheApproval.ts';
import { signedIn } from '../../domain/policy.ts';
import { files } from '../../platform/storage/schema.ts';
import type { PublicCall, ScopedCall } from '../calls/service.ts';
import {
  grantRecord,
  loadBatch,
  loadGrant,
  scopeGrant,
  type BatchRow,
  type GrantRecord,
  type ScopedBatch,
  type ScopedGrant,
  type TrancheRow,
} from './access.ts';
import { acceptAgreement } from './commands/acceptAgreement.ts';
import { approveTranche } from './commands/approveTranche.ts';
import { countersign } from './commands/countersign.ts';
import { BATCHABLE, createBatch } from './commands/createBatch.ts';
import { createGrants } from './commands/createGrants.ts';
import {
  approvalPolicyOf,
  paymentSettingsOf,
  savePaymentSettings,
  type PaymentSettings,
} from './commands/paymentSettings.ts';
import { markBatchPaid, recordTrancheFailure } from './commands/recordBatchOutcome.ts';
import { releaseReportTranches } from './commands/releaseReportTranches.ts';
import { defaultPeriod, sendAgreement } from './commands/sendAgreement.ts';
import { uploadSignedCopy } from './commands/uploadSignedCopy.ts';
import { declineGrant } from './commands/declineGrant.ts';
import { moveGrant } from './commands/moveGrant.ts';
import { importBankNotification } from './commands/importBankNotification.ts';
import { proposeAmendment } from './commands/proposeAmendment.ts';
import { recordRecovery } from './commands/recordRecovery.ts';
import { saveAgreementTemplate } from './commands/saveAgreementTemplate.ts';
import { agreementClauses, applicationBudget } from './agreementDocument.ts';
import { deMinimisFor } from './deMinimisOf.ts';
import type { GrantsDeps } from './deps.ts';
import { grantAgreementVersions, grants, grantTranches, paymentBatches } from './schema.ts';

export type { ScopedGrant, ScopedBatch } from './access.ts';
export type { BatchOutcomeRefusal } from './commands/recordBatchOutcome.ts';

export interface GrantSummary {
  id: string;
  reference: string;
  title: string;
  organisationName: string;
  status: GrantRecord['row']['status'];
  offeredCents: number;
  ledger: GrantLedger;
  /** Every agreement version, oldest first (for the API's grant list). */
  agreementVersions: Pick<
    GrantRecord['versions'][number],
    'number' | 'status' | 'amountCents' | 'periodStart' | 'periodEnd'
  >[];
}

export interface GrantPage {
  scoped: ScopedGrant;
  can: GrantAbilities;
  call: PublicCall;
  ledger: GrantLedger;
  /** The de minimis check of the grant's offer today (for the officer, before sending). */
  deMinimis: DeMinimisCheck | null;
  approval: ApprovalPolicy;
  /** Per tranche id, how many approvals it needs in all (the maker counted). */
  approvalsNeeded: Record<string, 1 | 2>;
  defaults: { periodStart: string; periodEnd: string };
  /** The file names of the versions' PDFs and signed copies. */
  hasSignedCopy: boolean;
  /** The organisation's account the tranches are paid to (electronic form). */
  bankAccount: string | null;
  /** The budget table in force (the binding version's, else the application's), for a budget revision. */
  budget: AgreementBudget | null;
  /** The most a new recovery may claim (paid, not justified, not claimed yet). */
  recoverableCents: number;
}

export interface TemplatePage {
  call: ScopedCall;
  clauses: Record<Locale, string>;
  version: number;
}

export interface PaymentsPage {
  call: ScopedCall;
  settings: PaymentSettings | null;
  approved: { tranche: TrancheRow; reference: string; organisationName: string; grantId: string }[];
  batches: BatchRow[];
  today: string;
}

export interface BatchPage {
  scoped: ScopedBatch;
  tranches: { tranche: TrancheRow; reference: string; organisationName: string; grantId: string }[];
}

const summaryOf = (record: GrantRecord): GrantSummary => ({
  id: record.row.id,
  reference: record.row.reference,
  title: record.row.title,
  organisationName: record.row.organisationName,
  status: record.row.status,
  offeredCents: record.row.offeredCents,
  ledger: ledgerOf(record.grant),
  agreementVersions: record.versions.map((v) => ({
    number: v.number,
    status: v.status,
    amountCents: v.amountCents,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
  })),
});

/**
 * Grants after the decision: the agreement (sent, accepted online or on paper, countersigned) and the payments
 * (tranches approved with four eyes above the funder's threshold, batches written as SEPA files, paid).
 * Every read starts from a grant or a batch loaded for the actor: another organisation's grant, another
 * funder's, a juror's, does not exist for them.
 */
export function grantsService(deps: GrantsDeps) {
  const records = async (where: ReturnType<typeof eq>) => {
    const rows = await deps.db.select({ id: grants.id }).from(grants).where(where).orderBy(asc(grants.reference));
    return (await Promise.all(rows.map((r) => grantRecord(deps.db, r.id)))).filter((r): r is GrantRecord => !!r);
  };
  const trancheRows = (where: ReturnType<typeof eq>) =>
    deps.db
      .select({
        tranche: grantTranches,
        reference: grants.reference,
        organisationName: grants.organisationName,
        grantId: grants.id,
      })
      .from(grantTranches)
      .innerJoin(grants, eq(grants.id, grantTranches.grantId))
      .where(where)
      .orderBy(asc(grants.reference), asc(grantTranches.number));

  return {
    createGrants: (callId: string) => createGrants(deps, callId),
    sendAgreement: (input: Parameters<typeof sendAgreement>[1]) => sendAgreement(deps, input),
    acceptAgreement: (input: Parameters<typeof acceptAgreement>[1]) => acceptAgreement(deps, input),
    uploadSignedCopy: (input: Parameters<typeof uploadSignedCopy>[1]) => uploadSignedCopy(deps, input),
    countersign: (input: Parameters<typeof countersign>[1]) => countersign(deps, input),
    approveTranche: (input: Parameters<typeof approveTranche>[1]) => approveTranche(deps, input),
    savePaymentSettings: (input: Parameters<typeof savePaymentSettings>[1]) => savePaymentSettings(deps, input),
    createBatch: (input: Parameters<typeof createBatch>[1]) => createBatch(deps, input),
    markBatchPaid: (input: Parameters<typeof markBatchPaid>[1]) => markBatchPaid(deps, input),
    recordTrancheFailure: (input: Parameters<typeof recordTrancheFailure>[1]) => recordTrancheFailure(deps, input),
    /** For the reports feature, in the transaction approving a report: the grant moves on, tranches fall due. */
    releaseReportTranches,

    /** The ids of the grants in `statuses` (the reports' clock walks those that report). */
    async grantIdsIn(statuses: readonly GrantRecord['row']['status'][]): Promise<string[]> {
      const rows = await deps.db
        .select({ id: grants.id })
        .from(grants)
        .where(inArray(grants.status, [...statuses]));
      return rows.map((r) => r.id);
    },
    /** The ids of a call's grants, whatever their state (a new report plan reschedules them). */
    async grantIdsOf(callId: string, db: Executor = deps.db): Promise<string[]> {
      const rows = await db.select({ id: grants.id }).from(grants).where(eq(grants.callId, callId));
      return rows.map((r) => r.id);
    },
    declineGrant: (input: Parameters<typeof declineGrant>[1]) => declineGrant(deps, input),
    moveGrant: (input: Parameters<typeof moveGrant>[1]) => moveGrant(deps, input),
    proposeAmendment: (input: Parameters<typeof proposeAmendment>[1]) => proposeAmendment(deps, input),
    recordRecovery: (input: Parameters<typeof recordRecovery>[1]) => recordRecovery(deps, input),
    importBankNotification: (input: Parameters<typeof importBankNotification>[1]) =>
      importBankNotification(deps, input),
    saveAgreementTemplate: (input: Parameters<typeof saveAgreementTemplate>[1]) => saveAgreementTemplate(deps, input),

    /** The call's agreement clauses per language, for its officers' form. */
    async templatePage(actor: MaybeActor, callId: string): Promise<TemplatePage> {
      const call = await deps.calls.load(actor, callId, { action: 'manage' });
      const saved = await agreementClauses(deps, callId);
      const clauses = Object.fromEntries(LOCALES.map((l) => [l, saved?.clauses[l] ?? ''])) as Record<Locale, string>;
      return { call, clauses, version: saved?.version ?? 0 };
    },

    /** A recovery's letter, for the grant's officers and the organisation's members. */
    async recoveryLetter(
      actor: MaybeActor,
      grantId: string,
      recoveryId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const scoped = await loadGrant(deps, actor, grantId);
      const recovery = scoped.record.recoveries.find((r) => r.id === recoveryId);
      if (!recovery?.letterFileId) throw new NotFoundError('recovery');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(files)
        .where(eq(files.id, recovery.letterFileId));
      if (!row) throw new NotFoundError('recovery');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** A call's grants for its officers, with their states and ledgers (made when the decision was taken). */
    async callGrants(actor: MaybeActor, callId: string): Promise<{ call: ScopedCall; grants: GrantSummary[] }> {
      const call = await deps.calls.load(actor, callId, { action: 'manage' });
      return { call, grants: (await records(eq(grants.callId, callId))).map(summaryOf) };
    },

    /** The grants of the organisations the actor is a member of. */
    async myGrants(actor: MaybeActor): Promise<GrantSummary[]> {
      signedIn({ actor });
      const mine = await deps.organisations.myOrganisations(actor);
      if (!mine.length) return [];
      const all = await Promise.all(mine.map((o) => records(eq(grants.organisationId, o.id))));
      return all.flat().map((r) => summaryOf(scopeGrant(actor, r, true).record));
    },

    /** One grant's page, for its officers or the organisation's members. */
    async grantPage(
      actor: MaybeActor,
      grantId: string,
      opts: { action?: GrantAction; now?: Date } = {},
    ): Promise<GrantPage> {
      const now = opts.now ?? new Date();
      const scoped = await loadGrant(deps, actor, grantId, opts.action ? { action: opts.action } : {});
      const { row, tranches, versions } = scoped.record;
      const call = await deps.calls.publicCall(row.callId);
      const approval = await approvalPolicyOf(deps.db, row.funderId);
      return {
        scoped,
        can: scoped.can,
        call,
        ledger: ledgerOf(scoped.record.grant),
        deMinimis: scoped.can.manage
          ? await deMinimisFor(deps.db, row, row.offeredCents, instantToBrussels(now).date)
          : null,
        approval,
        approvalsNeeded: Object.fromEntries(tranches.map((t) => [t.id, approvalsNeeded(t.amountCents, approval)])),
        defaults: defaultPeriod(now),
        hasSignedCopy: versions.some((v) => v.signedCopyFileId !== null),
        bankAccount:
          (await deps.organisations.paymentDetails([row.organisationId])).get(row.organisationId)?.iban ?? null,
        budget: scoped.can.amend
          ? (versions.find((v) => v.status === 'countersigned')?.budget ??
            (await applicationBudget(deps, row.applicationId)))
          : null,
        recoverableCents: recoverableCents(ledgerOf(scoped.record.grant)),
      };
    },

    /** The PDF of the grant's agreement version in progress (else the binding one), or the latest signed copy. */
    async agreementFile(
      actor: MaybeActor,
      grantId: string,
      kind: 'agreement' | 'signed-copy' = 'agreement',
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const scoped = await loadGrant(deps, actor, grantId, { action: 'readAgreement' });
      if (!scoped.can.readAgreement) throw new NotFoundError('agreement');
      // The version in progress, else the one that binds: never a declined amendment over the agreement in force.
      const { versions } = scoped.record.grant;
      const shown = pendingVersion(versions) ?? bindingVersion(versions) ?? versions.at(-1);
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(grantAgreementVersions)
        .innerJoin(
          files,
          eq(files.id, kind === 'agreement' ? grantAgreementVersions.fileId : grantAgreementVersions.signedCopyFileId),
        )
        .where(
          and(
            eq(grantAgreementVersions.grantId, scoped.record.row.id),
            kind === 'agreement' && shown ? eq(grantAgreementVersions.number, shown.number) : undefined,
          ),
        )
        .orderBy(desc(grantAgreementVersions.number))
        .limit(1);
      if (!row) throw new NotFoundError('agreement');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** A call's payments: the approved tranches waiting for a batch, the batches, the funder's debtor account. */
    async paymentsPage(actor: MaybeActor, callId: string, now = new Date()): Promise<PaymentsPage> {
      const call = await deps.calls.load(actor, callId, { action: 'manage' });
      const [settings, approved, batches] = await Promise.all([
        paymentSettingsOf(deps.db, call.record.funderId),
        trancheRows(and(eq(grants.callId, callId), inArray(grantTranches.status, [...BATCHABLE]))!),
        deps.db
          .select()
          .from(paymentBatches)
          .where(eq(paymentBatches.callId, callId))
          .orderBy(desc(paymentBatches.createdAt)),
      ]);
      return { call, settings, approved, batches, today: instantToBrussels(now).date };
    },

    async batchPage(actor: MaybeActor, batchId: string): Promise<BatchPage> {
      const scoped = await loadBatch(deps.db, actor, batchId);
      return { scoped, tranches: await trancheRows(eq(grantTranches.batchId, scoped.record.id)) };
    },

    /** The batch's pain.001.001.09 file, as written and validated when the batch was made. */
    async batchFile(actor: MaybeActor, batchId: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const scoped = await loadBatch(deps.db, actor, batchId, { action: 'download' });
      const [row] = await deps.db
        .select({ name: files.name, storageKey: files.storageKey })
        .from(files)
        .where(eq(files.id, scoped.record.fileId));
      if (!row) throw new NotFoundError('batch');
      return { name: row.name, mime: 'application/xml', bytes: await deps.storage.get(row.storageKey) };
    },

    /** The grants of several calls at once, for other capabilities' pages (the application page's link). */
    async grantOfApplication(actor: MaybeActor, applicationId: string): Promise<{ id: string } | null> {
      const [row] = await deps.db
        .select({ id: grants.id })
        .from(grants)
        .where(inArray(grants.applicationId, [applicationId]));
      if (!row) return null;
      try {
        await loadGrant(deps, actor, row.id);
        return row;
      } catch {
        return null;
      }
    },
  };
}
export type GrantsService = ReturnType<typeof grantsService>;
