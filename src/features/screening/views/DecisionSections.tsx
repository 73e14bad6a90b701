import { formatInstant } from '../../../domain/brusselsTime.ts';
import { unmetCriteria } from '../../../domain/screening.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { REASON_MAX } from '../forms.ts';
import type { ApplicationScreening } from '../service.ts';

export interface SimpleFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/**
 * The decision the saved checklist allows — at most one of the two, since "eligible" needs every
 * criterion met and "not eligible" at least one not met — or why none is possible yet.
 */
export function DecisionSection({
  ctx,
  state,
  form,
}: {
  ctx: ViewContext;
  state: ApplicationScreening;
  form?: SimpleFormState | undefined;
}) {
  const { t, locale } = ctx;
  const { abilities, checklist } = state;
  const action = `/manage/applications/${state.view.application.id}/screening/decision`;
  const errors = form?.errors ?? {};
  const unmet = unmetCriteria(state.criteria, checklist.verdicts);
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('screening.decision')}</h2>
      <p class="hint">{t('screening.decision.basis')}</p>
      <ErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{
          reason: t(abilities.declareIneligible ? 'screening.decision.reason' : 'screening.decision.comment'),
          decision: t('screening.decision'),
        }}
      />
      {abilities.declareEligible && (
        <Form ctx={ctx} action={action}>
          <p>{t('screening.decision.eligibleIntro')}</p>
          <input type="hidden" name="decision" value="eligible" />
          <input type="hidden" name="checklistVersion" value={String(checklist.version)} />
          <Textarea
            ctx={ctx}
            name="reason"
            label={t('screening.decision.comment')}
            value={form?.values.reason}
            error={errors.reason}
            maxLength={REASON_MAX}
            rows={3}
          />
          <button type="submit">{t('screening.declareEligible')}</button>
        </Form>
      )}
      {abilities.declareIneligible && (
        <Form ctx={ctx} action={action}>
          <p>{t('screening.decision.ineligibleIntro')}</p>
          <ul>
            {unmet.map((c) => (
              <li>{inLocale(c.label, locale)}</li>
            ))}
          </ul>
          <input type="hidden" name="decision" value="ineligible" />
          <input type="hidden" name="checklistVersion" value={String(checklist.version)} />
          <Textarea
            ctx={ctx}
            name="reason"
            label={t('screening.decision.reason')}
            hint={t('screening.decision.reasonHint')}
            value={form?.values.reason}
            error={errors.reason}
            maxLength={REASON_MAX}
            required
            rows={4}
          />
          <button type="submit">{t('screening.declareIneligible')}</button>
        </Form>
      )}
      {state.blocked && <p>{t(`screening.blocked.${state.blocked}` as MessageKey)}</p>}
    </section>
  );
}

/** Reopening a standing "not eligible" decision: by another officer, with a reason. */
export function ReopenSection({
  ctx,
  state,
  form,
}: {
  ctx: ViewContext;
  state: ApplicationScreening;
  form?: SimpleFormState | undefined;
}) {
  const { t } = ctx;
  const errors = form?.errors ?? {};
  return (
    <section aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t('screening.reopen')}</h2>
      <p class="hint">{t('screening.reopen.hint')}</p>
      {state.abilities.reopen ? (
        <>
          <ErrorSummary ctx={ctx} errors={errors} labels={{ reason: t('screening.reopen.reason') }} />
          <Form ctx={ctx} action={`/manage/applications/${state.view.application.id}/screening/reopen`}>
            <Textarea
              ctx={ctx}
              name="reason"
              label={t('screening.reopen.reason')}
              value={form?.values.reason}
              error={errors.reason}
              maxLength={REASON_MAX}
              required
              rows={3}
            />
            <button type="submit" class="secondary">
              {t('screening.reopen.submit')}
            </button>
          </Form>
        </>
      ) : (
        state.ownIneligibleDecision && <p>{t('screening.refused.sameOfficer')}</p>
      )}
    </section>
  );
}

/** Every decision and reopening, oldest first, with who, when, the criteria not met and the reason. */
export function HistorySection({ ctx, state }: { ctx: ViewContext; state: ApplicationScreening }) {
  const { t, locale } = ctx;
  const label = (id: string) => {
    const c = state.criteria.find((x) => x.id === id);
    return c ? inLocale(c.label, locale) : id;
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('screening.history')}</h2>
      {state.history.length === 0 ? (
        <p>{t('screening.history.none')}</p>
      ) : (
        <ol class="history">
          {state.history.map((h) => (
            <li>
              <p>
                {t(`screening.history.${h.kind}` as MessageKey, {
                  at: formatInstant(h.decidedAt, locale),
                  name: h.decidedBy,
                })}
              </p>
              {h.unmetCriteria.length > 0 && (
                <p>{t('screening.history.unmet', { criteria: h.unmetCriteria.map(label).join(', ') })}</p>
              )}
              {h.reason && <p>{t('screening.history.reason', { reason: h.reason })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
