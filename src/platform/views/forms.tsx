import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';

/** A field's error as a message key with its values, so the view translates it in the reader's language. */
export interface FieldError {
  key: MessageKey;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError | undefined>;

/** Every POST form carries the CSRF token; this is the only way pages open a form. */
export function Form({ ctx, action, children, class: className, multipart }: { ctx: ViewContext; action: string; children: ComponentChildren; class?: string; multipart?: boolean }) {
  return (
    <form method="post" action={action} class={className} noValidate enctype={multipart ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
      {children}
    </form>
  );
}

/** Lists the errors at the top of the form, each linking to its field (GOV.UK pattern, WCAG 3.3.1). */
export function ErrorSummary({ ctx, errors, labels }: { ctx: ViewContext; errors: FieldErrors; labels: Record<string, string> }) {
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

interface FieldProps {
  ctx: ViewContext;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'time';
  value?: string;
  required?: boolean;
  hint?: string;
  error?: FieldError | undefined;
  autocomplete?: string;
  maxLength?: number;
}

/** A labelled input with its hint and its error tied to it through aria-describedby. */
export function Field({ ctx, name, label, type = 'text', value, required, hint, error, autocomplete, maxLength }: FieldProps) {
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
      <input
        id={id}
        name={name}
        // preact's input types are a union per type; this component only renders text-like inputs.
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        autocomplete={autocomplete}
        maxLength={maxLength}
      />
    </div>
  );
}

interface SelectProps {
  ctx: ViewContext;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: FieldError | undefined;
}

export function Select({ ctx, name, label, options, value, error }: SelectProps) {
  const id = `field-${name}`;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {ctx.t(error.key, error.values)}
        </p>
      )}
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TextareaProps {
  ctx: ViewContext;
  name: string;
  label: string;
  value?: string | undefined;
  required?: boolean;
  hint?: string;
  error?: FieldError | undefined;
  maxLength?: number;
  rows?: number;
}

export function Textarea({ ctx, name, label, value, required, hint, error, maxLength, rows = 6 }: TextareaProps) {
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
      <textarea id={id} name={name} rows={rows} maxLength={maxLength} aria-required={required ? 'true' : undefined} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {value ?? ''}
      </textarea>
    </div>
  );
}

/** A file input; its form must be sent as multipart. */
export function FileInput({ ctx, name, label, hint, error }: { ctx: ViewContext; name: string; label: string; hint?: string; error?: FieldError | undefined }) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
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
      <input id={id} name={name} type="file" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy} />
    </div>
  );
}
