import { chosenIndicators } from '../../domain/grants/indicatorChoice.ts';
import type { IndicatorDefinition } from '../../domain/grants/reportIndicators.ts';
import type { ReportsDeps } from './deps.ts';
import { planOf } from './plan.ts';

/** The indicators a call's reports collect: those its plan chose, the breakdown by public with the call's publics. */
export async function indicatorsOf(
  deps: Pick<ReportsDeps, 'calls' | 'db'>,
  callId: string,
): Promise<IndicatorDefinition[]> {
  const { publics } = await deps.calls.applicationContext(callId);
  return chosenIndicators((await planOf(deps.db, callId)).indicators, publics);
}
