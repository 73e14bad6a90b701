import { formatMoney } from '../../../domain/money.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, FileInput, Form, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { ReportPage } from '../service.ts';

/**
 * The expenses the report justifies: per line of the application's budget, planned against spent; each expense
 * with its document; the member's form to add one; the officer's reading of what is not justified.
 */
export function ExpensesSection({ ctx, page, errors }: { ctx: ViewContext; page: ReportPage; errors?: FieldErrors }) {
  const { t, locale } = ctx;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  const { row, grant } = page.scoped.record;
  const { can } = page.scoped;
  const base = `/reports/${row.id}`;
  const j = page.justification;
  return (
    <section aria-labelledby="expenses-title">
      <h2 id="expenses-title">{t('reports.expenses.title')}</h2>
      {!page.budget ? (
        <p>{t('reports.expenses.noBudget')}</p>
      ) : (
        <table>
          <caption>{t('reports.expenses.budgetCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.expenses.line')}</th>
              <th scope="col" class="num">
                {t('reports.expenses.planned')}
              </th>
              <th scope="col" class="num">
                {t('reports.expenses.spent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.budget.lines.map((l, i) => (
              <tr>
                <th scope="row">{l.label}</th>
                <td class="num">{money(l.amountCents)}</td>
                <td class="num">{money(j?.lines[i]?.justifiedCents ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.expenses.length > 0 && (
        <table>
          <caption>{t('reports.expenses.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.expenses.description')}</th>
              <th scope="col">{t('reports.expenses.line')}</th>
              <th scope="col" class="num">
                {t('reports.expenses.amount')}
              </th>
              <th scope="col">{t('reports.expenses.document')}</th>
              {can.edit && <th scope="col">{t('reports.expenses.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.expenses.map((e) => (
              <tr>
                <th scope="row">{e.description}</th>
                <td>{page.budget?.lines[e.budgetLine]?.label ?? '—'}</td>
                <td class="num">{money(e.spentCents)}</td>
                <td>{e.fileId ? <a href={`${base}/expenses/${e.id}/document`}>{e.fileName}</a> : '—'}</td>
                {can.edit && (
                  <td>
                    <Form ctx={ctx} action={`${base}/expenses/${e.id}/delete`}>
                      <button type="submit" class="secondary">
                        {t('reports.expenses.remove')}
                        <span class="visually-hidden"> {e.description}</span>
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can.edit && page.budget && (
        <Form ctx={ctx} action={`${base}/expenses`} class="card" multipart>
          <h3>{t('reports.expenses.add')}</h3>
          <Select
            ctx={ctx}
            name="line"
            label={t('reports.expenses.line')}
            required
            options={page.budget.lines.map((l, i) => ({ value: String(i), label: l.label }))}
            error={errors?.line}
          />
          <Field ctx={ctx} name="amount" label={t('reports.expenses.amount')} required error={errors?.amount} />
          <Field
            ctx={ctx}
            name="description"
            label={t('reports.expenses.description')}
            required
            maxLength={500}
            error={errors?.description}
          />
          <FileInput
            ctx={ctx}
            name="file"
            label={t('reports.expenses.document')}
            hint={t('reports.expenses.documentHint')}
            error={errors?.file}
          />
          <button type="submit">{t('reports.expenses.addSubmit')}</button>
        </Form>
      )}
      {j && (
        <div class="card">
          <h3>{t('reports.justification.title')}</h3>
          <dl class="facts">
            <dt>{t('reports.justification.accepted')}</dt>
            <dd>{money(j.acceptedCents)}</dd>
            <dt>{t('reports.justification.entitled')}</dt>
            <dd>{money(j.entitledCents)}</dd>
            <dt>{t('reports.justification.unjustified')}</dt>
            <dd>{money(j.unjustifiedCents)}</dd>
            <dt>{t('reports.justification.recovery')}</dt>
            <dd>{money(j.recoveryCents)}</dd>
          </dl>
          <p class="hint">{t('reports.justification.hint')}</p>
          <p>
            <a href={`/grants/${grant.row.id}`}>{t('reports.justification.toGrant')}</a>
          </p>
        </div>
      )}
    </section>
  );
}
