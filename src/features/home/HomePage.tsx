import { inLocale } from '../../domain/translated.ts';
import { Layout } from '../../platform/views/Layout.tsx';
import type { ViewContext } from '../../platform/views/context.ts';
import type { FunderWithCalls } from '../calls/service.ts';
import { CallFacts } from '../calls/views/CallFacts.tsx';

export function HomePage({ ctx, funders }: { ctx: ViewContext; funders: FunderWithCalls[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <section aria-labelledby="help-near-you" class="card">
        <h2 id="help-near-you">{t('home.directory.title')}</h2>
        <p>{t('home.directory.text')}</p>
        <p>
          <a class="button" href="/help">
            {t('home.directory.link')}
          </a>
        </p>
      </section>
      <section aria-labelledby="impact" class="card">
        <h2 id="impact">{t('impact.home.title')}</h2>
        <p>{t('impact.home.text')}</p>
        <p>
          <a href="/impact">{t('impact.home.link')}</a>
        </p>
      </section>
      {funders.length === 0 && <p>{t('home.noFunders')}</p>}
      {funders.map((funder) => (
        <section aria-labelledby={`funder-${funder.slug}`}>
          <h2 id={`funder-${funder.slug}`}>{t('home.funderCalls', { funder: inLocale(funder.name, locale) })}</h2>
          {inLocale(funder.description, locale) && <p>{inLocale(funder.description, locale)}</p>}
          {funder.calls.length === 0 ? (
            <p>{t('home.noCalls')}</p>
          ) : (
            <ul class="cards">
              {funder.calls.map((call) => (
                <li class="card">
                  <h3>
                    <a href={`/calls/${call.id}`}>{inLocale(call.title, locale)}</a>
                  </h3>
                  <p>{inLocale(call.summary, locale)}</p>
                  <CallFacts ctx={ctx} call={call} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}
