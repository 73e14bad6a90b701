import { LOCALES } from '../../../domain/locale.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, RefusalSummary, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { TemplatePage as TemplateData } from '../service.ts';
import { GrantsNav } from './GrantsNav.tsx';

export interface TemplatePageProps {
  ctx: ViewContext;
  page: TemplateData;
  values?: Record<string, string>;
  errors?: FieldErrors;
  refusals?: readonly MessageKey[];
}

const LANGUAGE: Record<(typeof LOCALES)[number], MessageKey> = {
  fr: 'grants.template.fr',
  nl: 'grants.template.nl',
  en: 'grants.template.en',
};

/** The call's own agreement clauses, one text per language, printed in the agreements sent from now on. */
export function TemplatePage({ ctx, page, values, errors, refusals }: TemplatePageProps) {
  const { t, locale } = ctx;
  const call = page.call.record;
  const title = `${t('grants.template.title')} — ${inLocale(call.title, locale)}`;
  const labels = Object.fromEntries(LOCALES.map((l) => [l, t(LANGUAGE[l])]));
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={call.id} />
      <RefusalSummary ctx={ctx} refusals={refusals} />
      {errors && <ErrorSummary ctx={ctx} errors={errors} labels={labels} />}
      <p>{t('grants.template.intro')}</p>
      <Form ctx={ctx} action={`/manage/calls/${call.id}/agreement-template`}>
        <input type="hidden" name="version" value={String(page.version)} />
        {LOCALES.map((l) => (
          <Textarea
            ctx={ctx}
            name={l}
            label={labels[l]!}
            hint={t('grants.template.hint')}
            value={values?.[l] ?? page.clauses[l]}
            error={errors?.[l]}
            maxLength={20_000}
            rows={10}
          />
        ))}
        <button type="submit">{t('grants.template.save')}</button>
      </Form>
    </Layout>
  );
}
