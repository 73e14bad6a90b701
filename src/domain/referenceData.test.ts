import { test } from 'node:test';
import assert from 'node:assert/strict';
import seed from '../../reference-data/seed-calls.json' with { type: 'json' };
import {
  COMMUNES,
  DEFAULT_ACTIVITY_TYPES,
  DEFAULT_TARGET_PUBLICS,
  DIGCOMP_AREAS,
  communeByNis,
  communeForPostalCode,
  isDigCompArea,
} from './referenceData.ts';

test('the 19 Brussels communes, with unique NIS codes and postal codes', () => {
  assert.equal(COMMUNES.length, 19);
  assert.equal(new Set(COMMUNES.map((c) => c.nis)).size, 19);
  const postal = COMMUNES.flatMap((c) => c.postal);
  assert.equal(new Set(postal).size, postal.length);
  for (const c of COMMUNES) {
    assert.match(c.nis, /^210[0-9]{2}$/);
    assert.ok(c.fr && c.nl && c.postal.length > 0);
    assert.deepEqual(Object.keys(c).sort(), ['fr', 'nis', 'nl', 'postal']); // the file's notes stay out
  }
});

test('a commune by NIS code or by postal code', () => {
  assert.equal(communeByNis('21015')?.fr, 'Schaerbeek');
  assert.equal(communeByNis('21015')?.nl, 'Schaarbeek');
  assert.equal(communeByNis('99999'), undefined);
  assert.equal(communeForPostalCode('1030')?.nis, '21015');
  assert.equal(communeForPostalCode(' 1120 ')?.fr, 'Bruxelles'); // Neder-Over-Heembeek
  assert.equal(communeForPostalCode('1040')?.fr, 'Etterbeek');
  assert.equal(communeForPostalCode('1300'), undefined); // Wavre: not in Brussels
});

test('the reference lists cannot be changed by a caller', () => {
  assert.throws(() => (COMMUNES as unknown as unknown[]).push({}));
  assert.throws(() => ((COMMUNES[0] as { fr: string }).fr = 'x'));
  assert.throws(() => ((DEFAULT_TARGET_PUBLICS[0]?.label as { fr: string }).fr = 'x'));
});

test('the five DigComp areas, in three languages', () => {
  assert.deepEqual(
    DIGCOMP_AREAS.map((a) => a.id),
    ['1', '2', '3', '4', '5'],
  );
  assert.deepEqual(DIGCOMP_AREAS[0]?.label, {
    fr: "Maîtrise de l'information et des données",
    nl: 'Informatie- en datageletterdheid',
    en: 'Information and data literacy',
  });
  assert.equal(DIGCOMP_AREAS[4]?.label.nl, 'Probleemoplossing');
  assert.ok(isDigCompArea('3'));
  assert.ok(!isDigCompArea('6'));
  assert.ok(!isDigCompArea('1.1'));
});

function checkKeyed(list: readonly { key: string; label: { fr: string; nl?: string; en?: string } }[]): void {
  assert.equal(new Set(list.map((x) => x.key)).size, list.length);
  for (const { key, label } of list) {
    assert.match(key, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(label.fr.trim() && label.nl?.trim() && label.en?.trim(), key);
  }
}

test('default target publics: unique keys, labelled in fr, nl and en, covering every seed call', () => {
  checkKeyed(DEFAULT_TARGET_PUBLICS);
  assert.equal(DEFAULT_TARGET_PUBLICS.length, 16);
  const keys = new Set(DEFAULT_TARGET_PUBLICS.map((p) => p.key));
  const used = seed.calls.flatMap((c) => c.selected.flatMap((l) => l.target_publics));
  for (const k of used) assert.ok(keys.has(k), `seed public ${k}`);
});

test('default activity types: unique keys, labelled in fr, nl and en', () => {
  checkKeyed(DEFAULT_ACTIVITY_TYPES);
  assert.deepEqual(
    DEFAULT_ACTIVITY_TYPES.map((a) => a.key),
    [
      'digital-basics-training',
      'vocational-digital-training',
      'individual-support',
      'public-digital-help-desk',
      'home-support',
      'equipment-access',
      'awareness-events',
      'train-the-trainers',
    ],
  );
});
