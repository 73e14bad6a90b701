import { eq, sql } from 'drizzle-orm';
import { transition, type ApplicationEvent, type ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
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

/**
 * Moves an application along its lifecycle inside the caller's transaction (screening, jury and
 * decisions own their records; the status is the applications capability's), with its audit row.
 * The caller has already authorised the actor for the application's call.
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
): Promise<{ from: ApplicationStatus; to: ApplicationStatus }> {
  const now = input.now ?? new Date();
  const application = await lockApplication(tx, input.applicationId);
  const moved = transition(application.status, input.event, { now, call: { opensAt: null, closesAt: now } });
  if (!moved.ok) throw new RuleViolationError([moved.error]);
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
  return { from: application.status, to: moved.value };
}
