// Who may do what as a juror: on their seat of a call's jury, on the applications given to them,
// and on the consensus (src/domain/policy.ts gives the shape).
import { jurorMayOpen } from './juryAccess.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/**
 * A juror's seat on a call: a person with a seat (any stage) knows the call's jury; one without is
 * a stranger to it.
 */
export type SeatRelation = 'juror';

export const JURY_SEAT_POLICY = {
  see: { who: ['juror'] },
  /** The independence declaration, expertise and conflicts of interest. */
  declare: { who: ['juror'] },
} satisfies PolicyTable<SeatRelation, unknown, string>;

/**
 * A juror and one application of their call: one assigned to it, active and not in conflict opens
 * and scores it; any other member of the call's jury knows it exists (they declared their conflicts
 * among the call's applications) and is refused; anyone else is told nothing.
 */
export type EvaluationRelation = 'assigned' | 'juror';

export function evaluationRelation(
  seat: { active: boolean } | null,
  application: { assigned: boolean; conflicted: boolean },
): EvaluationRelation | null {
  if (!seat) return null;
  return jurorMayOpen({ ...application, jurorActive: seat.active }) ? 'assigned' : 'juror';
}

export const EVALUATION_POLICY = {
  see: { who: ['assigned', 'juror'] },
  /** Read the application and its files. */
  open: { who: ['assigned'] },
  score: { who: ['assigned'] },
} satisfies PolicyTable<EvaluationRelation, unknown, string>;

export function evaluationAbilities(
  relation: EvaluationRelation | null,
): Abilities<Exclude<keyof typeof EVALUATION_POLICY, 'see'>> {
  return abilitiesFrom(EVALUATION_POLICY, relation, null);
}

/** The consensus on an application: the call's officers, and the chair of its jury. */
export type ConsensusRelation = 'officer' | 'chair';

export const CONSENSUS_POLICY = {
  see: { who: ['officer', 'chair'] },
  record: { who: ['officer', 'chair'] },
} satisfies PolicyTable<ConsensusRelation, unknown, string>;
