import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { unzip } from '../../../test/helpers/zip.ts';
import { exportTable, toCsv, toXlsx } from './exports.ts';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'a',
      title: { fr: 'Projet' },
      fields: [
        { id: 'contact', type: 'short-text', label: { fr: 'Téléphone' }, required: false },
        { id: 'balance', type: 'number', label: { fr: 'Solde' }, required: false },
        { id: 'cost', type: 'money', label: { fr: 'Coût' }, required: false },
      ],
    },
  ],
};

const HOSTILE_TITLE = '=HYPERLINK("https://evil.example","Click")';

const data = {
  managed: { form: FORM, targetPublics: [] },
  rows: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      reference: 'BEE-2026-0001',
      title: HOSTILE_TITLE,
      status: 'submitted',
      organisationId: '00000000-0000-4000-8000-000000000002',
      submittedAt: new Date('2026-03-02T10:00:00Z'),
      requestedCents: 4_000_050,
      answers: { contact: '+32 2 123 45 67', balance: -5, cost: 125_000 },
      organisation: { name: '@Les Amis', enterpriseNumber: '0403019261' },
    },
  ],
} as unknown as Parameters<typeof exportTable>[0];

test('CSV formula injection in the officer’s export: a formula title is text, amounts and numbers stay numbers', () => {
  const csv = toCsv(exportTable(data, 'fr', translator('fr')), 'fr');
  const [, row = ''] = csv.replace('\uFEFF', '').split('\r\n');
  const cells = row.split(';');
  assert.equal(cells[1], `"'=HYPERLINK(""https://evil.example"",""Click"")"`, 'the title cannot run');
  assert.equal(cells[2], `'@Les Amis`, 'nor can an organisation name');
  assert.equal(cells[6], '40000,5', 'the amount requested is a number, with the French decimal mark');
  assert.equal(cells[7], `'+32 2 123 45 67`, 'a phone number is text, and gets the prefix');
  assert.equal(cells[8], '-5', 'a negative number stays a number');
  assert.equal(cells[9], '1250', 'money is a number of euros');
  assert.match(toCsv(exportTable(data, 'en', translator('en')), 'en'), /;40000\.5;/, 'the English decimal mark');
});

test('CSV formula injection in the XLSX export: text cells are strings, never formulas; numbers are numbers', async () => {
  const files = unzip(await toXlsx(exportTable(data, 'fr', translator('fr'))));
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  const strings = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  assert.ok(sheet.includes('<sheetData>'), 'the sheet is read');
  assert.doesNotMatch(sheet, /<f>/, 'no cell holds a formula');
  assert.ok(strings.includes(`<t>${HOSTILE_TITLE}</t>`), 'the title is a string, as typed');
  assert.match(sheet, /<c r="G2"[^>]*><v>40000\.5<\/v><\/c>/, 'the amount requested is a number cell');
  assert.match(sheet, /<c r="I2"><v>-5<\/v><\/c>/, 'so is a negative number');
  assert.match(sheet, /<c r="B2" t="s">/, 'the title is a shared string');
});

/** The number format of a cell of the first sheet: its style index, then that style's numFmt code. */
function formatOf(files: Map<string, Buffer>, cell: string): { value: string; format: string | null } {
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  const styles = files.get('xl/styles.xml')?.toString('utf8') ?? '';
  const match = new RegExp(`<c r="${cell}"(?: s="(\\d+)")?[^>]*><v>([^<]*)</v>`).exec(sheet);
  assert.ok(match, `${cell} is a value cell`);
  const xfs = [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*)>/g)];
  const fmtId = /numFmtId="(\d+)"/.exec(xfs[Number(match[1] ?? 0)]?.[1] ?? '')?.[1];
  const code = fmtId ? new RegExp(`numFmtId="${fmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] : undefined;
  return { value: match[2]!, format: code ? code.replace(/&quot;/g, '"') : null };
}

test('XLSX export: amounts are numbers in a euro format, instants and answered dates real dates an officer can sort', async () => {
  const dated = {
    managed: {
      form: {
        sections: [
          {
            id: 'a',
            title: { fr: 'Projet' },
            fields: [
              { id: 'cost', type: 'money', label: { fr: 'Coût' }, required: false },
              { id: 'start', type: 'date', label: { fr: 'Début' }, required: false },
            ],
          },
        ],
      },
      targetPublics: [],
    },
    rows: [
      {
        ...data.rows[0]!,
        submittedAt: new Date('2026-08-08T02:31:00Z'),
        answers: { cost: 4_520_000, start: '2026-09-01' },
      },
    ],
  } as unknown as Parameters<typeof exportTable>[0];
  const table = exportTable(dated, 'fr', translator('fr'));
  const files = unzip(await toXlsx(table));
  assert.deepEqual(formatOf(files, 'G2'), { value: '40000.5', format: '#,##0.00 "€"' }, 'the amount requested');
  assert.deepEqual(formatOf(files, 'H2'), { value: '45200', format: '#,##0.00 "€"' }, 'a money answer');
  // 8 August 2026 04:31 in Brussels (02:31 UTC) as Excel's serial day: 46242 + 4h31/24h.
  const submitted = formatOf(files, 'F2');
  assert.equal(submitted.format, 'yyyy-mm-dd hh:mm');
  assert.ok(Math.abs(Number(submitted.value) - (46242 + (4 * 60 + 31) / 1440)) < 1e-6, submitted.value);
  assert.deepEqual(formatOf(files, 'I2'), { value: '46266', format: 'yyyy-mm-dd' }, 'a date answer, 1 September 2026');
  const csv = toCsv(table, 'fr').replace('\uFEFF', '').split('\r\n')[1]!.split(';');
  assert.deepEqual([csv[5], csv[6], csv[7], csv[8]], ['2026-08-08 04:31', '40000,5', '45200', '2026-09-01']);
});
