// A SEPA credit transfer file, ISO 20022 pain.001.001.09 as the EPC's customer-to-bank guidelines restrict it
// (EPC132-08, 2023 version; the schema is reference-data/sepa/pain.001.001.09.xsd): one payment information block
// from the funder's account, one transaction per tranche, each with the grantee's Belgian structured
// communication as a creditor reference (RmtInf/Strd/CdtrRefInf: Tp/CdOrPrtry/Cd = SCOR, Tp/Issr = BBA, the
// Febelfin rule that Belgian banks read to reconcile the payment).
//
// The file is written as a sequence of string chunks, one per transaction, so that a route can stream a batch
// of any size with flat memory. Everything that could make the file invalid is checked before the first chunk:
// a stream that fails half-way would hand the bank a truncated file.

import { isCalendarDate } from '../calendarDate.ts';
import { parseIban } from '../iban.ts';
import type { Cents } from '../money.ts';
import { parseStructuredCommunication } from '../structuredCommunication.ts';
import { isSepaIdentifier, sepaText } from './sepaText.ts';

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

/**
 * A postal address in the structured form the EPC requires from November 2026. Town and country are the least
 * it accepts; street, building number and postcode are written when known.
 */
export interface PostalAddress {
  street?: string | null;
  buildingNumber?: string | null;
  postcode?: string | null;
  town: string;
  /** ISO 3166 alpha-2, upper case: "BE". */
  country: string;
}

export interface SepaParty {
  name: string;
  /** Electronic form, as parseIban returns it. */
  iban: string;
  /** Optional in SEPA since 2016: without it the bank finds the account's bank from the IBAN. */
  bic?: string | null;
  address: PostalAddress;
}

export interface CreditTransferBatch {
  /** Unique per file for the funder's bank (it refuses a second file with the same id). */
  messageId: string;
  createdAt: Date;
  /** The day the funder's bank is asked to execute the transfers, YYYY-MM-DD. */
  executionDate: string;
  /** ISO 20022 external category purpose code (e.g. "GOVT"), if the funder's bank asks for one. */
  categoryPurpose?: string | null;
  debtor: SepaParty & {
    /** The funder's enterprise number (10 digits): identifies the initiating party to Belgian banks. */
    enterpriseNumber?: string | null;
  };
}

export interface CreditTransfer {
  /** Travels with the payment to the grantee's statement; unique within the file. */
  endToEndId: string;
  amountCents: Cents;
  creditor: SepaParty;
  /** Twelve digits, as parseStructuredCommunication returns them. */
  structuredCommunication: string;
}

export type SepaProblemCode =
  | 'no-payments'
  | 'message-id'
  | 'created-at'
  | 'execution-date'
  | 'category-purpose'
  | 'end-to-end-id'
  | 'duplicate-end-to-end-id'
  | 'amount'
  | 'name'
  | 'iban'
  | 'bic'
  | 'address'
  | 'enterprise-number'
  | 'structured-communication';

/** What stops a file from being written: `payment` is the transaction's index, null for the batch or debtor. */
export interface SepaProblem {
  payment: number | null;
  code: SepaProblemCode;
}

export class SepaInputError extends Error {
  constructor(readonly problems: readonly SepaProblem[]) {
    super(`SEPA file refused: ${problems.map((p) => `${p.payment ?? 'batch'}:${p.code}`).join(', ')}`);
    this.name = 'SepaInputError';
  }
}

// EPC limits: amounts from 0.01 to 999,999,999.99 euros.
const MAX_AMOUNT_CENTS = 99_999_999_999;
const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

function partyProblems(party: SepaParty, payment: number | null): SepaProblem[] {
  const problems: SepaProblem[] = [];
  const at = (code: SepaProblemCode) => problems.push({ payment, code });
  // A name or town that transliterates to punctuation only (a script the SEPA set lacks) names nobody.
  const readable = (text: string, max: number) => /[A-Za-z0-9]/.test(sepaText(text, max));
  if (!readable(party.name, 70)) at('name');
  const iban = parseIban(party.iban);
  if (!iban.ok || iban.value !== party.iban) at('iban');
  if (party.bic && !BIC.test(party.bic)) at('bic');
  if (!readable(party.address.town, 35) || !/^[A-Z]{2}$/.test(party.address.country)) at('address');
  return problems;
}

/** Every reason the file cannot be written; an empty list means writeCreditTransfers will not throw. */
export function creditTransferProblems(batch: CreditTransferBatch, payments: readonly CreditTransfer[]): SepaProblem[] {
  const problems: SepaProblem[] = [];
  const atBatch = (code: SepaProblemCode) => problems.push({ payment: null, code });
  if (payments.length === 0) atBatch('no-payments');
  if (!isSepaIdentifier(batch.messageId)) atBatch('message-id');
  if (Number.isNaN(batch.createdAt.getTime())) atBatch('created-at');
  if (!isCalendarDate(batch.executionDate)) atBatch('execution-date');
  if (batch.categoryPurpose != null && !/^[A-Z]{4}$/.test(batch.categoryPurpose)) atBatch('category-purpose');
  if (batch.debtor.enterpriseNumber != null && !/^[01][0-9]{9}$/.test(batch.debtor.enterpriseNumber))
    atBatch('enterprise-number');
  problems.push(...partyProblems(batch.debtor, null));

  const ids = new Set<string>();
  payments.forEach((p, i) => {
    const at = (code: SepaProblemCode) => problems.push({ payment: i, code });
    if (!isSepaIdentifier(p.endToEndId)) at('end-to-end-id');
    else if (ids.has(p.endToEndId)) at('duplicate-end-to-end-id');
    ids.add(p.endToEndId);
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents < 1 || p.amountCents > MAX_AMOUNT_CENTS) at('amount');
    const scor = parseStructuredCommunication(p.structuredCommunication);
    if (!scor.ok || scor.value !== p.structuredCommunication) at('structured-communication');
    problems.push(...partyProblems(p.creditor, i));
  });
  return problems;
}

