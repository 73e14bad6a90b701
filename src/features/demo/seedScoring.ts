import type { Actor } from '../../domain/access.ts';
import type { EvaluationCriterion } from '../../domain/callCriteria.ts';
import { mulberry32, randomInt } from '../../domain/random.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import { jurorComment } from './jurorComments.ts';
import type { Applicant } from './seedApplications.ts';

/**
 * Every assigned juror submits an evaluation of each application on their list, with a comment
 * per criterion; the two readers of an application sit on either side of the panel's eventual
 * scores (by up to two points, fixed by `seed`). Then the officer records the consensus — the
 * demo's agreed scores and comment — which moves the application to "scored".
 */
export async function seedScoring(
  app: App,
  input: {
    officer: Actor;
    callId: string;
    applicants: readonly Applicant[];
    seats: ReadonlyMap<string, Actor>;
    criteria: readonly EvaluationCriterion[];
    seed: number;
  },
): Promise<void> {
  const { jury, scoring } = app.services;
  const random = mulberry32(input.seed);
  const byId = new Map(input.applicants.map((a) => [a.applicationId, a.demo]));
  for (const { id: applicationId, jurors } of (await jury.board(input.officer, input.callId)).applications) {
    const demo = byId.get(applicationId);
    if (!demo?.consensus) throw new Error(`no demo consensus for the assigned application ${applicationId}`);
    const agreed = new Map(input.criteria.map((c, i) => [c, demo.consensus!.scores[i] ?? 0]));
    const spread = new Map(input.criteria.map((c) => [c, randomInt(random, 5) - 2]));

    for (const [i, member] of jurors.entries()) {
      const juror = input.seats.get(member.jurorId);
      if (!juror) throw new Error(`no demo juror for seat ${member.jurorId}`);
      const side = [1, -1][i] ?? 0;
      const scores = new Map(
        input.criteria.map((c) => [c, Math.min(c.maxScore, Math.max(0, agreed.get(c)! + side * spread.get(c)!))]),
      );
      const evaluation = expectOk(
        await scoring.submitEvaluation({
          actor: juror,
          applicationId,
          version: 0,
          raw: {
            scores: Object.fromEntries(input.criteria.map((c) => [c.id, String(scores.get(c))])),
            comments: Object.fromEntries(input.criteria.map((c) => [c.id, jurorComment(c.id, scores.get(c)!, random)])),
          },
        }),
      );
      if (evaluation.status !== 'submitted')
        throw new Error(`${demo.organisation}: evaluation refused ${JSON.stringify(evaluation)}`);
    }

    const consensus = expectOk(
      await scoring.recordConsensus({
        actor: input.officer,
        applicationId,
        version: 0,
        raw: {
          scores: Object.fromEntries(input.criteria.map((c) => [c.id, String(agreed.get(c))])),
          comments: {},
          overallComment: demo.consensus.comment,
        },
      }),
    );
    if (consensus.status !== 'saved')
      throw new Error(`${demo.organisation}: consensus refused ${JSON.stringify(consensus)}`);
  }
}
