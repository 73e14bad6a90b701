import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Select } from '../../../platform/views/forms.tsx';
import type { AssignmentPreview } from '../preview.ts';
import type { JuryBoard } from '../service.ts';
import { formatAffinity, JuryNav, Notice } from './JuryNav.tsx';
import type { FormState } from './JuryPage.tsx';
import { PreviewSection } from './PreviewSection.tsx';

interface Props {
  ctx: ViewContext;
  board: JuryBoard;
  preview?: AssignmentPreview;
  manual?: FormState;
  compute?: FormState;
  notice?: { key: MessageKey; values?: Record<string, string | number> };
}

/** Assigning applications to jurors: by hand, or computed, previewed and confirmed. */
export function AssignmentPage({ ctx, board, preview, manual, compute, notice }: Props) {
  const { t, locale } = ctx;
  const { managed } = board;
  const base = `/manage/calls/${managed.call.id}/jury/assignment`;
  const active = board.jurors.filter((j) => j.stage === 'active');
  const assignable = board.applications.filter((a) => a.assignable);
  const manualLabels = { jurorId: t('jury.assignment.juror'), applicationId: t('jury.assignment.application') };
  return (
    <Layout ctx={ctx} title={`${t('jury.assignment.title')} — ${inLocale(managed.call.title, locale)}`} wide>
      <JuryNav ctx={ctx} managed={managed} current="assignment" />
      <h1>{t('jury.assignment.title')}</h1>
      <Notice ctx={ctx} notice={notice} />
      <p>
        {t('jury.summary.text', {
          k: board.settings.reviewersPerApplication,
          active: active.length,
          members: board.jurors.length,
          applications: assignable.length,
          gaps: board.gaps,
        })}
      </p>

      {board.abilities.assign && (
        <section aria-labelledby="compute-title">
          <h2 id="compute-title">{t('jury.compute.title')}</h2>
          <p>{t('jury.compute.intro', { k: board.settings.reviewersPerApplication })}</p>
          <ErrorSummary ctx={ctx} errors={compute?.errors ?? {}} labels={{ floor: t('jury.compute.floor') }} />
          <Form ctx={ctx} action={`${base}/preview`}>
            <Field
              ctx={ctx}
              name="floor"
              label={t('jury.compute.floor')}
              value={
                compute?.values.floor ?? (preview?.floor === null || preview === undefined ? '' : String(preview.floor))
              }
              error={compute?.errors.floor}
              hint={t('jury.compute.floorHint')}
            />
            <button type="submit">{t('jury.compute.submit')}</button>
          </Form>
        </section>
      )}

      {preview && <PreviewSection ctx={ctx} preview={preview} action={`${base}/confirm`} />}

      {board.abilities.assign && (
        <section aria-labelledby="manual-title">
          <h2 id="manual-title">{t('jury.manual.title')}</h2>
          {active.length === 0 || assignable.length === 0 ? (
            <p>{t('jury.manual.nothing')}</p>
          ) : (
            <>
              <ErrorSummary ctx={ctx} errors={manual?.errors ?? {}} labels={manualLabels} />
              <Form ctx={ctx} action={base}>
                <Select
                  ctx={ctx}
                  name="jurorId"
                  label={manualLabels.jurorId}
                  value={manual?.values.jurorId}
                  error={manual?.errors.jurorId}
                  options={[
                    { value: '', label: t('jury.conflict.choose') },
                    ...active.map((j) => ({
                      value: j.id,
                      label: `${j.displayName ?? j.email} — ${t('jury.members.loadOf', { load: j.load, capacity: j.capacityLimit })}`,
                    })),
                  ]}
                />
                <Select
                  ctx={ctx}
                  name="applicationId"
                  label={manualLabels.applicationId}
                  value={manual?.values.applicationId}
                  error={manual?.errors.applicationId}
                  options={[
                    { value: '', label: t('jury.conflict.choose') },
                    ...assignable.map((a) => ({
                      value: a.id,
                      label: `${a.reference ?? ''} ${a.title} — ${t('jury.manual.missing', { count: a.need })}`.trim(),
                    })),
                  ]}
                />
                <button type="submit">{t('jury.manual.submit')}</button>
              </Form>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t('jury.current.title')}</h2>
        {board.applications.every((a) => a.jurors.length === 0) ? (
          <p>{t('jury.current.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('receipt.reference')}</th>
                  <th scope="col">{t('dashboard.project')}</th>
                  <th scope="col">{t('jury.progress.jurors')}</th>
                  <th scope="col">{t('jury.progress.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {board.applications.map((a) => (
                  <tr>
                    <td>
                      <code>{a.reference}</code>
                    </td>
                    <td>{a.title}</td>
                    <td>
                      <ul>
                        {a.jurors.map((j) => (
                          <li>
                            {j.name}
                            {j.affinityMilli !== null && ` (${formatAffinity(j.affinityMilli / 1000, locale)})`} —{' '}
                            {t(`jury.evaluation.${j.evaluation}` as MessageKey)}
                            {j.evaluation !== 'submitted' && board.abilities.assign && (
                              <Form ctx={ctx} action={`${base}/remove`} class="inline">
                                <input type="hidden" name="assignmentId" value={j.assignmentId} />{' '}
                                <button type="submit" class="link-button">
                                  {t('jury.current.remove', { name: j.name, reference: a.reference ?? a.title })}
                                </button>
                              </Form>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td class="number">{a.need}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
