// What officers (and the panel's chair) read: an application's evaluations side by side for the
// consensus, the call's consensus progress, the calibration of the jurors, and the ranking.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import type { CallStatus } from '../../../domain/callLifecycle.ts';
import { weightedTotal } from '../../../domain/callCriteria.ts';
import { calibrate, type CalibrationOutput } from '../../../domain/calibration/calibrate.ts';
import { spreadOf, type GridRules, type Spread } from '../../../domain/evaluationGrid.ts';
import { rankApplications, type RankedApplication } from '../../../domain/ranking.ts';
import type { Translated } from '../../../domain/translated.ts';
import type { CallForManagement } from '../../calls/service.ts';
import { assignments, evaluations } from '../schema.ts';
import type { ScoringDeps } from './deps.ts';
import { gridState, type GridState } from './jurorQueries.ts';
import { mayRecordConsensus, RANKED_STATUSES, type ConsensusRole } from './policy.ts';
import {
  consensusOf,
  consensusMissingOf,
  consensusScoresOfCall,
  panelOf,
  submittedEvaluationsOf,
  type SubmittedEvaluation,
} from './records.ts';
import { gridRulesOf, openForConsensus, settingsOf, type ConsensusAccessRefusal } from './reviewAccess.ts';
import type { Outcome } from '../../../domain/refusal.ts';

export interface ConsensusView {
  application: { id: string; reference: string; title: string; status: ApplicationStatus; organisationName: string };
  call: { id: string; title: Translated; status: CallStatus; overallThreshold: number | null };
  role: ConsensusRole;
  rules: GridRules;
  /** Submitted evaluations of jurors not in conflict, side by side. */
  evaluations: (GridState & { name: string; submittedAt: Date | null })[];
  /** Assigned jurors who have not submitted yet. */
  pending: { name: string; started: boolean }[];
  /** Submitted evaluations left out because their juror is now in conflict with the application. */
  setAside: number;
  spreads: Record<string, Spread | null>;
  meanTotal: number | null;
  /** The calibrated total of the application, when calibration had evaluations to work on. */
  calibratedTotal: number | null;
  consensus: (GridState & { version: number; by: string; at: Date; passes: boolean }) | null;
  abilities: { record: boolean; calibration: boolean };
}

export type CalibrationWarningView =
  | { code: 'not-connected'; groups: { jurors: string[]; applications: string[] }[] }
  | { code: 'few-evaluations'; juror: string; reviews: number }
  | { code: 'offsets-not-identifiable' };

export interface CalibrationView {
  managed: CallForManagement;
  evaluations: number;
  applications: {
    id: string;
    reference: string;
    title: string;
    raw: number;
    calibrated: number;
    reviews: number;
    consensus: number | null;
  }[];
  jurors: { id: string; name: string; offset: number; reviews: number }[];
  warnings: CalibrationWarningView[];
}

export interface RankingView {
  managed: CallForManagement;
  rules: GridRules;
  tieBreaks: string[];
  ranked: (RankedApplication & { title: string; status: ApplicationStatus })[];
  /** Eligible applications without a consensus yet: not ranked. */
  awaiting: { id: string; reference: string; title: string; status: ApplicationStatus }[];
}

export interface ConsensusIndexView {
  managed: CallForManagement;
  /** How many applications the list holds over all its pages. */
  total: number;
  /** The page asked for, or every ranked application. */
  rows: {
    id: string;
    reference: string;
    title: string;
    status: ApplicationStatus;
    assigned: number;
    submitted: number;
    consensusTotal: number | null;
  }[];
}

/** Calibration over weighted totals on 100: one number per evaluation, the scale the panel reads. */
function calibrationOf(rules: GridRules, evaluated: readonly SubmittedEvaluation[]): CalibrationOutput {
  return calibrate({
    scores: evaluated.map((e) => ({
      juror: e.jurorId,
      application: e.applicationId,
      score: weightedTotal([...rules.criteria], e.scores),
    })),
    scale: { min: 0, max: 100 },
  });
}

