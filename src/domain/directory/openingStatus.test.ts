import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brusselsToInstant } from '../brusselsTime.ts';
import { parseOpeningHours, type OpeningHours } from './openingHours.ts';
import { openingStatus, opensOnWeekends, statusInWords } from './openingStatus.ts';

const NBSP = '\u00a0';

function brussels(date: string, time: string): Date {
  const at = brusselsToInstant(date, time);
  assert.ok(at.ok);
  return at.value;
}
function hours(text: string): OpeningHours {
  const parsed = parseOpeningHours(text);
  assert.ok(parsed.ok, text);
  return parsed.hours;
}
/** The status line at a Brussels date and time, in the three languages. */
function line(text: string, date: string, time: string): { en: string; fr: string; nl: string } {
  const now = brussels(date, time);
  const status = openingStatus(hours(text), now);
  return {
    en: statusInWords(status, now, 'en').text,
    fr: statusInWords(status, now, 'fr').text,
    nl: statusInWords(status, now, 'nl').text,
  };
}

const OFFICE = 'Mo-Fr 09:00-12:00,14:00-17:00; PH off';

test('open now, and when it closes', () => {
  // Monday 7 December 2026.
  assert.deepEqual(line(OFFICE, '2026-12-07', '15:10'), {
    en: 'Open now, closes at 17:00',
    fr: `Ouvert maintenant, ferme à 17${NBSP}h`,
    nl: `Nu open, sluit om 17.00${NBSP}uur`,
  });
  assert.equal(line('Mo 18:00-24:00', '2026-12-07', '21:00').en, 'Open now, closes at midnight');
  assert.equal(line('Fr 22:00-02:00', '2026-12-04', '23:30').fr, `Ouvert maintenant, ferme demain à 2${NBSP}h`);
});

test('closed now, and when it opens: today, tomorrow, a weekday, a date', () => {
  assert.equal(line(OFFICE, '2026-12-07', '12:30').en, 'Closed, opens today at 14:00');
  assert.equal(line(OFFICE, '2026-12-07', '18:00').nl, `Gesloten, opent morgen om 9.00${NBSP}uur`);
  assert.deepEqual(line('Tu 09:00-12:00', '2026-12-02', '10:00'), {
    en: 'Closed, opens Tuesday at 9:00',
    fr: `Fermé, ouvre mardi à 9${NBSP}h`,
    nl: `Gesloten, opent dinsdag om 9.00${NBSP}uur`,
  });
  assert.equal(
    line('Jul-Aug Mo-Fr 10:00-12:00', '2026-06-20', '12:00').fr,
    `Fermé, ouvre le 1er${NBSP}juillet à 10${NBSP}h`,
  );
  assert.equal(line(OFFICE, '2026-12-24', '18:00').en, 'Closed, opens Monday at 9:00', 'Christmas Friday is skipped');
  assert.equal(line('off', '2026-12-07', '10:00').en, 'Closed');
  assert.equal(line('24/7', '2026-12-25', '03:00').nl, 'Nu open');
});

test('by appointment: ask first, with the comment', () => {
  assert.equal(
    line('Mo-Fr 09:00-12:00 "sur rendez-vous"', '2026-12-07', '10:00').en,
    'Ask before you come (sur rendez-vous), closes at 12:00',
  );
});

test('the next change is looked for within a month, then the place is just closed', () => {
  const now = brussels('2026-01-10', '12:00');
  const summer = hours('Jul-Aug Mo-Fr 10:00-12:00');
  assert.equal(openingStatus(summer, now).next, null);
  assert.deepEqual(openingStatus(summer, now, 200).next, { at: brussels('2026-07-01', '10:00'), state: 'open' });
});

test('open on weekends: any of the next four weekends, so one closed for a holiday does not hide it', () => {
  const saturdays = hours('Sa 10:00-12:00; PH off');
  // Friday 17 July 2026: Saturday 18 opens; from Monday 20 July, Tuesday 21 is a holiday, Saturday 25 opens.
  assert.ok(opensOnWeekends(saturdays, brussels('2026-07-17', '12:00')));
  assert.ok(opensOnWeekends(saturdays, brussels('2026-12-06', '11:00')), 'on a Sunday, this weekend counts');
  assert.ok(!opensOnWeekends(hours(OFFICE), brussels('2026-12-07', '12:00')));
  assert.ok(opensOnWeekends(hours('Su 14:00-16:00 "sur rendez-vous"'), brussels('2026-12-07', '12:00')));
  // 26 December 2026 is a Saturday (not a holiday in Belgium); the other three weekends open.
  assert.ok(opensOnWeekends(hours('Sa 10:00-12:00; Dec 26 off'), brussels('2026-12-21', '12:00')));
  assert.ok(!opensOnWeekends(hours('Sa 10:00-12:00; Dec off; Jan off'), brussels('2026-12-07', '12:00')));
});
