import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNES } from '../referenceData.ts';
import { communeDistance, neighboursOf } from './communeNeighbours.ts';

const ALL = COMMUNES.map((c) => c.nis);
const nis = (fr: string) => COMMUNES.find((c) => c.fr === fr)?.nis ?? assert.fail(fr);

test('the table covers the 19 communes and nothing else, no commune its own neighbour', () => {
  for (const code of ALL) {
    assert.ok(neighboursOf(code).length > 0, code);
    assert.ok(!neighboursOf(code).includes(code), code);
    for (const n of neighboursOf(code)) assert.ok(ALL.includes(n), `${code} → ${n}`);
  }
  assert.deepEqual(neighboursOf('12345'), []);
});

test('borders are symmetric: if A borders B, B borders A', () => {
  for (const a of ALL) for (const b of neighboursOf(a)) assert.ok(neighboursOf(b).includes(a), `${a} ↔ ${b}`);
});

test('the communes are connected: every commune can be reached from every other', () => {
  for (const a of ALL) for (const b of ALL) assert.ok(Number.isFinite(communeDistance(a, b)), `${a} → ${b}`);
});

test('distances count borders, symmetric, and agree with what a map of Brussels shows', () => {
  assert.equal(communeDistance(nis('Ixelles'), nis('Ixelles')), 0);
  assert.equal(communeDistance(nis('Saint-Josse-ten-Noode'), nis('Schaerbeek')), 1);
  assert.equal(communeDistance(nis('Koekelberg'), nis('Bruxelles')), 2, 'via Jette or Molenbeek');
  assert.equal(
    communeDistance(nis('Berchem-Sainte-Agathe'), nis('Watermael-Boitsfort')),
    3,
    'via Molenbeek and the City',
  );
  assert.equal(communeDistance(nis('Berchem-Sainte-Agathe'), nis('Woluwe-Saint-Pierre')), 4);
  for (const a of ALL) for (const b of ALL) assert.equal(communeDistance(a, b), communeDistance(b, a));
  assert.equal(communeDistance(nis('Uccle'), '99999'), Infinity);
  // The City of Brussels, with Laeken, Haren and the Avenue Louise, borders eleven communes.
  assert.equal(neighboursOf(nis('Bruxelles')).length, 11);
});
