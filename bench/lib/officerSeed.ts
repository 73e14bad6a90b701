// Takes the inbox benchmark's call on to its selection, in bulk: criteria on the call, a screening
// checklist and decision for every application (nine in ten eligible), a jury of twelve with three
// submitted evaluations per eligible application, a consensus on each (so the ranking has every
// eligible application), and a selection plan in ranking mode. Multi-row inserts in batches, as
// DESIGN.md asks of bulk writes; the commands that write these one by one have their own tests.
import { eq, inArray, sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import type { EligibilityCriterion, EvaluationCriterion } from '../../src/domain/callCriteria.ts';
import { randomInt, type Random } from '../../src/domain/random.ts';
import { applications } from '../../src/features/applications/schema.ts';
import { calls } from '../../src/features/calls/schema.ts';
import { selectionPlans } from '../../src/features/decisions/schema.ts';
import { assignments, consensus, evaluations, jurors } from '../../src/features/jury/schema.ts';
import { eligibilityChecks, eligibilityDecisions } from '../../src/features/screening/schema.ts';
import { users } from '../../src/platform/identity/schema.ts';
import { seededUuid } from './inboxData.ts';

const DAY = 86_400_000;
const JURORS = 12;
const PANEL = 3;

const ELIGIBILITY: EligibilityCriterion[] = ['brussels', 'non-profit', 'digital'].map((id) => ({
  id,
  label: { fr: `Critère ${id}`, nl: `Criterium ${id}` },
  explanation: { fr: '', nl: '' },
}));
const EVALUATION: EvaluationCriterion[] = [
  { id: 'relevance', weight: 40 },
  { id: 'feasibility', weight: 30 },
  { id: 'impact', weight: 30 },
].map(({ id, weight }) => ({
  id,
  name: { fr: id, nl: id },
  description: { fr: '' },
  maxScore: 20,
  weight,
  threshold: 8,
}));

export interface OfficerSeeded {
  eligible: number;
  ineligible: number;
  jurors: number;
  evaluations: number;
  consensus: number;
  ms: number;
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedOfficerPages(
  app: App,
  random: Random,
  opts: { callId: string; officerId: string; batchSize: number; now: Date },
): Promise<OfficerSeeded> {
  const started = performance.now();
  const db = app.database.db;
  const { callId, officerId, batchSize } = opts;
  const now = opts.now.getTime();
  const ids = (
    await db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.callId, callId))
      .orderBy(applications.reference)
  ).map((r) => r.id);
  const eligible = ids.filter(() => random() < 0.9);
  const eligibleSet = new Set(eligible);
  const ineligible = ids.filter((id) => !eligibleSet.has(id));
  const score = () => 4 + randomInt(random, 17); // 4..20: some under the thresholds

  const people = Array.from({ length: JURORS }, (_, i) => ({
    id: seededUuid(random),
    email: `juror-${i + 1}@bench.example`,
    displayName: `Juror ${i + 1}`,
    passwordHash: '!',
    locale: i % 2 ? 'nl' : 'fr',
    emailConfirmedAt: new Date(now - 60 * DAY),
  }));
  const panel = people.map((p) => ({
    id: seededUuid(random),
    callId,
    email: p.email,
    userId: p.id,
    status: 'active' as const,
    invitedBy: officerId,
    acceptedAt: new Date(now - 50 * DAY),
    declarationSignedAt: new Date(now - 50 * DAY),
  }));
  const assigned = eligible.flatMap((applicationId, n) =>
    Array.from({ length: PANEL }, (_, k) => ({
      id: seededUuid(random),
      callId,
      jurorId: panel[(n + k * 4) % JURORS]!.id,
      applicationId,
      source: 'automatic' as const,
      createdBy: officerId,
    })),
  );
  const scores = () => Object.fromEntries(EVALUATION.map((c) => [c.id, score()]));
  const comments = Object.fromEntries(EVALUATION.map((c) => [c.id, `Commentaire sur ${c.id}.`]));
  const evaluated = assigned.map((a) => ({
    assignmentId: a.id,
    scores: scores(),
    comments,
    overallComment: 'Un projet utile.',
    status: 'submitted' as const,
    submittedAt: new Date(now - 5 * DAY),
  }));

  await db.transaction(async (tx) => {
    await tx
      .update(calls)
      .set({ eligibilityCriteria: ELIGIBILITY, evaluationCriteria: EVALUATION, status: 'deliberation' })
      .where(eq(calls.id, callId));
    await inBatches(eligible, batchSize, (batch) =>
      tx.update(applications).set({ status: 'scored' }).where(inArray(applications.id, batch)),
    );
    await inBatches(ineligible, batchSize, (batch) =>
      tx.update(applications).set({ status: 'ineligible' }).where(inArray(applications.id, batch)),
    );
    const met = (c: EligibilityCriterion) => [c.id, { verdict: 'met' as const, note: '' }];
    await inBatches(ids, batchSize, (batch) =>
      tx.insert(eligibilityChecks).values(
        batch.map((applicationId) => ({
          applicationId,
          verdicts: eligibleSet.has(applicationId)
            ? Object.fromEntries(ELIGIBILITY.map(met))
            : {
                ...Object.fromEntries(ELIGIBILITY.map(met)),
                brussels: { verdict: 'not-met' as const, note: 'Hors Bruxelles' },
              },
          version: 2,
          updatedBy: officerId,
        })),
      ),
    );
    await inBatches(ids, batchSize, (batch) =>
      tx.insert(eligibilityDecisions).values(
        batch.map((applicationId) => ({
          applicationId,
          kind: eligibleSet.has(applicationId) ? ('eligible' as const) : ('ineligible' as const),
          unmetCriteria: eligibleSet.has(applicationId) ? [] : ['brussels'],
          reason: eligibleSet.has(applicationId) ? '' : 'Le projet se déroule hors de Bruxelles.',
          decidedBy: officerId,
          decidedAt: new Date(now - 8 * DAY),
        })),
      ),
    );
    await tx.insert(users).values(people);
    await tx.insert(jurors).values(panel);
    await inBatches(assigned, batchSize, (batch) => tx.insert(assignments).values(batch));
    await inBatches(evaluated, batchSize, (batch) => tx.insert(evaluations).values(batch));
    await inBatches(eligible, batchSize, (batch) =>
      tx.insert(consensus).values(
        batch.map((applicationId) => ({
          applicationId,
          callId,
          scores: scores(),
          comments,
          comment: 'Consensus du jury.',
          recordedBy: officerId,
        })),
      ),
    );
    await tx.insert(selectionPlans).values({ callId, mode: 'ranking', version: 1, updatedBy: officerId });
  });
  await db.execute(sql`analyze`);
  return {
    eligible: eligible.length,
    ineligible: ineligible.length,
    jurors: JURORS,
    evaluations: evaluated.length,
    consensus: eligible.length,
    ms: Math.round(performance.now() - started),
  };
}
