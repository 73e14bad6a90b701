// The grants' reports as officers and grantees would have taken them, through their own commands: BEE's interim
// reports brought forward by the officer (due in a few days), filled and submitted by each organisation's member;
// the officer approves most, returns one with remarks, and leaves the last ones to read.
import type { Actor } from '../../domain/access.ts';
import { COMMUNES } from '../../domain/referenceData.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import type { Applicant } from './seedApplications.ts';
import { brusselsDateInDays, brusselsNoonInDays } from './demoTime.ts';

export interface ReportsDemo {
  officer: Actor;
  bee: { callId: string; applicants: readonly Applicant[] };
}

/** A consistent report of `n` participants, spread over communes, ages and genders by the grant's rank. */
function indicators(n: number, rank: number): Record<string, string | string[]> {
  const a = Math.floor(n / 3);
  const communes = [COMMUNES[rank % COMMUNES.length]!, COMMUNES[(rank + 5) % COMMUNES.length]!];
  return {
    'i.participants': String(n),
    'i.participants-by-public.other': String(n),
    [`i.participants-by-commune.${communes[0]!.nis}`]: String(n - a),
    [`i.participants-by-commune.${communes[1]!.nis}`]: String(a),
    'i.participants-by-age.25-54': String(n - a),
    'i.participants-by-age.55-74': String(a),
    'i.participants-by-gender.woman': String(n - a),
    'i.participants-by-gender.man': String(a),
    'i.sessions': String(8 + rank),
    'i.support-hours': String(30 + 4 * rank),
    'i.digcomp-areas': rank % 2 ? ['1', '2'] : ['1', '4', '5'],
    // BEE's own count (demoContent.ts reportPlan).
    'i.custom-outcomes': String(Math.floor(n / 4)),
    'i.narrative':
      'Des ateliers hebdomadaires ont accueilli les participants ; les permanences individuelles se poursuivent.',
  };
}

export async function seedReports(app: App, demo: ReportsDemo): Promise<void> {
  const { grants, reports } = app.services;
  const { officer } = demo;
  const memberOf = new Map(demo.bee.applicants.map((a) => [a.applicationId, a.member]));
  const { grants: bee } = await grants.callGrants(officer, demo.bee.callId);
  for (const [rank, summary] of bee.entries()) {
    const list = await reports.grantReports(officer, summary.id, brusselsNoonInDays(-6));
    const interim = list.reports.find((r) => r.kind === 'interim');
    const member = memberOf.get(list.grant.record.row.applicationId);
    if (!interim || !member) continue;
    // The officer brings the interim report forward: due in five days, open for a month already.
    expectOk(
      await reports.planReport({
        actor: officer,
        reportId: interim.id,
        version: interim.version,
        change: 'move',
        dueOn: brusselsDateInDays(5),
        now: brusselsNoonInDays(-6),
      }),
    );
    const opened = await reports.grantReports(member, summary.id, brusselsNoonInDays(-5));
    const row = opened.reports.find((r) => r.id === interim.id)!;
    if (rank >= 7) continue; // the last two are still being written
    const submitted = expectOk(
      await reports.submitReport({
        actor: member,
        reportId: row.id,
        version: row.version,
        raw: indicators(40 + 15 * rank, rank),
        now: brusselsNoonInDays(-4),
      }),
    );
    if (rank >= 5) continue; // two wait for the officer
    expectOk(
      await reports.decideReport({
        actor: officer,
        reportId: row.id,
        version: submitted.version,
        now: brusselsNoonInDays(-2),
        ...(rank === 1
          ? {
              decision: 'return',
              remarks:
                'Merci de préciser la répartition par commune : la plupart des participants y sont hors Bruxelles.',
              returnDueOn: brusselsDateInDays(10),
            }
          : { decision: 'approve', remarks: null }),
      }),
    );
  }
}
