import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationReference, parseApplicationReference } from './reference.ts';

test('references have a number of at least 4 digits, growing past 9999', () => {
  assert.equal(applicationReference('BEE', 2026, 42), 'BEE-2026-0042');
  assert.equal(applicationReference('BEE', 2026, 1), 'BEE-2026-0001');
  assert.equal(applicationReference('BEE', 2026, 9999), 'BEE-2026-9999');
  assert.equal(applicationReference('BEE', 2026, 10000), 'BEE-2026-10000');
  assert.equal(applicationReference('DIGI-INCL', 2027, 7), 'DIGI-INCL-2027-0007');
});

test('a reference is not built from bad parts', () => {
  assert.throws(() => applicationReference('bee', 2026, 1), RangeError);
  assert.throws(() => applicationReference('', 2026, 1), RangeError);
  assert.throws(() => applicationReference('B E', 2026, 1), RangeError);
  assert.throws(() => applicationReference('BEE', 26, 1), RangeError);
  assert.throws(() => applicationReference('BEE', 2026, 0), RangeError);
  assert.throws(() => applicationReference('BEE', 2026, 1.5), RangeError);
});

test('a reference reads back, as typed by a person', () => {
  assert.deepEqual(parseApplicationReference('BEE-2026-0042'), {
    ok: true,
    value: { callCode: 'BEE', year: 2026, n: 42 },
  });
  assert.deepEqual(parseApplicationReference('  bee-2026-42 '), {
    ok: true,
    value: { callCode: 'BEE', year: 2026, n: 42 },
  });
  assert.deepEqual(parseApplicationReference('BEE-2026-10000'), {
    ok: true,
    value: { callCode: 'BEE', year: 2026, n: 10000 },
  });
  assert.deepEqual(parseApplicationReference('DIGI-INCL-2027-0007'), {
    ok: true,
    value: { callCode: 'DIGI-INCL', year: 2027, n: 7 },
  });
  for (const [code, year, n] of [
    ['BEE', 2026, 42],
    ['A-2026', 2026, 1],
    ['X1', 9999, 123456],
  ] as const) {
    assert.deepEqual(parseApplicationReference(applicationReference(code, year, n)), {
      ok: true,
      value: { callCode: code, year, n },
    });
  }
});

test('anything else is not a reference', () => {
  for (const s of [
    '',
    'BEE',
    'BEE-2026',
    'BEE-26-0042',
    'BEE-2026-0000',
    '-2026-0042',
    'BEE--2026-0042',
    'BEE-2026-00x2',
    'BÉE-2026-0042',
    'BEE 2026 0042',
  ]) {
    assert.deepEqual(parseApplicationReference(s), { ok: false, error: 'invalid-reference' }, s);
  }
});
