import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { GrantsNav } from '../../grants/views/GrantsNav.tsx';
import type { CallImpact, ProgrammeImpact } from '../service.ts';
import { Dashboard } from './Dashboard.tsx';

/** A call's dashboard, for its officers. */
export function CallImpactPage({ ctx, impact }: { ctx: ViewContext; impact: CallImpact }) {
  const { t, locale } = ctx;
  const id = impact.call.record.id;
  const title = `${t('impact.call.title')} — ${inLocale(impact.call.record.title, locale)}`;
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href="/manage/impact">{t('impact.programme.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={id} />
      <Dashboard ctx={ctx} figures={impact.figures} suppress={false} csvBase={`/manage/calls/${id}/impact`} />
    </Layout>
  );
}

/** The programme of the funders the officer or administrator runs calls for. */
export function ProgrammeImpactPage({ ctx, impact }: { ctx: ViewContext; impact: ProgrammeImpact }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('impact.programme.title')} wide>
      <h1>{t('impact.programme.title')}</h1>
      <p>
        {t('impact.programme.intro', {
          funders: impact.funders.map((f) => inLocale(f.name, locale)).join(', '),
          calls: impact.calls,
        })}
      </p>
      <p>
        <a href="/impact">{t('impact.public.link')}</a>
      </p>
      <Dashboard ctx={ctx} figures={impact.figures} suppress={false} csvBase="/manage/impact" />
    </Layout>
  );
}

/** The public programme page: aggregates only, small cells hidden. */
export function PublicImpactPage({ ctx, impact }: { ctx: ViewContext; impact: Omit<ProgrammeImpact, 'funders'> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('impact.public.title')} wide>
      <h1>{t('impact.public.title')}</h1>
      <p>{t('impact.public.intro', { calls: impact.calls })}</p>
      <Dashboard ctx={ctx} figures={impact.figures} suppress csvBase="/impact" />
      <p>
        <a href="/open-data">{t('impact.public.openData')}</a>
      </p>
    </Layout>
  );
}
