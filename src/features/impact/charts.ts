// The charts of the impact pages as data: each chart's rows with their labels in the reader's language and the
// figure each row shows ("< 5" where suppressed). The SVG, the table beside it and its CSV file are all drawn
// from one ChartData, so the three never disagree.
import { breakdownCategories, shareOf, type BreakdownId } from '../../domain/impact/aggregate.ts';
import { coverageOf } from '../../domain/impact/referencePopulation.ts';
import { shownText, suppressBreakdown, suppressCount, type ShownCount } from '../../domain/impact/suppression.ts';
import { GRANT_STATUSES } from '../../domain/grants/grantLifecycle.ts';
import { writeCsv, type CsvCell } from '../../domain/csvSafe.ts';
import { intlLocale, type Locale } from '../../domain/locale.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatCount } from '../../domain/numbers.ts';
import { DIGCOMP_AREAS, type KeyedLabel } from '../../domain/referenceData.ts';
import { inLocale } from '../../domain/translated.ts';
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts';
import type { ImpactFigures } from './service.ts';

export const CHART_IDS = ['budget', 'grants', 'publics', 'communes', 'ages', 'genders', 'digcomp', 'activity'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(id: string): id is ChartId {
  return (CHART_IDS as readonly string[]).includes(id);
}

export interface ChartRow {
  key: string;
  label: string;
  /** The value the bar is drawn to: the count, or the threshold for a hidden cell. */
  value: number;
  shown: ShownCount;
  /** The figure as the page writes it (money, a count, "< 5"). */
  text: string;
  /** A second figure: the share of all participants, or of the reference population. */
  share?: string;
}

export interface ChartData {
  id: ChartId;
  title: string;
  summary: string;
  labelHeader: string;
  valueHeader: string;
  shareHeader?: string;
  rows: ChartRow[];
  /** Money is drawn and exported in euros, people and grants as counts. */
  unit: 'money' | 'count';
}

const TITLES = {
  budget: 'impact.chart.budget',
  grants: 'impact.chart.grants',
  publics: 'impact.chart.publics',
  communes: 'impact.chart.communes',
  ages: 'impact.chart.ages',
  genders: 'impact.chart.genders',
  digcomp: 'impact.chart.digcomp',
  activity: 'impact.chart.activity',
} as const satisfies Record<ChartId, MessageKey>;

const BREAKDOWN_OF = {
  publics: 'participants-by-public',
  communes: 'participants-by-commune',
  ages: 'participants-by-age',
  genders: 'participants-by-gender',
} as const satisfies Partial<Record<ChartId, BreakdownId>>;

interface Reader {
  t: Translate;
  locale: Locale;
}

const percent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.01 ? 2 : 0,
  }).format(share);

function budgetChart(f: ImpactFigures, { t, locale }: Reader): ChartData {
  const b = f.budget;
  const rows = (
    [
      ['budget', 'impact.budget.budget', b.budgetCents],
      ['granted', 'impact.budget.granted', b.grantedCents],
      ['committed', 'impact.budget.committed', b.committedCents],
      ['paid', 'impact.budget.paid', b.paidCents],
    ] as const
  ).map(([key, label, cents]) => ({
    key,
    label: t(label),
    value: cents,
    shown: { kind: 'count', value: cents } as const,
    text: formatMoney(cents, locale),
    share: b.budgetCents > 0 ? percent(shareOf(cents, b.budgetCents), locale) : undefined,
  }));
  return {
    id: 'budget',
    title: t(TITLES.budget),
    summary: t('impact.budget.summary', {
      granted: formatMoney(b.grantedCents, locale),
      budget: formatMoney(b.budgetCents, locale),
      paid: formatMoney(b.paidCents, locale),
      share: percent(shareOf(b.paidCents, b.grantedCents), locale),
    }),
    labelHeader: t('impact.column.figure'),
    valueHeader: t('impact.column.amount'),
    shareHeader: t('impact.column.shareOfBudget'),
    rows,
    unit: 'money',
  };
}

function grantsChart(f: ImpactFigures, { t, locale }: Reader, statusLabel: (s: string) => string): ChartData {
  const rows = GRANT_STATUSES.filter((s) => (f.budget.byStatus[s] ?? 0) > 0).map((s) => {
    const n = f.budget.byStatus[s] ?? 0;
    return {
      key: s,
      label: statusLabel(s),
      value: n,
      shown: { kind: 'count', value: n } as const,
      text: formatCount(n, locale),
    };
  });
  return {
    id: 'grants',
    title: t(TITLES.grants),
    summary: t('impact.grants.summary', { count: f.budget.grants }),
    labelHeader: t('impact.column.state'),
    valueHeader: t('impact.column.grants'),
    rows,
    unit: 'count',
  };
}

function peopleRows(
  counts: Record<string, number>,
  categories: readonly KeyedLabel[],
  total: number,
  reader: Reader,
  suppress: boolean,
): ChartRow[] {
  const cells = categories.map((c) => ({ key: c.key, count: counts[c.key] ?? 0 }));
  const shown = suppress
    ? suppressBreakdown(cells, total).cells
    : cells.map((c) => ({ key: c.key, shown: { kind: 'count', value: c.count } as const }));
  return categories.map((c, i) => {
    const s = shown[i]!.shown;
    const value = s.kind === 'count' ? s.value : s.kind === 'fewer-than' ? s.limit : 0;
    return {
      key: c.key,
      label: inLocale(c.label, reader.locale),
      value,
      shown: s,
      text: shownText(s, (n) => formatCount(n, reader.locale), reader.t('impact.withheld')),
      share: s.kind === 'count' ? percent(shareOf(s.value, total), reader.locale) : '—',
    };
  });
}

