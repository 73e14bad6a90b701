import { formatMoney } from '../../../domain/money.ts';
import type { SelectionResult } from '../../../domain/selection/index.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CellInput, ErrorSummary, Field, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { CallManagementBar } from '../../calls/views/CallEditorPage.tsx';
import { formatScore } from '../../jury/scoring/views/format.ts';
import { MAX_FIXED_JUSTIFICATION_LENGTH, MAX_PLAN_JUSTIFICATION_LENGTH, type PlanValues } from '../forms.ts';
import type { SelectionView } from '../service.ts';
import { explainer } from './explain.ts';
import { OutcomeCell } from './OutcomeCell.tsx';

export interface SelectionPageProps {
  ctx: ViewContext;
  view: SelectionView;
  values: PlanValues;
  errors?: FieldErrors;
  /** Set when the page shows a what-if rather than the saved plan. */
  preview?: boolean;
  conflict?: boolean;
}

/**
 * The officer's selection: the rules and fixed amounts on the left of the decision, the selection
 * they give, why each application sits where it does, what breaks a rule, and the other mode beside.
 * One form: "show" computes a what-if without saving; "save" keeps the plan (with justifications).
 */
export function SelectionPage({ ctx, view, values, errors = {}, preview, conflict }: SelectionPageProps) {
  const { t, locale } = ctx;
  const { facts, run } = view;
  const { call } = facts.managed;
  const money = (cents: number) => formatMoney(cents, locale);
  const explain = explainer(ctx, facts.managed, facts.ranked, run.plan, run.result);
  const decided = !!facts.decision;
  const publics = facts.managed.targetPublics.filter((p) => facts.ranked.some((c) => c.targetPublics.includes(p.key)));
  const missingIds = new Set(view.missing.flatMap((v) => (v.id ? [v.id] : [])));
  const generalMissing = view.missing.some((v) => !v.id);
  const justificationErrors: FieldErrors = { ...errors };
  for (const id of missingIds) justificationErrors[`reason.${id}`] = { key: 'decisions.error.justify' };
  if (generalMissing) justificationErrors.justification = { key: 'decisions.error.justify' };
  const labels: Record<string, string> = {
    budget: t('decisions.budget'),
    partialFloor: t('decisions.partialFloor'),
    maxPerCommune: t('decisions.maxPerCommune'),
    maxPerOrganisation: t('decisions.maxPerOrganisation'),
    justification: t('decisions.justification'),
  };
  // A row's labels are made for the rows that need them (an error to list, a reason to show), not for two thousand.
  const referenceOf = new Map(facts.ranked.map((c) => [c.id, c.reference]));
  const fixedLabel = (reference: string) => t('decisions.fixedFor', { reference });
  const reasonLabel = (reference: string) => t('decisions.reasonFor', { reference });
  for (const name of Object.keys(justificationErrors)) {
    const [field, id = ''] = name.split(/\.(.*)/);
    const reference = referenceOf.get(id);
    if (reference && field === 'fixed') labels[name] = fixedLabel(reference);
    if (reference && field === 'reason') labels[name] = reasonLabel(reference);
  }
  for (const p of publics) labels[`min.${p.key}`] = t('decisions.minFor', { public: inLocale(p.label, locale) });

  return (
    <Layout ctx={ctx} title={`${t('decisions.selection.title')} — ${inLocale(call.title, locale)}`} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${facts.managed.call.id}`}>{inLocale(facts.managed.call.title, ctx.locale)}</a>
      </p>
      <h1>{t('decisions.selection.title')}</h1>
      <CallManagementBar ctx={ctx} managed={facts.managed} />
      {conflict && (
        <p class="conflict" role="alert">
          {t('decisions.conflict')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={justificationErrors} labels={labels} />
      {decided && (
        <p class="card">
          {t('decisions.selection.decided')}{' '}
          <a href={`/manage/calls/${call.id}/decision`}>{t('decisions.decision.title')}</a>
        </p>
      )}
      {view.blockers.length > 0 && (
        <section class="card" aria-labelledby="blockers-title">
          <h2 id="blockers-title">{t('decisions.blockers.title')}</h2>
          <ul>
            {view.blockers.map((b) => (
              <li>{t(`decisions.blocker.${b}` as MessageKey, { count: facts.awaiting.length })}</li>
            ))}
          </ul>
        </section>
      )}

      <Summary ctx={ctx} result={run.result} budgetCents={run.budgetCents} preview={!!preview} />

      {(run.result.violations.length > 0 || run.result.unsatisfiable.length > 0 || run.result.warnings.length > 0) && (
        <section aria-labelledby="rules-title">
          <h2 id="rules-title">{t('decisions.rules.title')}</h2>
          {run.result.violations.length > 0 && (
            <>
              <p>{t('decisions.violations.intro')}</p>
              <ul class="violations">
                {run.result.violations.map((v) => (
                  <li>
                    <strong>{explain.violation(v)}</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
          {run.result.unsatisfiable.length > 0 && (
            <ul>
              {run.result.unsatisfiable.map((u) => (
                <li>{explain.unsatisfiable(u)}</li>
              ))}
            </ul>
          )}
          {decided && run.plan.justification && (
            <p>{t('decisions.confirm.justification', { text: run.plan.justification })}</p>
          )}
          {run.result.warnings.some((w) => w.code === 'unspent') && (
            <p class="conflict">{t('decisions.unspentFlag', { unspent: money(run.result.unspent) })}</p>
          )}
          {run.result.warnings.some((w) => w.code === 'rule-not-met') && <p>{t('decisions.rankingIgnoresRules')}</p>}
        </section>
      )}

      <Form ctx={ctx} action={`/manage/calls/${call.id}/selection`}>
        <input type="hidden" name="version" value={String(facts.plan.version)} />
        <fieldset>
          <legend>{t('decisions.mode')}</legend>
          <div class="choices">
            {(['ranking', 'constrained'] as const).map((mode) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`mode-${mode}`}
                  name="mode"
                  value={mode}
                  checked={(values.mode ?? 'ranking') === mode}
                  aria-describedby={`mode-${mode}-hint`}
                />
                <label for={`mode-${mode}`}>
                  {t(`decisions.mode.${mode}`)}{' '}
                  <span class="hint" id={`mode-${mode}-hint`}>
                    — {t(`decisions.mode.${mode}.hint`)}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field
          ctx={ctx}
          name="budget"
          label={labels.budget!}
          value={values.budget}
          error={errors.budget}
          hint={t('decisions.budget.hint', { budget: money(call.budgetCents) })}
        />
        <Field
          ctx={ctx}
          name="partialFloor"
          label={labels.partialFloor!}
          value={values.partialFloor}
          error={errors.partialFloor}
          hint={t('decisions.partialFloor.hint')}
        />
        <fieldset>
          <legend>{t('decisions.portfolio')}</legend>
          <p class="hint">{t('decisions.portfolio.hint')}</p>
          {publics.map((p) => (
            <Field
              ctx={ctx}
              name={`min.${p.key}`}
              label={labels[`min.${p.key}`]!}
              value={values[`min.${p.key}`]}
              error={errors[`min.${p.key}`]}
            />
          ))}
          <Field
            ctx={ctx}
            name="maxPerCommune"
            label={labels.maxPerCommune!}
            value={values.maxPerCommune}
            error={errors.maxPerCommune}
            hint={t('decisions.maxPerCommune.hint')}
          />
          <Field
            ctx={ctx}
            name="maxPerOrganisation"
            label={labels.maxPerOrganisation!}
            value={values.maxPerOrganisation}
            error={errors.maxPerOrganisation}
          />
        </fieldset>

        <div class="table-scroll">
          <table>
            <caption>{t('decisions.table.caption', { mode: t(`decisions.mode.${run.plan.mode}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scoring.ranking.rank')}</th>
                <th scope="col">{t('scoring.reference')}</th>
                <th scope="col">{t('decisions.project')}</th>
                <th scope="col" class="number">
                  {t('scoring.ranking.total')}
                </th>
                <th scope="col" class="number">
                  {t('decisions.requested')}
                </th>
                <th scope="col">{t('decisions.outcome')}</th>
                <th scope="col">{t('decisions.fixed')}</th>
              </tr>
            </thead>
            <tbody>
              {view.outcomes
                .filter((o) => o.rank !== null)
                .map((o) => {
                  const c = o.candidate;
                  const fixedName = `fixed.${c.id}`;
                  const reasonName = `reason.${c.id}`;
                  const showReason = !!values[fixedName] || !!values[reasonName] || missingIds.has(c.id);
                  return (
                    <tr>
                      <td>{o.rank}</td>
                      <td>
                        <a href={`/manage/applications/${c.id}/consensus`}>{c.reference}</a>
                      </td>
                      <td>
                        {c.title}
                        <br />
                        <span class="hint">{c.organisationName}</span>
                      </td>
                      <td class="number">{c.total === null ? '' : formatScore(c.total, locale)}</td>
                      <td class="number">{money(c.requestedCents)}</td>
                      <OutcomeCell ctx={ctx} outcome={o} reason={explain.reason(o)} />
                      <td>
                        {decided ? (
                          <>
                            {values[fixedName] ?? ''}
                            {values[reasonName] && <p class="hint">{values[reasonName]}</p>}
                          </>
                        ) : (
                          <>
                            <CellInput
                              ctx={ctx}
                              name={fixedName}
                              label={fixedLabel(c.reference)}
                              value={values[fixedName]}
                              error={errors[fixedName]}
                            />
                            {showReason && (
                              <Textarea
                                ctx={ctx}
                                name={reasonName}
                                label={reasonLabel(c.reference)}
                                value={values[reasonName]}
                                error={justificationErrors[reasonName]}
                                rows={3}
                                maxLength={MAX_FIXED_JUSTIFICATION_LENGTH}
                              />
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
        <p class="hint">{t('decisions.fixed.hint')}</p>
        {(generalMissing || values.justification) && (
          <Textarea
            ctx={ctx}
            name="justification"
            label={labels.justification!}
            value={values.justification}
            error={justificationErrors.justification}
            rows={3}
            maxLength={MAX_PLAN_JUSTIFICATION_LENGTH}
            hint={t('decisions.justification.hint')}
          />
        )}
        {!decided && (
          <p class="actions">
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('decisions.preview')}
            </button>
            <button type="submit" name="intent" value="save">
              {t('decisions.save')}
            </button>
          </p>
        )}
      </Form>

      <Comparison ctx={ctx} view={view} />
      <p>
        <a href={`/manage/calls/${call.id}/decision`}>{t('decisions.toDecision')}</a>
      </p>
    </Layout>
  );
}

function Summary({
  ctx,
  result,
  budgetCents,
  preview,
}: {
  ctx: ViewContext;
  result: SelectionResult;
  budgetCents: number;
  preview: boolean;
}) {
  const { t, locale } = ctx;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section class="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{preview ? t('decisions.summary.whatIf') : t('decisions.summary.saved')}</h2>
      <dl class="facts">
        <dt>{t('decisions.budget')}</dt>
        <dd>{money(budgetCents)}</dd>
        <dt>{t('decisions.funded')}</dt>
        <dd>{t('decisions.fundedCount', { count: result.selected.length, total: money(result.total) })}</dd>
        {/* Fixed amounts may spend more than the budget: then the page says by how much, not "−439 € unspent". */}
        <dt>{result.unspent < 0 ? t('decisions.overspent') : t('decisions.unspent')}</dt>
        <dd>{money(Math.abs(result.unspent))}</dd>
        <dt>{t('decisions.reserveList')}</dt>
        <dd>{result.reserve.length}</dd>
      </dl>
    </section>
  );
}

/** Both modes side by side: what each funds, spends and leaves, and which applications differ. */
function Comparison({ ctx, view }: { ctx: ViewContext; view: SelectionView }) {
  const { t, locale } = ctx;
  const money = (cents: number) => formatMoney(cents, locale);
  const { run } = view;
  const byMode =
    run.plan.mode === 'ranking'
      ? { ranking: run.result, constrained: run.other }
      : { ranking: run.other, constrained: run.result };
  const ref = new Map(view.facts.ranked.map((c) => [c.id, c.reference]));
  const ids = (r: SelectionResult) => new Set(r.selected.map((s) => s.id));
  const only = (a: SelectionResult, b: SelectionResult) =>
    [...ids(a)].filter((id) => !ids(b).has(id)).map((id) => ref.get(id) ?? id);
  const rulesUnmet = (r: SelectionResult) =>
    r.unsatisfiable.length + r.warnings.filter((w) => w.code === 'rule-not-met').length;
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t('decisions.compare.title')}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-title">
        <table>
          <caption class="hint">{t('decisions.compare.caption')}</caption>
          <thead>
            <tr>
              <td></td>
              <th scope="col">{t('decisions.mode.ranking')}</th>
              <th scope="col">{t('decisions.mode.constrained')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('decisions.funded')}</th>
              <td>{byMode.ranking.selected.length}</td>
              <td>{byMode.constrained.selected.length}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisions.total')}</th>
              <td class="number">{money(byMode.ranking.total)}</td>
              <td class="number">{money(byMode.constrained.total)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisions.unspent')}</th>
              <td class="number">{money(byMode.ranking.unspent)}</td>
              <td class="number">{money(byMode.constrained.unspent)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisions.compare.rulesUnmet')}</th>
              <td>{rulesUnmet(byMode.ranking)}</td>
              <td>{rulesUnmet(byMode.constrained)}</td>
            </tr>
            <tr>
              <th scope="row">{t('decisions.compare.only')}</th>
              <td>{only(byMode.ranking, byMode.constrained).join(', ') || '—'}</td>
              <td>{only(byMode.constrained, byMode.ranking).join(', ') || '—'}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
