import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lifecycle } from './lifecycleTable.ts';

const door = lifecycle(['open', 'closed', 'locked'] as const, ['close', 'open', 'lock', 'unlock'] as const, [
  { event: 'close', from: ['open'], to: 'closed' },
  { event: 'open', from: ['closed'], to: 'open' },
  { event: 'lock', from: ['closed'], to: 'locked', guard: (ctx: { key: boolean }) => (ctx.key ? null : 'no-key') },
  { event: 'unlock', from: ['locked'], to: 'closed', guard: (ctx) => (ctx.key ? null : 'no-key') },
]);

test('a rule moves a status; an event that does not apply is an invalid transition', () => {
  assert.deepEqual(door.transition('open', 'close', { key: false }), { ok: true, value: 'closed' });
  assert.deepEqual(door.transition('open', 'lock', { key: true }), { ok: false, error: 'invalid-transition' });
});

test('a guard refuses with its own code, and availableEvents follows it', () => {
  assert.deepEqual(door.transition('closed', 'lock', { key: false }), { ok: false, error: 'no-key' });
  assert.deepEqual(door.availableEvents('closed', { key: false }), ['open']);
  assert.deepEqual(door.availableEvents('closed', { key: true }), ['open', 'lock']);
  assert.ok(door.can('locked', 'unlock', { key: true }));
});

test('an ambiguous or misspelt table is refused when it is built', () => {
  assert.throws(
    () =>
      lifecycle(['a', 'b'] as const, ['go'] as const, [
        { event: 'go', from: ['a'], to: 'b' },
        { event: 'go', from: ['a'], to: 'a' },
      ]),
    /two rules for go\/a/,
  );
  assert.throws(
    () => lifecycle(['a'] as const, ['go'] as const, [{ event: 'go', from: ['a'], to: 'z' as 'a' }]),
    /unknown status z/,
  );
});
