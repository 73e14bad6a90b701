import type { EligibilityCriterion } from '../../../domain/callCriteria.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { SCREENING_VERDICTS, verdictOf, type Verdicts } from '../../../domain/screening.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { NOTE_MAX, type ChecklistValues } from '../forms.ts';
import type { ApplicationScreening } from '../service.ts';

export interface ChecklistFormState {
  values: ChecklistValues;
  errors: FieldErrors;
  /** A colleague saved in between: what they saved, who, and the version to overwrite knowingly. */
  conflict?: { theirs: Verdicts; by: string; version: number };
}

const verdictLabel = (ctx: ViewContext, verdict: string | null) =>
  ctx.t(`screening.verdict.${verdict ?? 'none'}` as MessageKey);

/**
 * The checklist: per criterion a radio group (met, not met, to verify) with the criterion's
 * explanation as its hint, and a note. Works as a plain form; a refused save shows the officer's
 * own choices again, and after a conflict the colleague's under each criterion.
 */
export function ChecklistForm({
  ctx,
  state,
  form,
}: {
  ctx: ViewContext;
  state: ApplicationScreening;
  form?: ChecklistFormState | undefined;
}) {
  const { t, locale } = ctx;
  const { criteria, checklist } = state;
  const errors = form?.errors ?? {};
  const labels = Object.fromEntries(
    criteria.flatMap((c, i) => [
      [`c.${i}.verdict`, inLocale(c.label, locale)],
      [`c.${i}.note`, inLocale(c.label, locale)],
    ]),
  );
  return (
    <>
      {form?.conflict && (
        <div class="error-summary" role="alert">
          <p>{t('screening.conflict', { name: form.conflict.by })}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={`/manage/applications/${state.view.application.id}/screening/checklist`}>
        <input type="hidden" name="version" value={String(form?.conflict?.version ?? checklist.version)} />
        {criteria.map((c, i) => (
          <CriterionFieldset
            ctx={ctx}
            criterion={c}
            index={i}
            chosen={form ? (form.values[c.id]?.verdict ?? '') : (verdictOf(checklist.verdicts, c.id) ?? '')}
            note={form ? (form.values[c.id]?.note ?? '') : (checklist.verdicts[c.id]?.note ?? '')}
            errors={errors}
            theirs={form?.conflict ? (form.conflict.theirs[c.id] ?? null) : undefined}
          />
        ))}
        <button type="submit">{t('screening.save')}</button>
      </Form>
      {checklist.updatedBy && checklist.updatedAt && (
        <p class="hint">
          {t('screening.lastSaved', { name: checklist.updatedBy, at: formatInstant(checklist.updatedAt, locale) })}
        </p>
      )}
    </>
  );
}

function CriterionFieldset(props: {
  ctx: ViewContext;
  criterion: EligibilityCriterion;
  index: number;
  chosen: string;
  note: string;
  errors: FieldErrors;
  theirs: { verdict: string; note: string } | null | undefined;
}) {
  const { ctx, criterion, index, chosen, note, errors, theirs } = props;
  const name = `c.${index}`;
  const error = errors[`${name}.verdict`];
  const explanation = inLocale(criterion.explanation, ctx.locale).trim();
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const theirsId = `${name}-theirs`;
  const describedBy =
    [explanation && hintId, error && errorId, theirs !== undefined && theirsId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={error ? 'field field-error' : 'field'}>
      <legend>{inLocale(criterion.label, ctx.locale)}</legend>
      <input type="hidden" name={`${name}.id`} value={criterion.id} />
      {explanation && (
        <p class="hint" id={hintId}>
          {explanation}
        </p>
      )}
      {error && (
        <p class="error" id={errorId}>
          {ctx.t(error.key, error.values)}
        </p>
      )}
      {theirs !== undefined && (
        <p class="hint" id={theirsId}>
          {ctx.t('screening.theirs', { verdict: verdictLabel(ctx, theirs?.verdict ?? null) })}
          {theirs?.note ? ` — ${theirs.note}` : ''}
        </p>
      )}
      <div class="choices">
        {SCREENING_VERDICTS.map((v, j) => {
          // The first radio carries the id the error summary links to.
          const id = j === 0 ? `field-${name}.verdict` : `${name}.verdict-${v}`;
          return (
            <div class="choice">
              <input
                type="radio"
                id={id}
                name={`${name}.verdict`}
                value={v}
                checked={chosen === v}
                aria-describedby={describedBy}
                aria-invalid={error ? 'true' : undefined}
              />
              <label for={id}>{verdictLabel(ctx, v)}</label>
            </div>
          );
        })}
      </div>
      <Textarea
        ctx={ctx}
        name={`${name}.note`}
        label={ctx.t('screening.note')}
        value={note}
        error={errors[`${name}.note`]}
        maxLength={NOTE_MAX}
        rows={2}
      />
    </fieldset>
  );
}

/** The checklist as saved, read-only: once a decision stands, or for a status without screening. */
export function ChecklistTable({ ctx, state }: { ctx: ViewContext; state: ApplicationScreening }) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('screening.criterion')}</th>
            <th scope="col">{t('screening.verdict')}</th>
            <th scope="col">{t('screening.note')}</th>
          </tr>
        </thead>
        <tbody>
          {state.criteria.map((c) => (
            <tr>
              <th scope="row">{inLocale(c.label, locale)}</th>
              <td>{verdictLabel(ctx, verdictOf(state.checklist.verdicts, c.id))}</td>
              <td>{state.checklist.verdicts[c.id]?.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
