import { asc, eq, sql } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { juryAbilities, mayDeclare, stageOf, type JurorStage } from '../../domain/juryMembership.ts';
import { needsOf, pairKey } from '../../domain/juryPlanning.ts';
import type { JurySettings } from '../../domain/jurySettings.ts';
import { users } from '../../platform/identity/schema.ts';
import type { CallForManagement, PublicCall, Term } from '../calls/service.ts';
import { seatOf } from './access.ts';
import { callApplications, isAssignable, planOf, type CallApplication } from './board.ts';
import { acceptInvitation, acceptWithNewAccount, seatByToken } from './commands/acceptInvitation.ts';
import { assignManually, unassign } from './commands/assign.ts';
import { confirmAssignment } from './commands/confirmAssignment.ts';
import { declareConflict, recordConflict } from './commands/conflicts.ts';
import { inviteJuror } from './commands/inviteJuror.ts';
import { pendingWork, sendJuryReminders } from './commands/sendReminders.ts';
import { setJurorLimits } from './commands/setJurorLimits.ts';
import { signDeclaration } from './commands/signDeclaration.ts';
import { withdrawJuror } from './commands/withdrawJuror.ts';
import type { JuryDeps } from './deps.ts';
import { previewAssignment } from './preview.ts';
import {
  assignmentChangedAt,
  conflictedPairs,
  counts,
  limitsOf,
  loadRecords,
  type ConflictRow,
  type EvaluationState,
  type JurorRecord,
  type JurorRow,
  type JuryRecords,
} from './records.ts';
import { jurors } from './schema.ts';

export interface JurorOverview extends JurorRecord {
  capacityLimit: number;
  minLoadLimit: number;
  load: number;
  submitted: number;
  conflictCount: number;
  pending: ReturnType<typeof pendingWork>;
}

export interface ApplicationProgress extends CallApplication {
  assignable: boolean;
  jurors: {
    assignmentId: string;
    jurorId: string;
    name: string;
    evaluation: EvaluationState;
    counts: boolean;
    affinityMilli: number | null;
    source: 'manual' | 'automatic';
    conflicted: boolean;
    changedAt: Date;
  }[];
  submitted: number;
  /** Jurors still to find to reach k (0 for applications the jury does not work on). */
  need: number;
}

export interface ConflictOverview {
  id: string;
  jurorId: string;
  jurorName: string;
  kind: 'organisation' | 'application';
  target: string;
  reason: string;
  declaredAt: Date;
}

export interface JuryBoard {
  managed: CallForManagement;
  settings: JurySettings;
  abilities: { invite: boolean; assign: boolean };
  jurors: JurorOverview[];
  applications: ApplicationProgress[];
  conflicts: ConflictOverview[];
  /** Every submitted application and its organisation: what conflicts can be recorded with. */
  submitted: CallApplication[];
  organisations: { id: string; name: string }[];
  gaps: number;
}

export interface MySeat {
  seat: JurorRow;
  stage: JurorStage;
  call: PublicCall;
  assignments: { applicationId: string; reference: string | null; title: string; evaluation: EvaluationState }[];
}

export interface DeclarationView {
  seat: JurorRow;
  call: PublicCall;
  publics: readonly Term[];
  activityTypes: readonly Term[];
}

export interface ConflictsView {
  seat: JurorRow;
  call: PublicCall;
  applications: CallApplication[];
  organisations: { id: string; name: string }[];
  mine: ConflictOverview[];
}

export type InvitationView =
  | { status: 'invalid' }
  | { status: 'valid'; email: string; call: PublicCall; accountExists: boolean; signedInAs: string | null };

