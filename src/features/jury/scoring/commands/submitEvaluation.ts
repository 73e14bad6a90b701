import type { ScoringDeps } from '../deps.ts';
import type { Outcome } from '../../../../domain/refusal.ts';
import {
  writeEvaluation,
  type EvaluationInput,
  type EvaluationRefusal,
  type EvaluationWriteResult,
} from './writeEvaluation.ts';

/**
 * Submits a juror's evaluation: every criterion scored on its scale (half points only if the call
 * allows them) with its comment. Incomplete, it is refused with its problems, and what was typed is
 * saved as the draft so that nothing is lost. Once submitted, it can no longer change.
 */
export function submitEvaluation(
  deps: ScoringDeps,
  input: EvaluationInput,
): Promise<Outcome<EvaluationWriteResult, EvaluationRefusal>> {
  return writeEvaluation(deps, input, 'submit');
}
