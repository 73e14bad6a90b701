import writeXlsxFile from 'write-excel-file/node';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { writeCsv } from '../../domain/csvSafe.ts';
import { formatEnterpriseNumber } from '../../domain/enterpriseNumber.ts';
import { allFields, type AnswerValue, type Answers, type FieldDef } from '../../domain/forms/definition.ts';
import type { Locale } from '../../domain/locale.ts';
import { inLocale } from '../../domain/translated.ts';
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import type { Term } from '../forms/AnswerFields.tsx';
import { answerAsText } from '../forms/AnswersView.tsx';
import type { ApplicationsService } from './service.ts';

type ExportData = Awaited<ReturnType<ApplicationsService['exportRows']>>;
/** Amounts and numbers are numbers, so a spreadsheet can add them up; everything else is text. */
type ExportCell = string | number;

/**
 * One row per submitted application, one column per question of the call's current form (answers
 * to the same field id line up across form versions), values written as a person reads them.
 */
export function exportTable(data: ExportData, locale: Locale, t: Translate): ExportCell[][] {
  const { managed, rows } = data;
  const fields: FieldDef[] = allFields(managed.form);
  const ctx = { locale, t } as ViewContext;
  const head = [
    t('receipt.reference'),
    t('apply.projectTitle'),
    t('apply.organisation'),
    t('organisation.enterpriseNumber'),
    t('call.status'),
    t('receipt.submittedAt'),
    t('export.requested'),
    ...fields.map((f) => inLocale(f.label, locale)),
  ];
  const body = rows.map((r) => [
    r.reference ?? '',
    r.title,
    r.organisation?.name ?? '',
    r.organisation ? formatEnterpriseNumber(r.organisation.enterpriseNumber) : '',
    t(`application.status.${r.status}` as MessageKey),
    r.submittedAt ? formatInstant(r.submittedAt, locale) : '',
    r.requestedCents === null ? '' : r.requestedCents / 100,
    ...fields.map((f) => answerCell(ctx, f, (r.answers as Answers)[f.id] ?? null, managed.targetPublics)),
  ]);
  return [head, ...body];
}

function answerCell(ctx: ViewContext, field: FieldDef, value: AnswerValue, publics: readonly Term[]): ExportCell {
  if (field.type === 'file') return Array.isArray(value) ? value.length : 0;
  if (field.type === 'number' && typeof value === 'number') return value;
  if (field.type === 'money' && typeof value === 'number') return value / 100;
  return answerAsText(ctx, field, value, publics);
}

/**
 * CSV as Excel opens it in Belgium: UTF-8 with a byte-order mark, semicolons, the reader's decimal
 * mark; text that a spreadsheet would run as a formula is neutralised (csvSafe.ts).
 */
export function toCsv(table: ExportCell[][], locale: Locale): string {
  return writeCsv(table, { delimiter: ';', decimalMark: locale === 'en' ? '.' : ',', bom: true });
}

/** Text cells are written as strings, numbers as numbers: an XLSX cell is a formula only when typed as one. */
export async function toXlsx(table: ExportCell[][]): Promise<Buffer> {
  const [head = [], ...body] = table;
  const data = [
    head.map((value) => ({ value: String(value), type: String, fontWeight: 'bold' as const })),
    ...body.map((row) =>
      row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String })),
    ),
  ];
  return Buffer.from(await writeXlsxFile(data, { sheet: 'Applications', stickyRowsCount: 1 }).toBuffer());
}
