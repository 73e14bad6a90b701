import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activityTypesIn,
  affinity,
  AFFINITY_WEIGHTS,
  digcompAreasIn,
  toMilli,
  type ApplicationProfile,
  type ExpertiseProfile,
} from './affinity.ts';
import type { FormDefinition } from './forms/definition.ts';
import { mulberry32 } from './random.ts';

const expert = (e: Partial<ExpertiseProfile> = {}): ExpertiseProfile => ({
  targetPublics: [],
  activityTypes: [],
  digcompAreas: [],
  languages: [],
  ...e,
});
const project = (a: Partial<ApplicationProfile> = {}): ApplicationProfile => ({
  targetPublics: [],
  activityTypes: [],
  digcompAreas: [],
  language: null,
  ...a,
});

test('the weights sum to 1', () => {
  const sum = Object.values(AFFINITY_WEIGHTS).reduce((s, w) => s + w, 0);
  assert.ok(Math.abs(sum - 1) < 1e-12);
});

test('a juror who knows everything the application is about has affinity 1; one who knows nothing, 0', () => {
  const application = project({
    targetPublics: ['seniors', 'women'],
    digcompAreas: ['1', '4'],
    activityTypes: ['training'],
    language: 'fr',
  });
  assert.equal(
    affinity(
      expert({
        targetPublics: ['seniors', 'women', 'young-15-25'],
        digcompAreas: ['1', '2', '4'],
        activityTypes: ['training'],
        languages: ['fr', 'nl'],
      }),
      application,
    ),
    1,
  );
  assert.equal(affinity(expert({ targetPublics: ['job-seekers'], languages: ['en'] }), application), 0);
});

test('each dimension counts with its weight, over the dimensions the application fills', () => {
  const application = project({ targetPublics: ['seniors', 'women'], language: 'nl' });
  // Publics half covered, language read: (0.35 × 0.5 + 0.25) / (0.35 + 0.25).
  const value = affinity(expert({ targetPublics: ['seniors'], languages: ['nl'] }), application);
  assert.ok(Math.abs(value - (0.35 * 0.5 + 0.25) / 0.6) < 1e-12, String(value));
  // The same juror not reading Dutch keeps only the publics part.
  const cannotRead = affinity(expert({ targetPublics: ['seniors'], languages: ['fr'] }), application);
  assert.ok(Math.abs(cannotRead - (0.35 * 0.5) / 0.6) < 1e-12);
});

test('an application that says nothing to match gives 0, not a division by zero', () => {
  assert.equal(affinity(expert({ targetPublics: ['seniors'], languages: ['fr'] }), project()), 0);
});

test('duplicates on either side change nothing', () => {
  const application = project({ targetPublics: ['seniors', 'seniors', 'women'] });
  assert.equal(affinity(expert({ targetPublics: ['seniors', 'seniors'] }), application), 0.5);
});

test('affinity stays in [0, 1] on random profiles', () => {
  const random = mulberry32(7);
  const pick = (pool: string[]) => pool.filter(() => random() < 0.5);
  for (let i = 0; i < 2000; i++) {
    const value = affinity(
      expert({
        targetPublics: pick(['a', 'b', 'c', 'd']),
        digcompAreas: pick(['1', '2', '3', '4', '5']),
        activityTypes: pick(['x', 'y']),
        languages: pick(['fr', 'nl', 'en']) as ('fr' | 'nl' | 'en')[],
      }),
      project({
        targetPublics: pick(['a', 'b', 'c', 'd']),
        digcompAreas: pick(['1', '2', '3']),
        activityTypes: pick(['x', 'y']),
        language: random() < 0.3 ? null : (['fr', 'nl', 'en'] as const)[Math.floor(random() * 3)]!,
      }),
    );
    assert.ok(value >= 0 && value <= 1, String(value));
  }
});

test('thousandths are what is stored', () => {
  assert.equal(toMilli(0.6666), 667);
  assert.equal(toMilli(1), 1000);
});

const FORM: FormDefinition = {
  sections: [
    {
      id: 's',
      title: { fr: 'S' },
      fields: [
        { id: 'digcomp', type: 'digcomp-areas', required: false, label: { fr: 'DigComp' } },
        {
          id: 'kind',
          type: 'multi-choice',
          required: false,
          label: { fr: 'Type' },
          options: [
            { value: 'training', label: { fr: 'Formation' } },
            { value: 'other', label: { fr: 'Autre' } },
          ],
        },
        {
          id: 'main',
          type: 'single-choice',
          required: false,
          label: { fr: 'Principal' },
          options: [{ value: 'help-desk', label: { fr: 'Permanence' } }],
        },
        { id: 'notes', type: 'short-text', required: false, label: { fr: 'Notes' } },
      ],
    },
  ],
};

test('DigComp areas come from the form’s DigComp fields only, and only real areas', () => {
  assert.deepEqual(digcompAreasIn(FORM, { digcomp: ['4', '1', '9'], notes: '2' }), ['1', '4']);
  assert.deepEqual(digcompAreasIn(FORM, {}), []);
});

test('activity types come from choice answers that are activity-type keys', () => {
  assert.deepEqual(
    activityTypesIn(FORM, { kind: ['training', 'other'], main: 'help-desk', notes: 'training' }, [
      'training',
      'help-desk',
    ]),
    ['help-desk', 'training'],
  );
  assert.deepEqual(activityTypesIn(FORM, { kind: ['other'] }, ['training']), []);
});
