import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNationalNumber, parseNationalNumber } from './nationalNumber.ts';

test('a number whose check holds is kept as 11 digits, for births before and from 2000', () => {
  // 850730033 mod 97 = 69, 97 − 69 = 28.
  assert.equal(parseNationalNumber('85073003328'), '85073003328');
  assert.equal(parseNationalNumber(' 85.07.30-033.28 '), '85073003328', 'as written on the identity card');
  // Born 3 February 2001: the check is on 2010203123, 97 − (2010203123 mod 97) = 45.
  assert.equal(parseNationalNumber('01020312345'), '01020312345');
});

test('a number that fails its check, or is not 11 digits, is no number', () => {
  for (const bad of [
    '85073003329',
    '01020312344',
    '90020199740',
    '8507300332',
    '850730033281',
    'abcdefghijk',
    '',
    null,
  ])
    assert.equal(parseNationalNumber(bad), null, String(bad));
  // The same nine digits for a birth in 1901 check as 97 − (10203123 mod 97) = 16; 20 is neither form's.
  assert.equal(parseNationalNumber('01020312316'), '01020312316');
  assert.equal(parseNationalNumber('01020312320'), null);
});

test('shown in the register’s notation', () => {
  assert.equal(formatNationalNumber('85073003328'), '85.07.30-033.28');
});
