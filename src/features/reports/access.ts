// The one way to a grant's report: loaded for an actor with what they may do. A report the actor may not see
// (another organisation's grant, another funder's, a juror's) is "not found", exactly as one that does not exist.
// The report's grant is read through the grants feature's own loader (grantRecord): its state decides too.
import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import { grantRelation } from '../../domain/grantPolicy.ts';
import type { GrantReport } from '../../domain/grants/reportLifecycle.ts';
import { REPORT_POLICY, type ReportAction } from '../../domain/grants/reportPolicy.ts';
import { isUuid } from '../../domain/ids.ts';
import { abilitiesFrom, enforceFor, signInFirst, verdictOf, type Scoped } from '../../domain/policy.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { grantRecord, type GrantRecord } from '../grants/access.ts';
import type { ReportsDeps } from './deps.ts';
import { grantReports } from './schema.ts';

export type ReportRow = typeof grantReports.$inferSelect;

export interface ReportRecord {
  row: ReportRow;
  grant: GrantRecord;
}

export const reportOf = (r: ReportRow): GrantReport => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  opensAt: r.opensAt,
  dueAt: r.dueAt,
  returnDueAt: r.returnDueAt,
});

declare const reportScope: unique symbol;
/** A report as `loadReport` gave it to one actor. Only this module makes one. */
export interface ScopedReport extends Scoped<ReportRecord, ReportAction> {
  readonly [reportScope]: true;
  readonly isMember: boolean;
}

async function reportRow(db: Executor, id: string, lock?: Transaction): Promise<ReportRow | undefined> {
  const query = (lock ?? db).select().from(grantReports).where(eq(grantReports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * The report `id` as `actor` may know it (see loadGrant for the answers). With `lock`, the report's row and its
 * grant's are locked, in that order everywhere.
 */
export async function loadReport(
  deps: Pick<ReportsDeps, 'db' | 'organisations'>,
  actor: MaybeActor,
  id: string,
  opts: { action?: ReportAction; lock?: Transaction; isMember?: boolean } = {},
): Promise<ScopedReport> {
  const action = opts.action ?? 'see';
  if (signInFirst(REPORT_POLICY, { actor, action })) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('report');
  const row = await reportRow(deps.db, id, opts.lock);
  if (!row) throw new NotFoundError('report');
  const grant = await grantRecord(deps.db, row.grantId, opts.lock);
  if (!grant) throw new NotFoundError('report');
  const isMember = opts.isMember ?? (await deps.organisations.membership(actor, grant.row.organisationId)) !== null;
  const relation = grantRelation(actor, grant.row, isMember);
  const subject = { funderId: grant.row.funderId, status: row.status };
  enforceFor(
    actor,
    (a) => verdictOf(REPORT_POLICY, { actor: a, relation: grantRelation(a, grant.row, isMember), subject, action }),
    'report',
  );
  return {
    record: { row, grant },
    actor,
    isMember,
    can: abilitiesFrom(REPORT_POLICY, relation, subject),
  } as ScopedReport;
}
