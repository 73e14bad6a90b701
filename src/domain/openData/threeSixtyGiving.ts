// Published grants as 360Giving Data Standard 1.4.3 open data: the JSON package and the one-sheet
// CSV of 360Giving's spreadsheet template. The CSV is written from the JSON grants, so the two never
// disagree. The schemas the output must satisfy are in reference-data/360giving-1.4.3; the test
// validates against them.

import { isCalendarDate, type CalendarDate } from '../calendarDate.ts';
import { writeCsv, type CsvCell } from '../csvSafe.ts';
import { parseEnterpriseNumber } from '../enterpriseNumber.ts';

export interface OpenGrant {
  /** Stable id of the grant inside Octroi (the application's uuid) and its human reference (BEE-2026-0007). */
  id: string;
  reference: string;
  title: string;
  description: string;
  /** Integer cents, EUR. */
  amountCents: number;
  /** The day of the decision as the decision itself states it (a calendar date, YYYY-MM-DD), not when it was recorded. */
  awardDate: CalendarDate;
  /** ISO calendar dates. */
  plannedDates?: { startDate: string; endDate?: string } | null;
  call: { code: string; title: string; url: string };
  /** The identifier is resolved by the caller, org-id style (see organisationIdentifier). */
  funder: { name: string; identifier: string };
  /** An informal group has no enterprise number. charityNumber is a UK register: Belgian recipients never have one. */
  recipient: {
    name: string;
    enterpriseNumber: string | null;
    postalCode?: string | null;
    streetAddress?: string | null;
    city?: string | null;
    charityNumber?: never;
  };
  targetPublics: { key: string; label: string }[];
  /** Brussels communes; `code` is the Statistics Belgium (NIS/INS) code, e.g. '21015' for Schaerbeek. */
  communes: { code: string; name: string }[];
  /** URL of the results page. */
  dataSource?: string;
  /**
   * What was paid since the award: each transfer (a paid tranche) with its day in Brussels. Absent: nothing is
   * known (the feed says nothing of disbursement); empty: nothing paid yet (amountDisbursed 0).
   */
  disbursements?: readonly { id: string; amountCents: number; paidOn: string }[];
}

export interface PackageMeta {
  /** The publisher's registered 360Giving prefix, e.g. '360G-octroi-bee' (configuration). */
  prefix: string;
  /** Canonical URI of the licence, e.g. 'https://creativecommons.org/licenses/by/4.0/'. */
  license: string;
  publisher?: { name: string; identifier?: string; website?: string; logo?: string };
}

interface Organization {
  id: string;
  name: string;
  streetAddress?: string;
  addressLocality?: string;
  postalCode?: string;
}
interface Location {
  name: string;
  countryCode: 'BE';
  geoCode: string;
}
interface Transaction {
  id: string;
  transactionDate: string;
  currency: 'EUR';
  value: number;
  provider: string;
  recipient: string;
}
interface Classification {
  vocabulary: string;
  code: string;
  title: string;
}

export interface ThreeSixtyGivingGrant {
  id: string;
  title: string;
  description: string;
  currency: 'EUR';
  amountAwarded: number;
  /** What was paid when the feed was written: the sum of disbursementTransaction. */
  amountDisbursed?: number;
  awardDate: string;
  plannedDates?: { startDate: string; endDate?: string }[];
  recipientOrganization: [Organization];
  fundingOrganization: [{ id: string; name: string }];
  grantProgramme: [{ code: string; title: string; url: string }];
  beneficiaryLocation?: Location[];
  classifications?: Classification[];
  dataSource?: string;
  disbursementTransaction?: Transaction[];
}

export interface ThreeSixtyGivingPackage {
  /** The package schema takes major.minor only. */
  version: '1.4';
  license: string;
  publisher?: PackageMeta['publisher'];
  grants: ThreeSixtyGivingGrant[];
}

/** Octroi's own list of target publics (reference data keys), not a 360Giving codelist. */
const TARGET_PUBLIC_VOCABULARY = 'octroi:target-public';

