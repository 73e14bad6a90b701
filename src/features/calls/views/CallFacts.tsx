import { closedEarly } from '../../../domain/applicationWindow.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { PublicCall } from '../service.ts';

/** The key figures of a call, the same on the home page and on the call's own page. */
export function CallFacts({ ctx, call }: { ctx: ViewContext; call: PublicCall }) {
  const { t, locale } = ctx;
  return (
    <dl class="facts">
      <dt>{t('call.status')}</dt>
      <dd>
        <span class="status">{t(`call.status.${call.status}` as MessageKey)}</span>
      </dd>
      <dt>{t('call.budget')}</dt>
      <dd>{formatMoney(call.budgetCents, locale)}</dd>
      {call.grantMinCents !== null && call.grantMaxCents !== null && (
        <>
          <dt>{t('call.grantRange')}</dt>
          <dd>
            {t('call.grantRangeValue', {
              min: formatMoney(call.grantMinCents, locale),
              max: formatMoney(call.grantMaxCents, locale),
            })}
          </dd>
        </>
      )}
      {call.opensAt && (
        <>
          <dt>{t('call.opens')}</dt>
          <dd>
            <time dateTime={call.opensAt.toISOString()}>{formatInstant(call.opensAt, locale)}</time>
          </dd>
        </>
      )}
      {call.closesAt && closedEarly(call) ? (
        <>
          <dt>{t('call.closedEarly')}</dt>
          <dd>
            {t('call.closedEarlyAt', {
              date: formatInstant(call.closedAt!, locale),
              deadline: formatInstant(call.closesAt, locale),
            })}
          </dd>
        </>
      ) : (
        call.closesAt && (
          <>
            <dt>{t('call.closes')}</dt>
            <dd>
              <time dateTime={call.closesAt.toISOString()}>{formatInstant(call.closesAt, locale)}</time>
            </dd>
          </>
        )
      )}
    </dl>
  );
}
