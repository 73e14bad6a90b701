import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { hashPassword } from '../../platform/identity/passwords.ts';
import { funders } from '../../platform/identity/schema.ts';
import type { App } from '../../app.ts';
import { BEE_APPLICATIONS } from './beeApplications.ts';
import type { DemoApplication } from './demoApplications.ts';
import { DEMO_FUNDERS } from './demoContent.ts';
import { BEE_JURORS, DIGITAL_BRUSSELS_JURORS, type DemoJuror } from './demoJurors.ts';
import { DIGITAL_BRUSSELS_APPLICATIONS } from './digitalBrusselsApplications.ts';
import { seedApplications, type Applicant } from './seedApplications.ts';
import { seedFundersAndCalls, type SeededFunder } from './seedCalls.ts';
import { seedJury } from './seedJury.ts';
import { seedScoring } from './seedScoring.ts';
import { seedScreening } from './seedScreening.ts';
import type { DemoCallBuilt } from './demoBuilt.ts';
import { seedDecisions } from './seedDecisions.ts';
import { seedGrants } from './seedGrants.ts';
import { seedReports } from './seedReports.ts';
import { seedDirectory } from './seedDirectory.ts';

export const DEMO_PASSWORD = 'octroi-demo-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role | 'platform-admin'; label: string }[] = [
  { email: 'admin@example.org', displayName: 'Alex Admin', role: 'platform-admin', label: 'administrator' },
  { email: 'officer@example.org', displayName: 'Olivia Officer', role: 'officer', label: 'programme officer' },
  { email: 'juror@example.org', displayName: 'Jan Juror', role: 'juror', label: 'juror' },
  { email: 'applicant@example.org', displayName: 'Amina Applicant', role: 'applicant', label: 'applicant' },
];

/** Who applied to each funder's call of the press release, and who judged; `seed` fixes the demo's variety. */
const PAST_CALLS: Record<
  string,
  { applications: readonly DemoApplication[]; jurors: readonly DemoJuror[]; seed: number; numbering: number }
> = {
  bee: { applications: BEE_APPLICATIONS, jurors: BEE_JURORS, seed: 26, numbering: 1 },
  paradigm: { applications: DIGITAL_BRUSSELS_APPLICATIONS, jurors: DIGITAL_BRUSSELS_JURORS, seed: 6, numbering: 101 },
};

/**
 * Builds the demo through the real commands, as people would have: the administrator creates the
 * funders and grants roles, the officer creates and publishes the calls; for the two calls of the
 * press releases, organisations applied before the deadline, the officer screened them, the jury
 * scored them and agreed; the next editions are open. Runs once: a database that already has the
 * demo funders is left alone. Returns whether anything was loaded.
 */
export async function loadDemo(app: App): Promise<boolean> {
  const [already] = await app.database.db
    .select({ id: funders.id })
    .from(funders)
    .where(eq(funders.slug, DEMO_FUNDERS[0]!.slug));
  if (already) return false;
  // Its mails (invitations, receipts, letters) are sent in one run at the end, while the server starts.
  await app.mail.holdDuring(() => load(app));
  return true;
}

async function load(app: App): Promise<void> {
  const { accounts, calls } = app.services;
  // Every demo account has the published password: hashed once.
  const password = { hash: await hashPassword(DEMO_PASSWORD) };

  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await accounts.provisionUser({
      email: account.email,
      displayName: account.displayName,
      password,
      locale: 'fr',
      platformAdmin: account.role === 'platform-admin',
    });
    ids.set(account.email, id);
  }
  const administrator: Actor = { userId: ids.get('admin@example.org')!, isPlatformAdmin: true, grants: [] };
  const roles = DEMO_ACCOUNTS.flatMap(({ email, role }) =>
    role === 'officer' || role === 'juror' || role === 'applicant' ? [{ email, role }] : [],
  );
  const { officer, funders: seeded } = await seedFundersAndCalls(app, administrator, {
    officerId: ids.get('officer@example.org')!,
    roles,
  });

  const filed = new Map<SeededFunder, Applicant[]>();
  for (const funder of seeded) {
    const run = pastCall(funder);
    filed.set(
      funder,
      await seedApplications(app, {
        callId: funder.callId,
        closesAt: funder.closesAt,
        applications: run.applications,
        password,
        seed: run.seed,
        numbering: run.numbering,
      }),
    );
  }
  // The clock closes the calls whose deadline has passed, as it did on the day.
  await calls.closeCallsPastDeadline();
  for (const [funder, applicants] of filed) {
    const run = pastCall(funder);
    await seedScreening(app, officer, applicants, funder.demo.criteria.eligibilityCriteria);
    const seats = await seedJury(app, officer, funder.callId, run.jurors, password);
    await seedScoring(app, {
      officer,
      callId: funder.callId,
      applicants,
      seats,
      criteria: funder.demo.criteria.evaluationCriteria,
      seed: run.seed,
    });
  }

  const built = (slug: string): DemoCallBuilt => {
    const funder = seeded.find((f) => f.demo.slug === slug)!;
    return {
      callId: funder.callId,
      seedApplications: new Map(
        filed
          .get(funder)!
          .filter((a) => a.demo.seed)
          .map((a) => [a.demo.project, a.applicationId]),
      ),
    };
  };
  const nextCall = (slug: string) => seeded.find((f) => f.demo.slug === slug)!.nextCallId;
  await seedDecisions(app, {
    officer,
    bee: built('bee'),
    digitalBrussels: built('paradigm'),
    openCalls: { bee: nextCall('bee'), paradigm: nextCall('paradigm') },
  });
  const beeFunder = seeded.find((f) => f.demo.slug === 'bee')!;
  await seedGrants(app, {
    officer,
    bee: { callId: beeFunder.callId, applicants: filed.get(beeFunder)! },
    digitalBrussels: { callId: built('paradigm').callId },
  });
  await seedReports(app, { officer, bee: { callId: beeFunder.callId, applicants: filed.get(beeFunder)! } });
  // The residents' directory: its places, some run by the projects just funded.
  await seedDirectory(app, { officer, funders: seeded, applicants: filed });
}

function pastCall(funder: SeededFunder) {
  const run = PAST_CALLS[funder.demo.slug];
  if (!run) throw new Error(`no demo applications for ${funder.demo.slug}`);
  return run;
}
