import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ApplicationView } from '../service.ts';

/** The proof of submission: reference, instant in Brussels time, and the fingerprint of the answers. */
export function ReceiptPage({ ctx, view }: { ctx: ViewContext; view: ApplicationView }) {
  const { t, locale } = ctx;
  const a = view.application;
  const last = view.submissions.at(-1);
  return (
    <Layout ctx={ctx} title={t('receipt.title')}>
      <h1>{t('receipt.title')}</h1>
      <p>{t('receipt.intro', { title: a.title, call: inLocale(view.context.call.title, locale) })}</p>
      {last && (
        <dl class="facts">
          <dt>{t('receipt.reference')}</dt>
          <dd>
            <code>{a.reference}</code>
          </dd>
          <dt>{t('receipt.submittedAt')}</dt>
          <dd>
            {formatInstant(last.submittedAt, locale)} ({t('receipt.brusselsTime')})
          </dd>
          <dt>{t('receipt.sha256')}</dt>
          <dd>
            <code class="hash">{last.sha256}</code>
          </dd>
        </dl>
      )}
      <p>{t('receipt.mailed')}</p>
      <p>
        <a href={`/applications/${a.id}`}>{t('receipt.back')}</a>
      </p>
    </Layout>
  );
}
