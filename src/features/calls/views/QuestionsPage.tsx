import { colon } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  FileInput,
  Form,
  LANGUAGE_SUFFIX,
  RefusalSummary,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import type { Locale } from '../../../domain/locale.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Localized } from '../../../platform/views/Localized.tsx';
import { MAX_ANSWER_LENGTH, MAX_DOCUMENT_LABEL_LENGTH, MAX_QUESTION_LENGTH } from '../forms.ts';
import type { CallForManagement, PendingQuestion, PublishedQuestion } from '../service.ts';
import { CallManagementBar } from './CallEditorPage.tsx';

const LANGUAGE_LABELS: Record<Locale, { question: MessageKey; answer: MessageKey }> = {
  fr: { question: 'manage.questions.questionFr', answer: 'manage.questions.answerFr' },
  nl: { question: 'manage.questions.questionNl', answer: 'manage.questions.answerNl' },
  en: { question: 'manage.questions.questionEn', answer: 'manage.questions.answerEn' },
};

interface Props {
  ctx: ViewContext;
  managed: CallForManagement;
  pending: PendingQuestion[];
  published: PublishedQuestion[];
  documents: { id: string; label: Translated; name: string }[];
  documentErrors?: FieldErrors | undefined;
  /** A refused answer: to which question, what was typed, and why. */
  answer?: { questionId: string; values: Record<string, string>; errors: FieldErrors } | undefined;
  refusals?: MessageKey[] | undefined;
}

/**
 * The officer's desk for what applicants see beside the call: questions to answer — published with
 * their answer in each of the funder's languages — and documents to publish.
 */
export function QuestionsPage({
  ctx,
  managed,
  pending,
  published,
  documents,
  documentErrors = {},
  answer,
  refusals,
}: Props) {
  const { t, locale } = ctx;
  const base = `/manage/calls/${managed.call.id}`;
  const languages = managed.call.funderLanguages;
  return (
    <Layout ctx={ctx} title={t('manage.questions.title')}>
      <p>
        <a href={base}>{inLocale(managed.call.title, locale)}</a>
      </p>
      <h1>{t('manage.questions.title')}</h1>
      <CallManagementBar ctx={ctx} managed={managed} />
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('manage.questions.pending')}</h2>
        {pending.length === 0 && <p>{t('manage.questions.none')}</p>}
        {managed.can.answerQuestions &&
          pending.map((q, i) => {
            const typed = answer?.questionId === q.id ? answer : undefined;
            const errors = typed?.errors ?? {};
            return (
              <Form ctx={ctx} action={`${base}/questions/${q.id}/answer`} class="card">
                <h3>{t('manage.questions.question', { n: i + 1 })}</h3>
                <p class="hint">{t('manage.questions.askedAt', { at: formatInstant(q.askedAt, locale) })}</p>
                <blockquote lang={q.askedIn}>{q.question}</blockquote>
                <p class="hint">{t('manage.questions.rewordHint')}</p>
                {languages.map((lang) => {
                  const questionField = `question${LANGUAGE_SUFFIX[lang]}`;
                  const answerField = `answer${LANGUAGE_SUFFIX[lang]}`;
                  return (
                    <fieldset>
                      <legend>{t(`admin.funder.language.${lang}` as MessageKey)}</legend>
                      <Textarea
                        ctx={ctx}
                        name={questionField}
                        label={t(LANGUAGE_LABELS[lang].question)}
                        value={typed ? typed.values[questionField] : lang === q.askedIn ? q.question : ''}
                        rows={3}
                        required
                        maxLength={MAX_QUESTION_LENGTH}
                        error={errors[questionField]}
                      />
                      <Textarea
                        ctx={ctx}
                        name={answerField}
                        label={t(LANGUAGE_LABELS[lang].answer)}
                        value={typed?.values[answerField]}
                        required
                        rows={4}
                        maxLength={MAX_ANSWER_LENGTH}
                        error={errors[answerField]}
                      />
                    </fieldset>
                  );
                })}
                <button type="submit">{t('manage.questions.publish')}</button>
              </Form>
            );
          })}
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">{t('manage.questions.published')}</h2>
        <dl class="questions">
          {published.map((q) => (
            <>
              <dt>
                <Localized ctx={ctx} text={q.question} />
              </dt>
              <dd>
                <Localized ctx={ctx} text={q.answer} />
              </dd>
            </>
          ))}
        </dl>
      </section>
      <section aria-labelledby="call-documents-title">
        <h2 id="call-documents-title">{t('call.documents')}</h2>
        <ul>
          {documents.map((d) => (
            <li>
              <a href={`/calls/${managed.call.id}/documents/${d.id}`}>{inLocale(d.label, locale)}</a> ({d.name}){' '}
              {managed.can.editDocuments && (
                <Form ctx={ctx} action={`${base}/documents/${d.id}/remove`} class="inline">
                  <button
                    type="submit"
                    class="secondary small"
                    aria-label={`${t('manage.form.remove')}${colon(locale)} ${inLocale(d.label, locale)}`}
                  >
                    {t('manage.form.remove')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {managed.can.editDocuments && (
          <>
            <ErrorSummary
              ctx={ctx}
              errors={documentErrors}
              labels={{
                labelFr: t('manage.criteria.labelFr'),
                labelNl: t('manage.criteria.labelNl'),
                labelEn: t('manage.criteria.labelEn'),
                file: t('organisation.documentFile'),
              }}
            />
            <Form ctx={ctx} action={`${base}/documents`} multipart>
              <Field
                ctx={ctx}
                name="labelFr"
                label={t('manage.criteria.labelFr')}
                required
                maxLength={MAX_DOCUMENT_LABEL_LENGTH}
                error={documentErrors.labelFr}
              />
              <Field
                ctx={ctx}
                name="labelNl"
                label={t('manage.criteria.labelNl')}
                maxLength={MAX_DOCUMENT_LABEL_LENGTH}
                error={documentErrors.labelNl}
              />
              <Field
                ctx={ctx}
                name="labelEn"
                label={t('manage.criteria.labelEn')}
                maxLength={MAX_DOCUMENT_LABEL_LENGTH}
                error={documentErrors.labelEn}
              />
              <FileInput
                ctx={ctx}
                name="file"
                label={t('organisation.documentFile')}
                hint={t('file.hint')}
                error={documentErrors.file}
              />
              <button type="submit">{t('organisation.upload')}</button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}
