// What the jury's pages and commands read from other capabilities (the call's applications, their
// answers and organisations), and the assignment plan built from it with the jury's own records.
// Everything here that calls another service runs BEFORE a command opens its transaction.
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { activityTypesIn, affinity, digcompAreasIn, type ApplicationProfile } from '../../domain/affinity.ts';
import type { ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import { ASSIGNABLE_STATUSES, pairKey, type Plan } from '../../domain/juryPlanning.ts';
import type { JurySettings } from '../../domain/jurySettings.ts';
import { isLocale } from '../../domain/locale.ts';
import { users } from '../../platform/identity/schema.ts';
import type { CallForManagement } from '../calls/service.ts';
import type { JuryDeps } from './deps.ts';
import { conflictedPairs, counts, limitsOf, type JuryRecords } from './records.ts';

export interface CallApplication {
  id: string;
  reference: string | null;
  title: string;
  status: ApplicationStatus;
  organisationId: string;
  organisationName: string;
}

/** The call's submitted applications (never drafts) with their organisation's name, in reference order. */
export async function callApplications(deps: JuryDeps, callId: string): Promise<CallApplication[]> {
  const rows = await deps.applications.submittedOf(callId);
  const names = await deps.organisations.names([...new Set(rows.map((r) => r.organisationId))]);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: r.status,
    organisationId: r.organisationId,
    organisationName: names.get(r.organisationId)?.name ?? '',
  }));
}

export const isAssignable = (a: { status: ApplicationStatus }) => ASSIGNABLE_STATUSES.includes(a.status);

/**
 * What each assignable application is about: its target publics, the DigComp areas and activity
 * types its answers name (read with the call's current form: field ids are stable across
 * versions), and its language, which is the locale of the member who submitted it.
 */
export async function applicationProfiles(
  deps: JuryDeps,
  actor: Actor,
  managed: CallForManagement,
): Promise<Map<string, ApplicationProfile>> {
  const callId = managed.call.id;
  const submitted = (await deps.applications.submittedOf(callId)).filter(isAssignable);
  if (!submitted.length) return new Map();
  const { rows } = await deps.applications.exportRows(actor, callId);
  const answers = new Map(rows.map((r) => [r.id, r.answers]));
  const submitters = [...new Set(submitted.map((a) => a.submittedBy).filter((id): id is string => !!id))];
  const locales = submitters.length
    ? await deps.db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, submitters))
    : [];
  const localeOf = new Map(locales.map((u) => [u.id, u.locale]));
  const activityKeys = managed.call.activityTypes.length
    ? managed.call.activityTypes
    : managed.activityTypes.map((t) => t.key);
  return new Map(
    submitted.map((a) => {
      const own = answers.get(a.id) ?? {};
      const locale = a.submittedBy ? localeOf.get(a.submittedBy) : undefined;
      const profile: ApplicationProfile = {
        targetPublics: a.targetPublics,
        digcompAreas: digcompAreasIn(managed.form, own),
        activityTypes: activityTypesIn(managed.form, own, activityKeys),
        language: isLocale(locale) ? locale : null,
      };
      return [a.id, profile];
    }),
  );
}

/** Affinity of every (juror, application) pair that could be assigned: active jurors, assignable applications. */
export function affinities(
  records: JuryRecords,
  profiles: ReadonlyMap<string, ApplicationProfile>,
): Map<string, number> {
  const values = new Map<string, number>();
  for (const j of records.jurors) {
    if (j.stage !== 'active') continue;
    for (const [applicationId, profile] of profiles)
      values.set(pairKey(j.id, applicationId), affinity(j.expertise, profile));
  }
  return values;
}

/** The plan of the call's jury as it stands: who may still receive applications, what each application has and needs. */
export function planOf(
  settings: JurySettings,
  records: JuryRecords,
  applications: readonly CallApplication[],
  affinity: ReadonlyMap<string, number>,
  floor: number | null = null,
): Plan {
  const assignable = applications.filter(isAssignable);
  const conflicted = conflictedPairs(records.conflicts, assignable);
  const jurorById = new Map(records.jurors.map((j) => [j.id, j]));
  const assignableIds = new Set(assignable.map((a) => a.id));
  const load = new Map<string, number>();
  for (const a of records.assignments) load.set(a.jurorId, (load.get(a.jurorId) ?? 0) + 1);
  return {
    k: settings.reviewersPerApplication,
    jurors: records.jurors
      .filter((j) => j.stage === 'active')
      .map((j) => ({ id: j.id, ...limitsOf(j, settings), load: load.get(j.id) ?? 0 })),
    applications: assignable.map((a) => a.id),
    assigned: records.assignments
      .filter((a) => assignableIds.has(a.applicationId))
      .map((a) => {
        const isConflicted = conflicted.has(pairKey(a.jurorId, a.applicationId));
        return {
          jurorId: a.jurorId,
          applicationId: a.applicationId,
          counts: counts(a, jurorById.get(a.jurorId), isConflicted),
        };
      }),
    conflicts: [...conflicted].map((key) => {
      const [jurorId, applicationId] = key.split('|') as [string, string];
      return { jurorId, applicationId };
    }),
    affinity,
    floor,
  };
}

/** Juror and application ids as people read them, for the solver's own words. */
export function humanLabels(records: JuryRecords, applications: readonly CallApplication[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const j of records.jurors) labels.set(j.id, j.displayName ?? j.email);
  for (const a of applications) labels.set(a.id, a.reference ?? a.title);
  return labels;
}

/** What an officer's assignment command reads from other capabilities, before its transaction. */
export async function officerContext(deps: JuryDeps, actor: Actor, callId: string) {
  const managed = await deps.calls.callForManagement(actor, callId);
  const applications = await callApplications(deps, callId);
  const profiles = await applicationProfiles(deps, actor, managed);
  return { managed, applications, profiles };
}
