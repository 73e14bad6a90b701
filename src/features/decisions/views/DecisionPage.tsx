import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { LOCALES } from '../../../domain/locale.ts';
import {
  ErrorSummary,
  Field,
  Form,
  LANGUAGE_SUFFIX,
  PerLanguageFields,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import { CallManagementBar } from '../../calls/views/CallEditorPage.tsx';
import type { DecisionView } from '../service.ts';
import { explainer } from './explain.ts';
import { OutcomeCell } from './OutcomeCell.tsx';

export interface DecisionPageProps {
  ctx: ViewContext;
  view: DecisionView;
  confirm?: { values: Record<string, string>; errors: FieldErrors };
  announcement?: { values: Record<string, string>; errors: FieldErrors };
  problem?: MessageKey | null;
}

/**
 * The decision on a call: before it, what confirming the saved plan will record and the form that
 * confirms it; after it, each outcome with its letter, withdrawals and promotions from the reserve
 * list, the announcement to edit, and the publication of the results.
 */
export function DecisionPage({ ctx, view, confirm, announcement, problem }: DecisionPageProps) {
  const { t, locale } = ctx;
  const { facts } = view;
  const { call } = facts.managed;
  const money = (cents: number) => formatMoney(cents, locale);
  const plan = facts.plan;
  const explain = explainer(ctx, facts.managed, [...facts.ranked, ...facts.unranked], plan, view.run?.result ?? null);
  const decision = facts.decision;
  const languages = facts.managed.call.funderLanguages;
  const perLanguageLabels = (name: string, label: string) =>
    Object.fromEntries(
      LOCALES.map((lang) => [
        `${name}${LANGUAGE_SUFFIX[lang]}`,
        `${label} (${t(`admin.funder.language.${lang}` as MessageKey)})`,
      ]),
    );
  return (
    <Layout ctx={ctx} title={`${t('decisions.decision.title')} — ${inLocale(call.title, locale)}`} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${facts.managed.call.id}`}>{inLocale(facts.managed.call.title, ctx.locale)}</a>
      </p>
      <h1>{t('decisions.decision.title')}</h1>
      <CallManagementBar ctx={ctx} managed={facts.managed} />
      {problem && (
        <p class="error" role="alert">
          {t(problem, { count: facts.awaiting.length })}
        </p>
      )}
      {decision ? (
        <section class="card" aria-labelledby="decided-title">
          <h2 id="decided-title">{t('decisions.decided.title')}</h2>
          <p>
            {t('decisions.decided.by', {
              body: inLocale(decision.decidingBody, locale),
              date: formatCalendarDate(decision.decidedOn, locale),
              recorded: formatInstant(decision.recordedAt, locale),
            })}
          </p>
          <p>
            {t('decisions.decided.total', {
              total: money(view.results?.totalCents ?? 0),
              budget: money(decision.budgetCents),
              count: view.results?.projects.length ?? 0,
            })}
          </p>
        </section>
      ) : (
        <section aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('decisions.confirm.title')}</h2>
          {view.blockers.length > 0 ? (
            <ul>
              {view.blockers.map((b) => (
                <li>{t(`decisions.blocker.${b}` as MessageKey, { count: facts.awaiting.length })}</li>
              ))}
            </ul>
          ) : (
            <p>
              {t('decisions.confirm.intro', {
                mode: t(`decisions.mode.${plan.mode}`),
                selected: view.run?.result.selected.length ?? 0,
                total: money(view.run?.result.total ?? 0),
              })}
            </p>
          )}
          {(view.run?.result.violations.length ?? 0) > 0 && (
            <>
              <p>{t('decisions.confirm.violations')}</p>
              <ul class="violations">
                {view.run!.result.violations.map((v) => (
                  <li>{explain.violation(v)}</li>
                ))}
              </ul>
              {plan.justification && <p>{t('decisions.confirm.justification', { text: plan.justification })}</p>}
            </>
          )}
          <p>
            <a href={`/manage/calls/${call.id}/selection`}>{t('decisions.toSelection')}</a>
          </p>
          {view.blockers.length === 0 && (
            <Form ctx={ctx} action={`/manage/calls/${call.id}/decision`}>
              <ErrorSummary
                ctx={ctx}
                errors={confirm?.errors ?? {}}
                labels={{
                  ...perLanguageLabels('decidingBody', t('decisions.decidingBody')),
                  decidedOn: t('decisions.decidedOn'),
                  signatoryName: t('decisions.signatoryName'),
                  ...perLanguageLabels('signatoryFunction', t('decisions.signatoryFunction')),
                  ...perLanguageLabels('appealRoutes', t('decisions.appealRoutes')),
                }}
              />
              <input type="hidden" name="version" value={String(plan.version)} />
              <PerLanguageFields
                ctx={ctx}
                name="decidingBody"
                legend={t('decisions.decidingBody')}
                hint={t('decisions.decidingBody.hint')}
                requiredLanguages={languages}
                required
                values={confirm?.values}
                errors={confirm?.errors}
                maxLength={300}
              />
              <Field
                ctx={ctx}
                type="date"
                name="decidedOn"
                label={t('decisions.decidedOn')}
                value={confirm?.values.decidedOn}
                error={confirm?.errors.decidedOn}
                required
              />
              <Field
                ctx={ctx}
                name="signatoryName"
                label={t('decisions.signatoryName')}
                value={confirm?.values.signatoryName}
                error={confirm?.errors.signatoryName}
                autocomplete="off"
              />
              <PerLanguageFields
                ctx={ctx}
                name="signatoryFunction"
                legend={t('decisions.signatoryFunction')}
                hint={t('decisions.signatoryFunction.hint')}
                requiredLanguages={languages}
                values={confirm?.values}
                errors={confirm?.errors}
                maxLength={200}
              />
              <PerLanguageFields
                ctx={ctx}
                name="appealRoutes"
                legend={t('decisions.appealRoutes')}
                hint={t('decisions.appealRoutes.hint')}
                requiredLanguages={languages}
                values={confirm?.values}
                errors={confirm?.errors}
                maxLength={4000}
                multiline
              />
              <button type="submit">{t('decisions.confirm.button')}</button>
            </Form>
          )}
        </section>
      )}

      {/* On a phone the table scrolls in its box: the box takes the keyboard's focus, named by the table's caption. */}
      <div
        class="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={decision ? t('decisions.outcomes.caption') : t('decisions.outcomes.planned')}
      >
        <table>
          <caption>{decision ? t('decisions.outcomes.caption') : t('decisions.outcomes.planned')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scoring.ranking.rank')}</th>
              <th scope="col">{t('scoring.reference')}</th>
              <th scope="col">{t('decisions.project')}</th>
              <th scope="col">{t('decisions.outcome')}</th>
              {decision && <th scope="col">{t('decisions.letter')}</th>}
            </tr>
          </thead>
          <tbody>
            {view.outcomes.map((o) => (
              <tr>
                <td>{o.rank ?? '—'}</td>
                <td>{o.candidate.reference}</td>
                <td>
                  {o.candidate.title}
                  <br />
                  <span class="hint">{o.candidate.organisationName}</span>
                </td>
                <OutcomeCell ctx={ctx} outcome={o} reason={explain.reason(o)} />
                {decision && (
                  <td>
                    {view.lettersReady.has(o.candidate.id) ? (
                      <a href={`/applications/${o.candidate.id}/letter`}>
                        {t('decisions.letter.download', { reference: o.candidate.reference })}
                      </a>
                    ) : (
                      <span class="hint">{t('decisions.letter.pending')}</span>
                    )}
                    {o.outcome === 'selected' && o.reason !== 'withdrawn' && (
                      <details>
                        <summary>{t('decisions.withdraw.title')}</summary>
                        <Form ctx={ctx} action={`/manage/calls/${call.id}/withdraw-grant`}>
                          <input type="hidden" name="applicationId" value={o.candidate.id} />
                          <Field
                            ctx={ctx}
                            name={`reason-${o.candidate.id}`}
                            label={t('decisions.withdraw.reason', { reference: o.candidate.reference })}
                            required
                          />
                          <button type="submit" class="secondary small">
                            {t('decisions.withdraw.button')}
                          </button>
                        </Form>
                      </details>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {view.proposal.length > 0 && (
        <section class="card" aria-labelledby="promote-title">
          <h2 id="promote-title">{t('decisions.promote.title')}</h2>
          <ul>
            {view.proposal.map((o) => (
              <li>
                {t('decisions.promote.item', {
                  reference: o.candidate.reference,
                  title: o.candidate.title,
                  amount: money(o.amountCents ?? 0),
                })}
              </li>
            ))}
          </ul>
          <Form ctx={ctx} action={`/manage/calls/${call.id}/promote`}>
            <input type="hidden" name="expected" value={view.proposal.map((o) => o.candidate.id).join(',')} />
            <button type="submit">{t('decisions.promote.button')}</button>
          </Form>
        </section>
      )}

      {decision && view.announcement && (
        <section aria-labelledby="announcement-title">
          <h2 id="announcement-title">{t('decisions.announcement.title')}</h2>
          <p class="hint">
            {decision.announcement ? t('decisions.announcement.edited') : t('decisions.announcement.draft')}
          </p>
          <Form ctx={ctx} action={`/manage/calls/${call.id}/announcement`}>
            <ErrorSummary
              ctx={ctx}
              errors={announcement?.errors ?? {}}
              labels={{ fr: t('decisions.announcement.fr'), nl: t('decisions.announcement.nl') }}
            />
            <Textarea
              ctx={ctx}
              name="fr"
              label={t('decisions.announcement.fr')}
              value={announcement?.values.fr ?? view.announcement.fr}
              error={announcement?.errors.fr}
              rows={16}
            />
            <Textarea
              ctx={ctx}
              name="nl"
              label={t('decisions.announcement.nl')}
              value={announcement?.values.nl ?? view.announcement.nl}
              error={announcement?.errors.nl}
              rows={16}
            />
            <button type="submit" class="secondary">
              {t('decisions.announcement.save')}
            </button>
          </Form>
        </section>
      )}

      {decision && (
        <section class="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{t('decisions.results.title')}</h2>
          {decision.resultsPublishedAt ? (
            <p>
              {t('decisions.results.published', { at: formatInstant(decision.resultsPublishedAt, locale) })}{' '}
              <a href={`/calls/${call.id}/results`}>{t('decisions.results.link')}</a>
            </p>
          ) : (
            <>
              <p>{t('decisions.results.intro')}</p>
              {/* Publishing cannot be taken back: the button leads to a page that says what it makes public. */}
              <p>
                <a class="button" href={`/manage/calls/${call.id}/results/publish`}>
                  {t('decisions.results.publish')}
                </a>
              </p>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}
