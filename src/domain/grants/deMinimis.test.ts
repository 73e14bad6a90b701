import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDeMinimis, deMinimisUsed, deMinimisWindow } from './deMinimis.ts';

const aid = (awardedOn: string, euros: number) => ({ awardedOn, amountCents: euros * 100 });

test('the window is the three years up to and including its last day', () => {
  assert.deepEqual(deMinimisWindow('2026-06-15'), { from: '2023-06-16', to: '2026-06-15' });
});

test('an aid awarded exactly three years earlier has left the window; the day after it is still in', () => {
  const aids = [aid('2023-06-15', 100_000), aid('2023-06-16', 50_000)];
  assert.equal(deMinimisUsed(aids, '2026-06-15'), 5_000_000);
  assert.equal(deMinimisUsed(aids, '2026-06-14'), 15_000_000);
  assert.equal(deMinimisUsed(aids, '2026-06-16'), 0);
});

test('leap days: a window ending on 29 February, and an aid awarded on one', () => {
  assert.deepEqual(deMinimisWindow('2028-02-29'), { from: '2025-03-01', to: '2028-02-29' });
  assert.deepEqual(deMinimisWindow('2027-02-28'), { from: '2024-02-29', to: '2027-02-28' });
  const leap = [aid('2024-02-29', 100_000)];
  assert.equal(deMinimisUsed(leap, '2027-02-28'), 10_000_000, 'still counted on the last day of February 2027');
  assert.equal(deMinimisUsed(leap, '2027-03-01'), 0, 'gone the next day');
});

test('aid awarded after the day checked does not count, aid on that day does', () => {
  const aids = [aid('2026-06-15', 10_000), aid('2026-06-16', 20_000)];
  assert.equal(deMinimisUsed(aids, '2026-06-15'), 1_000_000);
});

test('headroom and excess of a proposed grant; reaching the ceiling exactly is allowed', () => {
  const aids = [aid('2024-03-01', 150_000), aid('2025-09-30', 93_096), aid('2022-01-10', 200_000)];
  const fits = checkDeMinimis(aids, aid('2026-11-20', 56_904));
  assert.deepEqual(fits, { usedCents: 24_309_600, headroomCents: 5_690_400, exceeds: false, excessCents: 0 });
  const over = checkDeMinimis(aids, { awardedOn: '2026-11-20', amountCents: 5_690_401 });
  assert.deepEqual(over, { usedCents: 24_309_600, headroomCents: 5_690_400, exceeds: true, excessCents: 1 });
});

test('once older aid leaves the rolling window, the headroom comes back', () => {
  const aids = [aid('2024-03-01', 250_000)];
  assert.equal(checkDeMinimis(aids, aid('2027-02-28', 100_000)).exceeds, true);
  assert.deepEqual(checkDeMinimis(aids, aid('2027-03-01', 100_000)), {
    usedCents: 0,
    headroomCents: 30_000_000,
    exceeds: false,
    excessCents: 0,
  });
});

test('another ceiling can be given (services of general economic interest), and headroom never goes below 0', () => {
  const check = checkDeMinimis([aid('2026-01-01', 800_000)], { awardedOn: '2026-02-01', amountCents: 1 }, 75_000_000);
  assert.equal(check.headroomCents, 0);
  assert.equal(check.excessCents, 5_000_001);
});
