import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submittedValues } from '../../platform/http/forms.ts';
import { redirectToProvider, safeLocalPath } from '../../platform/http/safeRedirect.ts';
import { PUBLIC_ROUTE, SIGNED_IN_ROUTE, withPolicy } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { SESSION_COOKIE } from '../../platform/identity/sessions.ts';
import { ConfirmPage } from '../../platform/views/ConfirmPage.tsx';
import { MessagePage } from '../../platform/views/MessagePage.tsx';
import { PENDING_MAX_AGE_SECONDS, type PendingSignIn } from './client.ts';
import type { OidcService } from './service.ts';
import { SignInMethodsPage } from './views/SignInMethodsPage.tsx';

type Slug = { Params: { slug: string }; Querystring: { next?: string } };
type Id = { Params: { id: string } };
type Token = { Querystring: { token?: string }; Body: { token?: string } };

/** The pending sign-in's cookie: signed (tampering is refused), httpOnly, sent back on the provider's redirect (lax). */
const PENDING_COOKIE = 'octroi_oidc';
const PENDING_PATH = '/sign-in/oidc';
// Starting a sign-in asks the provider's discovery document: slowed down like the password form.
const LIMITED = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

function readPending(request: FastifyRequest): PendingSignIn | null {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    return JSON.parse(unsigned.value) as PendingSignIn;
  } catch {
    return null;
  }
}

function message(
  reply: FastifyReply,
  status: number,
  title: MessageKey,
  body: MessageKey | MessageKey[],
  link?: string,
) {
  return reply.page(
    (ctx) => (
      <MessagePage
        ctx={ctx}
        title={ctx.t(title)}
        body={[body]
          .flat()
          .map((key) => ctx.t(key))
          .join(' ')}
        link={link ? { href: link, label: ctx.t('nav.signIn') } : undefined}
      />
    ),
    status,
  );
}

/** Sign-in through OpenID Connect providers, and the account's page of sign-in methods. */
export function oidcRoutes(oidc: OidcService, secureCookies: boolean) {
  return async function (app: FastifyInstance) {
    app.get<Slug>('/sign-in/oidc/:slug', withPolicy(PUBLIC_ROUTE, LIMITED), async (request, reply) => {
      const next = safeLocalPath(request.query.next);
      const started = await oidc.start(request.params.slug, next);
      if (started.status === 'unreachable')
        return message(reply, 502, 'oidc.refused.title', 'oidc.unreachable', '/sign-in');
      const { url, pending } = started;
      reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        path: PENDING_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        signed: true,
        maxAge: PENDING_MAX_AGE_SECONDS,
      });
      return redirectToProvider(reply, url);
    });

    app.get<Slug>('/sign-in/oidc/:slug/callback', PUBLIC_ROUTE, async (request, reply) => {
      const pending = readPending(request);
      // Used once: a second return with the same cookie (a replayed code) finds nothing pending.
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const result = await oidc.complete({
        slug: request.params.slug,
        query,
        pending,
        actor: request.actor,
        previousSession: request.cookies[SESSION_COOKIE],
      });
      switch (result.status) {
        case 'signed-in':
          if (result.pending)
            return reply
              .startSession(result.token)
              .redirect(`/sign-in/second-factor?next=${encodeURIComponent(pending!.next)}`, 303);
          return reply.startSession(result.token).flash('signIn.done').redirect(pending!.next, 303);
        case 'linked':
          return reply.flash('oidc.linked').redirect(pending!.next, 303);
        case 'linked-elsewhere':
          return message(reply, 409, 'oidc.refused.title', 'oidc.linkedElsewhere');
        case 'not-linked':
          return message(reply, 403, 'oidc.notLinked.title', ['oidc.notLinked.body', 'oidc.linkMail.sent'], '/sign-in');
        case 'deactivated':
          return message(reply, 403, 'oidc.refused.title', 'oidc.deactivated', '/sign-in');
        case 'refused':
          return result.settingsMismatch
            ? message(reply, 502, 'oidc.refused.title', 'oidc.refused.settings', '/sign-in')
            : message(reply, 400, 'oidc.refused.title', 'oidc.refused.body', '/sign-in');
      }
    });

    // The public halves of the client's keys, for the provider to check its assertions and encrypt to it.
    app.get<Slug>('/sign-in/oidc/:slug/jwks', PUBLIC_ROUTE, async (request, reply) =>
      reply.type('application/jwk-set+json').send(await oidc.clientJwks(request.params.slug)),
    );

    // A link mailed to the account whose address the provider gave: confirmed with a button (a mail
    // scanner following links links nothing), once.
    app.get<Token>('/sign-in/link-provider', PUBLIC_ROUTE, async (request, reply) => {
      const token = request.query.token ?? '';
      const offered = token.length <= 100 ? await oidc.linkOffered(token) : null;
      if (!offered) return message(reply, 400, 'oidc.refused.title', 'oidc.linkMail.invalid', '/sign-in');
      return reply.page((ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={ctx.t('oidc.linkMail.confirmTitle', { provider: offered.provider })}
          body={ctx.t('oidc.linkMail.confirmBody', { provider: offered.provider })}
          action="/sign-in/link-provider"
          confirmLabel={ctx.t('oidc.linkMail.confirm', { provider: offered.provider })}
          cancelHref="/"
        >
          <input type="hidden" name="token" value={token} />
        </ConfirmPage>
      ));
    });

    app.post<Token>('/sign-in/link-provider', withPolicy(PUBLIC_ROUTE, LIMITED), async (request, reply) => {
      const token = submittedValues(request.body).token ?? '';
      const outcome = token.length <= 100 ? await oidc.confirmLinkByMail(token) : null;
      if (!outcome?.ok) {
        const key = outcome?.refusals.includes('linked-elsewhere') ? 'oidc.linkedElsewhere' : 'oidc.linkMail.invalid';
        return message(reply, 400, 'oidc.refused.title', key, '/sign-in');
      }
      return reply.flash('oidc.linkMail.done').redirect('/sign-in', 303);
    });

    app.get('/account/sign-in-methods', SIGNED_IN_ROUTE, async (request, reply) => {
      const [identities, providers] = await Promise.all([oidc.myIdentities(request.actor), oidc.providers()]);
      return reply.page((ctx) => <SignInMethodsPage ctx={ctx} identities={identities} providers={providers} />);
    });

    app.post<Id>('/account/sign-in-methods/:id/unlink', SIGNED_IN_ROUTE, async (request, reply) => {
      const outcome = await oidc.unlink({ actor: request.actor, identityId: request.params.id });
      if (!outcome.ok) {
        const [identities, providers] = await Promise.all([oidc.myIdentities(request.actor), oidc.providers()]);
        return reply.page(
          (ctx) => (
            <SignInMethodsPage ctx={ctx} identities={identities} providers={providers} refusals={['oidc.lastWayIn']} />
          ),
          409,
        );
      }
      return reply.flash('oidc.unlinked').redirect('/account/sign-in-methods', 303);
    });
  };
}
