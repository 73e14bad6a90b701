// Who may do what with a place of the residents' directory, and when (src/domain/policy.ts gives
// the shape). The public sees published places, without an account; the members of the owning
// organisation describe its places and submit them; the officers (and administrators) of the
// funder that curates the place review, publish, withdraw and mark it checked, as do the
// installation's administrators everywhere.

import { hasRole, managesCallsSomewhere, type MaybeActor } from '../access.ts';
import type { Membership } from '../organisationAccess.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from '../policy.ts';
import { canTransitionPlace, type PlaceState } from './placeLifecycle.ts';

/** `officer`: curates the place's funder directory; `member`: of the owning organisation; `public`: anyone else. */
export type PlaceRelation = 'officer' | 'member' | 'public';

export interface PlaceSubject {
  funderId: string;
  /** The owning organisation; null for a place the funder owns (added or imported by its officers). */
  organisationId: string | null;
  state: PlaceState;
}

/** Whether the actor curates the directory of `funderId`: its officers and administrators, the installation's administrators. */
export function curatesDirectory(actor: MaybeActor, funderId: string): boolean {
  return !!actor?.isPlatformAdmin || hasRole(actor, funderId, 'officer') || hasRole(actor, funderId, 'administrator');
}

/** Whether the officers' directory pages open at all (each place and funder is still checked on its own). */
export function curatesSomeDirectory(actor: MaybeActor): boolean {
  return !!actor?.isPlatformAdmin || managesCallsSomewhere(actor);
}

/** `membership` is the actor's in the owning organisation (null when none, or no owner organisation). */
export function placeRelation(actor: MaybeActor, place: PlaceSubject, membership: Membership): PlaceRelation {
  if (curatesDirectory(actor, place.funderId)) return 'officer';
  if (place.organisationId !== null && membership !== null) return 'member';
  return 'public';
}

const OFFICERS: readonly PlaceRelation[] = ['officer'];
const OWNERS: readonly PlaceRelation[] = ['officer', 'member'];
const EVERYONE: readonly PlaceRelation[] = ['officer', 'member', 'public'];

/** Whether a relation sees the place: the public only once it is published. */
const seen = (place: PlaceSubject) => place.state === 'published';

export const PLACE_POLICY = {
  see: { who: EVERYONE },
  /** The place's page in the officers' or organisation's space (drafts included). */
  manage: { who: OWNERS },
  edit: { who: OWNERS, when: (p: PlaceSubject) => p.state === 'draft' || p.state === 'submitted' },
  submit: { who: OWNERS, when: (p: PlaceSubject) => canTransitionPlace(p.state, 'submit') },
  return: { who: OFFICERS, when: (p: PlaceSubject) => canTransitionPlace(p.state, 'return') },
  publish: { who: OFFICERS, when: (p: PlaceSubject) => canTransitionPlace(p.state, 'publish') },
  withdraw: { who: OFFICERS, when: (p: PlaceSubject) => canTransitionPlace(p.state, 'withdraw') },
  /** Officers edit a published place too (a changed phone number needs no new review). */
  correct: { who: OFFICERS, when: (p: PlaceSubject) => p.state === 'published' || p.state === 'withdrawn' },
  markChecked: { who: OFFICERS, when: (p: PlaceSubject) => p.state === 'published' },
} satisfies PolicyTable<PlaceRelation, PlaceSubject, string>;

export type PlaceAction = Exclude<keyof typeof PLACE_POLICY, 'see'>;
export type PlaceAbilities = Abilities<PlaceAction>;

/**
 * The relation the policy table is asked about: the public is a relation only to published places;
 * to any other place it has none, so that a draft is "not found" for it, exactly as a missing id.
 */
export function policyRelation(relation: PlaceRelation, place: PlaceSubject): PlaceRelation | null {
  return relation === 'public' && !seen(place) ? null : relation;
}

export function placeAbilities(actor: MaybeActor, place: PlaceSubject, membership: Membership): PlaceAbilities {
  return abilitiesFrom(PLACE_POLICY, policyRelation(placeRelation(actor, place, membership), place), place);
}
