import { test } from 'node:test';
import assert from 'node:assert/strict';
import schema from '../../../reference-data/mediation-numerique-1.0.2/schema.json' with { type: 'json' };
import { FUNDER_LABELS, LANGUAGES } from './brusselsCodelists.ts';
import { codeForStandard, inListOrder, isKeyOf, labelOf, standardValues, type CodeList } from './codelist.ts';
import { NATIONAL_PROGRAMMES, TRAINING_LABELS } from './frenchProgrammes.ts';
import { ACCESS_MODES, FEES, HELP_MODES, MOBILITY, PUBLICS, SERVICES, SUPPORTS } from './mediationCodelists.ts';

/** The values a field's pattern allows: "(?:(?:^|\|)(A|B\(x\)))+$" gives ["A", "B(x)"]. */
function valuesOfPattern(field: string): string[] {
  const pattern = schema.fields.find((f) => f.name === field)?.constraints.pattern;
  assert.ok(pattern, `${field} has a pattern`);
  const inner = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(pattern)?.[1];
  assert.ok(inner, `${field}: a list pattern`);
  return inner.split('|').map((v) => v.replace(/\\(.)/g, '$1'));
}

const BY_FIELD: [string, CodeList<string>][] = [
  ['services', SERVICES],
  ['publics_specifiquement_adresses', PUBLICS],
  ['prise_en_charge_specifique', SUPPORTS],
  ['frais_a_charge', FEES],
  ['modalites_acces', ACCESS_MODES],
  ['modalites_accompagnement', HELP_MODES],
  ['itinerance', MOBILITY],
  ['dispositif_programmes_nationaux', NATIONAL_PROGRAMMES],
  ['formations_labels', TRAINING_LABELS],
];

test('each codelist has exactly the values of its field in the standard, letter for letter', () => {
  for (const [field, list] of BY_FIELD) {
    const ours = list.filter((c) => c.standard !== null).map((c) => c.standard);
    assert.deepEqual([...ours].sort(), valuesOfPattern(field).sort(), field);
  }
  assert.equal(SERVICES.length, 9, 'the nine services of the standard');
});

test('keys are unique, and every entry is labelled in French, Dutch and English', () => {
  for (const list of [...BY_FIELD.map(([, l]) => l), LANGUAGES, FUNDER_LABELS]) {
    assert.equal(new Set(list.map((c) => c.key)).size, list.length);
    for (const c of list) for (const locale of ['fr', 'nl', 'en'] as const) assert.ok(c.label[locale].trim(), c.key);
  }
});

test('plain labels stay short: a few words a child can read, not the standard’s jargon', () => {
  for (const [, list] of BY_FIELD.slice(0, 7))
    for (const c of list) for (const text of Object.values(c.label)) assert.ok(text.split(' ').length <= 10, text);
  assert.notEqual(labelOf(SERVICES, 'admin-procedures', 'fr'), 'Aide aux démarches administratives');
});

test('the Brussels publics are additions the standard does not carry', () => {
  assert.deepEqual(
    PUBLICS.filter((p) => p.standard === null).map((p) => p.key),
    ['newcomers', 'homeless', 'job-seekers'],
  );
  assert.deepEqual(standardValues(PUBLICS, ['homeless', 'women', 'young']), ['Jeunes', 'Femmes']);
});

test('lookups by key and by standard value', () => {
  assert.equal(codeForStandard(FEES, 'Gratuit sous condition')?.key, 'free-under-conditions');
  assert.equal(codeForStandard(FEES, 'gratuit'), undefined, 'values are compared exactly');
  assert.ok(isKeyOf(SERVICES, 'low-cost-devices'));
  assert.ok(!isKeyOf(SERVICES, 'Acquisition de matériel informatique à prix solidaire'));
  assert.deepEqual(inListOrder(FEES, ['paid', 'free', 'paid']), ['free', 'paid']);
  assert.equal(labelOf(HELP_MODES, 'remote', 'nl'), 'Op afstand, via telefoon of video');
  assert.throws(() => labelOf(FEES, 'cheap' as never, 'en'), RangeError);
});

test('languages carry their own name, for people who read none of the interface languages', () => {
  const arabic = LANGUAGES.find((l) => l.key === 'ar');
  assert.equal(arabic?.native, 'العربية');
  assert.ok(LANGUAGES.some((l) => l.key === 'sfb') && LANGUAGES.some((l) => l.key === 'vgt'), 'both sign languages');
});
