// Who may do what with an organisation (src/domain/policy.ts gives the shape).
import type { Membership } from './organisationAccess.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/** How a person stands to an organisation: its membership; the public and other organisations are strangers. */
export type OrganisationRelation = Exclude<Membership, null>;

export const ORGANISATION_POLICY = {
  see: { who: ['owner', 'member'] },
  /** The profile, the standing documents. */
  edit: { who: ['owner', 'member'] },
  /** Bringing people in gives access to every application: owners only. */
  manageMembers: { who: ['owner'] },
} satisfies PolicyTable<OrganisationRelation, unknown, string>;

export type OrganisationAction = Exclude<keyof typeof ORGANISATION_POLICY, 'see'>;

export function organisationAbilities(membership: Membership): Abilities<OrganisationAction> {
  return abilitiesFrom(ORGANISATION_POLICY, membership, null);
}
