import { colon } from '../../../platform/i18n/i18n.ts';
import { MAX_TITLE_LENGTH } from '../../../domain/forms/answers.ts';
import type { RawAnswers } from '../../../domain/forms/definition.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form } from '../../../platform/views/forms.tsx';
import { AnswerFields, answerErrorText, type AnswerError } from '../../forms/AnswerFields.tsx';
import type { ApplicationView } from '../service.ts';
import { assetUrl } from '../../../platform/http/staticAssets.ts';

interface Props {
  ctx: ViewContext;
  view: ApplicationView;
  sectionId: string;
  /** What is shown in the inputs: what was saved, or what the person just typed after a refused save. */
  raw?: RawAnswers;
  errors?: Record<string, AnswerError>;
  /** After a refused save: the other person's answers, the version to save over them, and who. */
  conflict?: { theirs: Record<string, string | undefined>; by: string; version: number };
  /** Files refused (too large, wrong type…), by field id, with their message. */
  fileErrors?: Record<string, MessageKey>;
  /** Why the title sent was not saved. */
  titleError?: AnswerError | null;
}

/**
 * One section of the form. Works without JavaScript (a save button); with it, a small script saves
 * as the person types and says when. Every save names the version it edited. A section with files
 * is one multipart form: its answers and its files are saved together, so nothing typed is lost.
 */
export function SectionPage({ ctx, view, sectionId, raw, errors, conflict, fileErrors = {}, titleError }: Props) {
  const { t, locale } = ctx;
  const a = view.application;
  const sections = view.form.sections;
  const index = sections.findIndex((s) => s.id === sectionId);
  const section = sections[index]!;
  const next = sections[index + 1];
  const base = `/applications/${a.id}`;
  const reopened = view.openReturn ? new Set(view.openReturn.openFields) : null;
  const locked = (fieldId: string) => !view.abilities.edit || (reopened !== null && !reopened.has(fieldId));
  const shownErrors = errors ?? view.errors;
  const errorList = section.fields.filter((f) => shownErrors[f.id] || fileErrors[f.id]);
  const uploads = view.abilities.edit && section.fields.some((f) => f.type === 'file' && !locked(f.id));
  return (
    <Layout ctx={ctx} title={`${inLocale(section.title, locale)} — ${a.title}`}>
      <p>
        <a href={base}>{a.title}</a>
      </p>
      <h1>{inLocale(section.title, locale)}</h1>
      <p>{t('application.sectionOf', { n: index + 1, total: sections.length })}</p>
      {conflict && (
        <div class="error-summary" role="alert">
          <p>{t('application.conflict', { name: conflict.by })}</p>
        </div>
      )}
      {errorList.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="section-errors-title">
          <h2 id="section-errors-title">{t('form.errorSummary')}</h2>
          <ul>
            {errorList.map((f) => (
              <li>
                <a href={`#answer-${f.id}`}>
                  {inLocale(f.label, locale)}
                  {colon(locale)} {fileErrors[f.id] ? t(fileErrors[f.id]!) : answerErrorText(ctx, shownErrors[f.id]!)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form ctx={ctx} action={`${base}/sections/${section.id}`} class="answers-form" multipart={uploads}>
        <input type="hidden" name="version" value={String(conflict?.version ?? a.version)} data-version />
        {index === 0 && (
          <Field
            ctx={ctx}
            name="title"
            label={t('apply.projectTitle')}
            value={a.title}
            required
            maxLength={MAX_TITLE_LENGTH}
            error={
              titleError
                ? { key: `answer.error.${titleError.code}` as MessageKey, values: titleError.values }
                : undefined
            }
          />
        )}
        <AnswerFields
          ctx={ctx}
          fields={section.fields}
          raw={raw ?? a.rawAnswers}
          errors={shownErrors}
          publics={view.context.publics}
          files={view.files}
          locked={locked}
          theirs={conflict?.theirs}
          uploads={uploads}
          fileErrors={fileErrors}
        />
        {view.abilities.edit && (
          <div class="form-actions" data-autosave-url={`${base}/sections/${section.id}/autosave`}>
            <button type="submit" name="then" value="stay">
              {t('application.save')}
            </button>
            {next && (
              <button type="submit" name="then" value="next" class="secondary">
                {t('application.saveAndNext')}
              </button>
            )}
            <p
              class="save-status"
              role="status"
              aria-live="polite"
              data-saved-text={t('application.savedAt', { time: '{time}' })}
              data-conflict-text={t('application.autosaveConflict')}
              data-error-text={t('application.autosaveFailed')}
            />
          </div>
        )}
      </Form>
      <script src={assetUrl('autosave.js')} defer></script>
    </Layout>
  );
}
