import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSepaIdentifier, sepaText } from './sepaText.ts';

test('accented French and Dutch letters lose their accents', () => {
  assert.equal(sepaText('Bruxelles Économie Emploi', 70), 'Bruxelles Economie Emploi');
  assert.equal(
    sepaText('Maison de quartier Hôtel-Dieu à Saint-Gilles', 70),
    'Maison de quartier Hotel-Dieu a Saint-Gilles',
  );
  assert.equal(sepaText('Zoë & Noël, Koekelbergse café', 70), 'Zoe + Noel, Koekelbergse cafe');
  assert.equal(sepaText('Çà et là ñ ü ï', 70), 'Ca et la n u i');
});

test('letters that do not decompose are spelt out; typographic quotes and dashes become plain ones', () => {
  assert.equal(sepaText('Straße Œuvre Ærø Łódź', 70), 'Strasse OEuvre AEro Lodz');
  assert.equal(sepaText('Maison d’accueil «Le Pont» — asbl', 70), "Maison d'accueil 'Le Pont' - asbl");
  assert.equal(sepaText('ﬁnance_ASBL', 70), 'finance-ASBL');
});

test('anything else becomes a full stop, and no XML-reserved character survives', () => {
  assert.equal(sepaText('Digital <Helpers> @ "Brussels" #1; 50%', 70), "Digital .Helpers. . 'Brussels' .1. 50.");
  const out = sepaText('a&b<c>d"e\'f€g', 70);
  assert.doesNotMatch(out, /[&<>"]/);
  assert.equal(out, "a+b.c.d'e'f.g");
  assert.equal(sepaText('日本', 70), '..');
});

test('white space is collapsed and trimmed, no-break spaces included', () => {
  assert.equal(sepaText('  Rue\tde la\u00A0Loi\n 16  ', 70), 'Rue de la Loi 16');
  assert.equal(sepaText('', 70), '');
});

test('text is cut at the limit, then trimmed', () => {
  const long = 'Association pour la formation numérique des personnes éloignées du numérique à Bruxelles';
  const cut = sepaText(long, 70);
  assert.equal(cut.length <= 70, true);
  assert.equal(cut, 'Association pour la formation numerique des personnes eloignees du num');
  assert.equal(sepaText('abc def', 4), 'abc');
});

test('identifiers: 1 to 35 SEPA characters, no space, no slash at either end, no double slash', () => {
  assert.ok(isSepaIdentifier('BEE-2026-0042-T1'));
  assert.ok(isSepaIdentifier('OCTROI/2026/0001'));
  assert.ok(!isSepaIdentifier(''));
  assert.ok(!isSepaIdentifier('A'.repeat(36)));
  assert.ok(!isSepaIdentifier('/A'));
  assert.ok(!isSepaIdentifier('A/'));
  assert.ok(!isSepaIdentifier('A//B'));
  assert.ok(!isSepaIdentifier('A B'));
  assert.ok(!isSepaIdentifier('Économie'));
});
