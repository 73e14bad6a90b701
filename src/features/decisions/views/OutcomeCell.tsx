import { formatMoney } from '../../../domain/money.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { PlannedOutcome } from '../outcomes.ts';

/** An application's place in a selection: selected with its amount, reserve or not selected, and why. */
export function OutcomeCell({ ctx, outcome, reason }: { ctx: ViewContext; outcome: PlannedOutcome; reason: string }) {
  const { t, locale } = ctx;
  return (
    <td>
      <strong>{t(`decisions.outcome.${outcome.outcome}`)}</strong>
      {outcome.amountCents !== null && <> — {formatMoney(outcome.amountCents, locale)}</>}
      {outcome.partial && <> ({t('decisions.partial')})</>}
      <br />
      <span class="hint">{reason}</span>
    </td>
  );
}
