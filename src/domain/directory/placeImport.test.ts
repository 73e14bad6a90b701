import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placesToCsv, placesToRows } from './placeExport.ts';
import { importPlacesCsv, importPlacesJson, rowIdentity, type ImportResult } from './placeImport.ts';
import { buildPlace } from './testing/buildPlace.ts';

const SOURCE = { source: 'Commune d’Ixelles' };
const HEAD = 'id;pivot;nom;code_postal;adresse;services;frais_a_charge;horaires;langues;date_maj;presentation_resume';

function imported(result: ImportResult) {
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problem));
  return result;
}

test('good rows are kept and each bad row comes with its line and its reasons, column by column', () => {
  const csv = [
    HEAD,
    'p1;0412345614;Espace Flagey;1050;Place Flagey 7;Aide aux démarches administratives;Gratuit;Mo-Fr 09:00-12:00;fr|nl;2026-09-01;Aide en ligne',
    'p2;0412345615;Sans numéro valide;1050;Rue Gray 1;Aide aux démarches administratives;Gratuite;"Mo-Fr 09:00-12:00,";fr;2026-13-01;Aide',
    '',
    'p3;0412345614;Cyber Gray;1050;Rue Gray 2;"Accès internet et matériel informatique|Loisirs et créations numériques";Payant;"Tu 14:00-17:00 ""atelier""";fr;2026-09-01;"Ordinateurs,',
    'imprimante et wifi"',
    'p4;0412345614;Nulle part;1300;Rue X 1;Aide aux démarches administratives;Gratuit;;fr;2026-09-01;Aide',
  ].join('\r\n');
  const result = imported(importPlacesCsv(csv, SOURCE));
  assert.deepEqual(
    result.good.map((g) => [g.place.id, g.line]),
    [
      ['p1', 2],
      ['p3', 5],
    ],
  );
  assert.equal(result.good[1]?.place.summary.fr, 'Ordinateurs,\nimprimante et wifi');
  assert.equal(result.good[1]?.place.openingHours, 'Tu 14:00-17:00 "atelier"');
  assert.deepEqual(
    result.bad.map((b) => [b.line, b.problems.map((p) => [p.column, p.code])]),
    [
      [
        3,
        [
          ['frais_a_charge', 'unknown-code'],
          ['pivot', 'enterprise-number'],
          ['horaires', 'hours'],
          ['date_maj', 'date'],
        ],
      ],
      [7, [['code_postal', 'postal-code']]],
    ],
  );
  assert.equal(result.bad[0]?.problems[0]?.value, 'Gratuite');
  assert.equal(result.bad[0]?.values.nom, 'Sans numéro valide', 'the row as read, to show beside its problems');
});

test('a file that placeExport wrote reads back to the same places', () => {
  const places = [buildPlace({ id: 'b' }), buildPlace({ id: 'a', name: '=1+1', phone: '+3225550199' })];
  const fromCsv = imported(importPlacesCsv(placesToCsv(places), SOURCE));
  assert.deepEqual(fromCsv.bad, []);
  assert.deepEqual(fromCsv.ignoredColumns, []);
  assert.deepEqual(
    fromCsv.good.map((g) => g.place),
    [places[1], places[0]],
  );
  const fromJson = imported(importPlacesJson(JSON.stringify(placesToRows(places), null, 2), SOURCE));
  assert.deepEqual(
    fromJson.good.map((g) => g.place),
    [places[1], places[0]],
  );
});

test('a row without an id gets a stable one from its source, name and address', () => {
  const csv =
    'nom,pivot,code_postal,adresse,services,langues,date_maj,presentation_resume\nCyber Gray,0412345614,1050,Rue Gray 2,Accès internet et matériel informatique,fr,2026-09-01,Wifi';
  const first = imported(importPlacesCsv(csv, SOURCE)).good[0]?.place.id;
  const again = imported(importPlacesCsv(csv, SOURCE)).good[0]?.place.id;
  assert.match(first ?? '', /^h-[0-9a-f]{20}$/);
  assert.equal(again, first, 'the same file gives the same identity');
  assert.notEqual(imported(importPlacesCsv(csv, { source: 'Another source' })).good[0]?.place.id, first);
  assert.equal(
    rowIdentity('s', { nom: ' Cyber  GRAY ', adresse: 'rue gray 2' }),
    rowIdentity('s', { nom: 'cyber gray', adresse: 'Rue Gray 2' }),
  );
});

test('rows of the wrong length and ids used twice are bad rows; unknown columns are named', () => {
  const csv = [
    `${HEAD},remarque`,
    'p1,0412345614,A,1050,Rue A 1,Aide aux démarches administratives,Gratuit,,fr,2026-09-01,Aide,',
    'p1,0412345614,B,1050,Rue B 1,Aide aux démarches administratives,Gratuit,,fr,2026-09-01,Aide,',
    'p2,0412345614,C,1050',
  ]
    .join('\n')
    .replaceAll(';', ',');
  const result = imported(importPlacesCsv(csv, SOURCE));
  assert.deepEqual(
    result.good.map((g) => g.line),
    [2],
  );
  assert.deepEqual(
    result.bad.map((b) => [b.line, b.problems]),
    [
      [3, [{ column: 'id', code: 'duplicate-id', value: 'p1' }]],
      [4, [{ column: '', code: 'column-count' }]],
    ],
  );
  assert.deepEqual(result.ignoredColumns, ['remarque']);
});

test('JSON rows are reported with the line where each starts', () => {
  const json = `[
  {"id": "p1", "pivot": "0412345614", "nom": "A", "code_postal": "1050", "adresse": "Rue A 1",
   "services": "Aide aux démarches administratives", "langues": "fr", "date_maj": "2026-09-01",
   "presentation_resume": "Aide"},
  "not a row",
  {"id": "p2", "nom": "B {with [brackets], \\"quotes\\"}"}
]`;
  const result = imported(importPlacesJson(json, SOURCE));
  assert.deepEqual(
    result.good.map((g) => g.line),
    [2],
  );
  assert.deepEqual(
    result.bad.map((b) => b.line),
    [5, 6],
  );
  assert.deepEqual(result.bad[0]?.problems, [{ column: '', code: 'invalid' }]);
});

test('a file that cannot be read at all says why', () => {
  assert.deepEqual(importPlacesJson('{"id": 1}', SOURCE), {
    ok: false,
    problem: { code: 'not-a-list', line: null, message: 'not an array' },
  });
  assert.equal((importPlacesJson('[{', SOURCE) as { problem: { code: string } }).problem.code, 'json-syntax');
  assert.deepEqual(importPlacesCsv('\uFEFF \n', SOURCE), {
    ok: false,
    problem: { code: 'empty', line: null, message: 'empty file' },
  });
  const broken = importPlacesCsv('id,nom\np1,"unclosed\n', SOURCE);
  assert.ok(!broken.ok && broken.problem.code === 'csv-syntax' && broken.problem.line === 2);
});
