import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { formatIban } from '../../../domain/iban.ts';
import { formatMoney } from '../../../domain/money.ts';
import { formatStructuredCommunication } from '../../../domain/structuredCommunication.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import type { BatchPage as BatchData } from '../service.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { TRANCHE_STATUS } from './labels.ts';

/** A payment batch: its SEPA file to download, its transfers, and what the bank did with them. */
export function BatchPage({
  ctx,
  page,
  refusals,
}: {
  ctx: ViewContext;
  page: BatchData;
  refusals?: readonly MessageKey[];
}) {
  const { t, locale } = ctx;
  const b = page.scoped.record;
  const { can } = page.scoped;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  const title = t('grants.batch.title', { id: b.messageId });
  const base = `/manage/batches/${b.id}`;
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href={`/manage/calls/${b.callId}/payments`}>{t('grants.payments.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={b.callId} />
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <dl class="facts">
        <dt>{t('grants.status')}</dt>
        <dd>{t(b.status === 'paid' ? 'grants.batch.status.paid' : 'grants.batch.status.created')}</dd>
        <dt>{t('grants.batch.debtor')}</dt>
        <dd>
          {b.debtorName}, {formatIban(b.debtorIban)}
          {b.debtorBic ? ` (${b.debtorBic})` : ''}
        </dd>
        <dt>{t('grants.batch.executionDate')}</dt>
        <dd>{formatCalendarDate(b.executionDate, locale)}</dd>
        <dt>{t('grants.batch.createdAt')}</dt>
        <dd>{formatInstant(b.createdAt, locale)}</dd>
        <dt>{t('grants.batch.total')}</dt>
        <dd>
          {money(b.totalCents)} ({t('grants.batch.transfers', { count: b.count })})
        </dd>
        {b.paidAt && (
          <>
            <dt>{t('grants.batch.paidAt')}</dt>
            <dd>{formatInstant(b.paidAt, locale)}</dd>
          </>
        )}
      </dl>
      {can.download && (
        <p>
          <a href={`${base}/pain001.xml`} download>
            {t('grants.batch.download')}
          </a>
        </p>
      )}
      {can.recordOutcome && (
        <Form ctx={ctx} action={`${base}/paid`}>
          <p>{t('grants.batch.paidIntro')}</p>
          <button type="submit">{t('grants.batch.markPaid')}</button>
        </Form>
      )}
      <table>
        <caption>{t('grants.batch.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grants.reference')}</th>
            <th scope="col">{t('grants.organisation')}</th>
            <th scope="col">{t('grants.tranche.number')}</th>
            <th scope="col" class="num">
              {t('grants.tranche.amount')}
            </th>
            <th scope="col">{t('grants.tranche.communication')}</th>
            <th scope="col">{t('grants.status')}</th>
          </tr>
        </thead>
        <tbody>
          {page.tranches.map(({ tranche, reference, organisationName, grantId }) => {
            const outcome =
              tranche.status === 'in-batch' && can.recordOutcome
                ? 'failed'
                : tranche.status === 'paid' && can.recordReturn
                  ? 'returned'
                  : null;
            return (
              <tr>
                <th scope="row">
                  <a href={`/grants/${grantId}`}>{reference}</a>
                </th>
                <td>{organisationName}</td>
                <td>{tranche.number}</td>
                <td class="num">{money(tranche.amountCents)}</td>
                <td>
                  <code>{formatStructuredCommunication(tranche.structuredCommunication)}</code>
                </td>
                <td>
                  {t(TRANCHE_STATUS[tranche.status])}
                  {outcome && (
                    <Form ctx={ctx} action={`${base}/tranches/${tranche.id}/${outcome}`}>
                      <label for={`reason-${tranche.id}`}>
                        {t('grants.batch.reason')}
                        <span class="visually-hidden"> {reference}</span>
                      </label>
                      <input id={`reason-${tranche.id}`} name="reason" required maxLength={500} />
                      <button type="submit" class="secondary">
                        {t(outcome === 'failed' ? 'grants.batch.markFailed' : 'grants.batch.markReturned')}
                        <span class="visually-hidden"> {reference}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
