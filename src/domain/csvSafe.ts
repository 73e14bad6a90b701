// Every CSV Octroi writes goes through here, because a spreadsheet opening a CSV runs any cell that
// looks like a formula: a project titled `=HYPERLINK("https://evil.example","Click")` would become a
// live link in the officer's Excel, and worse (DDE) in older ones. OWASP's rule for such "CSV
// injection": a text cell beginning with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets read as "this is text" and do not show.

import { stringify } from 'csv-stringify/sync';

/** A cell of a sheet: text is neutralised, numbers stay numbers, nothing stays empty. */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will only ever read as its value: text that could start a formula gets a `'`. */
export function csvSafeCell(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /** `;` for Excel in Belgium (its list separator), `,` elsewhere. */
  delimiter?: ',' | ';';
  /** The decimal mark of numbers: `,` for Excel in French or Dutch. */
  decimalMark?: '.' | ',';
  /** A UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
}

/**
 * The rows as CSV (CRLF, quoted where needed), every text cell neutralised by csvSafeCell and
 * every number written as a number with the decimal mark asked for.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const decimalMark = options.decimalMark ?? '.';
  const csv = stringify(
    rows.map((row) => row.map(csvSafeCell)),
    {
      delimiter: options.delimiter ?? ',',
      record_delimiter: 'windows',
      cast: { number: (n) => String(n).replace('.', decimalMark) },
    },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** A cell read back from a file written here (an import of an export): the apostrophe that was added is removed. */
export function csvCellAsWritten(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
