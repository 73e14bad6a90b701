import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingTranslations } from './callTranslations.ts';
import { standardForm } from './forms/template.ts';

const call = {
  title: { fr: 'Appel', nl: 'Oproep' },
  summary: { fr: 'Résumé', nl: 'Samenvatting' },
  description: { fr: 'Texte', nl: 'Tekst' },
  eligibilityCriteria: [{ id: 'e1', label: { fr: 'Être une ASBL', nl: 'Een vzw zijn' }, explanation: { fr: '' } }],
  evaluationCriteria: [
    {
      id: 'q',
      name: { fr: 'Qualité', nl: 'Kwaliteit' },
      description: { fr: 'La méthode' },
      maxScore: 10,
      weight: 1,
      threshold: null,
    },
  ],
  overallThreshold: null,
  requiredDocuments: [{ id: 'd', label: { fr: 'Statuts', nl: 'Statuten' } }],
  tranchePlan: [],
};

test('the standard form is given in French, Dutch and English', () => {
  assert.deepEqual(
    missingTranslations({ ...call, evaluationCriteria: [] }, standardForm(), [], ['fr', 'nl', 'en']).filter(
      (m) => m.part === 'form',
    ),
    [],
  );
});

test('each text lacking a required language is named, with its part; an empty explanation needs none', () => {
  const missing = missingTranslations(call, standardForm(), [{ label: { fr: 'Guide' } }], ['fr', 'nl']);
  assert.deepEqual(missing, [
    { part: 'criteria', lang: 'nl', what: 'La méthode' },
    { part: 'documents', lang: 'nl', what: 'Guide' },
  ]);
  assert.deepEqual(missingTranslations(call, standardForm(), [], ['fr']), [], 'French only: nothing missing');
  assert.equal(missingTranslations({ ...call, title: { fr: 'Appel' } }, standardForm(), [], ['nl'])[0]!.what, 'title');
});
