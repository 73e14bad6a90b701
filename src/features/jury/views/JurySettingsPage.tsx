import { inLocale } from '../../../domain/translated.ts';
import type { JurySettings } from '../../../domain/jurySettings.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { CallForManagement } from '../../calls/service.ts';
import { JuryNav, Notice } from './JuryNav.tsx';

interface Props {
  ctx: ViewContext;
  managed: CallForManagement;
  values?: Record<string, string>;
  errors?: FieldErrors;
  stale?: boolean;
}

/** The settings as the form shows them. */
export function settingsValues(settings: JurySettings): Record<string, string> {
  return {
    reviewersPerApplication: String(settings.reviewersPerApplication),
    defaultCapacity: String(settings.defaultCapacity),
    hideOthersUntilSubmitted: settings.hideOthersUntilSubmitted ? 'yes' : '',
    halfPoints: settings.halfPoints ? 'yes' : '',
    ...Object.fromEntries(settings.tieBreaks.map((id, i) => [`tieBreak.${i}`, id])),
  };
}

/** How the call's jury works: k, capacity, anonymity of others' scores, half points, tie-breaks. */
export function JurySettingsPage({ ctx, managed, values, errors = {}, stale }: Props) {
  const { t, locale } = ctx;
  const v = values ?? settingsValues(managed.call.jurySettings);
  const criteria = managed.call.evaluationCriteria;
  const labels = {
    reviewersPerApplication: t('jury.settings.k'),
    defaultCapacity: t('jury.settings.capacity'),
    tieBreak: t('jury.settings.tieBreaks'),
  };
  return (
    <Layout ctx={ctx} title={`${t('jury.settings.title')} — ${inLocale(managed.call.title, locale)}`}>
      <JuryNav ctx={ctx} managed={managed} current="settings" />
      <h1>{t('jury.settings.title')}</h1>
      {stale && <Notice ctx={ctx} notice={{ key: 'manage.call.stale' }} />}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={`/manage/calls/${managed.call.id}/jury/settings`}>
        <input type="hidden" name="version" value={String(managed.call.version)} />
        <Field
          ctx={ctx}
          name="reviewersPerApplication"
          label={labels.reviewersPerApplication}
          value={v.reviewersPerApplication}
          error={errors.reviewersPerApplication}
          required
          hint={t('jury.settings.kHint')}
        />
        <Field
          ctx={ctx}
          name="defaultCapacity"
          label={labels.defaultCapacity}
          value={v.defaultCapacity}
          error={errors.defaultCapacity}
          required
          hint={t('jury.settings.capacityHint')}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="field-hideOthersUntilSubmitted"
            name="hideOthersUntilSubmitted"
            value="yes"
            checked={v.hideOthersUntilSubmitted === 'yes'}
          />
          <label for="field-hideOthersUntilSubmitted">{t('jury.settings.hideOthers')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="field-halfPoints" name="halfPoints" value="yes" checked={v.halfPoints === 'yes'} />
          <label for="field-halfPoints">{t('jury.settings.halfPoints')}</label>
        </div>
        <fieldset id="field-tieBreak" class={errors.tieBreak ? 'field field-error' : 'field'}>
          <legend>{labels.tieBreak}</legend>
          <p class="hint">{criteria.length ? t('jury.settings.tieBreaksHint') : t('jury.settings.noCriteria')}</p>
          {errors.tieBreak && <p class="error">{t(errors.tieBreak.key)}</p>}
          {criteria.map((_, i) => (
            <div class="field">
              <label for={`field-tieBreak-${i}`}>{t('jury.settings.tieBreakRank', { rank: i + 1 })}</label>
              <select id={`field-tieBreak-${i}`} name={`tieBreak.${i}`}>
                <option value="">{t('jury.settings.tieBreakNone')}</option>
                {criteria.map((c) => (
                  <option value={c.id} selected={v[`tieBreak.${i}`] === c.id}>
                    {inLocale(c.name, locale)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('jury.settings.save')}</button>
      </Form>
    </Layout>
  );
}
