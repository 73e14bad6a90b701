import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brusselsToInstant } from '../brusselsTime.ts';
import { parseOpeningHours, type HoursOptions, type OpeningHours } from './openingHours.ts';

/** The instant Brussels shows as this date and time. */
function brussels(date: string, time: string): Date {
  const at = brusselsToInstant(date, time);
  assert.ok(at.ok);
  return at.value;
}

function hours(text: string, options?: HoursOptions): OpeningHours {
  const parsed = parseOpeningHours(text, options);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : JSON.stringify(parsed.problem)}`);
  return parsed.hours;
}

const stateAt = (h: OpeningHours, date: string, time: string) => h.stateAt(brussels(date, time)).state;

test('the text kept is the library’s own writing of it, so the same hours are always the same text', () => {
  assert.equal(hours('mo-fr 9:00-12:00 ; ph off').text, 'Mo-Fr 09:00-12:00; PH off');
  assert.equal(hours('  Mo-Fr 09:00-12:00, 14:00-17:00  ').text, 'Mo-Fr 09:00-12:00,14:00-17:00');
  assert.equal(hours('Lu-Ve 9h-12h').text, 'Mo-Fr 09:00-12:00', 'French day names and "9h" are understood');
  assert.deepEqual(
    hours('Montag 09:00-12:00').notes.map((n) => n.type),
    ['word_error_correction'],
    'a corrected word is accepted and noted',
  );
});

test('hours past midnight: Friday 22:00 to 2:00 is open late on Friday and early on Saturday only', () => {
  const late = hours('Fr 22:00-02:00');
  assert.equal(stateAt(late, '2026-12-04', '21:59'), 'closed');
  assert.equal(stateAt(late, '2026-12-04', '22:00'), 'open');
  assert.equal(stateAt(late, '2026-12-04', '23:59'), 'open');
  assert.equal(stateAt(late, '2026-12-05', '00:00'), 'open');
  assert.equal(stateAt(late, '2026-12-05', '01:59'), 'open');
  assert.equal(stateAt(late, '2026-12-05', '02:00'), 'closed');
  assert.equal(stateAt(late, '2026-12-03', '23:30'), 'closed', 'not on Thursday night');
  assert.equal(stateAt(late, '2026-12-06', '01:00'), 'closed', 'not on Saturday night');
  assert.deepEqual(late.nextChange(brussels('2026-12-04', '23:30'), brussels('2026-12-20', '00:00')), {
    at: brussels('2026-12-05', '02:00'),
    state: 'closed',
  });
});

test('Belgian public holidays close a place that says "PH off", and the days around them do not', () => {
  const office = hours('Mo-Fr 09:00-17:00; PH off');
  const holidays: [string, string][] = [
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-01', 'Labour Day'],
    ['2026-05-14', 'Ascension'],
    ['2026-05-25', 'Whit Monday'],
    ['2026-07-21', 'National Day'],
    ['2027-11-01', 'All Saints'],
    ['2026-12-25', 'Christmas'],
  ];
  for (const [date, name] of holidays) assert.equal(stateAt(office, date, '10:00'), 'closed', name);
  for (const date of ['2026-04-07', '2026-07-20', '2027-11-02', '2026-12-24'])
    assert.equal(stateAt(office, date, '10:00'), 'open', date);
  const holidayHours = hours('Mo-Fr 09:00-17:00; PH 10:00-12:00');
  assert.equal(stateAt(holidayHours, '2026-07-21', '11:00'), 'open');
  assert.equal(stateAt(holidayHours, '2026-07-21', '15:00'), 'closed', 'a holiday rule replaces the day');
});

test('public holidays need no network: the library has Belgium’s in its own tables', () => {
  const saved = globalThis.fetch;
  globalThis.fetch = () => {
    throw new Error('no network in a pure rule');
  };
  try {
    assert.equal(stateAt(hours('Mo-Fr 09:00-17:00; PH off'), '2026-04-06', '10:00'), 'closed');
  } finally {
    globalThis.fetch = saved;
  }
});

test('Iris Day and the community days count as holidays only when the installation says so', () => {
  const text = 'Mo-Fr 09:00-17:00; PH off';
  const plain = hours(text);
  const brusselsDays = hours(text, { extraHolidays: ['iris-day', 'french-community-day', 'flemish-community-day'] });
  const irisOnly = hours(text, { extraHolidays: ['iris-day'] });
  for (const [date, name] of [
    ['2026-05-08', 'Iris Day'],
    ['2027-09-27', 'French Community Day'],
    ['2028-07-11', 'Flemish Community Day'],
  ]) {
    assert.equal(stateAt(plain, date!, '10:00'), 'open', `${name}, not configured`);
    assert.equal(stateAt(brusselsDays, date!, '10:00'), 'closed', `${name}, configured`);
  }
  assert.equal(stateAt(irisOnly, '2027-09-27', '10:00'), 'open', 'only the chosen days');
  assert.equal(brusselsDays.text, text, 'the stored text does not change');
  const holidayMorning = hours('Mo-Fr 09:00-17:00; Su,PH 10:00-12:00', { extraHolidays: ['iris-day'] });
  assert.equal(stateAt(holidayMorning, '2026-05-08', '11:00'), 'open', 'a holiday rule with times applies too');
  assert.equal(stateAt(holidayMorning, '2026-05-08', '15:00'), 'closed');
});

test('across the change to summer time, hours stay on the Brussels clock', () => {
  const office = hours('Mo-Fr 09:00-17:00');
  // 9:30 is 08:30 UTC on Friday 27 March 2026 (CET) and 07:30 UTC on Monday 30 March (CEST).
  assert.equal(office.stateAt(new Date('2026-03-27T08:30:00Z')).state, 'open');
  assert.equal(office.stateAt(new Date('2026-03-30T07:30:00Z')).state, 'open');
  assert.equal(office.stateAt(new Date('2026-03-27T07:30:00Z')).state, 'closed', '8:30 in winter');
  // Sunday 29 March 2026: clocks jump from 2:00 to 3:00.
  const night = hours('Su 01:00-05:00');
  assert.equal(night.stateAt(new Date('2026-03-29T00:30:00Z')).state, 'open', '1:30 CET');
  assert.equal(night.stateAt(new Date('2026-03-29T01:30:00Z')).state, 'open', '3:30 CEST');
  assert.deepEqual(night.nextChange(new Date('2026-03-29T00:30:00Z'), new Date('2026-04-05T00:00:00Z')), {
    at: new Date('2026-03-29T03:00:00Z'),
    state: 'closed',
  });
});

test('across the change to winter time, the repeated hour is open both times', () => {
  // Sunday 25 October 2026: clocks go back from 3:00 to 2:00.
  const night = hours('Su 01:00-04:00');
  for (const utc of ['2026-10-24T23:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00Z'])
    assert.equal(night.stateAt(new Date(utc)).state, 'open', utc);
  assert.equal(night.stateAt(new Date('2026-10-25T03:00:00Z')).state, 'closed', '4:00 CET');
  assert.deepEqual(
    night.nextChange(new Date('2026-10-25T00:30:00Z'), new Date('2026-11-01T00:00:00Z'))?.at,
    new Date('2026-10-25T03:00:00Z'),
  );
  const office = hours('Mo-Fr 09:00-17:00');
  assert.equal(office.stateAt(new Date('2026-10-26T08:30:00Z')).state, 'open', '9:30 CET on Monday');
  assert.equal(office.stateAt(new Date('2026-10-23T06:30:00Z')).state, 'closed', '8:30 CEST on Friday');
});

test('24/7 is always open and off always closed, with no change ahead', () => {
  const always = hours('24/7');
  const never = hours('off');
  for (const at of [brussels('2026-12-25', '03:00'), brussels('2026-07-21', '12:00')]) {
    assert.equal(always.stateAt(at).state, 'open');
    assert.equal(never.stateAt(at).state, 'closed');
    assert.equal(always.nextChange(at, new Date(at.getTime() + 40 * 86_400_000)), null);
    assert.equal(never.nextChange(at, new Date(at.getTime() + 40 * 86_400_000)), null);
  }
});

test('a comment makes the hours "unknown" (by appointment) and is given back', () => {
  const appointments = hours('Mo-Fr 09:00-12:00 "sur rendez-vous"; PH off');
  assert.deepEqual(appointments.stateAt(brussels('2026-12-07', '10:00')), {
    state: 'unknown',
    comment: 'sur rendez-vous',
  });
  assert.deepEqual(appointments.stateAt(brussels('2026-12-07', '13:00')), { state: 'closed', comment: null });
  const commentOnly = hours('"téléphonez avant de venir"');
  assert.equal(commentOnly.stateAt(brussels('2026-12-07', '03:00')).state, 'unknown');
});

test('hours that cannot be read are refused with the place and the reason, never dropped', () => {
  const refused = (text: string) => {
    const parsed = parseOpeningHours(text);
    assert.ok(!parsed.ok, text);
    return parsed.problem;
  };
  assert.deepEqual(refused('bonjour'), {
    code: 'syntax',
    position: 2,
    message:
      'Unexpected token: "b" This means that the syntax is not valid at that point or it is currently not supported.',
  });
  assert.deepEqual(refused('Mo 25:00-26:00'), {
    code: 'syntax',
    position: 8,
    message: 'Time range starts outside of the current day',
  });
  assert.equal(refused('').code, 'syntax');
  assert.equal(refused('Mo-Fr 09:00-').code, 'syntax');
  assert.equal(refused('x'.repeat(1001)).code, 'too-long');
  assert.deepEqual(refused('Mo-Fr 09:00-17:00; SH off'), {
    code: 'school-holidays',
    position: 19,
    message: 'school holidays',
  });
  assert.equal(refused('Mo-Fr sunrise-sunset').code, 'sun-times');
  assert.ok(parseOpeningHours('Mo-Fr 09:00-12:00 "SH, sunset"').ok, 'words inside a comment are only words');
});

test('hours the library reads but surely not as meant are refused too, with its warning', () => {
  const mistakes: [string, string][] = [
    ['Mo-Fr 09:00-12:00,', 'value_ends_with_token'],
    ['Mo-Fr', 'vague'],
    ['10:00-12:00; 14:00-16:00', 'combine_rules'],
    ['Mo 10:00-12:00 Tu 14:00-16:00', 'use_multi'],
    ['Mo-Fr 09:00-12:00; open', 'default_state'],
    ['Mo-Fr 24/7', 'strange_24_7'],
    ['Fr 22:00-02:00; Sa 10:00-12:00', 'additional_rule_separator_not_used_after_time_wrapping_midnight'],
  ];
  for (const [text, warning] of mistakes) {
    const parsed = parseOpeningHours(text);
    assert.ok(!parsed.ok && parsed.problem.code === 'likely-mistake', text);
    assert.equal(parsed.problem.warning, warning, text);
    assert.ok(parsed.problem.message.length > 20, 'the library explains it');
  }
  assert.ok(parseOpeningHours('Fr 22:00-02:00, Sa 10:00-12:00').ok, 'the form the warning asks for');
  const stale = parseOpeningHours('Mo-Fr 09:00-12:00; 2020 Dec 25 off');
  assert.ok(stale.ok, 'a past date is harmless');
  assert.deepEqual(
    stale.hours.notes.map((n) => n.type),
    ['date_past'],
  );
});

test('the result does not depend on the server’s time zone', () => {
  const saved = process.env.TZ;
  const probes = [
    ['2026-12-04T22:30:00Z', 'Fr 22:00-02:00'],
    ['2026-12-05T00:30:00Z', 'Fr 22:00-02:00'],
    ['2026-07-21T08:00:00Z', 'Mo-Fr 09:00-17:00; PH off'],
    ['2026-07-20T07:30:00Z', 'Mo-Fr 09:00-17:00; PH off'],
    ['2026-10-25T01:30:00Z', 'Su 01:00-04:00'],
  ] as const;
  const compute = () =>
    probes.map(([utc, text]) => {
      const h = hours(text);
      const at = new Date(utc);
      return [h.stateAt(at).state, h.nextChange(at, new Date(at.getTime() + 8 * 86_400_000))?.at.toISOString()];
    });
  try {
    process.env.TZ = 'UTC';
    const reference = compute();
    assert.deepEqual(reference[0], ['open', '2026-12-05T01:00:00.000Z']);
    for (const tz of ['Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland']) {
      process.env.TZ = tz;
      assert.deepEqual(compute(), reference, tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('how long the state and the comment stay as they are', () => {
  const h = hours('Mo-Fr 09:00-12:00 open "accueil", Mo-Fr 12:00-13:00 open "ateliers"');
  const monday = (time: string) => brussels('2026-12-07', time);
  assert.deepEqual(h.sameUntil(monday('10:00'), monday('18:00')), monday('12:00'), 'a new comment is a change');
  assert.deepEqual(h.sameUntil(monday('12:30'), monday('18:00')), monday('13:00'));
  assert.equal(h.sameUntil(monday('13:30'), monday('18:00')), null, 'nothing before the limit');
  assert.deepEqual(
    h.nextChange(monday('10:00'), monday('18:00')),
    { at: monday('13:00'), state: 'closed' },
    'while the state changes only at 13:00',
  );
});

test('weekend opening is asked of whole Brussels days', () => {
  const saturday = hours('Sa 10:00-12:00');
  assert.ok(saturday.opensBetweenDays({ year: 2026, month: 12, day: 5 }, 2));
  assert.ok(!saturday.opensBetweenDays({ year: 2026, month: 12, day: 7 }, 5));
});