// org-id.guide list BE-BCE_KBO, "Crossroads Bank for Enterprises"; the register's 10-digit
// number follows without dots, as IATI publishers write it (BE-BCE_KBO-0546740696).
const BELGIAN_ENTERPRISES = 'BE-BCE_KBO';

/** The org-id of a Belgian enterprise, e.g. 'BE-BCE_KBO-0403019261'. Throws on a number that fails the check digits. */
export function organisationIdentifier(enterpriseNumber: string): string {
  const parsed = parseEnterpriseNumber(enterpriseNumber);
  if (!parsed.ok) throw new RangeError(`not a Belgian enterprise number (${parsed.error}): ${enterpriseNumber}`);
  return `${BELGIAN_ENTERPRISES}-${parsed.value}`;
}

// 360Giving: registered prefixes start with "360G"; the internal identifier follows after a hyphen,
// with spaces and special characters replaced by "_" (guidance "Grant Identifier").
const PREFIX = /^360G-[A-Za-z0-9_-]+$/;

function withPrefix(prefix: string, ...parts: string[]): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`not a 360Giving prefix: ${prefix}`);
  if (parts.some((p) => p === '')) throw new RangeError('an identifier part is empty');
  return [prefix, ...parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_'))].join('-');
}

/** '360G-octroi-bee' and BEE-2026-0007 give '360G-octroi-bee-BEE-2026-0007'. */
export function grantIdentifier(prefix: string, grant: OpenGrant): string {
  return withPrefix(prefix, grant.reference);
}

// A group with no enterprise number is on no register. 360Giving then wants the publisher's prefix
// with an internal identifier, "ORG" inserted so it cannot clash with a grant's. Octroi keeps no
// record of such groups apart from their application, so the grant's reference stands in for one.
function recipientIdentifier(prefix: string, grant: OpenGrant): string {
  const { enterpriseNumber } = grant.recipient;
  return enterpriseNumber === null
    ? withPrefix(prefix, 'ORG', grant.reference)
    : organisationIdentifier(enterpriseNumber);
}

function present(value: string | null | undefined): value is string {
  return value != null && value.trim() !== '';
}

// 360Giving's location guidance: an informal group's address may be someone's home, so neither the
// street nor the postal code is published for one; the city says enough.
function recipientOrganization(prefix: string, grant: OpenGrant): Organization {
  const r = grant.recipient;
  const registered = r.enterpriseNumber !== null;
  return {
    id: recipientIdentifier(prefix, grant),
    name: r.name,
    ...(registered && present(r.streetAddress) ? { streetAddress: r.streetAddress } : {}),
    ...(present(r.city) ? { addressLocality: r.city } : {}),
    ...(registered && present(r.postalCode) ? { postalCode: r.postalCode } : {}),
  };
}

// Code-unit order: the same in every locale, so the output never depends on the machine.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function uniqueSorted<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map(items.map((item) => [key(item), item] as const));
  return [...byKey].sort(([a], [b]) => byText(a, b)).map(([, item]) => item);
}

// geoCodeType is left out: its codelist (geoCodeType.csv) holds only UK ONS area types, and none
// describes a Belgian NIS code. The name, the NIS code and the country say where it is.
function beneficiaryLocation(grant: OpenGrant): Location[] {
  return uniqueSorted(grant.communes, (c) => c.code).map((c) => ({ name: c.name, countryCode: 'BE', geoCode: c.code }));
}

function classifications(grant: OpenGrant): Classification[] {
  return uniqueSorted(grant.targetPublics, (p) => p.key).map((p) => ({
    vocabulary: TARGET_PUBLIC_VOCABULARY,
    code: p.key,
    title: p.label,
  }));
}

function awardDateOf(grant: OpenGrant): CalendarDate {
  if (!isCalendarDate(grant.awardDate))
    throw new RangeError(`award date of ${grant.reference} is not a date: ${grant.awardDate}`);
  return grant.awardDate;
}

