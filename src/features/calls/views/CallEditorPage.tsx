import { instantToBrussels } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Select, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { MAX_CLOSE_REASON_LENGTH } from '../forms.ts';
import type { CallForManagement, Term } from '../service.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';

interface Props {
  ctx: ViewContext;
  /** Absent when creating a call. */
  managed?: CallForManagement;
  funders: { id: string; name: Translated }[];
  publics: readonly Term[];
  activityTypes: readonly Term[];
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  stale?: boolean;
}

/** The call as its form shows it: money as typed by a person, instants as Brussels date and time. */
export function callFormValues(ctx: ViewContext, managed: CallForManagement): Record<string, string | string[]> {
  const c = managed.call;
  const money = (v: number | null) => (v === null ? '' : formatMoney(v, ctx.locale));
  const opens = c.opensAt ? instantToBrussels(c.opensAt) : null;
  const closes = c.closesAt ? instantToBrussels(c.closesAt) : null;
  return {
    funderId: c.funderId,
    code: c.code,
    titleFr: c.title.fr,
    titleNl: c.title.nl ?? '',
    titleEn: c.title.en ?? '',
    summaryFr: c.summary.fr,
    summaryNl: c.summary.nl ?? '',
    summaryEn: c.summary.en ?? '',
    descriptionFr: c.description.fr,
    descriptionNl: c.description.nl ?? '',
    descriptionEn: c.description.en ?? '',
    budget: money(c.budgetCents),
    grantMin: money(c.grantMinCents),
    grantMax: money(c.grantMaxCents),
    coFundingMaxPercent: c.coFundingMaxPercent === null ? '' : String(c.coFundingMaxPercent),
    opensDate: opens?.date ?? '',
    opensTime: opens?.time ?? '',
    closesDate: closes?.date ?? '',
    closesTime: closes?.time ?? '',
    targetPublics: c.targetPublics,
    activityTypes: c.activityTypes,
  };
}

