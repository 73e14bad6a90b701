import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSelectionInput } from './inputSchema.ts';

const valid = {
  mode: 'constrained',
  budget: 25_000_000,
  grant: { min: 3_000_000, max: 6_000_000, partialFloor: 0.8 },
  applications: [
    {
      id: 'A1',
      requested: 5_690_400,
      score: 87.5,
      passedThresholds: true,
      targetPublics: ['homeless'],
      commune: '21015',
      organisation: '0403019261',
    },
    {
      id: 'A2',
      requested: 1_101_500,
      score: 80,
      passedThresholds: true,
      targetPublics: [],
      commune: '21004',
      organisation: '0403019262',
    },
  ],
  constraints: { minPerTargetPublic: { homeless: 1 }, maxPerCommune: 4, maxPerOrganisation: 1 },
  fixed: [{ id: 'A2', amount: 1_101_500 }],
};

function errorsOf(value: unknown): string[] {
  const parsed = parseSelectionInput(value);
  assert.equal(parsed.ok, false);
  return parsed.ok ? [] : parsed.errors;
}

describe('selection input', () => {
  it('accepts the contract example, and the optional parts absent or null', () => {
    assert.equal(parseSelectionInput(valid).ok, true);
    const { constraints: _c, fixed: _f, ...bare } = valid;
    assert.equal(parseSelectionInput({ ...bare, grant: {} }).ok, true);
    assert.equal(
      parseSelectionInput({
        ...bare,
        grant: { min: null, max: null, partialFloor: null },
        constraints: null,
        fixed: null,
      }).ok,
      true,
    );
  });

  it('refuses money that is not a whole number of cents', () => {
    assert.match(errorsOf({ ...valid, budget: 250000.5 }).join(), /budget: budget must be a whole number of cents/);
    assert.match(
      errorsOf({ ...valid, applications: [{ ...valid.applications[0], requested: '100' }] }).join(),
      /applications\.0\.requested/,
    );
  });

  it('refuses a negative budget', () => {
    assert.match(errorsOf({ ...valid, budget: -1 }).join(), /budget must not be negative/);
  });

  it('refuses duplicate ids, unknown and repeated fixed ids', () => {
    assert.match(
      errorsOf({ ...valid, applications: [valid.applications[0], valid.applications[0]] }).join(),
      /duplicate application id "A1"/,
    );
    assert.match(errorsOf({ ...valid, fixed: [{ id: 'A9', amount: 0 }] }).join(), /unknown application "A9"/);
    assert.match(
      errorsOf({
        ...valid,
        fixed: [
          { id: 'A2', amount: 0 },
          { id: 'A2', amount: 1 },
        ],
      }).join(),
      /two fixed decisions for "A2"/,
    );
  });

  it('refuses a partial floor outside (0, 1]', () => {
    assert.match(errorsOf({ ...valid, grant: { partialFloor: 0 } }).join(), /above 0/);
    assert.match(errorsOf({ ...valid, grant: { partialFloor: 1.2 } }).join(), /at most 1/);
    assert.equal(parseSelectionInput({ ...valid, grant: { partialFloor: 1 } }).ok, true);
  });

  it('refuses grant.min above grant.max, an unknown mode and unknown keys', () => {
    assert.match(
      errorsOf({ ...valid, grant: { min: 7_000_000, max: 6_000_000 } }).join(),
      /grant.min \(7000000\) is above grant.max/,
    );
    assert.match(errorsOf({ ...valid, mode: 'greedy' }).join(), /mode must be "ranking" or "constrained"/);
    assert.match(errorsOf({ ...valid, constraint: {} }).join(), /constraint/);
  });

  it('refuses fractional counts in the rules', () => {
    assert.match(
      errorsOf({ ...valid, constraints: { maxPerCommune: 1.5 } }).join(),
      /maxPerCommune must be a whole number/,
    );
  });
});
