import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { formatEnterpriseNumber } from '../../domain/enterpriseNumber.ts';
import { allFields, type Answers, type FieldDef } from '../../domain/forms/definition.ts';
import type { Locale } from '../../domain/locale.ts';
import { inLocale } from '../../domain/translated.ts';
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import { answerAsText } from '../forms/AnswersView.tsx';
import type { ApplicationsService } from './service.ts';

type ExportData = Awaited<ReturnType<ApplicationsService['exportRows']>>;

/**
 * One row per submitted application, one column per question of the call's current form (answers
 * to the same field id line up across form versions), values written as a person reads them.
 */
export function exportTable(data: ExportData, locale: Locale, t: Translate): string[][] {
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
    r.requestedCents === null ? '' : (r.requestedCents / 100).toFixed(2).replace('.', locale === 'en' ? '.' : ','),
    ...fields.map((f) =>
      f.type === 'file'
        ? String(((r.answers as Answers)[f.id] as string[] | null)?.length ?? 0)
        : answerAsText(ctx, f, (r.answers as Answers)[f.id] ?? null, managed.targetPublics),
    ),
  ]);
  return [head, ...body];
}

/** CSV as Excel opens it in Belgium: UTF-8 with a byte-order mark, semicolons. */
export function toCsv(table: string[][]): string {
  return '\uFEFF' + stringify(table, { delimiter: ';', record_delimiter: 'windows' });
}

export async function toXlsx(table: string[][]): Promise<Buffer> {
  const [head = [], ...body] = table;
  const data = [
    head.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => ({ value }))),
  ];
  return Buffer.from(await writeXlsxFile(data, { sheet: 'Applications', stickyRowsCount: 1 }).toBuffer());
}
