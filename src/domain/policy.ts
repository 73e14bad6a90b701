// The one shape of "may I" (STYLE.md): for each kind of record, a table of its actions saying
// *who* may take each (the actor's relation to the record) and *when* (the record's state). The
// same table gives the views their abilities, the services their checks and the authorisation
// matrix its expectations.
import type { Actor, MaybeActor } from './access.ts';
import { ForbiddenError, NotFoundError, SignInRequiredError } from './errors.ts';
import { withheldRefusal } from './signInAssurance.ts';

/** One action of a policy: the relations allowed to take it, and the states in which it can be taken. */
export interface PolicyRule<Relation extends string, Subject> {
  who: readonly Relation[];
  /** Whether the record's state allows the action now; absent means always. */
  when?: (subject: Subject) => boolean;
}

/**
 * A kind of record's policy. `see` is the action every loader checks: who may know the record
 * exists. A relation that may not `see` a record is answered exactly as a record that does not exist.
 */
export type PolicyTable<Relation extends string, Subject, Action extends string> = {
  readonly [A in Action | 'see']: PolicyRule<Relation, Subject>;
};

/** What an actor may do with one record: one boolean per action of its policy. */
export type Abilities<Action extends string> = { readonly [A in Action | 'see']: boolean };

/** The answer of a policy to one request, in the order a person meets them. */
export type Verdict = 'allowed' | 'sign-in' | 'not-found' | 'forbidden' | 'not-now';

export function abilitiesFrom<Relation extends string, Subject, Action extends string>(
  table: PolicyTable<Relation, Subject, Action>,
  relation: Relation | null,
  subject: Subject,
): Abilities<Action> {
  const entries = Object.entries(table) as [Action | 'see', PolicyRule<Relation, Subject>][];
  return Object.fromEntries(
    entries.map(([action, rule]) => [action, allows(rule, relation, subject)]),
  ) as Abilities<Action>;
}

function allows<Relation extends string, Subject>(
  rule: PolicyRule<Relation, Subject>,
  relation: Relation | null,
  subject: Subject,
): boolean {
  return relation !== null && rule.who.includes(relation) && (rule.when?.(subject) ?? true);
}

/**
 * Whether `action` needs an account whatever the record: the public is then asked to sign in before
 * anything is looked up, so that an id's existence is never told to someone who is not signed in.
 * `anonymous` is the relation a person who is not signed in may have to some records of the kind.
 */
export function signInFirst<Relation extends string, Subject, Action extends string>(
  table: PolicyTable<Relation, Subject, Action>,
  input: { actor: MaybeActor; action: Action | 'see'; anonymous?: Relation },
): boolean {
  return !input.actor && !(input.anonymous && table[input.action].who.includes(input.anonymous));
}

/**
 * How a request for `action` is answered: the public asked to sign in for what needs an account, a
 * stranger to the record "not found" exactly as for a record that does not exist, a relation that
 * sees the record but may never take the action "forbidden", and an allowed relation in the wrong
 * state "not now" (the command then says why, as a typed refusal).
 */
export function verdictOf<Relation extends string, Subject, Action extends string>(
  table: PolicyTable<Relation, Subject, Action>,
  input: {
    actor: MaybeActor;
    relation: Relation | null;
    subject: Subject;
    action: Action | 'see';
    anonymous?: Relation;
  },
): Verdict {
  const { actor, relation, subject, action } = input;
  if (signInFirst(table, input)) return 'sign-in';
  if (!allows(table.see, relation, subject)) return 'not-found';
  const rule = table[action];
  if (relation === null || !rule.who.includes(relation)) return actor ? 'forbidden' : 'sign-in';
  return (rule.when?.(subject) ?? true) ? 'allowed' : 'not-now';
}

/**
 * A record as its kind's scoped loader gave it to one actor: the record, who asked, and what they
 * may do with it. Each kind brands its own (`ScopedCall`, `ScopedApplication`…) so that only its
 * loader makes one; a service method that trusts its caller takes the branded type, not an id.
 */
export interface Scoped<Record, Action extends string> {
  readonly record: Record;
  readonly actor: MaybeActor;
  readonly can: Abilities<Action>;
}

/**
 * Turns a verdict into the answer a loader gives: not found, sign in first, or forbidden are thrown
 * (the web layer makes them 404, a redirect to sign in, 403); "not now" is left to the command,
 * which refuses with a reason of its own.
 */
export function enforce(verdict: Verdict, what: string): void {
  if (verdict === 'sign-in') throw new SignInRequiredError();
  if (verdict === 'not-found') throw new NotFoundError(what);
  if (verdict === 'forbidden') throw new ForbiddenError(what);
}

/**
 * `enforce` for a verdict worked out from the actor (`verdictFor`): a refusal of someone whose
 * session withholds a role that would let them take the action (its funder requires a sign-in this
 * session did not give) sends them to the provider it lacks, or tells them what it lacks, rather
 * than "not found" or a bare "forbidden".
 */
export function enforceFor(actor: MaybeActor, verdictFor: (actor: MaybeActor) => Verdict, what: string): void {
  const verdict = verdictFor(actor);
  if (verdict === 'not-found' || verdict === 'forbidden') {
    const withheld = withheldRefusal(actor, (restored) => ['allowed', 'not-now'].includes(verdictFor(restored)));
    if (withheld) throw withheld;
  }
  enforce(verdict, what);
}

/** The signed-in actor of a scoped record, for the commands that record who acted. */
export function signedIn(scoped: { readonly actor: MaybeActor }): Actor {
  if (!scoped.actor) throw new SignInRequiredError();
  return scoped.actor;
}
