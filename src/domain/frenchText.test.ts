import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  frenchContractions,
  frenchFirstOfMonth,
  frenchNameInSentence,
  frenchPunctuation,
  frenchTypography,
} from './frenchText.ts';

const N = '\u202F';

test('the first of the month is 1er; other days and numbers stay', () => {
  assert.equal(frenchFirstOfMonth('1 décembre 2026'), '1er décembre 2026');
  assert.equal(frenchFirstOfMonth('le 1\u00A0décembre'), 'le 1er\u00A0décembre');
  assert.equal(frenchFirstOfMonth('11 décembre 2026'), '11 décembre 2026');
  assert.equal(frenchFirstOfMonth('21 mai 2026'), '21 mai 2026');
});

test('a name with an article reads as part of the sentence', () => {
  assert.equal(frenchNameInSentence('Le Gouvernement de la Région'), 'le Gouvernement de la Région');
  assert.equal(frenchNameInSentence('La Ministre'), 'la Ministre');
  assert.equal(frenchNameInSentence('Paradigm'), 'Paradigm');
  assert.equal(frenchNameInSentence('Leeuw asbl'), 'Leeuw asbl', 'not an article');
  assert.equal(
    frenchContractions('Le 4 novembre, le Gouvernement a décidé. Pour le Gouvernement'),
    'Le 4 novembre, le Gouvernement a décidé. Pour le Gouvernement',
  );
  assert.equal(frenchContractions('À l’attention de Le Clic Solidaire,'), 'À l’attention du Clic Solidaire,');
  assert.equal(frenchContractions('la décision de le Ministre'), 'la décision du Ministre');
  assert.equal(frenchContractions('à les jurés et de les projets'), 'aux jurés et des projets');
  assert.equal(frenchContractions('de la Région et de l’appel'), 'de la Région et de l’appel');
});

test('high punctuation takes a narrow no-break space; times and addresses do not', () => {
  assert.equal(frenchPunctuation('Statut: Brouillon'), `Statut${N}: Brouillon`);
  assert.equal(frenchPunctuation('Statut : Brouillon'), `Statut${N}: Brouillon`);
  assert.equal(frenchPunctuation('Vraiment ? Oui !'), `Vraiment${N}? Oui${N}!`);
  assert.equal(frenchPunctuation('à 12:00 sur https://octroi.be/a?b=1'), 'à 12:00 sur https://octroi.be/a?b=1');
  assert.equal(frenchPunctuation('« Projet »'), `«${N}Projet${N}»`);
  assert.equal(frenchTypography('Pour le compte de les jurés: merci'), `Pour le compte des jurés${N}: merci`);
});

test('a narrow no-break space already before a mark is kept once, not doubled', () => {
  assert.equal(frenchPunctuation('en tout\u202F; le groupe\u202F: X'), 'en tout\u202F; le groupe\u202F: X');
});
