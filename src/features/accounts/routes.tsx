import type { FastifyInstance } from 'fastify';
import { isLocale } from '../../domain/locale.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { LANGUAGE_COOKIE } from '../../platform/http/requestContext.ts';
import { PUBLIC_ROUTE, SIGNED_IN_ROUTE, withPolicy } from '../../platform/http/routePolicy.ts';
import { safeLocalPath } from '../../platform/http/safeRedirect.ts';
import { SESSION_COOKIE } from '../../platform/identity/sessions.ts';
import { MessagePage } from '../../platform/views/MessagePage.tsx';
import { forgotForm, resetForm, signInForm, signUpForm } from './forms.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { SignInResult } from './commands/signIn.ts';
import type { AccountsService } from './service.ts';
import { AccountPage } from './views/AccountPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './views/PasswordPages.tsx';
import { SignInPage } from './views/SignInPage.tsx';
import { SignUpPage } from './views/SignUpPage.tsx';

// Guessing passwords or flooding mailboxes is slowed per address of origin.
// Forms that guess secrets or send mails: rate-limited per address, open to everyone.
const SENSITIVE = withPolicy(PUBLIC_ROUTE, { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } });

type Query = { Querystring: Record<string, string | undefined> };
type Body = { Body: Record<string, string | undefined> };

const SIGN_IN_PROBLEMS = {
  failed: 'signIn.failed',
  unconfirmed: 'signIn.unconfirmed',
  deactivated: 'signIn.deactivated',
} as const satisfies Record<Exclude<SignInResult['status'], 'signed-in' | 'paused'>, MessageKey>;

/**
 * @param signInProviders the OpenID Connect providers offered beside the password (the oidc feature's).
 */
