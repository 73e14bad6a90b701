import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepStates } from './callSteps.ts';

const states = (status: Parameters<typeof stepStates>[0]) => stepStates(status).map((s) => `${s.step}:${s.state}`);

test('a draft is being prepared, everything else is ahead', () => {
  assert.deepEqual(states('draft'), [
    'prepare:current',
    'receive:next',
    'screening:next',
    'evaluation:next',
    'selection:next',
    'decision:next',
    'results:next',
  ]);
});

test('a call under evaluation has prepared, received and screened', () => {
  assert.deepEqual(states('evaluation').slice(0, 5), [
    'prepare:done',
    'receive:done',
    'screening:done',
    'evaluation:current',
    'selection:next',
  ]);
});

test('a closed call is at screening, its follow-up and archive at results', () => {
  assert.equal(states('closed')[2], 'screening:current');
  assert.equal(states('follow-up')[6], 'results:current');
  assert.equal(states('archived')[6], 'results:current');
});