export function panelQueries(deps: ScoringDeps) {
  const rankingOf = async (
    managed: CallForManagement,
    read: readonly { id: string; reference: string | null; title: string; status: ApplicationStatus }[],
  ): Promise<RankingView> => {
    const rules = gridRulesOf(managed.call);
    const tieBreaks = settingsOf(managed.call).tieBreaks.filter((id) => rules.criteria.some((c) => c.id === id));
    const applications = read.filter((a) => RANKED_STATUSES.includes(a.status));
    const agreed = new Map(
      (await consensusScoresOfCall(deps.db, managed.call.id)).map((c) => [c.applicationId, c.scores]),
    );
    const candidates = applications.flatMap((a) =>
      agreed.has(a.id) ? [{ id: a.id, reference: a.reference ?? a.id, scores: agreed.get(a.id)! }] : [],
    );
    const byId = new Map(applications.map((a) => [a.id, a]));
    return {
      managed,
      rules,
      tieBreaks,
      ranked: rankApplications(candidates, {
        criteria: rules.criteria,
        overallThreshold: managed.call.overallThreshold,
        tieBreaks,
      }).map((r) => ({ ...r, title: byId.get(r.id)!.title, status: byId.get(r.id)!.status })),
      awaiting: applications
        .filter((a) => !agreed.has(a.id))
        .map((a) => ({ id: a.id, reference: a.reference ?? '', title: a.title, status: a.status })),
    };
  };

  /** The call's reviewable applications and their submitted evaluations, for the officers of the call. */
  const callEvaluations = async (callId: string) => {
    const applications = await deps.applications.submittedOf(callId);
    return { applications, evaluated: await submittedEvaluationsOf(deps.db, callId, applications) };
  };

  return {
    /** The consensus page, unless a chair must first submit their own evaluation. */
    async consensusView(
      actor: MaybeActor,
      applicationId: string,
    ): Promise<Outcome<ConsensusView, ConsensusAccessRefusal>> {
      const opened = await openForConsensus(deps, actor, applicationId);
      if (!opened.ok) return opened;
      const { review, call, role, rules } = opened.value;
      const application = review.application;
      const panel = await panelOf(deps.db, application);
      const submitted = panel.filter((m) => !m.conflicted && m.evaluation?.status === 'submitted');
      const evaluationsShown = submitted.map((m) => ({
        name: m.name,
        submittedAt: m.evaluation!.submittedAt,
        ...gridState(
          {
            scores: m.evaluation!.scores,
            comments: m.evaluation!.comments,
            overallComment: m.evaluation!.overallComment,
          },
          rules,
        ),
      }));
      const { evaluated } = await callEvaluations(call.id);
      const calibrated = evaluated.some((e) => e.applicationId === application.id)
        ? (calibrationOf(rules, evaluated).applications.find((a) => a.id === application.id)?.calibrated ?? null)
        : null;
      const row = await consensusOf(deps.db, application.id);
      const consensusState = row
        ? gridState({ scores: row.scores, comments: row.comments, overallComment: row.comment }, rules)
        : null;
      const view: ConsensusView = {
        application: {
          id: application.id,
          reference: application.reference ?? '',
          title: application.title,
          status: application.status,
          organisationName: review.organisation?.name ?? '',
        },
        call: { id: call.id, title: call.title, status: call.status, overallThreshold: call.overallThreshold },
        role,
        rules,
        evaluations: evaluationsShown,
        pending: panel
          .filter((m) => !m.conflicted && m.evaluation?.status !== 'submitted' && m.status !== 'withdrawn')
          .map((m) => ({ name: m.name, started: !!m.evaluation })),
        setAside: panel.filter((m) => m.conflicted && m.evaluation?.status === 'submitted').length,
        spreads: Object.fromEntries(
          rules.criteria.map((c) => [
            c.id,
            spreadOf(
              evaluationsShown.flatMap((e) => (e.values.scores[c.id] === undefined ? [] : [e.values.scores[c.id]!])),
              c,
            ),
          ]),
        ),
        meanTotal: evaluationsShown.length
          ? Math.round((evaluationsShown.reduce((s, e) => s + e.total, 0) / evaluationsShown.length) * 100) / 100
          : null,
        calibratedTotal: calibrated,
        consensus:
          row && consensusState
            ? {
                ...consensusState,
                version: row.version,
                by: row.recordedByName,
                at: row.recordedAt,
                passes:
                  !consensusState.below.length &&
                  (call.overallThreshold === null || consensusState.total >= call.overallThreshold),
              }
            : null,
        abilities: {
          record: mayRecordConsensus({
            role,
            applicationStatus: application.status,
            submittedEvaluations: submitted.length,
          }),
          calibration: role === 'officer',
        },
      };
      return { ok: true, value: view };
    },

    /** Where each application of the call stands on its way to a consensus: one page of them, or all without `page`. */
    async consensusIndex(actor: MaybeActor, callId: string, page?: number): Promise<ConsensusIndexView> {
      const managed = await deps.calls.callForManagement(actor, callId);
      const rules = gridRulesOf(managed.call);
      const { applications, total } = page
        ? await deps.applications
            .funnelPage(callId, { page, statuses: RANKED_STATUSES })
            .then((p) => ({ applications: p.rows, total: p.total }))
        : await deps.applications.submittedOf(callId).then((all) => {
            const ranked = all.filter((a) => RANKED_STATUSES.includes(a.status));
            return { applications: ranked, total: ranked.length };
          });
      const ids = applications.map((a) => a.id);
      const counts = applications.length
        ? await deps.db
            .select({
              applicationId: assignments.applicationId,
              assigned: sql<number>`count(*)::int`,
              submitted: sql<number>`count(*) filter (where ${evaluations.status} = 'submitted')::int`,
            })
            .from(assignments)
            .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
            .where(and(eq(assignments.callId, callId), inArray(assignments.applicationId, ids)))
            .groupBy(assignments.applicationId)
        : [];
      const byApplication = new Map(counts.map((c) => [c.applicationId, c]));
      const totals = new Map(
        (await consensusScoresOfCall(deps.db, callId, page ? ids : undefined)).map((c) => [
          c.applicationId,
          weightedTotal([...rules.criteria], c.scores),
        ]),
      );
      return {
        managed,
        total,
        rows: applications.map((a) => ({
          id: a.id,
          reference: a.reference ?? '',
          title: a.title,
          status: a.status,
          assigned: byApplication.get(a.id)?.assigned ?? 0,
          submitted: byApplication.get(a.id)?.submitted ?? 0,
          consensusTotal: totals.get(a.id) ?? null,
        })),
      };
    },

    /** How many applications of the call have a submitted evaluation and wait for the panel's consensus. */
    async consensusMissing(actor: MaybeActor, callId: string): Promise<number> {
      await deps.calls.callForManagement(actor, callId);
      const waiting = await consensusMissingOf(deps.db, callId);
      // A withdrawn or ineligible application waits for nothing, whatever its evaluations.
      return (await deps.applications.listedOf(callId, RANKED_STATUSES, waiting)).length;
    },

    /** Raw and calibrated means side by side, each juror's offset, and what deserves caution. Nothing is changed. */
    async calibrationView(actor: MaybeActor, callId: string): Promise<CalibrationView> {
      const managed = await deps.calls.callForManagement(actor, callId);
      const rules = gridRulesOf(managed.call);
      const { applications, evaluated } = await callEvaluations(callId);
      const output = calibrationOf(rules, evaluated);
      const byId = new Map(applications.map((a) => [a.id, a]));
      const jurorName = new Map(evaluated.map((e) => [e.jurorId, e.jurorName]));
      const consensusTotals = new Map(
        (await consensusScoresOfCall(deps.db, callId)).map((c) => [
          c.applicationId,
          weightedTotal([...rules.criteria], c.scores),
        ]),
      );
      const reference = (id: string) => byId.get(id)?.reference ?? id;
      return {
        managed,
        evaluations: evaluated.length,
        applications: output.applications
          .map((a) => ({
            ...a,
            reference: reference(a.id),
            title: byId.get(a.id)?.title ?? '',
            consensus: consensusTotals.get(a.id) ?? null,
          }))
          .sort((x, y) => (x.reference < y.reference ? -1 : x.reference > y.reference ? 1 : 0)),
        jurors: output.jurors.map((j) => ({ ...j, name: jurorName.get(j.id) ?? j.id })),
        warnings: output.warnings.map((w): CalibrationWarningView => {
          if (w.code === 'not-connected')
            return {
              code: w.code,
              groups: w.components.map((g) => ({
                jurors: g.jurors.map((id) => jurorName.get(id) ?? id),
                applications: g.applications.map(reference),
              })),
            };
          if (w.code === 'few-evaluations')
            return { code: w.code, juror: jurorName.get(w.juror) ?? w.juror, reviews: w.reviews };
          return { code: w.code };
        }),
      };
    },

    /** The eligible applications ranked by their consensus, thresholds marked, each tie-break shown. */
    async rankingView(actor: MaybeActor, callId: string): Promise<RankingView> {
      const managed = await deps.calls.callForManagement(actor, callId);
      return rankingOf(managed, await deps.applications.listedOf(callId, RANKED_STATUSES));
    },

    /**
     * The ranking of a call the caller has already authorised (`managed` is what that gave), from the
     * applications it has read (any statuses; the eligible ones are ranked): the selection reads its
     * candidates once and ranks them here, rather than reading two thousand applications twice.
     */
    rankingOf,
  };
}
