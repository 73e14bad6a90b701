import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BRUSSELS,
  brusselsToInstant,
  formatCalendarDate,
  formatInstant,
  instantToBrussels,
  isBeforeDeadline,
  timeRemaining,
} from './brusselsTime.ts';

function instant(date: string, time: string): string {
  const r = brusselsToInstant(date, time);
  assert.ok(r.ok, `${date} ${time} should convert, got ${JSON.stringify(r)}`);
  return r.value.toISOString();
}

function refused(date: string, time: string): string {
  const r = brusselsToInstant(date, time);
  assert.ok(!r.ok, `${date} ${time} should be refused, got ${JSON.stringify(r)}`);
  return r.error;
}

const at = (iso: string): Date => new Date(iso);

test('BRUSSELS names the IANA zone', () => {
  assert.equal(BRUSSELS, 'Europe/Brussels');
});

test('12:00 in Brussels is 11:00Z in winter and 10:00Z in summer', () => {
  assert.equal(instant('2027-01-15', '12:00'), '2027-01-15T11:00:00.000Z');
  assert.equal(instant('2026-07-01', '12:00'), '2026-07-01T10:00:00.000Z');
  assert.equal(instant('2026-12-31', '23:59'), '2026-12-31T22:59:00.000Z');
  assert.equal(instant('2027-01-01', '00:00'), '2026-12-31T23:00:00.000Z');
  assert.equal(instant('2026-06-30', '00:00'), '2026-06-29T22:00:00.000Z');
  assert.equal(instant('2028-02-29', '12:00'), '2028-02-29T11:00:00.000Z');
});

test('spring forward 2026-03-29: the hour 02:00–03:00 does not exist', () => {
  assert.equal(instant('2026-03-29', '01:59'), '2026-03-29T00:59:00.000Z'); // CET
  assert.equal(instant('2026-03-29', '02:00'), '2026-03-29T01:00:00.000Z'); // = 03:00 CEST
  assert.equal(instant('2026-03-29', '02:30'), '2026-03-29T01:30:00.000Z'); // = 03:30 CEST
  assert.equal(instant('2026-03-29', '02:59'), '2026-03-29T01:59:00.000Z');
  assert.equal(instant('2026-03-29', '03:00'), '2026-03-29T01:00:00.000Z'); // CEST
  assert.equal(instant('2026-03-29', '03:30'), '2026-03-29T01:30:00.000Z');
  assert.equal(instant('2026-03-29', '12:00'), '2026-03-29T10:00:00.000Z');
  assert.equal(instant('2026-03-28', '12:00'), '2026-03-28T11:00:00.000Z');
  // The gap time reads back as the wall-clock time an hour later.
  assert.deepEqual(instantToBrussels(at(instant('2026-03-29', '02:30'))), { date: '2026-03-29', time: '03:30' });
});

test('spring forward 2027-03-28', () => {
  assert.equal(instant('2027-03-28', '01:59'), '2027-03-28T00:59:00.000Z');
  assert.equal(instant('2027-03-28', '02:30'), '2027-03-28T01:30:00.000Z');
  assert.equal(instant('2027-03-28', '03:00'), '2027-03-28T01:00:00.000Z');
  assert.equal(instant('2027-03-28', '12:00'), '2027-03-28T10:00:00.000Z');
  assert.equal(instant('2027-03-27', '12:00'), '2027-03-27T11:00:00.000Z');
});

test('fall back 2026-10-25: 02:00–03:00 happens twice, the first (CEST) is taken', () => {
  assert.equal(instant('2026-10-25', '01:59'), '2026-10-24T23:59:00.000Z'); // CEST
  assert.equal(instant('2026-10-25', '02:00'), '2026-10-25T00:00:00.000Z'); // first 02:00, CEST
  assert.equal(instant('2026-10-25', '02:30'), '2026-10-25T00:30:00.000Z'); // not 01:30Z (CET)
  assert.equal(instant('2026-10-25', '02:59'), '2026-10-25T00:59:00.000Z');
  assert.equal(instant('2026-10-25', '03:00'), '2026-10-25T02:00:00.000Z'); // CET
  // Both occurrences read back as 02:30.
  assert.deepEqual(instantToBrussels(at('2026-10-25T00:30:00Z')), { date: '2026-10-25', time: '02:30' });
  assert.deepEqual(instantToBrussels(at('2026-10-25T01:30:00Z')), { date: '2026-10-25', time: '02:30' });
});