// 360Giving's grant takes the amount disbursed and, one per transfer, disbursementTransaction (the schema's
// Transaction: its date, value, provider and recipient). Each transfer's id is the grant's with the transfer's
// own reference (a tranche's structured communication), so it is unique across the feed.
function disbursed(prefix: string, grant: OpenGrant, recipientId: string) {
  if (!grant.disbursements) return {};
  const transactions = [...grant.disbursements]
    .sort((a, b) => byText(`${a.paidOn}${a.id}`, `${b.paidOn}${b.id}`))
    .map((d): Transaction => {
      if (!Number.isSafeInteger(d.amountCents) || d.amountCents <= 0)
        throw new RangeError(`a disbursement of ${grant.reference} is not a positive whole number of cents`);
      if (!isCalendarDate(d.paidOn)) throw new RangeError(`a disbursement of ${grant.reference} has no date`);
      return {
        id: withPrefix(prefix, grant.reference, 'disbursement', d.id),
        transactionDate: d.paidOn,
        currency: 'EUR',
        value: d.amountCents / 100,
        provider: grant.funder.identifier,
        recipient: recipientId,
      };
    });
  const cents = grant.disbursements.reduce((sum, d) => sum + d.amountCents, 0);
  return {
    amountDisbursed: cents / 100,
    ...(transactions.length ? { disbursementTransaction: transactions } : {}),
  };
}

function toGrant(prefix: string, grant: OpenGrant): ThreeSixtyGivingGrant {
  if (!Number.isSafeInteger(grant.amountCents))
    throw new RangeError(`amount of ${grant.reference} is not whole cents: ${grant.amountCents}`);
  const locations = beneficiaryLocation(grant);
  const classes = classifications(grant);
  const planned = grant.plannedDates;
  const recipient = recipientOrganization(prefix, grant);
  return {
    id: grantIdentifier(prefix, grant),
    title: grant.title,
    description: grant.description,
    currency: 'EUR',
    // Currency units: dividing whole cents by 100 gives the double nearest the decimal amount.
    amountAwarded: grant.amountCents / 100,
    ...disbursed(prefix, grant, recipient.id),
    awardDate: awardDateOf(grant),
    ...(planned
      ? { plannedDates: [{ startDate: planned.startDate, ...(planned.endDate ? { endDate: planned.endDate } : {}) }] }
      : {}),
    recipientOrganization: [recipient],
    fundingOrganization: [{ id: grant.funder.identifier, name: grant.funder.name }],
    grantProgramme: [{ code: grant.call.code, title: grant.call.title, url: grant.call.url }],
    ...(locations.length > 0 ? { beneficiaryLocation: locations } : {}),
    ...(classes.length > 0 ? { classifications: classes } : {}),
    ...(grant.dataSource ? { dataSource: grant.dataSource } : {}),
  };
}

/** The grants in 360Giving form, ordered by identifier. Throws if two grants would share one. */
function threeSixtyGivingGrants(
  grants: readonly OpenGrant[],
  meta: Pick<PackageMeta, 'prefix'>,
): ThreeSixtyGivingGrant[] {
  const mapped = grants.map((g) => toGrant(meta.prefix, g)).sort((a, b) => byText(a.id, b.id));
  mapped.forEach((g, i) => {
    if (i > 0 && mapped[i - 1]?.id === g.id) throw new RangeError(`two grants have the identifier ${g.id}`);
  });
  return mapped;
}

/**
 * The 360Giving JSON package of these grants, or null when there are none: the package schema
 * requires at least one grant, so there is no valid empty package to serve.
 */
export function threeSixtyGivingPackage(
  grants: readonly OpenGrant[],
  meta: PackageMeta,
): ThreeSixtyGivingPackage | null {
  if (grants.length === 0) return null;
  return {
    version: '1.4',
    license: meta.license,
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    grants: threeSixtyGivingGrants(grants, meta),
  };
}

type Cell = CsvCell;

