// Reading a file of places in the standard's columns (CSV or JSON, as placeExport writes them or as
// another map publishes them) into good rows and bad rows. Each bad row keeps its line in the file
// and its problems, column by column; good rows are kept whatever the bad ones. Each place gets a
// stable identity: the standard's `id`, or, for a row without one, a hash of its source, name and
// address, so that reading the same file twice gives the same places (the preview then shows that
// nothing changes).

import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { csvCellAsWritten } from '../csvSafe.ts';
import type { Place } from './place.ts';
import { EXPORT_COLUMNS } from './placeExport.ts';
import { validatePlace } from './placeSchema.ts';
import { columnOf, rowToPlaceFields, type ColumnProblem } from './standardRow.ts';

export interface GoodRow {
  place: Place;
  /** Line of the file where the row starts (1 is the first line). */
  line: number;
}

export interface BadRow {
  line: number;
  problems: ColumnProblem[];
  /** The row as read, to show next to its problems. */
  values: Record<string, unknown>;
}

export type FileProblemCode = 'csv-syntax' | 'json-syntax' | 'not-a-list' | 'empty';

export type ImportResult =
  | { ok: true; good: GoodRow[]; bad: BadRow[]; ignoredColumns: string[] }
  | { ok: false; problem: { code: FileProblemCode; line: number | null; message: string } };

export interface ImportOptions {
  /** Who the file comes from ("Commune d’Ixelles"): part of the identity of rows without an id. */
  source: string;
}

const normalised = (text: unknown) =>
  String(text ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** The identity of a row without an id: "h-" and 20 hex digits of a hash of source, name and address. */
export function rowIdentity(source: string, row: Record<string, unknown>): string {
  const key = [source, row.source, row.nom, row.adresse, row.code_postal].map(normalised).join('\n');
  return `h-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

function readRows(
  rows: readonly { values: Record<string, unknown>; line: number }[],
  options: ImportOptions,
): { good: GoodRow[]; bad: BadRow[] } {
  const good: GoodRow[] = [];
  const bad: BadRow[] = [];
  const seen = new Set<string>();
  for (const { values, line } of rows) {
    const { fields, problems } = rowToPlaceFields(values);
    if (!fields.id) fields.id = rowIdentity(options.source, values);
    const checked = validatePlace(fields);
    const all = [
      ...problems,
      ...(checked.ok ? [] : checked.problems.map(({ field, ...p }) => ({ column: columnOf(field), ...p }))),
    ];
    if (seen.has(String(fields.id))) all.push({ column: 'id', code: 'duplicate-id', value: String(fields.id) });
    seen.add(String(fields.id));
    if (checked.ok && all.length === 0) good.push({ place: checked.place, line });
    else bad.push({ line, problems: all, values });
  }
  return { good, bad };
}

const KNOWN = new Set(EXPORT_COLUMNS);
/** Columns Octroi does not read, so the officer knows they were left out. */
const ignored = (columns: readonly string[]) => columns.filter((c) => c !== '' && !KNOWN.has(c));

/** The delimiter of the header line: the one of comma, semicolon and tab it has most of. */
function delimiterOf(header: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * A CSV file: UTF-8, with or without a byte-order mark, comma, semicolon or tab, a header row of
 * column names. Cells written by placeExport are read back as they were before csvSafe.
 */
export function importPlacesCsv(text: string, options: ImportOptions): ImportResult {
  const content = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (content.trim() === '') return { ok: false, problem: { code: 'empty', line: null, message: 'empty file' } };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the parser's position (its types do not say so).
    records = parse(content, {
      delimiter: delimiterOf(content.split('\n', 1)[0] ?? ''),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { ok: false, problem: { code: 'csv-syntax', line: e.lines ?? null, message: e.message ?? String(e) } };
  }
  const [head, ...body] = records;
  const columns = (head?.record ?? []).map((c) => c.trim().toLowerCase());
  const rows = body.map(({ record, info }) => {
    // The parser counts the line where a record ends; a record with line breaks in a cell started earlier.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const values = Object.fromEntries(columns.map((c, i) => [c, csvCellAsWritten(record[i] ?? '')]));
    return { values, line: info.lines - breaks, aligned: record.length === columns.length };
  });
  // A row with more or fewer cells than the header is misaligned: none of its cells can be trusted.
  const misaligned: BadRow[] = rows
    .filter((r) => !r.aligned)
    .map(({ values, line }) => ({ line, problems: [{ column: '', code: 'column-count' }], values }));
  const { good, bad } = readRows(
    rows.filter((r) => r.aligned),
    options,
  );
  return {
    ok: true,
    good,
    bad: [...bad, ...misaligned].sort((a, b) => a.line - b.line),
    ignoredColumns: ignored(columns),
  };
}

/** Lines where the items of a JSON array start, in order (the text is valid JSON). */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectItem && ch !== ']') {
      lines.push(line);
      expectItem = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectItem = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectItem = true;
  }
  return lines;
}

/** A JSON file: an array of rows, each an object keyed by column name (as placeExport writes it). */
export function importPlacesJson(text: string, options: ImportOptions): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { code: 'json-syntax', line: null, message: (error as Error).message } };
  }
  if (!Array.isArray(data)) return { ok: false, problem: { code: 'not-a-list', line: null, message: 'not an array' } };
  const lines = itemLines(text);
  const objects = data.map((values, i) => ({ values, line: lines[i] ?? 0 }));
  const isRow = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const notRows: BadRow[] = objects
    .filter((o) => !isRow(o.values))
    .map((o) => ({ line: o.line, problems: [{ column: '', code: 'invalid' }], values: {} }));
  const rows = objects.filter((o): o is { values: Record<string, unknown>; line: number } => isRow(o.values));
  const { good, bad } = readRows(rows, options);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return {
    ok: true,
    good,
    bad: [...bad, ...notRows].sort((a, b) => a.line - b.line),
    ignoredColumns: ignored(columns),
  };
}
