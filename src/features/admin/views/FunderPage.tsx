import { ROLES, type Role } from '../../../domain/access.ts';
import { LOCALES } from '../../../domain/locale.ts';
import { formatNationalNumber } from '../../../domain/nationalNumber.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  FileInput,
  Form,
  RefusalSummary,
  Select,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import { CheckboxGroup } from '../../calls/views/CheckboxGroup.tsx';
import type { RoleGrantRow, ScopedFunder } from '../service.ts';
import { AdminNav } from './AdminNav.tsx';

export const ROLE_NAMES: Record<Role, MessageKey> = {
  administrator: 'role.administrator',
  officer: 'role.officer',
  juror: 'role.juror',
  applicant: 'role.applicant',
};
const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], MessageKey> = {
  fr: 'admin.funder.language.fr',
  nl: 'admin.funder.language.nl',
  en: 'admin.funder.language.en',
};

/** A sent form as typed: its values and errors, shown again when refused. */
export interface Typed {
  values: Record<string, string | string[]>;
  errors: FieldErrors;
  refusals?: MessageKey[];
}

function settingsValues(funder: ScopedFunder['record']): Record<string, string | string[]> {
  return {
    nameFr: funder.name.fr,
    nameNl: funder.name.nl ?? '',
    nameEn: funder.name.en ?? '',
    descriptionFr: funder.description.fr,
    descriptionNl: funder.description.nl ?? '',
    descriptionEn: funder.description.en ?? '',
    website: funder.website ?? '',
    contactEmail: funder.contactEmail ?? '',
    street: funder.street ?? '',
    postalCode: funder.postalCode ?? '',
    city: funder.city ?? '',
    requiredLanguages: funder.requiredLanguages,
    keepsNationalNumber: funder.nationalNumberLegalBasis ? 'yes' : '',
    nationalNumberLegalBasis: funder.nationalNumberLegalBasis ?? '',
  };
}

