import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { brusselsToInstant, instantToBrussels } from '../../domain/brusselsTime.ts';
import { eurosToCents } from '../../domain/money.ts';
import { funders } from '../../platform/identity/schema.ts';
import type { App } from '../../app.ts';
import { DEMO_FUNDERS, seedCall } from './demoContent.ts';

export const DEMO_PASSWORD = 'octroi-demo-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role | 'platform-admin'; label: string }[] = [
  { email: 'admin@example.org', displayName: 'Alex Admin', role: 'platform-admin', label: 'administrator' },
  { email: 'officer@example.org', displayName: 'Olivia Officer', role: 'officer', label: 'programme officer' },
  { email: 'juror@example.org', displayName: 'Jan Juror', role: 'juror', label: 'juror' },
  { email: 'applicant@example.org', displayName: 'Amina Applicant', role: 'applicant', label: 'applicant' },
];

/** Noon in Brussels, some days from today: the demo calls stay open whenever the demo is loaded. */
function brusselsNoonInDays(days: number): Date {
  const { date } = instantToBrussels(new Date(Date.now() + days * 86_400_000));
  const result = brusselsToInstant(date, '12:00');
  if (!result.ok) throw new Error(`bad demo date ${date}`);
  return result.value;
}

/**
 * Builds the demo through the real commands, as people would have: the administrator creates the
 * funders and grants roles, the officer creates and publishes the calls. Runs once: a database
 * that already has the demo funders is left alone. Returns whether anything was loaded.
 */
export async function loadDemo(app: App): Promise<boolean> {
  const { accounts, admin, calls } = app.services;
  const [already] = await app.database.db.select({ id: funders.id }).from(funders).where(eq(funders.slug, DEMO_FUNDERS[0]!.slug));
  if (already) return false;

  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await accounts.provisionUser({ email: account.email, displayName: account.displayName, password: DEMO_PASSWORD, locale: 'fr', platformAdmin: account.role === 'platform-admin' });
    ids.set(account.email, id);
  }
  const administrator: Actor = { userId: ids.get('admin@example.org')!, isPlatformAdmin: true, grants: [] };
  const officer: Actor = { userId: ids.get('officer@example.org')!, isPlatformAdmin: false, grants: [] };

  const opens = brusselsNoonInDays(-21);
  const deadlines: Record<string, Date> = { BEE: brusselsNoonInDays(67), DIGB: brusselsNoonInDays(95) };
  for (const demo of DEMO_FUNDERS) {
    const funderId = await admin.createFunder({ actor: administrator, slug: demo.slug, name: demo.name, description: demo.description });
    for (const account of DEMO_ACCOUNTS) {
      if (account.role !== 'platform-admin') await admin.grantRole({ actor: administrator, funderId, email: account.email, role: account.role });
    }
    officer.grants = [...officer.grants, { funderId, role: 'officer' }];
    const facts = seedCall(demo.seedKey);
    const callId = await calls.createCall({
      actor: officer,
      call: {
        funderId,
        code: demo.code,
        ...demo.call,
        budgetCents: eurosToCents(facts.budget_eur),
        grantMinCents: facts.grant_min_eur === null ? null : eurosToCents(facts.grant_min_eur),
        grantMaxCents: facts.grant_max_eur === null ? null : eurosToCents(facts.grant_max_eur),
        opensAt: opens,
        closesAt: deadlines[demo.code]!,
      },
    });
    const { call } = await calls.callForManagement(officer, callId);
    await calls.saveCriteria({ actor: officer, callId, version: call.version, criteria: demo.criteria });
    await calls.publishCall({ actor: officer, callId });
  }
  return true;
}
