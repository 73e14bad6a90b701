import { eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { REFERENCE_POPULATION, type ReferencePopulation } from '../../../domain/impact/referencePopulation.ts';
import { referencePopulations } from '../schema.ts';

export type SetReferencePopulationRefusal = Stale;

/** The figures an administrator sets; the region and its ages are the product's (Brussels, 16–74). */
export type ReferenceFigures = Pick<
  ReferencePopulation,
  'digitallyVulnerablePeople' | 'digitallyVulnerableShare' | 'source'
>;

type Row = typeof referencePopulations.$inferSelect;

const populationOf = (row: Row | undefined): ReferencePopulation =>
  row
    ? {
        ...REFERENCE_POPULATION,
        digitallyVulnerablePeople: row.digitallyVulnerablePeople,
        digitallyVulnerableShare: row.digitallyVulnerableShare,
        source: row.source,
      }
    : REFERENCE_POPULATION;

/** The reference population in force, and the version a form edits (0 while the seed's figures stand). */
export async function storedReferencePopulation(
  db: Executor,
): Promise<{ population: ReferencePopulation; version: number }> {
  const [row] = await db.select().from(referencePopulations).where(eq(referencePopulations.id, 'installation'));
  return { population: populationOf(row), version: row?.version ?? 0 };
}

/**
 * Sets the reference population (the installation's administrators only), if nobody else set it since the form
 * was read; the figures before and after go to the audit trail in the same transaction.
 */
export async function setReferencePopulation(
  deps: CommandDeps,
  input: { actor: MaybeActor; figures: ReferenceFigures; version: number },
): Promise<Outcome<void, SetReferencePopulationRefusal>> {
  authorize(input.actor, installationAbilities(input.actor).manageReferenceData, 'set the reference population');
  const actorId = input.actor.userId;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      // The row lock (or, before the first save, the primary key) keeps two saves from both passing the check.
      const [current] = await tx
        .select()
        .from(referencePopulations)
        .where(eq(referencePopulations.id, 'installation'))
        .for('update');
      if ((current?.version ?? 0) !== input.version) return refuse('stale');
      const before = populationOf(current);
      const values = { ...input.figures, updatedAt: new Date(), updatedBy: actorId };
      if (current)
        await tx
          .update(referencePopulations)
          .set({ ...values, version: current.version + 1 })
          .where(eq(referencePopulations.id, 'installation'));
      else await tx.insert(referencePopulations).values(values);
      await recordAudit(tx, {
        actorId,
        action: 'impact.reference-population-set',
        subjectType: 'reference-population',
        subjectId: 'installation',
        before: {
          digitallyVulnerablePeople: before.digitallyVulnerablePeople,
          digitallyVulnerableShare: before.digitallyVulnerableShare,
          source: before.source,
        },
        after: input.figures,
      });
    }),
  );
}
