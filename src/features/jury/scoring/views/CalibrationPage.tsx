import { inLocale } from '../../../../domain/translated.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { CallManagementBar } from '../../../calls/views/CallEditorPage.tsx';
import type { CalibrationView, CalibrationWarningView } from '../panelQueries.ts';
import { formatOffset, formatScore } from './format.ts';

function warningText(ctx: ViewContext, w: CalibrationWarningView): string {
  const { t } = ctx;
  if (w.code === 'few-evaluations') return t('scoring.calibration.warning.few', { name: w.juror, count: w.reviews });
  if (w.code === 'offsets-not-identifiable') return t('scoring.calibration.warning.notIdentifiable');
  const groups = w.groups.map((g, i) =>
    t('scoring.calibration.group', { n: i + 1, jurors: g.jurors.join(', '), applications: g.applications.join(', ') }),
  );
  return `${t('scoring.calibration.warning.notConnected', { count: w.groups.length })} ${groups.join(' ')}`;
}

/**
 * Calibration of the call's jurors: per application the raw mean of the weighted totals beside the
 * calibrated one, per juror the offset, and the warnings. It informs the consensus; no score changes.
 */
export function CalibrationPage({ ctx, view }: { ctx: ViewContext; view: CalibrationView }) {
  const { t, locale } = ctx;
  const n = (x: number) => formatScore(x, locale);
  return (
    <Layout ctx={ctx} title={`${t('scoring.calibration.title')} — ${inLocale(view.managed.call.title, locale)}`} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${view.managed.call.id}`}>{inLocale(view.managed.call.title, ctx.locale)}</a>
      </p>
      <h1>{t('scoring.calibration.title')}</h1>
      <CallManagementBar ctx={ctx} managed={view.managed} />
      <p>{t('scoring.calibration.intro')}</p>
      <p class="hint">{t('scoring.calibration.informs')}</p>
      {view.warnings.length > 0 && (
        <section class="error-summary" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t('scoring.calibration.warnings')}</h2>
          <ul>
            {view.warnings.map((w) => (
              <li>{warningText(ctx, w)}</li>
            ))}
          </ul>
        </section>
      )}
      {view.evaluations === 0 ? (
        <p>{t('scoring.calibration.none')}</p>
      ) : (
        <>
          <h2>{t('scoring.calibration.applications')}</h2>
          <div class="table-scroll">
            <table>
              <caption>{t('scoring.calibration.applicationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scoring.reference')}</th>
                  <th scope="col">{t('scoring.project')}</th>
                  <th scope="col">{t('scoring.calibration.reviews')}</th>
                  <th scope="col">{t('scoring.calibration.raw')}</th>
                  <th scope="col">{t('scoring.calibration.calibrated')}</th>
                  <th scope="col">{t('scoring.consensus')}</th>
                </tr>
              </thead>
              <tbody>
                {view.applications.map((a) => (
                  <tr>
                    <td>
                      <a href={`/manage/applications/${a.id}/consensus`}>{a.reference}</a>
                    </td>
                    <td>{a.title}</td>
                    <td>{a.reviews}</td>
                    <td>{n(a.raw)}</td>
                    <td>{n(a.calibrated)}</td>
                    <td>{a.consensus === null ? '—' : n(a.consensus)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('scoring.calibration.jurors')}</h2>
          <p class="hint">{t('scoring.calibration.offsetHint')}</p>
          <div class="table-scroll">
            <table>
              <caption>{t('scoring.calibration.jurorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scoring.juror')}</th>
                  <th scope="col">{t('scoring.calibration.reviews')}</th>
                  <th scope="col">{t('scoring.calibration.offset')}</th>
                </tr>
              </thead>
              <tbody>
                {view.jurors.map((j) => (
                  <tr>
                    <td>{j.name}</td>
                    <td>{j.reviews}</td>
                    <td>{formatOffset(j.offset, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
