import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_REPORT_PLAN,
  dueDayOf,
  reportPlanProblems,
  reportSchedule,
  type ReportDefinition,
} from './reportSchedule.ts';

const plan: ReportDefinition[] = [
  { id: 'final', kind: 'final', due: { monthsAfter: 2, from: 'end' }, opensDaysBefore: 30 },
  { id: 'interim-1', kind: 'interim', due: { monthsAfter: 6, from: 'signature' }, opensDaysBefore: 30 },
  { id: 'interim-2', kind: 'interim', due: { on: '2027-10-15' }, opensDaysBefore: 14 },
];
const period = { start: '2027-01-01', end: '2027-12-31', signedOn: '2027-01-01' };

test('months count from the signature or from the period end; sorted by due day', () => {
  const schedule = reportSchedule(plan, period);
  assert.deepEqual(
    schedule.map((r) => [r.id, r.opensOn, r.dueOn, r.moved]),
    [
      ['interim-1', '2027-06-01', '2027-07-01', false],
      ['interim-2', '2027-10-01', '2027-10-15', false],
      ['final', '2028-01-30', '2028-02-29', false],
    ],
  );
});

test('a report is due by the end of its day and opens at the start of its first day, in Brussels', () => {
  const [interim] = reportSchedule(plan, period);
  assert.equal(interim!.dueAt.toISOString(), '2027-07-01T22:00:00.000Z'); // midnight CEST
  assert.equal(interim!.opensAt.toISOString(), '2027-05-31T22:00:00.000Z');
});

test('an officer moves a due day for one grant', () => {
  const schedule = reportSchedule(plan, period, { 'interim-1': '2027-09-30' });
  assert.deepEqual(
    schedule.map((r) => [r.id, r.dueOn, r.moved]),
    [
      ['interim-1', '2027-09-30', true],
      ['interim-2', '2027-10-15', false],
      ['final', '2028-02-29', false],
    ],
  );
  assert.throws(() => reportSchedule(plan, period, { final: '2028-02-30' }), RangeError);
});

test('month ends: six months after 31 August is the last day of February', () => {
  const [r] = reportSchedule(
    [
      { id: 'interim-1', kind: 'interim', due: { monthsAfter: 6, from: 'signature' }, opensDaysBefore: 0 },
      { id: 'final', kind: 'final', due: { monthsAfter: 0, from: 'end' }, opensDaysBefore: 0 },
    ],
    { start: '2026-09-01', end: '2027-08-30', signedOn: '2026-08-31' },
  );
  assert.equal(r!.dueOn, '2027-02-28');
});

test('a plan needs exactly one final report and well-formed dues', () => {
  assert.deepEqual(reportPlanProblems(plan), []);
  assert.deepEqual(
    reportPlanProblems([
      { id: 'a', kind: 'interim', due: { on: '2027-02-30' }, opensDaysBefore: 30 },
      { id: 'a', kind: 'interim', due: { monthsAfter: 1.5, from: 'signature' }, opensDaysBefore: -1 },
      { id: 'B b', kind: 'final', due: { monthsAfter: 1, from: 'start' as 'end' }, opensDaysBefore: 400 },
    ]),
    [
      { id: 'a', code: 'due-date' },
      { id: 'a', code: 'duplicate-id' },
      { id: 'a', code: 'months-after' },
      { id: 'a', code: 'opens-days-before' },
      { id: 'B b', code: 'id' },
      { id: 'B b', code: 'months-after' },
      { id: 'B b', code: 'opens-days-before' },
    ],
  );
  assert.deepEqual(reportPlanProblems([plan[0]!, { ...plan[0]!, id: 'final-2' }]), [
    { id: null, code: 'several-final-reports' },
  ]);
  assert.throws(() => reportSchedule([], period), RangeError);
});

test('without a plan of its own: an interim report halfway, the final one on the last day', () => {
  const schedule = reportSchedule(DEFAULT_REPORT_PLAN, period);
  assert.deepEqual(
    schedule.map((r) => [r.id, r.kind, r.opensOn, r.dueOn]),
    [
      ['interim-1', 'interim', '2027-06-02', '2027-07-02'], // 364 days, the 182nd after the start
      ['final', 'final', '2027-12-01', '2027-12-31'],
    ],
  );
  assert.deepEqual(reportPlanProblems(DEFAULT_REPORT_PLAN), []);
});

test('the due day is read back from the due instant', () => {
  const [interim] = reportSchedule(plan, period);
  assert.equal(dueDayOf(interim!.dueAt), '2027-07-01');
});
