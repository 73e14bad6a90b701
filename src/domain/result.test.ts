import { test } from 'node:test';
import assert from 'node:assert/strict';
import { err, ok, type Result } from './result.ts';

test('ok wraps a value', () => {
  assert.deepEqual(ok(42), { ok: true, value: 42 });
  assert.deepEqual(ok(''), { ok: true, value: '' });
  assert.deepEqual(ok(undefined), { ok: true, value: undefined });
});

test('err wraps an error code', () => {
  assert.deepEqual(err('invalid'), { ok: false, error: 'invalid' });
});

test('a Result narrows on ok', () => {
  const half = (n: number): Result<number, 'odd'> => (n % 2 === 0 ? ok(n / 2) : err('odd'));
  const a = half(4);
  const b = half(3);
  assert.ok(a.ok);
  if (a.ok) assert.equal(a.value, 2);
  assert.ok(!b.ok);
  if (!b.ok) assert.equal(b.error, 'odd');
});
