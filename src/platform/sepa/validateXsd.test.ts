import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditTransferXml } from '../../domain/sepa/pain001.ts';
import { sampleBatch, samplePayments } from '../../domain/sepa/testing.ts';
import { validatePain001 } from './validateXsd.ts';

const NS = '{urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}';
const twoPayments = creditTransferXml(sampleBatch(), samplePayments(2));

test('files of 1, 3 and 5,000 payments are valid against the EPC schema', () => {
  for (const n of [1, 3, 5_000])
    assert.deepEqual(validatePain001(creditTransferXml(sampleBatch(), samplePayments(n))), [], `${n}`);
});

test('a file without a BIC, with a category purpose and address fallbacks is valid too', () => {
  const batch = sampleBatch({
    categoryPurpose: 'GOVT',
    debtor: { ...sampleBatch().debtor, bic: null, enterpriseNumber: null },
  });
  const payments = samplePayments(4).map((p) => ({ ...p, creditor: { ...p.creditor, bic: null } }));
  assert.deepEqual(validatePain001(creditTransferXml(batch, payments)), []);
});

test('a misspelt element is reported with the schema message: the `sepa` package writes CdorPrtry', () => {
  const broken = twoPayments.replace('<CdOrPrtry>', '<CdorPrtry>').replace('</CdOrPrtry>', '</CdorPrtry>');
  assert.deepEqual(validatePain001(broken), [
    {
      line: 6,
      message: `Element '${NS}CdorPrtry': This element is not expected. Expected is ( ${NS}CdOrPrtry ).`,
    },
  ]);
});

test('a missing control sum is reported where the schema expected it', () => {
  const broken = twoPayments.replace(/<CtrlSum>[^<]*<\/CtrlSum>/, '');
  assert.deepEqual(validatePain001(broken), [
    { line: 4, message: `Element '${NS}InitgPty': This element is not expected. Expected is ( ${NS}CtrlSum ).` },
  ]);
});

test('values the schema restricts are checked too (an amount with three decimals), and a truncated file is not well-formed', () => {
  const [amountProblem] = validatePain001(twoPayments.replace(/(<InstdAmt Ccy="EUR">)([0-9]+\.[0-9]{2})/, '$1$21'));
  assert.match(amountProblem!.message, /InstdAmt.*fractionDigits/);
  assert.equal(validatePain001(twoPayments.replace('</Document>', '')).length, 1, 'not well-formed');
});

// The same verdicts from Debian's xmllint when it is installed: a second, independent libxml2 build.
const XMLLINT = '/usr/bin/xmllint';
test(
  'xmllint --schema agrees',
  { skip: !existsSync(XMLLINT) && 'xmllint is not installed (apt-get install libxml2-utils)' },
  () => {
    const xsd = fileURLToPath(new URL('../../../reference-data/sepa/pain.001.001.09.xsd', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'octroi-sepa-'));
    try {
      const lint = (xml: string) => {
        const file = join(dir, 'pain.xml');
        writeFileSync(file, xml);
        return spawnSync(XMLLINT, ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
      };
      const good = lint(creditTransferXml(sampleBatch(), samplePayments(3)));
      assert.equal(good.status, 0, good.stderr);
      assert.match(good.stderr, /validates/);
      const bad = lint(twoPayments.replace(/<CtrlSum>[^<]*<\/CtrlSum>/, ''));
      assert.notEqual(bad.status, 0);
      assert.match(bad.stderr, /InitgPty': This element is not expected\. Expected is \( .*CtrlSum \)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
