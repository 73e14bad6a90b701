// Seeds the inbox benchmark's database: a funder, an officer and a published call through the
// services (as an installation would have them), then organisations and submitted applications
// written in bulk — multi-row inserts in batches, as DESIGN.md asks of bulk writes.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import type { Actor } from '../../src/domain/access.ts';
import { instantToBrussels } from '../../src/domain/brusselsTime.ts';
import { enterpriseCheckDigits } from '../../src/domain/enterpriseNumber.ts';
import { canonicalAnswers, normaliseAnswers, requestedCents } from '../../src/domain/forms/answers.ts';
import { randomInt, type Random } from '../../src/domain/random.ts';
import { COMMUNES } from '../../src/domain/referenceData.ts';
import { applicationReference } from '../../src/domain/reference.ts';
import { answerContext } from '../../src/features/applications/answerContext.ts';
import { applicationCounters, applications, applicationSubmissions } from '../../src/features/applications/schema.ts';
import { searchVector } from '../../src/features/applications/search.ts';
import { LEGAL_FORMS, organisationMembers, organisations } from '../../src/features/organisations/schema.ts';
import { users } from '../../src/platform/identity/schema.ts';
import { BENCH_AMOUNTS, BENCH_PUBLICS, publishBenchCall } from './benchCall.ts';
import { generateApplication, organisationName, pick, seededUuid } from './inboxData.ts';
import { expectOk } from '../../src/domain/refusal.ts';

const DAY = 86_400_000;
const CALL = { code: 'BEE', ...BENCH_AMOUNTS };

export interface Seeded {
  callId: string;
  officerId: string;
  officer: Actor;
  applications: number;
  organisations: number;
  timings: {
    servicesMs: number;
    organisationsMs: number;
    generateMs: number;
    insertMs: number;
    analyzeMs: number;
    totalMs: number;
    batches: number;
    batchSize: number;
  };
  /** Average stored size per application row, in bytes (pg_column_size), of the heavy columns. */
  columnBytes: Record<string, number>;
}

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

