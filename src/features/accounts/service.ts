import { eq } from 'drizzle-orm';
import { SignInRequiredError } from '../../domain/errors.ts';
import type { MaybeActor, Role } from '../../domain/access.ts';
import type { Locale } from '../../domain/locale.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { funders, roleGrants, users } from '../../platform/identity/schema.ts';
import { loadSessionUser } from '../../platform/identity/sessions.ts';
import type { Translated } from '../../domain/translated.ts';
import { confirmEmail } from './commands/confirmEmail.ts';
import { provisionUser } from './commands/provisionUser.ts';
import { requestPasswordReset } from './commands/requestPasswordReset.ts';
import { resetPassword } from './commands/resetPassword.ts';
import { setLanguage } from './commands/setLanguage.ts';
import { signIn } from './commands/signIn.ts';
import { signOut } from './commands/signOut.ts';
import { signUp } from './commands/signUp.ts';

export interface AccountView {
  email: string;
  displayName: string;
  locale: Locale;
  isPlatformAdmin: boolean;
  roles: { funderId: string; funderName: Translated; role: Role }[];
  /**
   * The national register number kept on the account (digits), and the funders whose stated legal
   * basis keeps it (those the person holds a role at); null when none is kept.
   */
  nationalNumber: { digits: string; keptFor: { funderName: Translated; legalBasis: string }[] } | null;
}

/** The accounts capability: its commands, bound to their dependencies, and the reader's own account. */
export function accountsService(deps: CommandDeps) {
  return {
    signUp: (input: Parameters<typeof signUp>[1]) => signUp(deps, input),
    confirmEmail: (token: string) => confirmEmail(deps, token),
    signIn: (input: Parameters<typeof signIn>[1]) => signIn(deps, input),
    signOut: (input: Parameters<typeof signOut>[1]) => signOut(deps, input),
    requestPasswordReset: (input: { email: string }) => requestPasswordReset(deps, input),
    resetPassword: (input: Parameters<typeof resetPassword>[1]) => resetPassword(deps, input),
    setLanguage: (input: Parameters<typeof setLanguage>[1]) => setLanguage(deps, input),
    provisionUser: (input: Parameters<typeof provisionUser>[1]) => provisionUser(deps, input),
    /** Who a session cookie signs in, with the roles that count in it (tests and the CLI look). */
    sessionUser: (token: string) => loadSessionUser(deps.db, token),

    /** One's own account only: there is no way to ask for someone else's here. */
    async myAccount(actor: MaybeActor): Promise<AccountView> {
      if (!actor) throw new SignInRequiredError();
      const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
      if (!user) throw new SignInRequiredError();
      const rows = await deps.db
        .select({
          funderId: roleGrants.funderId,
          funderName: funders.name,
          role: roleGrants.role,
          legalBasis: funders.nationalNumberLegalBasis,
        })
        .from(roleGrants)
        .innerJoin(funders, eq(funders.id, roleGrants.funderId))
        .where(eq(roleGrants.userId, actor.userId));
      // One line per funder, however many roles the person holds there.
      const keptFor = [...new Map(rows.filter((r) => r.legalBasis).map((r) => [r.funderId, r])).values()].map((r) => ({
        funderName: r.funderName,
        legalBasis: r.legalBasis!,
      }));
      return {
        email: user.email,
        displayName: user.displayName,
        locale: user.locale as Locale,
        isPlatformAdmin: user.isPlatformAdmin,
        roles: rows.map(({ funderId, funderName, role }) => ({ funderId, funderName, role })),
        nationalNumber: user.nationalNumber ? { digits: user.nationalNumber, keptFor } : null,
      };
    },
  };
}
export type AccountsService = ReturnType<typeof accountsService>;
