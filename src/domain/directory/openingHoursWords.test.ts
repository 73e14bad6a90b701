import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locale } from '../locale.ts';
import { parseOpeningHours } from './openingHours.ts';
import { hoursInWords } from './openingHoursWords.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function words(text: string, locale: Locale): string {
  const parsed = parseOpeningHours(text);
  assert.ok(parsed.ok, text);
  return hoursInWords(parsed.hours.rules, locale).text;
}
const fr = (s: string) => s.replaceAll(' h', `${NBSP}h`).replaceAll('h 30', `h${NBSP}30`);

test('the example of the issue, in the three languages', () => {
  const text = 'Mo-Fr 09:00-12:00; PH off';
  assert.equal(words(text, 'en'), 'Monday to Friday 9:00–12:00, closed on public holidays');
  assert.equal(words(text, 'fr'), fr('du lundi au vendredi de 9 h à 12 h, fermé les jours fériés'));
  assert.equal(words(text, 'nl'), `maandag tot vrijdag 9.00–12.00${NBSP}uur, gesloten op feestdagen`);
});

test('several rules, several time ranges and lists of days', () => {
  const text = 'Mo,We,Fr 09:00-12:00,13:30-17:00; Sa-Su 10:00-13:00; PH off';
  assert.equal(
    words(text, 'en'),
    'Monday, Wednesday and Friday 9:00–12:00 and 13:30–17:00; Saturday and Sunday 10:00–13:00; closed on public holidays',
  );
  assert.equal(
    words(text, 'fr'),
    fr(
      `le lundi, le mercredi et le vendredi de 9 h à 12 h et de 13 h 30 à 17 h${NNBSP}; le samedi et le dimanche de 10 h à 13 h${NNBSP}; fermé les jours fériés`,
    ),
  );
  assert.equal(
    words(text, 'nl'),
    `maandag, woensdag en vrijdag 9.00–12.00 en 13.30–17.00${NBSP}uur; zaterdag en zondag 10.00–13.00${NBSP}uur; gesloten op feestdagen`,
  );
});

test('past midnight, open ends, all day, always and never', () => {
  assert.equal(words('Fr 22:00-02:00', 'en'), 'Friday 22:00–2:00 (next day)');
  assert.equal(words('Fr 22:00-02:00', 'nl'), `vrijdag 22.00–2.00${NBSP}uur (volgende dag)`);
  assert.equal(words('Mo 18:00-24:00', 'fr'), fr('le lundi de 18 h à minuit'));
  assert.equal(words('Mo-Fr 09:00+', 'en'), 'Monday to Friday from 9:00');
  assert.equal(words('Sa 00:00-24:00', 'nl'), 'zaterdag de hele dag');
  assert.equal(words('24/7', 'fr'), 'ouvert jour et nuit, tous les jours');
  assert.equal(words('off', 'nl'), 'gesloten');
  assert.equal(words('10:00-18:00', 'en'), 'every day 10:00–18:00');
});

test('dates, months and the nth weekday of the month', () => {
  assert.equal(
    words('Mo-Fr 09:00-12:00; Jul-Aug off', 'fr'),
    fr('du lundi au vendredi de 9 h à 12 h, fermé en juillet et août'),
  );
  assert.equal(words('Dec 24-Jan 01 off', 'fr'), `fermé du 24${NBSP}décembre au 1er${NBSP}janvier`);
  assert.equal(words('Apr-Jun off', 'fr'), 'fermé d’avril à juin');
  assert.equal(
    words('Jul 01-Aug 31 Mo-Fr 10:00-12:00', 'en'),
    `from 1${NBSP}July to 31${NBSP}August: Monday to Friday 10:00–12:00`,
  );
  assert.equal(words('We[1,3] 14:00-16:00', 'nl'), `de eerste en derde woensdag van de maand 14.00–16.00${NBSP}uur`);
  assert.equal(
    words('Mo-Fr 09:00-17:00; Fr[-1] off', 'en'),
    'Monday to Friday 9:00–17:00, closed on the last Friday of the month',
  );
});

test('comments, unknown hours and the fallback rule', () => {
  assert.equal(words('Mo-Fr 09:00-12:00 "sur rendez-vous"', 'en'), 'Monday to Friday 9:00–12:00 (sur rendez-vous)');
  assert.equal(words('"sur rendez-vous"', 'nl'), 'sur rendez-vous');
  assert.equal(words('Tu 14:00-16:00 unknown', 'en'), 'Tuesday 14:00–16:00: ask before you come');
  assert.equal(
    words('Mo-Fr 09:00-17:00 || "sur rendez-vous"', 'fr'),
    fr(`du lundi au vendredi de 9 h à 17 h, sinon${NNBSP}: sur rendez-vous`),
  );
});

test('a rule it cannot say is shown as written, and the description says it is not exact', () => {
  const parsed = parseOpeningHours('Mo-Fr 09:00-12:00; week 02-52/2 Sa 10:00-12:00');
  assert.ok(parsed.ok);
  const described = hoursInWords(parsed.hours.rules, 'en');
  assert.deepEqual(described.lines, ['Monday to Friday 9:00–12:00', 'week 02-52/2 Sa 10:00-12:00']);
  assert.equal(described.exact, false);
  const off = parseOpeningHours('off');
  assert.ok(off.ok);
  assert.equal(hoursInWords(off.hours.rules, 'en').exact, true);
});
