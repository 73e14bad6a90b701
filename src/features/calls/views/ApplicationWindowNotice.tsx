import { applicationWindow, effectiveClosing, type ApplicationWindow } from '../../../domain/applicationWindow.ts';
import { resultsArePublic } from '../../../domain/callLifecycle.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { PublicCall } from '../service.ts';

/**
 * Why a call takes no application now, said plainly where one would apply (the call's page, the
 * apply page): not open yet (from when), closed (since when, the early closing if there was one) or
 * decided (with its results when they are public). Nothing when the call is open.
 */
export function ApplicationWindowNotice({
  ctx,
  call,
  now = new Date(),
  withResults = false,
}: {
  ctx: ViewContext;
  call: PublicCall;
  now?: Date;
  /** Links to the results when they are public (a page that does not already). */
  withResults?: boolean;
}) {
  const { t, locale } = ctx;
  const window: ApplicationWindow = applicationWindow(call, now);
  if (window === 'open') return null;
  const closing = effectiveClosing(call);
  return (
    <div class="card notice" role="status">
      {window === 'not-yet-open' ? (
        <p>
          {call.opensAt
            ? t('applicants.window.opensOn', { date: formatInstant(call.opensAt, locale) })
            : t('applicants.window.notYetOpen')}
        </p>
      ) : (
        <p>
          {window === 'decided' ? t('applicants.window.decided') : t('applicants.window.closed')}{' '}
          {closing && t('applicants.window.closedOn', { date: formatInstant(closing, locale) })}
        </p>
      )}
      {withResults && window === 'decided' && resultsArePublic(call.status) && (
        <p>
          <a href={`/calls/${call.id}/results`}>{t('call.resultsLink')}</a>
        </p>
      )}
    </div>
  );
}
