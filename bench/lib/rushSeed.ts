// Seeds the deadline rush: a funder, its officers and a published call closing at `closesAt`
// through the services; then organisations, each with one owner, a session and a complete draft,
// written in bulk (multi-row inserts), as after weeks of applicants preparing.
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import type { Actor } from '../../src/domain/access.ts';
import { enterpriseCheckDigits } from '../../src/domain/enterpriseNumber.ts';
import { normaliseAnswers, requestedCents } from '../../src/domain/forms/answers.ts';
import type { RawAnswers } from '../../src/domain/forms/definition.ts';
import type { Random } from '../../src/domain/random.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import { answerContext } from '../../src/features/applications/answerContext.ts';
import { applications } from '../../src/features/applications/schema.ts';
import { searchVector } from '../../src/features/applications/search.ts';
import { organisationMembers, organisations } from '../../src/features/organisations/schema.ts';
import { sessions, users } from '../../src/platform/identity/schema.ts';
import { newSecretToken } from '../../src/platform/identity/secrets.ts';
import { BENCH_AMOUNTS, BENCH_PUBLICS, publishBenchCall } from './benchCall.ts';
import { generateApplication, seededUuid } from './inboxData.ts';

const DAY = 86_400_000;
const CALL = { code: 'RUSH', ...BENCH_AMOUNTS };
const BATCH = 250;

export interface Applicant {
  applicationId: string;
  userId: string;
  sessionToken: string;
  raw: RawAnswers;
}

export interface RushSeed {
  callId: string;
  officerIds: string[];
  closesAt: Date;
  applicants: Applicant[];
  officerTokens: string[];
}

export async function seedRush(
  app: App,
  random: Random,
  opts: { applicants: number; officers: number; closesAt: Date },
): Promise<RushSeed> {
  const db = app.database.db;
  const now = Date.now();
  const { accounts, admin: adminService } = app.services;
  const adminId = (
    await accounts.provisionUser({
      email: 'admin@rush.example',
      displayName: 'Rush Admin',
      password: 'bench password 1',
      locale: 'fr',
      platformAdmin: true,
    })
  ).id;
  const admin: Actor = { userId: adminId, isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(
    await adminService.createFunder({ actor: admin, slug: 'rush', name: { fr: 'Bruxelles Économie et Emploi' } }),
  );
  const officerIds: string[] = [];
  for (let i = 0; i < Math.max(1, opts.officers); i++) {
    const email = `officer-${i + 1}@rush.example`;
    const { id } = await accounts.provisionUser({
      email,
      displayName: `Officer ${i + 1}`,
      password: 'bench password 2',
      locale: 'fr',
      platformAdmin: false,
    });
    expectOk(await adminService.grantRole({ actor: admin, funderId, email, role: 'officer' }));
    officerIds.push(id);
  }
  const officer: Actor = { userId: officerIds[0]!, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] };
  const { callId, context } = await publishBenchCall(app, officer, {
    funderId,
    code: CALL.code,
    opensAt: new Date(now - 30 * DAY),
    closesAt: opts.closesAt,
  });
  const ctx = answerContext(context);
  const form = context.form;

  const rows = Array.from({ length: opts.applicants }, (_, i) => {
    const userId = seededUuid(random);
    const organisationId = seededUuid(random);
    const g = generateApplication(random, { publics: BENCH_PUBLICS, ...CALL });
    const { values } = normaliseAnswers(form.definition, g.raw, ctx, { forSubmission: false });
    const first = `0${String(4_000_000 + i * 4_099).padStart(7, '0')}`;
    const session = newSecretToken();
    return {
      user: {
        id: userId,
        email: `applicant-${i + 1}@rush.example`,
        displayName: `Applicant ${i + 1}`,
        passwordHash: '!',
        locale: 'fr',
        emailConfirmedAt: new Date(now - 90 * DAY),
      },
      organisation: {
        id: organisationId,
        name: `ASBL Rush ${i + 1}`,
        legalForm: 'asbl' as const,
        enterpriseNumber: first + enterpriseCheckDigits(first),
        street: 'Rue de l’Exemple 1',
        postalCode: '1000',
        city: 'Bruxelles',
        communeNis: '21004',
        iban: 'BE68539007547034',
        accountHolder: `ASBL Rush ${i + 1}`,
        contactName: `Applicant ${i + 1}`,
        contactEmail: `applicant-${i + 1}@rush.example`,
      },
      member: { organisationId, userId, role: 'owner' as const },
      session: { tokenHash: session.hash, userId, expiresAt: new Date(now + DAY) },
      token: session.token,
      application: {
        id: seededUuid(random),
        callId,
        organisationId,
        formId: form.id,
        status: 'draft' as const,
        title: g.title,
        rawAnswers: g.raw,
        answers: values,
        requestedCents: requestedCents(form.definition, values),
        communes: (values.communes as string[] | null) ?? [],
        targetPublics: (values.publics as string[] | null) ?? [],
        search: searchVector(g.title, form.definition, values),
        version: 1,
        updatedBy: userId,
        createdBy: userId,
      },
      raw: g.raw,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      await tx.insert(users).values(batch.map((r) => r.user));
      await tx.insert(organisations).values(batch.map((r) => r.organisation));
      await tx.insert(organisationMembers).values(batch.map((r) => r.member));
      await tx.insert(sessions).values(batch.map((r) => r.session));
      await tx.insert(applications).values(batch.map((r) => r.application));
    });
  }
  const officerTokens = [];
  for (const id of officerIds.slice(0, opts.officers)) {
    const s = newSecretToken();
    await db.insert(sessions).values({ tokenHash: s.hash, userId: id, expiresAt: new Date(now + DAY) });
    officerTokens.push(s.token);
  }
  await db.execute(sql`analyze`);
  return {
    callId,
    officerIds,
    closesAt: opts.closesAt,
    applicants: rows.map((r) => ({
      applicationId: r.application.id,
      userId: r.user.id,
      sessionToken: r.token,
      raw: r.raw,
    })),
    officerTokens,
  };
}
