import { APPLICATION_STATUSES } from '../../../domain/applicationLifecycle.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Select } from '../../../platform/views/forms.tsx';

/** The officers' filter on an application's status (any, or one a submitted application can be in), as the query gave it. */
export function StatusFilter({ ctx, value }: { ctx: ViewContext; value: string | undefined }) {
  const { t } = ctx;
  return (
    <Select
      ctx={ctx}
      name="status"
      label={t('call.status')}
      value={value ?? ''}
      options={[
        { value: '', label: t('inbox.any') },
        ...APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({
          value: s,
          label: t(`application.status.${s}` as MessageKey),
        })),
      ]}
    />
  );
}
