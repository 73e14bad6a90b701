/** How a call's jury works, set by its officers. */
export interface JurySettings {
  /** How many jurors score each eligible application. */
  reviewersPerApplication: number;
  /** How many applications a juror scores at most, unless set per juror. */
  defaultCapacity: number;
  /** Jurors see the others' evaluations of an application only once they have submitted their own. */
  hideOthersUntilSubmitted: boolean;
  /** Scores may be given in half points (14.5); otherwise whole points. */
  halfPoints: boolean;
  /** Evaluation criterion ids breaking ties in the ranking, in order. */
  tieBreaks: string[];
}

export const DEFAULT_JURY_SETTINGS: JurySettings = {
  reviewersPerApplication: 3,
  defaultCapacity: 20,
  hideOthersUntilSubmitted: true,
  halfPoints: false,
  tieBreaks: [],
};
