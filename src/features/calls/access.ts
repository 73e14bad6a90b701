import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { CALL_POLICY, callRelation, type CallAction } from '../../domain/callPolicy.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { abilitiesFrom, enforceFor, signInFirst, verdictOf, type Scoped } from '../../domain/policy.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translated } from '../../domain/translated.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { funders } from '../../platform/identity/schema.ts';
import { calls } from './schema.ts';

export type Call = typeof calls.$inferSelect;
/** A call with what its pages say of its funder, and the languages the funder publishes in. */
export type PublicCall = Call & { funderName: Translated; funderSlug: string; funderLanguages: Locale[] };

/** What every read of calls selects, joined to their funder, to make `PublicCall`s with `toPublicCall`. */
export const CALL_WITH_FUNDER = {
  call: calls,
  funderName: funders.name,
  funderSlug: funders.slug,
  funderLanguages: funders.requiredLanguages,
};

export function toPublicCall(row: {
  call: Call;
  funderName: Translated;
  funderSlug: string;
  funderLanguages: Locale[];
}): PublicCall {
  return { ...row.call, funderName: row.funderName, funderSlug: row.funderSlug, funderLanguages: row.funderLanguages };
}

declare const callScope: unique symbol;
/** A call as `loadCall` gave it to one actor. Only this module makes one. */
export interface ScopedCall extends Scoped<PublicCall, CallAction> {
  readonly [callScope]: true;
}

/**
 * The call `id` as `actor` may know it, with what they may do now; "not found" when they may not
 * see it (a draft, for anyone but its officers). With an `action`, a relation that may never take it
 * is refused here (403, or sign in first); one that may, but not in the call's state, gets the call
 * and `can[action]` false, for the command to refuse with its reason. Given a transaction with
 * `lock`, the call's row is locked until it ends, so the state a command checks is the one it changes.
 */
export async function loadCall(
  db: Executor,
  actor: MaybeActor,
  id: string,
  opts: { action?: CallAction; now?: Date; lock?: Transaction } = {},
): Promise<ScopedCall> {
  if (signInFirst(CALL_POLICY, { actor, action: opts.action ?? 'see', anonymous: 'anonymous' })) {
    throw new SignInRequiredError();
  }
  if (!isUuid(id)) throw new NotFoundError('call');
  const query = (opts.lock ?? db)
    .select(CALL_WITH_FUNDER)
    .from(calls)
    .innerJoin(funders, eq(funders.id, calls.funderId))
    .where(eq(calls.id, id));
  const [row] = opts.lock ? await query.for('update', { of: calls }) : await query;
  if (!row) throw new NotFoundError('call');
  return scope(actor, toPublicCall(row), opts);
}

/** A call as the public may know it, from a row read with more beside it: as `loadCall` without an actor. */
export function publicRecord(row: Parameters<typeof toPublicCall>[0]): PublicCall {
  return scope(null, toPublicCall(row), {}).record;
}

/** Scopes rows the caller has already read (a list page): each row the actor may see, with its abilities. */
export function scopeAll(actor: MaybeActor, rows: PublicCall[], now = new Date()): ScopedCall[] {
  return rows.filter((call) => callRelation(actor, call) !== null).map((call) => scope(actor, call, { now }));
}

function scope(actor: MaybeActor, call: PublicCall, opts: { action?: CallAction; now?: Date }): ScopedCall {
  const subject = { ...call, now: opts.now ?? new Date() };
  const action = opts.action ?? 'see';
  enforceFor(
    actor,
    (a) =>
      verdictOf(CALL_POLICY, { actor: a, relation: callRelation(a, call), subject, action, anonymous: 'anonymous' }),
    'call',
  );
  return { record: call, actor, can: abilitiesFrom(CALL_POLICY, callRelation(actor, call), subject) } as ScopedCall;
}
