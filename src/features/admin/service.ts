import { asc, eq, inArray } from 'drizzle-orm';
import {
  authorize,
  canManageFunders,
  canOpenAdministration,
  funderIdsManagedBy,
  type MaybeActor,
  type Role,
} from '../../domain/access.ts';
import type { Translated } from '../../domain/translated.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { funders, roleGrants, users } from '../../platform/identity/schema.ts';
import { createFunder } from './commands/createFunder.ts';
import { grantRole } from './commands/grantRole.ts';
import { revokeRole } from './commands/revokeRole.ts';

export interface AdminOverview {
  canCreateFunders: boolean;
  funders: { id: string; slug: string; name: Translated }[];
  grants: { id: string; funderId: string; role: Role; email: string; displayName: string }[];
}

/** Funders (tenants) and who holds which role where. */
export function adminService(deps: CommandDeps) {
  return {
    createFunder: (input: Parameters<typeof createFunder>[1]) => createFunder(deps, input),
    grantRole: (input: Parameters<typeof grantRole>[1]) => grantRole(deps, input),
    revokeRole: (input: Parameters<typeof revokeRole>[1]) => revokeRole(deps, input),

    /** Only the funders the actor administers, and only their grants: others are simply absent. */
    async overview(actor: MaybeActor): Promise<AdminOverview> {
      authorize(actor, canOpenAdministration(actor), 'administration');
      const scope = funderIdsManagedBy(actor);
      const funderRows = await deps.db
        .select({ id: funders.id, slug: funders.slug, name: funders.name })
        .from(funders)
        .where(scope === 'all' ? undefined : inArray(funders.id, scope))
        .orderBy(asc(funders.slug));
      const grants = funderRows.length
        ? await deps.db
            .select({
              id: roleGrants.id,
              funderId: roleGrants.funderId,
              role: roleGrants.role,
              email: users.email,
              displayName: users.displayName,
            })
            .from(roleGrants)
            .innerJoin(users, eq(users.id, roleGrants.userId))
            .where(
              inArray(
                roleGrants.funderId,
                funderRows.map((f) => f.id),
              ),
            )
            .orderBy(asc(users.email))
        : [];
      return { canCreateFunders: canManageFunders(actor), funders: funderRows, grants };
    },
  };
}
export type AdminService = ReturnType<typeof adminService>;
