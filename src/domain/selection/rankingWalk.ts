// Ranking mode, the usual European practice: walk down the ranking, fund each application in full
// while it fits; one that does not fit goes to the reserve and the walk goes on. When the call
// allows partial grants, one that does not fit in full but whose floor (and grant.min) fits gets
// exactly what is left — it is then the last one funded.
//
// Put differently, each application in rank order receives the most it can given those before it:
// the lexicographic maximum of the amounts by rank. The constrained walk maximises the same thing
// under the portfolio rules, so with no rules both modes agree (a tested property).
import type { Cents } from '../money.ts';
import type { Entry } from './prepare.ts';
import type { Reason } from './types.ts';

export type Decision =
  { kind: 'selected'; amount: Cents; partial: boolean; reason: Reason } | { kind: 'reserve'; reason: Reason };

/** One decision per pool entry, in pool (rank) order. */
export function rankingWalk(pool: readonly Entry[], budget: Cents): Decision[] {
  let left = budget;
  return pool.map((e): Decision => {
    if (e.bounds.lo > left) return { kind: 'reserve', reason: 'budget' };
    const amount = Math.min(e.bounds.full, left);
    left -= amount;
    return { kind: 'selected', amount, partial: amount < e.bounds.full, reason: 'rank' };
  });
}
