import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { JuryBoard, JurorOverview } from '../service.ts';
import { ConflictsSection, ProgressSection } from './JuryProgress.tsx';
import { ExpertiseSummary, JuryNav, Notice } from './JuryNav.tsx';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface JuryPageProps {
  ctx: ViewContext;
  board: JuryBoard;
  invite?: FormState;
  conflict?: FormState;
  notice?: { key: MessageKey; values?: Record<string, string | number> };
}

/** The officer's view of a call's jury: members, invitations, progress, conflicts. */
export function JuryPage({ ctx, board, invite, conflict, notice }: JuryPageProps) {
  const { t, locale } = ctx;
  const { managed } = board;
  const base = `/manage/calls/${managed.call.id}/jury`;
  const active = board.jurors.filter((j) => j.stage === 'active').length;
  const inviteLabels = { email: t('jury.invite.email'), capacity: t('jury.invite.capacity') };
  return (
    <Layout ctx={ctx} title={`${t('jury.title')} — ${inLocale(managed.call.title, locale)}`} wide>
      <JuryNav ctx={ctx} managed={managed} current="members" />
      <h1>{t('jury.title')}</h1>
      <Notice ctx={ctx} notice={notice} />
      <section class="card" aria-labelledby="jury-summary-title">
        <h2 id="jury-summary-title">{t('jury.summary.title')}</h2>
        <p>
          {t('jury.summary.text', {
            k: board.settings.reviewersPerApplication,
            active,
            members: board.jurors.length,
            applications: board.applications.filter((a) => a.assignable).length,
            gaps: board.gaps,
          })}
        </p>
        <p>
          <a href={`${base}/assignment`}>{t('jury.summary.toAssignment')}</a>
        </p>
        {board.jurors.some((j) => j.pending) && (
          <Form ctx={ctx} action={`${base}/reminders`}>
            <button type="submit" class="secondary">
              {t('jury.remind.all')}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('jury.members.title')}</h2>
        {board.jurors.length === 0 ? (
          <p>{t('jury.members.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('jury.members.member')}</th>
                  <th scope="col">{t('call.status')}</th>
                  <th scope="col">{t('jury.members.declaration')}</th>
                  <th scope="col">{t('jury.members.expertise')}</th>
                  <th scope="col">{t('jury.members.load')}</th>
                  <th scope="col">{t('jury.members.submitted')}</th>
                  <th scope="col">{t('jury.members.reminded')}</th>
                  <th scope="col">{t('jury.members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {board.jurors.map((j, i) => (
                  <MemberRow ctx={ctx} board={board} juror={j} index={i} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {board.abilities.invite && (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('jury.invite.title')}</h2>
          <p class="hint">{t('jury.invite.hint')}</p>
          <ErrorSummary ctx={ctx} errors={invite?.errors ?? {}} labels={inviteLabels} />
          <Form ctx={ctx} action={`${base}/invitations`}>
            <Field
              ctx={ctx}
              name="email"
              type="email"
              label={inviteLabels.email}
              value={invite?.values.email}
              error={invite?.errors.email}
              required
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="capacity"
              label={inviteLabels.capacity}
              value={invite?.values.capacity}
              error={invite?.errors.capacity}
              hint={t('jury.invite.capacityHint', { capacity: board.settings.defaultCapacity })}
            />
            <div class="choice">
              <input
                type="checkbox"
                id="field-isChair"
                name="isChair"
                value="yes"
                checked={invite?.values.isChair === 'yes'}
              />
              <label for="field-isChair">{t('jury.invite.chair')}</label>
            </div>
            <button type="submit">{t('jury.invite.submit')}</button>
          </Form>
        </section>
      )}

      <ProgressSection ctx={ctx} board={board} />
      <ConflictsSection ctx={ctx} board={board} form={conflict} />
    </Layout>
  );
}

function MemberRow({
  ctx,
  board,
  juror: j,
  index: i,
}: {
  ctx: ViewContext;
  board: JuryBoard;
  juror: JurorOverview;
  index: number;
}) {
  const { t, locale } = ctx;
  const base = `/manage/calls/${board.managed.call.id}/jury/jurors/${j.id}`;
  const name = j.displayName ?? j.email;
  return (
    <tr>
      <td>
        {name}
        {j.displayName && <br />}
        {j.displayName && <small>{j.email}</small>}
        {j.isChair && <strong> · {t('jury.members.chair')}</strong>}
      </td>
      <td>{t(`jury.stage.${j.stage}` as MessageKey)}</td>
      <td>{j.declarationSignedAt ? formatInstant(j.declarationSignedAt, locale, 'date') : '—'}</td>
      <td>
        <ExpertiseSummary
          ctx={ctx}
          expertise={j.expertise}
          publics={board.managed.targetPublics}
          activityTypes={board.managed.activityTypes}
        />
      </td>
      <td class="number">
        {t('jury.members.loadOf', { load: j.load, capacity: j.capacityLimit })}
        {j.minLoadLimit > 0 && <small> {t('jury.members.minLoad', { min: j.minLoadLimit })}</small>}
      </td>
      <td class="number">{t('jury.members.submittedOf', { submitted: j.submitted, load: j.load })}</td>
      <td>{j.lastReminderAt ? formatInstant(j.lastReminderAt, locale) : '—'}</td>
      <td>
        {j.stage !== 'withdrawn' && (
          <details>
            <summary>{t('jury.members.actionsFor', { name })}</summary>
            {j.pending && (
              <Form ctx={ctx} action={`${base}/reminder`}>
                <button type="submit" class="secondary">
                  {t(j.pending.kind === 'accept' ? 'jury.remind.invitation' : 'jury.remind.one')}
                </button>
              </Form>
            )}
            <Form ctx={ctx} action={`${base}/limits`}>
              <div class="field">
                <label for={`limits-${i}-capacity`}>{t('jury.limits.capacity')}</label>
                <input
                  id={`limits-${i}-capacity`}
                  name="capacity"
                  inputMode="numeric"
                  size={4}
                  value={j.capacity === null ? '' : String(j.capacity)}
                />
              </div>
              <div class="field">
                <label for={`limits-${i}-min`}>{t('jury.limits.minLoad')}</label>
                <input
                  id={`limits-${i}-min`}
                  name="minLoad"
                  inputMode="numeric"
                  size={4}
                  value={j.minLoad === null ? '' : String(j.minLoad)}
                />
              </div>
              <button type="submit" class="secondary">
                {t('jury.limits.submit')}
              </button>
            </Form>
            <Form ctx={ctx} action={`${base}/withdraw`}>
              <div class="field">
                <label for={`withdraw-${i}-reason`}>{t('jury.withdraw.reason')}</label>
                <input id={`withdraw-${i}-reason`} name="reason" maxLength={1000} required aria-required="true" />
              </div>
              <button type="submit" class="secondary">
                {t('jury.withdraw.submit')}
              </button>
            </Form>
          </details>
        )}
      </td>
    </tr>
  );
}
