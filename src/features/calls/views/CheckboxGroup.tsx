import type { ViewContext } from '../../../platform/views/context.ts';
import type { FieldError } from '../../../platform/views/forms.tsx';

/** A labelled group of checkboxes sending every ticked value under one name. */
export function CheckboxGroup({
  ctx,
  name,
  legend,
  options,
  checked,
  error,
}: {
  ctx: ViewContext;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: FieldError | undefined;
}) {
  return (
    <fieldset class={error ? 'field field-error' : 'field'}>
      <legend>{legend}</legend>
      {error && <p class="error">{ctx.t(error.key, error.values)}</p>}
      <div class="choices">
        {options.map((o, i) => (
          <div class="choice">
            <input
              type="checkbox"
              id={`${name}-${i}`}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />
            <label for={`${name}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
