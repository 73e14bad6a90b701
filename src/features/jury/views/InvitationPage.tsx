import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { InvitationView } from '../service.ts';

interface Props {
  ctx: ViewContext;
  invitation: Extract<InvitationView, { status: 'valid' }>;
  token: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/**
 * An invitation to a jury: accept it (signed in with the invited address), or create the account
 * it comes with, or sign in first. Accepting is a button, never the link itself: mail scanners
 * that open links must not accept on the invitee's behalf.
 */
export function InvitationPage({ ctx, invitation, token, errors = {}, values = {} }: Props) {
  const { t, locale } = ctx;
  const call = inLocale(invitation.call.title, locale);
  const back = `/jury/invitations/accept?token=${encodeURIComponent(token)}`;
  const labels = {
    displayName: t('signUp.displayName'),
    password: t('signUp.password'),
    passwordConfirm: t('signUp.passwordConfirm'),
  };
  return (
    <Layout ctx={ctx} title={t('jury.invitation.title')}>
      <h1>{t('jury.invitation.title')}</h1>
      <p>{t('jury.invitation.intro', { call, email: invitation.email })}</p>
      {invitation.signedInAs === null ? (
        <>
          <p>
            <a href={`/sign-in?next=${encodeURIComponent(back)}`}>{t('jury.invitation.signIn')}</a>
          </p>
          <section aria-labelledby="account-title">
            <h2 id="account-title">{t('jury.invitation.accountTitle')}</h2>
            <p>{t('jury.invitation.accountIntro', { email: invitation.email })}</p>
            <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
            <Form ctx={ctx} action="/jury/invitations/account">
              <input type="hidden" name="token" value={token} />
              <Field
                ctx={ctx}
                name="displayName"
                label={labels.displayName}
                value={values.displayName}
                error={errors.displayName}
                required
                autocomplete="name"
              />
              <Field
                ctx={ctx}
                name="password"
                type="password"
                label={labels.password}
                error={errors.password}
                required
                autocomplete="new-password"
                hint={t('signUp.passwordHint')}
              />
              <Field
                ctx={ctx}
                name="passwordConfirm"
                type="password"
                label={labels.passwordConfirm}
                error={errors.passwordConfirm}
                required
                autocomplete="new-password"
              />
              <button type="submit">{t('jury.invitation.createAndAccept')}</button>
            </Form>
          </section>
        </>
      ) : invitation.signedInAs.toLowerCase() === invitation.email ? (
        <Form ctx={ctx} action="/jury/invitations/accept">
          <input type="hidden" name="token" value={token} />
          <p>{t('jury.invitation.acceptIntro')}</p>
          <button type="submit">{t('jury.invitation.accept')}</button>
        </Form>
      ) : (
        <p class="error-summary" role="alert">
          {t('jury.invitation.otherAddress', { email: invitation.email, signedInAs: invitation.signedInAs })}
        </p>
      )}
    </Layout>
  );
}
