import { inLocale } from '../../domain/translated.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { Layout } from '../../platform/views/Layout.tsx';
import type { ViewContext } from '../../platform/views/context.ts';
import { formatCalendarDate } from '../../domain/brusselsTime.ts';
import { dueDayOf } from '../../domain/grants/reportSchedule.ts';
import type { OverdueReport } from '../reports/service.ts';
import type { CallWaiting } from './officerStart.ts';

/** The officer's start page: their calls, and for each what waits for them, counted and linked. */
export function OfficerStartPage({
  ctx,
  calls,
  overdue = [],
}: {
  ctx: ViewContext;
  calls: CallWaiting[];
  overdue?: OverdueReport[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('start.officer.title')}>
      <h1>{t('start.officer.title')}</h1>
      {calls.length === 0 ? (
        <p>{t('start.officer.none')}</p>
      ) : (
        <ul class="projects">
          {calls.map((c) => {
            const base = `/manage/calls/${c.id}`;
            const waits = [
              c.toScreen > 0 && { href: `${base}/screening`, text: t('start.officer.toScreen', { count: c.toScreen }) },
              c.jurorsLate > 0 && {
                href: `${base}/jury`,
                text: t('start.officer.jurorsLate', { count: c.jurorsLate }),
              },
              c.consensusMissing > 0 && {
                href: `${base}/consensus`,
                text: t('start.officer.consensusMissing', { count: c.consensusMissing }),
              },
              c.decisionToTake && { href: `${base}/decision`, text: t('start.officer.decisionToTake') },
            ].filter((w): w is { href: string; text: string } => !!w);
            return (
              <li class="card">
                <h2>
                  <a href={base}>{inLocale(c.title, locale)}</a>
                </h2>
                <p>
                  <code>{c.code}</code> · {t(`call.status.${c.status}` as MessageKey)}
                </p>
                {waits.length === 0 ? (
                  <p>{t('start.officer.nothing')}</p>
                ) : (
                  <ul>
                    {waits.map((w) => (
                      <li>
                        <a href={w.href}>{w.text}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {overdue.length > 0 && (
        <section aria-labelledby="overdue-reports">
          <h2 id="overdue-reports">{t('reports.start.title')}</h2>
          <ul>
            {overdue.map((r) => (
              <li>
                <a href={`/reports/${r.id}`}>
                  {t('reports.start.item', {
                    reference: r.reference,
                    organisation: r.organisationName,
                    kind: t(r.kind === 'final' ? 'reports.kind.final' : 'reports.kind.interim'),
                    due: formatCalendarDate(dueDayOf(r.dueAt), locale),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
    </Layout>
  );
}
