import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../../domain/access.ts';
import { RuleViolationError } from '../../../../domain/errors.ts';
import { readGrid, type GridProblems, type GridValues, type RawGrid } from '../../../../domain/evaluationGrid.ts';
import { weightedTotal } from '../../../../domain/callCriteria.ts';
import { recordAudit } from '../../../../platform/audit/audit.ts';
import { inTransaction } from '../../../../platform/db/unitOfWork.ts';
import { consensus } from '../../schema.ts';
import type { ScoringDeps } from '../deps.ts';
import { mayRecordConsensus } from '../policy.ts';
import { consensusOf, panelOf } from '../records.ts';
import { openForConsensus } from '../reviewAccess.ts';

export type ConsensusResult =
  | { status: 'saved'; version: number; total: number; movedToScored: boolean }
  /** Nothing was written: the problems, and the input to show again. */
  | { status: 'invalid'; problems: GridProblems; unreadable: Record<string, string> }
  /** Recorded meanwhile by someone else: nothing was written; theirs comes back to be shown. */
  | { status: 'conflict'; version: number; theirs: GridValues; by: string; at: Date };

/**
 * Records the panel's consensus on an application: a score for every criterion on its scale and a
 * consensus comment, by an officer of the call or the panel's chair, once at least one evaluation
 * is submitted. The first consensus moves the application from under review to scored; a later one
 * revises it (naming the version it revised). Individual evaluations are left as they are.
 */
export async function recordConsensus(
  deps: ScoringDeps,
  input: { actor: MaybeActor; applicationId: string; version: number; raw: RawGrid; now?: Date },
): Promise<ConsensusResult> {
  const now = input.now ?? new Date();
  const { review, call, role, rules } = await openForConsensus(deps, input.actor, input.applicationId);
  const actor = input.actor!;
  const application = review.application;
  const panel = await panelOf(deps.db, application);
  const submitted = panel.filter((m) => !m.conflicted && m.evaluation?.status === 'submitted').length;
  if (!mayRecordConsensus({ role, applicationStatus: application.status, submittedEvaluations: submitted })) {
    throw new RuleViolationError([submitted ? 'consensus-closed' : 'no-evaluations']);
  }
  const { values, problems, unreadable } = readGrid(input.raw, rules, {
    forSubmission: true,
    commentPerCriterion: false,
  });
  if (Object.keys(problems).length) return { status: 'invalid', problems, unreadable };
  const total = weightedTotal([...rules.criteria], values.scores);

  return inTransaction(deps, async (tx) => {
    const current = await consensusOf(tx, application.id, { lock: true });
    const stale = () =>
      consensusOf(tx, application.id).then((row) => ({
        status: 'conflict' as const,
        version: row?.version ?? 0,
        theirs: { scores: row?.scores ?? {}, comments: row?.comments ?? {}, overallComment: row?.comment ?? '' },
        by: row?.recordedByName ?? '',
        at: row?.recordedAt ?? now,
      }));
    if ((current?.version ?? 0) !== input.version) return stale();
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
    if (!row) return stale();
    const movedToScored = application.status === 'under-review';
    if (movedToScored) {
      const moved = await deps.applications.transitionByOfficer(tx, {
        applicationId: application.id,
        event: 'score',
        actorId: actor.userId,
        funderId: call.funderId,
        now,
      });
      if (!moved.ok) throw new RuleViolationError(moved.refusals);
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
}
