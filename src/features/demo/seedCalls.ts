import type { Actor } from '../../domain/access.ts';
import { eurosToCents } from '../../domain/money.ts';
import { DEFAULT_TARGET_PUBLICS } from '../../domain/referenceData.ts';
import type { App } from '../../app.ts';
import { DEMO_FUNDERS, seedCall, type DemoFunder } from './demoContent.ts';
import { brusselsNoonInDays, daysBefore } from './demoTime.ts';
import { expectOk } from '../../domain/refusal.ts';

/** A demo funder as created: its call of the press release and its open next edition. */
export interface SeededFunder {
  demo: DemoFunder;
  funderId: string;
  callId: string;
  /** The deadline of the press release's call, passed: applications were submitted before it. */
  closesAt: Date;
  nextCallId: string;
}

/** In days from today: the press release's calls closed about three months ago, the next editions are open. */
const CALENDAR: Record<string, { opens: number; closes: number; nextCloses: number }> = {
  bee: { opens: -150, closes: -92, nextCloses: 67 },
  paradigm: { opens: -140, closes: -80, nextCloses: 95 },
};
const NEXT_OPENS = -14;

/**
 * The administrator creates the funders and grants the demo accounts their roles there; the
 * officer creates each funder's two calls, with criteria and jury settings, and publishes them.
 * The past call is published as it was then (publishing checks the deadline against `now`).
 * Returns the officer as an actor of both funders.
 */
export async function seedFundersAndCalls(
  app: App,
  administrator: Actor,
  people: { officerId: string; roles: { email: string; role: 'officer' | 'juror' | 'applicant' }[] },
): Promise<{ officer: Actor; funders: SeededFunder[] }> {
  const { admin } = app.services;
  const funderIds: string[] = [];
  for (const demo of DEMO_FUNDERS) {
    const funderId = expectOk(
      await admin.createFunder({
        actor: administrator,
        slug: demo.slug,
        name: demo.name,
        description: demo.description,
        // Brussels' administrations publish in French and Dutch.
        requiredLanguages: ['fr', 'nl'],
      }),
    );
    for (const { email, role } of people.roles)
      expectOk(await admin.grantRole({ actor: administrator, funderId, email, role }));
    funderIds.push(funderId);
  }
  const officer: Actor = {
    userId: people.officerId,
    isPlatformAdmin: false,
    grants: funderIds.map((funderId) => ({ funderId, role: 'officer' as const })),
  };

  const funders: SeededFunder[] = [];
  for (const [i, demo] of DEMO_FUNDERS.entries()) {
    const funderId = funderIds[i]!;
    const calendar = CALENDAR[demo.slug];
    if (!calendar) throw new Error(`no demo calendar for ${demo.slug}`);
    const facts = seedCall(demo.call.seedKey);
    const opensAt = brusselsNoonInDays(calendar.opens);
    const closesAt = brusselsNoonInDays(calendar.closes);
    const callId = await createCall(app, officer, demo, {
      funderId,
      code: demo.call.code,
      title: demo.call.title,
      summary: demo.call.summary,
      description: demo.call.description,
      budgetCents: eurosToCents(facts.budget_eur),
      grantMinCents: facts.grant_min_eur === null ? null : eurosToCents(facts.grant_min_eur),
      grantMaxCents: facts.grant_max_eur === null ? null : eurosToCents(facts.grant_max_eur),
      opensAt,
      closesAt,
    });
    expectOk(await app.services.calls.publishCall({ actor: officer, callId, now: daysBefore(opensAt, 3) }));

    const next = demo.nextCall;
    const nextCallId = await createCall(app, officer, demo, {
      funderId,
      code: next.code,
      title: next.title,
      summary: next.summary,
      description: next.description,
      budgetCents: eurosToCents(next.budgetEur),
      grantMinCents: next.grantMinEur === null ? null : eurosToCents(next.grantMinEur),
      grantMaxCents: next.grantMaxEur === null ? null : eurosToCents(next.grantMaxEur),
      opensAt: brusselsNoonInDays(NEXT_OPENS),
      closesAt: brusselsNoonInDays(calendar.nextCloses),
    });
    expectOk(await app.services.calls.publishCall({ actor: officer, callId: nextCallId }));
    funders.push({ demo, funderId, callId, closesAt, nextCallId });
  }
  return { officer, funders };
}

type NewCall = Parameters<App['services']['calls']['createCall']>[0]['call'];

/** A draft call with the funder's criteria, jury settings, publics, activities and report plan: ready to publish. */
async function createCall(app: App, officer: Actor, demo: DemoFunder, call: NewCall): Promise<string> {
  const { calls } = app.services;
  // Every public of the funder's list: the demo's projects between them reach nearly all.
  const callId = expectOk(
    await calls.createCall({
      actor: officer,
      call: { ...call, targetPublics: DEFAULT_TARGET_PUBLICS.map((p) => p.key), activityTypes: demo.activityTypes },
    }),
  );
  const version = async () => (await calls.callForManagement(officer, callId)).call.version;
  expectOk(await calls.saveCriteria({ actor: officer, callId, version: await version(), criteria: demo.criteria }));
  expectOk(await calls.saveJurySettings({ actor: officer, callId, version: await version(), settings: demo.jury }));
  if (demo.reportPlan)
    expectOk(await app.services.reports.saveReportPlan({ actor: officer, callId, version: 0, plan: demo.reportPlan }));
  return callId;
}
