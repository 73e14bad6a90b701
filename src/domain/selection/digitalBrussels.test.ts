// The Digital.Brussels call (reference-data/seed-calls.json): 250,000 € budget, grants of
// 30,000–60,000 €, six projects selected with the amounts the press release gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { app, funded, request, run } from './testing/build.ts';
import type { SelectionInput } from './types.ts';

const AMOUNTS = [5_690_400, 1_101_500, 5_997_000, 4_010_000, 3_645_000, 4_600_000];
const applications = AMOUNTS.map((requested, i) => app(`DB${i + 1}`, requested, 90 - i));
const call = (extra: Partial<SelectionInput> = {}) =>
  request(applications, { budget: 25_000_000, grant: { min: 3_000_000, max: 6_000_000, partialFloor: 0.8 }, ...extra });

describe('Digital.Brussels facts', () => {
  it('reports that fixing the 11,015 € grant breaks the 30,000 € minimum', async () => {
    const result = await run(call({ fixed: [{ id: 'DB2', amount: 1_101_500 }] }));
    assert.deepEqual(result.violations, [
      { rule: 'grant.min', id: 'DB2', detail: 'DB2 is fixed at €11,015, below the grant minimum of €30,000.' },
    ]);
    // The others are funded around it; the last one partially, within its 80 % floor.
    assert.deepEqual(funded(result), [
      'DB1:5690400',
      'DB2:1101500',
      'DB3:5997000',
      'DB4:4010000',
      'DB5:3645000',
      'DB6:4556100',
    ]);
    assert.equal(result.total, 25_000_000);
    assert.equal(result.unspent, 0);
  });

  it('reports the six published amounts as over the budget by 439 €, besides the minimum', async () => {
    const result = await run(call({ fixed: applications.map((a) => ({ id: a.id, amount: a.requested })) }));
    assert.deepEqual(
      result.violations.map((v) => [v.rule, v.id]),
      [
        ['grant.min', 'DB2'],
        ['budget', undefined],
      ],
    );
    assert.match(result.violations[1]!.detail, /€250,439, €439 over the budget of €250,000/);
    assert.equal(result.total, 25_043_900);
    assert.equal(result.unspent, -43_900);
  });

  it('without fixed decisions, cannot fund the request under the minimum, and funds the rest in full', async () => {
    const result = await run(call());
    assert.deepEqual(funded(result), ['DB1:5690400', 'DB3:5997000', 'DB4:4010000', 'DB5:3645000', 'DB6:4600000']);
    assert.deepEqual(result.reserve, [{ id: 'DB2', rank: 2, reason: 'rule:grant.min' }]);
    assert.equal(result.unspent, 1_057_600);
  });

  it('gives the same answer in constrained mode with no rule to apply', async () => {
    const ranking = await run(call());
    const constrained = await run(call({ mode: 'constrained' }));
    assert.deepEqual(constrained, ranking);
  });
});
