import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { app, funded, request, run } from './testing/build.ts';

const rules = (result: { violations: { rule: string; id?: string }[] }) => result.violations.map((v) => [v.rule, v.id]);

describe('fixed decisions', () => {
  it('works around a fixed grant: its money and rank are taken first', async () => {
    const result = await run(
      request([app('A', 6000, 90), app('B', 5000, 80), app('C', 4000, 70)], { fixed: [{ id: 'C', amount: 4000 }] }),
    );
    assert.deepEqual(funded(result), ['A:6000', 'C:4000']);
    assert.deepEqual(result.selected[1], { id: 'C', amount: 4000, rank: 3, partial: false, reason: 'fixed' });
    assert.deepEqual(result.reserve, [{ id: 'B', rank: 2, reason: 'budget' }]);
    assert.deepEqual(result.violations, []);
  });

  it('excludes an application fixed at 0 and funds the next instead', async () => {
    const result = await run(request([app('A', 6000, 90), app('B', 5000, 80)], { fixed: [{ id: 'A', amount: 0 }] }));
    assert.deepEqual(funded(result), ['B:5000']);
    assert.deepEqual(result.rejected, [{ id: 'A', rank: 1, reason: 'fixed' }]);
  });

  it('reports each rule a fixed grant breaks, in plain English', async () => {
    const input = request(
      [
        app('A', 4000, 90),
        app('B', 4000, 80),
        app('C', 4000, 70),
        app('D', 4000, 60, { passedThresholds: false }),
        app('E', 4000, 50),
      ],
      {
        budget: 20_000,
        grant: { min: 2000, max: 5000, partialFloor: 0.75 },
        fixed: [
          { id: 'A', amount: 1500 }, // under grant.min and under the partial floor
          { id: 'B', amount: 4500 }, // above the request
          { id: 'C', amount: 3500 }, // partial, above the floor: fine
          { id: 'D', amount: 4000 }, // did not pass the thresholds
        ],
      },
    );
    const result = await run(input);
    assert.deepEqual(rules(result), [
      ['grant.min', 'A'],
      ['partialFloor', 'A'],
      ['requested', 'B'],
      ['passedThresholds', 'D'],
    ]);
    assert.match(result.violations[0]!.detail, /A is fixed at €15, below the grant minimum of €20/);
    assert.deepEqual(funded(result), ['A:1500', 'B:4500', 'C:3500', 'D:4000', 'E:4000']);
  });

  it('reports a fixed grant above grant.max, and partial grants a call does not allow', async () => {
    const result = await run(
      request([app('A', 8000, 90), app('B', 3000, 80)], {
        grant: { max: 6000 },
        fixed: [
          { id: 'A', amount: 7000 },
          { id: 'B', amount: 2000 },
        ],
      }),
    );
    assert.deepEqual(rules(result), [
      ['grant.max', 'A'],
      ['partialFloor', 'B'],
    ]);
    assert.match(result.violations[1]!.detail, /allows no partial grant/);
  });

  it('reports fixed grants over the budget, and funds nothing more', async () => {
    const result = await run(
      request([app('A', 6000, 90), app('B', 6000, 80), app('C', 1000, 70)], {
        fixed: [
          { id: 'A', amount: 6000 },
          { id: 'B', amount: 6000 },
        ],
      }),
    );
    assert.deepEqual(rules(result), [['budget', undefined]]);
    assert.match(result.violations[0]!.detail, /€120, €20 over the budget of €100/);
    assert.equal(result.unspent, -2000);
    assert.deepEqual(result.reserve, [{ id: 'C', rank: 3, reason: 'budget' }]);
  });

  it('reports fixed grants beyond a maximum per commune or organisation (constrained mode)', async () => {
    const input = request(
      [
        app('A', 1000, 90, { organisation: 'X' }),
        app('B', 1000, 80, { organisation: 'X' }),
        app('C', 1000, 70, { commune: '21002' }),
      ],
      {
        mode: 'constrained',
        constraints: { maxPerCommune: 1, maxPerOrganisation: 1 },
        fixed: [
          { id: 'A', amount: 1000 },
          { id: 'B', amount: 1000 },
        ],
      },
    );
    const result = await run(input);
    assert.deepEqual(rules(result), [
      ['maxPerCommune', 'B'],
      ['maxPerOrganisation', 'B'],
    ]);
    assert.deepEqual(funded(result), ['A:1000', 'B:1000', 'C:1000']);
  });

  it('reports a minimum the fixed decisions make impossible, and lists it as unsatisfiable', async () => {
    const input = request([app('A', 3000, 90), app('B', 3000, 80, { targetPublics: ['homeless'] })], {
      mode: 'constrained',
      constraints: { minPerTargetPublic: { homeless: 1 } },
      fixed: [{ id: 'B', amount: 0 }],
    });
    const result = await run(input);
    assert.deepEqual(
      result.unsatisfiable.map((u) => u.rule),
      ['minPerTargetPublic:homeless'],
    );
    assert.deepEqual(rules(result), [['minPerTargetPublic:homeless', undefined]]);
    assert.match(result.violations[0]!.detail, /fixed decisions leave no selection/);
  });

  it('counts fixed grants towards the minimums', async () => {
    const input = request(
      [app('A', 5000, 90), app('B', 5000, 80), app('C', 5000, 70, { targetPublics: ['homeless'] })],
      {
        mode: 'constrained',
        constraints: { minPerTargetPublic: { homeless: 1 } },
        fixed: [{ id: 'C', amount: 5000 }],
      },
    );
    assert.deepEqual(funded(await run(input)), ['A:5000', 'C:5000']);
  });
});
