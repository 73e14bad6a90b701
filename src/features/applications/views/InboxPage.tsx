import { colon } from '../../../platform/i18n/i18n.ts';
import { APPLICATION_STATUSES } from '../../../domain/applicationLifecycle.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import { COMMUNES } from '../../../domain/referenceData.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Select } from '../../../platform/views/forms.tsx';
import { StatusFilter } from './StatusFilter.tsx';
import { Pagination } from '../../../platform/views/Pagination.tsx';
import type { CallForManagement } from '../../calls/service.ts';
import { CallPageNav } from '../../calls/views/CallNav.tsx';
import { INBOX_PAGE_SIZE, type InboxRow } from '../service.ts';

interface Props {
  ctx: ViewContext;
  inbox: { managed: CallForManagement; rows: InboxRow[]; total: number; counts: Partial<Record<string, number>> };
  page: number;
  query: Record<string, string | undefined>;
}

/** The officer's inbox: the funnel, filters that work as a plain GET form, the list, and exports. */
export function InboxPage({ ctx, inbox, page, query }: Props) {
  const { t, locale } = ctx;
  const { managed, rows, counts, total } = inbox;
  const call = managed.call;
  const base = `/manage/calls/${call.id}/applications`;
  return (
    <Layout ctx={ctx} title={`${t('inbox.title')} — ${inLocale(call.title, locale)}`} wide>
      <CallPageNav ctx={ctx} call={call} />
      <h1>{t('inbox.title')}</h1>
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('inbox.funnel')}</h2>
        <ul class="funnel">
          {APPLICATION_STATUSES.filter((s) => counts[s]).map((s) => (
            <li>
              <a href={s === 'draft' ? undefined : `${base}?status=${s}`}>
                {t(`application.status.${s}` as MessageKey)}
                {colon(locale)} <strong>{counts[s]}</strong>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <form method="get" action={base} class="filters" aria-label={t('inbox.filters')}>
        <Field ctx={ctx} name="q" label={t('inbox.search')} value={query.q} />
        <StatusFilter ctx={ctx} value={query.status} />
        <Select
          ctx={ctx}
          name="commune"
          label={t('inbox.commune')}
          value={query.commune ?? ''}
          options={[
            { value: '', label: t('inbox.any') },
            ...COMMUNES.map((c) => ({ value: c.nis, label: locale === 'nl' ? c.nl : c.fr })),
          ]}
        />
        <Select
          ctx={ctx}
          name="public"
          label={t('manage.call.targetPublics')}
          value={query.public ?? ''}
          options={[
            { value: '', label: t('inbox.any') },
            ...managed.targetPublics
              .filter((p) => call.targetPublics.includes(p.key))
              .map((p) => ({ value: p.key, label: inLocale(p.label, locale) })),
          ]}
        />
        <Field ctx={ctx} name="min" label={t('inbox.min')} value={query.min} />
        <Field ctx={ctx} name="max" label={t('inbox.max')} value={query.max} />
        <Select
          ctx={ctx}
          name="sort"
          label={t('inbox.sort')}
          value={query.sort ?? 'reference'}
          options={(['reference', 'title', 'requested', 'submitted'] as const).map((s) => ({
            value: s,
            label: t(`inbox.sort.${s}`),
          }))}
        />
        <button type="submit">{t('inbox.apply')}</button>
      </form>
      <p>
        {t('inbox.count', { count: total })} · <a href={`${base}.csv`}>{t('inbox.exportCsv')}</a> ·{' '}
        <a href={`${base}.xlsx`}>{t('inbox.exportXlsx')}</a>
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('receipt.reference')}</th>
              <th scope="col">{t('dashboard.project')}</th>
              <th scope="col">{t('apply.organisation')}</th>
              <th scope="col">{t('call.status')}</th>
              <th scope="col">{t('export.requested')}</th>
              <th scope="col">{t('receipt.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <code>{r.reference}</code>
                </td>
                <td>
                  <a href={`/applications/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.organisationName}</td>
                <td>{t(`application.status.${r.status}` as MessageKey)}</td>
                <td class="number">{r.requestedCents === null ? '—' : formatMoney(r.requestedCents, locale)}</td>
                <td>{r.submittedAt ? formatInstant(r.submittedAt, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination ctx={ctx} page={page} total={total} pageSize={INBOX_PAGE_SIZE} query={query} />
    </Layout>
  );
}
