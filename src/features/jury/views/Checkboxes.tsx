import type { ViewContext } from '../../../platform/views/context.ts';
import type { FieldError } from '../../../platform/views/forms.tsx';

/**
 * A labelled group of checkboxes sending every ticked value under one name, each box inline with
 * its label (outside `.field`, whose full-width input style is meant for text inputs).
 */
export function Checkboxes({
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
  checked: readonly string[];
  error?: FieldError | undefined;
}) {
  return (
    <fieldset
      id={`field-${name}`}
      class={error ? 'field-error' : undefined}
      aria-describedby={error ? `field-${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p class="error" id={`field-${name}-error`}>
          {ctx.t(error.key, error.values)}
        </p>
      )}
      {options.map((o, i) => (
        <div class="choice">
          <input type="checkbox" id={`${name}-${i}`} name={name} value={o.value} checked={checked.includes(o.value)} />
          <label for={`${name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
