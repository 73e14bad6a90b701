import { eq, sql } from 'drizzle-orm';
import { transition, type ApplicationEvent, type ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import { refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { lockApplication } from '../access.ts';
import { applications } from '../schema.ts';

/** The events by which the funder's side moves an application on: screening, review, the decision. */
export const OFFICER_EVENTS = [
  'declare-eligible',
  'declare-ineligible',
  'reopen-eligibility',
  'start-review',
  'score',
  'select',
  'reserve',
  'reject',
  'renounce',
] as const satisfies readonly ApplicationEvent[];
export type OfficerEvent = (typeof OFFICER_EVENTS)[number];

/** The application is no longer in a status the event leaves from (someone moved it meanwhile). Officer events have no other guard. */
export type OfficerTransitionRefusal = 'invalid-transition';

/**
 * Moves an application along its lifecycle inside the caller's transaction (screening, jury and
 * decisions own their records; the status is the applications capability's), with its audit row.
 * The caller has already authorised the actor for the application's call. A refusal writes nothing:
 * the caller refuses in turn, which rolls its own writes back.
 */
export async function transitionByOfficer(
  tx: Transaction,
  input: {
    applicationId: string;
    event: OfficerEvent;
    actorId: string;
    funderId: string;
    reason?: string | null;
    now?: Date;
  },
): Promise<Outcome<{ from: ApplicationStatus; to: ApplicationStatus }, OfficerTransitionRefusal>> {
  const now = input.now ?? new Date();
  const application = await lockApplication(tx, input.applicationId);
  const moved = transition(application.status, input.event, { now, call: { opensAt: null, closesAt: now } });
  if (!moved.ok) return refused('invalid-transition');
  await tx
    .update(applications)
    .set({ status: moved.value, version: sql`${applications.version} + 1`, updatedAt: now })
    .where(eq(applications.id, application.id));
  await recordAudit(tx, {
    actorId: input.actorId,
    funderId: input.funderId,
    action: `application.${input.event}`,
    subjectType: 'application',
    subjectId: application.id,
    before: { status: application.status },
    after: { status: moved.value },
    reason: input.reason ?? null,
  });
  return { ok: true, value: { from: application.status, to: moved.value } };
}
