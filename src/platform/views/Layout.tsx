import type { ComponentChildren } from 'preact';
import { LOCALES } from '../../domain/locale.ts';
import { assetUrl } from '../http/staticAssets.ts';
import type { ViewContext } from './context.ts';

export const LANGUAGE_NAMES = { fr: 'Français', nl: 'Nederlands', en: 'English' } as const;

/** Where the roles that do not count in this session are listed, each with why (not told again there). */
const ACCOUNT_PAGE = '/account';

/** The frame of every page: skip link, landmarks, language switch, navigation, flash message. */
export function Layout({
  ctx,
  title,
  wide,
  children,
}: {
  ctx: ViewContext;
  title: string;
  /** A data page (tables of applications, the audit trail): it takes the screen's width, not a reading column. */
  wide?: boolean;
  children: ComponentChildren;
}) {
  const { t, nav } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <p class="brand">
              <a href="/">{t('site.name')}</a>
              <span class="tagline">{t('site.tagline')}</span>
            </p>
            <nav aria-label={t('layout.language')} class="languages">
              <ul>
                {LOCALES.map((l) => (
                  <li>
                    <a
                      href={`/language/${l}?next=${encodeURIComponent(ctx.path)}`}
                      hreflang={l}
                      lang={l}
                      aria-current={l === ctx.locale ? 'true' : undefined}
                    >
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav aria-label={t('layout.nav')} class="wrap main-nav">
            <ul>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              {nav.signedIn ? (
                <>
                  <li>
                    <a href="/applications">{t('nav.applications')}</a>
                  </li>
                  <li>
                    <a href="/organisations">{t('nav.organisations')}</a>
                  </li>
                  <li>
                    <a href="/account">{t('nav.account')}</a>
                  </li>
                  {nav.jury && (
                    <li>
                      <a href="/jury">{t('nav.jury')}</a>
                    </li>
                  )}
                  {nav.manageCalls && (
                    <li>
                      <a href="/manage/calls">{t('nav.manageCalls')}</a>
                    </li>
                  )}
                  {nav.administration && (
                    <li>
                      <a href="/admin">{t('nav.admin')}</a>
                    </li>
                  )}
                  <li>
                    <form method="post" action="/sign-out" class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
                      <button type="submit" class="link-button">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href="/sign-in">{t('nav.signIn')}</a>
                  </li>
                  <li>
                    <a href="/sign-up">{t('nav.signUp')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" class={wide ? 'wrap wide' : 'wrap'} tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {ctx.rolesWithheld && !ctx.path.startsWith(ACCOUNT_PAGE) && (
            <p class="withheld">
              {t('layout.rolesWithheld')} <a href={ACCOUNT_PAGE}>{t('layout.rolesWithheldWhy')}</a>
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <p class="wrap">{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
