import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoursRules } from './openingHoursSyntax.ts';

test('rules are split at their separators, never inside a comment', () => {
  assert.deepEqual(
    hoursRules('Mo-Fr 09:00-12:00 "a; b, c || d"; Sa 10:00-12:00, Su off || "call"').map((r) => [r.separator, r.text]),
    [
      ['normal', 'Mo-Fr 09:00-12:00 "a; b, c || d"'],
      ['normal', 'Sa 10:00-12:00'],
      ['additional', 'Su off'],
      ['fallback', '"call"'],
    ],
  );
});

test('a rule’s parts: dates, days with their nth, holidays, times past midnight and open ends, state, comment', () => {
  const [rule] = hoursRules('Dec 24-Jan 01,Jul Mo-We,Fr[1,3],PH 09:00-12:00,22:00-02:00,18:00+ open "x"');
  assert.deepEqual(rule?.parts, {
    always: false,
    dates: [
      { from: { month: 12, day: 24 }, to: { month: 1, day: 1 } },
      { from: { month: 7, day: null }, to: null },
    ],
    days: [
      { from: 0, to: 2, nth: null },
      { from: 4, to: 4, nth: [1, 3] },
    ],
    holidays: true,
    times: [
      { from: 540, to: 720 },
      { from: 1320, to: 1560 },
      { from: 1080, to: null },
    ],
    state: 'open',
    comment: 'x',
    tail: '09:00-12:00,22:00-02:00,18:00+ open "x"',
  });
  assert.deepEqual(hoursRules('Dec 24-26 off')[0]?.parts?.dates, [
    { from: { month: 12, day: 24 }, to: { month: 12, day: 26 } },
  ]);
  assert.deepEqual(hoursRules('Mo 18:00-00:00')[0]?.parts?.times, [{ from: 1080, to: 1440 }], '00:00 ends at midnight');
  assert.equal(hoursRules('Su,PH off')[0]?.parts?.state, 'closed', 'off is closed');
  assert.equal(hoursRules('24/7')[0]?.parts?.always, true);
});

test('syntax outside the words it knows keeps the rule’s text and no parts', () => {
  for (const text of [
    'week 02-52/2 Mo 10:00-12:00',
    '2026 Dec 25 off',
    'PH +1 day off',
    'PH Mo 10:00-12:00',
    'easter off',
    'Mo[-2] 10:00-12:00',
  ])
    assert.equal(hoursRules(text)[0]?.parts, null, text);
});
