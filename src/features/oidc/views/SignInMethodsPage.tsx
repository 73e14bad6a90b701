import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import type { LinkedIdentity } from '../service.ts';

/** The providers linked to one's account (unlinkable while another way in remains), and those to link. */
export function SignInMethodsPage({
  ctx,
  identities,
  providers,
  refusals,
}: {
  ctx: ViewContext;
  identities: LinkedIdentity[];
  providers: { slug: string; label: string }[];
  refusals?: readonly MessageKey[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('oidc.methods.title')}>
      <h1>{t('oidc.methods.title')}</h1>
      <p>{t('oidc.methods.intro')}</p>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('oidc.methods.linked')}</h2>
        {identities.length === 0 ? (
          <p>{t('oidc.methods.none')}</p>
        ) : (
          <ul>
            {identities.map((i) => (
              <li>
                {i.provider} — {t('oidc.methods.linkedOn', { date: formatInstant(i.linkedAt, locale) })}{' '}
                <Form ctx={ctx} action={`/account/sign-in-methods/${i.id}/unlink`} class="inline">
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t('oidc.methods.unlinkLabel', { provider: i.provider })}
                  >
                    {t('oidc.methods.unlink')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      {providers.length > 0 && (
        <section aria-labelledby="link-title">
          <h2 id="link-title">{t('oidc.methods.link')}</h2>
          <ul>
            {providers.map((p) => (
              <li>
                <a href={`/sign-in/oidc/${p.slug}?next=%2Faccount%2Fsign-in-methods`}>
                  {t('oidc.methods.linkWith', { provider: p.label })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
