// The directory as open data: CSV and JSON in the columns of the standard "lieux de médiation
// numérique" v1.0.2, then the Brussels columns, one row per place, in the order of their ids so
// that the same directory always gives the same file. Both are valid against the standard's
// Brussels profile (standardJsonSchema.ts); the CSV is written from the same rows as the JSON, so
// the two never disagree, and its cells cannot run as spreadsheet formulas (csvSafe.ts).

import { writeCsv } from '../csvSafe.ts';
import type { Place } from './place.ts';
import { STANDARD_COLUMNS } from './standardJsonSchema.ts';
import { EXTRA_COLUMNS, placeToRow, type StandardRow } from './standardRow.ts';

/** The head of the CSV: the standard's columns, then the Brussels ones. */
export const EXPORT_COLUMNS: readonly string[] = [...STANDARD_COLUMNS, ...EXTRA_COLUMNS];

/** The rows, sorted by id. Two places with one id would break the standard's key: that throws. */
export function placesToRows(places: readonly Place[]): StandardRow[] {
  const sorted = [...places].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach((p, i) => {
    if (i > 0 && sorted[i - 1]?.id === p.id) throw new RangeError(`two places have the id ${p.id}`);
  });
  return sorted.map(placeToRow);
}

/** CSV as open-data portals read it: UTF-8 without a byte-order mark, commas, CRLF, a header row. */
export function placesToCsv(places: readonly Place[]): string {
  const rows = placesToRows(places).map((row) => EXPORT_COLUMNS.map((c) => row[c]));
  return writeCsv([[...EXPORT_COLUMNS], ...rows]);
}
