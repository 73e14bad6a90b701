import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../../domain/access.ts';
import { refusalMessages, type RefusalMessages } from '../../platform/http/refusals.ts';
import { installationRoute, recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { SetSignInRequirementRefusal } from './commands/setSignInRequirement.ts';
import type { SetInstallationSignInRequirementRefusal } from './commands/setInstallationSignInRequirement.ts';
import type { AdminService } from './service.ts';
import { InstallationSignInPage } from './views/InstallationSignInPage.tsx';
import { SignInRequirementsPage } from './views/SignInRequirementsPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | undefined> };

const REFUSALS = {
  'acr-without-provider': 'admin.signIn.acrWithoutProvider',
  'too-long': 'form.error.tooLong',
} as const satisfies RefusalMessages<SetSignInRequirementRefusal>;

const INSTALLATION_REFUSALS = {
  ...REFUSALS,
  'no-second-factor-yourself': 'admin.installationSignIn.ownFirst',
  'not-signed-in-so-yourself': 'admin.installationSignIn.signInSoFirst',
} as const satisfies RefusalMessages<SetInstallationSignInRequirementRefusal>;

const INSTALLATION = installationRoute('manageSignInProviders');

/**
 * What the installation requires of its administrators' sign-in, set by them, and
 * what a funder requires of the sign-in of each of its roles (a second factor, a provider, a level
 * of assurance), set by those who manage its roles.
 * @param signInProviders the providers configured (the oidc feature's), to choose from.
 */
export function signInRequirementRoutes(
  admin: AdminService,
  signInProviders: () => Promise<{ slug: string; label: string }[]>,
) {
  return async function (app: FastifyInstance) {
    const page = async (request: FastifyRequest<Id>, reply: FastifyReply, refusals?: MessageKey[]) => {
      const [{ funder, requirements }, providers] = await Promise.all([
        admin.signInRequirements(request.actor, request.params.id),
        signInProviders(),
      ]);
      return reply.page(
        (ctx) => (
          <SignInRequirementsPage
            ctx={ctx}
            funder={funder}
            requirements={requirements}
            providers={providers}
            refusals={refusals}
          />
        ),
        refusals ? 422 : 200,
      );
    };

    const installationPage = async (request: FastifyRequest, reply: FastifyReply, refusals?: MessageKey[]) => {
      const [{ requirement, ownSecondFactor }, providers] = await Promise.all([
        admin.installationSignInRequirement(request.actor),
        signInProviders(),
      ]);
      return reply.page(
        (ctx) => (
          <InstallationSignInPage
            ctx={ctx}
            requirement={requirement}
            providers={providers}
            ownSecondFactor={ownSecondFactor}
            refusals={refusals}
          />
        ),
        refusals ? 422 : 200,
      );
    };

    app.get('/admin/installation-sign-in', INSTALLATION, (request, reply) => installationPage(request, reply));

    app.post<Body>('/admin/installation-sign-in', INSTALLATION, async (request, reply) => {
      const body = request.body ?? {};
      const outcome = await admin.setInstallationSignInRequirement({
        actor: request.actor,
        // The gate let only a signed-in administrator in.
        session: request.sessionUser!.assurance,
        secondFactor: body.secondFactor === 'yes',
        provider: body.provider ?? null,
        minimumAcr: body.minimumAcr ?? null,
      });
      if (!outcome.ok)
        return installationPage(request, reply, refusalMessages(outcome.refusals, INSTALLATION_REFUSALS));
      return reply.flash('admin.signIn.saved').redirect('/admin/installation-sign-in', 303);
    });

    app.get<Id>('/admin/funders/:id/sign-in-requirements', recordRoute('funder', 'manageRoles'), (request, reply) =>
      page(request, reply),
    );

    app.post<Id & Body>(
      '/admin/funders/:id/sign-in-requirements',
      recordRoute('funder', 'manageRoles'),
      async (request, reply) => {
        const body = request.body ?? {};
        const role = ROLES.find((r) => r === body.role) as Role | undefined;
        if (!role) return page(request, reply, ['form.error.required']);
        const outcome = await admin.setSignInRequirement({
          actor: request.actor,
          funderId: request.params.id,
          role,
          secondFactor: body.secondFactor === 'yes',
          provider: body[`${role}-provider`] ?? null,
          minimumAcr: body[`${role}-minimumAcr`] ?? null,
        });
        if (!outcome.ok) return page(request, reply, refusalMessages(outcome.refusals, REFUSALS));
        return reply
          .flash('admin.signIn.saved')
          .redirect(`/admin/funders/${request.params.id}/sign-in-requirements`, 303);
      },
    );
  };
}