/** 1234 cents → "12.34": the decimal the schema wants, computed on integers. */
function amount(cents: number): string {
  return `${(cents - (cents % 100)) / 100}.${String(cents % 100).padStart(2, '0')}`;
}

function element(name: string, value: string | null | undefined): string {
  return value ? `<${name}>${value}</${name}>` : '';
}

function address(a: PostalAddress): string {
  return (
    '<PstlAdr>' +
    element('StrtNm', sepaText(a.street ?? '', 70)) +
    element('BldgNb', sepaText(a.buildingNumber ?? '', 16)) +
    element('PstCd', sepaText(a.postcode ?? '', 16)) +
    element('TwnNm', sepaText(a.town, 35)) +
    element('Ctry', a.country) +
    '</PstlAdr>'
  );
}

function header(batch: CreditTransferBatch, count: number, controlSum: string): string {
  const d = batch.debtor;
  const initiatingId = d.enterpriseNumber
    ? `<Id><OrgId><Othr><Id>${d.enterpriseNumber}</Id><Issr>KBO-BCE</Issr></Othr></OrgId></Id>`
    : '';
  const typeInfo =
    '<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl>' +
    (batch.categoryPurpose ? `<CtgyPurp><Cd>${batch.categoryPurpose}</Cd></CtgyPurp>` : '') +
    '</PmtTpInf>';
  // Without the debtor's BIC the EPC guidelines ask for Othr/Id = NOTPROVIDED.
  const debtorAgent = d.bic ? `<BICFI>${d.bic}</BICFI>` : '<Othr><Id>NOTPROVIDED</Id></Othr>';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Document xmlns="${PAIN_001_NAMESPACE}">\n<CstmrCdtTrfInitn>\n` +
    `<GrpHdr><MsgId>${batch.messageId}</MsgId><CreDtTm>${batch.createdAt.toISOString().slice(0, 19)}Z</CreDtTm>` +
    `<NbOfTxs>${count}</NbOfTxs><CtrlSum>${controlSum}</CtrlSum>` +
    `<InitgPty><Nm>${sepaText(d.name, 70)}</Nm>${initiatingId}</InitgPty></GrpHdr>\n` +
    `<PmtInf><PmtInfId>${batch.messageId}</PmtInfId><PmtMtd>TRF</PmtMtd>` +
    `<NbOfTxs>${count}</NbOfTxs><CtrlSum>${controlSum}</CtrlSum>${typeInfo}` +
    `<ReqdExctnDt><Dt>${batch.executionDate}</Dt></ReqdExctnDt>` +
    `<Dbtr><Nm>${sepaText(d.name, 70)}</Nm>${address(d.address)}</Dbtr>` +
    `<DbtrAcct><Id><IBAN>${d.iban}</IBAN></Id></DbtrAcct>` +
    `<DbtrAgt><FinInstnId>${debtorAgent}</FinInstnId></DbtrAgt><ChrgBr>SLEV</ChrgBr>\n`
  );
}

function transaction(p: CreditTransfer): string {
  const c = p.creditor;
  return (
    `<CdtTrfTxInf><PmtId><EndToEndId>${p.endToEndId}</EndToEndId></PmtId>` +
    `<Amt><InstdAmt Ccy="EUR">${amount(p.amountCents)}</InstdAmt></Amt>` +
    (c.bic ? `<CdtrAgt><FinInstnId><BICFI>${c.bic}</BICFI></FinInstnId></CdtrAgt>` : '') +
    `<Cdtr><Nm>${sepaText(c.name, 70)}</Nm>${address(c.address)}</Cdtr>` +
    `<CdtrAcct><Id><IBAN>${c.iban}</IBAN></Id></CdtrAcct>` +
    '<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp>' +
    `<Ref>${p.structuredCommunication}</Ref></CdtrRefInf></Strd></RmtInf></CdtTrfTxInf>\n`
  );
}

function* chunks(batch: CreditTransferBatch, payments: readonly CreditTransfer[], total: Cents): Generator<string> {
  yield header(batch, payments.length, amount(total));
  for (const p of payments) yield transaction(p);
  yield '</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n';
}

/**
 * The pain.001.001.09 file of `payments` from `batch.debtor`, as UTF-8 text chunks: the header (with the count
 * and control sum of every transaction), one chunk per transaction, and the closing tags. Guarantees: the file
 * is valid against the EPC schema; the control sums equal the sum of the amounts to the cent; all free text is in
 * the SEPA character set and within the schema's lengths (names 70, towns 35). Throws SepaInputError, at the call
 * and before any chunk, when creditTransferProblems finds anything.
 */
export function writeCreditTransfers(
  batch: CreditTransferBatch,
  payments: readonly CreditTransfer[],
): Iterable<string> {
  const problems = creditTransferProblems(batch, payments);
  if (problems.length > 0) throw new SepaInputError(problems);
  let total = 0;
  for (const p of payments) total += p.amountCents; // each ≤ 10^11, so exact for far more than any batch holds
  return chunks(batch, payments, total);
}

/** The whole file as one string: for small batches and tests; routes stream writeCreditTransfers instead. */
export function creditTransferXml(batch: CreditTransferBatch, payments: readonly CreditTransfer[]): string {
  return [...writeCreditTransfers(batch, payments)].join('');
}
