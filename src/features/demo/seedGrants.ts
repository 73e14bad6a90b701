// After the published results, the grants as officers and grantees would have taken them, through their own
// commands: BEE's nine agreements sent, accepted by each organisation's member and countersigned, the first
// tranche of each approved and paid in one batch whose SEPA file the officer can download; Digital.Brussels'
// agreements sent and waiting for the organisations.
import type { Actor } from '../../domain/access.ts';
import { addMonths } from '../../domain/calendarDate.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import type { Applicant } from './seedApplications.ts';
import { brusselsDateInDays, brusselsNoonInDays } from './demoTime.ts';

export interface GrantsDemo {
  officer: Actor;
  bee: { callId: string; applicants: readonly Applicant[] };
  digitalBrussels: { callId: string };
}

export async function seedGrants(app: App, demo: GrantsDemo): Promise<void> {
  const { grants } = app.services;
  const { officer } = demo;
  const periodStart = brusselsDateInDays(-25);
  const period = { periodStart, periodEnd: addMonths(periodStart, 12) };
  const send = async (grantId: string, days: number) =>
    expectOk(
      await grants.sendAgreement({
        actor: officer,
        grantId,
        version: 1,
        ...period,
        deMinimisConfirmed: false,
        now: brusselsNoonInDays(days),
      }),
    );

  const bee = await grants.callGrants(officer, demo.bee.callId);
  expectOk(
    await grants.savePaymentSettings({
      actor: officer,
      callId: demo.bee.callId,
      debtorName: 'Bruxelles Économie et Emploi',
      debtorIban: 'BE68539007547034',
      debtorBic: 'GKCCBEBB',
      secondApprovalAboveCents: 10_000_000,
    }),
  );
  const memberOf = new Map(demo.bee.applicants.map((a) => [a.applicationId, a.member]));
  for (const summary of bee.grants) {
    const { sha256 } = await send(summary.id, -24);
    const page = await grants.grantPage(officer, summary.id);
    const member = memberOf.get(page.scoped.record.row.applicationId);
    if (!member) throw new Error(`demo: no member for grant ${summary.reference}`);
    expectOk(
      await grants.acceptAgreement({ actor: member, grantId: summary.id, sha256, now: brusselsNoonInDays(-22) }),
    );
    expectOk(await grants.countersign({ actor: officer, grantId: summary.id, now: brusselsNoonInDays(-20) }));
    const signed = await grants.grantPage(officer, summary.id);
    for (const t of signed.scoped.record.tranches.filter((x) => x.status === 'due'))
      expectOk(
        await grants.approveTranche({
          actor: officer,
          grantId: summary.id,
          trancheId: t.id,
          version: t.version,
          now: brusselsNoonInDays(-19),
        }),
      );
  }
  const payments = await grants.paymentsPage(officer, demo.bee.callId);
  const { batchId } = expectOk(
    await grants.createBatch({
      actor: officer,
      callId: demo.bee.callId,
      trancheIds: payments.approved.map((a) => a.tranche.id),
      executionDate: brusselsDateInDays(-17),
      now: brusselsNoonInDays(-18),
    }),
  );
  expectOk(await grants.markBatchPaid({ actor: officer, batchId, now: brusselsNoonInDays(-15) }));

  const digital = await grants.callGrants(officer, demo.digitalBrussels.callId);
  for (const summary of digital.grants) await send(summary.id, -10);
}