// Column titles are the schema's titles joined by ":", as flatten-tool writes 360Giving's template
// (--use-titles --rollup). A list of one item per grant is rolled up ("Recipient Org:Name").
const FIXED_COLUMNS: readonly (readonly [string, (g: ThreeSixtyGivingGrant) => Cell])[] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Amount Disbursed', (g) => g.amountDisbursed],
  ['Award Date', (g) => g.awardDate],
  ['Planned Dates:Start Date', (g) => g.plannedDates?.[0]?.startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates?.[0]?.endDate],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0].id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0].name],
  ['Recipient Org:Street Address', (g) => g.recipientOrganization[0].streetAddress],
  ['Recipient Org:City', (g) => g.recipientOrganization[0].addressLocality],
  ['Recipient Org:Postal Code', (g) => g.recipientOrganization[0].postalCode],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0].id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0].name],
  ['Grant Programme:Code', (g) => g.grantProgramme[0].code],
  ['Grant Programme:Title', (g) => g.grantProgramme[0].title],
  ['Grant Programme:URL', (g) => g.grantProgramme[0].url],
  ['Data Source', (g) => g.dataSource],
];

// Repeated objects are numbered from 0 in the main sheet ("Beneficiary Location:1:Name"), as in
// 360Giving's guide to location data; there are as many groups as the longest list needs.
function repeated<T>(
  title: string,
  fields: readonly (readonly [string, (item: T) => Cell])[],
  lists: readonly T[][],
): { head: string[]; cells: (i: number) => Cell[] } {
  const count = lists.reduce((most, l) => Math.max(most, l.length), 0);
  const indexes = Array.from({ length: count }, (_, n) => n);
  return {
    head: indexes.flatMap((n) => fields.map(([field]) => `${title}:${n}:${field}`)),
    cells: (i) =>
      indexes.flatMap((n) => {
        const item = lists[i]?.[n];
        return fields.map(([, value]) => (item === undefined ? undefined : value(item)));
      }),
  };
}

/**
 * The grants as one CSV sheet (UTF-8, comma, CRLF) with 360Giving's column titles, one row per grant.
 * Text that a spreadsheet would run as a formula is neutralised (csvSafe.ts): the file is public.
 */
export function threeSixtyGivingCsv(grants: readonly OpenGrant[], meta: Pick<PackageMeta, 'prefix'>): string {
  const mapped = threeSixtyGivingGrants(grants, meta);
  const locations = repeated<Location>(
    'Beneficiary Location',
    [
      ['Name', (l) => l.name],
      ['Country Code', (l) => l.countryCode],
      ['Geographic Code', (l) => l.geoCode],
    ],
    mapped.map((g) => g.beneficiaryLocation ?? []),
  );
  const classes = repeated<Classification>(
    'Classifications',
    [
      ['Vocabulary', (c) => c.vocabulary],
      ['Code', (c) => c.code],
      ['Title', (c) => c.title],
    ],
    mapped.map((g) => g.classifications ?? []),
  );
  // The schema gives disbursementTransaction no title: flatten-tool then heads its columns with the field's name.
  const transfers = repeated<Transaction>(
    'disbursementTransaction',
    [
      ['Identifier', (d) => d.id],
      ['Transaction Date', (d) => d.transactionDate],
      ['Currency', (d) => d.currency],
      ['Value', (d) => d.value],
    ],
    mapped.map((g) => g.disbursementTransaction ?? []),
  );
  // Amount Disbursed only in a feed that tells it (a call's grants before any payment data say nothing of it).
  const tellsDisbursed = mapped.some((g) => g.amountDisbursed !== undefined);
  const columns = FIXED_COLUMNS.filter(([title]) => tellsDisbursed || title !== 'Amount Disbursed');
  const head = [...columns.map(([title]) => title), ...locations.head, ...classes.head, ...transfers.head];
  const rows = mapped.map((g, i) => [
    ...columns.map(([, value]) => value(g)),
    ...locations.cells(i),
    ...classes.cells(i),
    ...transfers.cells(i),
  ]);
  return writeCsv([head, ...rows]);
}
