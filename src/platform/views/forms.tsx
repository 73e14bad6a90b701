import type { ComponentChildren } from 'preact';
import { LOCALES, type Locale } from '../../domain/locale.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';

/** A field's error as a message key with its values, so the view translates it in the reader's language. */
export interface FieldError {
  key: MessageKey;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError | undefined>;

/** Every POST form carries the CSRF token; this is the only way pages open a form. */
export function Form({
  ctx,
  action,
  children,
  class: className,
  multipart,
}: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  multipart?: boolean;
}) {
  return (
    <form
      method="post"
      action={action}
      class={className}
      noValidate
      enctype={multipart ? 'multipart/form-data' : undefined}
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
      {children}
    </form>
  );
}

/** Lists the errors at the top of the form, each linking to its field (GOV.UK pattern, WCAG 3.3.1). */
export function ErrorSummary({
  ctx,
  errors,
  labels,
}: {
  ctx: ViewContext;
  errors: FieldErrors;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors).filter((e): e is [string, FieldError] => !!e[1]);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([name, error]) => (
          <li>
            <a href={`#field-${name}`}>
              {labels[name] ?? name}: {ctx.t(error.key, error.values)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Frame {
  ctx: ViewContext;
  name: string;
  label: string;
  required?: boolean | undefined;
  hint?: string | undefined;
  error?: FieldError | undefined;
  /** The language the field is typed in, when it is not the page's (a text entered per language). */
  lang?: Locale | undefined;
}

/**
 * The parts every input shares: its label, hint and error, and the attributes that tie them to
 * the control (id, aria-describedby, aria-invalid) for screen readers.
 */
function FieldFrame({
  ctx,
  name,
  label,
  required,
  hint,
  error,
  lang,
  control,
}: Frame & { control: (a: ControlAttributes) => ComponentChildren }) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {required && <span class="required"> ({ctx.t('form.required')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {ctx.t(error.key, error.values)}
        </p>
      )}
      {control({
        id,
        name,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? 'true' : undefined,
        lang,
      })}
    </div>
  );
}

interface ControlAttributes {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  'aria-required': 'true' | undefined;
  lang: Locale | undefined;
}

interface FieldProps extends Frame {
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'time' | 'search';
  value?: string | undefined;
  autocomplete?: string | undefined;
  maxLength?: number | undefined;
}

/** A labelled input with its hint and its error tied to it through aria-describedby. */
export function Field({ type = 'text', value, autocomplete, maxLength, ...frame }: FieldProps) {
  return (
    <FieldFrame
      {...frame}
      control={(a) => (
        // preact's input types are a union per type; this component only renders text-like inputs.
        <input
          {...a}
          type={type as 'text'}
          value={type === 'password' ? undefined : value}
          required={frame.required}
          autocomplete={autocomplete}
          maxLength={maxLength}
        />
      )}
    />
  );
}

/**
 * A text input in a table cell, one per row of a long table: the column header says what it is, so the
 * label (which names the row) is for screen readers only, and nothing else is drawn unless there is an
 * error. A page of two thousand rows renders in half the time it takes with a Field each.
 */
export function CellInput({
  ctx,
  name,
  label,
  value,
  error,
}: Pick<Frame, 'ctx' | 'name' | 'label' | 'error'> & { value?: string | undefined }) {
  const id = `field-${name}`;
  const input = (
    <input
      id={id}
      name={name}
      type="text"
      value={value}
      aria-label={label}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    />
  );
  if (!error) return input;
  return (
    <div class="field field-error">
      <p class="error" id={`${id}-error`}>
        {ctx.t(error.key, error.values)}
      </p>
      {input}
    </div>
  );
}

interface SelectProps extends Frame {
  options: { value: string; label: string }[];
  value?: string | undefined;
}

export function Select({ options, value, ...frame }: SelectProps) {
  return (
    <FieldFrame
      {...frame}
      control={(a) => (
        <select {...a}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

interface TextareaProps extends Frame {
  value?: string | undefined;
  maxLength?: number | undefined;
  rows?: number | undefined;
}

export function Textarea({ value, maxLength, rows = 6, ...frame }: TextareaProps) {
  return (
    <FieldFrame
      {...frame}
      control={(a) => (
        <textarea {...a} rows={rows} maxLength={maxLength}>
          {value ?? ''}
        </textarea>
      )}
    />
  );
}

/** The suffix of a text's field in each language: `titleFr`, `titleNl`, `titleEn`. */
export const LANGUAGE_SUFFIX: Record<Locale, 'Fr' | 'Nl' | 'En'> = { fr: 'Fr', nl: 'Nl', en: 'En' };

/**
 * One text typed in each language, as a group: a field per language, named `${name}Fr` and so on, each marked with the
 * language it is typed in. The languages in `required` are required (a funder's languages) when the text is.
 */
export function PerLanguageFields({
  ctx,
  name,
  legend,
  hint,
  required,
  requiredLanguages,
  values,
  errors,
  multiline,
  maxLength,
}: {
  ctx: ViewContext;
  name: string;
  legend: string;
  hint?: string;
  required?: boolean;
  requiredLanguages: readonly Locale[];
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
  multiline?: boolean;
  maxLength?: number;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {LOCALES.map((lang) => {
        const field = `${name}${LANGUAGE_SUFFIX[lang]}`;
        const frame = {
          ctx,
          name: field,
          lang,
          label: ctx.t(`admin.funder.language.${lang}` as MessageKey),
          required: !!required && requiredLanguages.includes(lang),
          value: values?.[field],
          error: errors?.[field],
          maxLength,
        };
        return multiline ? <Textarea {...frame} rows={4} /> : <Field {...frame} />;
      })}
    </fieldset>
  );
}

/** A file input; its form must be sent as multipart. */
export function FileInput(frame: Frame) {
  return <FieldFrame {...frame} control={(a) => <input {...a} type="file" />} />;
}

/** Why an action was refused, at the top of the page that is shown again (a typed refusal's messages). */
export function RefusalSummary({ ctx, refusals }: { ctx: ViewContext; refusals?: readonly MessageKey[] | undefined }) {
  if (!refusals?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      {refusals.length === 1 ? (
        <p>{ctx.t(refusals[0]!)}</p>
      ) : (
        <ul>
          {refusals.map((key) => (
            <li>{ctx.t(key)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
