// What a juror reads: their assigned applications, one application with their grid, and — once the
// call's rule allows — the other jurors' submitted evaluations of it.
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import type { ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import {
  criteriaBelowThreshold,
  gridProblems,
  runningTotal,
  validScores,
  type GridProblems,
  type GridRules,
  type GridValues,
} from '../../../domain/evaluationGrid.ts';
import type { Answers, FormDefinition } from '../../../domain/forms/definition.ts';
import { jurorMaySeeOthers } from '../../../domain/juryAccess.ts';
import type { Translated } from '../../../domain/translated.ts';
import type { Term } from '../../calls/service.ts';
import type { ScoringDeps } from './deps.ts';
import { CONSENSUS_OPEN, mayEditEvaluation } from './policy.ts';
import {
  assignmentsOfUser,
  conflictsOf,
  consensusScoresOfCall,
  evaluationOf,
  inConflict,
  NO_EVALUATION,
  panelOf,
} from './records.ts';
import { openForJuror, settingsOf } from './reviewAccess.ts';

export interface GridState {
  values: GridValues;
  total: number;
  /** Criteria scored under their threshold. */
  below: string[];
}

export interface JurorApplicationView {
  application: { id: string; reference: string; title: string; status: ApplicationStatus; organisationName: string };
  call: { id: string; title: Translated; overallThreshold: number | null };
  rules: GridRules;
  form: FormDefinition;
  answers: Answers;
  publics: readonly Term[];
  files: Record<string, { name: string; href: string }[]>;
  evaluation: GridState & {
    status: 'draft' | 'submitted';
    version: number;
    updatedAt: Date | null;
    submittedAt: Date | null;
    problems: GridProblems;
  };
  /** The others' submitted evaluations, or null when the juror may not see them (yet). */
  others: (GridState & { name: string })[] | null;
  abilities: { edit: boolean };
}

export type EvaluationProgress = 'not-started' | 'draft' | 'submitted';

export interface MyJury {
  callId: string;
  title: Translated;
  isChair: boolean;
  assigned: {
    id: string;
    reference: string;
    title: string;
    status: ApplicationStatus;
    evaluation: EvaluationProgress;
  }[];
  /** For the chair: the applications of the call whose consensus they may record. */
  consensus: { id: string; reference: string; title: string; status: ApplicationStatus; recorded: boolean }[];
}

export function gridState(values: GridValues, rules: GridRules): GridState {
  return {
    values,
    total: runningTotal(values, rules),
    below: criteriaBelowThreshold(validScores(values, rules), rules.criteria),
  };
}

export function jurorQueries(deps: ScoringDeps) {
  return {
    /** The applications assigned to the actor on every jury where they sit, conflicts left out. */
    async myJuries(actor: MaybeActor): Promise<MyJury[]> {
      authorize(actor, true, 'see my evaluations');
      const rows = await assignmentsOfUser(deps.db, actor.userId);
      const seats = new Map<string, { jurorId: string; isChair: boolean }>();
      for (const r of rows) seats.set(r.callId, { jurorId: r.jurorId, isChair: r.isChair });
      const conflictList = await conflictsOf(deps.db, [...new Set(rows.map((r) => r.jurorId))]);
      const juries: MyJury[] = [];
      for (const [callId, seat] of seats) {
        const call = await deps.calls.publicCall(callId);
        const applications = (await deps.applications.submittedOf(callId)).filter(
          (a) => !inConflict(conflictList, seat.jurorId, a),
        );
        const mine = new Map(
          rows.filter((r) => r.callId === callId && r.applicationId).map((r) => [r.applicationId!, r.status ?? null]),
        );
        const recorded = seat.isChair
          ? new Set((await consensusScoresOfCall(deps.db, callId)).map((c) => c.applicationId))
          : new Set<string>();
        juries.push({
          callId,
          title: call.title,
          isChair: seat.isChair,
          assigned: applications
            .filter((a) => mine.has(a.id))
            .map((a) => ({
              id: a.id,
              reference: a.reference ?? '',
              title: a.title,
              status: a.status,
              evaluation: mine.get(a.id) ?? 'not-started',
            })),
          consensus: seat.isChair
            ? applications
                .filter((a) => CONSENSUS_OPEN.includes(a.status))
                .map((a) => ({
                  id: a.id,
                  reference: a.reference ?? '',
                  title: a.title,
                  status: a.status,
                  recorded: recorded.has(a.id),
                }))
            : [],
        });
      }
      return juries;
    },

    /** An assigned application with the juror's grid; "not found" for anyone not assigned, or in conflict. */
    async jurorApplication(actor: MaybeActor, applicationId: string): Promise<JurorApplicationView> {
      const { review, seat, assignment, call, rules } = await openForJuror(deps, actor, applicationId);
      const row = (await evaluationOf(deps.db, assignment.id)) ?? NO_EVALUATION;
      const values = { scores: row.scores, comments: row.comments, overallComment: row.overallComment };
      const ownSubmitted = row.status === 'submitted';
      const seeOthers = jurorMaySeeOthers({
        mayOpen: true,
        hideOthersUntilSubmitted: settingsOf(call).hideOthersUntilSubmitted,
        ownSubmitted,
      });
      const others = seeOthers
        ? (await panelOf(deps.db, review.application))
            .filter((m) => m.jurorId !== seat.id && !m.conflicted && m.evaluation?.status === 'submitted')
            .map((m) => ({
              name: m.name,
              ...gridState(
                {
                  scores: m.evaluation!.scores,
                  comments: m.evaluation!.comments,
                  overallComment: m.evaluation!.overallComment,
                },
                rules,
              ),
            }))
        : null;
      const files: JurorApplicationView['files'] = {};
      for (const f of review.files)
        (files[f.fieldId] ??= []).push({
          name: f.name,
          href: `/jury/applications/${review.application.id}/files/${f.id}`,
        });
      return {
        application: {
          id: review.application.id,
          reference: review.application.reference ?? '',
          title: review.application.title,
          status: review.application.status,
          organisationName: review.organisation?.name ?? '',
        },
        call: { id: call.id, title: call.title, overallThreshold: call.overallThreshold },
        rules,
        form: review.form,
        answers: review.application.answers,
        publics: review.context.publics,
        files,
        evaluation: {
          ...gridState(values, rules),
          status: row.status,
          version: row.version,
          updatedAt: row.updatedAt,
          submittedAt: row.submittedAt,
          problems: ownSubmitted ? {} : gridProblems(values, rules, { forSubmission: false }),
        },
        others,
        abilities: {
          edit: mayEditEvaluation({ evaluationStatus: row.status, applicationStatus: review.application.status }),
        },
      };
    },

    /** An attached file of an assigned application, for its jurors only. */
    async jurorFile(actor: MaybeActor, applicationId: string, fileId: string) {
      const { review } = await openForJuror(deps, actor, applicationId);
      return deps.applications.fileForReview(review.application.id, fileId);
    },
  };
}
