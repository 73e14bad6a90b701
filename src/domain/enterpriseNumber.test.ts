import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enterpriseCheckDigits, formatEnterpriseNumber, parseEnterpriseNumber } from './enterpriseNumber.ts';

// The rule written out independently of the implementation, to build and check test values.
function check(firstEight: string): string {
  return String(97 - (Number(firstEight) % 97)).padStart(2, '0');
}

function parsed(input: string): string {
  const r = parseEnterpriseNumber(input);
  assert.ok(r.ok, `${JSON.stringify(input)} should parse, got ${JSON.stringify(r)}`);
  return r.value;
}

function refused(input: string): string {
  const r = parseEnterpriseNumber(input);
  assert.ok(!r.ok, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(r)}`);
  return r.error;
}

const VALID = [
  '0403019261', // 04030192 mod 97 = 36, 97 − 36 = 61
  '0203201340', // 02032013 mod 97 = 57, 97 − 57 = 40
  '0417497106', // 04174971 mod 97 = 91, 97 − 91 = 6: the check is zero-padded
  '0403015697', // 04030156 is a multiple of 97: the check is 97, never 00
  '1000000021', // first digit 1 (numbers issued once the 0 range is used up)
  '1023456797',
  '0798542107',
];

test('the test values follow the rule', () => {
  for (const n of VALID) assert.equal(n.slice(8), check(n.slice(0, 8)), n);
  assert.equal(Number('04030192') % 97, 36);
  assert.equal(Number('02032013') % 97, 57);
  assert.equal(Number('04174971') % 97, 91);
  assert.equal(Number('04030156') % 97, 0);
});

test('enterpriseCheckDigits', () => {
  assert.equal(enterpriseCheckDigits('04030192'), '61');
  assert.equal(enterpriseCheckDigits('04174971'), '06');
  assert.equal(enterpriseCheckDigits('04030156'), '97');
  for (const n of VALID) assert.equal(enterpriseCheckDigits(n.slice(0, 8)), n.slice(8), n);
});

test('parseEnterpriseNumber accepts valid numbers, canonical form', () => {
  for (const n of VALID) assert.equal(parsed(n), n);
});

test('parseEnterpriseNumber accepts the usual notations', () => {
  for (const input of [
    '0403.019.261',
    '0403 019 261',
    'BE0403019261',
    'BE 0403.019.261',
    'be0403019261',
    'BE 0403 019 261',
    '403019261',
    '403.019.261',
    'BE403019261',
    '  0403.019.261  ',
    '0403\u00A0019\u00A0261',
    'Be0403.019.261',
  ]) {
    assert.equal(parsed(input), '0403019261', input);
  }
  assert.equal(parsed('1000.000.021'), '1000000021');
});

test('parseEnterpriseNumber: empty', () => {
  for (const input of ['', ' ', '\t', '\u00A0']) assert.equal(refused(input), 'empty', JSON.stringify(input));
});

test('parseEnterpriseNumber: format (length, letters, other separators)', () => {
  for (const input of ['1', '12345678', '04030192611', '040301926111', 'BE12345678', '0403.019.2611']) {
    assert.equal(refused(input), 'format', input);
  }
  for (const input of [
    'BE',
    'BE.',
    'abc',
    '0403O19261',
    '0403-019-261',
    '0403/019/261',
    'FR0403019261',
    '0403019261BE',
    'BEBE0403019261',
    'B E0403019261',
    '04030l9261',
    '+32403019261',
    '0403,019,261',
    '١٢٣٤٥٦٧٨٩٠',
  ]) {
    assert.equal(refused(input), 'format', input);
  }
});

test('parseEnterpriseNumber: first digit must be 0 or 1', () => {
  // Check digits are right for the first eight, so only the first digit is wrong.
  for (const firstEight of ['20000000', '24030192', '94030192']) {
    const n = firstEight + check(firstEight);
    assert.equal(refused(n), 'first-digit', n);
  }
});

test('parseEnterpriseNumber: checksum', () => {
  for (const input of [
    '0403019262',
    '0403019260', // check off by one
    '0403019216', // check digits swapped
    '0430019261', // two digits transposed
    '0403015600', // 00 is never a check: a multiple of 97 takes 97
    '0417497160',
    '0203201341',
    '1000000022',
    '0403.019.262',
    'BE 0403.019.262',
    '403019262', // legacy form with a bad check
    '040301926', // nine digits are read as the legacy form: 0040301926
  ]) {
    assert.equal(refused(input), 'checksum', input);
  }
});

test('formatEnterpriseNumber', () => {
  assert.equal(formatEnterpriseNumber('0403019261'), '0403.019.261');
  assert.equal(formatEnterpriseNumber('1000000021'), '1000.000.021');
  for (const n of VALID) assert.equal(parsed(formatEnterpriseNumber(n)), n);
});

test('formatEnterpriseNumber refuses anything but 10 digits', () => {
  for (const bad of ['403019261', '04030192611', '0403.019.261', 'BE0403019261', '']) {
    assert.throws(() => formatEnterpriseNumber(bad), RangeError, bad);
  }
});
