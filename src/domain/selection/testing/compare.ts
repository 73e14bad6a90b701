// The comparison of the engine with the brute-force specification, shared by the domain tests
// (brute-force cover) and the platform tests (HiGHS cover).
import assert from 'node:assert/strict';
import type { CoverSolver } from '../cover.ts';
import { checkPortfolio } from '../portfolioCheck.ts';
import { prepareSelection } from '../prepare.ts';
import { select } from '../select.ts';
import type { SelectionInput, SelectionMode, SelectionResult } from '../types.ts';
import { bruteForceSelect } from './bruteForce.ts';
import { smallInstance } from './instances.ts';
import { seeded } from './random.ts';

function engineAmounts(input: SelectionInput, result: SelectionResult): Map<string, number> {
  const fixed = new Set((input.fixed ?? []).map((f) => f.id));
  return new Map(result.selected.filter((s) => !fixed.has(s.id)).map((s) => [s.id, s.amount]));
}

/** Seeds 1…seeds: same amounts, same unsatisfiable rules, every other rule met, nothing flagged unspent. */
export async function compareWithBruteForce(
  mode: SelectionMode,
  seeds: number,
  solver: CoverSolver,
  shortcuts = true,
): Promise<void> {
  for (let seed = 1; seed <= seeds; seed++) {
    const input = smallInstance(seeded(seed), mode);
    const result = await select(input, { solver, shortcuts });
    const expected = bruteForceSelect(input);
    const context = `seed ${seed}: ${JSON.stringify(input)}`;
    assert.deepEqual(engineAmounts(input, result), expected.amounts, context);
    assert.deepEqual(
      result.unsatisfiable.map((u) => u.rule),
      expected.unsatisfiable,
      context,
    );
    if (mode === 'constrained') {
      // Every rule not declared unsatisfiable is met, counted independently from the selection.
      const dropped = new Set(expected.unsatisfiable);
      const fixedBreaks = new Set(result.violations.map((v) => v.rule));
      for (const check of checkPortfolio(prepareSelection(input), new Set(result.selected.map((s) => s.id)))) {
        if (!dropped.has(check.rule) && !fixedBreaks.has(check.rule))
          assert.ok(check.met, `${check.rule} not met — ${context}`);
      }
    }
    assert.deepEqual(
      result.warnings.filter((w) => w.code === 'unspent'),
      [],
      `unspent money flagged — ${context}`,
    );
  }
}
