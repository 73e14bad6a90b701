// The decision letter as its reader gets it, without a PDF: the blocks letterSpec lays out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locale } from '../../domain/locale.ts';
import { letterSpec, type LetterFacts } from './letters.ts';

const N = '\u202F';

function facts(locale: Locale, overrides: Partial<LetterFacts> = {}): LetterFacts {
  return {
    locale,
    funderName: { fr: 'Le Service public régional', nl: 'De Gewestelijke Overheidsdienst', en: 'The Regional Service' },
    callTitle: { fr: 'Inclusion numérique', nl: 'Digitale inclusie', en: 'Digital inclusion' },
    decidingBody: {
      fr: 'Le Gouvernement de la Région de Bruxelles-Capitale',
      nl: 'De Regering van het Brussels Hoofdstedelijk Gewest',
    },
    decidedOn: '2026-12-01',
    recordedAt: new Date('2026-12-04T10:00:00Z'),
    funder: { address: ['Rue du Progrès 80', '1035 Bruxelles'], contactEmail: 'appels@srb.example.org', logo: null },
    signatory: { name: 'Camille Dupont', function: { fr: 'Directrice générale', nl: 'Directeur-generaal' } },
    appealRoutes: null,
    application: {
      reference: 'INC-2026-0001',
      title: 'Clavier pour tous',
      organisationName: 'Le Clic Solidaire',
      requestedCents: 4_000_000,
    },
    outcome: { outcome: 'not-selected', amountCents: null, partial: false, rank: 3, reason: 'budget' },
    reservePosition: null,
    rankedCount: 3,
    criteria: [],
    consensus: null,
    ...overrides,
  };
}

const textOf = (spec: ReturnType<typeof letterSpec>) => spec.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

test('a French letter: "du Clic Solidaire", "1er décembre", "le Gouvernement" mid-sentence, French spacing', () => {
  const spec = letterSpec(facts('fr'));
  const text = textOf(spec);
  assert.match(text, /^À l’attention du Clic Solidaire,$/m);
  assert.match(text, /Le 1er décembre 2026, le Gouvernement de la Région de Bruxelles-Capitale a statué/);
  assert.match(text, /^Pour le Gouvernement de la Région de Bruxelles-Capitale$/m);
  assert.match(text, new RegExp(`Motif${N}: le budget`));
  assert.doesNotMatch(text, /de Le |à Le | Le Gouvernement a/);
  assert.ok(spec.letterhead?.includes('1er décembre 2026'), 'the letterhead’s date too');
});

test('every letter carries the letterhead, the contact to reply to, the appeal routes and the signatory', () => {
  for (const locale of ['fr', 'nl', 'en'] as const) {
    const spec = letterSpec(facts(locale));
    const text = textOf(spec);
    assert.deepEqual(spec.letterhead?.slice(1, 4), ['Rue du Progrès 80', '1035 Bruxelles', 'appels@srb.example.org']);
    assert.ok(text.includes('appels@srb.example.org'), `${locale}: the letter names where to reply`);
    assert.match(text, /Conseil d’État|Raad van State|Council of State/, `${locale}: the appeal routes`);
    assert.match(text, /60/, `${locale}: the time limit`);
    const signs = locale === 'nl' ? 'Directeur-generaal' : 'Directrice générale';
    assert.match(text, new RegExp(`^Camille Dupont, ${signs}$`, 'm'), `${locale}: who signs, in the letter’s language`);
  }
  const dutch = textOf(letterSpec(facts('nl')));
  assert.match(dutch, /De Regering van het Brussels Hoofdstedelijk Gewest/, 'the deciding body in Dutch');
  assert.doesNotMatch(dutch, /Gouvernement/);
  assert.match(
    textOf(letterSpec(facts('en'))),
    /Le Gouvernement de la Région de Bruxelles-Capitale/,
    'a language the funder did not give falls back to French',
  );
  const own = textOf(letterSpec(facts('en', { appealRoutes: { fr: 'Write to the Minister within 30 days.' } })));
  assert.match(own, /Write to the Minister within 30 days\./);
  assert.doesNotMatch(own, /Council of State/, 'the decision’s own appeal routes replace the default');
  const bare = letterSpec(
    facts('en', {
      funder: { address: [], contactEmail: null, logo: null },
      signatory: { name: '', function: { fr: '' } },
    }),
  );
  assert.match(textOf(bare), /reply to the e-mail|reply to the email/i, 'without a contact address, the mail');
});
