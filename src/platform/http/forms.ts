import type { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import type { FieldError, FieldErrors } from '../views/forms.tsx';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses a submitted form with a schema whose messages are message keys. Errors come back per field,
 * with the submitted values, so the page is shown again with nothing the person typed lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = toFieldError(issue);
  }
  return { ok: false, errors, values: submittedValues(body) };
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const key = (issue.message.includes('.') ? issue.message : 'form.error.invalid') as MessageKey;
  if (issue.code === 'too_big') return { key, values: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small') return { key, values: { min: Number(issue.minimum) } };
  return { key };
}

/** The text values of a form body, passwords excluded: they are never echoed back into a page. */
export function submittedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!body || typeof body !== 'object') return values;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (/password|_csrf/i.test(k)) continue;
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') values[k] = v[0]; // a repeated name: its first value
  }
  return values;
}

/** The values of a repeated field (ticked boxes), as sent: only the strings, whatever else a request carries. */
export function submittedList(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  return [(body as Record<string, unknown>)[name]].flat().filter((v): v is string => typeof v === 'string');
}
