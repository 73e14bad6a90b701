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
