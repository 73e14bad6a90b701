import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SepaInputError,
  creditTransferProblems,
  creditTransferXml,
  writeCreditTransfers,
  type CreditTransfer,
} from './pain001.ts';
import { sampleBatch, samplePayments } from './testing.ts';

const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

test('the counts and control sums, in the group header and the payment block, are exact to the cent', () => {
  const payments = samplePayments(3).map((p, i) => ({ ...p, amountCents: [1, 100, 5_690_433][i]! }));
  const xml = creditTransferXml(sampleBatch(), payments);
  assert.deepEqual(all(xml, 'NbOfTxs'), ['3', '3']);
  assert.deepEqual(all(xml, 'CtrlSum'), ['56905.34', '56905.34']);
  assert.deepEqual(
    [...xml.matchAll(/<InstdAmt Ccy="EUR">([^<]*)<\/InstdAmt>/g)].map((m) => m[1]),
    ['0.01', '1.00', '56904.33'],
  );
});

test('each transaction carries its Belgian structured communication as a SCOR reference issued by BBA', () => {
  const [p] = samplePayments(1);
  const xml = creditTransferXml(sampleBatch(), [{ ...p!, structuredCommunication: '123456789002' }]);
  assert.ok(
    xml.includes(
      '<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp>' +
        '<Ref>123456789002</Ref></CdtrRefInf></Strd></RmtInf>',
    ),
  );
  // EPC format rule: the tags and data inside Strd stay within 140 characters.
  assert.ok(/<Strd>(.*)<\/Strd>/.exec(xml)![1]!.length <= 140);
});

test('names and addresses are in the SEPA character set and within the schema lengths', () => {
  const xml = creditTransferXml(sampleBatch(), samplePayments(4));
  const names = all(xml, 'Nm');
  assert.equal(names[0], 'Bruxelles Economie Emploi');
  assert.ok(names.includes("Cafe Numerique ' Le Pont ' 4"));
  assert.ok(names.includes('Maison de quartier Hotel-Dieu + Cie 1'));
  for (const n of names) assert.ok(n!.length >= 1 && n!.length <= 70, n);
  const text = xml.replace(/^<\?xml[^>]*>/, '').replace(/<[^>]+>/g, '');
  assert.match(text, /^[A-Za-z0-9/\-?:().,'+ \n]*$/);
});

test('a structured address when known, else town and country; a BIC only when given', () => {
  const xml = creditTransferXml(sampleBatch({ debtor: { ...sampleBatch().debtor, bic: null } }), samplePayments(4));
  assert.ok(
    xml.includes(
      '<PstlAdr><StrtNm>Rue de la Loi</StrtNm><BldgNb>1</BldgNb><PstCd>1000</PstCd><TwnNm>Bruxelles</TwnNm><Ctry>BE</Ctry></PstlAdr>',
    ),
  );
  assert.ok(xml.includes('<PstlAdr><TwnNm>Schaerbeek</TwnNm><Ctry>BE</Ctry></PstlAdr>'));
  assert.ok(xml.includes('<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>'));
  assert.equal((xml.match(/<CdtrAgt>/g) ?? []).length, 2, 'payments 1 and 4 have a BIC');
  assert.ok(
    xml.includes(
      '<InitgPty><Nm>Bruxelles Economie Emploi</Nm><Id><OrgId><Othr><Id>0316381039</Id><Issr>KBO-BCE</Issr>',
    ),
  );
});

test('the file is streamed as a header, one chunk per transaction and the closing tags', () => {
  const chunks = [...writeCreditTransfers(sampleBatch({ categoryPurpose: 'GOVT' }), samplePayments(5))];
  assert.equal(chunks.length, 7);
  assert.match(chunks[0]!, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(chunks[0]!, /<CtgyPurp><Cd>GOVT<\/Cd><\/CtgyPurp>/);
  for (const c of chunks.slice(1, 6)) assert.match(c, /^<CdtTrfTxInf>.*<\/CdtTrfTxInf>\n$/);
  assert.equal(chunks[6], '</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n');
});

test('every problem is reported at once, with the transaction it is in', () => {
  const [a, b] = samplePayments(2) as [CreditTransfer, CreditTransfer];
  const problems = creditTransferProblems(
    sampleBatch({ messageId: 'has space', executionDate: '2026-02-30', categoryPurpose: 'government' }),
    [
      { ...a, amountCents: 0, structuredCommunication: '123456789003' },
      {
        ...b,
        endToEndId: a.endToEndId,
        amountCents: 12.5,
        creditor: {
          ...b.creditor,
          name: '  ',
          iban: 'BE68 5390 0754 7034',
          bic: 'gebabebb',
          address: { town: '', country: 'be' },
        },
      },
    ],
  );
  assert.deepEqual(problems, [
    { payment: null, code: 'message-id' },
    { payment: null, code: 'execution-date' },
    { payment: null, code: 'category-purpose' },
    { payment: 0, code: 'amount' },
    { payment: 0, code: 'structured-communication' },
    { payment: 1, code: 'duplicate-end-to-end-id' },
    { payment: 1, code: 'amount' },
    { payment: 1, code: 'name' },
    { payment: 1, code: 'iban' }, // the printed form: the file wants the electronic one
    { payment: 1, code: 'bic' },
    { payment: 1, code: 'address' },
  ]);
  assert.deepEqual(creditTransferProblems(sampleBatch(), []), [{ payment: null, code: 'no-payments' }]);
  assert.deepEqual(
    creditTransferProblems(sampleBatch(), [{ ...a, creditor: { ...a.creditor, name: '北京' } }]),
    [{ payment: 0, code: 'name' }],
    'a name in a script the SEPA set lacks',
  );
  assert.deepEqual(
    creditTransferProblems(sampleBatch(), [{ ...a, amountCents: 100_000_000_000 }]),
    [{ payment: 0, code: 'amount' }],
    'the EPC maximum is 999,999,999.99 euros',
  );
});

test('a batch with a problem is refused when the writer is called, before any chunk', () => {
  const [a] = samplePayments(1);
  assert.throws(
    () => writeCreditTransfers(sampleBatch(), [{ ...a!, amountCents: -5 }]),
    (e: unknown) => e instanceof SepaInputError && e.problems[0]?.code === 'amount',
  );
});
