import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import { LEGAL_FORMS } from '../schema.ts';

/** The profile fields, the same for registering and for editing an organisation. */
export function OrganisationFields({
  ctx,
  values,
  errors,
}: {
  ctx: ViewContext;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    name: t('organisation.name'),
    legalForm: t('organisation.legalForm'),
    enterpriseNumber: t('organisation.enterpriseNumber'),
    street: t('organisation.street'),
    postalCode: t('organisation.postalCode'),
    city: t('organisation.city'),
    iban: t('organisation.iban'),
    accountHolder: t('organisation.accountHolder'),
    contactName: t('organisation.contactName'),
    contactEmail: t('organisation.contactEmail'),
    contactPhone: t('organisation.contactPhone'),
    website: t('organisation.website'),
  };
  const field = (
    name: string,
    extra: { type?: 'email' | 'url'; required?: boolean; hint?: string; autocomplete?: string } = {},
  ) => (
    <Field
      ctx={ctx}
      name={name}
      label={labels[name]!}
      value={values[name]}
      error={errors[name]}
      required={extra.required ?? true}
      type={extra.type}
      hint={extra.hint}
      autocomplete={extra.autocomplete}
    />
  );
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      {field('name', { autocomplete: 'organization' })}
      <Select
        ctx={ctx}
        name="legalForm"
        label={labels.legalForm!}
        value={values.legalForm}
        error={errors.legalForm}
        options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`organisation.legalForm.${f}` as MessageKey) }))}
      />
      {field('enterpriseNumber', { hint: t('organisation.enterpriseNumber.hint') })}
      <fieldset>
        <legend>{t('organisation.address')}</legend>
        {field('street', { autocomplete: 'street-address' })}
        {field('postalCode', { autocomplete: 'postal-code' })}
        {field('city', { autocomplete: 'address-level2' })}
      </fieldset>
      <fieldset>
        <legend>{t('organisation.bank')}</legend>
        {field('iban', { hint: t('organisation.iban.hint') })}
        {field('accountHolder')}
      </fieldset>
      <fieldset>
        <legend>{t('organisation.contact')}</legend>
        {field('contactName', { autocomplete: 'name' })}
        {field('contactEmail', { type: 'email', autocomplete: 'email' })}
        {field('contactPhone', { required: false, autocomplete: 'tel' })}
        {field('website', { type: 'url', required: false, autocomplete: 'url' })}
      </fieldset>
    </>
  );
}
