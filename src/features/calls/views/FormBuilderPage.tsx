import { colon } from '../../../platform/i18n/i18n.ts';
import { FIELD_TYPES, type FormDefinition } from '../../../domain/forms/definition.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Select, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { CallForManagement } from '../service.ts';
import { CallManagementBar } from './CallEditorPage.tsx';

interface Props {
  ctx: ViewContext;
  managed: CallForManagement;
  /** The field editor's content: empty to add a field, filled to edit one, or as sent after an error. */
  fieldValues?: Record<string, string>;
  fieldErrors?: FieldErrors;
  sectionErrors?: FieldErrors;
  /** Problems of the form as a whole (codes from the form's validation). */
  refusals?: MessageKey[] | undefined;
}

/** The form builder: the sections and their fields in order, with an editor for one field at a time. */
export function FormBuilderPage({ ctx, managed, fieldValues, fieldErrors = {}, sectionErrors = {}, refusals }: Props) {
  const { t, locale } = ctx;
  const c = managed.call;
  const form: FormDefinition = managed.form;
  const version = String(c.version);
  const base = `/manage/calls/${c.id}/form`;
  const editing = fieldValues?.id && form.sections.some((s) => s.fields.some((f) => f.id === fieldValues.id));
  const v = fieldValues ?? { sectionId: form.sections[0]?.id ?? '', type: 'short-text', version };
  const fieldLabels: Record<string, string> = {
    sectionId: t('manage.form.section'),
    id: t('manage.form.fieldId'),
    type: t('manage.form.type'),
    labelFr: t('manage.form.labelFr'),
    labelNl: t('manage.form.labelNl'),
    labelEn: t('manage.form.labelEn'),
    helpFr: t('manage.form.helpFr'),
    helpNl: t('manage.form.helpNl'),
    helpEn: t('manage.form.helpEn'),
    maxLength: t('manage.form.maxLength'),
    min: t('manage.form.min'),
    max: t('manage.form.max'),
    options: t('manage.form.options'),
  };
  const editable = managed.can.editForm;
  const action = (path: string, label: string, name: string) =>
    editable && (
      <Form ctx={ctx} action={`${base}/${path}`} class="inline">
        <input type="hidden" name="version" value={version} />
        <button type="submit" class="secondary small" aria-label={`${label}: ${name}`}>
          {label}
        </button>
      </Form>
    );
  return (
    <Layout ctx={ctx} title={t('manage.form.title')}>
      <p>
        <a href={`/manage/calls/${c.id}`}>{inLocale(c.title, locale)}</a>
      </p>
      <h1>{t('manage.form.title')}</h1>
      <CallManagementBar ctx={ctx} managed={managed} />
      <p>{t('manage.form.version', { version: managed.formVersion })}</p>
      {refusals?.length ? (
        <div class="error-summary" role="alert">
          {refusals.some((key) => key.startsWith('manage.form.problem.')) && <p>{t('manage.form.invalid')}</p>}
          <ul>
            {refusals.map((key) => (
              <li>{t(key)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {form.sections.map((section) => (
        <section aria-labelledby={`section-${section.id}`} class="card">
          <h2 id={`section-${section.id}`}>{inLocale(section.title, locale)}</h2>
          {section.fields.length === 0 ? (
            <>
              <p>{t('manage.form.emptySection')}</p>
              {action(`sections/${section.id}/remove`, t('manage.form.removeSection'), inLocale(section.title, locale))}
            </>
          ) : (
            <ol class="field-list">
              {section.fields.map((f) => {
                const name = inLocale(f.label, locale);
                return (
                  <li>
                    <strong>{name}</strong> — {t(`manage.form.type.${f.type}` as MessageKey)}
                    {f.required && ` (${t('form.required')})`} <code>{f.id}</code>
                    <span class="actions">
                      {editable && (
                        <a
                          href={`${base}?edit=${f.id}#field-editor`}
                          aria-label={`${t('manage.form.edit')}${colon(locale)} ${name}`}
                        >
                          {t('manage.form.edit')}
                        </a>
                      )}
                      {action(`fields/${f.id}/up`, t('manage.form.up'), name)}
                      {action(`fields/${f.id}/down`, t('manage.form.down'), name)}
                      {action(`fields/${f.id}/remove`, t('manage.form.remove'), name)}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ))}

      {editable && (
        <>
          <section aria-labelledby="field-editor-title" id="field-editor">
            <h2 id="field-editor-title">{editing ? t('manage.form.editField') : t('manage.form.addField')}</h2>
            <ErrorSummary ctx={ctx} errors={fieldErrors} labels={fieldLabels} />
            <Form ctx={ctx} action={`${base}/fields`}>
              <input type="hidden" name="version" value={version} />
              <Select
                ctx={ctx}
                name="sectionId"
                label={fieldLabels.sectionId!}
                value={v.sectionId}
                error={fieldErrors.sectionId}
                options={form.sections.map((s) => ({ value: s.id, label: inLocale(s.title, locale) }))}
              />
              <Field
                ctx={ctx}
                name="id"
                label={fieldLabels.id!}
                value={v.id}
                error={fieldErrors.id}
                required
                hint={t('manage.form.fieldIdHint')}
              />
              <Select
                ctx={ctx}
                name="type"
                label={fieldLabels.type!}
                value={v.type}
                error={fieldErrors.type}
                options={FIELD_TYPES.map((type) => ({
                  value: type,
                  label: t(`manage.form.type.${type}` as MessageKey),
                }))}
              />
              <Field
                ctx={ctx}
                name="labelFr"
                label={fieldLabels.labelFr!}
                value={v.labelFr}
                error={fieldErrors.labelFr}
                required
              />
              <Field
                ctx={ctx}
                name="labelNl"
                label={fieldLabels.labelNl!}
                value={v.labelNl}
                error={fieldErrors.labelNl}
              />
              <Field
                ctx={ctx}
                name="labelEn"
                label={fieldLabels.labelEn!}
                value={v.labelEn}
                error={fieldErrors.labelEn}
              />
              <Field ctx={ctx} name="helpFr" label={fieldLabels.helpFr!} value={v.helpFr} error={fieldErrors.helpFr} />
              <Field ctx={ctx} name="helpNl" label={fieldLabels.helpNl!} value={v.helpNl} error={fieldErrors.helpNl} />
              <Field ctx={ctx} name="helpEn" label={fieldLabels.helpEn!} value={v.helpEn} error={fieldErrors.helpEn} />
              <div class="field choice">
                <input type="checkbox" id="field-required" name="required" checked={v.required === 'on'} />
                <label for="field-required">{t('manage.form.required')}</label>
              </div>
              <Field
                ctx={ctx}
                name="maxLength"
                label={fieldLabels.maxLength!}
                value={v.maxLength}
                error={fieldErrors.maxLength}
                hint={t('manage.form.maxLengthHint')}
              />
              <Field ctx={ctx} name="min" label={fieldLabels.min!} value={v.min} error={fieldErrors.min} />
              <Field ctx={ctx} name="max" label={fieldLabels.max!} value={v.max} error={fieldErrors.max} />
              <Textarea
                ctx={ctx}
                name="options"
                label={fieldLabels.options!}
                value={v.options}
                error={fieldErrors.options}
                hint={t('manage.form.optionsHint')}
                rows={4}
              />
              <button type="submit">{editing ? t('manage.form.saveField') : t('manage.form.addField')}</button>
            </Form>
          </section>

          <section aria-labelledby="section-editor-title">
            <h2 id="section-editor-title">{t('manage.form.addSection')}</h2>
            <ErrorSummary
              ctx={ctx}
              errors={sectionErrors}
              labels={{ newSectionId: t('manage.form.sectionId'), titleFr: t('manage.form.titleFr') }}
            />
            <Form ctx={ctx} action={`${base}/sections`}>
              <input type="hidden" name="version" value={version} />
              <Field
                ctx={ctx}
                name="newSectionId"
                label={t('manage.form.sectionId')}
                error={sectionErrors.newSectionId}
                required
              />
              <Field ctx={ctx} name="titleFr" label={t('manage.form.titleFr')} error={sectionErrors.titleFr} required />
              <Field ctx={ctx} name="titleNl" label={t('manage.form.titleNl')} />
              <Field ctx={ctx} name="titleEn" label={t('manage.form.titleEn')} />
              <button type="submit">{t('manage.form.addSection')}</button>
            </Form>
          </section>
        </>
      )}
    </Layout>
  );
}
