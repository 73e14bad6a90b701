import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderSVG } from 'uqr';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { PUBLIC_ROUTE, SIGNED_IN_ROUTE, withPolicy } from '../../platform/http/routePolicy.ts';
import { safeLocalPath } from '../../platform/http/safeRedirect.ts';
import { SESSION_COOKIE } from '../../platform/identity/sessions.ts';
import type { PasskeyRefusal } from './commands/passkeys.ts';
import type { SecondFactorRefusal } from './commands/giveSecondFactor.ts';
import type { RemoveAuthenticatorRefusal } from './commands/removeAuthenticator.ts';
import type { SetUpAuthenticatorRefusal } from './commands/setUpAuthenticator.ts';
import type { SecondFactorService } from './service.ts';
import { RecoveryCodesPage, SetUpAuthenticatorPage } from './views/CodesPages.tsx';
import { PasskeySignInPage, SecondFactorPage } from './views/SecondFactorPage.tsx';
import { SecurityPage } from './views/SecurityPage.tsx';

type Body = { Body: Record<string, string | undefined> };
type Next = { Querystring: { next?: string } };

// Guessing codes is slowed per address, like the password form.
const SENSITIVE = withPolicy(PUBLIC_ROUTE, { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } });

const REFUSALS = {
  'already-set-up': 'secondFactor.refusal.already-set-up',
  'code-wrong': 'secondFactor.refusal.code-wrong',
  'not-set-up': 'secondFactor.refusal.not-set-up',
  'no-pending-sign-in': 'secondFactor.refusal.no-pending-sign-in',
  'passkey-refused': 'secondFactor.refusal.passkey-refused',
} as const satisfies Record<
  SetUpAuthenticatorRefusal | RemoveAuthenticatorRefusal | SecondFactorRefusal | PasskeyRefusal,
  MessageKey
>;
const messages = (refusals: readonly (keyof typeof REFUSALS)[]) => refusals.map((r) => REFUSALS[r]);

/** The WebAuthn challenge between the options and the answer: a signed cookie, ten minutes, read once. */
const CHALLENGE_COOKIE = 'octroi_webauthn';
const CHALLENGE_MAX_AGE_SECONDS = 600;

function readChallenge(request: FastifyRequest, reply: FastifyReply): string {
  const raw = request.cookies[CHALLENGE_COOKIE];
  reply.clearCookie(CHALLENGE_COOKIE, { path: '/' });
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) return '';
  try {
    const { challenge, at } = JSON.parse(unsigned.value) as { challenge: string; at: number };
    return Date.now() - at < CHALLENGE_MAX_AGE_SECONDS * 1000 ? challenge : '';
  } catch {
    return '';
  }
}

function parseCredential<T>(raw: string | undefined): T | null {
  try {
    const value = JSON.parse(raw ?? '') as unknown;
    return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as T)
      : null;
  } catch {
    return null;
  }
}

