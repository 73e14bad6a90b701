// What an import would do, before anything is written: the places it would add, those it would
// change (with the fields that change, before and after), those it leaves as they are, and the
// rows it cannot take. Places are matched by id (placeImport gives every row a stable one), so
// importing a file a second time shows every place unchanged.

import { canonicalJson } from '../forms/canonicalJson.ts';
import type { Place } from './place.ts';
import type { BadRow, GoodRow } from './placeImport.ts';

export interface PlaceChange {
  before: Place;
  after: Place;
  line: number;
  /** The fields whose value differs, in the order of the Place type. */
  fields: (keyof Place)[];
}

export interface ImportPreview {
  added: GoodRow[];
  changed: PlaceChange[];
  unchanged: GoodRow[];
  bad: BadRow[];
}

export function previewImport(
  existing: readonly Place[],
  rows: { good: readonly GoodRow[]; bad: readonly BadRow[] },
): ImportPreview {
  const byId = new Map(existing.map((p) => [p.id, p]));
  const preview: ImportPreview = { added: [], changed: [], unchanged: [], bad: [...rows.bad] };
  for (const row of rows.good) {
    const before = byId.get(row.place.id);
    if (!before) {
      preview.added.push(row);
      continue;
    }
    const fields = (Object.keys(row.place) as (keyof Place)[]).filter(
      (field) => canonicalJson(before[field] ?? null) !== canonicalJson(row.place[field] ?? null),
    );
    if (fields.length === 0) preview.unchanged.push(row);
    else preview.changed.push({ before, after: row.place, line: row.line, fields });
  }
  return preview;
}
