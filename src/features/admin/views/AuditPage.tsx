import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { ChainReport } from '../../../platform/audit/audit.ts';
import type { AuditRow } from '../../../platform/audit/auditQuery.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field } from '../../../platform/views/forms.tsx';
import { AdminNav } from './AdminNav.tsx';

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The audit trail within what the reader administers: who did what, when, to which record; the chain's state. */
export function AuditPage({
  ctx,
  rows,
  query,
  chain,
  installation,
}: {
  ctx: ViewContext;
  rows: AuditRow[];
  query: AuditQuery;
  chain: ChainReport | null;
  installation: boolean;
}) {
  const { t, locale } = ctx;
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => !!e[1])),
      ...extra,
    }).toString();
  const last = rows.at(-1);
  return (
    <Layout ctx={ctx} title={t('admin.audit.title')} wide>
      <h1>{t('admin.audit.title')}</h1>
      <AdminNav ctx={ctx} />
      <p>{t('admin.audit.intro')}</p>
      {installation && (
        <section aria-labelledby="chain-title" class="card">
          <h2 id="chain-title">{t('admin.audit.chain')}</h2>
          {chain === null ? (
            <p>
              <a href={`/admin/audit?${params({ verify: '1' })}`}>{t('admin.audit.verify')}</a>
            </p>
          ) : chain.ok ? (
            <p role="status">{t('admin.audit.chainOk', { rows: chain.rows })}</p>
          ) : (
            <p role="alert" class="error">
              {chain.problem === 'rows-missing-at-end'
                ? t('admin.audit.chainCut', { last: chain.lastSeq ?? 0, anchor: chain.anchor.seq })
                : chain.problem === 'anchor-mismatch'
                  ? t('admin.audit.chainRewritten', { seq: chain.anchor.seq, rows: chain.rows })
                  : t('admin.audit.chainBroken', { seq: chain.brokenAt, rows: chain.rows })}
            </p>
          )}
        </section>
      )}
      <form method="get" action="/admin/audit" class="filters" role="search">
        <Field ctx={ctx} name="actor" label={t('admin.audit.actor')} value={query.actor} />
        <Field
          ctx={ctx}
          name="action"
          label={t('admin.audit.action')}
          hint={t('admin.audit.actionHint')}
          value={query.action}
        />
        <Field
          ctx={ctx}
          name="subject"
          label={t('admin.audit.subject')}
          hint={t('admin.audit.subjectHint')}
          value={query.subject}
        />
        <Field ctx={ctx} name="from" type="date" label={t('admin.audit.from')} value={query.from} />
        <Field ctx={ctx} name="to" type="date" label={t('admin.audit.to')} value={query.to} />
        <button type="submit">{t('admin.audit.filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.seq')}</th>
                <th scope="col">{t('admin.audit.at')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.subject')}</th>
                <th scope="col">{t('admin.audit.funder')}</th>
                <th scope="col">{t('admin.audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.seq}</td>
                  <td>{formatInstant(r.at, locale)}</td>
                  <td>{r.actorName ?? t('admin.audit.system')}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.subjectType} <code class="id">{r.subjectId}</code>
                  </td>
                  <td>{r.funderName ? inLocale(r.funderName, locale) : '—'}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {last && rows.length >= 50 && (
        <p>
          <a href={`/admin/audit?${params({ before: String(last.seq) })}`}>{t('admin.audit.older')}</a>
        </p>
      )}
    </Layout>
  );
}
