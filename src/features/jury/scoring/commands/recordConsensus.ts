import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../../domain/access.ts';
import { refusable, type Outcome, type Stale } from '../../../../domain/refusal.ts';
import { readGrid, type GridProblems, type RawGrid } from '../../../../domain/evaluationGrid.ts';
import { weightedTotal } from '../../../../domain/callCriteria.ts';
import { recordAudit } from '../../../../platform/audit/audit.ts';
import { inTransaction } from '../../../../platform/db/unitOfWork.ts';
import { consensus } from '../../schema.ts';
import type { ScoringDeps } from '../deps.ts';
import { mayRecordConsensus } from '../policy.ts';
import { consensusOf, panelOf } from '../records.ts';
import { openForConsensus, type ConsensusAccessRefusal } from '../reviewAccess.ts';
import type { OfficerTransitionRefusal } from '../../../applications/service.ts';

export type ConsensusResult =
  | { status: 'saved'; version: number; total: number; movedToScored: boolean }
  /** Nothing was written: the problems, and the input to show again. */
  | { status: 'invalid'; problems: GridProblems; unreadable: Record<string, string> };

/**
 * Why no consensus is recorded: a chair's own evaluation comes first, the application is past its
 * consensus or has no submitted evaluation, it moved meanwhile, or someone recorded one meanwhile
 * over the version edited.
 */
export type RecordConsensusRefusal =
  ConsensusAccessRefusal | 'consensus-closed' | 'no-evaluations' | OfficerTransitionRefusal | Stale;

/**
 * Records the panel's consensus on an application: a score for every criterion on its scale and a
 * consensus comment, by an officer of the call or the panel's chair, once at least one evaluation
 * is submitted. The first consensus moves the application from under review to scored; a later one
 * revises it (naming the version it revised). Individual evaluations are left as they are.
 */
export async function recordConsensus(
  deps: ScoringDeps,
  input: { actor: MaybeActor; applicationId: string; version: number; raw: RawGrid; now?: Date },
): Promise<Outcome<ConsensusResult, RecordConsensusRefusal>> {
  const now = input.now ?? new Date();
  const opened = await openForConsensus(deps, input.actor, input.applicationId);
  if (!opened.ok) return opened;
  const { review, call, role, rules } = opened.value;
  const actor = input.actor!;
  const application = review.application;
  const panel = await panelOf(deps.db, application);
  const submitted = panel.filter((m) => !m.conflicted && m.evaluation?.status === 'submitted').length;
  return refusable<ConsensusResult, RecordConsensusRefusal>(async (refuse) => {
    if (!mayRecordConsensus({ role, applicationStatus: application.status, submittedEvaluations: submitted }))
      refuse(submitted ? 'consensus-closed' : 'no-evaluations');
    const { values, problems, unreadable } = readGrid(input.raw, rules, {
      forSubmission: true,
      commentPerCriterion: false,
    });
    if (Object.keys(problems).length) return { status: 'invalid', problems, unreadable };
    const total = weightedTotal([...rules.criteria], values.scores);

    return inTransaction(deps, async (tx) => {
      const current = await consensusOf(tx, application.id, { lock: true });
      if ((current?.version ?? 0) !== input.version) refuse('stale');
      const fields = {
        scores: values.scores,
        comments: values.comments,
        comment: values.overallComment,
        recordedBy: actor.userId,
        recordedAt: now,
      };
      const [row] = current
        ? await tx
            .update(consensus)
            .set({ ...fields, version: sql`${consensus.version} + 1` })
            .where(and(eq(consensus.applicationId, application.id), eq(consensus.version, input.version)))
            .returning({ version: consensus.version })
        : await tx
            .insert(consensus)
            .values({ applicationId: application.id, callId: call.id, ...fields })
            .onConflictDoNothing()
            .returning({ version: consensus.version });
      if (!row) return refuse('stale');
      const movedToScored = application.status === 'under-review';
      if (movedToScored) {
        const moved = await deps.applications.transitionByOfficer(tx, {
          applicationId: application.id,
          event: 'score',
          actorId: actor.userId,
          funderId: call.funderId,
          now,
        });
        if (!moved.ok) refuse(...moved.refusals);
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'consensus.recorded',
        subjectType: 'application',
        subjectId: application.id,
        before: current ? { scores: current.scores, comment: current.comment, version: current.version } : null,
        after: {
          scores: values.scores,
          comments: values.comments,
          comment: values.overallComment,
          total,
          version: row.version,
          as: role,
        },
      });
      return { status: 'saved', version: row.version, total, movedToScored } as const;
    });
  });
}
