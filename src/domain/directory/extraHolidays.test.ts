import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExtraHolidays } from './extraHolidays.ts';
import { hoursRules } from './openingHoursSyntax.ts';

const rewrite = (text: string, extra: Parameters<typeof withExtraHolidays>[1]) =>
  withExtraHolidays(hoursRules(text), extra);

test('each holiday rule is repeated for the chosen days right after itself, with its own separator', () => {
  assert.equal(
    rewrite('Mo-Fr 09:00-17:00; PH off', ['iris-day', 'french-community-day']),
    'Mo-Fr 09:00-17:00; PH off; May 08,Sep 27 off',
  );
  assert.equal(
    rewrite('Mo-Fr,PH 10:00-12:00 "permanence"; Sa off', ['flemish-community-day']),
    'Mo-Fr,PH 10:00-12:00 "permanence"; Jul 11 10:00-12:00 "permanence"; Sa off',
  );
  assert.equal(rewrite('Mo-Fr 09:00-17:00, PH off', ['iris-day']), 'Mo-Fr 09:00-17:00, PH off, May 08 off');
  assert.equal(
    rewrite('Mo-Fr 09:00-17:00 || PH "fermé"', ['iris-day']),
    'Mo-Fr 09:00-17:00 || PH "fermé" || May 08 "fermé"',
  );
});

test('nothing changes without extra days, without a holiday rule, or for rules it cannot split', () => {
  assert.equal(rewrite('Mo-Fr 09:00-17:00; PH off', []), 'Mo-Fr 09:00-17:00; PH off');
  for (const text of ['Mo-Fr 09:00-17:00', 'Jan-Jun PH off', 'PH +1 day off', 'Mo-Fr 09:00-17:00 "PH; off"'])
    assert.equal(rewrite(text, ['iris-day']), text);
});
