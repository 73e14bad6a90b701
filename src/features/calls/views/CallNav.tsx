import { stepStates, type CallStep } from '../../../domain/callSteps.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';

type Call = { id: string; status: Parameters<typeof stepStates>[0] };

/** The statuses in which a call's results are public. */
const RESULTS_PUBLIC = new Set<Call['status']>(['results-published', 'follow-up', 'archived']);

const LINKS: Record<CallStep, { path: string; label: MessageKey }[]> = {
  prepare: [
    { path: '', label: 'manage.call.general' },
    { path: '/criteria', label: 'manage.criteria.title' },
    { path: '/form', label: 'manage.form.title' },
    { path: '/preview', label: 'manage.form.preview' },
    { path: '/questions', label: 'manage.questions.title' },
  ],
  receive: [{ path: '/applications', label: 'inbox.title' }],
  screening: [{ path: '/screening', label: 'screening.title' }],
  evaluation: [
    { path: '/jury', label: 'jury.title' },
    { path: '/consensus', label: 'scoring.consensus' },
    { path: '/calibration', label: 'scoring.calibration.title' },
    { path: '/ranking', label: 'scoring.ranking.title' },
  ],
  selection: [{ path: '/selection', label: 'decisions.selection.title' }],
  decision: [{ path: '/decision', label: 'decisions.decision.title' }],
  results: [
    { path: '/grants', label: 'grants.list.title' },
    { path: '/payments', label: 'grants.payments.title' },
  ],
};

/**
 * The one navigation of a call's pages, following its lifecycle: the steps done, the current one
 * and those ahead, each with its pages; the page shown is marked. It wraps to a list on a phone.
 */
export function CallNav({ ctx, call }: { ctx: ViewContext; call: Call }) {
  const { t } = ctx;
  const base = `/manage/calls/${call.id}`;
  const here = ctx.path.split('?')[0];
  return (
    <nav aria-label={t('call.steps.label')} class="call-steps">
      <ol>
        {stepStates(call.status).map(({ step, state }) => (
          <li class={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="step-name">
              {t(`call.step.${step}`)}
              <span class="visually-hidden"> ({t(`call.stepState.${state}`)})</span>
            </span>
            <ul>
              {LINKS[step].map((link) => (
                <li>
                  <a href={base + link.path} aria-current={here === base + link.path ? 'page' : undefined}>
                    {t(link.label)}
                  </a>
                </li>
              ))}
              {step === 'results' && call.status !== 'draft' && (
                <li>
                  <a href={`/calls/${call.id}`}>{t('manage.call.publicPage')}</a>
                </li>
              )}
              {step === 'results' && RESULTS_PUBLIC.has(call.status) && (
                <li>
                  <a href={`/calls/${call.id}/results`}>{t('call.nav.results')}</a>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The top of a call's page that is not the call editor: back to the call by its title, then the
 * call's navigation, so that every page of a call carries the same one.
 */
export function CallPageNav({ ctx, call }: { ctx: ViewContext; call: Call & { title: Translated } }) {
  return (
    <>
      <p>
        <a href="/manage/calls">{ctx.t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${call.id}`}>{inLocale(call.title, ctx.locale)}</a>
      </p>
      <CallNav ctx={ctx} call={call} />
    </>
  );
}
