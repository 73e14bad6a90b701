import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, endOfDayInBrussels, isCalendarDate, startOfDayInBrussels } from './calendarDate.ts';

test('only real days are calendar dates', () => {
  assert.ok(isCalendarDate('2024-02-29'));
  assert.ok(isCalendarDate('2000-02-29'));
  assert.ok(!isCalendarDate('2026-02-29'));
  assert.ok(!isCalendarDate('1900-02-29'));
  assert.ok(!isCalendarDate('2026-04-31'));
  assert.ok(!isCalendarDate('2026-13-01'));
  assert.ok(!isCalendarDate('2026-1-01'));
});

test('days are added across months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
});

test('months keep the day when the month has it, else take the last day', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addMonths('2024-02-29', -36), '2021-02-28');
  assert.equal(addMonths('2026-11-20', 6), '2027-05-20');
  assert.equal(addMonths('2026-03-15', -3), '2025-12-15');
});

test('a day ends at the next midnight in Brussels, in winter and in summer time', () => {
  assert.equal(endOfDayInBrussels('2026-12-31').toISOString(), '2026-12-31T23:00:00.000Z');
  assert.equal(endOfDayInBrussels('2026-06-30').toISOString(), '2026-06-30T22:00:00.000Z');
  // The night the clocks go back: 25 October 2026 ends at 00:00 CET on the 26th.
  assert.equal(endOfDayInBrussels('2026-10-25').toISOString(), '2026-10-25T23:00:00.000Z');
});

test('a day starts at midnight in Brussels; a day that does not exist is refused', () => {
  assert.equal(startOfDayInBrussels('2027-01-01').toISOString(), '2026-12-31T23:00:00.000Z');
  assert.throws(() => startOfDayInBrussels('2027-02-29'), RangeError);
  assert.throws(() => endOfDayInBrussels('2027-02-29'), RangeError);
});
