import { colon } from '../../../platform/i18n/i18n.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, FileInput, Form, RefusalSummary, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import { Layout } from '../../../platform/views/Layout.tsx';
import { problemMessage } from '../forms.ts';
import type { DirectoryImportPreview } from '../service.ts';
import { DirectoryStyles } from './placeBits.tsx';

/** Uploading a file of places: nothing is written before the preview is confirmed. */
export function ImportPage({
  ctx,
  funders,
  refusals,
  errors = {},
}: {
  ctx: ViewContext;
  funders: { id: string; name: Translated }[];
  refusals?: readonly MessageKey[] | undefined;
  errors?: FieldErrors;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.import.title')}>
      <h1>{t('directory.import.title')}</h1>
      <p>{t('directory.import.intro')}</p>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <Form ctx={ctx} action="/manage/places/import" multipart>
        <Select
          ctx={ctx}
          name="funderId"
          label={t('directory.form.funder')}
          options={funders.map((f) => ({ value: f.id, label: inLocale(f.name, locale) }))}
        />
        <Field ctx={ctx} name="source" label={t('directory.import.source')} hint={t('directory.import.sourceHint')} />
        <FileInput ctx={ctx} name="file" label={t('directory.import.file')} required error={errors.file} />
        <button type="submit">{t('directory.import.preview')}</button>
      </Form>
    </Layout>
  );
}

/** What the file would do: places added, changed (which fields), unchanged, and each bad row with its line and reasons. */
export function ImportPreviewPage({
  ctx,
  batch,
  preview,
  refusals,
}: {
  ctx: ViewContext;
  batch: { id: string; fileName: string; appliedAt: Date | null; counts: Record<string, number> | null };
  preview: DirectoryImportPreview | null;
  refusals?: readonly MessageKey[] | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('directory.import.previewTitle', { file: batch.fileName })}>
      <DirectoryStyles />
      <h1>{t('directory.import.previewTitle', { file: batch.fileName })}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      {batch.appliedAt && batch.counts && (
        <p role="status">
          {t('directory.import.applied', {
            added: batch.counts.added ?? 0,
            changed: batch.counts.changed ?? 0,
            unchanged: batch.counts.unchanged ?? 0,
            bad: batch.counts.bad ?? 0,
          })}
        </p>
      )}
      {preview && (
        <>
          <h2>{t('directory.import.added', { count: preview.added.length })}</h2>
          <ul>
            {preview.added.map((r) => (
              <li>
                {t('directory.import.line', { line: r.line })}
                {colon(locale)} {r.place.name}
              </li>
            ))}
          </ul>
          <h2>{t('directory.import.changed', { count: preview.changed.length })}</h2>
          <ul>
            {preview.changed.map((c) => (
              <li>
                {t('directory.import.line', { line: c.line })}
                {colon(locale)} {c.after.name} — {t('directory.import.fields', { fields: c.fields.join(', ') })}
              </li>
            ))}
          </ul>
          <p>{t('directory.import.unchanged', { count: preview.unchanged.length })}</p>
          <h2>{t('directory.import.bad', { count: preview.bad.length })}</h2>
          <ul>
            {preview.bad.map((row) => (
              <li>
                {t('directory.import.line', { line: row.line })}
                {colon(locale)}{' '}
                {row.problems
                  .map((p) => {
                    const message = problemMessage(p as Parameters<typeof problemMessage>[0]);
                    const where = p.column
                      ? `${t('directory.import.column', { column: p.column })}${colon(locale)} `
                      : '';
                    return where + t(message.key, message.values);
                  })
                  .join(' ; ')}
              </li>
            ))}
          </ul>
          {preview.ignoredColumns.length > 0 && (
            <p>{t('directory.import.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>
          )}
          {!batch.appliedAt &&
            (preview.added.length + preview.changed.length > 0 ? (
              <Form ctx={ctx} action={`/manage/places/import/${batch.id}`}>
                <button type="submit">{t('directory.import.apply')}</button>
              </Form>
            ) : (
              <p>{t('directory.import.nothing')}</p>
            ))}
        </>
      )}
      <p>
        <a href="/manage/places">{t('directory.manage.title')}</a>
      </p>
    </Layout>
  );
}
