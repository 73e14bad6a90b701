/** What a person may do with an organisation, from their membership (null: not a member). */
export type Membership = 'owner' | 'member' | null;

/** Members see and edit the profile and the applications; the public and other organisations see nothing. */
export function canSeeOrganisation(m: Membership): boolean {
  return m !== null;
}

export function canEditOrganisation(m: Membership): boolean {
  return m !== null;
}

/** Only owners bring people in (or make them owners): membership gives access to every application. */
export function canManageMembers(m: Membership): boolean {
  return m === 'owner';
}
