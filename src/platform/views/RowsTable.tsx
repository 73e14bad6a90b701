import type { MessageKey } from '../i18n/i18n.ts';
import type { ViewContext } from './context.ts';
import type { FieldErrors } from './forms.tsx';

const BLANK_ROWS = 2;

export interface RowsColumn {
  key: string;
  label: MessageKey;
  size?: number;
  /** A choice among these (a select) instead of a text input. */
  options?: readonly { value: string; label: string }[];
}

/**
 * A table of rows sent as `prefix.<index>.<column>` fields (read back with formRows), each cell a labelled input
 * or select; a row's `id` rides along hidden. Blank rows at the end add lines without JavaScript.
 */
export function RowsTable({
  ctx,
  prefix,
  caption,
  columns,
  rows,
  errors,
}: {
  ctx: ViewContext;
  prefix: string;
  caption: string;
  columns: RowsColumn[];
  rows: Record<string, string>[];
  errors: FieldErrors;
}) {
  const { t } = ctx;
  const all = [...rows, ...Array.from({ length: BLANK_ROWS }, () => ({}) as Record<string, string>)];
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{t(c.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {all.map((row, i) => (
            <tr>
              {columns.map((c, ci) => {
                const name = `${prefix}.${i}.${c.key}`;
                const error = errors[name];
                // The id the error summary's links lead to, as Field gives it.
                const described = {
                  id: `field-${name}`,
                  'aria-label': `${t(c.label)} ${i + 1}`,
                  'aria-invalid': error ? ('true' as const) : undefined,
                  'aria-describedby': error ? `${name}-error` : undefined,
                };
                return (
                  <td class={error ? 'field-error' : undefined}>
                    {ci === 0 && row.id && <input type="hidden" name={`${prefix}.${i}.id`} value={row.id} />}
                    {c.options ? (
                      <select name={name} {...described}>
                        {c.options.map((o) => (
                          <option value={o.value} selected={row[c.key] === o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input type="text" name={name} value={row[c.key] ?? ''} size={c.size ?? 20} {...described} />
                    )}
                    {error && (
                      <p class="error" id={`${name}-error`}>
                        {t(error.key, error.values)}
                      </p>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
