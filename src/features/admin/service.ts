import { and, asc, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { authorize, funderIdsManagedBy, type MaybeActor, type Role } from '../../domain/access.ts';
import { installationAbilities, type InstallationAbilities } from '../../domain/adminPolicy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import type { Requirement } from '../../domain/signInAssurance.ts';
import type { Translated } from '../../domain/translated.ts';
import { verifyAuditChain, type AuditAnchor, type ChainReport } from '../../platform/audit/audit.ts';
import { auditPage, type AuditFilters, type AuditRow } from '../../platform/audit/auditQuery.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { hasSecondFactor, installationRequirement } from '../../platform/identity/sessions.ts';
import { invalidating, type PublishedPages } from '../../platform/http/publishedPages.ts';
import { funders, roleGrants, signInRequirements, users } from '../../platform/identity/schema.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import { administeredFunders, loadFunder, type ScopedFunder } from './access.ts';
import { createFunder } from './commands/createFunder.ts';
import { grantRole } from './commands/grantRole.ts';
import { revokeRole } from './commands/revokeRole.ts';
import { setSignInRequirement } from './commands/setSignInRequirement.ts';
import { setInstallationSignInRequirement } from './commands/setInstallationSignInRequirement.ts';
import { setAccountActive } from './commands/setAccountActive.ts';
import { setFunderLogo } from './commands/setFunderLogo.ts';
import { updateFunder } from './commands/updateFunder.ts';

export type { ScopedFunder } from './access.ts';

export interface RoleGrantRow {
  id: string;
  funderId: string;
  role: Role;
  userId: string;
  email: string;
  displayName: string;
  /** Only on the page of a funder that keeps it (see platform/identity/nationalNumber.ts). */
  nationalNumber?: string | null;
}
export interface AdminOverview {
  can: InstallationAbilities;
  funders: ScopedFunder[];
}
export interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
  isPlatformAdmin: boolean;
  roles: { funderName: Translated; role: Role }[];
}

const PEOPLE_PAGE = 100;

