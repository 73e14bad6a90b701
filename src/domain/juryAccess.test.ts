import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jurorMayOpen, jurorMaySeeOthers } from './juryAccess.ts';

test('a juror opens only assigned applications without conflict, while active', () => {
  assert.equal(jurorMayOpen({ assigned: true, conflicted: false, jurorActive: true }), true);
  assert.equal(jurorMayOpen({ assigned: true, conflicted: true, jurorActive: true }), false);
  assert.equal(jurorMayOpen({ assigned: false, conflicted: false, jurorActive: true }), false);
  assert.equal(jurorMayOpen({ assigned: true, conflicted: false, jurorActive: false }), false);
});

test('others’ evaluations stay hidden until one’s own is submitted, when the call says so', () => {
  assert.equal(jurorMaySeeOthers({ mayOpen: true, hideOthersUntilSubmitted: true, ownSubmitted: false }), false);
  assert.equal(jurorMaySeeOthers({ mayOpen: true, hideOthersUntilSubmitted: true, ownSubmitted: true }), true);
  assert.equal(jurorMaySeeOthers({ mayOpen: true, hideOthersUntilSubmitted: false, ownSubmitted: false }), true);
  assert.equal(jurorMaySeeOthers({ mayOpen: false, hideOthersUntilSubmitted: false, ownSubmitted: true }), false);
});
