import { colon } from '../../../platform/i18n/i18n.ts';
import type { ComponentChildren } from 'preact';
import { instantToBrussels } from '../../../domain/brusselsTime.ts';
import type { MissingTranslation } from '../../../domain/callTranslations.ts';
import type { Locale } from '../../../domain/locale.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  Form,
  RefusalSummary,
  Select,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import { MAX_CLOSE_REASON_LENGTH } from '../forms.ts';
import type { CallForManagement, Term } from '../service.ts';
import { PUBLISH_REFUSALS } from '../refusalMessages.ts';
import { CallNav } from './CallNav.tsx';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import { CorrectionNote } from './CorrectionNote.tsx';

interface Props {
  ctx: ViewContext;
  /** Absent when creating a call. */
  managed?: CallForManagement;
  funders: { id: string; name: Translated }[];
  publics: readonly Term[];
  activityTypes: readonly Term[];
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  refusals?: MessageKey[] | undefined;
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

export function CallEditorPage({
  ctx,
  managed,
  funders,
  publics,
  activityTypes,
  values,
  errors = {},
  refusals,
}: Props) {
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
    correctionFr: t('manage.call.correctionFr'),
    correctionNl: t('manage.call.correctionNl'),
    correctionEn: t('manage.call.correctionEn'),
    reason: t('manage.call.closeReason'),
  };
  const can = managed?.can;
  // A locked part is shown as it stands and sent back unchanged (hidden inputs), so saving the
  // parts still open never reads as a change to it.
  const locked = (open: boolean | undefined) => !!can && !open;
  const keep = (names: string[]) =>
    names.flatMap((name) =>
      (Array.isArray(v[name]) ? (v[name] as string[]) : [s(name)]).map((value) => (
        <input type="hidden" name={name} value={value} />
      )),
    );
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
      <RefusalSummary ctx={ctx} refusals={refusals} />
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
        {locked(can?.editBudget) ? (
          <LockedPart ctx={ctx} legend={t('manage.call.money')}>
            {keep(['budget', 'grantMin', 'grantMax', 'coFundingMaxPercent'])}
            <p>
              {labels.budget}: {s('budget')}
            </p>
          </LockedPart>
        ) : (
          <fieldset>
            <legend>{t('manage.call.money')}</legend>
            {text('budget', { required: true, hint: t('manage.call.moneyHint') })}
            {text('grantMin')}
            {text('grantMax')}
            {text('coFundingMaxPercent', { hint: t('manage.call.coFundingHint') })}
          </fieldset>
        )}
        {locked(can?.editDates) ? (
          <LockedPart ctx={ctx} legend={t('manage.call.dates')}>
            {keep(['opensDate', 'opensTime', 'closesDate', 'closesTime'])}
            <p>
              {labels.closesDate}: {s('closesDate')} {s('closesTime')}
            </p>
          </LockedPart>
        ) : (
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
        )}
        {locked(can?.editPublics) ? (
          <LockedPart ctx={ctx} legend={t('manage.call.targetPublics')}>
            {keep(['targetPublics', 'activityTypes'])}
          </LockedPart>
        ) : (
          <>
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
          </>
        )}
        {managed && <CorrectionNote ctx={ctx} managed={managed} values={v} errors={errors} />}
        <button type="submit">{managed ? t('manage.call.save') : t('manage.call.create')}</button>
      </Form>
    </Layout>
  );
}

const LANGUAGE_NAMES: Record<Locale, MessageKey> = {
  fr: 'admin.funder.language.fr',
  nl: 'admin.funder.language.nl',
  en: 'admin.funder.language.en',
};
const PART_NAMES: Record<MissingTranslation['part'], MessageKey> = {
  texts: 'call.part.texts',
  criteria: 'call.part.criteria',
  form: 'call.part.form',
  documents: 'call.part.documents',
};
const TEXT_NAMES = {
  title: 'manage.call.textTitle',
  summary: 'manage.call.textSummary',
  description: 'manage.call.textDescription',
} as const;

/** A part of the call that no longer changes, shown as it stands. */
function LockedPart({ ctx, legend, children }: { ctx: ViewContext; legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="locked">
      <legend>{legend}</legend>
      <p class="hint">{ctx.t('manage.call.locked')}</p>
      {children}
    </fieldset>
  );
}

/** The call's steps, its status, what stops publication, and the actions its state allows. */
export function CallManagementBar({ ctx, managed }: { ctx: ViewContext; managed: CallForManagement }) {
  const { t, locale } = ctx;
  const c = managed.call;
  return (
    <section class="card" aria-labelledby="call-status-title">
      <h2 id="call-status-title">
        {t('call.status')}
        {colon(locale)} {t(`call.status.${c.status}` as MessageKey)}
      </h2>
      <CallNav ctx={ctx} call={c} />
      {c.status === 'draft' &&
        (managed.publishProblems.length ? (
          <>
            <p>{t('manage.call.cannotPublish')}</p>
            <ul>
              {managed.publishProblems.map((p) => (
                <li>{t(PUBLISH_REFUSALS[p])}</li>
              ))}
            </ul>
            {managed.missingTranslations.length > 0 && (
              <ul class="missing-translations">
                {managed.missingTranslations.map((m) => (
                  <li>
                    {t('manage.call.missingTranslation', {
                      lang: t(LANGUAGE_NAMES[m.lang]),
                      part: t(PART_NAMES[m.part]),
                      what:
                        m.what === 'title' || m.what === 'summary' || m.what === 'description'
                          ? t(TEXT_NAMES[m.what])
                          : m.what,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          managed.can.publish && (
            <Form ctx={ctx} action={`/manage/calls/${c.id}/publish`}>
              <button type="submit">{t('manage.call.publish')}</button>
            </Form>
          )
        ))}
      {managed.can.closeEarly && (
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
