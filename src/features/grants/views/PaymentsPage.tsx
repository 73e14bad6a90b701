import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { formatIban } from '../../../domain/iban.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  FileInput,
  Form,
  RefusalSummary,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import type { NotificationImport } from '../commands/importBankNotification.ts';
import type { PaymentsPage as PaymentsData } from '../service.ts';
import { TRANCHE_STATUS } from './labels.ts';
import { GrantsNav } from './GrantsNav.tsx';

export interface PaymentsPageProps {
  ctx: ViewContext;
  page: PaymentsData;
  refusals?: readonly MessageKey[];
  settings?: { values: Record<string, string>; errors: FieldErrors };
  /** The bank notification's upload: its error, or what its import did. */
  notification?: FieldErrors;
  imported?: NotificationImport;
}

/**
 * A call's payments: the approved tranches to put in a batch (written as a SEPA file from the funder's
 * account), the batches made, and the funder's debtor account and four-eyes threshold.
 */
export function PaymentsPage({ ctx, page, refusals, settings, notification, imported }: PaymentsPageProps) {
  const { t, locale } = ctx;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  const call = page.call.record;
  const title = `${t('grants.payments.title')} — ${inLocale(call.title, locale)}`;
  const s = page.settings;
  const values = settings?.values ?? {
    debtorName: s?.debtorName ?? '',
    debtorIban: s ? formatIban(s.debtorIban) : '',
    debtorBic: s?.debtorBic ?? '',
    threshold:
      s?.secondApprovalAboveCents != null
        ? formatMoney(s.secondApprovalAboveCents, locale).replace(/[^\d,.]/g, '')
        : '',
  };
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={call.id} />
      <RefusalSummary ctx={ctx} refusals={refusals} />

      <section aria-labelledby="approved-title">
        <h2 id="approved-title">{t('grants.payments.approved')}</h2>
        {page.approved.length === 0 ? (
          <p>{t('grants.payments.noneApproved')}</p>
        ) : (
          <Form ctx={ctx} action={`/manage/calls/${call.id}/payments`}>
            <table>
              <caption>{t('grants.payments.approvedCaption', { count: page.approved.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('grants.payments.include')}</th>
                  <th scope="col">{t('grants.reference')}</th>
                  <th scope="col">{t('grants.organisation')}</th>
                  <th scope="col">{t('grants.tranche.number')}</th>
                  <th scope="col" class="num">
                    {t('grants.tranche.amount')}
                  </th>
                  <th scope="col">{t('grants.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.approved.map((a) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        name="tranche"
                        value={a.tranche.id}
                        id={`tranche-${a.tranche.id}`}
                        checked
                        aria-label={t('grants.payments.includeOne', {
                          reference: a.reference,
                          number: a.tranche.number,
                        })}
                      />
                    </td>
                    <th scope="row">
                      <a href={`/grants/${a.grantId}`}>{a.reference}</a>
                    </th>
                    <td>{a.organisationName}</td>
                    <td>{a.tranche.number}</td>
                    <td class="num">{money(a.tranche.amountCents)}</td>
                    <td>{t(TRANCHE_STATUS[a.tranche.status])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Field
              ctx={ctx}
              type="date"
              name="executionDate"
              label={t('grants.payments.executionDate')}
              required
              value={page.today}
            />
            <button type="submit" disabled={!s}>
              {t('grants.payments.create')}
            </button>
            {!s && <p class="hint">{t('grants.payments.needSettings')}</p>}
          </Form>
        )}
      </section>

      <section aria-labelledby="batches-title">
        <h2 id="batches-title">{t('grants.batches.title')}</h2>
        {page.batches.length === 0 ? (
          <p>{t('grants.batches.none')}</p>
        ) : (
          <table>
            <caption>{t('grants.batches.caption', { count: page.batches.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.batch.messageId')}</th>
                <th scope="col">{t('grants.batch.createdAt')}</th>
                <th scope="col">{t('grants.batch.executionDate')}</th>
                <th scope="col" class="num">
                  {t('grants.batch.count')}
                </th>
                <th scope="col" class="num">
                  {t('grants.batch.total')}
                </th>
                <th scope="col">{t('grants.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.batches.map((b) => (
                <tr>
                  <th scope="row">
                    <a href={`/manage/batches/${b.id}`}>{b.messageId}</a>
                  </th>
                  <td>{formatInstant(b.createdAt, locale)}</td>
                  <td>{formatCalendarDate(b.executionDate, locale)}</td>
                  <td class="num">{b.count}</td>
                  <td class="num">{money(b.totalCents)}</td>
                  <td>{t(b.status === 'paid' ? 'grants.batch.status.paid' : 'grants.batch.status.created')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="notification-title">
        <h2 id="notification-title">{t('grants.notification.title')}</h2>
        {imported && (
          <p role="status">
            {t('grants.notification.done', {
              paid: imported.paid,
              returned: imported.returned,
              unmatched: imported.unmatched,
            })}
          </p>
        )}
        <p>{t('grants.notification.intro')}</p>
        <Form ctx={ctx} action={`/manage/calls/${call.id}/payments/notification`} multipart>
          <FileInput ctx={ctx} name="file" label={t('grants.notification.file')} required error={notification?.file} />
          <button type="submit">{t('grants.notification.submit')}</button>
        </Form>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('grants.settings.title')}</h2>
        <p>{t('grants.settings.intro')}</p>
        <Form ctx={ctx} action={`/manage/calls/${call.id}/payment-settings`}>
          {settings && (
            <ErrorSummary
              ctx={ctx}
              errors={settings.errors}
              labels={{
                debtorName: t('grants.settings.debtorName'),
                debtorIban: t('grants.settings.debtorIban'),
                debtorBic: t('grants.settings.debtorBic'),
                threshold: t('grants.settings.threshold'),
              }}
            />
          )}
          <Field
            ctx={ctx}
            name="debtorName"
            label={t('grants.settings.debtorName')}
            required
            value={values.debtorName}
            error={settings?.errors.debtorName}
            maxLength={70}
          />
          <Field
            ctx={ctx}
            name="debtorIban"
            label={t('grants.settings.debtorIban')}
            required
            value={values.debtorIban}
            error={settings?.errors.debtorIban}
          />
          <Field
            ctx={ctx}
            name="debtorBic"
            label={t('grants.settings.debtorBic')}
            value={values.debtorBic}
            error={settings?.errors.debtorBic}
          />
          <Field
            ctx={ctx}
            name="threshold"
            label={t('grants.settings.threshold')}
            hint={t('grants.settings.thresholdHint')}
            value={values.threshold}
            error={settings?.errors.threshold}
          />
          <button type="submit">{t('grants.settings.save')}</button>
        </Form>
      </section>
    </Layout>
  );
}
