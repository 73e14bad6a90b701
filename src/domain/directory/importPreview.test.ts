import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewImport } from './importPreview.ts';
import { placesToCsv } from './placeExport.ts';
import { importPlacesCsv } from './placeImport.ts';
import { buildPlace } from './testing/buildPlace.ts';

const SOURCE = { source: 'Octroi' };

function read(csv: string) {
  const result = importPlacesCsv(csv, SOURCE);
  assert.ok(result.ok);
  return result;
}

test('the preview sorts rows into added, changed (with the fields that change), unchanged and bad', () => {
  const kept = buildPlace({ id: 'kept' });
  const moved = buildPlace({ id: 'moved' });
  const existing = [kept, moved, buildPlace({ id: 'not-in-file' })];
  const file = placesToCsv([
    kept,
    { ...moved, openingHours: 'Mo-Fr 10:00-12:00', phone: '+3225550199' },
    buildPlace({ id: 'new' }),
  ]);
  const broken = `${file}x,0412345614,No postal code,,Rue 1\r\n`;
  const preview = previewImport(existing, read(broken));
  assert.deepEqual(
    preview.added.map((r) => r.place.id),
    ['new'],
  );
  assert.deepEqual(
    preview.unchanged.map((r) => r.place.id),
    ['kept'],
  );
  assert.deepEqual(
    preview.changed.map((c) => [c.before.id, c.fields, c.after.openingHours]),
    [['moved', ['phone', 'openingHours'], 'Mo-Fr 10:00-12:00']],
  );
  assert.deepEqual(
    preview.bad.map((b) => b.line),
    [5],
  );
});

test('importing the same file again changes nothing', () => {
  const file = placesToCsv([buildPlace({ id: 'a' }), buildPlace({ id: 'b', openingHours: null, coordinates: null })]);
  const first = previewImport([], read(file));
  assert.equal(first.added.length, 2);
  const stored = first.added.map((r) => r.place);
  const second = previewImport(stored, read(file));
  assert.deepEqual(
    [second.added.length, second.changed.length, second.unchanged.length, second.bad.length],
    [0, 0, 2, 0],
  );
});
