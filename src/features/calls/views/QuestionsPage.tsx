import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, FileInput, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { MAX_ANSWER_LENGTH, MAX_DOCUMENT_LABEL_LENGTH, MAX_QUESTION_LENGTH } from '../forms.ts';
import type { CallForManagement } from '../service.ts';
import { CallManagementBar } from './CallEditorPage.tsx';

interface Props {
  ctx: ViewContext;
  managed: CallForManagement;
  pending: { id: string; question: string; askedAt: Date }[];
  published: { id: string; question: string; answer: string }[];
  documents: { id: string; label: Translated; name: string }[];
  documentErrors?: FieldErrors;
  /** A refused answer: to which question, and why. */
  answerErrors?: { questionId: string; errors: FieldErrors } | undefined;
}

/** The officer's desk for what applicants see beside the call: questions to answer, documents to publish. */
export function QuestionsPage({
  ctx,
  managed,
  pending,
  published,
  documents,
  documentErrors = {},
  answerErrors,
}: Props) {
  const { t, locale } = ctx;
  const base = `/manage/calls/${managed.call.id}`;
  return (
    <Layout ctx={ctx} title={t('manage.questions.title')}>
      <p>
        <a href={base}>{inLocale(managed.call.title, locale)}</a>
      </p>
      <h1>{t('manage.questions.title')}</h1>
      <CallManagementBar ctx={ctx} managed={managed} />
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('manage.questions.pending')}</h2>
        {pending.length === 0 && <p>{t('manage.questions.none')}</p>}
        {pending.map((q, i) => {
          const errors = answerErrors?.questionId === q.id ? answerErrors.errors : {};
          return (
            <Form ctx={ctx} action={`${base}/questions/${q.id}/answer`} class="card">
              <p class="hint">{t('manage.questions.askedAt', { at: formatInstant(q.askedAt, locale) })}</p>
              <Textarea
                ctx={ctx}
                name="question"
                label={t('manage.questions.question', { n: i + 1 })}
                value={q.question}
                rows={3}
                hint={t('manage.questions.rewordHint')}
                maxLength={MAX_QUESTION_LENGTH}
                error={errors.question}
              />
              <Textarea
                ctx={ctx}
                name="answer"
                label={t('manage.questions.answer', { n: i + 1 })}
                required
                rows={4}
                maxLength={MAX_ANSWER_LENGTH}
                error={errors.answer}
              />
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
              <dt>{q.question}</dt>
              <dd>{q.answer}</dd>
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
              <Form ctx={ctx} action={`${base}/documents/${d.id}/remove`} class="inline">
                <button
                  type="submit"
                  class="secondary small"
                  aria-label={`${t('manage.form.remove')}: ${inLocale(d.label, locale)}`}
                >
                  {t('manage.form.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
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
      </section>
    </Layout>
  );
}
