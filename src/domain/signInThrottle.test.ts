import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterFailure,
  pauseInForce,
  SIGN_IN_FAILURES_ALLOWED,
  SIGN_IN_PAUSE_MS,
  SIGN_IN_WINDOW_MS,
  type SignInThrottle,
} from './signInThrottle.ts';

const T0 = new Date('2026-12-04T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function failures(times: number[]): { throttle: SignInThrottle | null; pausedAt: number[] } {
  let throttle: SignInThrottle | null = null;
  const pausedAt: number[] = [];
  for (const ms of times) {
    const next = afterFailure(throttle, at(ms));
    if (next.paused) pausedAt.push(ms);
    throttle = next.throttle;
  }
  return { throttle, pausedAt };
}

test('the tenth failure within fifteen minutes pauses sign-in for fifteen minutes', () => {
  assert.equal(SIGN_IN_FAILURES_ALLOWED, 10);
  const times = Array.from({ length: 10 }, (_, i) => i * 60_000);
  const nine = failures(times.slice(0, 9));
  assert.deepEqual(nine.pausedAt, []);
  assert.equal(pauseInForce(nine.throttle, at(9 * 60_000)), null, 'nine failures: still open');
  const ten = failures(times);
  assert.deepEqual(ten.pausedAt, [9 * 60_000], 'paused once, at the tenth');
  const until = at(9 * 60_000 + SIGN_IN_PAUSE_MS);
  assert.deepEqual(pauseInForce(ten.throttle, at(9 * 60_000 + 1)), until);
  assert.deepEqual(pauseInForce(ten.throttle, at(9 * 60_000 + SIGN_IN_PAUSE_MS - 1)), until);
  assert.equal(pauseInForce(ten.throttle, until), null, 'open again when the pause ends');
});

test('failures spread over more than the window never pause', () => {
  const slow = failures(Array.from({ length: 30 }, (_, i) => i * (SIGN_IN_WINDOW_MS / 9)));
  assert.deepEqual(slow.pausedAt, []);
});

test('after a pause the count starts afresh: ten more failures pause again', () => {
  const times = Array.from({ length: 20 }, (_, i) => i * 1000 + (i >= 10 ? SIGN_IN_PAUSE_MS : 0));
  assert.deepEqual(failures(times).pausedAt, [9000, 19_000 + SIGN_IN_PAUSE_MS]);
});

test('nothing counted: sign-in is open', () => {
  assert.equal(pauseInForce(null, T0), null);
});
