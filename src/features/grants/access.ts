// The one way to a grant or a payment batch: loaded for an actor, with what they may do. A grant the actor may
// not see (another organisation's, another funder's, a juror's) is "not found", exactly as one that does not exist.
import { asc, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import {
  BATCH_POLICY,
  batchRelation,
  GRANT_POLICY,
  grantRelation,
  type BatchAction,
  type GrantAction,
  type GrantSubject,
} from '../../domain/grantPolicy.ts';
import { bindingVersion, pendingVersion, type AgreementVersion } from '../../domain/grants/agreementVersions.ts';
import type { Grant } from '../../domain/grants/grant.ts';
import type { GrantTranche } from '../../domain/grants/trancheLifecycle.ts';
import { isUuid } from '../../domain/ids.ts';
import { abilitiesFrom, enforceFor, signInFirst, verdictOf, type Scoped } from '../../domain/policy.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import type { GrantsDeps } from './deps.ts';
import { grantExpenses } from '../reports/expenseReads.ts';
import { grantAgreementVersions, grantRecoveries, grants, grantTranches, paymentBatches } from './schema.ts';

export type GrantRow = typeof grants.$inferSelect;
export type VersionRow = typeof grantAgreementVersions.$inferSelect;
export type TrancheRow = typeof grantTranches.$inferSelect;
export type RecoveryRow = typeof grantRecoveries.$inferSelect;
export type BatchRow = typeof paymentBatches.$inferSelect;

/** A grant with its versions, tranches and recoveries, and the same as the domain rules read it. */
export interface GrantRecord {
  row: GrantRow;
  versions: VersionRow[];
  tranches: TrancheRow[];
  recoveries: RecoveryRow[];
  grant: Grant;
}

export function versionOf(v: VersionRow): AgreementVersion {
  return {
    number: v.number,
    status: v.status,
    amountCents: v.amountCents,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    reason: v.reason,
    documentSha256: v.documentSha256,
  };
}

export function trancheOf(t: TrancheRow): GrantTranche {
  return {
    number: t.number,
    percent: t.percent,
    trigger: t.trigger,
    occurrence: t.occurrence,
    dueOn: t.dueOn,
    amountCents: t.amountCents,
    status: t.status,
    madeDueBy: t.madeDueBy,
    approvers: t.approvers,
  };
}

/** Reads a grant's records (under lock in `tx` when given) and builds the domain's view of it. */
export async function grantRecord(db: Executor, id: string, lock?: Transaction): Promise<GrantRecord | null> {
  const query = (lock ?? db).select().from(grants).where(eq(grants.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const on = lock ?? db;
  // One after the other: a transaction of the embedded database runs one statement at a time.
  const versions = await on
    .select()
    .from(grantAgreementVersions)
    .where(eq(grantAgreementVersions.grantId, id))
    .orderBy(asc(grantAgreementVersions.number));
  const tranches = await on
    .select()
    .from(grantTranches)
    .where(eq(grantTranches.grantId, id))
    .orderBy(asc(grantTranches.number));
  const recoveries = await on
    .select()
    .from(grantRecoveries)
    .where(eq(grantRecoveries.grantId, id))
    .orderBy(asc(grantRecoveries.recordedAt));
  return {
    row,
    versions,
    tranches,
    recoveries,
    grant: {
      status: row.status,
      offeredCents: row.offeredCents,
      acceptBy: row.acceptBy,
      versions: versions.map(versionOf),
      tranches: tranches.map(trancheOf),
      reports: [],
      expenses: await grantExpenses(on, id),
      recoveries: recoveries.map((r) => ({ amountCents: r.amountCents, status: r.status })),
      settledCents: null,
    },
  };
}

/** The agreement status the policy reads: the version in progress, else the binding one, else the last. */
export function grantSubject(record: Pick<GrantRecord, 'row' | 'grant'>): GrantSubject {
  const versions = record.grant.versions;
  const version = pendingVersion(versions) ?? bindingVersion(versions) ?? versions.at(-1) ?? null;
  return { funderId: record.row.funderId, status: record.row.status, agreement: version?.status ?? null };
}

declare const grantScope: unique symbol;
/** A grant as `loadGrant` gave it to one actor. Only this module makes one. */
export interface ScopedGrant extends Scoped<GrantRecord, GrantAction> {
  readonly [grantScope]: true;
  /** Whether the actor is a member of the grantee organisation, as read when the grant was first loaded. */
  readonly isMember: boolean;
}

/**
 * The grant `id` as `actor` may know it: "not found" for anyone but the funder's officers and the organisation's
 * members; with `action`, a relation that may never take it is refused (403), one that may but not now gets
 * `can[action]` false for the command to refuse with its reason. With `lock`, the grant's row is locked.
 */
export async function loadGrant(
  deps: Pick<GrantsDeps, 'db' | 'organisations'>,
  actor: MaybeActor,
  id: string,
  opts: { action?: GrantAction; lock?: Transaction; isMember?: boolean } = {},
): Promise<ScopedGrant> {
  const action = opts.action ?? 'see';
  if (signInFirst(GRANT_POLICY, { actor, action })) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('grant');
  const record = await grantRecord(deps.db, id, opts.lock);
  if (!record) throw new NotFoundError('grant');
  // Under a lock the membership comes from the load before the transaction: the embedded database has one
  // connection, and a read outside the transaction would wait for it to end.
  const isMember = opts.isMember ?? (await deps.organisations.membership(actor, record.row.organisationId)) !== null;
  return scopeGrant(actor, record, isMember, action);
}

export function scopeGrant(
  actor: MaybeActor,
  record: GrantRecord,
  isMember: boolean,
  action: GrantAction | 'see' = 'see',
): ScopedGrant {
  const subject = grantSubject(record);
  enforceFor(
    actor,
    (a) => verdictOf(GRANT_POLICY, { actor: a, relation: grantRelation(a, subject, isMember), subject, action }),
    'grant',
  );
  const can = abilitiesFrom(GRANT_POLICY, grantRelation(actor, subject, isMember), subject);
  return { record, actor, isMember, can } as ScopedGrant;
}

declare const batchScope: unique symbol;
export interface ScopedBatch extends Scoped<BatchRow, BatchAction> {
  readonly [batchScope]: true;
}

/** The payment batch `id`, for its funder's officers only; anyone else is told it does not exist. */
export async function loadBatch(
  db: Executor,
  actor: MaybeActor,
  id: string,
  opts: { action?: BatchAction; lock?: Transaction } = {},
): Promise<ScopedBatch> {
  const action = opts.action ?? 'see';
  if (signInFirst(BATCH_POLICY, { actor, action })) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('batch');
  const query = (opts.lock ?? db).select().from(paymentBatches).where(eq(paymentBatches.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('batch');
  enforceFor(
    actor,
    (a) => verdictOf(BATCH_POLICY, { actor: a, relation: batchRelation(a, row), subject: row, action }),
    'batch',
  );
  return { record: row, actor, can: abilitiesFrom(BATCH_POLICY, batchRelation(actor, row), row) } as ScopedBatch;
}