export function CallEditorPage({ ctx, managed, funders, publics, activityTypes, values, errors = {}, stale }: Props) {
  const { t, locale } = ctx;
  const v = values ?? (managed ? callFormValues(ctx, managed) : {});
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const l = (k: string) =>
    Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' && v[k] ? [v[k] as string] : [];
  const title = managed ? inLocale(managed.call.title, locale) : t('manage.calls.new');
  const labels: Record<string, string> = {
    funderId: t('call.funder'),
    code: t('manage.call.code'),
    titleFr: t('manage.call.titleFr'),
    titleNl: t('manage.call.titleNl'),
    titleEn: t('manage.call.titleEn'),
    summaryFr: t('manage.call.summaryFr'),
    summaryNl: t('manage.call.summaryNl'),
    summaryEn: t('manage.call.summaryEn'),
    descriptionFr: t('manage.call.descriptionFr'),
    descriptionNl: t('manage.call.descriptionNl'),
    descriptionEn: t('manage.call.descriptionEn'),
    budget: t('manage.call.budget'),
    grantMin: t('manage.call.grantMin'),
    grantMax: t('manage.call.grantMax'),
    coFundingMaxPercent: t('manage.call.coFunding'),
    opensDate: t('manage.call.opensDate'),
    opensTime: t('manage.call.opensTime'),
    closesDate: t('manage.call.closesDate'),
    closesTime: t('manage.call.closesTime'),
    reason: t('manage.call.closeReason'),
  };
  const text = (name: string, extra: { required?: boolean; hint?: string } = {}) => (
    <Field
      ctx={ctx}
      name={name}
      label={labels[name]!}
      value={s(name)}
      error={errors[name]}
      required={extra.required}
      hint={extra.hint}
    />
  );
  const area = (name: string, required = false) => (
    <Textarea
      ctx={ctx}
      name={name}
      label={labels[name]!}
      value={s(name)}
      error={errors[name]}
      required={required}
      rows={name.startsWith('description') ? 8 : 3}
    />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
      <h1>{title}</h1>
      {managed && <CallManagementBar ctx={ctx} managed={managed} />}
      {stale && (
        <div class="error-summary" role="alert">
          <p>{t('manage.call.stale')}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={managed ? `/manage/calls/${managed.call.id}` : '/manage/calls'}>
        {managed ? (
          <>
            <input type="hidden" name="funderId" value={managed.call.funderId} />
            <input type="hidden" name="version" value={String(managed.call.version)} />
          </>
        ) : (
          <Select
            ctx={ctx}
            name="funderId"
            label={labels.funderId!}
            value={s('funderId')}
            error={errors.funderId}
            options={funders.map((f) => ({ value: f.id, label: inLocale(f.name, locale) }))}
          />
        )}
        {text('code', { required: true, hint: t('manage.call.codeHint') })}
        <fieldset>
          <legend>{t('manage.call.texts')}</legend>
          {text('titleFr', { required: true })}
          {text('titleNl')}
          {text('titleEn')}
          {area('summaryFr', true)}
          {area('summaryNl')}
          {area('summaryEn')}
          {area('descriptionFr', true)}
          {area('descriptionNl')}
          {area('descriptionEn')}
        </fieldset>
        <fieldset>
          <legend>{t('manage.call.money')}</legend>
          {text('budget', { required: true, hint: t('manage.call.moneyHint') })}
          {text('grantMin')}
          {text('grantMax')}
          {text('coFundingMaxPercent', { hint: t('manage.call.coFundingHint') })}
        </fieldset>
        <fieldset>
          <legend>{t('manage.call.dates')}</legend>
          <p class="hint">{t('manage.call.datesHint')}</p>
          <Field
            ctx={ctx}
            name="opensDate"
            type="date"
            label={labels.opensDate!}
            value={s('opensDate')}
            error={errors.opensDate}
          />
          <Field
            ctx={ctx}
            name="opensTime"
            type="time"
            label={labels.opensTime!}
            value={s('opensTime')}
            error={errors.opensTime}
          />
          <Field
            ctx={ctx}
            name="closesDate"
            type="date"
            label={labels.closesDate!}
            value={s('closesDate')}
            error={errors.closesDate}
          />
          <Field
            ctx={ctx}
            name="closesTime"
            type="time"
            label={labels.closesTime!}
            value={s('closesTime') || '12:00'}
            error={errors.closesTime}
          />
        </fieldset>
        <CheckboxGroup
          ctx={ctx}
          name="targetPublics"
          legend={t('manage.call.targetPublics')}
          options={publics.map((p) => ({ value: p.key, label: inLocale(p.label, locale) }))}
          checked={l('targetPublics')}
        />
        <CheckboxGroup
          ctx={ctx}
          name="activityTypes"
          legend={t('manage.call.activityTypes')}
          options={activityTypes.map((p) => ({ value: p.key, label: inLocale(p.label, locale) }))}
          checked={l('activityTypes')}
        />
        <button type="submit">{managed ? t('manage.call.save') : t('manage.call.create')}</button>
      </Form>
    </Layout>
  );
}

/** Status, what stops publication, and the call's actions. */
export function CallManagementBar({ ctx, managed }: { ctx: ViewContext; managed: CallForManagement }) {
  const { t } = ctx;
  const c = managed.call;
  return (
    <section class="card" aria-labelledby="call-status-title">
      <h2 id="call-status-title">
        {t('call.status')}: {t(`call.status.${c.status}` as MessageKey)}
      </h2>
      <p>
        <a href={`/manage/calls/${c.id}`}>{t('manage.call.general')}</a> ·{' '}
        <a href={`/manage/calls/${c.id}/criteria`}>{t('manage.criteria.title')}</a> ·{' '}
        <a href={`/manage/calls/${c.id}/questions`}>{t('manage.questions.title')}</a> ·{' '}
        <a href={`/manage/calls/${c.id}/form`}>{t('manage.form.title')}</a> ·{' '}
        <a href={`/manage/calls/${c.id}/preview`}>{t('manage.form.preview')}</a>
        {c.status !== 'draft' && (
          <>
            {' '}
            · <a href={`/calls/${c.id}`}>{t('manage.call.publicPage')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/applications`}>{t('inbox.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/jury`}>{t('jury.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/screening`}>{t('screening.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/consensus`}>{t('scoring.consensus')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/calibration`}>{t('scoring.calibration.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/ranking`}>{t('scoring.ranking.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/selection`}>{t('decisions.selection.title')}</a> ·{' '}
            <a href={`/manage/calls/${c.id}/decision`}>{t('decisions.decision.title')}</a>
          </>
        )}
      </p>
      {c.status === 'draft' &&
        (managed.publishProblems.length ? (
          <>
            <p>{t('manage.call.cannotPublish')}</p>
            <ul>
              {managed.publishProblems.map((p) => (
                <li>{t(`manage.call.problem.${p}` as MessageKey)}</li>
              ))}
            </ul>
          </>
        ) : (
          <Form ctx={ctx} action={`/manage/calls/${c.id}/publish`}>
            <button type="submit">{t('manage.call.publish')}</button>
          </Form>
        ))}
      {c.status === 'published' && (
        <Form ctx={ctx} action={`/manage/calls/${c.id}/close`}>
          <Field
            ctx={ctx}
            name="reason"
            label={t('manage.call.closeReason')}
            required
            maxLength={MAX_CLOSE_REASON_LENGTH}
          />
          <button type="submit" class="secondary">
            {t('manage.call.close')}
          </button>
        </Form>
      )}
    </section>
  );
}
