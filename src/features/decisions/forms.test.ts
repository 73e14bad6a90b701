import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FIXED_JUSTIFICATION_LENGTH, MAX_PLAN_JUSTIFICATION_LENGTH, parsePlanForm } from './forms.ts';

const ID = '00000000-0000-4000-8000-000000000001';

test('a justification over its limit is refused with a message next to it, never cut short', () => {
  const parsed = parsePlanForm({
    mode: 'ranking',
    [`fixed.${ID}`]: '10 000',
    [`reason.${ID}`]: 'r'.repeat(MAX_FIXED_JUSTIFICATION_LENGTH + 1),
    justification: 'j'.repeat(MAX_PLAN_JUSTIFICATION_LENGTH + 1),
  });
  assert.equal(parsed.ok, false);
  assert.deepEqual(!parsed.ok && parsed.errors, {
    [`reason.${ID}`]: { key: 'form.error.tooLong', values: { max: MAX_FIXED_JUSTIFICATION_LENGTH } },
    justification: { key: 'form.error.tooLong', values: { max: MAX_PLAN_JUSTIFICATION_LENGTH } },
  });
  assert.equal(
    !parsed.ok && parsed.values.justification?.length,
    MAX_PLAN_JUSTIFICATION_LENGTH + 1,
    'what was typed comes back',
  );
});

test('justifications within their limits are kept whole', () => {
  const parsed = parsePlanForm({
    [`fixed.${ID}`]: '10 000',
    [`reason.${ID}`]: 'r'.repeat(MAX_FIXED_JUSTIFICATION_LENGTH),
    justification: 'j'.repeat(MAX_PLAN_JUSTIFICATION_LENGTH),
  });
  assert.ok(parsed.ok);
  assert.equal(parsed.plan.justification.length, MAX_PLAN_JUSTIFICATION_LENGTH);
  assert.equal(parsed.plan.fixed[0]?.justification.length, MAX_FIXED_JUSTIFICATION_LENGTH);
});
