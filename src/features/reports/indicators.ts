import { defaultIndicatorSet, type IndicatorDefinition } from '../../domain/grants/reportIndicators.ts';
import type { ReportsDeps } from './deps.ts';

/** The indicators a call's reports collect: the default set for digital inclusion, with the call's publics. */
export async function indicatorsOf(deps: Pick<ReportsDeps, 'calls'>, callId: string): Promise<IndicatorDefinition[]> {
  const { publics } = await deps.calls.applicationContext(callId);
  return defaultIndicatorSet(publics);
}
