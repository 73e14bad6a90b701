import { recordConsensus } from './commands/recordConsensus.ts';
import { saveEvaluation } from './commands/saveEvaluation.ts';
import { submitEvaluation } from './commands/submitEvaluation.ts';
import type { ScoringDeps } from './deps.ts';
import { jurorQueries } from './jurorQueries.ts';
import { panelQueries } from './panelQueries.ts';
import { consensusOfCall } from './records.ts';

/**
 * Scoring: jurors' evaluations of their assigned applications, the panel's consensus, the
 * calibration that informs it and the ranking that comes out of it. Every read starts from what the
 * actor may see; anything else is "not found".
 */
export function scoringService(deps: ScoringDeps) {
  return {
    saveEvaluation: (input: Parameters<typeof saveEvaluation>[1]) => saveEvaluation(deps, input),
    submitEvaluation: (input: Parameters<typeof submitEvaluation>[1]) => submitEvaluation(deps, input),
    recordConsensus: (input: Parameters<typeof recordConsensus>[1]) => recordConsensus(deps, input),
    ...jurorQueries(deps),
    ...panelQueries(deps),
    /** The panel's agreed scores and comments for a call, for what is built on them (decision letters). The caller has authorised the reader. */
    agreedOf: (callId: string) => consensusOfCall(deps.db, callId),
  };
}
export type ScoringService = ReturnType<typeof scoringService>;