/** The administration: funders (tenants) and their settings, who holds which role where, accounts, the audit trail. */
export function adminService(
  deps: CommandDeps & {
    storage: FileStorage;
    auditAnchors: () => Promise<AuditAnchor[]>;
    publishedPages: PublishedPages;
  },
) {
  const pages = deps.publishedPages;
  const grantsOf = (funderIds: readonly string[], withNationalNumber = false): Promise<RoleGrantRow[]> =>
    funderIds.length
      ? deps.db
          .select({
            id: roleGrants.id,
            funderId: roleGrants.funderId,
            role: roleGrants.role,
            userId: users.id,
            email: users.email,
            displayName: users.displayName,
            ...(withNationalNumber ? { nationalNumber: users.nationalNumber } : {}),
          })
          .from(roleGrants)
          .innerJoin(users, eq(users.id, roleGrants.userId))
          .where(inArray(roleGrants.funderId, [...funderIds]))
          .orderBy(asc(users.email))
      : Promise.resolve([]);

  return {
    createFunder: (input: Parameters<typeof createFunder>[1]) => createFunder(deps, input),
    // A funder's name shows on the public pages of its calls.
    updateFunder: invalidating(pages, 'funder', (input: Parameters<typeof updateFunder>[1]) =>
      updateFunder(deps, input),
    ),
    setFunderLogo: invalidating(pages, 'funder', (input: Parameters<typeof setFunderLogo>[1]) =>
      setFunderLogo(deps, input),
    ),
    grantRole: (input: Parameters<typeof grantRole>[1]) => grantRole(deps, input),
    revokeRole: (input: Parameters<typeof revokeRole>[1]) => revokeRole(deps, input),
    setAccountActive: (input: Parameters<typeof setAccountActive>[1]) => setAccountActive(deps, input),
    setSignInRequirement: (input: Parameters<typeof setSignInRequirement>[1]) => setSignInRequirement(deps, input),

    setInstallationSignInRequirement: (input: Parameters<typeof setInstallationSignInRequirement>[1]) =>
      setInstallationSignInRequirement(deps, input),

    /** What the installation requires of its administrators' sessions, and whether the one asking could require a second factor. */
    async installationSignInRequirement(
      actor: MaybeActor,
    ): Promise<{ requirement: Requirement; ownSecondFactor: boolean }> {
      authorize(actor, installationAbilities(actor).manageSignInProviders, 'see what administrators’ sign-in requires');
      const [requirement, ownSecondFactor] = await Promise.all([
        installationRequirement(deps.db),
        hasSecondFactor(deps.db, actor.userId),
      ]);
      return { requirement: requirement ?? { secondFactor: false, provider: null, minimumAcr: null }, ownSecondFactor };
    },

    /** What a funder requires of its roles' sessions, for those who manage its roles. */
    async signInRequirements(actor: MaybeActor, funderId: string) {
      const funder = await loadFunder(deps.db, actor, funderId, { action: 'manageRoles' });
      const rows = await deps.db
        .select()
        .from(signInRequirements)
        .where(eq(signInRequirements.funderId, funder.record.id));
      return { funder, requirements: rows };
    },

    /** What the actor administers: only their funders; others are simply absent. */
    async overview(actor: MaybeActor): Promise<AdminOverview> {
      const can = installationAbilities(actor);
      authorize(actor, can.administer, 'administration');
      return { can, funders: await administeredFunders(deps.db, actor) };
    },

    /** Every funder the actor administers, for the pages of other capabilities that list across funders. */
    administeredFunders: (actor: MaybeActor) => administeredFunders(deps.db, actor),

    /** One funder's settings and the roles held there (with their national number if it keeps them), for its administrators. */
    async funderPage(actor: MaybeActor, funderId: string): Promise<{ funder: ScopedFunder; grants: RoleGrantRow[] }> {
      const funder = await loadFunder(deps.db, actor, funderId);
      return { funder, grants: await grantsOf([funder.record.id], !!funder.record.nationalNumberLegalBasis) };
    },

    /** A role grant an administrator is about to revoke, with the person and the funder, to confirm. */
    async grantToRevoke(actor: MaybeActor, grantId: string) {
      if (!isUuid(grantId)) throw new NotFoundError('role grant');
      const [grant] = await deps.db
        .select({ funderId: roleGrants.funderId })
        .from(roleGrants)
        .where(eq(roleGrants.id, grantId));
      if (!grant) throw new NotFoundError('role grant');
      const funder = await loadFunder(deps.db, actor, grant.funderId, { action: 'manageRoles' });
      const row = (await grantsOf([funder.record.id])).find((g) => g.id === grantId)!;
      return { funder, grant: row };
    },

    /** One account, for the installation's administrators (before deactivating it). */
    async person(actor: MaybeActor, userId: string): Promise<{ id: string; email: string; displayName: string }> {
      authorize(actor, installationAbilities(actor).managePeople, 'manage accounts');
      if (!isUuid(userId)) throw new NotFoundError('account');
      const [person] = await deps.db
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, userId));
      if (!person) throw new NotFoundError('account');
      return person;
    },

    /**
     * The people the actor may see: every account for the installation's administrators, those who
     * hold a role at their funders for a funder's administrators; a search on name or address.
     */
    async people(actor: MaybeActor, q = ''): Promise<{ can: InstallationAbilities; rows: PersonRow[] }> {
      const can = installationAbilities(actor);
      authorize(actor, can.administer, 'people');
      const scope = funderIdsManagedBy(actor);
      const term = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      const conditions: (SQL | undefined)[] = [
        term ? or(ilike(users.email, `%${term}%`), ilike(users.displayName, `%${term}%`)) : undefined,
        scope === 'all'
          ? undefined
          : inArray(
              users.id,
              deps.db
                .select({ id: roleGrants.userId })
                .from(roleGrants)
                .where(inArray(roleGrants.funderId, [...scope])),
            ),
      ];
      const people = await deps.db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          lastSignInAt: users.lastSignInAt,
          deactivatedAt: users.deactivatedAt,
          isPlatformAdmin: users.isPlatformAdmin,
        })
        .from(users)
        .where(and(...conditions))
        .orderBy(desc(users.lastSignInAt), asc(users.email))
        .limit(PEOPLE_PAGE);
      const roles = people.length
        ? await deps.db
            .select({
              userId: roleGrants.userId,
              role: roleGrants.role,
              funderId: funders.id,
              funderName: funders.name,
            })
            .from(roleGrants)
            .innerJoin(funders, eq(funders.id, roleGrants.funderId))
            .where(
              and(
                inArray(
                  roleGrants.userId,
                  people.map((p) => p.id),
                ),
                scope === 'all' ? undefined : inArray(roleGrants.funderId, [...scope]),
              ),
            )
        : [];
      return {
        can,
        rows: people.map((p) => ({
          ...p,
          roles: roles.filter((r) => r.userId === p.id).map((r) => ({ funderName: r.funderName, role: r.role })),
        })),
      };
    },

    /** A page of the audit trail within what the actor administers, and the chain's state when asked. */
    async audit(
      actor: MaybeActor,
      filters: Omit<AuditFilters, 'funderIds'>,
      opts: { verify?: boolean } = {},
    ): Promise<{ rows: AuditRow[]; chain: ChainReport | null; installation: boolean }> {
      const can = installationAbilities(actor);
      authorize(actor, can.administer, 'audit');
      const scope = funderIdsManagedBy(actor);
      const rows = await auditPage(deps.db, { ...filters, funderIds: scope });
      // Only the installation's administrators see the whole trail, so only they may check the whole chain.
      const chain = opts.verify && scope === 'all' ? await verifyAuditChain(deps.db, await deps.auditAnchors()) : null;
      return { rows, chain, installation: scope === 'all' };
    },
  };
}
export type AdminService = ReturnType<typeof adminService>;