export function accountsRoutes(
  accounts: AccountsService,
  signInProviders: () => Promise<{ slug: string; label: string }[]> = async () => [],
) {
  return async function (app: FastifyInstance) {
    app.get('/sign-up', PUBLIC_ROUTE, (_req, reply) => reply.page((ctx) => <SignUpPage ctx={ctx} />));

    app.post<Body>('/sign-up', SENSITIVE, async (request, reply) => {
      const form = parseForm(signUpForm, request.body);
      if (!form.ok) return reply.page((ctx) => <SignUpPage ctx={ctx} values={form.values} errors={form.errors} />, 422);
      await accounts.signUp({ ...form.data, locale: request.locale });
      return reply.page((ctx) => (
        <MessagePage
          ctx={ctx}
          title={ctx.t('signUp.sent.title')}
          body={ctx.t('signUp.sent.body', { email: form.data.email })}
        />
      ));
    });

    app.get<Query>('/account/confirm', PUBLIC_ROUTE, async (request, reply) => {
      const confirmed = await accounts.confirmEmail(request.query.token ?? '');
      return confirmed
        ? reply.page((ctx) => (
            <MessagePage
              ctx={ctx}
              title={ctx.t('confirm.title')}
              body={ctx.t('confirm.body')}
              link={{ href: '/sign-in', label: ctx.t('nav.signIn') }}
            />
          ))
        : reply.page(
            (ctx) => (
              <MessagePage
                ctx={ctx}
                title={ctx.t('confirm.invalid.title')}
                body={ctx.t('confirm.invalid.body')}
                link={{ href: '/sign-in', label: ctx.t('nav.signIn') }}
              />
            ),
            400,
          );
    });

    app.get<Query>('/sign-in', PUBLIC_ROUTE, async (request, reply) => {
      const next = safeLocalPath(request.query.next);
      const problem = request.query.next && !request.actor ? 'error.signInRequired' : undefined;
      const providers = await signInProviders();
      return reply.page((ctx) => <SignInPage ctx={ctx} next={next} problem={problem} providers={providers} />);
    });

    app.post<Body>('/sign-in', SENSITIVE, async (request, reply) => {
      // Without a page to return to, each person starts on their own start page (/start), not the public home.
      const requested = safeLocalPath(request.body?.next, '');
      const next = requested && requested !== '/' ? requested : '/start';
      const form = parseForm(signInForm, request.body);
      if (!form.ok)
        return reply.page((ctx) => <SignInPage ctx={ctx} next={next} values={form.values} errors={form.errors} />, 422);
      const chosen = request.cookies[LANGUAGE_COOKIE];
      const result = await accounts.signIn({
        ...form.data,
        previousSession: request.cookies[SESSION_COOKIE],
        chosenLocale: isLocale(chosen) ? chosen : undefined,
      });
      if (result.status === 'paused') {
        return reply.page(
          (ctx) => <SignInPage ctx={ctx} next={next} values={{ email: form.data.email }} pausedUntil={result.until} />,
          429,
        );
      }
      if (result.status !== 'signed-in') {
        const problem = SIGN_IN_PROBLEMS[result.status];
        return reply.page(
          (ctx) => <SignInPage ctx={ctx} next={next} values={{ email: form.data.email }} problem={problem} />,
          result.status === 'failed' ? 401 : 403,
        );
      }
      if (result.pending)
        return reply
          .startSession(result.token)
          .redirect(`/sign-in/second-factor?next=${encodeURIComponent(next)}`, 303);
      // A role that needs a second factor not yet set up: the page to set one up comes first.
      if (result.secondFactorToSetUp)
        return reply.startSession(result.token).flash('secondFactor.required').redirect('/account/security', 303);
      return reply.startSession(result.token).flash('signIn.done').redirect(next, 303);
    });

    app.post('/sign-out', PUBLIC_ROUTE, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor) await accounts.signOut({ token, userId: request.actor.userId });
      return reply.endSession().flash('signOut.done').redirect('/', 303);
    });

    app.get('/forgot-password', PUBLIC_ROUTE, (_req, reply) => reply.page((ctx) => <ForgotPasswordPage ctx={ctx} />));

    app.post<Body>('/forgot-password', SENSITIVE, async (request, reply) => {
      const form = parseForm(forgotForm, request.body);
      if (!form.ok)
        return reply.page((ctx) => <ForgotPasswordPage ctx={ctx} values={form.values} errors={form.errors} />, 422);
      await accounts.requestPasswordReset(form.data);
      return reply.page((ctx) => (
        <MessagePage
          ctx={ctx}
          title={ctx.t('forgot.sent.title')}
          body={ctx.t('forgot.sent.body', { email: form.data.email })}
        />
      ));
    });

    app.get<Query>('/account/reset', PUBLIC_ROUTE, (request, reply) =>
      reply.page((ctx) => <ResetPasswordPage ctx={ctx} token={request.query.token ?? ''} />),
    );

    app.post<Body>('/account/reset', SENSITIVE, async (request, reply) => {
      const form = parseForm(resetForm, request.body);
      const token = request.body?.token ?? '';
      if (!form.ok) return reply.page((ctx) => <ResetPasswordPage ctx={ctx} token={token} errors={form.errors} />, 422);
      if (!(await accounts.resetPassword(form.data))) {
        return reply.page(
          (ctx) => (
            <MessagePage
              ctx={ctx}
              title={ctx.t('reset.invalid.title')}
              body={ctx.t('reset.invalid.body')}
              link={{ href: '/forgot-password', label: ctx.t('signIn.forgot') }}
            />
          ),
          400,
        );
      }
      return reply.endSession().flash('reset.done').redirect('/sign-in', 303);
    });

    app.get('/account', SIGNED_IN_ROUTE, async (request, reply) => {
      const account = await accounts.myAccount(request.actor);
      const withheld = request.sessionUser?.withheld ?? [];
      const adminWithheld = request.sessionUser?.installationAdminWithheld ?? [];
      return reply.page((ctx) => (
        <AccountPage ctx={ctx} account={account} withheld={withheld} installationAdminWithheld={adminWithheld} />
      ));
    });

    // A link, not a form, so the switch works on every page without JavaScript; it changes only a preference.
    app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
      '/language/:locale',
      PUBLIC_ROUTE,
      async (request, reply) => {
        const { locale } = request.params;
        const next = safeLocalPath(request.query.next);
        if (!isLocale(locale)) return reply.redirect(next, 303);
        if (request.actor) await accounts.setLanguage({ userId: request.actor.userId, locale });
        return reply
          .setCookie(LANGUAGE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 })
          .redirect(next, 303);
      },
    );
  };
}
