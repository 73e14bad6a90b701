/** What a person may do with an organisation, from their membership (null: not a member). */
export type Membership = 'owner' | 'member' | null;
