import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCellAsWritten, csvSafeCell, csvSafeRow } from './csvSafe.ts';

test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const cell of ['=HYPERLINK("http://evil","x")', '+32 2 555 12 34', '-1+1', '@SUM(A1)', '\tx', '\rx'])
    assert.equal(csvSafeCell(cell), `'${cell}`, JSON.stringify(cell));
});

test('other text, numbers and blanks are unchanged; numbers stay numbers', () => {
  for (const cell of ['Espace numérique', 'a=b', ' =x', "'quoted", '', null, undefined, 4.35, -4.35, 0])
    assert.equal(csvSafeCell(cell), cell);
  assert.deepEqual(csvSafeRow(['=1', -2, 'ok']), ["'=1", -2, 'ok']);
});

test('reading a cell back removes only the apostrophe that was added', () => {
  for (const cell of ['=1+1', '+3225551234', "'already quoted", 'plain', '-'])
    assert.equal(csvCellAsWritten(String(csvSafeCell(cell))), cell);
  assert.equal(csvCellAsWritten("'x"), "'x", 'an apostrophe before ordinary text is the text’s own');
});