/** A funder's settings (names, contact address, letterhead, required languages, logo) and the roles held there. */
export function FunderPage({
  ctx,
  funder,
  grants,
  settings,
  logo,
  grant,
}: {
  ctx: ViewContext;
  funder: ScopedFunder;
  grants: RoleGrantRow[];
  settings?: Typed;
  logo?: Typed;
  grant?: Typed;
}) {
  const { t, locale } = ctx;
  const f = funder.record;
  const name = inLocale(f.name, locale);
  const v = settings?.values ?? settingsValues(f);
  const e = settings?.errors ?? {};
  const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
  const labels: Record<string, string> = {
    nameFr: t('admin.funder.nameFr'),
    nameNl: t('admin.funder.nameNl'),
    nameEn: t('admin.funder.nameEn'),
    descriptionFr: t('admin.funder.descriptionFr'),
    descriptionNl: t('admin.funder.descriptionNl'),
    descriptionEn: t('admin.funder.descriptionEn'),
    website: t('admin.funder.website'),
    contactEmail: t('admin.funder.contactEmail'),
    street: t('admin.funder.street'),
    postalCode: t('admin.funder.postalCode'),
    city: t('admin.funder.city'),
    requiredLanguages: t('admin.funder.requiredLanguages'),
    nationalNumberLegalBasis: t('admin.funder.legalBasis'),
  };
  const field = (key: string, extra: { type?: 'email' | 'url'; hint?: string; required?: boolean } = {}) => (
    <Field ctx={ctx} name={key} label={labels[key]!} value={text(key)} error={e[key]} {...extra} />
  );
  const grantLabels = { email: t('admin.roles.email'), role: t('admin.roles.role') };
  return (
    <Layout ctx={ctx} title={name}>
      <h1>{name}</h1>
      <AdminNav ctx={ctx} />
      <p>
        <a href={`/admin/funders/${f.id}/webhooks`}>{t('webhooks.title')}</a>
      </p>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('admin.funder.settings')}</h2>
        <RefusalSummary ctx={ctx} refusals={settings?.refusals} />
        <ErrorSummary ctx={ctx} errors={e} labels={labels} />
        <Form ctx={ctx} action={`/admin/funders/${f.id}`}>
          <input type="hidden" name="version" value={String(f.version)} />
          <fieldset>
            <legend>{t('admin.funder.names')}</legend>
            {field('nameFr', { required: true })}
            {field('nameNl')}
            {field('nameEn')}
          </fieldset>
          <fieldset>
            <legend>{t('admin.funder.description')}</legend>
            {(['descriptionFr', 'descriptionNl', 'descriptionEn'] as const).map((key) => (
              <Textarea ctx={ctx} name={key} label={labels[key]!} value={text(key)} error={e[key]} rows={3} />
            ))}
          </fieldset>
          <CheckboxGroup
            ctx={ctx}
            name="requiredLanguages"
            legend={labels.requiredLanguages!}
            options={LOCALES.map((l) => ({ value: l, label: t(LANGUAGE_NAMES[l]) }))}
            checked={Array.isArray(v.requiredLanguages) ? v.requiredLanguages : [text('requiredLanguages')]}
            error={e.requiredLanguages}
          />
          <p class="hint">{t('admin.funder.requiredLanguagesHint')}</p>
          <fieldset>
            <legend>{t('admin.funder.contact')}</legend>
            {field('contactEmail', { type: 'email', hint: t('admin.funder.contactEmailHint') })}
            {field('website', { type: 'url' })}
            {field('street')}
            {field('postalCode')}
            {field('city')}
          </fieldset>
          <fieldset>
            <legend>{t('admin.funder.nationalNumber')}</legend>
            <div class="field">
              <input
                type="checkbox"
                id="field-keepsNationalNumber"
                name="keepsNationalNumber"
                value="yes"
                checked={text('keepsNationalNumber') === 'yes'}
              />{' '}
              <label for="field-keepsNationalNumber">{t('admin.funder.keepsNationalNumber')}</label>
            </div>
            <Textarea
              ctx={ctx}
              name="nationalNumberLegalBasis"
              label={labels.nationalNumberLegalBasis!}
              hint={t('admin.funder.legalBasisHint')}
              value={text('nationalNumberLegalBasis')}
              error={e.nationalNumberLegalBasis}
              rows={2}
            />
          </fieldset>
          <button type="submit">{t('admin.funder.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{t('admin.funder.logo')}</h2>
        <p>{f.logoFileId ? t('admin.funder.logoSet') : t('admin.funder.logoNone')}</p>
        <RefusalSummary ctx={ctx} refusals={logo?.refusals} />
        <Form ctx={ctx} action={`/admin/funders/${f.id}/logo`} multipart>
          <FileInput
            ctx={ctx}
            name="file"
            label={t('admin.funder.logoFile')}
            hint={t('admin.funder.logoHint')}
            error={logo?.errors.file}
          />
          <button type="submit">{t('admin.funder.logoUpload')}</button>
        </Form>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('admin.roles')}</h2>
        <p>
          <a href={`/admin/funders/${f.id}/sign-in-requirements`}>{t('admin.signIn.link')}</a>
        </p>
        {grants.length === 0 ? (
          <p>{t('admin.roles.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.roles.person')}</th>
                  <th scope="col">{t('admin.roles.role')}</th>
                  {f.nationalNumberLegalBasis && <th scope="col">{t('admin.funder.nationalNumber')}</th>}
                  <th scope="col">{t('admin.roles.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr>
                    <td>
                      {g.displayName} &lt;{g.email}&gt;
                    </td>
                    <td>{t(ROLE_NAMES[g.role])}</td>
                    {f.nationalNumberLegalBasis && (
                      <td>{g.nationalNumber ? formatNationalNumber(g.nationalNumber) : '—'}</td>
                    )}
                    <td>
                      <a
                        href={`/admin/roles/${g.id}/revoke`}
                        aria-label={t('admin.roles.revoke', {
                          role: t(ROLE_NAMES[g.role]),
                          funder: name,
                          person: g.displayName,
                        })}
                      >
                        {t('admin.roles.revokeShort')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t('admin.roles.grant')}</h3>
        <ErrorSummary ctx={ctx} errors={grant?.errors ?? {}} labels={grantLabels} />
        <Form ctx={ctx} action={`/admin/funders/${f.id}/roles`}>
          <Field
            ctx={ctx}
            name="email"
            type="email"
            label={grantLabels.email}
            value={typeof grant?.values.email === 'string' ? grant.values.email : ''}
            required
            error={grant?.errors.email}
          />
          <Select
            ctx={ctx}
            name="role"
            label={grantLabels.role}
            value={typeof grant?.values.role === 'string' ? grant.values.role : ''}
            error={grant?.errors.role}
            options={ROLES.map((r) => ({ value: r, label: t(ROLE_NAMES[r]) }))}
          />
          <button type="submit">{t('admin.roles.grant')}</button>
        </Form>
      </section>
    </Layout>
  );
}
