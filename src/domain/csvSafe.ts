// Cells of a CSV file that a spreadsheet will not run as a formula. A text cell that begins with
// =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a
// formula (OWASP "CSV injection"), so it gets a leading apostrophe, which makes it text. Numbers
// are left alone: -4.35 is a number, not a formula, and must stay one for whoever computes with it.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell to write: text that could start a formula is prefixed with "'"; numbers and blanks are unchanged. */
export function csvSafeCell(value: CsvCell): CsvCell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvSafeRow(row: readonly CsvCell[]): CsvCell[] {
  return row.map(csvSafeCell);
}

/** A cell read back from a file written with csvSafeCell: the apostrophe it added is removed. */
export function csvCellAsWritten(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
