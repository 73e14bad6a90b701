// Rules broken by decisions people fixed before the engine ran. The engine works around them and
// never hides them: each broken rule is listed with a plain English sentence. Minimum rules that
// the fixed decisions make impossible are found in select.ts (they need the solver).
import { formatMoney, type Cents } from '../money.ts';
import { floorShare, partialFloorOf } from './amounts.ts';
import { fundedFixed, type Prepared } from './prepare.ts';
import type { SelectionMode, Violation } from './types.ts';

const eur = (cents: Cents) => formatMoney(cents, 'en');

export function fixedViolations(prepared: Prepared, mode: SelectionMode): Violation[] {
  const { input } = prepared;
  const { min, max } = input.grant;
  const floor = partialFloorOf(input.grant);
  const violations: Violation[] = [];
  const funded = fundedFixed(prepared);

  for (const e of funded) {
    const amount = e.fixed!;
    const id = e.id;
    if (!e.app.passedThresholds) {
      violations.push({
        rule: 'passedThresholds',
        id,
        detail: `${id} is funded by a fixed decision but did not pass the thresholds.`,
      });
    }
    if (amount > e.app.requested) {
      violations.push({
        rule: 'requested',
        id,
        detail: `${id} is fixed at ${eur(amount)}, more than the ${eur(e.app.requested)} it requested.`,
      });
    }
    if (max !== undefined && max !== null && amount > max) {
      violations.push({
        rule: 'grant.max',
        id,
        detail: `${id} is fixed at ${eur(amount)}, above the grant maximum of ${eur(max)}.`,
      });
    }
    if (min !== undefined && min !== null && amount < min) {
      violations.push({
        rule: 'grant.min',
        id,
        detail: `${id} is fixed at ${eur(amount)}, below the grant minimum of ${eur(min)}.`,
      });
    }
    if (amount < e.bounds.full) {
      if (floor === null) {
        violations.push({
          rule: 'partialFloor',
          id,
          detail: `${id} is fixed at ${eur(amount)}, less than the ${eur(e.bounds.full)} it may receive, but this call allows no partial grant.`,
        });
      } else if (amount < floorShare(e.bounds.full, floor)) {
        const least = floorShare(e.bounds.full, floor);
        violations.push({
          rule: 'partialFloor',
          id,
          detail: `${id} is fixed at ${eur(amount)}, below the least partial grant of ${eur(least)} (${input.grant.partialFloor} of ${eur(e.bounds.full)}).`,
        });
      }
    }
  }

  const total = funded.reduce((sum, e) => sum + e.fixed!, 0);
  if (total > input.budget) {
    violations.push({
      rule: 'budget',
      detail: `The fixed decisions add up to ${eur(total)}, ${eur(total - input.budget)} over the budget of ${eur(input.budget)}.`,
    });
  }

  // In ranking mode the portfolio rules do not drive the selection (see the warnings instead).
  if (mode === 'constrained') {
    violations.push(
      ...overMaximum(
        prepared,
        'maxPerCommune',
        prepared.maxPerCommune,
        (e) => prepared.communes[e.commune]!,
        'commune',
      ),
    );
    violations.push(
      ...overMaximum(
        prepared,
        'maxPerOrganisation',
        prepared.maxPerOrganisation,
        (e) => prepared.organisations[e.organisation]!,
        'organisation',
      ),
    );
  }
  return violations;
}

/** One violation per commune (organisation) the fixed decisions overfill, naming the one too many. */
function overMaximum(
  prepared: Prepared,
  rule: string,
  max: number,
  key: (e: (typeof prepared.entries)[number]) => string,
  what: string,
): Violation[] {
  const counts = new Map<string, number>();
  const violations: Violation[] = [];
  for (const e of fundedFixed(prepared)) {
    const n = (counts.get(key(e)) ?? 0) + 1;
    counts.set(key(e), n);
    if (n === max + 1) {
      violations.push({
        rule,
        id: e.id,
        detail: `Fixed decisions fund more than ${max} project(s) in ${what} ${key(e)} (${e.id} is one too many).`,
      });
    }
  }
  return violations;
}
