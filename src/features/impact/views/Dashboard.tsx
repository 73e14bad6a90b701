import { assetUrl } from '../../../platform/http/staticAssets.ts';
import { GRANT_STATUS } from '../../grants/views/labels.ts';
import type { GrantStatus } from '../../../domain/grants/grantLifecycle.ts';
import { formatCount } from '../../../domain/numbers.ts';
import { shownText, suppressCount } from '../../../domain/impact/suppression.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { chartsOf, type ChartId } from '../charts.ts';
import type { ImpactFigures } from '../service.ts';
import { BarChart } from './BarChart.tsx';
import { ChartSection } from './ChartSection.tsx';
import { CommuneMap } from './CommuneMap.tsx';
import { PieChart } from './PieChart.tsx';

/** The charts of a dashboard for this reader; the CSV route draws its file from the same. */
export function dashboardCharts(ctx: Pick<ViewContext, 't' | 'locale'>, figures: ImpactFigures, suppress: boolean) {
  return chartsOf(figures, ctx, {
    suppress,
    statusLabel: (s) => ctx.t(GRANT_STATUS[s as GrantStatus]),
  });
}

/**
 * Every figure of a call or a programme: money, grants by state, participants by public, commune (with the tile
 * map), age band (against the reference population) and gender, DigComp areas, activity. `suppress`: the public's
 * page, where cells of 1 to 4 people read "< 5". `csvBase`: the address the charts' CSV files hang under.
 */
export function Dashboard({
  ctx,
  figures,
  suppress,
  csvBase,
}: {
  ctx: ViewContext;
  figures: ImpactFigures;
  suppress: boolean;
  csvBase: string;
}) {
  const { t, locale } = ctx;
  const charts = dashboardCharts(ctx, figures, suppress);
  const section = (id: ChartId, drawing: preact.ComponentChildren) => (
    <ChartSection
      chart={charts[id]}
      csvHref={`${csvBase}/${id}.csv`}
      csvLabel={t('impact.csv', { chart: charts[id].title })}
    >
      {drawing}
    </ChartSection>
  );
  const participants = suppress ? suppressCount(figures.reach.participants) : null;
  return (
    <>
      <link rel="stylesheet" href={assetUrl('impact.css')} />
      <dl class="facts">
        <dt>{t('impact.fact.grants')}</dt>
        <dd>{formatCount(figures.budget.grants, locale)}</dd>
        <dt>{t('impact.fact.reporting')}</dt>
        <dd>{formatCount(figures.reach.reporting, locale)}</dd>
        <dt>{t('impact.fact.participants')}</dt>
        <dd>
          {participants
            ? shownText(participants, (n) => formatCount(n, locale))
            : formatCount(figures.reach.participants, locale)}
        </dd>
      </dl>
      {suppress && <p class="hint">{t('impact.suppressed')}</p>}
      {section('budget', <BarChart chart={charts.budget} perRow />)}
      {section('grants', <PieChart chart={charts.grants} />)}
      {figures.reach.reporting === 0 ? (
        <p>{t('impact.noReports')}</p>
      ) : (
        <>
          {section('publics', <BarChart chart={charts.publics} />)}
          {section(
            'communes',
            <CommuneMap
              chart={charts.communes}
              locale={locale}
              legend={{ none: t('impact.map.none'), hidden: t('impact.map.hidden') }}
            />,
          )}
          {section('ages', <BarChart chart={charts.ages} />)}
          {section('genders', <BarChart chart={charts.genders} />)}
          {section('digcomp', <BarChart chart={charts.digcomp} />)}
          {section('activity', <BarChart chart={charts.activity} perRow />)}
        </>
      )}
    </>
  );
}
