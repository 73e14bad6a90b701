import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { formatIban } from '../../../domain/iban.ts';
import { formatMoney } from '../../../domain/money.ts';
import { formatStructuredCommunication } from '../../../domain/structuredCommunication.ts';
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
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import type { AmendmentKind } from '../../../domain/grants/amendment.ts';
import { AMENDMENT_KIND_LABELS, TRIGGER_LABELS } from '../agreement.ts';
import { OFFICER_GRANT_MOVES, type OfficerGrantMove } from '../commands/moveGrant.ts';
import { AmendmentForms, DeclineForm, MoveForm, Recoveries } from './GrantFollowUp.tsx';
import type { GrantPage as GrantPageData } from '../service.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { GRANT_STATUS, TRANCHE_STATUS, VERSION_STATUS } from './labels.ts';

export interface GrantPageProps {
  ctx: ViewContext;
  page: GrantPageData;
  refusals?: readonly MessageKey[];
  send?: { values: Record<string, string>; errors: FieldErrors };
  upload?: FieldErrors;
  accept?: FieldErrors;
  decline?: { values: Record<string, string>; errors: FieldErrors };
  amendment?: { kind: AmendmentKind; values: Record<string, string>; errors: FieldErrors };
  move?: { move: OfficerGrantMove; values: Record<string, string>; errors: FieldErrors };
}

/**
 * One grant, for its officers and for the organisation's members: the agreement's versions with who accepted
 * and countersigned them, the ledger and the tranches; each party's actions as their abilities allow.
 */
