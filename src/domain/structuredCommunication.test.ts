import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatStructuredCommunication,
  parseStructuredCommunication,
  structuredCommunicationFor,
} from './structuredCommunication.ts';

test('the check is the ten digits mod 97: +++123/4567/89002+++', () => {
  // 1234567890 = 97 × 12727504 + 2
  assert.equal(structuredCommunicationFor(1_234_567_890), '123456789002');
  assert.equal(formatStructuredCommunication('123456789002'), '+++123/4567/89002+++');
});

test('a base divisible by 97 has the check 97, never 00', () => {
  assert.equal(structuredCommunicationFor(97), '000000009797');
  assert.equal(structuredCommunicationFor(97 * 103_092_783), `${97 * 103_092_783}97`);
  assert.deepEqual(parseStructuredCommunication('000000009700'), { ok: false, error: 'checksum' });
});

test('a sequence number is zero-padded to ten digits', () => {
  assert.equal(structuredCommunicationFor(1), '000000000101');
  assert.equal(formatStructuredCommunication(structuredCommunicationFor(42)), '+++000/0000/04242+++');
  assert.throws(() => structuredCommunicationFor(0), RangeError);
  assert.throws(() => structuredCommunicationFor(10_000_000_000), RangeError);
  assert.throws(() => structuredCommunicationFor(1.5), RangeError);
});

test('typed input is read with or without delimiters, slashes, spaces and dots', () => {
  for (const typed of [
    '+++123/4567/89002+++',
    '***123/4567/89002***',
    '123/4567/89002',
    '123456789002',
    ' +++ 123 / 4567 / 89002 +++ ',
    '123.4567.89002',
  ]) {
    assert.deepEqual(parseStructuredCommunication(typed), { ok: true, value: '123456789002' }, typed);
  }
});

test('what is not a structured communication says why', () => {
  assert.deepEqual(parseStructuredCommunication('  '), { ok: false, error: 'empty' });
  assert.deepEqual(parseStructuredCommunication('+++123/4567/89002***'), { ok: false, error: 'format' });
  assert.deepEqual(parseStructuredCommunication('RF18 5390 0754 7034'), { ok: false, error: 'format' });
  assert.deepEqual(parseStructuredCommunication('123-4567-89002'), { ok: false, error: 'format' });
  assert.deepEqual(parseStructuredCommunication('+++123/4567/8900+++'), { ok: false, error: 'length' });
  assert.deepEqual(parseStructuredCommunication('+++123/4567/89003+++'), { ok: false, error: 'checksum' });
  // Two digits swapped: mod 97 catches it.
  assert.deepEqual(parseStructuredCommunication('+++213/4567/89002+++'), { ok: false, error: 'checksum' });
});

test('every generated communication parses back to itself', () => {
  for (const n of [1, 96, 97, 98, 12_345, 9_999_999_999]) {
    const digits = structuredCommunicationFor(n);
    assert.deepEqual(parseStructuredCommunication(formatStructuredCommunication(digits)), { ok: true, value: digits });
  }
});

test('formatting refuses what is not twelve digits', () => {
  assert.throws(() => formatStructuredCommunication('12345678900'), RangeError);
});
