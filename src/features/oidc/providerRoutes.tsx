import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../domain/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { refusalMessages, type RefusalMessages } from '../../platform/http/refusals.ts';
import { installationRoute } from '../../platform/http/routePolicy.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { ConfigureProviderRefusal } from './commands/configureProvider.ts';
import { claimValues, providerForm, providerSettingsFrom, providerValues } from './providerForm.ts';
import { DEFAULT_CLAIMS } from './schema.ts';
import type { OidcService } from './service.ts';
import { ProvidersPage } from './views/ProvidersPage.tsx';

type Slug = { Params: { slug: string } };
type Body = { Body: Record<string, string | undefined> };

const REFUSALS = {
  'slug-invalid': 'admin.providers.slugInvalid',
  'issuer-invalid': 'admin.providers.issuerInvalid',
  'client-key-missing': 'admin.providers.privateKeyMissing',
  'client-key-invalid': 'admin.providers.privateKeyInvalid',
  'decryption-key-missing': 'admin.providers.decryptionKeyMissing',
  'decryption-key-invalid': 'admin.providers.decryptionKeyInvalid',
} as const satisfies RefusalMessages<ConfigureProviderRefusal>;

const PROVIDERS = installationRoute('manageSignInProviders');

/** The installation's sign-in providers: listed, added, edited, disabled and enabled again. */
export function providerRoutes(oidc: OidcService) {
  return async function (app: FastifyInstance) {
    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      opts: { editing?: string; values?: Record<string, string>; errors?: FieldErrors; refusals?: MessageKey[] } = {},
      status = 200,
    ) => {
      const providers = await oidc.providerSettings(request.actor);
      const editing = opts.editing ? providers.find((p) => p.slug === opts.editing) : undefined;
      if (opts.editing && !editing) throw new NotFoundError('sign-in provider');
      const values =
        opts.values ??
        (editing ? providerValues(editing) : { scopes: 'openid profile email', ...claimValues(DEFAULT_CLAIMS) });
      return reply.page(
        (ctx) => (
          <ProvidersPage
            ctx={ctx}
            providers={providers}
            editing={editing}
            values={values}
            errors={opts.errors}
            refusals={opts.refusals}
            addresses={oidc.clientAddresses(editing?.slug ?? '<slug>')}
          />
        ),
        status,
      );
    };

    app.get('/admin/sign-in-providers', PROVIDERS, (request, reply) => page(request, reply));

    app.get<Slug>('/admin/sign-in-providers/:slug', PROVIDERS, (request, reply) =>
      page(request, reply, { editing: request.params.slug }),
    );

    app.post<Body>('/admin/sign-in-providers', PROVIDERS, async (request, reply) => {
      // Checked before the form is read: a stranger learns nothing from its errors.
      await oidc.providerSettings(request.actor);
      const form = parseForm(providerForm, request.body);
      const values = Object.fromEntries(
        Object.entries(request.body ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const existing = (await oidc.allProviders()).some((p) => p.slug === values.slug);
      const editing = existing ? values.slug : undefined;
      if (!form.ok) return page(request, reply, { editing, values, errors: form.errors }, 422);
      const outcome = await oidc.configureProvider({ actor: request.actor, settings: providerSettingsFrom(form.data) });
      if (!outcome.ok)
        return page(request, reply, { editing, values, refusals: refusalMessages(outcome.refusals, REFUSALS) }, 422);
      return reply.flash('admin.providers.saved').redirect('/admin/sign-in-providers', 303);
    });

    for (const change of ['enable', 'disable'] as const)
      app.post<Slug>(`/admin/sign-in-providers/:slug/${change}`, PROVIDERS, async (request, reply) => {
        await oidc.setProviderEnabled({
          actor: request.actor,
          slug: request.params.slug,
          enabled: change === 'enable',
        });
        return reply.flash('admin.providers.saved').redirect('/admin/sign-in-providers', 303);
      });
  };
}