export function GrantPage({ ctx, page, refusals, send, upload, accept, decline, amendment, move }: GrantPageProps) {
  const { t, locale } = ctx;
  const { row, versions, tranches } = page.scoped.record;
  const { can, ledger } = page;
  const money = (c: number) => formatMoney(c, locale, { cents: true });
  const title = `${row.reference} — ${row.title}`;
  const current = versions.at(-1);
  const base = `/grants/${row.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {can.manage ? (
          <a href={`/manage/calls/${row.callId}/grants`}>{t('grants.list.title')}</a>
        ) : (
          <a href="/grants">{t('grants.mine.title')}</a>
        )}
      </p>
      <h1>{title}</h1>
      {can.manage && <GrantsNav ctx={ctx} callId={row.callId} />}
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <dl class="facts">
        <dt>{t('grants.organisation')}</dt>
        <dd>{row.organisationName}</dd>
        <dt>{t('grants.call')}</dt>
        <dd>{inLocale(page.call.title, locale)}</dd>
        <dt>{t('grants.status')}</dt>
        <dd>{t(GRANT_STATUS[row.status])}</dd>
        <dt>{t('grants.offered')}</dt>
        <dd>{money(row.offeredCents)}</dd>
        <dt>{t('grants.awardedOn')}</dt>
        <dd>{formatCalendarDate(row.awardedOn, locale)}</dd>
        {row.declineReason && (
          <>
            <dt>{t('grants.decline.reasonGiven')}</dt>
            <dd>
              {row.declineReason}
              {row.declinedAt && <> ({formatInstant(row.declinedAt, locale)})</>}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="agreement-title">
        <h2 id="agreement-title">{t('grants.agreement.heading')}</h2>
        {versions.length === 0 ? (
          <p>{t('grants.agreement.none')}</p>
        ) : (
          <table>
            <caption>{t('grants.agreement.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.version')}</th>
                <th scope="col">{t('grants.status')}</th>
                <th scope="col">{t('grants.agreement.periodHeading')}</th>
                <th scope="col">{t('grants.agreement.history')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr>
                  <th scope="row">{v.number}</th>
                  <td>{t(VERSION_STATUS[v.status])}</td>
                  <td>
                    {formatCalendarDate(v.periodStart, locale)} – {formatCalendarDate(v.periodEnd, locale)}
                  </td>
                  <td>
                    <ul class="plain">
                      {v.amendmentKind && <li>{t(AMENDMENT_KIND_LABELS[v.amendmentKind])}</li>}
                      {v.reason && <li>{t('grants.amendment.reasonShown', { reason: v.reason })}</li>}
                      {v.declineReason && <li>{t('grants.decline.versionReason', { reason: v.declineReason })}</li>}
                      {v.sentAt && <li>{t('grants.agreement.sentAt', { at: formatInstant(v.sentAt, locale) })}</li>}
                      {v.acceptedAt && (
                        <li>
                          {t(v.signedCopyFileId ? 'grants.agreement.paperAt' : 'grants.agreement.acceptedAt', {
                            at: formatInstant(v.acceptedAt, locale),
                          })}
                        </li>
                      )}
                      {v.countersignedAt && (
                        <li>
                          {t('grants.agreement.countersignedAt', { at: formatInstant(v.countersignedAt, locale) })}
                        </li>
                      )}
                      {v.documentSha256 && (
                        <li>
                          {t('grants.agreement.sha256')} <code class="hash">{v.documentSha256}</code>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {can.readAgreement && (
          <p>
            <a href={`${base}/agreement.pdf`}>{t('grants.agreement.download')}</a>
            {page.hasSignedCopy && can.manage && (
              <>
                {' · '}
                <a href={`${base}/signed-copy`}>{t('grants.agreement.downloadSignedCopy')}</a>
              </>
            )}
          </p>
        )}

        {can.accept && current?.documentSha256 && (
          <Form ctx={ctx} action={`${base}/accept`} class="card">
            <h3>{t('grants.accept.title')}</h3>
            <p>{t('grants.accept.intro')}</p>
            <input type="hidden" name="sha256" value={current.documentSha256} />
            <div class={accept?.confirm ? 'field field-error' : 'field'}>
              {accept?.confirm && (
                <p class="error" id="field-confirm-error">
                  {t(accept.confirm.key)}
                </p>
              )}
              <input
                type="checkbox"
                id="field-confirm"
                name="confirm"
                value="yes"
                aria-describedby={accept?.confirm ? 'field-confirm-error' : undefined}
              />{' '}
              <label for="field-confirm">{t('grants.accept.confirm', { organisation: row.organisationName })}</label>
            </div>
            <button type="submit">{t('grants.accept.submit')}</button>
          </Form>
        )}

        {can.decline && <DeclineForm ctx={ctx} page={page} form={decline} />}

        {can.amend && <AmendmentForms ctx={ctx} page={page} form={amendment} />}

        {OFFICER_GRANT_MOVES.filter((m) => can[m]).map((m) => (
          <MoveForm ctx={ctx} page={page} move={m} form={move?.move === m ? move : undefined} />
        ))}

        {can.sendAgreement && (
          <Form ctx={ctx} action={`${base}/agreement`} class="card">
            <h3>{t('grants.send.title')}</h3>
            {send && (
              <ErrorSummary
                ctx={ctx}
                errors={send.errors}
                labels={{ periodStart: t('grants.send.periodStart'), periodEnd: t('grants.send.periodEnd') }}
              />
            )}
            <p>{t('grants.send.intro')}</p>
            <input type="hidden" name="version" value={String(row.version)} />
            <Field
              ctx={ctx}
              type="date"
              name="periodStart"
              label={t('grants.send.periodStart')}
              required
              value={send?.values.periodStart ?? page.defaults.periodStart}
              error={send?.errors.periodStart}
            />
            <Field
              ctx={ctx}
              type="date"
              name="periodEnd"
              label={t('grants.send.periodEnd')}
              required
              value={send?.values.periodEnd ?? page.defaults.periodEnd}
              error={send?.errors.periodEnd}
            />
            {page.deMinimis && (
              <div
                class={page.deMinimis.exceeds ? 'warning' : undefined}
                role={page.deMinimis.exceeds ? 'note' : undefined}
              >
                <p>
                  {t('grants.deMinimis.used', {
                    used: money(page.deMinimis.usedCents),
                    headroom: money(page.deMinimis.headroomCents),
                  })}
                </p>
                {page.deMinimis.exceeds && (
                  <>
                    <p>
                      <strong>{t('grants.deMinimis.exceeds', { excess: money(page.deMinimis.excessCents) })}</strong>
                    </p>
                    <p>
                      <input type="checkbox" id="field-deMinimisConfirmed" name="deMinimisConfirmed" value="yes" />{' '}
                      <label for="field-deMinimisConfirmed">{t('grants.deMinimis.confirm')}</label>
                    </p>
                  </>
                )}
              </div>
            )}
            <button type="submit">{t('grants.send.submit')}</button>
          </Form>
        )}

        {can.uploadSignedCopy && (
          <Form ctx={ctx} action={`${base}/signed-copy`} class="card" multipart>
            <h3>{t('grants.signedCopy.title')}</h3>
            <p>{t('grants.signedCopy.intro')}</p>
            <FileInput ctx={ctx} name="file" label={t('grants.signedCopy.file')} required error={upload?.file} />
            <button type="submit">{t('grants.signedCopy.submit')}</button>
          </Form>
        )}

        {can.countersign && (
          <Form ctx={ctx} action={`${base}/countersign`} class="card">
            <h3>{t('grants.countersign.title')}</h3>
            <p>{t('grants.countersign.intro')}</p>
            <button type="submit">{t('grants.countersign.submit')}</button>
          </Form>
        )}
      </section>

      <p>
        <a href={`${base}/reports`}>{t('reports.link')}</a>
      </p>

      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('grants.ledger.title')}</h2>
        <dl class="facts">
          <dt>{t('grants.ledger.entitlement')}</dt>
          <dd>{money(ledger.entitlementCents)}</dd>
          <dt>{t('grants.ledger.paid')}</dt>
          <dd>{money(ledger.paidCents)}</dd>
          <dt>{t('grants.ledger.due')}</dt>
          <dd>{money(ledger.dueCents + ledger.approvedNotPaidCents)}</dd>
          <dt>{t('grants.ledger.planned')}</dt>
          <dd>{money(ledger.plannedCents)}</dd>
          <dt>{t('grants.ledger.justified')}</dt>
          <dd>{money(ledger.justifiedCents)}</dd>
          <dt>{t('grants.ledger.toRecover')}</dt>
          <dd>{money(ledger.toRecoverCents)}</dd>
        </dl>
        <Recoveries ctx={ctx} page={page} />
      </section>

      <section aria-labelledby="tranches-title">
        <h2 id="tranches-title">{t('grants.tranches.title')}</h2>
        {page.bankAccount && <p>{t('grants.tranches.account', { iban: formatIban(page.bankAccount) })}</p>}
        <table>
          <caption>{t('grants.agreement.tranchesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grants.tranche.number')}</th>
              <th scope="col">{t('grants.tranche.condition')}</th>
              <th scope="col" class="num">
                {t('grants.tranche.amount')}
              </th>
              <th scope="col">{t('grants.status')}</th>
              <th scope="col">{t('grants.tranche.communication')}</th>
              {can.manage && <th scope="col">{t('grants.tranche.approvals')}</th>}
            </tr>
          </thead>
          <tbody>
            {tranches.map((tr) => (
              <tr>
                <th scope="row">{tr.number}</th>
                <td>{t(TRIGGER_LABELS[tr.trigger], { date: tr.dueOn ? formatCalendarDate(tr.dueOn, locale) : '' })}</td>
                <td class="num">{money(tr.amountCents)}</td>
                <td>{t(TRANCHE_STATUS[tr.status])}</td>
                <td>
                  <code>{formatStructuredCommunication(tr.structuredCommunication)}</code>
                </td>
                {can.manage && (
                  <td>
                    {t('grants.tranche.approvalCount', {
                      count: tr.approvers.length,
                      needed: page.approvalsNeeded[tr.id] ?? 1,
                    })}
                    {can.approveTranches && tr.status === 'due' && (
                      <Form ctx={ctx} action={`${base}/tranches/${tr.id}/approve`}>
                        <input type="hidden" name="version" value={String(tr.version)} />
                        <button type="submit">
                          {t('grants.tranche.approve')}
                          <span class="visually-hidden"> {t('grants.tranche.which', { number: tr.number })}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {can.manage && page.approval.secondApprovalAboveCents !== null && (
          <p class="hint">
            {t('grants.tranche.fourEyes', { threshold: money(page.approval.secondApprovalAboveCents) })}
          </p>
        )}
        {can.manage && (
          <p>
            <a href={`/manage/calls/${row.callId}/payments`}>{t('grants.payments.title')}</a>
          </p>
        )}
      </section>
    </Layout>
  );
}
