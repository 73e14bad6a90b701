import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { PLACE_POLICY, placeRelation, policyRelation, type PlaceAction } from '../../domain/directory/placePolicy.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import type { Membership } from '../../domain/organisationAccess.ts';
import { abilitiesFrom, enforce, signInFirst, verdictOf, type Scoped } from '../../domain/policy.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { toStored, type StoredPlace } from './records.ts';
import { directoryPlaces } from './schema.ts';

/** The actor's membership of an organisation, asked of the organisations' service. */
export type MembershipOf = (actor: MaybeActor, organisationId: string) => Promise<Membership>;

declare const placeScope: unique symbol;
/** A place as `loadPlace` gave it to one actor. Only this module makes one. */
export interface ScopedPlace extends Scoped<StoredPlace, PlaceAction> {
  readonly [placeScope]: true;
}

/** An id as the standard allows it: what the public address of a place may hold. */
const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The place `id` as `actor` may know it, with what they may do now: "not found" when they may not
 * see it (anything but a published place, for the public); with `action`, a relation that may never
 * take it is refused here (403, or sign in first); one that may, but not in the place's state, gets
 * the place and `can[action]` false, for the command to refuse with its reason. With `lock`, the row
 * is locked until the transaction ends.
 */
export async function loadPlace(
  db: Executor,
  membershipOf: MembershipOf,
  actor: MaybeActor,
  id: string,
  opts: { action?: PlaceAction; lock?: Transaction; membership?: Membership } = {},
): Promise<ScopedPlace> {
  if (signInFirst(PLACE_POLICY, { actor, action: opts.action ?? 'see', anonymous: 'public' })) {
    throw new SignInRequiredError();
  }
  if (!PLACE_ID.test(id)) throw new NotFoundError('place');
  const query = (opts.lock ?? db).select().from(directoryPlaces).where(eq(directoryPlaces.id, id));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('place');
  const stored = toStored(row);
  const membership =
    opts.membership !== undefined
      ? opts.membership
      : stored.organisationId && actor
        ? await membershipOf(actor, stored.organisationId)
        : null;
  return scopePlace(actor, stored, membership, opts.action ?? 'see');
}

/**
 * The actor's membership of the organisation that owns the place, read before a command's
 * transaction opens: the organisations' service reads on its own connection, which a transaction on
 * the embedded database (one connection) would wait for. A place's owner never changes.
 */
export async function membershipForPlace(
  db: Executor,
  membershipOf: MembershipOf,
  actor: MaybeActor,
  id: string,
): Promise<Membership> {
  if (!actor || !PLACE_ID.test(id)) return null;
  const [row] = await db
    .select({ organisationId: directoryPlaces.organisationId })
    .from(directoryPlaces)
    .where(eq(directoryPlaces.id, id));
  return row?.organisationId ? membershipOf(actor, row.organisationId) : null;
}

/** Scopes a place the caller has already read (a list), with the actor's membership of its organisation. */
export function scopePlace(
  actor: MaybeActor,
  stored: StoredPlace,
  membership: Membership,
  action: PlaceAction | 'see' = 'see',
): ScopedPlace {
  const relation = policyRelation(placeRelation(actor, stored, membership), stored);
  enforce(verdictOf(PLACE_POLICY, { actor, relation, subject: stored, action, anonymous: 'public' }), 'place');
  return { record: stored, actor, can: abilitiesFrom(PLACE_POLICY, relation, stored) } as ScopedPlace;
}
