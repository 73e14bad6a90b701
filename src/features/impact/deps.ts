import type { GrantScope } from '../../domain/impact/aggregate.ts';
import type { CallsService } from '../calls/service.ts';
import type { GrantRowForImpact, PaidTransfer } from '../grants/impactReads.ts';
import type { ReportForImpact } from '../../domain/impact/aggregate.ts';

/**
 * What the impact pages use: the calls (who runs which, their budgets and target publics), the grants' figures
 * (each grant's state, amount and what was paid) and the reports' (each grant's latest approved report), both read
 * by the feature that owns the tables (grants/impactReads.ts, reports/impactReads.ts).
 */
export interface ImpactDeps {
  calls: Pick<CallsService, 'load' | 'managedFunders' | 'publicCall' | 'terms'>;
  grants: {
    inScope: (scope: GrantScope) => Promise<GrantRowForImpact[]>;
    paidTransfers: (applicationIds: readonly string[]) => Promise<Map<string, PaidTransfer[]>>;
  };
  reports: { latestApproved: (grantIds: readonly string[] | 'all') => Promise<ReportForImpact[]> };
}
