import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValid, grantSchema, validateGrant, validatePackage } from '../../../test/helpers/threeSixtyGiving.ts';
import seed from '../../../reference-data/seed-calls.json' with { type: 'json' };
import { parseEnterpriseNumber } from '../enterpriseNumber.ts';
import { COMMUNES, DEFAULT_TARGET_PUBLICS } from '../referenceData.ts';
import {
  grantIdentifier,
  organisationIdentifier,
  threeSixtyGivingCsv,
  threeSixtyGivingPackage,
  type OpenGrant,
  type PackageMeta,
} from './threeSixtyGiving.ts';

const META: PackageMeta = {
  prefix: '360G-octroi-paradigm',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  publisher: { name: 'Paradigm', website: 'https://paradigm.brussels/' },
};
const PARADIGM = { name: 'Paradigm', identifier: organisationIdentifier('0207123407') };
const CALL = {
  code: 'digital-brussels',
  title: 'Digital.Brussels',
  url: 'https://octroi.example.brussels/calls/digital-brussels',
};
// 30 June 2026, 22:30 UTC is already 1 July in Brussels (CEST, UTC+2).
const DECIDED = '2026-07-01';

const commune = (nis: string): { code: string; name: string } => {
  const c = COMMUNES.find((x) => x.nis === nis);
  assert.ok(c, nis);
  return { code: c.nis, name: c.fr };
};
const publicOf = (key: string): { key: string; label: string } => {
  const p = DEFAULT_TARGET_PUBLICS.find((x) => x.key === key);
  assert.ok(p, key);
  return { key, label: p.label.fr };
};

