import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCellAsWritten, csvSafeCell, writeCsv } from './csvSafe.ts';

test('CSV formula injection: text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  const cases: [string, string][] = [
    ['=HYPERLINK("https://evil.example","Click")', `'=HYPERLINK("https://evil.example","Click")`],
    ['+32 2 123 45 67', `'+32 2 123 45 67`],
    ['-5', `'-5`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ];
  for (const [text, safe] of cases) assert.equal(csvSafeCell(text), safe, JSON.stringify(text));
});

test('other text, numbers and empty cells are written as they are', () => {
  for (const cell of ['Des ateliers', 'a=b', ' =1', '', "'quoted", 'BEE-2026-0001', '2026-12-04']) {
    assert.equal(csvSafeCell(cell), cell);
  }
  assert.equal(csvSafeCell(-5), -5, 'an amount stays a number, even negative');
  assert.equal(csvSafeCell(40000.5), 40000.5);
  assert.equal(csvSafeCell(null), null);
  assert.equal(csvSafeCell(undefined), undefined);
});

test('writeCsv neutralises every text cell and keeps numbers numeric, with the decimal mark asked for', () => {
  const rows = [
    ['Title', 'Amount', 'Phone'],
    ['=HYPERLINK("https://evil.example")', -5, '+32 2 123 45 67'],
    ['Ateliers; seniors', 1234.5, null],
  ];
  assert.equal(
    writeCsv(rows),
    'Title,Amount,Phone\r\n"\'=HYPERLINK(""https://evil.example"")",-5,\'+32 2 123 45 67\r\n' +
      'Ateliers; seniors,1234.5,\r\n',
  );
  assert.equal(
    writeCsv(rows, { delimiter: ';', decimalMark: ',', bom: true }),
    '\uFEFFTitle;Amount;Phone\r\n"\'=HYPERLINK(""https://evil.example"")";-5;\'+32 2 123 45 67\r\n' +
      '"Ateliers; seniors";1234,5;\r\n',
  );
});

test('reading a cell back removes only the apostrophe that was added', () => {
  for (const cell of ['=1+1', '+3225551234', "'already quoted", 'plain', '-'])
    assert.equal(csvCellAsWritten(String(csvSafeCell(cell))), cell);
  assert.equal(csvCellAsWritten("'x"), "'x", 'an apostrophe before ordinary text is the text’s own');
});