test('a deadline at 12:00 on the day clocks go back is 11:00Z', () => {
  assert.equal(instant('2026-10-25', '12:00'), '2026-10-25T11:00:00.000Z');
  assert.equal(instant('2026-10-24', '12:00'), '2026-10-24T10:00:00.000Z');
});

test('fall back 2027-10-31', () => {
  assert.equal(instant('2027-10-31', '01:59'), '2027-10-30T23:59:00.000Z');
  assert.equal(instant('2027-10-31', '02:30'), '2027-10-31T00:30:00.000Z');
  assert.equal(instant('2027-10-31', '03:00'), '2027-10-31T02:00:00.000Z');
  assert.equal(instant('2027-10-31', '12:00'), '2027-10-31T11:00:00.000Z');
  assert.equal(instant('2027-10-30', '12:00'), '2027-10-30T10:00:00.000Z');
});

test('every minute of 2026 in Brussels round-trips, except the skipped hour', () => {
  // Walk every 15 minutes of the year: each wall-clock time converts back to itself.
  let checked = 0;
  for (let ms = Date.UTC(2025, 11, 31, 23); ms < Date.UTC(2026, 11, 31, 23); ms += 15 * 60_000) {
    const { date, time } = instantToBrussels(new Date(ms));
    const back = brusselsToInstant(date, time);
    assert.ok(back.ok);
    // The second 02:xx of the autumn change maps to the first, an hour earlier.
    const expected = ms >= Date.UTC(2026, 9, 25, 1) && ms < Date.UTC(2026, 9, 25, 2) ? ms - 3_600_000 : ms;
    assert.equal(back.value.getTime(), expected, `${date} ${time}`);
    checked++;
  }
  assert.equal(checked, 365 * 96);
});

test('brusselsToInstant: invalid dates', () => {
  for (const date of [
    '',
    '2026-02-29',
    '2027-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '26-01-15',
    '2026-1-15',
    '2026-01-5',
    '15/01/2027',
    '2027/01/15',
    '2027-01-15T12:00',
    ' 2027-01-15',
    '2027-01-15 ',
    'abcd-ef-gh',
    '+02027-01-15',
    '２０２７-01-15',
  ]) {
    assert.equal(refused(date, '12:00'), 'invalid-date', JSON.stringify(date));
  }
  assert.equal(refused('2026-02-30', 'nonsense'), 'invalid-date'); // the date is checked first
});

test('brusselsToInstant: invalid times', () => {
  for (const time of [
    '',
    '24:00',
    '25:00',
    '12:60',
    '12:5',
    '1:05',
    '12h00',
    '12:00:00',
    '12.00',
    ' 12:00',
    '-1:00',
    '99:99',
    'noon',
  ]) {
    assert.equal(refused('2027-01-15', time), 'invalid-time', JSON.stringify(time));
  }
});

test('brusselsToInstant: leap days and far dates', () => {
  assert.equal(instant('2024-02-29', '12:00'), '2024-02-29T11:00:00.000Z');
  assert.equal(instant('2000-02-29', '12:00'), '2000-02-29T11:00:00.000Z');
  assert.equal(refused('1900-02-29', '12:00'), 'invalid-date');
  assert.equal(instant('2100-07-01', '12:00'), '2100-07-01T10:00:00.000Z');
});

