import { formatInstant } from '../../../domain/brusselsTime.ts';
import { LOCALES } from '../../../domain/locale.ts';
import { DIGCOMP_AREAS } from '../../../domain/referenceData.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { DeclarationView } from '../service.ts';
import { Checkboxes } from './Checkboxes.tsx';

interface Props {
  ctx: ViewContext;
  view: DeclarationView;
  values?: Record<string, string[]>;
  errors?: FieldErrors;
}

/** The independence declaration, signed by ticking it, with the juror's expertise and languages. */
export function DeclarationPage({ ctx, view, values, errors = {} }: Props) {
  const { t, locale } = ctx;
  const { seat, call } = view;
  const v = values ?? {
    targetPublics: seat.expertise.targetPublics,
    activityTypes: seat.expertise.activityTypes,
    digcompAreas: seat.expertise.digcompAreas,
    languages: seat.expertise.languages,
  };
  const labels = { declaration: t('jury.declaration.agree'), languages: t('jury.declaration.languages') };
  const callTitle = inLocale(call.title, locale);
  return (
    <Layout ctx={ctx} title={`${t('jury.declaration.title')} — ${callTitle}`}>
      <p>
        <a href="/jury">{t('jury.mine.title')}</a>
      </p>
      <h1>{t('jury.declaration.title')}</h1>
      <p>{callTitle}</p>
      {seat.declarationSignedAt && (
        <p class="flash">{t('jury.declaration.signedOn', { date: formatInstant(seat.declarationSignedAt, locale) })}</p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={`/jury/calls/${call.id}/declaration`}>
        <section aria-labelledby="expertise-title">
          <h2 id="expertise-title">{t('jury.declaration.expertiseTitle')}</h2>
          <p class="hint">{t('jury.declaration.expertiseHint')}</p>
          <Checkboxes
            ctx={ctx}
            name="targetPublics"
            legend={t('jury.expertise.publics')}
            options={view.publics.map((p) => ({ value: p.key, label: inLocale(p.label, locale) }))}
            checked={v.targetPublics ?? []}
          />
          <Checkboxes
            ctx={ctx}
            name="activityTypes"
            legend={t('jury.expertise.activities')}
            options={view.activityTypes.map((p) => ({ value: p.key, label: inLocale(p.label, locale) }))}
            checked={v.activityTypes ?? []}
          />
          <Checkboxes
            ctx={ctx}
            name="digcompAreas"
            legend={t('jury.expertise.digcomp')}
            options={DIGCOMP_AREAS.map((a) => ({ value: a.id, label: `${a.id}. ${inLocale(a.label, locale)}` }))}
            checked={v.digcompAreas ?? []}
          />
          <Checkboxes
            ctx={ctx}
            name="languages"
            legend={labels.languages}
            options={LOCALES.map((l) => ({ value: l, label: t(`jury.language.${l}` as MessageKey) }))}
            checked={v.languages ?? []}
            error={errors.languages}
          />
        </section>
        <section aria-labelledby="declaration-title">
          <h2 id="declaration-title">{t('jury.declaration.textTitle')}</h2>
          <p>{t('jury.declaration.text1', { call: callTitle })}</p>
          <p>{t('jury.declaration.text2')}</p>
          <p>{t('jury.declaration.text3')}</p>
          <div class={errors.declaration ? 'field-error' : undefined}>
            {errors.declaration && (
              <p class="error" id="field-declaration-error">
                {t(errors.declaration.key)}
              </p>
            )}
            <div class="choice">
              <input
                type="checkbox"
                id="field-declaration"
                name="declaration"
                value="yes"
                aria-invalid={errors.declaration ? 'true' : undefined}
                aria-describedby={errors.declaration ? 'field-declaration-error' : undefined}
              />
              <label for="field-declaration">{labels.declaration}</label>
            </div>
          </div>
        </section>
        <button type="submit">{t('jury.declaration.submit')}</button>
      </Form>
      <p>
        <a href={`/jury/calls/${call.id}/conflicts`}>{t('jury.conflicts.mineTitle')}</a>
      </p>
    </Layout>
  );
}
