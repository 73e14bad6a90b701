import type { ComponentChildren } from 'preact';
import { BUDGET_CATEGORIES, type FieldDef, type RawAnswers, type RawBudget } from '../../domain/forms/definition.ts';
import { MAX_BUDGET_LABEL_LENGTH } from '../../domain/forms/answers.ts';
import { formatMoney } from '../../domain/money.ts';
import { COMMUNES, DIGCOMP_AREAS } from '../../domain/referenceData.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../platform/views/context.ts';
import { inputName } from './answerBody.ts';

export interface AnswerError {
  code: string;
  values?: Record<string, string | number>;
}
export interface Term {
  key: string;
  label: Translated;
}

interface Props {
  ctx: ViewContext;
  fields: FieldDef[];
  raw: RawAnswers;
  errors?: Record<string, AnswerError | undefined>;
  /** The call's target publics: the only ones an applicant may choose. */
  publics: readonly Term[];
  /** Files attached to file fields, listed. */
  files?: Record<string, { id: string; name: string; href: string }[]>;
  /**
   * Whether file fields take files here: a file input and a "remove" box per file, sent with the
   * answers by the same (multipart) form. Without it, the files are only listed.
   */
  uploads?: boolean;
  /** A file refused by the last save, by field id. */
  fileErrors?: Record<string, MessageKey>;
  /** Fields that may not be changed (submitted application, or not reopened by the officer). */
  locked?: (fieldId: string) => boolean;
  /** What another person saved meanwhile, shown beside the field after a refused save. */
  theirs?: Record<string, string | undefined>;
}

/** An answer error in the reader's language; amounts in cents become money (`minCents` is shown as `{min}`). */
export function answerErrorText(ctx: Pick<ViewContext, 't' | 'locale'>, error: AnswerError): string {
  const values = Object.fromEntries(
    Object.entries(error.values ?? {}).map(([k, v]) =>
      k.endsWith('Cents') && typeof v === 'number'
        ? [k.slice(0, -'Cents'.length), formatMoney(v, ctx.locale, { cents: v % 100 !== 0 })]
        : [k, v],
    ),
  );
  return ctx.t(`answer.error.${error.code}` as MessageKey, values);
}

/** The inputs of a section of a call's form, as the applicant fills them (and as the officer previews them). */
export function AnswerFields({
  ctx,
  fields,
  raw,
  errors = {},
  publics,
  files = {},
  locked = () => false,
  theirs = {},
  uploads = false,
  fileErrors = {},
}: Props) {
  return (
    <>
      {fields.map((field) => (
        <AnswerField
          ctx={ctx}
          field={field}
          raw={raw}
          error={errors[field.id]}
          publics={publics}
          files={files[field.id] ?? []}
          disabled={locked(field.id)}
          theirs={theirs[field.id]}
          uploads={uploads}
          fileError={fileErrors[field.id]}
        />
      ))}
    </>
  );
}

