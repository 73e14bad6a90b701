import type { CallStatus } from '../../../domain/callLifecycle.ts';
import { formatInstant, isBeforeDeadline, timeRemaining } from '../../../domain/brusselsTime.ts';
import { inLocale, type Translated } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import { Paragraphs } from '../../../platform/views/Paragraphs.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { MAX_QUESTION_LENGTH } from '../forms.ts';
import type { PublicCall } from '../service.ts';
import { CallFacts } from './CallFacts.tsx';

export interface CallPageData {
  call: PublicCall;
  documents: { id: string; label: Translated; name: string; sizeBytes: number }[];
  questions: { id: string; question: string; answer: string; publishedAt: Date }[];
}

/** Once results are published they stay public through the grants' follow-up and the archive. */
const RESULTS_PUBLIC: readonly CallStatus[] = ['results-published', 'follow-up', 'archived'];

/** A call as applicants read it: what it funds, who may apply, the deadline and its countdown, documents, Q&A. */
export function CallPage({
  ctx,
  data,
  now = new Date(),
  questionForm,
}: {
  ctx: ViewContext;
  data: CallPageData;
  now?: Date;
  questionForm?: { value: string; errors: FieldErrors };
}) {
  const { t, locale } = ctx;
  const { call } = data;
  const title = inLocale(call.title, locale);
  const open = call.status === 'published' && !!call.closesAt && isBeforeDeadline(now, call.closesAt);
  const left = call.closesAt ? timeRemaining(now, call.closesAt) : null;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {t('call.funder')}: {inLocale(call.funderName, locale)}
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{inLocale(call.summary, locale)}</strong>
      </p>
      <CallFacts ctx={ctx} call={call} />
      {RESULTS_PUBLIC.includes(call.status) && (
        <p class="card">
          <a href={`/calls/${call.id}/results`}>{t('call.resultsLink')}</a>
        </p>
      )}
      {open && left && call.closesAt && (
        <p class="countdown">
          {t('call.countdown', {
            days: left.days,
            hours: left.hours,
            minutes: left.minutes,
            deadline: formatInstant(call.closesAt, locale),
          })}
        </p>
      )}
      {open && (
        <p>
          <a class="button" href={`/calls/${call.id}/apply`}>
            {t('call.apply')}
          </a>
        </p>
      )}
      <Paragraphs text={inLocale(call.description, locale)} />
      {call.eligibilityCriteria.length > 0 && (
        <section aria-labelledby="eligibility-title">
          <h2 id="eligibility-title">{t('manage.criteria.eligibility')}</h2>
          <ul>
            {call.eligibilityCriteria.map((c) => (
              <li>
                <strong>{inLocale(c.label, locale)}</strong>
                {inLocale(c.explanation, locale) && <> — {inLocale(c.explanation, locale)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {call.evaluationCriteria.length > 0 && (
        <section aria-labelledby="evaluation-title">
          <h2 id="evaluation-title">{t('manage.criteria.evaluation')}</h2>
          <ul>
            {call.evaluationCriteria.map((c) => (
              <li>
                {inLocale(c.name, locale)} ({t('call.criterionPoints', { max: c.maxScore, weight: c.weight })})
              </li>
            ))}
          </ul>
        </section>
      )}
      {(call.requiredDocuments.length > 0 || data.documents.length > 0) && (
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{t('call.documents')}</h2>
          {call.requiredDocuments.length > 0 && (
            <>
              <p>{t('call.requiredDocuments')}</p>
              <ul>
                {call.requiredDocuments.map((d) => (
                  <li>{inLocale(d.label, locale)}</li>
                ))}
              </ul>
            </>
          )}
          {data.documents.length > 0 && (
            <ul>
              {data.documents.map((d) => (
                <li>
                  <a href={`/calls/${call.id}/documents/${d.id}`}>{inLocale(d.label, locale)}</a> ({d.name},{' '}
                  {t('call.size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="questions-title" id="questions">
        <h2 id="questions-title">{t('call.questions')}</h2>
        {data.questions.length === 0 ? (
          <p>{t('call.noQuestions')}</p>
        ) : (
          <dl class="questions">
            {data.questions.map((q) => (
              <>
                <dt>{q.question}</dt>
                <dd>{q.answer}</dd>
              </>
            ))}
          </dl>
        )}
        {open &&
          (ctx.actor ? (
            <Form ctx={ctx} action={`/calls/${call.id}/questions`}>
              <Textarea
                ctx={ctx}
                name="question"
                label={t('call.ask')}
                hint={t('call.askHint')}
                value={questionForm?.value}
                error={questionForm?.errors.question}
                required
                maxLength={MAX_QUESTION_LENGTH}
                rows={3}
              />
              <button type="submit">{t('call.askSubmit')}</button>
            </Form>
          ) : (
            <p>
              <a href={`/sign-in?next=${encodeURIComponent(`/calls/${call.id}#questions`)}`}>{t('call.signInToAsk')}</a>
            </p>
          ))}
      </section>
    </Layout>
  );
}
