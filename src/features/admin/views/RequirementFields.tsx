import type { Requirement } from '../../../domain/signInAssurance.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Select } from '../../../platform/views/forms.tsx';

/**
 * The fields of a sign-in requirement: a second factor, the provider to sign in through, the level
 * of assurance it must vouch for. The same for a funder's role and for the installation's administrators.
 * @param prefix before the provider's and the level's names, where several forms share a page (`officer-`).
 */
export function RequirementFields({
  ctx,
  prefix = '',
  requirement,
  providers,
  secondFactorLabel,
}: {
  ctx: ViewContext;
  prefix?: string;
  requirement: Requirement | undefined;
  providers: { slug: string; label: string }[];
  secondFactorLabel: string;
}) {
  const { t } = ctx;
  return (
    <>
      <div class="field">
        <input
          type="checkbox"
          id={`field-${prefix}secondFactor`}
          name="secondFactor"
          value="yes"
          checked={!!requirement?.secondFactor}
        />{' '}
        <label for={`field-${prefix}secondFactor`}>{secondFactorLabel}</label>
      </div>
      <Select
        ctx={ctx}
        name={`${prefix}provider`}
        label={t('admin.signIn.provider')}
        value={requirement?.provider ?? ''}
        options={[
          { value: '', label: t('admin.signIn.anyProvider') },
          ...providers.map((p) => ({ value: p.slug, label: p.label })),
        ]}
      />
      <Field
        ctx={ctx}
        name={`${prefix}minimumAcr`}
        label={t('admin.signIn.minimumAcr')}
        hint={t('admin.signIn.minimumAcrHint')}
        value={requirement?.minimumAcr ?? ''}
      />
    </>
  );
}
