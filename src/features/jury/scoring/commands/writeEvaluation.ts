import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../../domain/access.ts';
import { canonicalJson } from '../../../../domain/forms/canonicalJson.ts';
import {
  readGrid,
  runningTotal,
  type GridProblems,
  type GridValues,
  type RawGrid,
} from '../../../../domain/evaluationGrid.ts';
import { refusable, type Outcome, type Stale } from '../../../../domain/refusal.ts';
import { recordAudit } from '../../../../platform/audit/audit.ts';
import type { Transaction } from '../../../../platform/db/client.ts';
import { inTransaction } from '../../../../platform/db/unitOfWork.ts';
import { openAssignment } from '../../access.ts';
import { evaluations } from '../../schema.ts';
import type { ScoringDeps } from '../deps.ts';
import { mayEditEvaluation } from '../policy.ts';
import { evaluationOf, type EvaluationRow } from '../records.ts';
import { openForJuror } from '../reviewAccess.ts';

export interface EvaluationInput {
  actor: MaybeActor;
  applicationId: string;
  /** The version the juror edited; 0 when nothing was saved yet. */
  version: number;
  raw: RawGrid;
  now?: Date;
}

export type EvaluationWriteResult =
  | {
      status: 'saved';
      version: number;
      savedAt: Date;
      total: number;
      problems: GridProblems;
      unreadable: Record<string, string>;
    }
  | { status: 'submitted'; version: number }
  /** Submission refused for what `problems` says; what was typed is saved as the draft. */
  | { status: 'invalid'; version: number; problems: GridProblems; unreadable: Record<string, string> };

/**
 * Why nothing is written: the evaluation is already submitted, the application no longer scored, or
 * the evaluation was saved meanwhile (another tab) over the version edited.
 */
export type EvaluationRefusal = 'already-submitted' | 'scoring-closed' | Stale;

/**
 * Writes a juror's evaluation of an assigned application: saved as a draft (anything typed that is
 * a number is kept, problems come back per field), or submitted when complete and valid. The write
 * names the version it edited; a stale one changes nothing, unless it carries exactly what was saved. Submitted, it is read-only for good.
 */
export async function writeEvaluation(
  deps: ScoringDeps,
  input: EvaluationInput,
  intent: 'save' | 'submit',
): Promise<Outcome<EvaluationWriteResult, EvaluationRefusal>> {
  const now = input.now ?? new Date();
  const { review, assignment, call, rules } = await openForJuror(deps, input.actor, input.applicationId);
  const actor = input.actor!;
  const draft = readGrid(input.raw, rules, { forSubmission: false });
  const complete = readGrid(input.raw, rules, { forSubmission: true });
  const submit = intent === 'submit' && Object.keys(complete.problems).length === 0;

  return refusable<EvaluationWriteResult, EvaluationRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      // A conflict declared or an assignment removed since the page was read closes it here too.
      await openAssignment(tx, actor, review.application);
      const current = await evaluationOf(tx, assignment.id, { lock: true });
      const status = current?.status ?? 'draft';
      if (!mayEditEvaluation({ evaluationStatus: status, applicationStatus: review.application.status }))
        refuse(status === 'submitted' ? 'already-submitted' : 'scoring-closed');
      // A save that crossed an autosave of the very same input (typing, then Submit) is no conflict.
      const base = current?.version ?? 0;
      if (base !== input.version && !(current && sameGrid(current, draft.values))) refuse('stale');
      const version = await write(tx, assignment.id, base, draft.values, submit, now);
      if (version === null) return refuse('stale');
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: submit ? 'evaluation.submitted' : 'evaluation.saved',
        subjectType: 'evaluation',
        subjectId: assignment.id,
        after: {
          applicationId: review.application.id,
          version,
          ...(submit ? { scores: draft.values.scores, total: runningTotal(draft.values, rules) } : {}),
        },
      });
      if (submit) return { status: 'submitted', version } as const;
      if (intent === 'submit')
        return { status: 'invalid', version, problems: complete.problems, unreadable: complete.unreadable } as const;
      return {
        status: 'saved',
        version,
        savedAt: now,
        total: runningTotal(draft.values, rules),
        problems: draft.problems,
        unreadable: draft.unreadable,
      } as const;
    }),
  );
}

function sameGrid(row: EvaluationRow, values: GridValues): boolean {
  return (
    canonicalJson({ scores: row.scores, comments: row.comments, overallComment: row.overallComment }) ===
    canonicalJson(values)
  );
}

/** Inserts the first version or updates the one named; null when someone else wrote first. */
async function write(
  tx: Transaction,
  assignmentId: string,
  version: number,
  values: GridValues,
  submit: boolean,
  now: Date,
): Promise<number | null> {
  const fields = { ...values, updatedAt: now, ...(submit ? { status: 'submitted' as const, submittedAt: now } : {}) };
  const [row] =
    version === 0
      ? await tx
          .insert(evaluations)
          .values({ assignmentId, ...fields, version: 1 })
          .onConflictDoNothing()
          .returning({ version: evaluations.version })
      : await tx
          .update(evaluations)
          .set({ ...fields, version: sql`${evaluations.version} + 1` })
          .where(and(eq(evaluations.assignmentId, assignmentId), eq(evaluations.version, version)))
          .returning({ version: evaluations.version });
  return row?.version ?? null;
}
