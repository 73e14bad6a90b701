import { formatMoney } from '../../../domain/money.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  Form,
  RefusalSummary,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import type { GrantPage as GrantPageData } from '../service.ts';

export interface RecoveryPageProps {
  ctx: ViewContext;
  page: GrantPageData;
  values: Record<string, string>;
  errors?: FieldErrors;
  refusals?: readonly MessageKey[];
}

/**
 * An officer claims money back from a grant: the ledger's figures that bound the claim, the amount (which a
 * report's page may propose through `?amount=`, in cents) and the reason the letter will state.
 */
export function RecoveryPage({ ctx, page, values, errors, refusals }: RecoveryPageProps) {
  const { t, locale } = ctx;
  const { row } = page.scoped.record;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  const title = t('grants.recovery.title', { reference: row.reference });
  const labels = { amount: t('grants.recovery.amount'), reason: t('grants.recovery.reason') };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/grants/${row.id}`}>
          {row.reference} — {row.title}
        </a>
      </p>
      <h1>{title}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      {errors && <ErrorSummary ctx={ctx} errors={errors} labels={labels} />}
      <dl class="facts">
        <dt>{t('grants.ledger.paid')}</dt>
        <dd>{money(page.ledger.paidCents)}</dd>
        <dt>{t('grants.ledger.justified')}</dt>
        <dd>{money(page.ledger.justifiedCents)}</dd>
        <dt>{t('grants.ledger.toRecover')}</dt>
        <dd>{money(page.ledger.toRecoverCents + page.ledger.recoveredCents)}</dd>
        <dt>{t('grants.recovery.ceiling')}</dt>
        <dd>{money(page.recoverableCents)}</dd>
      </dl>
      {page.can.recordRecovery && page.recoverableCents > 0 ? (
        <Form ctx={ctx} action={`/grants/${row.id}/recovery`} class="card">
          <p>{t('grants.recovery.intro')}</p>
          <input type="hidden" name="version" value={values.version ?? String(row.version)} />
          <Field
            ctx={ctx}
            name="amount"
            label={labels.amount}
            hint={t('grants.recovery.amountHint', { max: money(page.recoverableCents) })}
            required
            value={values.amount}
            error={errors?.amount}
          />
          <Textarea
            ctx={ctx}
            name="reason"
            label={labels.reason}
            hint={t('grants.recovery.reasonHint')}
            required
            value={values.reason}
            error={errors?.reason}
            maxLength={4000}
          />
          <button type="submit">{t('grants.recovery.submit')}</button>
        </Form>
      ) : (
        <p>{t('grants.recovery.nothing')}</p>
      )}
    </Layout>
  );
}
