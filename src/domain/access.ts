import { ForbiddenError, SignInRequiredError } from './errors.ts';
import type { Withheld } from './signInAssurance.ts';

/**
 * Who may do what at the level of the installation and its funders. Pure predicates: services call
 * them to decide, views receive their answers to show or hide actions, tests check them as a table.
 */
export const ROLES = ['administrator', 'officer', 'juror', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  funderId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
  grants: readonly RoleGrant[];
  /** What the person holds that this session does not carry (its requirements unmet); only a session has any. */
  withheld?: readonly Withheld[];
}

/** null is the public: no account, or not signed in. */
export type MaybeActor = Actor | null;

export function hasRole(actor: MaybeActor, funderId: string, role: Role): boolean {
  return !!actor && actor.grants.some((g) => g.funderId === funderId && g.role === role);
}

/** Creating funders (tenants) is for the installation's administrators only. */
export function canManageFunders(actor: MaybeActor): boolean {
  return !!actor?.isPlatformAdmin;
}

/** A funder's administrator grants and revokes roles at that funder; the installation's administrator everywhere. */
export function canManageRoles(actor: MaybeActor, funderId: string): boolean {
  return !!actor && (actor.isPlatformAdmin || hasRole(actor, funderId, 'administrator'));
}

/** Whether the administration pages open at all; each action there is still checked on its own. */
export function canOpenAdministration(actor: MaybeActor): boolean {
  return !!actor && (actor.isPlatformAdmin || actor.grants.some((g) => g.role === 'administrator'));
}

/** The funders whose roles this actor manages; `'all'` for the installation's administrators. */
export function funderIdsManagedBy(actor: MaybeActor): 'all' | string[] {
  if (!actor) return [];
  if (actor.isPlatformAdmin) return 'all';
  return actor.grants.filter((g) => g.role === 'administrator').map((g) => g.funderId);
}

/** Officers run a funder's calls; its administrators may too. */
export function canManageCalls(actor: MaybeActor, funderId: string): boolean {
  return hasRole(actor, funderId, 'officer') || hasRole(actor, funderId, 'administrator');
}

/**
 * Turns a policy's answer into the right refusal: the public is asked to sign in, a signed-in
 * person without the right gets "forbidden". After it, the actor is known to be signed in.
 */
export function authorize(actor: MaybeActor, allowed: boolean, action: string): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError();
  if (!allowed) throw new ForbiddenError(action);
}

/** Whether to offer the officers' pages at all; each call is still checked on its own. */
export function managesCallsSomewhere(actor: MaybeActor): boolean {
  return !!actor && actor.grants.some((g) => g.role === 'officer' || g.role === 'administrator');
}

/** What the site's navigation offers a person: each entry still checks its own records. */
export interface NavigationAbilities {
  signedIn: boolean;
  jury: boolean;
  manageCalls: boolean;
  administration: boolean;
}

export function navigationAbilities(actor: MaybeActor): NavigationAbilities {
  return {
    signedIn: !!actor,
    jury: !!actor?.grants.some((g) => g.role === 'juror'),
    manageCalls: managesCallsSomewhere(actor),
    administration: canOpenAdministration(actor),
  };
}
