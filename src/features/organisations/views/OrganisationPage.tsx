import { colon } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { formatEnterpriseNumber } from '../../../domain/enterpriseNumber.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, FileInput, Form, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import { ORGANISATION_DOCUMENT_KINDS } from '../schema.ts';
import type { OrganisationView } from '../service.ts';
import { OrganisationFields } from './OrganisationFields.tsx';

export interface OrganisationPageForms {
  profile?: { values: Record<string, string>; errors: FieldErrors; stale?: boolean };
  invite?: { values: Record<string, string>; errors: FieldErrors };
  upload?: { errors: FieldErrors };
}

/** The organisation's profile (editable), its members and its shelf of documents. */
export function OrganisationPage({
  ctx,
  view,
  forms = {},
}: {
  ctx: ViewContext;
  view: OrganisationView;
  forms?: OrganisationPageForms;
}) {
  const { t, locale } = ctx;
  const o = view.organisation;
  const stored: Record<string, string> = Object.fromEntries(
    Object.entries({ ...o, enterpriseNumber: formatEnterpriseNumber(o.enterpriseNumber) }).map(([k, v]) => [
      k,
      v === null ? '' : String(v),
    ]),
  );
  const profileValues = forms.profile?.values ?? stored;
  return (
    <Layout ctx={ctx} title={o.name}>
      <h1>{o.name}</h1>
      {view.abilities.edit && (
        <section aria-labelledby="profile-title">
          <h2 id="profile-title">{t('organisation.profile')}</h2>
          {forms.profile?.stale && (
            <div class="error-summary" role="alert">
              <p>{t('organisation.stale')}</p>
            </div>
          )}
          <Form ctx={ctx} action={`/organisations/${o.id}`}>
            <input type="hidden" name="version" value={String(o.version)} />
            <OrganisationFields ctx={ctx} values={profileValues} errors={forms.profile?.errors ?? {}} />
            <button type="submit">{t('organisation.save')}</button>
          </Form>
        </section>
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('organisation.members')}</h2>
        <ul>
          {view.members.map((m) => (
            <li>
              {m.displayName} ({m.email}) — {t(`organisation.role.${m.role}` as MessageKey)}
            </li>
          ))}
        </ul>
        {view.abilities.manageMembers && (
          <>
            <h3>{t('organisation.invite')}</h3>
            <ErrorSummary
              ctx={ctx}
              errors={forms.invite?.errors ?? {}}
              labels={{ email: t('organisation.inviteEmail'), role: t('organisation.inviteRole') }}
            />
            <Form ctx={ctx} action={`/organisations/${o.id}/invitations`}>
              <Field
                ctx={ctx}
                name="email"
                type="email"
                label={t('organisation.inviteEmail')}
                value={forms.invite?.values.email}
                error={forms.invite?.errors.email}
                required
              />
              <Select
                ctx={ctx}
                name="role"
                label={t('organisation.inviteRole')}
                value={forms.invite?.values.role ?? 'member'}
                options={(['member', 'owner'] as const).map((r) => ({ value: r, label: t(`organisation.role.${r}`) }))}
              />
              <button type="submit">{t('organisation.inviteSubmit')}</button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('organisation.documents')}</h2>
        <p>{t('organisation.documentsIntro')}</p>
        {view.documents.length === 0 ? (
          <p>{t('organisation.noDocuments')}</p>
        ) : (
          <ul>
            {view.documents.map((d) => (
              <li>
                {t(`organisation.document.${d.kind}` as MessageKey)}
                {colon(locale)} <a href={`/organisations/${o.id}/documents/${d.id}`}>{d.name}</a> (
                {formatInstant(d.uploadedAt, locale, 'date')})
              </li>
            ))}
          </ul>
        )}
        {view.abilities.edit && (
          <Form ctx={ctx} action={`/organisations/${o.id}/documents`} multipart>
            <ErrorSummary
              ctx={ctx}
              errors={forms.upload?.errors ?? {}}
              labels={{ file: t('organisation.documentFile') }}
            />
            <Select
              ctx={ctx}
              name="kind"
              label={t('organisation.documentKind')}
              options={ORGANISATION_DOCUMENT_KINDS.map((k) => ({
                value: k,
                label: t(`organisation.document.${k}` as MessageKey),
              }))}
            />
            <FileInput
              ctx={ctx}
              name="file"
              label={t('organisation.documentFile')}
              hint={t('file.hint')}
              error={forms.upload?.errors.file}
            />
            <button type="submit">{t('organisation.upload')}</button>
          </Form>
        )}
      </section>
    </Layout>
  );
}
