import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBelgianPhone, parseBelgianPhone } from './phoneNumber.ts';

test('Belgian numbers as people write them become the international form', () => {
  for (const written of [
    '02 555 12 34',
    '02/555.12.34',
    '+32 2 555 12 34',
    '0032 (0)2 555 12 34',
    '+32 (0)2 555 12 34',
  ])
    assert.deepEqual(parseBelgianPhone(written), { ok: true, value: '+3225551234' }, written);
  assert.deepEqual(parseBelgianPhone('0470 12 34 56'), { ok: true, value: '+32470123456' });
  assert.deepEqual(parseBelgianPhone('010 45 67 89'), { ok: true, value: '+3210456789' });
});

test('anything else is refused', () => {
  for (const written of ['', '555 12 34', '+33 1 80 05 98 80', '02 555 12 3', '0470 12 34 567', 'phone me', '+32 0'])
    assert.deepEqual(parseBelgianPhone(written), { ok: false, error: 'phone' }, written);
});

test('shown back in the usual grouping', () => {
  assert.equal(formatBelgianPhone('+3225551234'), '02 555 12 34');
  assert.equal(formatBelgianPhone('+32470123456'), '0470 12 34 56');
  assert.equal(formatBelgianPhone('+3210456789'), '010 45 67 89');
  assert.throws(() => formatBelgianPhone('+33180059880'), RangeError);
});
