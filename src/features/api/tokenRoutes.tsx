import type { FastifyInstance } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import { tokenForm } from './forms.ts';
import type { ApiService } from './service.ts';
import { ApiTokensPage } from './views/ApiTokensPage.tsx';
import { SIGNED_IN_ROUTE } from '../../platform/http/routePolicy.ts';

type Body = { Body: Record<string, string | undefined> };

/** The page where officers create and revoke their API tokens; ordinary CSRF-protected forms. */
export function apiTokenPages(api: ApiService) {
  return async function (app: FastifyInstance) {
    app.get('/account/api-tokens', SIGNED_IN_ROUTE, async (request, reply) => {
      const tokens = await api.myTokens(request.actor);
      return reply.page((ctx) => <ApiTokensPage ctx={ctx} tokens={tokens} />);
    });

    // The new token is shown in the response to the form, not after a redirect: it would otherwise
    // have to be kept somewhere (a cookie, the database) until the next page, and it must not be.
    app.post<Body>('/account/api-tokens', SIGNED_IN_ROUTE, async (request, reply) => {
      const form = parseForm(tokenForm, request.body);
      if (!form.ok) {
        const tokens = await api.myTokens(request.actor);
        return reply.page(
          (ctx) => <ApiTokensPage ctx={ctx} tokens={tokens} form={{ values: form.values, errors: form.errors }} />,
          422,
        );
      }
      const { token } = await api.createToken({ actor: request.actor, name: form.data.name });
      const tokens = await api.myTokens(request.actor);
      return reply.page(
        (ctx) => <ApiTokensPage ctx={ctx} tokens={tokens} created={{ name: form.data.name, token }} />,
        201,
      );
    });

    app.post<{ Params: { id: string } }>('/account/api-tokens/:id/revoke', SIGNED_IN_ROUTE, async (request, reply) => {
      await api.revokeToken({ actor: request.actor, tokenId: request.params.id });
      return reply.flash('apiTokens.revoked').redirect('/account/api-tokens', 303);
    });
  };
}
