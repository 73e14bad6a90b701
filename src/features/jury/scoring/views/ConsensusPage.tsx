import { formatInstant } from '../../../../domain/brusselsTime.ts';
import type { GridProblems, GridValues } from '../../../../domain/evaluationGrid.ts';
import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { Form } from '../../../../platform/views/forms.tsx';
import type { ConsensusView } from '../panelQueries.ts';
import { CallPageNav } from '../../../calls/views/CallNav.tsx';
import { EvaluationTable } from './EvaluationTable.tsx';
import { formatScore } from './format.ts';
import { GridErrorSummary, GridFields, shownFrom, type ShownGrid } from './GridFields.tsx';
import { assetUrl } from '../../../../platform/http/staticAssets.ts';

interface Props {
  ctx: ViewContext;
  view: ConsensusView;
  input?: ShownGrid;
  problems?: GridProblems;
  refusal?: MessageKey;
  conflict?: { theirs: GridValues; by: string; version: number };
}

/**
 * The consensus on one application: the submitted evaluations side by side, criterion by criterion,
 * with mean and spread (a wide spread is said in words), the calibrated total for information, and
 * the form where the officer or the chair records the panel's scores and comment.
 */
export function ConsensusPage({ ctx, view, input, problems = {}, refusal, conflict }: Props) {
  const { t, locale } = ctx;
  const a = view.application;
  const n = (x: number) => formatScore(x, locale);
  const back =
    view.role === 'officer'
      ? { href: `/manage/calls/${view.call.id}/consensus`, text: t('scoring.consensus.index') }
      : { href: '/jury/applications', text: t('scoring.mine.title') };
  return (
    <Layout ctx={ctx} title={t('scoring.consensus.titleOf', { reference: a.reference })} wide>
      {view.role === 'officer' && <CallPageNav ctx={ctx} call={view.call} />}
      <p>
        <a href={back.href}>{back.text}</a>
      </p>
      <h1>{t('scoring.consensus.titleOf', { reference: a.reference })}</h1>
      <dl class="facts">
        <dt>{t('scoring.project')}</dt>
        <dd>{a.title}</dd>
        <dt>{t('scoring.organisation')}</dt>
        <dd>{a.organisationName}</dd>
        <dt>{t('scoring.call')}</dt>
        <dd>{inLocale(view.call.title, locale)}</dd>
        <dt>{t('scoring.applicationStatus')}</dt>
        <dd>{t(`application.status.${a.status}` as MessageKey)}</dd>
      </dl>
      {refusal && (
        <div class="error-summary" role="alert">
          <p>{t(refusal)}</p>
        </div>
      )}
      {conflict && (
        <div class="error-summary" role="alert">
          <p>{t('scoring.consensus.conflict', { name: conflict.by })}</p>
        </div>
      )}

      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t('scoring.consensus.evaluations')}</h2>
        {view.evaluations.length === 0 ? (
          <p>{t('scoring.consensus.noEvaluation')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('scoring.consensus.sideBySide')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scoring.criterion')}</th>
                  {view.evaluations.map((e) => (
                    <th scope="col">{e.name}</th>
                  ))}
                  <th scope="col">{t('scoring.mean')}</th>
                  <th scope="col">{t('scoring.spread')}</th>
                </tr>
              </thead>
              <tbody>
                {view.rules.criteria.map((c) => {
                  const s = view.spreads[c.id];
                  return (
                    <tr>
                      <th scope="row">
                        {inLocale(c.name, locale)}{' '}
                        <span class="hint">({t('scoring.onMax', { max: n(c.maxScore) })})</span>
                      </th>
                      {view.evaluations.map((e) => (
                        <td>{e.values.scores[c.id] === undefined ? '—' : n(e.values.scores[c.id]!)}</td>
                      ))}
                      <td>{s ? n(s.mean) : '—'}</td>
                      <td class={s?.wide ? 'error' : undefined}>
                        {s ? t('scoring.spreadValue', { min: n(s.min), max: n(s.max), spread: n(s.spread) }) : '—'}
                        {s?.wide && <strong> {t('scoring.spreadWide')}</strong>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('scoring.total')}</th>
                  {view.evaluations.map((e) => (
                    <td>{n(e.total)}</td>
                  ))}
                  <td>{view.meanTotal === null ? '—' : n(view.meanTotal)}</td>
                  <td></td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {view.pending.length > 0 && (
          <p>
            {t('scoring.consensus.pending', {
              names: view.pending
                .map((p) => (p.started ? `${p.name} (${t('scoring.status.draft')})` : p.name))
                .join(', '),
            })}
          </p>
        )}
        {view.setAside > 0 && <p>{t('scoring.consensus.setAside', { count: view.setAside })}</p>}
        {view.evaluations.length > 0 && (
          <>
            <h3>{t('scoring.consensus.comments')}</h3>
            <dl>
              {view.rules.criteria.map((c) => (
                <>
                  <dt>
                    <strong>{inLocale(c.name, locale)}</strong>
                  </dt>
                  <dd>
                    <ul>
                      {view.evaluations.map((e) => (
                        <li>
                          {e.name}: {e.values.comments[c.id] ?? '—'}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ))}
              <dt>
                <strong>{t('scoring.overallComment')}</strong>
              </dt>
              <dd>
                <ul>
                  {view.evaluations.map((e) => (
                    <li>
                      {e.name}: {e.values.overallComment || '—'}
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </>
        )}
      </section>

      <section aria-labelledby="calibration-title">
        <h2 id="calibration-title">{t('scoring.calibration.title')}</h2>
        <p>
          {view.meanTotal === null
            ? t('scoring.consensus.noEvaluation')
            : t('scoring.consensus.meanTotal', { total: n(view.meanTotal) })}{' '}
          {view.calibratedTotal !== null && t('scoring.consensus.calibratedTotal', { total: n(view.calibratedTotal) })}
        </p>
        <p class="hint">{t('scoring.calibration.informs')}</p>
        {view.abilities.calibration && (
          <p>
            <a href={`/manage/calls/${view.call.id}/calibration`}>{t('scoring.calibration.link')}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="consensus-title">
        <h2 id="consensus-title">{t('scoring.consensus')}</h2>
        {view.consensus && (
          <p>
            {t('scoring.consensus.recordedBy', {
              name: view.consensus.by,
              at: formatInstant(view.consensus.at, locale),
            })}{' '}
            {t('scoring.consensus.result', { total: n(view.consensus.total) })}{' '}
            <strong>{view.consensus.passes ? t('scoring.passes') : t('scoring.belowThresholds')}</strong>
          </p>
        )}
        {view.abilities.record ? (
          <>
            <GridErrorSummary
              ctx={ctx}
              rules={view.rules}
              problems={problems}
              overallLabel={t('scoring.consensus.comment')}
            />
            <Form ctx={ctx} action={`/manage/applications/${a.id}/consensus`}>
              <input type="hidden" name="version" value={String(conflict?.version ?? view.consensus?.version ?? 0)} />
              <GridFields
                ctx={ctx}
                rules={view.rules}
                shown={input ?? (view.consensus ? shownFrom(view.consensus.values) : { scores: {}, comments: {} })}
                problems={problems}
                total={view.consensus?.total ?? 0}
                below={view.consensus?.below ?? []}
                overallThreshold={view.call.overallThreshold}
                commentPerCriterion={false}
                overallLabel={t('scoring.consensus.comment')}
                theirs={conflict?.theirs}
              />
              <button type="submit">{t('scoring.consensus.record')}</button>
            </Form>
            <script src={assetUrl('scoring.js')} defer></script>
          </>
        ) : (
          <>
            <p>{view.evaluations.length ? t('scoring.consensus.closed') : t('scoring.consensus.waiting')}</p>
            {view.consensus && (
              <EvaluationTable ctx={ctx} rules={view.rules} state={view.consensus} caption={t('scoring.consensus')} />
            )}
          </>
        )}
      </section>
    </Layout>
  );
}
