import { colon } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, Select, Textarea } from '../../../platform/views/forms.tsx';
import type { CallApplication } from '../board.ts';
import type { JuryBoard } from '../service.ts';
import type { FormState } from './JuryPage.tsx';

/** Each application the jury works on: its jurors and where their evaluations stand. */
export function ProgressSection({ ctx, board }: { ctx: ViewContext; board: JuryBoard }) {
  const { t } = ctx;
  const k = board.settings.reviewersPerApplication;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('jury.progress.title')}</h2>
      {board.applications.length === 0 ? (
        <p>{t('jury.progress.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('receipt.reference')}</th>
                <th scope="col">{t('dashboard.project')}</th>
                <th scope="col">{t('call.status')}</th>
                <th scope="col">{t('jury.progress.jurors')}</th>
                <th scope="col">{t('jury.progress.submitted')}</th>
                <th scope="col">{t('jury.progress.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {board.applications.map((a) => (
                <tr>
                  <td>
                    <code>{a.reference}</code>
                  </td>
                  <td>
                    <a href={`/applications/${a.id}`}>{a.title}</a>
                    <br />
                    <small>{a.organisationName}</small>
                  </td>
                  <td>{t(`application.status.${a.status}` as MessageKey)}</td>
                  <td>
                    {a.jurors.length ? (
                      <ul>
                        {a.jurors.map((j) => (
                          <li>
                            {j.name} — {t(`jury.evaluation.${j.evaluation}` as MessageKey)}
                            {!j.counts && ` (${t('jury.progress.notCounted')})`}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="number">{t('jury.progress.submittedOf', { submitted: a.submitted, k })}</td>
                  <td class="number">{a.need}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One select for "with whom": organisations and applications, each group labelled. */
export function TargetSelect({
  ctx,
  applications,
  organisations,
  value,
  error,
}: {
  ctx: ViewContext;
  applications: readonly CallApplication[];
  organisations: readonly { id: string; name: string }[];
  value?: string | undefined;
  error?: { key: MessageKey } | undefined;
}) {
  const { t } = ctx;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="field-target">{t('jury.conflict.target')}</label>
      {error && (
        <p class="error" id="field-target-error">
          {t(error.key)}
        </p>
      )}
      <select
        id="field-target"
        name="target"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'field-target-error' : undefined}
      >
        <option value="">{t('jury.conflict.choose')}</option>
        <optgroup label={t('jury.conflict.organisations')}>
          {organisations.map((o) => (
            <option value={`organisation:${o.id}`} selected={value === `organisation:${o.id}`}>
              {o.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('jury.conflict.applications')}>
          {applications.map((a) => (
            <option value={`application:${a.id}`} selected={value === `application:${a.id}`}>
              {`${a.reference ?? ''} ${a.title} (${a.organisationName})`.trim()}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** Conflicts of interest on record, and the form by which an officer records one. */
export function ConflictsSection({
  ctx,
  board,
  form,
}: {
  ctx: ViewContext;
  board: JuryBoard;
  form?: FormState | undefined;
}) {
  const { t, locale } = ctx;
  const labels = {
    jurorId: t('jury.conflict.juror'),
    target: t('jury.conflict.target'),
    reason: t('jury.conflict.reason'),
  };
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('jury.conflicts.title')}</h2>
      {board.conflicts.length === 0 ? (
        <p>{t('jury.conflicts.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('jury.conflict.juror')}</th>
                <th scope="col">{t('jury.conflict.target')}</th>
                <th scope="col">{t('jury.conflict.reason')}</th>
                <th scope="col">{t('jury.conflict.declaredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {board.conflicts.map((c) => (
                <tr>
                  <td>{c.jurorName}</td>
                  <td>
                    {t(`jury.conflict.kind.${c.kind}` as MessageKey)}
                    {colon(locale)} {c.target}
                  </td>
                  <td>{c.reason}</td>
                  <td>{formatInstant(c.declaredAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board.jurors.length > 0 && (
        <>
          <h3 id="record-conflict-title">{t('jury.conflict.recordTitle')}</h3>
          <ErrorSummary ctx={ctx} errors={form?.errors ?? {}} labels={labels} />
          <Form ctx={ctx} action={`/manage/calls/${board.managed.call.id}/jury/conflicts`}>
            <Select
              ctx={ctx}
              name="jurorId"
              label={labels.jurorId}
              value={form?.values.jurorId}
              error={form?.errors.jurorId}
              options={[
                { value: '', label: t('jury.conflict.choose') },
                ...board.jurors
                  .filter((j) => j.stage !== 'withdrawn')
                  .map((j) => ({ value: j.id, label: j.displayName ?? j.email })),
              ]}
            />
            <TargetSelect
              ctx={ctx}
              applications={board.submitted}
              organisations={board.organisations}
              value={form?.values.target}
              error={form?.errors.target}
            />
            <Textarea
              ctx={ctx}
              name="reason"
              label={labels.reason}
              value={form?.values.reason}
              error={form?.errors.reason}
              required
              rows={2}
              maxLength={1000}
            />
            <button type="submit">{t('jury.conflict.record')}</button>
          </Form>
        </>
      )}
    </section>
  );
}
