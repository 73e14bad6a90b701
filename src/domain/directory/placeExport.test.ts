import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { assertValid, validateStandardFile } from '../../../test/helpers/mediationNumerique.ts';
import { csvCellAsWritten } from '../csvSafe.ts';
import { EXPORT_COLUMNS, placesToCsv, placesToRows } from './placeExport.ts';
import { STANDARD_COLUMNS } from './standardJsonSchema.ts';
import { buildPlace } from './testing/buildPlace.ts';

const PLACES = [
  buildPlace({ id: 'b-place' }),
  buildPlace({
    id: 'a-place',
    name: '=HYPERLINK("http://evil.example","Cliquez")',
    summary: { fr: '-50 % pour les étudiants, +2 ateliers' },
    coordinates: { latitude: 50.8171, longitude: 4.3744 },
    address: { street: 'Rue Gray 1', complement: '@ 2e étage', postalCode: '1050', communeNis: '21009' },
    stepFree: null,
    phone: null,
  }),
];

test('the JSON rows are valid against the standard’s Brussels profile, in the order of their ids', () => {
  const rows = placesToRows(PLACES);
  assertValid(validateStandardFile, rows, 'export');
  assert.deepEqual(
    rows.map((r) => r.id),
    ['a-place', 'b-place'],
  );
  assert.throws(() => placesToRows([buildPlace(), buildPlace()]), /two places have the id ara-senne/);
});

test('the CSV has the standard’s columns then the Brussels ones, and says what the JSON says', () => {
  const csv = placesToCsv(PLACES);
  assert.ok(!csv.startsWith('\uFEFF') && csv.includes('\r\n'), 'UTF-8 without BOM, CRLF');
  const [head, ...records] = parse(csv) as string[][];
  assert.deepEqual(head, [...EXPORT_COLUMNS]);
  assert.deepEqual(head?.slice(0, STANDARD_COLUMNS.length), [...STANDARD_COLUMNS]);
  // Read back as the standard reads a CSV: empty cells are missing values, numbers are numbers.
  const rows = records.map((record) =>
    Object.fromEntries(
      record
        .map((cell, i) => [head?.[i] ?? '', csvCellAsWritten(cell)] as [string, string])
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, k === 'latitude' || k === 'longitude' ? Number(v) : v]),
    ),
  );
  assertValid(validateStandardFile, rows, 'CSV');
  assert.deepEqual(rows, placesToRows(PLACES));
});

test('CSV cells cannot run as formulas; numbers stay numbers', () => {
  const csv = placesToCsv(PLACES);
  const [head = [], first = [], second = []] = parse(csv) as string[][];
  const cell = (row: string[], column: string) => row[head.indexOf(column)];
  assert.equal(cell(first, 'nom'), `'=HYPERLINK("http://evil.example","Cliquez")`);
  assert.equal(cell(first, 'presentation_resume'), "'-50 % pour les étudiants, +2 ateliers");
  assert.equal(cell(first, 'complement_adresse'), "'@ 2e étage");
  assert.equal(cell(second, 'telephone'), "'+3225550130");
  assert.equal(cell(first, 'latitude'), '50.8171');
  assert.equal(cell(first, 'telephone'), '', 'no phone, no cell');
});
