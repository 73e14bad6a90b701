import type { BreakdownId, GrantScope } from '../../domain/impact/aggregate.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { CallsService } from '../calls/service.ts';
import type { CallGrantTotals, PaidTransfer } from '../grants/impactReads.ts';
import type { ReachTotal } from '../../domain/impact/aggregate.ts';

/**
 * What the impact pages use: the calls (who runs which, their budgets and target publics), the grants' sums (by
 * call and state: how many, offered, paid) and the reports' (of each grant's latest approved report), both summed
 * by the database through the feature that owns the tables (grants/impactReads.ts, reports/impactReads.ts); and
 * its own table, the reference population.
 */
export interface ImpactDeps extends CommandDeps {
  calls: Pick<CallsService, 'load' | 'managedFunders' | 'publicCall' | 'terms'>;
  grants: {
    totals: (scope: GrantScope) => Promise<CallGrantTotals[]>;
    paidTransfers: (applicationIds: readonly string[]) => Promise<Map<string, PaidTransfer[]>>;
  };
  reports: {
    reachTotals: (
      scope: GrantScope,
      categories: Readonly<Record<BreakdownId, readonly { key: string }[]>>,
    ) => Promise<ReachTotal[]>;
  };
}
