import { asc, eq, inArray } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { funderIdsManagedBy } from '../../domain/access.ts';
import { FUNDER_POLICY, funderRelation, type FunderAction } from '../../domain/adminPolicy.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { abilitiesFrom, enforceFor, verdictOf, type Scoped } from '../../domain/policy.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { funders } from '../../platform/identity/schema.ts';

export type Funder = typeof funders.$inferSelect;

declare const funderScope: unique symbol;
/** A funder as `loadFunder` gave it to one of its administrators. Only this module makes one. */
export interface ScopedFunder extends Scoped<Funder, FunderAction> {
  readonly [funderScope]: true;
}

/**
 * The funder `id` for an actor who administers it; "not found" for anyone else (the public is asked
 * to sign in first). With a transaction in `lock`, its row stays locked until the transaction ends.
 */
export async function loadFunder(
  db: Executor,
  actor: MaybeActor,
  id: string,
  opts: { action?: FunderAction; lock?: Transaction } = {},
): Promise<ScopedFunder> {
  if (!actor) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('funder');
  const query = (opts.lock ?? db).select().from(funders).where(eq(funders.id, id));
  const [funder] = opts.lock ? await query.for('update') : await query;
  if (!funder) throw new NotFoundError('funder');
  const action = opts.action ?? 'see';
  enforceFor(
    actor,
    (a) => verdictOf(FUNDER_POLICY, { actor: a, relation: funderRelation(a, funder), subject: funder, action }),
    'funder',
  );
  const can = abilitiesFrom(FUNDER_POLICY, funderRelation(actor, funder), funder);
  return { record: funder, actor, can } as ScopedFunder;
}

/** Every funder the actor administers, by short name; none for anyone else. */
export async function administeredFunders(db: Executor, actor: MaybeActor): Promise<ScopedFunder[]> {
  const scope = funderIdsManagedBy(actor);
  if (scope !== 'all' && !scope.length) return [];
  const rows = await db
    .select()
    .from(funders)
    .where(scope === 'all' ? undefined : inArray(funders.id, scope))
    .orderBy(asc(funders.slug));
  return rows.map(
    (funder) =>
      ({
        record: funder,
        actor,
        can: abilitiesFrom(FUNDER_POLICY, funderRelation(actor, funder), funder),
      }) as ScopedFunder,
  );
}
