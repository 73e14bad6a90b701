import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { app, funded, request, run } from './testing/build.ts';
import { seeded } from './testing/random.ts';
import { smallInstance } from './testing/instances.ts';

const homeless = { targetPublics: ['homeless'] };

describe('constrained mode', () => {
  it('funds the best-ranked possible first, then the next (lexicographic by rank)', async () => {
    // A can be funded and homeless still covered (by D); then B cannot: 4,000 + D's 1,000 > 4,000
    // left. C (homeless) is funded ahead of B, and D fits after it.
    const input = request(
      [app('A', 6000, 90), app('B', 4000, 80), app('C', 3000, 70, homeless), app('D', 1000, 60, homeless)],
      {
        mode: 'constrained',
        constraints: { minPerTargetPublic: { homeless: 1 } },
      },
    );
    const result = await run(input);
    assert.deepEqual(funded(result), ['A:6000', 'C:3000', 'D:1000']);
    assert.deepEqual(result.reserve, [{ id: 'B', rank: 2, reason: 'rule:minPerTargetPublic:homeless' }]);
    assert.deepEqual(
      result.selected.map((s) => s.reason),
      ['rank', 'rule:minPerTargetPublic:homeless', 'rank'],
    );
  });

  it('prefers funding a better-ranked application to funding more of the worse-ranked ones', async () => {
    // {A} beats {B, C, D}: A alone is what rank order asks for.
    const result = await run(
      request([app('A', 10_000, 90), app('B', 3000, 80), app('C', 3000, 70), app('D', 3000, 60)], {
        mode: 'constrained',
      }),
    );
    assert.deepEqual(funded(result), ['A:10000']);
  });

  it('cuts a better-ranked grant to its floor rather than drop a public, and names the rule', async () => {
    const input = request([app('A', 5000, 90), app('B', 5000, 80), app('C', 1000, 70, homeless)], {
      mode: 'constrained',
      grant: { partialFloor: 0.8 },
      constraints: { minPerTargetPublic: { homeless: 1 } },
    });
    const result = await run(input);
    // A in full; B gets the most that still leaves C its floor (800): better than dropping B.
    assert.deepEqual(funded(result), ['A:5000', 'B:4200', 'C:800']);
    assert.deepEqual(result.selected[1], {
      id: 'B',
      amount: 4200,
      rank: 2,
      partial: true,
      reason: 'rule:minPerTargetPublic:homeless',
    });
    assert.deepEqual(result.selected[2], {
      id: 'C',
      amount: 800,
      rank: 3,
      partial: true,
      reason: 'rule:minPerTargetPublic:homeless',
    });
  });

  it('applies the maxima per commune and per organisation, naming them', async () => {
    const input = request(
      [
        app('A', 1000, 90, { commune: '21004', organisation: 'X' }),
        app('B', 1000, 80, { commune: '21004', organisation: 'Y' }),
        app('C', 1000, 70, { commune: '21001', organisation: 'X' }),
        app('D', 1000, 60, { commune: '21001', organisation: 'Z' }),
      ],
      { mode: 'constrained', constraints: { maxPerCommune: 1, maxPerOrganisation: 1 } },
    );
    const result = await run(input);
    assert.deepEqual(funded(result), ['A:1000', 'D:1000']);
    assert.deepEqual(result.reserve, [
      { id: 'B', rank: 2, reason: 'rule:maxPerCommune' },
      { id: 'C', rank: 3, reason: 'rule:maxPerOrganisation' },
    ]);
  });

  it('lists a minimum too few applications can meet as unsatisfiable, and meets the others', async () => {
    const input = request(
      [
        app('A', 3000, 90),
        app('B', 3000, 80, homeless),
        app('C', 3000, 70, { targetPublics: ['women'] }),
        app('D', 3000, 60, homeless),
      ],
      { mode: 'constrained', constraints: { minPerTargetPublic: { homeless: 3, women: 1 } } },
    );
    const result = await run(input);
    assert.deepEqual(
      result.unsatisfiable.map((u) => u.rule),
      ['minPerTargetPublic:homeless'],
    );
    assert.match(result.unsatisfiable[0]!.detail, /Only 2 application/);
    assert.deepEqual(funded(result), ['A:3000', 'B:3000', 'C:3000']);
  });

  it('drops, among rules that cannot all be met, the later-listed ones', async () => {
    // Budget for two: homeless needs B and D, women needs C; each alone is possible.
    const apps = [
      app('A', 5000, 90),
      app('B', 5000, 80, homeless),
      app('C', 5000, 70, { targetPublics: ['women'] }),
      app('D', 5000, 60, homeless),
    ];
    const first = await run(
      request(apps, { mode: 'constrained', constraints: { minPerTargetPublic: { homeless: 2, women: 1 } } }),
    );
    assert.deepEqual(
      first.unsatisfiable.map((u) => u.rule),
      ['minPerTargetPublic:women'],
    );
    assert.deepEqual(funded(first), ['B:5000', 'D:5000']);
    const second = await run(
      request(apps, { mode: 'constrained', constraints: { minPerTargetPublic: { women: 1, homeless: 2 } } }),
    );
    assert.deepEqual(
      second.unsatisfiable.map((u) => u.rule),
      ['minPerTargetPublic:homeless'],
    );
    assert.deepEqual(funded(second), ['A:5000', 'C:5000']);
  });

  it('is deterministic: the same input gives the same output', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const input = smallInstance(seeded(seed), 'constrained');
      assert.equal(JSON.stringify(await run(input)), JSON.stringify(await run(structuredClone(input))), `seed ${seed}`);
    }
  });
});
