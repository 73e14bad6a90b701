import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formRows } from './formRows.ts';

test('rows come back in index order with their columns, other fields ignored', () => {
  const body = {
    'a.b.line.10.label': 'ten',
    'a.b.line.2.label': 'two',
    'a.b.line.2.amount': '5',
    'a.b.requested': 'x',
    'a.bxline.1.label': 'no',
  };
  assert.deepEqual(formRows(body, 'a.b.line'), [{ label: 'two', amount: '5' }, { label: 'ten' }]);
});

test('a JSON object is no text: read as empty, never a failure (found by fuzzing: a 500)', () => {
  const body = { 'elig.0.labelFr': { toString: 1 }, 'elig.0.labelNl': [{ a: 1 }], 'elig.0.explFr': 2 };
  assert.deepEqual(formRows(body, 'elig'), [{ labelFr: '', labelNl: '', explFr: '2' }]);
});
