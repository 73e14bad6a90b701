import type { IndicatorDefinition, IndicatorValues } from '../../../domain/grants/reportIndicators.ts';
import { indicatorFieldName } from '../../../domain/grants/reportForm.ts';
import { DIGCOMP_AREAS } from '../../../domain/referenceData.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { FieldError, FieldErrors } from '../../../platform/views/forms.tsx';

const idOf = (name: string) => `field-${name.replace(/\./g, '-')}`;

function ErrorText({ ctx, id, error }: { ctx: ViewContext; id: string; error: FieldError | undefined }) {
  return error ? (
    <p class="error" id={`${id}-error`}>
      {ctx.t(error.key, error.values)}
    </p>
  ) : null;
}

function CountInput(props: { ctx: ViewContext; name: string; label: string; value: unknown; error?: FieldError }) {
  const id = idOf(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <ErrorText ctx={props.ctx} id={id} error={props.error} />
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode="numeric"
        size={8}
        value={typeof props.value === 'number' ? String(props.value) : ''}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** The indicators, as inputs (`editable`) or as a read-only list; errors at their fields. */
export function Indicators({
  ctx,
  definitions,
  values,
  errors = {},
  editable,
}: {
  ctx: ViewContext;
  definitions: readonly IndicatorDefinition[];
  values: IndicatorValues;
  errors?: FieldErrors;
  editable: boolean;
}) {
  const { t, locale } = ctx;
  if (!editable)
    return (
      <dl class="facts">
        {definitions.map((d) => {
          const v = values[d.id];
          const shown =
            v === undefined || v === null
              ? '—'
              : d.kind === 'breakdown'
                ? d.categories
                    .filter((c) => typeof (v as Record<string, number>)[c.key] === 'number')
                    .map((c) =>
                      t('reports.breakdown.item', {
                        category: inLocale(c.label, locale),
                        count: (v as Record<string, number>)[c.key]!,
                      }),
                    )
                    .join(' · ')
                : d.kind === 'digcomp-areas'
                  ? DIGCOMP_AREAS.filter((a) => (v as string[]).includes(a.id))
                      .map((a) => inLocale(a.label, locale))
                      .join(' · ')
                  : String(v);
          return (
            <>
              <dt>{inLocale(d.label, locale)}</dt>
              <dd class={d.kind === 'narrative' ? 'prose' : undefined}>{shown || '—'}</dd>
            </>
          );
        })}
      </dl>
    );
  return (
    <>
      {definitions.map((d) => {
        const label = inLocale(d.label, locale);
        const name = indicatorFieldName(d.id);
        switch (d.kind) {
          case 'count':
            return <CountInput ctx={ctx} name={name} label={label} value={values[d.id]} error={errors[d.id]} />;
          case 'breakdown': {
            const split = (values[d.id] ?? {}) as Record<string, number>;
            return (
              <fieldset class={errors[d.id] ? 'field-error' : undefined} id={idOf(name)}>
                <legend>{label}</legend>
                <p class="hint">{t('reports.breakdown.hint')}</p>
                <ErrorText ctx={ctx} id={idOf(name)} error={errors[d.id]} />
                <div class="grid-inputs">
                  {d.categories.map((c) => (
                    <CountInput
                      ctx={ctx}
                      name={indicatorFieldName(d.id, c.key)}
                      label={inLocale(c.label, locale)}
                      value={split[c.key]}
                      error={errors[`${d.id}.${c.key}`]}
                    />
                  ))}
                </div>
              </fieldset>
            );
          }
          case 'digcomp-areas': {
            const ticked = Array.isArray(values[d.id]) ? (values[d.id] as string[]) : [];
            return (
              <fieldset id={idOf(name)}>
                <legend>{label}</legend>
                <ErrorText ctx={ctx} id={idOf(name)} error={errors[d.id]} />
                {DIGCOMP_AREAS.map((a) => (
                  <div>
                    <input
                      type="checkbox"
                      id={`${idOf(name)}-${a.id}`}
                      name={name}
                      value={a.id}
                      checked={ticked.includes(a.id)}
                    />{' '}
                    <label for={`${idOf(name)}-${a.id}`}>{inLocale(a.label, locale)}</label>
                  </div>
                ))}
              </fieldset>
            );
          }
          case 'narrative': {
            const id = idOf(name);
            return (
              <div class={errors[d.id] ? 'field field-error' : 'field'}>
                <label for={id}>
                  {label}
                  {d.required && <span class="required"> ({t('form.required')})</span>}
                </label>
                <ErrorText ctx={ctx} id={id} error={errors[d.id]} />
                <textarea
                  id={id}
                  name={name}
                  rows={8}
                  maxLength={d.maxLength}
                  aria-invalid={errors[d.id] ? 'true' : undefined}
                  aria-describedby={errors[d.id] ? `${id}-error` : undefined}
                >
                  {typeof values[d.id] === 'string' ? (values[d.id] as string) : ''}
                </textarea>
              </div>
            );
          }
        }
      })}
    </>
  );
}
