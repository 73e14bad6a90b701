import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IBAN_LENGTHS, formatIban, parseIban } from './iban.ts';

// ISO 13616 written out independently of the implementation (with BigInt), to check and build values.
function isoMod97(iban: string): bigint {
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n;
}
function withIsoCheck(country: string, bban: string): string {
  const check = 98n - isoMod97(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

function parsed(input: string): string {
  const r = parseIban(input);
  assert.ok(r.ok, `${JSON.stringify(input)} should parse, got ${JSON.stringify(r)}`);
  return r.value;
}

function refused(input: string): string {
  const r = parseIban(input);
  assert.ok(!r.ok, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(r)}`);
  return r.error;
}

const KNOWN_VALID = [
  'BE68539007547034',
  'BE71096123456769',
  'NL91ABNA0417164300',
  'FR1420041010050500013M02606',
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
];

// The SWIFT IBAN registry's example for each accepted country.
const REGISTRY_EXAMPLES = [
  'AD1200012030200359100100',
  'AL47212110090000000235698741',
  'AT611904300234573201',
  'BG80BNBG96611020345678',
  'CH9300762011623852957',
  'CY17002001280000001200527600',
  'CZ6508000000192000145399',
  'DK5000400440116243',
  'EE382200221020145685',
  'ES9121000418450200051332',
  'FI2112345600000785',
  'GI75NWBK000000007099453',
  'GR1601101250000000012300695',
  'HR1210010051863000160',
  'HU42117730161111101800000000',
  'IE29AIBK93115212345678',
  'IS140159260076545510730339',
  'IT60X0542811101000000123456',
  'LI21088100002324013AA',
  'LT121000011101001000',
  'LU280019400644750000',
  'LV80BANK0000435195001',
  'MC5811222000010123456789030',
  'MD24AG000225100013104168',
  'ME25505000012345678951',
  'MK07250120000058984',
  'MT84MALT011000012345MTLCAST001S',
  'NO9386011117947',
  'PL61109010140000071219812874',
  'PT50000201231234567890154',
  'RO49AAAA1B31007593840000',
  'RS35260005601001611379',
  'SE4550000000058398257466',
  'SI56263300012039086',
  'SK3112000000198742637541',
  'SM86U0322509800000000270100',
  'VA59001123000012345678',
];

test('the test values pass ISO 7064 mod 97 by the independent check', () => {
  for (const iban of [...KNOWN_VALID, ...REGISTRY_EXAMPLES]) assert.equal(isoMod97(iban), 1n, iban);
});

test('parseIban accepts known valid IBANs', () => {
  for (const iban of KNOWN_VALID) assert.equal(parsed(iban), iban);
});

test('parseIban accepts every SEPA country in the table', () => {
  const seen = new Set<string>();
  for (const iban of REGISTRY_EXAMPLES) {
    assert.equal(parsed(iban), iban);
    seen.add(iban.slice(0, 2));
  }
  seen.add('BE').add('NL').add('FR').add('DE').add('GB');
  assert.deepEqual([...seen].sort(), Object.keys(IBAN_LENGTHS).sort());
});

test('the length table has the lengths of the IBAN registry', () => {
  const expected: Record<string, number> = {
    BE: 16,
    NL: 18,
    FR: 27,
    DE: 22,
    LU: 20,
    ES: 24,
    IT: 27,
    PT: 25,
    IE: 22,
    AT: 20,
    CH: 21,
    GB: 22,
    NO: 15,
    MT: 31,
  };
  for (const [country, length] of Object.entries(expected)) assert.equal(IBAN_LENGTHS[country], length, country);
  for (const iban of [...KNOWN_VALID, ...REGISTRY_EXAMPLES])
    assert.equal(IBAN_LENGTHS[iban.slice(0, 2)], iban.length, iban);
});

test('parseIban accepts the printed form, lower case and an IBAN prefix', () => {
  for (const input of [
    'BE68 5390 0754 7034',
    'be68 5390 0754 7034',
    'be68539007547034',
    '  BE68539007547034  ',
    'IBAN BE68 5390 0754 7034',
    'IBAN: BE68 5390 0754 7034',
    'iban be68539007547034',
    'IBANBE68539007547034',
    'BE68\u00A05390\u00A00754\u00A07034',
    'BE685390 07547034',
    'B E 6 8 5 3 9 0 0 7 5 4 7 0 3 4',
  ]) {
    assert.equal(parsed(input), 'BE68539007547034', input);
  }
  assert.equal(parsed('fr14 2004 1010 0505 0001 3m02 606'), 'FR1420041010050500013M02606');
});

test('parseIban: empty', () => {
  for (const input of ['', '   ', '\t', '\u00A0', 'IBAN', 'IBAN:', 'iban '])
    assert.equal(refused(input), 'empty', JSON.stringify(input));
});

test('parseIban: format', () => {
  for (const input of [
    'abc',
    '12345678',
    'BE',
    'BE6',
    'BE68',
    'BEAB539007547034',
    '68BE539007547034',
    'B168539007547034',
    'BE68-5390-0754-7034',
    'BE68.5390.0754.7034',
    'BE68_539007547034',
    'BÉ68539007547034',
    'NL91ABNA0417164300!',
    'IBAN IBAN BE68539007547034',
    `BE68${'1'.repeat(31)}`,
    'BE68539007547O34', // a letter O for a zero in a Belgian account
  ]) {
    assert.equal(refused(input), 'format', input);
  }
});

test('parseIban: country outside SEPA or unknown', () => {
  for (const input of [
    'US12345678901234567890',
    'XX68539007547034',
    'BR1800360305000010009795493C1',
    'TR330006100519786457841326',
    'UA213223130000026007233566001',
    'SA0380000000608010167519',
    'FO6264600001631634',
    'GL8964710001000206',
    'BA391290079401028494',
    'XK051212012345678906',
  ]) {
    assert.equal(refused(input), 'country', input);
  }
});

test('parseIban: wrong length for the country', () => {
  for (const input of [
    'BE6853900754703',
    'BE685390075470344',
    'NL91ABNA041716430',
    'NL91ABNA04171643001',
    'FR1420041010050500013M0260',
    'DE8937040044053201300',
    'GB29NWBK6016133192681',
    'NO93860111179470',
  ]) {
    assert.equal(refused(input), 'length', input);
  }
});

test('parseIban: checksum', () => {
  for (const input of [
    'BE68539007547035',
    'BE69539007547034',
    'BE86539007547034',
    'BE68539007574034',
    'NL91ABNA0417164301',
    'NL19ABNA0417164300',
    'FR1420041010050500013M02607',
    'FR1420041010050500013N02606',
    'DE89370400440532013001',
    'DE98370400440532013000',
    'GB29NWBK60161331926818',
    'GB29NWBL60161331926819',
    'BE00539007547034',
    'BE99539007547034',
  ]) {
    assert.equal(refused(input), 'checksum', input);
  }
});

test('parseIban: check digits outside 02..98 are refused even when mod 97 equals 1', () => {
  // 01 ≡ 98 and 99 ≡ 02 (mod 97), so these rearranged numbers still leave remainder 1.
  assert.equal(parsed('BE98100068895393'), 'BE98100068895393');
  assert.equal(isoMod97('BE01100068895393'), 1n);
  assert.equal(refused('BE01100068895393'), 'checksum');
  assert.equal(parsed('BE02100017421840'), 'BE02100017421840');
  assert.equal(isoMod97('BE99100017421840'), 1n);
  assert.equal(refused('BE99100017421840'), 'checksum');
});

test('parseIban: Belgian national check', () => {
  // 5390075470 mod 97 = 34, so the account 539-0075470-35 has a wrong national key; give it
  // correct ISO check digits and only the national check can catch it.
  const wrongKey = withIsoCheck('BE', '539007547035');
  assert.equal(wrongKey, 'BE41539007547035');
  assert.equal(isoMod97(wrongKey), 1n);
  assert.equal(refused(wrongKey), 'national-checksum');
  assert.equal(refused('BE41 5390 0754 7035'), 'national-checksum');
  assert.equal(refused(withIsoCheck('BE', '096123456768')), 'national-checksum');
  assert.equal(refused(withIsoCheck('BE', '539007547000')), 'national-checksum');
});

test('parseIban: a Belgian national key of 0 is written 97', () => {
  assert.equal(Number('5390075436') % 97, 0);
  assert.equal(parsed(withIsoCheck('BE', '539007543697')), 'BE54539007543697');
  assert.equal(refused(withIsoCheck('BE', '539007543600')), 'national-checksum');
});

test('parseIban: the national check applies to Belgium only', () => {
  // A Dutch BBAN whose digits would fail the Belgian rule is still valid.
  assert.equal(parsed('NL91ABNA0417164300'), 'NL91ABNA0417164300');
  assert.equal(parsed(withIsoCheck('LU', '0019400644750001')), withIsoCheck('LU', '0019400644750001'));
});

test('formatIban groups by four', () => {
  assert.equal(formatIban('BE68539007547034'), 'BE68 5390 0754 7034');
  assert.equal(formatIban('NL91ABNA0417164300'), 'NL91 ABNA 0417 1643 00');
  assert.equal(formatIban('FR1420041010050500013M02606'), 'FR14 2004 1010 0505 0001 3M02 606');
  assert.equal(formatIban('NO9386011117947'), 'NO93 8601 1117 947');
  assert.equal(formatIban('BE68'), 'BE68');
  for (const iban of [...KNOWN_VALID, ...REGISTRY_EXAMPLES]) assert.equal(parsed(formatIban(iban)), iban);
});

test('formatIban refuses what is not the electronic form', () => {
  for (const bad of ['', 'BE68 5390 0754 7034', 'be68539007547034', 'BE68-5390']) {
    assert.throws(() => formatIban(bad), RangeError, bad);
  }
});
