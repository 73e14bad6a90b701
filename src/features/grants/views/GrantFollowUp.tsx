// The parts of a grant's page that follow the agreement: the grantee's decline, the officers' amendments and
// the recoveries with their letters.
import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { GrantPage } from '../service.ts';
import type { AmendmentKind } from '../../../domain/grants/amendment.ts';
import type { OfficerGrantMove } from '../commands/moveGrant.ts';

type Submitted = { values: Record<string, string>; errors: FieldErrors } | undefined;

/**
 * A move on the grant that says why (reasonForm): its title, what it does, the reason and the button. The grant's
 * version goes with it, so a page shown before someone else's change is refused as stale.
 */
function ReasonForm({
  ctx,
  page,
  action,
  text,
  form,
}: {
  ctx: ViewContext;
  page: GrantPage;
  action: string;
  text: { title: string; intro: string; reason: string; submit: string };
  form: Submitted;
}) {
  const { row } = page.scoped.record;
  return (
    <Form ctx={ctx} action={`/grants/${row.id}/${action}`} class="card">
      <h3>{text.title}</h3>
      {form && <ErrorSummary ctx={ctx} errors={form.errors} labels={{ reason: text.reason }} />}
      <p>{text.intro}</p>
      <input type="hidden" name="version" value={String(row.version)} />
      <Textarea
        ctx={ctx}
        name="reason"
        label={text.reason}
        required
        value={form?.values.reason}
        error={form?.errors.reason}
        maxLength={2000}
        rows={4}
      />
      <button type="submit">{text.submit}</button>
    </Form>
  );
}

/** The organisation declines the offer, or the amendment it was sent, with its reason. */
export function DeclineForm({ ctx, page, form }: { ctx: ViewContext; page: GrantPage; form: Submitted }) {
  const { t } = ctx;
  const { row, versions } = page.scoped.record;
  const amendment = row.status !== 'offered' && row.status !== 'agreement-sent';
  const text = {
    title: t(amendment ? 'grants.decline.amendmentTitle' : 'grants.decline.title'),
    intro: amendment
      ? t('grants.decline.amendmentIntro', { version: versions.at(-1)?.number ?? 2 })
      : t('grants.decline.intro', { organisation: row.organisationName }),
    reason: t('grants.decline.reason'),
    submit: t(amendment ? 'grants.decline.amendmentSubmit' : 'grants.decline.submit'),
  };
  return <ReasonForm ctx={ctx} page={page} action="decline" text={text} form={form} />;
}

/** An officer suspends, resumes or closes the grant, saying why (the reason goes to the audit trail). */
export function MoveForm({
  ctx,
  page,
  move,
  form,
}: {
  ctx: ViewContext;
  page: GrantPage;
  move: OfficerGrantMove;
  form: Submitted;
}) {
  const { t } = ctx;
  const text = {
    title: t(`grants.move.${move}.title`),
    intro: t(`grants.move.${move}.intro`),
    reason: t(`grants.move.${move}.reason`),
    submit: t(`grants.move.${move}.submit`),
  };
  return <ReasonForm ctx={ctx} page={page} action={move} text={text} form={form} />;
}

