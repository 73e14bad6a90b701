import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CENTS, assertCents, eurosToCents, formatMoney, parseMoney, sumCents } from './money.ts';
import { LOCALES } from './locale.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function parsed(input: string): number {
  const r = parseMoney(input);
  assert.ok(r.ok, `${JSON.stringify(input)} should parse, got ${JSON.stringify(r)}`);
  return r.value;
}

function refused(input: string): string {
  const r = parseMoney(input);
  assert.ok(!r.ok, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(r)}`);
  return r.error;
}

test('parseMoney: what Belgian users type', () => {
  const cases: [string, number][] = [
    ['56.904,00', 5_690_400],
    ['56 904 €', 5_690_400],
    ['56 904,5', 5_690_450],
    ['56904', 5_690_400],
    ['56904.50', 5_690_450],
    ['56904,50', 5_690_450],
    ['€ 1.234.567,89', 123_456_789],
    ['1,234.56', 123_456],
    ['1.234,56', 123_456],
    ['1,5', 150],
    ['1.5', 150],
    ['0,05', 5],
    ['0.5', 50],
    ['0', 0],
    ['0,00', 0],
    ['000123', 12_300],
    ['1 234 567', 123_456_700],
    ['1 234 567,8', 123_456_780],
  ];
  for (const [input, cents] of cases) assert.equal(parsed(input), cents, input);
});

test('parseMoney: a lone separator followed by three digits groups thousands', () => {
  assert.equal(parsed('56.904'), 5_690_400);
  assert.equal(parsed('56,904'), 5_690_400);
  assert.equal(parsed('1.234.567'), 123_456_700);
  assert.equal(parsed('1,234,567'), 123_456_700);
  assert.equal(parsed('1.000'), 100_000);
});

test('parseMoney: when both separators appear the last one is decimal', () => {
  assert.equal(parsed('1.234,5'), 123_450);
  assert.equal(parsed('1,234.5'), 123_450);
  assert.equal(parsed('12.345.678,90'), 1_234_567_890);
  assert.equal(parsed('12,345,678.90'), 1_234_567_890);
});

test('parseMoney: no-break and narrow no-break spaces group thousands', () => {
  assert.equal(parsed(`56${NNBSP}904`), 5_690_400);
  assert.equal(parsed(`56${NBSP}904`), 5_690_400);
  assert.equal(parsed(`56\u2009904`), 5_690_400);
  assert.equal(parsed(`1${NNBSP}234${NNBSP}567,89${NBSP}€`), 123_456_789);
  assert.equal(parsed(`€${NBSP}56.904`), 5_690_400);
});

test('parseMoney: currency before or after, with or without space, any case', () => {
  for (const input of [
    '€56904',
    '€ 56904',
    '56904€',
    '56904 €',
    'EUR 56904',
    '56904 EUR',
    '56904EUR',
    'eur 56904',
    '56 904 Eur',
  ]) {
    assert.equal(parsed(input), 5_690_400, input);
  }
  assert.equal(parsed('  56 904 €  '), 5_690_400);
  assert.equal(parsed(`\t56 904 €\n`), 5_690_400);
});

test('parseMoney reads back what formatMoney writes, in every locale', () => {
  for (const cents of [0, 5, 150, 5_690_400, 5_690_450, 123_456_789, MAX_CENTS]) {
    for (const locale of LOCALES) {
      for (const opts of [{}, { cents: true }]) {
        const text = formatMoney(cents, locale, opts);
        assert.equal(parsed(text), cents, `${locale} ${JSON.stringify(text)}`);
      }
    }
  }
});

test('parseMoney: empty', () => {
  for (const input of ['', ' ', '   ', NBSP, `${NNBSP} `, '\t', '€', ' € ', 'EUR', 'eur']) {
    assert.equal(refused(input), 'empty', JSON.stringify(input));
  }
});

test('parseMoney: invalid', () => {
  const cases = [
    'abc',
    '12.34.5',
    '1e5',
    '1E5',
    '--5',
    '- -5',
    '+5',
    '5-',
    '1.2.3',
    '1,2,3',
    '12.34.567',
    '1.234.56',
    '1,234,56',
    '1.23,45',
    '1234.567,89',
    '1.234 567,89',
    '12 34',
    '1 2345',
    '0 500',
    '0.500.000',
    '1234,567.00',
    '56  904',
    '5,',
    '5.',
    ',5',
    '.5',
    '5,,0',
    '5..0',
    '1,2.3',
    '€ 5 €',
    'EUR 5 €',
    '5 EURO',
    '5 $',
    '$5',
    '5 euros',
    'NaN',
    'Infinity',
    '0x10',
    '١٢٣',
    '５',
    '5 000 000,00,00',
    '5/2',
    '12a',
    'a12',
    '1_000',
    "1'000",
  ];
  for (const input of cases) assert.equal(refused(input), 'invalid', JSON.stringify(input));
});

test('parseMoney: too many decimals', () => {
  for (const input of [
    '1.2345',
    '0.500',
    '0,005',
    '0,123',
    '12345.678',
    '1234.567',
    '1.234,567',
    '1,234.567',
    '12 345,678',
    '1 234.567',
    '5,0000',
  ]) {
    assert.equal(refused(input), 'too-many-decimals', input);
  }
  // "1,234" alone is a thousands grouping, not three decimals.
  assert.equal(parsed('1,234'), 123_400);
});

test('parseMoney: negative amounts', () => {
  for (const input of ['-5', '-56 904,00 €', '−5', '€ -5', `€${NBSP}-1.234.568`, '-€1,234,568', '- 5', '-0,50', '-0']) {
    assert.equal(refused(input), 'negative', input);
  }
  // A malformed negative is reported as malformed first.
  assert.equal(refused('-abc'), 'invalid');
  assert.equal(refused('-1.2345'), 'too-many-decimals');
  assert.equal(refused('-€-5'), 'invalid');
});

test('parseMoney: at most 10^13 cents', () => {
  assert.equal(parsed('100 000 000 000'), MAX_CENTS);
  assert.equal(parsed('100.000.000.000,00'), MAX_CENTS);
  assert.equal(refused('100 000 000 000,01'), 'too-large');
  assert.equal(refused('100000000001'), 'too-large');
  assert.equal(refused('9'.repeat(40)), 'too-large');
  assert.equal(parsed('0000000000000000000000012'), 1200);
});

test('parseMoney returns exact cents where floating point would not', () => {
  // parseFloat('0.29') * 100 is 28.999999999999996; 1.005 * 100 is 100.49999999999999.
  assert.equal(parsed('0,29'), 29);
  assert.equal(parsed('1.01'), 101);
  assert.equal(parsed('99 999 999 999,99'), 9_999_999_999_999);
  for (const c of [1, 29, 57, 115, 435, 1_005, 999_999]) {
    const text = `${Math.trunc(c / 100)},${String(c % 100).padStart(2, '0')}`;
    assert.equal(parsed(text), c, text);
  }
});

test('formatMoney fr-BE: narrow no-break space groups, no-break space before €', () => {
  assert.equal(formatMoney(5_690_400, 'fr'), `56${NNBSP}904${NBSP}€`);
  assert.equal(formatMoney(5_690_450, 'fr'), `56${NNBSP}904,50${NBSP}€`);
  assert.equal(formatMoney(5_690_400, 'fr', { cents: true }), `56${NNBSP}904,00${NBSP}€`);
  assert.equal(formatMoney(5, 'fr'), `0,05${NBSP}€`);
  assert.equal(formatMoney(0, 'fr'), `0${NBSP}€`);
  assert.equal(formatMoney(100_000, 'fr'), `1${NNBSP}000${NBSP}€`);
  assert.equal(formatMoney(-123_456_750, 'fr'), `-1${NNBSP}234${NNBSP}567,50${NBSP}€`);
});

test('formatMoney nl-BE: € first, dots group, comma decimal', () => {
  assert.equal(formatMoney(5_690_400, 'nl'), `€${NBSP}56.904`);
  assert.equal(formatMoney(5_690_450, 'nl'), `€${NBSP}56.904,50`);
  assert.equal(formatMoney(5_690_400, 'nl', { cents: true }), `€${NBSP}56.904,00`);
  assert.equal(formatMoney(5, 'nl'), `€${NBSP}0,05`);
  assert.equal(formatMoney(-123_456_750, 'nl'), `€${NBSP}-1.234.567,50`);
});

test('formatMoney en-BE: € first, commas group, dot decimal', () => {
  assert.equal(formatMoney(5_690_400, 'en'), '€56,904');
  assert.equal(formatMoney(5_690_450, 'en'), '€56,904.50');
  assert.equal(formatMoney(5_690_400, 'en', { cents: true }), '€56,904.00');
  assert.equal(formatMoney(5, 'en'), '€0.05');
  assert.equal(formatMoney(-123_456_750, 'en'), '-€1,234,567.50');
});

test('formatMoney: cents: false behaves as the default', () => {
  assert.equal(formatMoney(5_690_400, 'fr', { cents: false }), formatMoney(5_690_400, 'fr'));
  assert.equal(formatMoney(5_690_450, 'fr', { cents: false }), formatMoney(5_690_450, 'fr'));
});

test('formatMoney is exact up to the largest safe integer', () => {
  assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, 'en'), '€90,071,992,547,409.91');
  assert.equal(formatMoney(Number.MAX_SAFE_INTEGER - 91, 'en'), '€90,071,992,547,409');
  assert.equal(formatMoney(9_007_199_254_740_899, 'en'), '€90,071,992,547,408.99');
  assert.equal(formatMoney(-Number.MAX_SAFE_INTEGER, 'en'), '-€90,071,992,547,409.91');
});

test('formatMoney refuses a value that is not whole cents', () => {
  for (const bad of [1.5, NaN, Infinity, -Infinity, 2 ** 53]) {
    assert.throws(() => formatMoney(bad, 'fr'), RangeError, String(bad));
  }
});

test('eurosToCents converts reference amounts', () => {
  assert.equal(eurosToCents(56_904), 5_690_400);
  assert.equal(eurosToCents(56_904.5), 5_690_450);
  assert.equal(eurosToCents(12.34), 1234); // 12.34 * 100 === 1233.9999999999998
  assert.equal(eurosToCents(0.29), 29);
  assert.equal(eurosToCents(1.1), 110);
  assert.equal(eurosToCents(0.07), 7);
  assert.equal(eurosToCents(0), 0);
  assert.ok(Object.is(eurosToCents(-0), 0));
  assert.equal(eurosToCents(-12.5), -1250);
  assert.equal(eurosToCents(1e11), MAX_CENTS);
});

test('eurosToCents refuses non-finite values and a third decimal', () => {
  for (const bad of [NaN, Infinity, -Infinity, 1.005, 12.345, 0.001, 1e-10, 56_904.999]) {
    assert.throws(() => eurosToCents(bad), RangeError, String(bad));
  }
  assert.throws(() => eurosToCents(1e20), RangeError);
});

test('assertCents accepts safe integers only', () => {
  for (const good of [0, 1, -1, 5_690_400, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
    assert.doesNotThrow(() => assertCents(good), String(good));
  }
  for (const bad of [0.5, -0.01, NaN, Infinity, 2 ** 53, -(2 ** 53)]) {
    assert.throws(() => assertCents(bad), RangeError, String(bad));
  }
});

test('sumCents adds exactly', () => {
  assert.equal(sumCents([]), 0);
  assert.equal(sumCents([5_690_400]), 5_690_400);
  assert.equal(sumCents([10, 20]), 30); // 0.1 + 0.2 in euros would not be 0.3
  assert.equal(sumCents([5_690_400, 5_690_450, -100]), 11_380_750);
  assert.equal(sumCents(Array.from({ length: 1000 }, () => 1)), 1000);
});

test('sumCents refuses non-integers and a sum beyond exact range', () => {
  assert.throws(() => sumCents([1, 0.5]), RangeError);
  assert.throws(() => sumCents([NaN]), RangeError);
  assert.throws(() => sumCents([Number.MAX_SAFE_INTEGER, 1]), RangeError);
});