function breakdownChart(id: keyof typeof BREAKDOWN_OF, f: ImpactFigures, reader: Reader, suppress: boolean): ChartData {
  const { t, locale } = reader;
  const categories = breakdownCategories(f.publics)[BREAKDOWN_OF[id]];
  const total = f.reach.participants;
  const rows = peopleRows(f.reach.breakdowns[BREAKDOWN_OF[id]] ?? {}, categories, total, reader, suppress);
  const coverage = coverageOf(f.reach, f.population);
  const summary =
    id === 'ages'
      ? t('impact.ages.summary', {
          people: shownText(
            suppress ? suppressCount(coverage.people) : { kind: 'count', value: coverage.people },
            (n) => formatCount(n, locale),
          ),
          of: formatCount(coverage.of, locale),
          share: percent(coverage.share, locale),
        })
      : t('impact.breakdown.summary', {
          total,
          top: topOf(rows) ?? '—',
        });
  return {
    id,
    title: t(TITLES[id]),
    summary,
    labelHeader: t(id === 'communes' ? 'impact.column.commune' : 'impact.column.category'),
    valueHeader: t('impact.column.participants'),
    shareHeader: t('impact.column.shareOfParticipants'),
    rows,
    unit: 'count',
  };
}

function topOf(rows: readonly ChartRow[]): string | null {
  const top = rows
    .filter((r) => r.shown.kind === 'count' && r.value > 0)
    .reduce<ChartRow | null>((best, r) => (!best || r.value > best.value ? r : best), null);
  return top ? `${top.label} (${top.text})` : null;
}

function digcompChart(f: ImpactFigures, { t, locale }: Reader): ChartData {
  const rows = DIGCOMP_AREAS.map((a) => {
    const n = f.reach.digcompGrants[a.id] ?? 0;
    return {
      key: a.id,
      label: `${a.id}. ${inLocale(a.label, locale)}`,
      value: n,
      shown: { kind: 'count', value: n } as const,
      text: formatCount(n, locale),
      share: percent(shareOf(n, f.reach.reporting), locale),
    };
  });
  return {
    id: 'digcomp',
    title: t(TITLES.digcomp),
    summary: t('impact.digcomp.summary', { reporting: f.reach.reporting, top: topOf(rows) ?? '—' }),
    labelHeader: t('impact.column.area'),
    valueHeader: t('impact.column.grants'),
    shareHeader: t('impact.column.shareOfReporting'),
    rows,
    unit: 'count',
  };
}

function activityChart(f: ImpactFigures, { t, locale }: Reader): ChartData {
  const r = f.reach;
  const rows = (
    [
      ['sessions', 'impact.activity.sessions', r.sessions],
      ['support-hours', 'impact.activity.hours', r.supportHours],
      ['devices-lent', 'impact.activity.devicesLent', r.devicesLent],
      ['devices-refurbished', 'impact.activity.devicesRefurbished', r.devicesRefurbished],
    ] as const
  ).map(([key, label, n]) => ({
    key,
    label: t(label),
    value: n,
    shown: { kind: 'count', value: n } as const,
    text: formatCount(n, locale),
  }));
  return {
    id: 'activity',
    title: t(TITLES.activity),
    summary: t('impact.activity.summary', {
      sessions: r.sessions,
      hours: r.supportHours,
      reporting: r.reporting,
    }),
    labelHeader: t('impact.column.figure'),
    valueHeader: t('impact.column.count'),
    rows,
    unit: 'count',
  };
}

/** Every chart of a dashboard, in page order. `suppress`: the public's page, where small cells read "< 5". */
export function chartsOf(
  f: ImpactFigures,
  reader: Reader,
  opts: { suppress: boolean; statusLabel: (status: string) => string },
): Record<ChartId, ChartData> {
  return {
    budget: budgetChart(f, reader),
    grants: grantsChart(f, reader, opts.statusLabel),
    publics: breakdownChart('publics', f, reader, opts.suppress),
    communes: breakdownChart('communes', f, reader, opts.suppress),
    ages: breakdownChart('ages', f, reader, opts.suppress),
    genders: breakdownChart('genders', f, reader, opts.suppress),
    digcomp: digcompChart(f, reader),
    activity: activityChart(f, reader),
  };
}

/** The chart's data as a CSV file (UTF-8 BOM, `;`, the reader's decimal mark), as the officers' exports are. */
export function chartCsv(chart: ChartData, locale: Locale): string {
  const head: CsvCell[] = [chart.labelHeader, chart.valueHeader, ...(chart.shareHeader ? [chart.shareHeader] : [])];
  const rows = chart.rows.map((r): CsvCell[] => [
    r.label,
    r.shown.kind !== 'count' ? r.text : chart.unit === 'money' ? r.value / 100 : r.value,
    ...(chart.shareHeader ? [r.share ?? ''] : []),
  ]);
  return writeCsv([head, ...rows], { delimiter: ';', decimalMark: locale === 'en' ? '.' : ',', bom: true });
}