test('instantToBrussels', () => {
  assert.deepEqual(instantToBrussels(at('2027-01-15T11:00:00Z')), { date: '2027-01-15', time: '12:00' });
  assert.deepEqual(instantToBrussels(at('2026-07-01T10:00:00Z')), { date: '2026-07-01', time: '12:00' });
  assert.deepEqual(instantToBrussels(at('2026-12-31T23:00:00Z')), { date: '2027-01-01', time: '00:00' });
  assert.deepEqual(instantToBrussels(at('2026-06-30T22:00:00Z')), { date: '2026-07-01', time: '00:00' });
  assert.deepEqual(instantToBrussels(at('2027-01-15T11:59:59.999Z')), { date: '2027-01-15', time: '12:59' });
  assert.deepEqual(instantToBrussels(at('2026-03-29T00:59:59Z')), { date: '2026-03-29', time: '01:59' });
  assert.deepEqual(instantToBrussels(at('2026-03-29T01:00:00Z')), { date: '2026-03-29', time: '03:00' });
  assert.throws(() => instantToBrussels(new Date(NaN)), RangeError);
});

test('isBeforeDeadline: strictly before, the deadline instant itself is late', () => {
  const deadline = at(instant('2027-01-15', '12:00'));
  assert.equal(isBeforeDeadline(new Date(deadline.getTime() - 1), deadline), true);
  assert.equal(isBeforeDeadline(new Date(deadline.getTime()), deadline), false);
  assert.equal(isBeforeDeadline(new Date(deadline.getTime() + 1000), deadline), false);
  assert.equal(isBeforeDeadline(at('2027-01-15T10:59:59.999Z'), deadline), true);
  assert.equal(isBeforeDeadline(at('2027-01-15T11:00:00.000Z'), deadline), false);
  assert.equal(isBeforeDeadline(at('2027-01-14T12:00:00Z'), deadline), true);
});

test('isBeforeDeadline on the autumn change day', () => {
  const deadline = at(instant('2026-10-25', '12:00'));
  assert.equal(isBeforeDeadline(at('2026-10-25T10:59:59.999Z'), deadline), true);
  assert.equal(isBeforeDeadline(at('2026-10-25T11:00:00Z'), deadline), false);
  assert.equal(isBeforeDeadline(at('2026-10-25T11:00:01Z'), deadline), false);
});

test('isBeforeDeadline refuses invalid dates instead of answering', () => {
  assert.throws(() => isBeforeDeadline(new Date(NaN), at('2027-01-15T11:00:00Z')), RangeError);
  assert.throws(() => isBeforeDeadline(at('2027-01-15T11:00:00Z'), new Date('not a date')), RangeError);
});

test('formatInstant: what Node (full ICU) writes in each language', () => {
  const winter = at('2027-01-15T11:00:00Z');
  assert.equal(formatInstant(winter, 'fr'), '15 janvier 2027 à 12:00');
  assert.equal(formatInstant(winter, 'nl'), '15 januari 2027 om 12:00');
  assert.equal(formatInstant(winter, 'en'), '15 January 2027 at 12:00');
  assert.equal(formatInstant(winter, 'fr', 'datetime'), '15 janvier 2027 à 12:00');
  assert.equal(formatInstant(winter, 'fr', 'date'), '15 janvier 2027');
  assert.equal(formatInstant(winter, 'nl', 'date'), '15 januari 2027');
  assert.equal(formatInstant(winter, 'en', 'date'), '15 January 2027');
  for (const locale of ['fr', 'nl', 'en'] as const) assert.equal(formatInstant(winter, locale, 'time'), '12:00');
});

test('formatInstant shows Brussels time, summer and winter, across midnight', () => {
  // French writes the first of the month as an ordinal (1er).
  assert.equal(formatInstant(at('2026-07-01T10:00:00Z'), 'fr'), '1er juillet 2026 à 12:00');
  assert.equal(formatInstant(at('2026-12-31T23:30:00Z'), 'fr'), '1er janvier 2027 à 00:30');
  assert.equal(formatInstant(at('2026-12-31T23:30:00Z'), 'en', 'date'), '1 January 2027');
  assert.equal(formatInstant(at('2026-10-25T11:00:00Z'), 'nl'), '25 oktober 2026 om 12:00');
  assert.equal(formatInstant(at('2026-03-29T01:30:00Z'), 'en', 'time'), '03:30');
  assert.throws(() => formatInstant(new Date(NaN), 'fr'), RangeError);
});