export async function seedInbox(
  app: App,
  random: Random,
  opts: { applications: number; organisations: number; batchSize: number; now: Date },
): Promise<Seeded> {
  const started = performance.now();
  const db = app.database.db;
  const now = opts.now.getTime();

  // Through the services: the people, the funder, the call (standard form) and its publication.
  const { accounts, admin: adminService } = app.services;
  const adminId = (
    await accounts.provisionUser({
      email: 'admin@bench.example',
      displayName: 'Bench Admin',
      password: 'bench password 1',
      locale: 'fr',
      platformAdmin: true,
    })
  ).id;
  const admin: Actor = { userId: adminId, isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(
    await adminService.createFunder({
      actor: admin,
      slug: 'bee',
      name: { fr: 'Bruxelles Économie et Emploi', nl: 'Brussel Economie en Werkgelegenheid' },
    }),
  );
  const officerId = (
    await accounts.provisionUser({
      email: 'officer@bench.example',
      displayName: 'Olivia Officer',
      password: 'bench password 2',
      locale: 'fr',
      platformAdmin: false,
    })
  ).id;
  expectOk(await adminService.grantRole({ actor: admin, funderId, email: 'officer@bench.example', role: 'officer' }));
  const officer: Actor = { userId: officerId, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] };
  const { callId, context } = await publishBenchCall(app, officer, {
    funderId,
    code: CALL.code,
    opensAt: new Date(now - 30 * DAY),
    closesAt: new Date(now + 10 * DAY),
  });
  const ctx = answerContext(context);
  const form = context.form;
  const servicesMs = ms(started);

  // Organisations, each with one owner account (no password: they never sign in here).
  const orgStarted = performance.now();
  const people = Array.from({ length: opts.organisations }, (_, i) => ({
    id: seededUuid(random),
    email: `owner-${i + 1}@asbl.example`,
    displayName: `Owner ${i + 1}`,
    passwordHash: '!',
    locale: random() < 0.55 ? 'fr' : 'nl',
    emailConfirmedAt: new Date(now - 90 * DAY),
  }));
  const orgs = people.map((person, i) => {
    const { name } = organisationName(random, i);
    const commune = pick(random, COMMUNES);
    const first = `0${String(4_000_000 + i * 4_099).padStart(7, '0')}`;
    return {
      id: seededUuid(random),
      name,
      legalForm: pick(random, LEGAL_FORMS),
      enterpriseNumber: first + enterpriseCheckDigits(first),
      street: `Rue de l’Exemple ${1 + randomInt(random, 200)}`,
      postalCode: commune.postal[0]!,
      city: commune.fr,
      communeNis: commune.nis,
      iban: 'BE68539007547034',
      accountHolder: name,
      contactName: person.displayName,
      contactEmail: person.email,
      ownerId: person.id,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(users).values(people);
    await tx.insert(organisations).values(orgs.map(({ ownerId: _o, ...o }) => o));
    await tx
      .insert(organisationMembers)
      .values(orgs.map((o) => ({ organisationId: o.id, userId: o.ownerId, role: 'owner' as const })));
  });
  const organisationsMs = ms(orgStarted);

  // Applications: generated and checked as a submission would check them, numbered in submission order.
  const genStarted = performance.now();
  const drafts = Array.from({ length: opts.applications }, () => {
    const g = generateApplication(random, { publics: BENCH_PUBLICS, ...CALL });
    const org = pick(random, orgs);
    const submittedAt = new Date(now - 20 * DAY + Math.floor(random() * 20 * DAY));
    const { values, errors } = normaliseAnswers(form.definition, g.raw, ctx, { forSubmission: true });
    if (Object.keys(errors).length) throw new Error(`generated answers do not validate: ${JSON.stringify(errors)}`);
    return {
      id: seededUuid(random),
      g,
      org,
      submittedAt,
      createdAt: new Date(submittedAt.getTime() - (1 + randomInt(random, 10)) * DAY),
      version: 3 + randomInt(random, 8),
      values,
    };
  }).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const rows = drafts.map((d, i) => ({
    application: {
      id: d.id,
      callId,
      organisationId: d.org.id,
      formId: form.id,
      status: 'submitted' as const,
      reference: applicationReference(CALL.code, Number(instantToBrussels(d.submittedAt).date.slice(0, 4)), i + 1),
      title: d.g.title,
      rawAnswers: d.g.raw,
      answers: d.values,
      requestedCents: requestedCents(form.definition, d.values),
      communes: (d.values.communes as string[] | null) ?? [],
      targetPublics: (d.values.publics as string[] | null) ?? [],
      search: searchVector(d.g.title, form.definition, d.values),
      version: d.version,
      updatedBy: d.org.ownerId,
      createdBy: d.org.ownerId,
      createdAt: d.createdAt,
      updatedAt: d.submittedAt,
      submittedAt: d.submittedAt,
    },
    submission: {
      applicationId: d.id,
      formId: form.id,
      answers: d.values,
      sha256: createHash('sha256').update(canonicalAnswers(d.values)).digest('hex'),
      submittedAt: d.submittedAt,
      submittedBy: d.org.ownerId,
    },
  }));
  const generateMs = ms(genStarted);

  const insertStarted = performance.now();
  let batches = 0;
  for (let i = 0; i < rows.length; i += opts.batchSize) {
    const batch = rows.slice(i, i + opts.batchSize);
    await db.transaction(async (tx) => {
      await tx.insert(applications).values(batch.map((r) => r.application));
      await tx.insert(applicationSubmissions).values(batch.map((r) => r.submission));
    });
    batches++;
  }
  await db.insert(applicationCounters).values({ callId, lastNumber: rows.length });
  const insertMs = ms(insertStarted);

  // Planner statistics, as autovacuum would have them on a server (PGlite has no autovacuum).
  const analyzeStarted = performance.now();
  await db.execute(sql`analyze`);
  const analyzeMs = ms(analyzeStarted);

  const columnBytes = rowsOf(
    await db.execute(sql`
      select avg(pg_column_size(a.*))::int as "row", avg(pg_column_size(a.answers))::int as answers,
             avg(pg_column_size(a.raw_answers))::int as raw_answers, avg(pg_column_size(a.search))::int as search,
             avg(length(a.search::text))::int as search_text_chars
      from applications a`),
  )[0] as Record<string, number>;

  return {
    callId,
    officerId,
    officer,
    applications: rows.length,
    organisations: orgs.length,
    columnBytes,
    timings: {
      servicesMs,
      organisationsMs,
      generateMs,
      insertMs,
      analyzeMs,
      totalMs: ms(started),
      batches,
      batchSize: opts.batchSize,
    },
  };
}

/** `db.execute` gives rows directly on one driver and `{ rows }` on the other. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}