function AnswerField({
  ctx,
  field,
  raw,
  error,
  publics,
  files,
  disabled,
  theirs,
  uploads,
  fileError,
}: {
  ctx: ViewContext;
  field: FieldDef;
  raw: RawAnswers;
  error?: AnswerError | undefined;
  publics: readonly Term[];
  files: { id: string; name: string; href: string }[];
  disabled: boolean;
  theirs?: string | undefined;
  uploads: boolean;
  fileError?: MessageKey | undefined;
}) {
  const { t, locale } = ctx;
  const id = `answer-${field.id}`;
  const label = inLocale(field.label, locale);
  const help = field.help ? inLocale(field.help, locale) : '';
  const describedBy =
    [help && `${id}-help`, error && `${id}-error`, theirs !== undefined && `${id}-theirs`].filter(Boolean).join(' ') ||
    undefined;
  const value = raw[field.id];
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? [value] : [];
  const common = {
    id,
    name: inputName(field.id),
    disabled,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? ('true' as const) : undefined,
  };
  const notes = (
    <>
      {help && (
        <p class="hint" id={`${id}-help`}>
          {help}
        </p>
      )}
      {theirs !== undefined && (
        <p class="conflict" id={`${id}-theirs`}>
          {t('application.conflict.theirs', { value: theirs || '—' })}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {answerErrorText(ctx, error)}
        </p>
      )}
    </>
  );
  const required = field.required && <span class="required"> ({t('form.required')})</span>;
  const wrap = (children: ComponentChildren) => <div class={error ? 'field field-error' : 'field'}>{children}</div>;
  const group = (
    options: { value: string; label: string }[],
    type: 'checkbox' | 'radio',
    checked: (v: string) => boolean,
  ) =>
    wrap(
      <fieldset aria-describedby={describedBy}>
        <legend>
          {label}
          {required}
        </legend>
        {notes}
        <div class="choices">
          {options.map((o, i) => (
            <div class="choice">
              <input
                type={type}
                id={`${id}-${i}`}
                name={inputName(field.id)}
                value={o.value}
                checked={checked(o.value)}
                disabled={disabled}
              />
              <label for={`${id}-${i}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>,
    );

  switch (field.type) {
    case 'short-text':
    case 'number':
    case 'money':
    case 'date':
      return wrap(
        <>
          <label for={id}>
            {label}
            {field.type === 'money' && ' (€)'}
            {required}
          </label>
          {notes}
          <input
            {...common}
            type={(field.type === 'date' ? 'date' : 'text') as 'text'}
            inputMode={field.type === 'number' || field.type === 'money' ? 'decimal' : undefined}
            value={text}
            maxLength={field.type === 'short-text' ? field.maxLength : undefined}
          />
        </>,
      );
    case 'long-text':
      return wrap(
        <>
          <label for={id}>
            {label}
            {required}
          </label>
          {notes}
          <p class="hint">{t('answer.maxLength', { max: field.maxLength })}</p>
          <textarea {...common} rows={8} maxLength={field.maxLength}>
            {text}
          </textarea>
        </>,
      );
    case 'single-choice':
      return group(
        field.options.map((o) => ({ value: o.value, label: inLocale(o.label, locale) })),
        'radio',
        (v) => v === text,
      );
    case 'multi-choice':
      return group(
        field.options.map((o) => ({ value: o.value, label: inLocale(o.label, locale) })),
        'checkbox',
        (v) => list.includes(v),
      );
    case 'yes-no':
      return group(
        [
          { value: 'yes', label: t('answer.yes') },
          { value: 'no', label: t('answer.no') },
        ],
        'radio',
        (v) => v === text,
      );
    case 'communes':
      return group(
        COMMUNES.map((c) => ({
          value: c.nis,
          label: locale === 'nl' ? c.nl : c.fr === c.nl ? c.fr : `${c.fr} / ${c.nl}`,
        })),
        'checkbox',
        (v) => list.includes(v),
      );
    case 'target-publics':
      return group(
        publics.map((p) => ({ value: p.key, label: inLocale(p.label, locale) })),
        'checkbox',
        (v) => list.includes(v),
      );
    case 'digcomp-areas':
      return group(
        DIGCOMP_AREAS.map((a) => ({ value: a.id, label: `${a.id}. ${inLocale(a.label, locale)}` })),
        'checkbox',
        (v) => list.includes(v),
      );
    case 'participants-per-public': {
      const counts = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
        string,
        string
      >;
      return wrap(
        <fieldset aria-describedby={describedBy}>
          <legend>
            {label}
            {required}
          </legend>
          {notes}
          {publics.map((p) => (
            <div class="inline-field">
              <label for={`${id}-${p.key}`}>{inLocale(p.label, locale)}</label>
              <input
                id={`${id}-${p.key}`}
                name={inputName(field.id, p.key)}
                type="text"
                inputMode="numeric"
                size={6}
                value={counts[p.key] ?? ''}
                disabled={disabled}
              />
            </div>
          ))}
        </fieldset>,
      );
    }
    case 'file': {
      if (!uploads || disabled)
        return wrap(
          <>
            <p class="label">
              {label}
              {required}
            </p>
            {notes}
            {files.length ? (
              <ul>
                {files.map((f) => (
                  <li>
                    <a href={f.href}>{f.name}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('answer.noFile')}</p>
            )}
          </>,
        );
      // Chosen and removed with the section's answers, by the section's own form and buttons.
      const fileDescribedBy = [help && `${id}-help`, `${id}-file-hint`, fileError && `${id}-file-error`]
        .filter(Boolean)
        .join(' ');
      return (
        <div class={fileError || error ? 'field field-error' : 'field'}>
          <fieldset aria-describedby={describedBy}>
            <legend>
              {label}
              {required}
            </legend>
            {notes}
            {files.length ? (
              <ul class="attached-files">
                {files.map((f, i) => (
                  <li>
                    <a href={f.href}>{f.name}</a>{' '}
                    <span class="choice inline-choice">
                      <input type="checkbox" id={`${id}-remove-${i}`} name="remove" value={f.id} />
                      <label for={`${id}-remove-${i}`}>{t('applicants.file.removeOnSave', { name: f.name })}</label>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('answer.noFile')}</p>
            )}
            <label for={id}>{t('applicants.file.add')}</label>
            <p class="hint" id={`${id}-file-hint`}>
              {t('file.hint')} {t('applicants.file.savedWithSection')}
            </p>
            {fileError && (
              <p class="error" id={`${id}-file-error`}>
                {t(fileError)}
              </p>
            )}
            <input
              type="file"
              id={id}
              name={inputName(field.id)}
              aria-describedby={fileDescribedBy}
              aria-invalid={fileError ? 'true' : undefined}
            />
          </fieldset>
        </div>
      );
    }
    case 'budget-table':
      return wrap(
        <BudgetTable
          ctx={ctx}
          id={id}
          field={field}
          label={label}
          required={required}
          notes={notes}
          budget={value as RawBudget | undefined}
          disabled={disabled}
        />,
      );
  }
}

const EMPTY_LINES = 3;

function BudgetTable({
  ctx,
  id,
  field,
  label,
  required,
  notes,
  budget,
  disabled,
}: {
  ctx: ViewContext;
  id: string;
  field: FieldDef;
  label: string;
  required: ComponentChildren;
  notes: ComponentChildren;
  budget: RawBudget | undefined;
  disabled: boolean;
}) {
  const { t } = ctx;
  // Empty rows let people add lines without JavaScript; blank rows are ignored when saving.
  const lines = [
    ...(budget?.lines ?? []),
    ...Array.from({ length: EMPTY_LINES }, () => ({ category: 'staff' as const, label: '', amount: '' })),
  ];
  const others = [...(budget?.otherFunding ?? []), ...Array.from({ length: 2 }, () => ({ source: '', amount: '' }))];
  return (
    <fieldset class="budget">
      <legend>
        {label}
        {required}
      </legend>
      {notes}
      <div class="table-scroll">
        <table>
          <caption>{t('budget.costs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.category')}</th>
              <th scope="col">{t('budget.label')}</th>
              <th scope="col">{t('budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr>
                <td>
                  <select
                    name={inputName(field.id, 'line', i, 'category')}
                    aria-label={t('budget.lineCategory', { line: i + 1 })}
                    disabled={disabled}
                  >
                    {BUDGET_CATEGORIES.map((c) => (
                      <option value={c} selected={c === line.category}>
                        {t(`budget.category.${c}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="text"
                    name={inputName(field.id, 'line', i, 'label')}
                    value={line.label}
                    maxLength={MAX_BUDGET_LABEL_LENGTH}
                    aria-label={t('budget.lineLabel', { line: i + 1 })}
                    disabled={disabled}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="decimal"
                    name={inputName(field.id, 'line', i, 'amount')}
                    value={line.amount}
                    aria-label={t('budget.lineAmount', { line: i + 1 })}
                    size={12}
                    disabled={disabled}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="field">
        <label for={`${id}-requested`}>{t('budget.requested')}</label>
        <input
          id={`${id}-requested`}
          type="text"
          inputMode="decimal"
          name={inputName(field.id, 'requested')}
          value={budget?.requested ?? ''}
          disabled={disabled}
        />
      </div>
      <div class="table-scroll">
        <table>
          <caption>{t('budget.otherFunding')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.source')}</th>
              <th scope="col">{t('budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {others.map((o, i) => (
              <tr>
                <td>
                  <input
                    type="text"
                    name={inputName(field.id, 'other', i, 'source')}
                    value={o.source}
                    maxLength={MAX_BUDGET_LABEL_LENGTH}
                    aria-label={t('budget.otherSource', { line: i + 1 })}
                    disabled={disabled}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    inputMode="decimal"
                    name={inputName(field.id, 'other', i, 'amount')}
                    value={o.amount}
                    aria-label={t('budget.otherAmount', { line: i + 1 })}
                    size={12}
                    disabled={disabled}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