const organisationsOf = (applications: readonly CallApplication[]) =>
  [
    ...new Map(
      applications.map((a) => [a.organisationId, { id: a.organisationId, name: a.organisationName }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));

function describeConflicts(
  rows: readonly ConflictRow[],
  records: Pick<JuryRecords, 'jurors'>,
  applications: readonly CallApplication[],
): ConflictOverview[] {
  const names = new Map(records.jurors.map((j) => [j.id, j.displayName ?? j.email]));
  const organisations = new Map(applications.map((a) => [a.organisationId, a.organisationName]));
  const apps = new Map(applications.map((a) => [a.id, `${a.reference ?? ''} ${a.title}`.trim()]));
  return rows.map((c) => ({
    id: c.id,
    jurorId: c.jurorId,
    jurorName: names.get(c.jurorId) ?? '',
    kind: c.organisationId ? 'organisation' : 'application',
    target: c.organisationId ? (organisations.get(c.organisationId) ?? '—') : (apps.get(c.applicationId ?? '') ?? '—'),
    reason: c.reason,
    declaredAt: c.declaredAt,
  }));
}

/** The jury of a call: officers form and run it, jurors accept, declare and see their work. */
export function juryService(deps: JuryDeps) {
  const termsFor = async (call: PublicCall, kind: 'target-public' | 'activity-type') => {
    const all = await deps.calls.terms(call.funderId, kind);
    const chosen = kind === 'target-public' ? call.targetPublics : call.activityTypes;
    return chosen.length ? all.filter((t) => chosen.includes(t.key)) : all;
  };
  const declaringSeat = async (actor: MaybeActor, callId: string) => {
    authorize(actor, true, 'jury seat');
    const seat = await seatOf(deps.db, actor, callId);
    if (!seat || !mayDeclare(seat)) throw new NotFoundError('seat');
    return seat;
  };

  return {
    inviteJuror: (input: Parameters<typeof inviteJuror>[1]) => inviteJuror(deps, input),
    acceptInvitation: (input: Parameters<typeof acceptInvitation>[1]) => acceptInvitation(deps, input),
    acceptWithNewAccount: (input: Parameters<typeof acceptWithNewAccount>[1]) => acceptWithNewAccount(deps, input),
    signDeclaration: (input: Parameters<typeof signDeclaration>[1]) => signDeclaration(deps, input),
    declareConflict: (input: Parameters<typeof declareConflict>[1]) => declareConflict(deps, input),
    recordConflict: (input: Parameters<typeof recordConflict>[1]) => recordConflict(deps, input),
    withdrawJuror: (input: Parameters<typeof withdrawJuror>[1]) => withdrawJuror(deps, input),
    sendReminders: (input: Parameters<typeof sendJuryReminders>[1]) => sendJuryReminders(deps, input),
    setJurorLimits: (input: Parameters<typeof setJurorLimits>[1]) => setJurorLimits(deps, input),
    assignManually: (input: Parameters<typeof assignManually>[1]) => assignManually(deps, input),
    unassign: (input: Parameters<typeof unassign>[1]) => unassign(deps, input),
    confirmAssignment: (input: Parameters<typeof confirmAssignment>[1]) => confirmAssignment(deps, input),
    saveSettings: (input: Parameters<typeof deps.calls.saveJurySettings>[0]) => deps.calls.saveJurySettings(input),

    /** The call as its officers manage it; to anyone else it does not exist. */
    managedCall: (actor: MaybeActor, callId: string) => deps.calls.load(actor, callId, { action: 'manage' }),

    /** The call, for its jury settings page; its officers only. */
    settingsView: (actor: MaybeActor, callId: string) => deps.calls.callForManagement(actor, callId),

    /** The automatic assignment, computed (in a worker thread) but not stored. */
    async previewAssignment(actor: MaybeActor, callId: string, floor: number | null) {
      authorize(actor, true, 'compute assignment');
      return previewAssignment(deps, actor, callId, floor);
    },

    /** Everything the officer follows: members and their progress, each application's jurors, conflicts. */
    async board(actor: MaybeActor, callId: string): Promise<JuryBoard> {
      const managed = await deps.calls.callForManagement(actor, callId);
      const applications = await callApplications(deps, callId);
      const records = await loadRecords(deps.db, callId);
      const settings = managed.call.jurySettings;
      const conflicted = conflictedPairs(records.conflicts, applications);
      const jurorById = new Map(records.jurors.map((j) => [j.id, j]));
      const needs = needsOf(planOf(settings, records, applications, new Map()));
      const overview: JurorOverview[] = records.jurors.map((j) => {
        const own = records.assignments.filter((a) => a.jurorId === j.id);
        const limits = limitsOf(j, settings);
        return {
          ...j,
          capacityLimit: limits.capacity,
          minLoadLimit: limits.minLoad,
          load: own.length,
          submitted: own.filter((a) => a.evaluation === 'submitted').length,
          conflictCount: records.conflicts.filter((c) => c.jurorId === j.id).length,
          pending: pendingWork(j, records),
        };
      });
      const progress: ApplicationProgress[] = applications
        .filter((a) => isAssignable(a) || records.assignments.some((x) => x.applicationId === a.id))
        .map((a) => {
          const own = records.assignments.filter((x) => x.applicationId === a.id);
          return {
            ...a,
            assignable: isAssignable(a),
            jurors: own.map((x) => {
              const juror = jurorById.get(x.jurorId);
              const isConflicted = conflicted.has(pairKey(x.jurorId, a.id));
              return {
                assignmentId: x.id,
                jurorId: x.jurorId,
                name: juror?.displayName ?? juror?.email ?? '',
                evaluation: x.evaluation,
                counts: counts(x, juror, isConflicted),
                affinityMilli: x.affinityMilli,
                source: x.source,
                conflicted: isConflicted,
                changedAt: assignmentChangedAt(x, juror, records.conflicts, a),
              };
            }),
            submitted: own.filter((x) => x.evaluation === 'submitted').length,
            need: needs.get(a.id) ?? 0,
          };
        });
      return {
        managed,
        settings,
        abilities: juryAbilities(managed.call.status),
        jurors: overview,
        applications: progress,
        conflicts: describeConflicts(records.conflicts, records, applications),
        submitted: applications,
        organisations: organisationsOf(applications),
        gaps: [...needs.values()].reduce((s, n) => s + n, 0),
      };
    },

    /** What an invitation link leads to, for the page that offers to accept it. */
    async invitation(actor: MaybeActor, token: string): Promise<InvitationView> {
      const seat = await seatByToken(deps.db, token);
      if (!seat) return { status: 'invalid' };
      const call = await deps.calls.publicCall(seat.callId);
      const [account] = await deps.db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, seat.email));
      const [me] = actor
        ? await deps.db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId))
        : [];
      return { status: 'valid', email: seat.email, call, accountExists: !!account, signedInAs: me?.email ?? null };
    },

    /** The declaration page: the juror's seat and the terms to state expertise with. */
    async declarationView(actor: MaybeActor, callId: string): Promise<DeclarationView> {
      const seat = await declaringSeat(actor, callId);
      const call = await deps.calls.publicCall(callId);
      return {
        seat,
        call,
        publics: await termsFor(call, 'target-public'),
        activityTypes: await termsFor(call, 'activity-type'),
      };
    },

    /** The conflicts page: the call's submitted applications and their organisations, and the juror's conflicts. */
    async conflictsView(actor: MaybeActor, callId: string): Promise<ConflictsView> {
      const seat = await declaringSeat(actor, callId);
      const call = await deps.calls.publicCall(callId);
      const applications = await callApplications(deps, callId);
      const records = await loadRecords(deps.db, callId);
      const mine = describeConflicts(
        records.conflicts.filter((c) => c.jurorId === seat.id),
        records,
        applications,
      );
      return { seat, call, applications, organisations: organisationsOf(applications), mine };
    },

    /** The actor's seats on juries and, once active, the applications assigned to them — never one in conflict. */
    async mySeats(actor: MaybeActor): Promise<MySeat[]> {
      authorize(actor, true, 'jury work');
      const seats = await deps.db
        .select()
        .from(jurors)
        .where(eq(jurors.userId, actor.userId))
        .orderBy(asc(jurors.invitedAt));
      const result: MySeat[] = [];
      for (const seat of seats) {
        const call = await deps.calls.publicCall(seat.callId);
        const stage = stageOf(seat);
        let assignments: MySeat['assignments'] = [];
        if (stage === 'active') {
          const applications = await callApplications(deps, seat.callId);
          const records = await loadRecords(deps.db, seat.callId);
          const conflicted = conflictedPairs(
            records.conflicts.filter((c) => c.jurorId === seat.id),
            applications,
          );
          const byId = new Map(applications.map((a) => [a.id, a]));
          assignments = records.assignments
            .filter(
              (a) =>
                a.jurorId === seat.id &&
                !conflicted.has(pairKey(seat.id, a.applicationId)) &&
                byId.has(a.applicationId),
            )
            .map((a) => ({
              applicationId: a.applicationId,
              reference: byId.get(a.applicationId)!.reference,
              title: byId.get(a.applicationId)!.title,
              evaluation: a.evaluation,
            }));
        }
        result.push({ seat, stage, call, assignments });
      }
      return result;
    },
  };
}
export type JuryService = ReturnType<typeof juryService>;
export type { Expertise } from './schema.ts';
