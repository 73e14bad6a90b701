import { colon } from '../../../platform/i18n/i18n.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { MySeat } from '../service.ts';

/** A juror's seats and the applications assigned to them: what to do next, call by call. */
export function MyJuryPage({ ctx, seats }: { ctx: ViewContext; seats: MySeat[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('jury.mine.title')}>
      <h1>{t('jury.mine.title')}</h1>
      {seats.length === 0 && <p>{t('jury.mine.none')}</p>}
      {seats.map(({ seat, stage, call, assignments }) => {
        const headingId = `seat-${seat.id}`;
        return (
          <section class="card" aria-labelledby={headingId}>
            <h2 id={headingId}>{inLocale(call.title, locale)}</h2>
            <p>
              {t('call.status')}
              {colon(locale)} {t(`jury.stage.${stage}` as MessageKey)}
            </p>
            {stage === 'accepted' && <p>{t('jury.mine.signFirst')}</p>}
            {stage !== 'withdrawn' && (
              <p>
                <a href={`/jury/calls/${call.id}/declaration`}>{t('jury.declaration.title')}</a> ·{' '}
                <a href={`/jury/calls/${call.id}/conflicts`}>{t('jury.conflicts.mineTitle')}</a>
              </p>
            )}
            {stage === 'active' &&
              (assignments.length === 0 ? (
                <p>{t('jury.mine.noAssignments')}</p>
              ) : (
                <>
                  <h3>
                    {t('jury.mine.progress', {
                      count: assignments.length,
                      left: assignments.filter((a) => a.evaluation !== 'submitted').length,
                    })}
                  </h3>
                  <ul>
                    {assignments.map((a) => (
                      <li>
                        <a href={`/jury/applications/${a.applicationId}`}>{`${a.reference ?? ''} ${a.title}`.trim()}</a>{' '}
                        — {t(`jury.evaluation.${a.evaluation}` as MessageKey)}
                      </li>
                    ))}
                  </ul>
                </>
              ))}
          </section>
        );
      })}
    </Layout>
  );
}