test('results do not depend on the machine time zone (process.env.TZ)', () => {
  const saved = process.env.TZ;
  const probe = at('2027-01-15T11:00:00Z');
  const compute = () => ({
    instants: [
      instant('2027-01-15', '12:00'),
      instant('2026-03-29', '02:30'),
      instant('2026-10-25', '02:30'),
      instant('2026-10-25', '12:00'),
    ],
    wall: [instantToBrussels(probe), instantToBrussels(at('2026-10-25T01:30:00Z'))],
    text: [formatInstant(probe, 'fr'), formatInstant(probe, 'nl', 'date'), formatInstant(probe, 'en', 'time')],
  });
  try {
    delete process.env.TZ;
    const reference = compute();
    // Local offsets of the probe instant (minutes behind UTC) in each zone.
    const zones: [string, number][] = [
      ['UTC', 0],
      ['Pacific/Auckland', -780],
      ['America/New_York', 300],
      ['Asia/Kolkata', -330],
      ['Europe/Brussels', -60],
    ];
    for (const [tz, localOffset] of zones) {
      process.env.TZ = tz;
      // Node applies a TZ change at once; check it did, or the comparison would prove nothing.
      assert.equal(probe.getTimezoneOffset(), localOffset, tz);
      assert.deepEqual(compute(), reference, tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('timeRemaining counts elapsed days, hours, minutes', () => {
  const deadline = at(instant('2027-01-15', '12:00'));
  assert.deepEqual(timeRemaining(at('2027-01-13T09:30:00Z'), deadline), {
    days: 2,
    hours: 1,
    minutes: 30,
    past: false,
  });
  assert.deepEqual(timeRemaining(at('2027-01-15T10:00:00Z'), deadline), { days: 0, hours: 1, minutes: 0, past: false });
  assert.deepEqual(timeRemaining(at('2027-01-15T10:59:00Z'), deadline), { days: 0, hours: 0, minutes: 1, past: false });
  // Rounded down: 59.999 s left shows 0 minutes, but it is not past yet.
  assert.deepEqual(timeRemaining(at('2027-01-15T10:59:00.001Z'), deadline), {
    days: 0,
    hours: 0,
    minutes: 0,
    past: false,
  });
  assert.deepEqual(timeRemaining(new Date(deadline.getTime() - 1), deadline), {
    days: 0,
    hours: 0,
    minutes: 0,
    past: false,
  });
});

test('timeRemaining: at and after the deadline it is past and counts the time since', () => {
  const deadline = at(instant('2027-01-15', '12:00'));
  assert.deepEqual(timeRemaining(deadline, deadline), { days: 0, hours: 0, minutes: 0, past: true });
  assert.deepEqual(timeRemaining(new Date(deadline.getTime() + 1000), deadline), {
    days: 0,
    hours: 0,
    minutes: 0,
    past: true,
  });
  assert.deepEqual(timeRemaining(at('2027-01-16T13:05:00Z'), deadline), { days: 1, hours: 2, minutes: 5, past: true });
});

test('timeRemaining across the autumn change: a day is 24 hours', () => {
  // From Saturday 12:00 to Sunday 12:00 Brussels is 25 hours on the fall-back weekend.
  const deadline = at(instant('2026-10-25', '12:00'));
  assert.deepEqual(timeRemaining(at(instant('2026-10-24', '12:00')), deadline), {
    days: 1,
    hours: 1,
    minutes: 0,
    past: false,
  });
  const spring = at(instant('2026-03-29', '12:00'));
  assert.deepEqual(timeRemaining(at(instant('2026-03-28', '12:00')), spring), {
    days: 0,
    hours: 23,
    minutes: 0,
    past: false,
  });
});

test('timeRemaining refuses invalid dates', () => {
  assert.throws(() => timeRemaining(new Date(NaN), at('2027-01-15T11:00:00Z')), RangeError);
});

test('a calendar date is written out in each language, on that day in Brussels', () => {
  assert.equal(formatCalendarDate('2026-11-20', 'fr'), '20 novembre 2026');
  assert.equal(formatCalendarDate('2026-11-20', 'nl'), '20 november 2026');
  assert.equal(formatCalendarDate('2026-03-29', 'en'), '29 March 2026');
  assert.throws(() => formatCalendarDate('2026-13-01', 'fr'), RangeError);
});
