import { closedEarly, effectiveClosing, type WindowCall } from '../../domain/applicationWindow.ts';
import { formatInstant } from '../../domain/brusselsTime.ts';
import type { ViewContext } from './context.ts';

/**
 * When a call stops taking applications, for a table cell: the early closing when there was one (and that it was
 * early), else the deadline. A list never shows a deadline the call did not reach.
 */
export function ClosingTime({ ctx, call }: { ctx: ViewContext; call: Pick<WindowCall, 'closesAt' | 'closedAt'> }) {
  const closing = effectiveClosing(call);
  if (!closing) return <>—</>;
  return (
    <>
      {formatInstant(closing, ctx.locale)}
      {closedEarly(call) && <> ({ctx.t('call.closedEarly')})</>}
    </>
  );
}