/** The officers' two amendments without cost: a later end, or money moved between the budget's lines. */
export function AmendmentForms({
  ctx,
  page,
  form,
}: {
  ctx: ViewContext;
  page: GrantPage;
  form: { kind: AmendmentKind; values: Record<string, string>; errors: FieldErrors } | undefined;
}) {
  const { t, locale } = ctx;
  const { row, versions } = page.scoped.record;
  const binding = versions.find((v) => v.status === 'countersigned');
  const extension = form?.kind === 'extension' ? form : undefined;
  const revision = form?.kind === 'budget-revision' ? form : undefined;
  const euros = (c: number) => formatMoney(c, locale, { cents: true });
  const plain = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
  const lines = page.budget?.lines ?? [];
  const lineLabels = Object.fromEntries(lines.map((l, i) => [`line-${i}`, l.label]));
  return (
    <section aria-labelledby="amend-title" class="card">
      <h3 id="amend-title">{t('grants.amendment.title')}</h3>
      <p>{t('grants.amendment.intro')}</p>
      <Form ctx={ctx} action={`/grants/${row.id}/amendments`}>
        <h4>{t('grants.amendment.kind.extension')}</h4>
        {extension && (
          <ErrorSummary
            ctx={ctx}
            errors={extension.errors}
            labels={{ periodEnd: t('grants.amendment.periodEnd'), reason: t('grants.amendment.reason') }}
          />
        )}
        {binding && <p>{t('grants.amendment.currentEnd', { date: formatCalendarDate(binding.periodEnd, locale) })}</p>}
        <input type="hidden" name="version" value={String(row.version)} />
        <input type="hidden" name="kind" value="extension" />
        <Field
          ctx={ctx}
          type="date"
          name="periodEnd"
          label={t('grants.amendment.periodEnd')}
          required
          value={extension?.values.periodEnd}
          error={extension?.errors.periodEnd}
        />
        <Textarea
          ctx={ctx}
          name="reason"
          label={t('grants.amendment.reason')}
          required
          value={extension?.values.reason}
          error={extension?.errors.reason}
          maxLength={2000}
          rows={3}
        />
        <button type="submit">{t('grants.amendment.submitExtension')}</button>
      </Form>
      {lines.length > 0 && page.budget && (
        <Form ctx={ctx} action={`/grants/${row.id}/amendments`}>
          <h4>{t('grants.amendment.kind.budget-revision')}</h4>
          {revision && (
            <ErrorSummary
              ctx={ctx}
              errors={revision.errors}
              labels={{ ...lineLabels, reason: t('grants.amendment.reason') }}
            />
          )}
          <p>{t('grants.amendment.budgetIntro', { total: euros(page.budget.totalCents) })}</p>
          <input type="hidden" name="version" value={String(row.version)} />
          <input type="hidden" name="kind" value="budget-revision" />
          {lines.map((l, i) => (
            <Field
              ctx={ctx}
              name={`line-${i}`}
              label={l.label}
              hint={t('grants.amendment.lineHint', { amount: euros(l.amountCents) })}
              required
              value={revision?.values[`line-${i}`] ?? plain(l.amountCents)}
              error={revision?.errors[`line-${i}`]}
            />
          ))}
          <Textarea
            ctx={ctx}
            name="reason"
            label={t('grants.amendment.reason')}
            required
            value={revision?.values.reason}
            error={revision?.errors.reason}
            maxLength={2000}
            rows={3}
          />
          <button type="submit">{t('grants.amendment.submitBudget')}</button>
        </Form>
      )}
    </section>
  );
}

/** The recoveries claimed, with their letters; the officers' way to claim one. */
export function Recoveries({ ctx, page }: { ctx: ViewContext; page: GrantPage }) {
  const { t, locale } = ctx;
  const { row, recoveries } = page.scoped.record;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  return (
    <>
      {recoveries.length > 0 && (
        <table>
          <caption>{t('grants.recovery.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grants.recovery.recordedAt')}</th>
              <th scope="col" class="num">
                {t('grants.tranche.amount')}
              </th>
              <th scope="col">{t('grants.recovery.reason')}</th>
              <th scope="col">{t('grants.recovery.letter')}</th>
            </tr>
          </thead>
          <tbody>
            {recoveries.map((r, i) => (
              <tr>
                <th scope="row">{formatInstant(r.recordedAt, locale)}</th>
                <td class="num">{money(r.amountCents)}</td>
                <td>{r.reason}</td>
                <td>
                  {r.letterFileId && (
                    <a href={`/grants/${row.id}/recoveries/${r.id}/letter.pdf`}>
                      {t('grants.recovery.download', { number: i + 1 })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.can.recordRecovery && page.recoverableCents > 0 && (
        <p>
          <a href={`/grants/${row.id}/recovery`}>{t('grants.recovery.record')}</a>
        </p>
      )}
    </>
  );
}