// The six Digital.Brussels laureates and their published amounts; enterprise numbers invented.
const digital = seed.calls.find((c) => c.key === 'digital-brussels');
assert.ok(digital);
const ENTERPRISES = ['0412345614', '0423456765', '0434567819', '0212345668', '0876543270', '0765432146'];
const COMMUNE_OF = ['21004', '21001', '21013', '21015', '21012', '21009'];
const DIGITAL: OpenGrant[] = digital.selected.map((s, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i + 1}`,
  reference: `DIG-2026-000${i + 1}`,
  title: s.project,
  description: s.summary_fr,
  amountCents: (s.amount_eur ?? 0) * 100,
  awardDate: DECIDED,
  call: CALL,
  funder: PARADIGM,
  recipient: {
    name: s.organisation,
    enterpriseNumber: ENTERPRISES[i] ?? null,
    city: 'Bruxelles',
    postalCode: '1000',
    streetAddress: 'Rue Royale 1',
  },
  targetPublics: s.target_publics.map(publicOf),
  communes: [commune(COMMUNE_OF[i] ?? '')],
  dataSource: 'https://octroi.example.brussels/calls/digital-brussels/results',
}));

function one(overrides: Partial<OpenGrant>): OpenGrant {
  const base = DIGITAL[0];
  assert.ok(base);
  return { ...base, ...overrides };
}

// RFC 4180 rows (no line breaks inside the values used here).
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const cells: string[] = [];
      const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
      for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
        cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
        if (m[0] === '') re.lastIndex++;
      }
      return cells;
    });
}

// A column title must name a field of the grant schema by its titles ("Recipient Org:Name"),
// array positions as numbers ("Beneficiary Location:1:Name"): flatten-tool's --use-titles layout.
type Node = { title?: string; $ref?: string; items?: Node; properties?: Record<string, Node> };
const DEFS = grantSchema.$defs as unknown as Record<string, Node>;
const resolve = (n: Node): Node =>
  n.$ref ? { ...(DEFS[n.$ref.replace('#/$defs/', '')] ?? {}), ...n, $ref: undefined } : n;
function namesAField(column: string): boolean {
  let node: Node = grantSchema as unknown as Node;
  for (const part of column.split(':').filter((p) => !/^[0-9]+$/.test(p))) {
    const fields = resolve(node.items ? resolve(node.items) : node).properties ?? {};
    const next = Object.values(fields).find((f) => (resolve(f).title ?? f.title) === part);
    if (!next) return false;
    node = resolve(next);
  }
  return true;
}

test('the six Digital.Brussels grants make a valid package of valid grants', () => {
  const pkg = threeSixtyGivingPackage(DIGITAL, META);
  assert.ok(pkg);
  assertValid(validatePackage, pkg, 'package');
  pkg.grants.forEach((g) => assertValid(validateGrant, g, g.id));
  assert.deepEqual(
    pkg.grants.map((g) => g.amountAwarded),
    [56904, 11015, 59970, 40100, 36450, 46000],
  );
  assert.deepEqual(
    pkg.grants.map((g) => g.id),
    [1, 2, 3, 4, 5, 6].map((n) => `360G-octroi-paradigm-DIG-2026-000${n}`),
  );
  assert.deepEqual(
    pkg.grants.map((g) => g.recipientOrganization[0].id),
    ENTERPRISES.map((e) => `BE-BCE_KBO-${e}`),
  );
  for (const e of ENTERPRISES) assert.ok(parseEnterpriseNumber(e).ok, e);
  const [first] = pkg.grants;
  assert.deepEqual(first, {
    id: '360G-octroi-paradigm-DIG-2026-0001',
    title: 'A digital Home',
    description: 'Permet aux personnes sans-abri de se familiariser avec le numérique.',
    currency: 'EUR',
    amountAwarded: 56904,
    awardDate: '2026-07-01',
    recipientOrganization: [
      {
        id: 'BE-BCE_KBO-0412345614',
        name: 'ARA asbl',
        streetAddress: 'Rue Royale 1',
        addressLocality: 'Bruxelles',
        postalCode: '1000',
      },
    ],
    fundingOrganization: [{ id: 'BE-BCE_KBO-0207123407', name: 'Paradigm' }],
    grantProgramme: [CALL],
    beneficiaryLocation: [{ name: 'Bruxelles', countryCode: 'BE', geoCode: '21004' }],
    classifications: [{ vocabulary: 'octroi:target-public', code: 'homeless', title: 'Personnes sans abri' }],
    dataSource: 'https://octroi.example.brussels/calls/digital-brussels/results',
  });
  assert.equal(pkg.version, '1.4');
  assert.equal(pkg.license, META.license);
  assert.deepEqual(pkg.publisher, META.publisher);
});

test('the CSV has 360Giving column titles and one row per grant', () => {
  const [head = [], ...rows] = parseCsv(threeSixtyGivingCsv(DIGITAL, META));
  assert.deepEqual(head, [
    'Identifier',
    'Title',
    'Description',
    'Currency',
    'Amount Awarded',
    'Award Date',
    'Planned Dates:Start Date',
    'Planned Dates:End Date',
    'Recipient Org:Identifier',
    'Recipient Org:Name',
    'Recipient Org:Street Address',
    'Recipient Org:City',
    'Recipient Org:Postal Code',
    'Funding Org:Identifier',
    'Funding Org:Name',
    'Grant Programme:Code',
    'Grant Programme:Title',
    'Grant Programme:URL',
    'Data Source',
    'Beneficiary Location:0:Name',
    'Beneficiary Location:0:Country Code',
    'Beneficiary Location:0:Geographic Code',
    // Arts&Publics' XPlay targets four publics.
    ...[0, 1, 2, 3].flatMap((n) => ['Vocabulary', 'Code', 'Title'].map((f) => `Classifications:${n}:${f}`)),
  ]);
  for (const column of head) assert.ok(namesAField(column), `"${column}" is not a 360Giving field title`);
  assert.equal(namesAField('Recipient Org:Enterprise Number'), false); // the check itself is live
  assert.equal(rows.length, 6);
  const cell = (row: string[] | undefined, column: string): string | undefined => row?.[head.indexOf(column)];
  assert.deepEqual(
    rows.map((r) => cell(r, 'Amount Awarded')),
    ['56904', '11015', '59970', '40100', '36450', '46000'],
  );
  assert.deepEqual(
    rows.map((r) => cell(r, 'Recipient Org:Name')),
    digital.selected.map((s) => s.organisation),
  );
  for (const r of rows) {
    assert.equal(r.length, head.length);
    assert.equal(cell(r, 'Currency'), 'EUR');
    assert.equal(cell(r, 'Award Date'), '2026-07-01');
    assert.equal(cell(r, 'Funding Org:Identifier'), 'BE-BCE_KBO-0207123407');
  }
  const xplay = rows[4];
  assert.equal(cell(xplay, 'Identifier'), '360G-octroi-paradigm-DIG-2026-0005');
  assert.deepEqual(
    [0, 1, 2, 3].map((n) => cell(xplay, `Classifications:${n}:Code`)),
    ['precarious', 'unaccompanied-minors', 'women', 'young-15-25'],
  );
  assert.equal(cell(rows[0], 'Classifications:1:Code'), ''); // one public: the other groups stay empty
  assert.equal(cell(rows[0], 'Beneficiary Location:0:Geographic Code'), '21004');
});

test('several communes and publics: one location and one classification each, sorted, without repeats', () => {
  const grant = one({
    communes: [commune('21015'), commune('21001'), commune('21015'), commune('21004')],
    targetPublics: [publicOf('women'), publicOf('homeless'), publicOf('seniors'), publicOf('women')],
  });
  const pkg = threeSixtyGivingPackage([grant], META);
  assert.ok(pkg);
  assertValid(validatePackage, pkg, 'package');
  const [g] = pkg.grants;
  assert.deepEqual(g?.beneficiaryLocation, [
    { name: 'Anderlecht', countryCode: 'BE', geoCode: '21001' },
    { name: 'Bruxelles', countryCode: 'BE', geoCode: '21004' },
    { name: 'Schaerbeek', countryCode: 'BE', geoCode: '21015' },
  ]);
  assert.deepEqual(
    g?.classifications?.map((c) => c.code),
    ['homeless', 'seniors', 'women'],
  );
  const [head = [], row = []] = parseCsv(threeSixtyGivingCsv([grant], META));
  assert.deepEqual(
    [0, 1, 2].map((n) => row[head.indexOf(`Beneficiary Location:${n}:Name`)]),
    ['Anderlecht', 'Bruxelles', 'Schaerbeek'],
  );
  assert.equal(head.includes('Beneficiary Location:3:Name'), false);
});

test('a group without an enterprise number gets an identifier under the publisher prefix, and no address', () => {
  const grant = one({
    reference: 'DIG-2026-0099',
    recipient: {
      name: 'Les voisins connectés',
      enterpriseNumber: null,
      streetAddress: 'Rue du Foyer 3',
      postalCode: '1030',
      city: 'Schaerbeek',
    },
  });
  const pkg = threeSixtyGivingPackage([grant], META);
  assert.ok(pkg);
  assertValid(validatePackage, pkg, 'package');
  assert.deepEqual(pkg.grants[0]?.recipientOrganization, [
    { id: '360G-octroi-paradigm-ORG-DIG-2026-0099', name: 'Les voisins connectés', addressLocality: 'Schaerbeek' },
  ]);
  assert.notEqual(pkg.grants[0]?.recipientOrganization[0].id, pkg.grants[0]?.id);
});

test('no grants: no package (the schema requires one grant), and a CSV of the header alone', () => {
  assert.equal(threeSixtyGivingPackage([], META), null);
  assert.equal(validatePackage({ version: '1.4', license: META.license, grants: [] }), false);
  const csv = threeSixtyGivingCsv([], META);
  assert.equal(parseCsv(csv).length, 1);
  assert.ok(csv.startsWith('Identifier,Title,Description,Currency,Amount Awarded,Award Date,'));
});

test('the validator is live: a grant without currency is rejected', () => {
  const pkg = threeSixtyGivingPackage(DIGITAL, META);
  assert.ok(pkg);
  const broken = structuredClone(pkg);
  delete (broken.grants[0] as { currency?: string }).currency;
  assert.equal(validateGrant(broken.grants[0]), false);
  assert.equal(validatePackage(broken), false);
  assert.equal(validateGrant({ ...pkg.grants[0], awardDate: '01/07/2026' }), false);
});

test('amounts are whole cents divided by 100; dates are Brussels calendar dates', () => {
  const pkg = threeSixtyGivingPackage(
    [
      one({ reference: 'A', amountCents: 1101550 }),
      one({
        reference: 'B',
        amountCents: 1999,
        awardDate: '2026-01-16',
        plannedDates: { startDate: '2026-09-01', endDate: '2027-08-31' },
      }),
    ],
    META,
  );
  assert.ok(pkg);
  assertValid(validatePackage, pkg, 'package');
  assert.deepEqual(
    pkg.grants.map((g) => g.amountAwarded),
    [11015.5, 19.99],
  );
  assert.equal(pkg.grants[1]?.awardDate, '2026-01-16');
  assert.throws(() => threeSixtyGivingPackage([one({ awardDate: '16/01/2026' })], META), RangeError);
  assert.deepEqual(pkg.grants[1]?.plannedDates, [{ startDate: '2026-09-01', endDate: '2027-08-31' }]);
  const [head = [], a = []] = parseCsv(threeSixtyGivingCsv([one({ reference: 'A', amountCents: 1101550 })], META));
  assert.equal(a[head.indexOf('Amount Awarded')], '11015.5');
  assert.throws(() => threeSixtyGivingPackage([one({ amountCents: 100.5 })], META), RangeError);
});

test('identifiers: org-id for enterprises, 360G prefix for grants', () => {
  assert.equal(organisationIdentifier('0403019261'), 'BE-BCE_KBO-0403019261');
  assert.equal(organisationIdentifier('BE 0403.019.261'), 'BE-BCE_KBO-0403019261');
  assert.throws(() => organisationIdentifier('0403019262'), RangeError);
  assert.equal(
    grantIdentifier('360G-octroi-bee', one({ reference: 'BEE-2026-0007' })),
    '360G-octroi-bee-BEE-2026-0007',
  );
  assert.equal(grantIdentifier('360G-octroi-bee', one({ reference: 'BEE 2026/7' })), '360G-octroi-bee-BEE_2026_7');
  assert.throws(() => grantIdentifier('octroi-bee', one({})), RangeError);
  assert.throws(() => grantIdentifier('360G-octroi-bee', one({ reference: '' })), RangeError);
  assert.throws(
    () => threeSixtyGivingPackage([one({}), one({ id: 'another-uuid' })], META),
    /two grants have the identifier/,
  );
});

test('the same grants in any order give the same package and the same CSV', () => {
  const shuffled = [...DIGITAL]
    .reverse()
    .map((g) => ({ ...g, communes: [...g.communes].reverse(), targetPublics: [...g.targetPublics].reverse() }));
  assert.deepEqual(threeSixtyGivingPackage(shuffled, META), threeSixtyGivingPackage(DIGITAL, META));
  assert.equal(threeSixtyGivingCsv(shuffled, META), threeSixtyGivingCsv(DIGITAL, META));
});

test('CSV formula injection in the public 360Giving CSV: text that starts a formula is neutralised, amounts stay numbers', () => {
  const grant = one({
    title: '=HYPERLINK("https://evil.example","Click")',
    description: '+32 2 123 45 67',
    recipient: { name: '@SUM(A1)', enterpriseNumber: ENTERPRISES[0] ?? null },
  });
  const [head = [], row = []] = parseCsv(threeSixtyGivingCsv([grant], META));
  const cell = (title: string) => row[head.indexOf(title)];
  assert.equal(cell('Title'), `'=HYPERLINK("https://evil.example","Click")`);
  assert.equal(cell('Description'), `'+32 2 123 45 67`);
  assert.equal(cell('Recipient Org:Name'), `'@SUM(A1)`);
  assert.equal(cell('Amount Awarded'), String(grant.amountCents / 100), 'a number, written as one');
  assert.equal(threeSixtyGivingPackage([grant], META)?.grants[0]?.title, grant.title, 'the JSON keeps the text as is');
});

