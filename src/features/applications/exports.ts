import writeXlsxFile from 'write-excel-file/node';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { isCalendarDate } from '../../domain/calendarDate.ts';
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
/** An amount in euros (from whole cents): a number with a euro format in a spreadsheet. */
export interface EurosCell {
  kind: 'euros';
  euros: number;
}
/** A calendar day or an instant: a real date in a spreadsheet, shown on the Brussels calendar and clock. */
export interface DateCell {
  kind: 'date';
  /** YYYY-MM-DD, Brussels. */
  date: string;
  /** HH:mm, Brussels; absent for a calendar day. */
  time?: string;
}
/** Numbers, amounts and dates keep their type, so an officer can sum and sort; everything else is text. */
export type ExportCell = string | number | EurosCell | DateCell;

const euros = (cents: number): EurosCell => ({ kind: 'euros', euros: cents / 100 });
const instant = (at: Date): DateCell => ({ kind: 'date', ...instantToBrussels(at) });

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
    r.submittedAt ? instant(r.submittedAt) : '',
    r.requestedCents === null ? '' : euros(r.requestedCents),
    ...fields.map((f) => answerCell(ctx, f, (r.answers as Answers)[f.id] ?? null, managed.targetPublics)),
  ]);
  return [head, ...body];
}

function answerCell(ctx: ViewContext, field: FieldDef, value: AnswerValue, publics: readonly Term[]): ExportCell {
  if (field.type === 'file') return Array.isArray(value) ? value.length : 0;
  if (field.type === 'number' && typeof value === 'number') return value;
  if (field.type === 'money' && typeof value === 'number') return euros(value);
  if (field.type === 'date' && typeof value === 'string' && isCalendarDate(value)) return { kind: 'date', date: value };
  return answerAsText(ctx, field, value, publics);
}

/**
 * CSV as Excel opens it in Belgium: UTF-8 with a byte-order mark, semicolons, the reader's decimal
 * mark; text that a spreadsheet would run as a formula is neutralised (csvSafe.ts).
 */
export function toCsv(table: ExportCell[][], locale: Locale): string {
  // Dates as ISO text (2026-03-02 11:00), which spreadsheets read as dates and which sort as text too.
  const plain = table.map((row) =>
    row.map((cell) =>
      typeof cell !== 'object'
        ? cell
        : cell.kind === 'euros'
          ? cell.euros
          : [cell.date, cell.time].filter(Boolean).join(' '),
    ),
  );
  return writeCsv(plain, { delimiter: ';', decimalMark: locale === 'en' ? '.' : ',', bom: true });
}

/** Excel's number formats: two decimals with the euro sign after; a date, with the time when there is one. */
export const EUROS_FORMAT = '#,##0.00 "€"';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

function xlsxCell(value: ExportCell) {
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'string') return { value, type: String };
  if (value.kind === 'euros') return { value: value.euros, type: Number, format: EUROS_FORMAT };
  // A spreadsheet date has no time zone: the Brussels wall clock is written as it reads.
  const wall = new Date(`${value.date}T${value.time ?? '00:00'}:00Z`);
  return { value: wall, type: Date, format: value.time ? DATE_TIME_FORMAT : DATE_FORMAT };
}

/**
 * Text cells are written as strings, numbers as numbers, amounts as numbers in euros and dates as dates:
 * an XLSX cell is a formula only when typed as one.
 */
export async function toXlsx(table: ExportCell[][]): Promise<Buffer> {
  const [head = [], ...body] = table;
  const data = [
    head.map((value) => ({ value: String(value), type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map(xlsxCell)),
  ];
  return Buffer.from(await writeXlsxFile(data, { sheet: 'Applications', stickyRowsCount: 1 }).toBuffer());
}
