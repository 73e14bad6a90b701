import { colon } from '../../../platform/i18n/i18n.ts';
import { FUNDER_LABELS, LANGUAGES } from '../../../domain/directory/brusselsCodelists.ts';
import type { CodeList } from '../../../domain/directory/codelist.ts';
import {
  ACCESS_MODES,
  FEES,
  HELP_MODES,
  MOBILITY,
  PUBLICS,
  SERVICES,
  SUPPORTS,
} from '../../../domain/directory/mediationCodelists.ts';
import { PLACE_EVENTS } from '../../../domain/directory/placeLifecycle.ts';
import { COMMUNES } from '../../../domain/referenceData.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  Form,
  RefusalSummary,
  Select,
  Textarea,
  type FieldError,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ScopedPlace } from '../service.ts';
import { DirectoryStyles } from './placeBits.tsx';

function Checkboxes({
  ctx,
  name,
  legend,
  list,
  checked,
  error,
}: {
  ctx: ViewContext;
  name: string;
  legend: string;
  list: CodeList<string>;
  checked: readonly string[];
  error?: FieldError | undefined;
}) {
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={`field-${name}`}>
      <legend>{legend}</legend>
      {error && <p class="error">{ctx.t(error.key, error.values)}</p>}
      <div class="choices">
        {list.map((c, i) => (
          <div class="choice">
            <input type="checkbox" id={`${name}-${i}`} name={name} value={c.key} checked={checked.includes(c.key)} />
            <label for={`${name}-${i}`}>{c.label[ctx.locale]}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export interface PlaceEditorProps {
  ctx: ViewContext;
  /** Where the form is sent. */
  action: string;
  title: string;
  values: Record<string, string | string[]>;
  errors?: FieldErrors | undefined;
  refusals?: readonly MessageKey[] | undefined;
  /** For a new place: the funders who may review it (the first is chosen by default). */
  funders?: { id: string; name: Translated }[] | undefined;
  /** For an existing place: its actions, by what the actor may do. */
  scoped?: ScopedPlace | undefined;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  funderId: 'directory.form.funder',
  name: 'directory.form.name',
  organisation: 'directory.form.organisation',
  enterpriseNumber: 'directory.form.enterpriseNumber',
  summaryFr: 'directory.form.summaryFr',
  summaryNl: 'directory.form.summaryNl',
  summaryEn: 'directory.form.summaryEn',
  street: 'directory.form.street',
  complement: 'directory.form.complement',
  postalCode: 'directory.form.postalCode',
  communeNis: 'directory.form.commune',
  phone: 'directory.form.phone',
  email: 'directory.form.email',
  website: 'directory.form.website',
  bookingUrl: 'directory.form.bookingUrl',
  openingHours: 'directory.form.openingHours',
  services: 'directory.form.services',
  publics: 'directory.form.publics',
  supports: 'directory.form.supports',
  fees: 'directory.form.fees',
  accessModes: 'directory.form.accessModes',
  helpModes: 'directory.form.helpModes',
  mobility: 'directory.form.mobility',
  languages: 'directory.form.languages',
  stepFree: 'directory.form.stepFree',
  funderLabels: 'directory.form.funderLabels',
  grantReference: 'directory.form.grantReference',
};

/** Adding or editing a place, with its lifecycle's actions under it; the same page for officers and organisations. */
export function PlaceEditorPage({
  ctx,
  action,
  title,
  values,
  errors = {},
  refusals,
  funders,
  scoped,
}: PlaceEditorProps) {
  const { t, locale } = ctx;
  const v = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  };
  const list = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const text = (name: string, opts: { required?: boolean; type?: 'text' | 'email' | 'url'; hint?: string } = {}) => (
    <Field
      ctx={ctx}
      name={name}
      label={t(FIELD_LABELS[name]!)}
      value={v(name)}
      required={opts.required}
      type={opts.type}
      hint={opts.hint}
      error={errors[name]}
    />
  );
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, key]) => [k, t(key)]));
  const editable = !scoped || scoped.can.edit || scoped.can.correct;
  const id = scoped?.record.place.id;
  return (
    <Layout ctx={ctx} title={title}>
      <DirectoryStyles />
      <h1>{title}</h1>
      {scoped && (
        <p>
          {t('directory.manage.state')}
          {colon(locale)} <strong>{t(`directory.state.${scoped.record.state}` as MessageKey)}</strong>
          {' · '}
          <a href={`/help/places/${encodeURIComponent(id!)}`}>{t('directory.manage.publicPage')}</a>
        </p>
      )}
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      {scoped && (
        <div class="actions">
          {PLACE_EVENTS.filter((e) => scoped.can[e]).map((event) => (
            <Form ctx={ctx} action={`/manage/places/${encodeURIComponent(id!)}/${event}`}>
              <button type="submit">{t(`directory.action.${event}`)}</button>
            </Form>
          ))}
          {scoped.can.markChecked && (
            <Form ctx={ctx} action={`/manage/places/${encodeURIComponent(id!)}/checked`}>
              <button type="submit" class="secondary">
                {t('directory.action.markChecked')}
              </button>
            </Form>
          )}
        </div>
      )}
      {editable && (
        <Form ctx={ctx} action={action}>
          {scoped && <input type="hidden" name="version" value={String(scoped.record.version)} />}
          {funders && (
            <Select
              ctx={ctx}
              name="funderId"
              label={t('directory.form.funder')}
              value={v('funderId')}
              options={funders.map((f) => ({ value: f.id, label: inLocale(f.name, locale) }))}
              error={errors.funderId}
            />
          )}
          <fieldset>
            <legend>{t('directory.form.identity')}</legend>
            {text('name', { required: true })}
            {text('organisation')}
            {text('enterpriseNumber', { required: true })}
            {(['summaryFr', 'summaryNl', 'summaryEn'] as const).map((name) => (
              <Textarea
                ctx={ctx}
                name={name}
                label={t(FIELD_LABELS[name]!)}
                value={v(name)}
                rows={3}
                maxLength={280}
                required={name === 'summaryFr'}
                hint={t('directory.form.summaryHint')}
                error={errors[name]}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('directory.form.address')}</legend>
            {text('street', { required: true })}
            {text('complement')}
            {text('postalCode', { required: true })}
            <Select
              ctx={ctx}
              name="communeNis"
              label={t('directory.form.commune')}
              value={v('communeNis')}
              options={[
                { value: '', label: '—' },
                ...COMMUNES.map((c) => ({ value: c.nis, label: `${c.fr} / ${c.nl}` })),
              ]}
              error={errors.communeNis}
            />
          </fieldset>
          <fieldset>
            <legend>{t('directory.form.contact')}</legend>
            {text('phone')}
            {text('email', { type: 'email' })}
            {text('website', { type: 'url' })}
            {text('bookingUrl', { type: 'url' })}
          </fieldset>
          {text('openingHours', { hint: t('directory.form.openingHoursHint') })}
          <Checkboxes
            ctx={ctx}
            name="services"
            legend={t('directory.form.services')}
            list={SERVICES}
            checked={list('services')}
            error={errors.services}
          />
          <Checkboxes
            ctx={ctx}
            name="publics"
            legend={t('directory.form.publics')}
            list={PUBLICS}
            checked={list('publics')}
            error={errors.publics}
          />
          <Checkboxes
            ctx={ctx}
            name="supports"
            legend={t('directory.form.supports')}
            list={SUPPORTS}
            checked={list('supports')}
            error={errors.supports}
          />
          <Checkboxes
            ctx={ctx}
            name="languages"
            legend={t('directory.form.languages')}
            list={LANGUAGES}
            checked={list('languages')}
            error={errors.languages}
          />
          <Checkboxes
            ctx={ctx}
            name="fees"
            legend={t('directory.form.fees')}
            list={FEES}
            checked={list('fees')}
            error={errors.fees}
          />
          <Checkboxes
            ctx={ctx}
            name="accessModes"
            legend={t('directory.form.accessModes')}
            list={ACCESS_MODES}
            checked={list('accessModes')}
            error={errors.accessModes}
          />
          <Checkboxes
            ctx={ctx}
            name="helpModes"
            legend={t('directory.form.helpModes')}
            list={HELP_MODES}
            checked={list('helpModes')}
            error={errors.helpModes}
          />
          <Checkboxes
            ctx={ctx}
            name="mobility"
            legend={t('directory.form.mobility')}
            list={MOBILITY}
            checked={list('mobility')}
            error={errors.mobility}
          />
          <Select
            ctx={ctx}
            name="stepFree"
            label={t('directory.form.stepFree')}
            value={v('stepFree')}
            options={[
              { value: '', label: t('directory.place.stepFreeUnknown') },
              { value: 'yes', label: t('directory.place.stepFreeYes') },
              { value: 'no', label: t('directory.place.stepFreeNo') },
            ]}
            error={errors.stepFree}
          />
          <Checkboxes
            ctx={ctx}
            name="funderLabels"
            legend={t('directory.form.funderLabels')}
            list={FUNDER_LABELS}
            checked={list('funderLabels')}
            error={errors.funderLabels}
          />
          {text('grantReference')}
          <button type="submit">{t('directory.action.save')}</button>
        </Form>
      )}
    </Layout>
  );
}
