import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { CallForManagement } from '../service.ts';

const FIELDS: { name: string; label: MessageKey }[] = [
  { name: 'correctionFr', label: 'manage.call.correctionFr' },
  { name: 'correctionNl', label: 'manage.call.correctionNl' },
  { name: 'correctionEn', label: 'manage.call.correctionEn' },
];

/** The note that goes with a change to a published call, in each language (as typed, when shown again); nothing for a draft. */
export function CorrectionNote({
  ctx,
  managed,
  values = {},
  errors = {},
}: {
  ctx: ViewContext;
  managed: CallForManagement;
  values?: Record<string, unknown> | undefined;
  errors?: FieldErrors;
}) {
  if (managed.call.status === 'draft') return null;
  const { t } = ctx;
  return (
    <fieldset>
      <legend>{t('manage.call.correction.legend')}</legend>
      <p class="hint">{t('manage.call.correction.hint')}</p>
      {FIELDS.map(({ name, label }) => (
        <Textarea
          ctx={ctx}
          name={name}
          label={t(label)}
          value={typeof values[name] === 'string' ? values[name] : ''}
          error={errors[name]}
          rows={2}
        />
      ))}
    </fieldset>
  );
}
