import { managesCallsSomewhere } from '../../../domain/access.ts';
import { formatNationalNumber } from '../../../domain/nationalNumber.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { LANGUAGE_NAMES, Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { UnmetRequirement, WithheldGrant } from '../../../domain/signInAssurance.ts';
import { withheldReasons } from '../../../platform/views/withheld.ts';
import type { AccountView } from '../service.ts';

/**
 * @param withheld the roles that do not count in this session (their funder requires a second factor,
 *   a provider or a level of assurance this sign-in did not give): shown as such, with what is missing.
 */
export function AccountPage({
  ctx,
  account,
  withheld = [],
  installationAdminWithheld = [],
}: {
  ctx: ViewContext;
  account: AccountView;
  withheld?: readonly WithheldGrant[];
  /** What this session lacks for the installation's administration to count (a second factor, a provider, a level). */
  installationAdminWithheld?: readonly UnmetRequirement[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('account.language')}</dt>
        <dd>{LANGUAGE_NAMES[account.locale]}</dd>
      </dl>
      <h2>{t('account.roles')}</h2>
      {account.isPlatformAdmin && (
        <p>
          {t('account.platformAdmin')}
          {installationAdminWithheld.length > 0 && (
            <span class="hint">
              {' '}
              {t('account.withheld')}{' '}
              {withheldReasons(installationAdminWithheld, 'installation')
                .map((key) => t(key))
                .join(' ')}
            </span>
          )}
        </p>
      )}
      {account.roles.length ? (
        <ul>
          {account.roles.map((r) => (
            <li>
              {t(`role.${r.role}` as MessageKey)} — {inLocale(r.funderName, ctx.locale)}
              {withheld
                .filter((w) => w.funderId === r.funderId && w.role === r.role)
                .map((w) => (
                  <p class="hint">
                    {t('account.withheld')}{' '}
                    {withheldReasons(w.unmet, 'funder')
                      .map((key) => t(key))
                      .join(' ')}
                  </p>
                ))}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('account.noRoles')}</p>
      )}
      <NationalNumber ctx={ctx} kept={account.nationalNumber} />
      <p>
        <a href="/account/security">{t('secondFactor.accountLink')}</a>
      </p>
      {managesCallsSomewhere(ctx.actor) && (
        <p>
          <a href="/account/api-tokens">{t('apiTokens.accountLink')}</a>
        </p>
      )}
    </Layout>
  );
}

/** Whether the account keeps a national register number, which, for whom, and where it never goes: the person's right to know. */
function NationalNumber({ ctx, kept }: { ctx: ViewContext; kept: AccountView['nationalNumber'] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="national-number">
      <h2 id="national-number">{t('account.nationalNumber')}</h2>
      {kept ? (
        <>
          <p>
            {t('account.nationalNumber.kept')} <strong>{formatNationalNumber(kept.digits)}</strong>
          </p>
          <p>{t('account.nationalNumber.keptFor')}</p>
          <ul>
            {kept.keptFor.map((f) => (
              <li>
                {inLocale(f.funderName, ctx.locale)} — {f.legalBasis}
              </li>
            ))}
          </ul>
          <p>{t('account.nationalNumber.neverShared')}</p>
        </>
      ) : (
        <p>{t('account.nationalNumber.none')}</p>
      )}
    </section>
  );
}
