import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeLocalPath } from './safeRedirect.ts';

test('redirects stay on this site', () => {
  assert.equal(safeLocalPath('/calls/1?x=2'), '/calls/1?x=2');
  assert.equal(safeLocalPath('//evil.example/'), '/');
  assert.equal(safeLocalPath('/\\evil.example'), '/');
  assert.equal(safeLocalPath('https://evil.example/'), '/');
  assert.equal(safeLocalPath(undefined, '/account'), '/account');
});
