import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSmall, shownText, suppressBreakdown, suppressCount } from './suppression.ts';

test('1 to 4 people are hidden; 0 and 5 or more are shown', () => {
  assert.deepEqual(
    [0, 1, 4, 5, 120].map((n) => isSmall(n)),
    [false, true, true, false, false],
  );
  assert.equal(shownText(suppressCount(3)), '< 5');
  assert.equal(shownText(suppressCount(5)), '5');
  assert.equal(shownText(suppressCount(0)), '0');
});

test('a breakdown hides its small cells and keeps its total', () => {
  const { cells, total } = suppressBreakdown(
    [
      { key: 'a', count: 2 },
      { key: 'b', count: 3 },
      { key: 'c', count: 40 },
    ],
    45,
  );
  assert.deepEqual(
    cells.map((c) => shownText(c.shown)),
    ['< 5', '< 5', '40'],
  );
  assert.equal(shownText(total), '45');
});

test('one hidden cell alone takes the smallest other non-zero cell with it (withheld, not "< 5"), so no subtraction finds it', () => {
  const { cells } = suppressBreakdown(
    [
      { key: 'a', count: 0 },
      { key: 'b', count: 3 },
      { key: 'c', count: 40 },
      { key: 'd', count: 12 },
    ],
    55,
  );
  assert.deepEqual(
    cells.map((c) => shownText(c.shown)),
    ['0', '< 5', '40', '…'],
  );
});

test('no complementary cell is needed when the total itself is hidden', () => {
  const { cells, total } = suppressBreakdown(
    [
      { key: 'a', count: 3 },
      { key: 'b', count: 0 },
    ],
    3,
  );
  assert.deepEqual(
    cells.map((c) => shownText(c.shown)),
    ['< 5', '0'],
  );
  assert.equal(shownText(total), '< 5');
});

test('whatever the counts, the shown cells never let a hidden one be computed from the total', () => {
  for (let seed = 0; seed < 500; seed++) {
    const counts = Array.from({ length: 1 + (seed % 6) }, (_, i) => (seed * 7 + i * 13) % 11);
    const total = counts.reduce((s, n) => s + n, 0);
    const { cells, total: t } = suppressBreakdown(
      counts.map((count, i) => ({ key: String(i), count })),
      total,
    );
    const hidden = cells.filter((c) => c.shown.kind !== 'count');
    if (t.kind === 'count') assert.notEqual(hidden.length, 1, `counts ${counts.join(',')}`);
    for (const c of cells) if (c.shown.kind === 'count') assert.ok(!isSmall(c.shown.value));
  }
});