test('what was paid after the award: amountDisbursed and one disbursementTransaction per transfer, valid 360Giving', () => {
  const [first, second] = DIGITAL;
  const paid = [
    { ...first!, disbursements: [{ id: '000000012345', amountCents: 4_552_320, paidOn: '2026-09-15' }] },
    { ...second!, disbursements: [] },
  ];
  const pkg = threeSixtyGivingPackage(paid, META);
  assert.ok(pkg);
  assertValid(validatePackage, pkg, 'package');
  pkg.grants.forEach((g) => assertValid(validateGrant, g, g.id));
  const [a, b] = pkg.grants;
  assert.equal(a?.amountDisbursed, 45523.2);
  assert.deepEqual(a?.disbursementTransaction, [
    {
      id: `${a?.id}-disbursement-000000012345`,
      transactionDate: '2026-09-15',
      currency: 'EUR',
      value: 45523.2,
      provider: a?.fundingOrganization[0].id,
      recipient: a?.recipientOrganization[0].id,
    },
  ]);
  assert.equal(b?.amountDisbursed, 0, 'nothing paid yet is said, as 0');
  assert.equal(b?.disbursementTransaction, undefined);
  const [head = [], row = []] = parseCsv(threeSixtyGivingCsv(paid, META));
  assert.ok(namesAField('Amount Disbursed'));
  assert.equal(row[head.indexOf('Amount Disbursed')], '45523.2');
  assert.equal(row[head.indexOf('disbursementTransaction:0:Transaction Date')], '2026-09-15');
  assert.equal(row[head.indexOf('disbursementTransaction:0:Value')], '45523.2');
  assert.ok('disbursementTransaction' in (grantSchema as { properties: object }).properties);
  assert.throws(() =>
    threeSixtyGivingPackage([{ ...first!, disbursements: [{ id: 'x', amountCents: 10, paidOn: 'soon' }] }], META),
  );
});
