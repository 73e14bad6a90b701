import { formatCalendarDate } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CallResults } from '../publicResults.ts';

/** A call's published results, as a press release gives them: the funnel, the money, the funded projects. */
export function ResultsPage({ ctx, results }: { ctx: ViewContext; results: CallResults }) {
  const { t, locale } = ctx;
  const { call, funnel, decision } = results;
  const money = (cents: number) => formatMoney(cents, locale);
  const title = inLocale(call.title, locale);
  return (
    <Layout ctx={ctx} title={`${t('results.title')} — ${title}`}>
      <p>
        <a href={`/calls/${call.id}`}>{title}</a>
      </p>
      <h1>{t('results.heading', { call: title })}</h1>
      <p>
        {t('results.decidedBy', {
          body: inLocale(decision.decidingBody, locale),
          date: formatCalendarDate(decision.decidedOn, locale),
          funder: inLocale(call.funderName, locale),
        })}
      </p>
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('results.figures')}</h2>
        <dl class="facts">
          <dt>{t('results.submitted')}</dt>
          <dd>{funnel.submitted}</dd>
          <dt>{t('results.eligible')}</dt>
          <dd>{funnel.eligible}</dd>
          <dt>{t('results.selected')}</dt>
          <dd>{funnel.selected}</dd>
          <dt>{t('results.granted')}</dt>
          <dd>{t('results.grantedOf', { total: money(results.totalCents), budget: money(results.budgetCents) })}</dd>
        </dl>
      </section>
      <section aria-labelledby="projects-title">
        <h2 id="projects-title">{t('results.projects', { count: results.projects.length })}</h2>
        <ul class="projects">
          {results.projects.map((p) => (
            <li class="card">
              <h3>{p.title}</h3>
              <p>
                <strong>{p.organisationName}</strong> — {money(p.amountCents)}
              </p>
              {p.summary && <p>{p.summary}</p>}
              {p.targetPublics.length > 0 && (
                <p class="hint">
                  {t('results.publics', { publics: p.targetPublics.map((x) => inLocale(x.label, locale)).join(', ') })}
                </p>
              )}
              {p.communes.length > 0 && (
                <p class="hint">
                  {t('results.communes', { communes: p.communes.map((c) => inLocale(c.name, locale)).join(', ') })}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('results.openData')}</h2>
        <p>{t('results.openData.intro')}</p>
        <ul>
          <li>
            <a href={`/calls/${call.id}/results/360giving.json`}>{t('results.download.json')}</a>
          </li>
          <li>
            <a href={`/calls/${call.id}/results/360giving.csv`}>{t('results.download.csv')}</a>
          </li>
          <li>
            <a href="/open-data">{t('results.feed')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
