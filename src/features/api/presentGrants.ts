import type { z } from 'zod';
import type { Place as DirectoryPlace } from '../../domain/directory/place.ts';
import type { BatchRow, TrancheRow } from '../grants/access.ts';
import type { GrantSummary } from '../grants/service.ts';
import type { GrantReportsPage } from '../reports/service.ts';
import type { Grant, PaymentBatch, Place, Report, Tranche } from './contract.ts';
import { translated } from './present.ts';

// From the grants, reports and directory services' records to the contract's shapes. `changedAt`
// comes from the audit trail (paging.ts), as for the lifecycle's lists; without an entry, the epoch.

const EPOCH = new Date(0);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const at = (changed: Date | undefined) => (changed ?? EPOCH).toISOString();
const latest = (...moments: (Date | null | undefined)[]) =>
  new Date(Math.max(...moments.map((d) => d?.getTime() ?? 0))).toISOString();

export function presentGrant(grant: GrantSummary, changed: Date | undefined): z.output<typeof Grant> {
  return {
    id: grant.id,
    reference: grant.reference,
    title: grant.title,
    organisationName: grant.organisationName,
    status: grant.status,
    offeredCents: grant.offeredCents,
    ledger: {
      grantedCents: grant.ledger.grantedCents,
      amendedCents: grant.ledger.amendedCents,
      entitlementCents: grant.ledger.entitlementCents,
      plannedCents: grant.ledger.plannedCents,
      dueCents: grant.ledger.dueCents,
      approvedNotPaidCents: grant.ledger.approvedNotPaidCents,
      paidCents: grant.ledger.paidCents,
      toPayCents: grant.ledger.toPayCents,
      remainingCents: grant.ledger.remainingCents,
      justifiedCents: grant.ledger.justifiedCents,
      toRecoverCents: grant.ledger.toRecoverCents,
      recoveredCents: grant.ledger.recoveredCents,
      netPaidCents: grant.ledger.netPaidCents,
    },
    agreementVersions: grant.agreementVersions.map((v) => ({ ...v })),
    changedAt: at(changed),
  };
}

/** A tranche changes with its grant (its approvals are audited on the grant) and with its batch. */
export function presentTranche(
  tranche: TrancheRow,
  grantChanged: Date | undefined,
  batchChanged?: Date,
): z.output<typeof Tranche> {
  return {
    id: tranche.id,
    number: tranche.number,
    percent: tranche.percent,
    trigger: tranche.trigger,
    status: tranche.status,
    amountCents: tranche.amountCents,
    dueOn: tranche.dueOn,
    madeDueAt: iso(tranche.madeDueAt),
    paidAt: iso(tranche.paidAt),
    batchId: tranche.batchId,
    changedAt: latest(grantChanged, batchChanged, tranche.madeDueAt, tranche.paidAt),
  };
}

export function presentBatch(
  batch: BatchRow,
  trancheIds: string[],
  changed: Date | undefined,
): z.output<typeof PaymentBatch> {
  return {
    id: batch.id,
    callId: batch.callId,
    messageId: batch.messageId,
    status: batch.status,
    executionDate: batch.executionDate,
    totalCents: batch.totalCents,
    count: batch.count,
    createdAt: batch.createdAt.toISOString(),
    paidAt: iso(batch.paidAt),
    trancheIds,
    changedAt: (changed ?? batch.paidAt ?? batch.createdAt).toISOString(),
  };
}

/**
 * A report's dates, status and indicator values (narratives included); who wrote or decided it is left
 * out. A plain save is not audited, so its instant counts too.
 */
export function presentReport(
  report: GrantReportsPage['reports'][number],
  changed: Date | undefined,
): z.output<typeof Report> {
  const values = Object.fromEntries(
    Object.entries(report.values).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])),
  ) as z.output<typeof Report>['values'];
  return {
    id: report.id,
    definitionId: report.definitionId,
    kind: report.kind,
    status: report.status,
    opensAt: report.opensAt.toISOString(),
    dueAt: report.dueAt.toISOString(),
    returnDueAt: iso(report.returnDueAt),
    overdue: report.overdue,
    submittedAt: iso(report.submittedAt),
    decidedAt: iso(report.decidedAt),
    values,
    changedAt: latest(changed, report.savedAt, report.submittedAt, report.decidedAt),
  };
}

/** A published place as its public page shows it: no e-mail addresses, nothing about who keeps it. */
export function presentPlace(place: DirectoryPlace, changed: Date | undefined): z.output<typeof Place> {
  return {
    id: place.id,
    name: place.name,
    organisation: place.organisation,
    summary: translated(place.summary),
    address: { ...place.address },
    coordinates: place.coordinates ? { ...place.coordinates } : null,
    phone: place.phone,
    websites: [...place.websites],
    openingHours: place.openingHours,
    services: [...place.services],
    languages: [...place.languages],
    stepFree: place.stepFree,
    grantReference: place.grantReference,
    changedAt: at(changed),
  };
}
