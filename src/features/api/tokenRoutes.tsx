import type { FastifyInstance } from 'fastify';
import { parseForm, submittedList, submittedValues } from '../../platform/http/forms.ts';
import { installationRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { CreateTokenRefusal } from './commands/createApiToken.ts';
import { tokenForm } from './forms.ts';
import type { ApiService } from './service.ts';
import { ApiTokensPage, type TokenFormState } from './views/ApiTokensPage.tsx';

// The tokens are for those who run calls somewhere, like the API itself (access.ts).
const TOKENS = installationRoute('runCalls');

type Body = { Body: Record<string, string | string[] | undefined> };

/** Each refusal of the token form, next to the field it concerns. */
const REFUSAL_FIELDS = {
  'expiry-invalid': ['expiresOn', 'apiTokens.refusal.expiry-invalid'],
  'expiry-past': ['expiresOn', 'apiTokens.refusal.expiry-past'],
  'expiry-too-far': ['expiresOn', 'apiTokens.refusal.expiry-too-far'],
  'funder-not-yours': ['funders', 'apiTokens.refusal.funder-not-yours'],
  'no-scope': ['scopes', 'apiTokens.refusal.no-scope'],
} as const satisfies Record<CreateTokenRefusal, readonly [string, MessageKey]>;

/** The ticked boxes and typed values, to show the form again as it was sent. */
function sentValues(body: unknown): TokenFormState['values'] {
  const text = submittedValues(body);
  return {
    name: text.name ?? '',
    expiresOn: text.expiresOn ?? '',
    scopes: submittedList(body, 'scopes'),
    funders: submittedList(body, 'funders'),
  };
}

/** The page where officers create and revoke their API tokens; ordinary CSRF-protected forms. */
export function apiTokenPages(api: ApiService) {
  return async function (app: FastifyInstance) {
    const page = async (request: { actor: Parameters<ApiService['myTokens']>[0] }) => ({
      tokens: await api.myTokens(request.actor),
      funders: await api.tokenFunders(request.actor),
    });

    app.get('/account/api-tokens', TOKENS, async (request, reply) => {
      const data = await page(request);
      return reply.page((ctx) => <ApiTokensPage ctx={ctx} {...data} />);
    });

    // The new token is shown in the response to the form, not after a redirect: it would otherwise
    // have to be kept somewhere (a cookie, the database) until the next page, and it must not be.
    app.post<Body>('/account/api-tokens', TOKENS, async (request, reply) => {
      const values = sentValues(request.body);
      const form = parseForm(tokenForm, request.body);
      let errors: FieldErrors = form.ok ? {} : form.errors;
      if (form.ok) {
        const created = await api.createToken({
          actor: request.actor,
          name: form.data.name,
          scopes: form.data.scopes,
          funderIds: form.data.funders,
          expiresOn: form.data.expiresOn,
        });
        if (created.ok) {
          const data = await page(request);
          return reply.page(
            (ctx) => (
              <ApiTokensPage ctx={ctx} {...data} created={{ name: form.data.name, token: created.value.token }} />
            ),
            201,
          );
        }
        errors = Object.fromEntries(created.refusals.map((r) => [REFUSAL_FIELDS[r][0], { key: REFUSAL_FIELDS[r][1] }]));
      }
      const data = await page(request);
      return reply.page((ctx) => <ApiTokensPage ctx={ctx} {...data} form={{ values, errors }} />, 422);
    });

    app.post<{ Params: { id: string } }>('/account/api-tokens/:id/revoke', TOKENS, async (request, reply) => {
      await api.revokeToken({ actor: request.actor, tokenId: request.params.id });
      return reply.flash('apiTokens.revoked').redirect('/account/api-tokens', 303);
    });
  };
}