/** Second factors on one's account, and the sign-in steps that use them. */
export function secondFactorRoutes(factors: SecondFactorService, secureCookies: boolean) {
  /** Options for the page, their challenge kept in the cookie. */
  const withChallenge = <O extends { challenge: string }>(reply: FastifyReply, options: O): string => {
    reply.setCookie(CHALLENGE_COOKIE, JSON.stringify({ challenge: options.challenge, at: Date.now() }), {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      signed: true,
      maxAge: CHALLENGE_MAX_AGE_SECONDS,
    });
    return JSON.stringify(options);
  };

  return async function (app: FastifyInstance) {
    const securityPage = async (request: FastifyRequest, reply: FastifyReply, refusals?: MessageKey[]) => {
      const [mine, options] = await Promise.all([
        factors.mine(request.actor),
        factors.passkeyRegistrationOptions({ actor: request.actor }),
      ]);
      const passkeyOptions = withChallenge(reply, options);
      return reply.page(
        (ctx) => <SecurityPage ctx={ctx} factors={mine} passkeyOptions={passkeyOptions} refusals={refusals} />,
        refusals ? 409 : 200,
      );
    };
    const setUpPage = async (request: FastifyRequest, reply: FastifyReply, refusals?: MessageKey[]) => {
      const started = await factors.startAuthenticator({ actor: request.actor });
      if (!started.ok) return securityPage(request, reply, messages(started.refusals));
      const qrSvg = renderSVG(started.value.uri);
      return reply.page(
        (ctx) => <SetUpAuthenticatorPage ctx={ctx} secret={started.value.secret} qrSvg={qrSvg} refusals={refusals} />,
        refusals ? 422 : 200,
      );
    };

    app.get('/account/security', SIGNED_IN_ROUTE, (request, reply) => securityPage(request, reply));

    app.post('/account/security/authenticator', SIGNED_IN_ROUTE, (request, reply) => setUpPage(request, reply));

    app.post<Body>('/account/security/authenticator/confirm', SIGNED_IN_ROUTE, async (request, reply) => {
      const outcome = await factors.confirmAuthenticator({ actor: request.actor, code: request.body?.code ?? '' });
      if (!outcome.ok) return setUpPage(request, reply, messages(outcome.refusals));
      const codes = outcome.value.recoveryCodes;
      return reply.page((ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} />);
    });

    app.post('/account/security/authenticator/remove', SIGNED_IN_ROUTE, async (request, reply) => {
      const outcome = await factors.removeAuthenticator({ actor: request.actor });
      if (!outcome.ok) return securityPage(request, reply, messages(outcome.refusals));
      return reply.flash('secondFactor.authenticatorRemoved').redirect('/account/security', 303);
    });

    app.post('/account/security/recovery-codes', SIGNED_IN_ROUTE, async (request, reply) => {
      const outcome = await factors.renewRecoveryCodes({ actor: request.actor });
      if (!outcome.ok) return securityPage(request, reply, messages(outcome.refusals));
      const codes = outcome.value;
      return reply.page((ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} />);
    });

    app.post<Body>('/account/security/passkeys', SIGNED_IN_ROUTE, async (request, reply) => {
      const challenge = readChallenge(request, reply);
      const response = parseCredential<Parameters<SecondFactorService['registerPasskey']>[0]['response']>(
        request.body?.credential,
      );
      const outcome = response
        ? await factors.registerPasskey({ actor: request.actor, response, challenge, name: request.body?.name ?? '' })
        : ({ ok: false, refusals: ['passkey-refused'] } as const);
      if (!outcome.ok) return securityPage(request, reply, messages(outcome.refusals));
      const codes = outcome.value.recoveryCodes;
      if (codes) return reply.page((ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} />);
      return reply.flash('secondFactor.passkeyAddedFlash').redirect('/account/security', 303);
    });

    app.post<{ Params: { id: string } }>(
      '/account/security/passkeys/:id/remove',
      SIGNED_IN_ROUTE,
      async (request, reply) => {
        await factors.removePasskey({ actor: request.actor, id: request.params.id });
        return reply.flash('secondFactor.passkeyRemoved').redirect('/account/security', 303);
      },
    );

    // The second step of a sign-in: the session cookie holds a pending session until then.
    const stepPage = async (request: FastifyRequest, reply: FastifyReply, next: string, refusals?: MessageKey[]) => {
      const pendingToken = request.cookies[SESSION_COOKIE];
      const offered = await factors.secondStep(pendingToken);
      // A person without a passkey is not offered one (the browser would offer anyone's on this device).
      const passkeyOptions = offered?.passkeys
        ? withChallenge(reply, await factors.passkeySignInOptions({ pendingToken }))
        : null;
      return reply.page(
        (ctx) => (
          <SecondFactorPage
            ctx={ctx}
            next={next}
            offered={offered}
            passkeyOptions={passkeyOptions}
            refusals={offered ? refusals : ['secondFactor.refusal.no-pending-sign-in']}
          />
        ),
        refusals ? 401 : 200,
      );
    };
    const signedIn = (reply: FastifyReply, token: string, next: string) =>
      reply.startSession(token).flash('signIn.done').redirect(next, 303);
    const nextOf = (raw: string | undefined) => {
      const next = safeLocalPath(raw, '');
      return next && next !== '/' ? next : '/start';
    };

    app.get<Next>('/sign-in/second-factor', PUBLIC_ROUTE, (request, reply) =>
      stepPage(request, reply, nextOf(request.query.next)),
    );

    app.post<Body>('/sign-in/second-factor', SENSITIVE, async (request, reply) => {
      const next = nextOf(request.body?.next);
      const kind = request.body?.kind === 'recovery-code' ? 'recovery-code' : 'totp';
      const outcome = await factors.giveSecondFactor({
        pendingToken: request.cookies[SESSION_COOKIE],
        kind,
        code: (kind === 'totp' ? request.body?.code : request.body?.recovery) ?? '',
      });
      if (!outcome.ok) return stepPage(request, reply, next, messages(outcome.refusals));
      return signedIn(reply, outcome.value, next);
    });

    app.post<Body>('/sign-in/second-factor/passkey', SENSITIVE, async (request, reply) => {
      const next = nextOf(request.body?.next);
      const challenge = readChallenge(request, reply);
      const response = parseCredential<Parameters<SecondFactorService['signInWithPasskey']>[0]['response']>(
        request.body?.credential,
      );
      const outcome = response
        ? await factors.signInWithPasskey({
            mode: 'second-factor',
            response,
            challenge,
            pendingToken: request.cookies[SESSION_COOKIE],
          })
        : ({ ok: false, refusals: ['passkey-refused'] } as const);
      if (!outcome.ok) return stepPage(request, reply, next, messages(outcome.refusals));
      return signedIn(reply, outcome.value, next);
    });

    // Password-less: a passkey that verifies its user is both factors.
    const passwordlessPage = async (reply: FastifyReply, next: string, refusals?: MessageKey[]) => {
      const passkeyOptions = withChallenge(reply, await factors.passkeySignInOptions({}));
      return reply.page(
        (ctx) => <PasskeySignInPage ctx={ctx} next={next} passkeyOptions={passkeyOptions} refusals={refusals} />,
        refusals ? 401 : 200,
      );
    };

    app.get<Next>('/sign-in/passkey', PUBLIC_ROUTE, (request, reply) =>
      passwordlessPage(reply, nextOf(request.query.next)),
    );

    app.post<Body>('/sign-in/passkey', SENSITIVE, async (request, reply) => {
      const next = nextOf(request.body?.next);
      const challenge = readChallenge(request, reply);
      const response = parseCredential<Parameters<SecondFactorService['signInWithPasskey']>[0]['response']>(
        request.body?.credential,
      );
      const outcome = response
        ? await factors.signInWithPasskey({
            mode: 'passwordless',
            response,
            challenge,
            previousSession: request.cookies[SESSION_COOKIE],
          })
        : ({ ok: false, refusals: ['passkey-refused'] } as const);
      if (!outcome.ok) return passwordlessPage(reply, next, messages(outcome.refusals));
      return signedIn(reply, outcome.value, next);
    });
  };
}
