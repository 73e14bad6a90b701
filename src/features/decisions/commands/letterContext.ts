import type { DecisionsDeps } from '../deps.ts';
import type { LetterContext } from '../outcomes.ts';
import type { SelectionFacts } from '../selectionFacts.ts';

/** What every letter of a call shares: the funder, the call, the deciding body, the criteria and the panel's consensus. */
export async function letterContext(deps: DecisionsDeps, facts: Pick<SelectionFacts, 'managed'>, decision: { decidingBody: string; decidedOn: string; recordedAt: Date }): Promise<LetterContext> {
  const { call, targetPublics } = facts.managed;
  const agreed = await deps.scoring.agreedOf(call.id);
  return {
    funderName: call.funderName,
    callTitle: call.title,
    ...decision,
    criteria: call.evaluationCriteria,
    consensus: new Map(agreed.map((a) => [a.applicationId, { scores: a.scores, comments: a.comments, comment: a.comment }])),
    targetPublicLabel: (key) => targetPublics.find((p) => p.key === key)?.label ?? { fr: key },
  };
}
