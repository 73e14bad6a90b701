import { and, eq, inArray, notInArray, or } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { indicatorChoiceProblems } from '../../../domain/grants/indicatorChoice.ts';
import { reportPlanProblems } from '../../../domain/grants/reportSchedule.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { grantRecord } from '../../grants/access.ts';
import type { ReportsDeps } from '../deps.ts';
import { anyStarted, type ReportPlan } from '../plan.ts';
import { syncReports } from '../schedule.ts';
import { grantReports, reportPlans } from '../schema.ts';

/** `started`: an organisation has begun or handed in a report under the plan, which would change under it. */
export type SaveReportPlanRefusal = Stale | 'invalid' | 'started';

/**
 * An officer of the call sets the reports its grants owe and the indicators they ask. `version` is the one the
 * form showed (0 for the default plan); a stale form is refused. The plan can change only while no organisation
 * has started a report of the call (saved, submitted or given an expense): what they answered must keep its
 * questions. The call's existing reports are rescheduled in the same transaction: those the new plan no longer
 * has go, the others are planned again (an officer's move or waiver stays), and the missing ones are made.
 * Audited with the plan it replaced.
 */
export async function saveReportPlan(
  deps: ReportsDeps,
  input: { actor: MaybeActor; callId: string; version: number; plan: ReportPlan; now?: Date },
): Promise<Outcome<{ version: number }, SaveReportPlanRefusal>> {
  const now = input.now ?? new Date();
  const call = await deps.calls.load(input.actor, input.callId, { action: 'manage' });
  const actorId = signedIn(call).userId;
  const { plan } = input;
  return refusable((refuse) => {
    if (reportPlanProblems(plan.reports).length || indicatorChoiceProblems(plan.indicators).length)
      return refuse('invalid');
    return inTransaction(deps, async (tx) => {
      const [current] = await tx.select().from(reportPlans).where(eq(reportPlans.callId, input.callId)).for('update');
      if ((current?.version ?? 0) !== input.version) return refuse('stale');
      const grantIds = await deps.grants.grantIdsOf(input.callId, tx);
      // Locked, so that no member's save slips in between this check and the rescheduling.
      const reports = grantIds.length
        ? await tx.select().from(grantReports).where(inArray(grantReports.grantId, grantIds)).for('update')
        : [];
      if (await anyStarted(tx, reports)) return refuse('started');
      const version = input.version + 1;
      const values = {
        reports: [...plan.reports],
        indicators: plan.indicators,
        version,
        updatedBy: actorId,
        updatedAt: now,
      };
      if (current) await tx.update(reportPlans).set(values).where(eq(reportPlans.callId, input.callId));
      else await tx.insert(reportPlans).values({ callId: input.callId, ...values });
      if (grantIds.length) {
        // An officer's move or waiver of a report the plan keeps still holds; every other report is planned anew.
        const kept = plan.reports.map((d) => d.id);
        await tx
          .delete(grantReports)
          .where(
            and(
              inArray(grantReports.grantId, grantIds),
              or(
                notInArray(grantReports.definitionId, kept),
                and(eq(grantReports.moved, false), notInArray(grantReports.status, ['skipped'])),
              ),
            ),
          );
        for (const id of grantIds) {
          const record = await grantRecord(tx, id);
          if (record) await syncReports(tx, record, now);
        }
      }
      await recordAudit(tx, {
        actorId,
        funderId: call.record.funderId,
        action: 'report.plan-saved',
        subjectType: 'call',
        subjectId: input.callId,
        before: current ? { reports: current.reports, indicators: current.indicators } : null,
        after: { reports: plan.reports, indicators: plan.indicators, version, rescheduled: reports.length },
      });
      return { version };
    });
  });
}
