// Who administers what: the installation's administrators everything, a funder's administrators
// their funder (its settings, who holds which role there, its audit trail).
import { funderIdsManagedBy, hasRole, managesCallsSomewhere, type MaybeActor } from './access.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/** How a person stands to a funder's administration. */
export type FunderRelation = 'installation' | 'administrator';

export function funderRelation(actor: MaybeActor, funder: { id: string }): FunderRelation | null {
  if (actor?.isPlatformAdmin) return 'installation';
  if (hasRole(actor, funder.id, 'administrator')) return 'administrator';
  return null;
}

const ADMINS: readonly FunderRelation[] = ['installation', 'administrator'];

export const FUNDER_POLICY = {
  see: { who: ADMINS },
  /** Names, contact address, letterhead, required languages. */
  edit: { who: ADMINS },
  manageRoles: { who: ADMINS },
  seeAudit: { who: ADMINS },
} satisfies PolicyTable<FunderRelation, { id: string }, string>;

export type FunderAction = Exclude<keyof typeof FUNDER_POLICY, 'see'>;
export type FunderAbilities = Abilities<FunderAction>;

export function funderAbilities(actor: MaybeActor, funder: { id: string }): FunderAbilities {
  return abilitiesFrom(FUNDER_POLICY, funderRelation(actor, funder), funder);
}

/** What may be done across the installation, not at one funder. */
export interface InstallationAbilities {
  /** The administration pages open at all (each funder is still checked on its own). */
  administer: boolean;
  createFunders: boolean;
  /** Every account of the installation, and deactivating one. */
  managePeople: boolean;
  /** The OpenID Connect providers people sign in through. */
  manageSignInProviders: boolean;
  /** The reference population the impact pages set the participants against. */
  manageReferenceData: boolean;
  /** Running calls at some funder (officer or administrator there): the officers' pages open. */
  runCalls: boolean;
  /** Curating some funder's directory of places (its officers and administrators, the installation's administrators). */
  curateDirectory: boolean;
}

export function installationAbilities(actor: MaybeActor): InstallationAbilities {
  const managed = funderIdsManagedBy(actor);
  return {
    administer: managed === 'all' || managed.length > 0,
    createFunders: !!actor?.isPlatformAdmin,
    managePeople: !!actor?.isPlatformAdmin,
    manageSignInProviders: !!actor?.isPlatformAdmin,
    manageReferenceData: !!actor?.isPlatformAdmin,
    runCalls: managesCallsSomewhere(actor),
    curateDirectory: !!actor?.isPlatformAdmin || managesCallsSomewhere(actor),
  };
}
