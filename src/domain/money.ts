// Money is an integer number of cents: amounts are added, compared and stored exactly, and only
// turned into text at the edges (parseMoney on the way in, formatMoney on the way out).

import { intlLocale, type Locale } from './locale.ts';
import { err, ok, type Result } from './result.ts';

export type Cents = number;

export type MoneyError = 'empty' | 'invalid' | 'too-many-decimals' | 'negative' | 'too-large';

// 100 billion euros: far beyond any grant, well inside Number.MAX_SAFE_INTEGER, so that sums of
// many amounts stay exact.
export const MAX_CENTS: Cents = 10 ** 13;

// Group separators people type or paste: a space, a no-break space (U+00A0), a narrow no-break
// space (U+202F, what fr-BE formatting produces) and a thin space (U+2009).
const SPACE = '[ \\u00A0\\u202F\\u2009]';
const ANY_SPACE = new RegExp(SPACE);
const ALL_SPACES = new RegExp(SPACE, 'g');

// Sign, currency before or after (not both), digits with separators. The sign may sit before the
// currency ("-€5", as en-BE prints it) or after it ("€ -5", as nl-BE prints it). "−" is U+2212.
const SHAPE = new RegExp(
  `^([-\\u2212])?${SPACE}*(€|EUR)?${SPACE}*([-\\u2212])?${SPACE}*([0-9][0-9., \\u00A0\\u202F\\u2009]*?)${SPACE}*(€|EUR)?$`,
  'i',
);

// A grouped integer: 1–3 leading digits, then groups of exactly 3 behind one kind of separator.
// A leading zero is never grouped ("0.500" is a decimal with too many digits, not 500 €).
function isGrouped(groups: string[]): boolean {
  const [first, ...rest] = groups;
  return (
    first !== undefined && /^[1-9][0-9]{0,2}$/.test(first) && rest.length > 0 && rest.every((g) => /^[0-9]{3}$/.test(g))
  );
}

// The integer part left of a decimal separator: plain digits, or grouped with `sep` only.
function integerDigits(part: string, sep: string): string | undefined {
  if (/^[0-9]+$/.test(part)) return part;
  const groups = part.split(sep);
  return isGrouped(groups) ? groups.join('') : undefined;
}

type Split = { int: string; frac: string } | 'invalid' | 'too-many-decimals';

// Decides which separator is the decimal one. When both '.' and ',' appear, the last one is. When
// only one kind appears it is decimal if 1–2 digits end the amount ("1,5" is 1.50 €), a group
// separator if every group after it has 3 digits ("56.904" is 56 904 €). Spaces only ever group.
function splitNumber(num: string): Split {
  const spaced = ANY_SPACE.test(num);
  const compact = num.replace(ALL_SPACES, ' ');
  const hasDot = compact.includes('.');
  const hasComma = compact.includes(',');

  if (!hasDot && !hasComma) {
    const int = integerDigits(compact, ' ');
    return int === undefined ? 'invalid' : { int, frac: '' };
  }

  let decimal: '.' | ',';
  let group: '.' | ',' | ' ';
  if (hasDot && hasComma) {
    decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
    if (spaced) return 'invalid'; // two kinds of group separator: "1.234 567,89"
  } else {
    const sep = hasDot ? '.' : ',';
    const pieces = compact.split(sep);
    const tail = pieces[pieces.length - 1] ?? '';
    if (pieces.length === 2 && /^[0-9]{1,2}$/.test(tail)) {
      decimal = sep;
      group = ' ';
    } else if (!spaced && isGrouped(pieces)) {
      return { int: pieces.join(''), frac: '' };
    } else if (pieces.length === 2 && /^[0-9]{3,}$/.test(tail) && integerDigits(pieces[0] ?? '', ' ')) {
      // "0.500", "1.2345", "12 345,678": not a valid grouping, so a decimal with too many digits.
      return 'too-many-decimals';
    } else {
      return 'invalid';
    }
  }

  const at = compact.lastIndexOf(decimal);
  const frac = compact.slice(at + 1);
  const int = integerDigits(compact.slice(0, at), group);
  if (int === undefined || !/^[0-9]+$/.test(frac)) return 'invalid';
  if (frac.length > 2) return 'too-many-decimals';
  return { int, frac };
}

export function parseMoney(input: string): Result<Cents, MoneyError> {
  // trim() also strips U+00A0 and U+202F, which are white space for JavaScript.
  const text = input.trim();
  if (text === '' || /^(€|EUR)$/i.test(text)) return err('empty');

  const m = SHAPE.exec(text);
  if (!m) return err('invalid');
  const [, signBefore, currencyBefore, signAfter, num = '', currencyAfter] = m;
  if ((signBefore && signAfter) || (currencyBefore && currencyAfter)) return err('invalid');

  const split = splitNumber(num);
  if (split === 'invalid' || split === 'too-many-decimals') return err(split);
  if (signBefore || signAfter) return err('negative');

  // Cents built from the digit strings: no floating-point step can round them.
  const digits = (split.int + split.frac.padEnd(2, '0')).replace(/^0+(?=.)/, '');
  if (BigInt(digits) > BigInt(MAX_CENTS)) return err('too-large');
  return ok(Number(digits));
}

export function assertCents(n: number): asserts n is Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of cents: ${n}`);
}

// For amounts written in euros in reference data (seed calls, budgets). A value with a third
// decimal is a data error, so it throws rather than rounding it away.
export function eurosToCents(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new RangeError(`Not a finite amount of euros: ${euros}`);
  const cents = Math.round(euros * 100);
  // euros * 100 may be off by an ulp (12.34 * 100 = 1233.9999999999998); the amount has at most 2
  // decimals exactly when it is the double closest to cents / 100.
  if (cents / 100 !== euros) throw new RangeError(`More than 2 decimals: ${euros}`);
  assertCents(cents);
  return cents === 0 ? 0 : cents; // no -0
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) {
    assertCents(v);
    total += v;
  }
  assertCents(total); // beyond 2^53 the sum would silently stop being exact
  return total;
}

const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, decimals: 0 | 2): Intl.NumberFormat {
  const key = `${locale}/${decimals}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    FORMATTERS.set(key, f);
  }
  return f;
}

// Whole euros are shown without ",00" (as in the calls' texts: "56 904 €"); `cents: true` is for
// tables and payment lines where every amount should line up with two decimals.
export function formatMoney(cents: Cents, locale: Locale, opts?: { cents?: boolean }): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100; // exact, unlike Math.floor(abs / 100) near 2^53
  const decimals = opts?.cents || rest !== 0 ? 2 : 0;
  // Intl formats a decimal string exactly, where cents / 100 would pass through a double.
  const exact = `${cents < 0 ? '-' : ''}${euros}.${String(rest).padStart(2, '0')}`;
  return formatter(locale, decimals).format(exact as Intl.StringNumericLiteral);
}
