import type { ScoringDeps } from '../deps.ts';
import type { Outcome } from '../../../../domain/refusal.ts';
import {
  writeEvaluation,
  type EvaluationInput,
  type EvaluationRefusal,
  type EvaluationWriteResult,
} from './writeEvaluation.ts';

/**
 * Saves a juror's draft evaluation, as the save button and the autosave send it: every number typed
 * is kept even when out of range (its problem comes back), nothing is required yet.
 */
export function saveEvaluation(
  deps: ScoringDeps,
  input: EvaluationInput,
): Promise<Outcome<EvaluationWriteResult, EvaluationRefusal>> {
  return writeEvaluation(deps, input, 'save');
}
