import { colon } from '../../../platform/i18n/i18n.ts';
import { CallPageNav } from './CallNav.tsx';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { AnswerFields } from '../../forms/AnswerFields.tsx';
import type { CallForManagement } from '../service.ts';

/** The form exactly as an applicant will see it, every section on one page, nothing sent anywhere. */
export function FormPreviewPage({ ctx, managed }: { ctx: ViewContext; managed: CallForManagement }) {
  const { t, locale } = ctx;
  const publics = managed.targetPublics.filter((p) => managed.call.targetPublics.includes(p.key));
  return (
    <Layout ctx={ctx} title={t('manage.form.preview')}>
      <CallPageNav ctx={ctx} call={managed.call} />
      <h1>
        {t('manage.form.preview')}
        {colon(locale)} {inLocale(managed.call.title, locale)}
      </h1>
      <p class="flash">{t('manage.form.previewNote')}</p>
      <form aria-label={t('manage.form.preview')}>
        {managed.form.sections.map((section) => (
          <section aria-labelledby={`preview-${section.id}`}>
            <h2 id={`preview-${section.id}`}>{inLocale(section.title, locale)}</h2>
            <AnswerFields ctx={ctx} fields={section.fields} raw={{}} publics={publics} />
          </section>
        ))}
      </form>
    </Layout>
  );
}
