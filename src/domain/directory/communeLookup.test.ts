import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNES } from '../referenceData.ts';
import { communeFromQuery } from './communeLookup.ts';

test('a postal code, a NIS code or a name in French or Dutch finds the commune', () => {
  assert.equal(communeFromQuery('1030')?.fr, 'Schaerbeek');
  assert.equal(communeFromQuery(' 1120 ')?.fr, 'Bruxelles', 'Neder-Over-Heembeek is part of the City');
  assert.equal(communeFromQuery('21013')?.fr, 'Saint-Gilles');
  assert.equal(communeFromQuery('sint gillis')?.fr, 'Saint-Gilles');
  assert.equal(communeFromQuery('WATERMAEL BOITSFORT')?.nis, '21017');
  assert.equal(communeFromQuery('Etterbeek')?.nis, '21005');
  assert.equal(communeFromQuery('molenbeek')?.nis, '21012');
  assert.equal(communeFromQuery('Laeken')?.nis, '21004');
  for (const c of COMMUNES) {
    assert.equal(communeFromQuery(c.fr), c);
    assert.equal(communeFromQuery(c.nl), c);
    for (const p of c.postal) assert.equal(communeFromQuery(p), c);
  }
});

test('anything else finds nothing', () => {
  for (const q of ['', '1300', '75001', 'Liège', 'Woluwe', '21020']) assert.equal(communeFromQuery(q), undefined, q);
});
