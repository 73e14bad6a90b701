import { colon } from '../../../platform/i18n/i18n.ts';
import { ApplicationWindowNotice } from './ApplicationWindowNotice.tsx';
import { formatInstant, timeRemaining } from '../../../domain/brusselsTime.ts';
import { inLocale, localized } from '../../../domain/translated.ts';
import { Localized } from '../../../platform/views/Localized.tsx';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import { Paragraphs } from '../../../platform/views/Paragraphs.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { CallPart } from '../../../domain/callLifecycle.ts';
import { MAX_QUESTION_LENGTH } from '../forms.ts';
import type { PublicCallPage } from '../service.ts';
import { CallFacts } from './CallFacts.tsx';

const PART_NAMES: Record<CallPart, MessageKey> = {
  texts: 'call.part.texts',
  dates: 'call.part.dates',
  budget: 'call.part.budget',
  publics: 'call.part.publics',
  criteria: 'call.part.criteria',
  form: 'call.part.form',
  documents: 'call.part.documents',
  jury: 'call.part.jury',
};

/** A call as applicants read it: what it funds, who may apply, the deadline and its countdown, documents, Q&A. */
export function CallPage({
  ctx,
  data,
  now = new Date(),
  questionForm,
}: {
  ctx: ViewContext;
  data: PublicCallPage;
  now?: Date;
  questionForm?: { value: string; errors: FieldErrors };
}) {
  const { t, locale } = ctx;
  const { record: call, can } = data.scoped;
  const title = inLocale(call.title, locale);
  const open = data.acceptsApplications;
  const left = call.closesAt ? timeRemaining(now, call.closesAt) : null;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {t('call.funder')}
        {colon(locale)} <Localized ctx={ctx} text={call.funderName} />
      </p>
      <h1>
        <Localized ctx={ctx} text={call.title} />
      </h1>
      <p>
        <strong>
          <Localized ctx={ctx} text={call.summary} />
        </strong>
      </p>
      <CallFacts ctx={ctx} call={call} />
      {can.seeResults && (
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
      {!open && <ApplicationWindowNotice ctx={ctx} call={call} now={now} />}
      {open && (
        <p>
          <a class="button" href={`/calls/${call.id}/apply`}>
            {t('call.apply')}
          </a>
        </p>
      )}
      <div lang={localized(call.description, locale).lang}>
        <Paragraphs text={localized(call.description, locale).text} />
      </div>
      {call.eligibilityCriteria.length > 0 && (
        <section aria-labelledby="eligibility-title">
          <h2 id="eligibility-title">{t('manage.criteria.eligibility')}</h2>
          <ul>
            {call.eligibilityCriteria.map((c) => (
              <li>
                <strong>
                  <Localized ctx={ctx} text={c.label} />
                </strong>
                {c.explanation.fr.trim() && (
                  <>
                    {' '}
                    — <Localized ctx={ctx} text={c.explanation} />
                  </>
                )}
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
                <Localized ctx={ctx} text={c.name} /> (
                {t('call.criterionPoints', { max: c.maxScore, weight: c.weight })})
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
                  <li>
                    <Localized ctx={ctx} text={d.label} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.documents.length > 0 && (
            <ul>
              {data.documents.map((d) => (
                <li>
                  <a href={`/calls/${call.id}/documents/${d.id}`}>
                    <Localized ctx={ctx} text={d.label} />
                  </a>{' '}
                  ({d.name}, {t('call.size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {data.corrections.length > 0 && (
        <section aria-labelledby="corrections-title" class="corrections">
          <h2 id="corrections-title">{t('call.corrections.title')}</h2>
          <p>{t('call.corrections.intro')}</p>
          <ul>
            {data.corrections.map((c) => (
              <li>
                {t('call.corrections.entry', {
                  date: formatInstant(c.correctedAt, locale),
                  parts: c.parts.map((p) => t(PART_NAMES[p])).join(', '),
                })}
                {c.note.fr.trim() && (
                  <>
                    <br />
                    <Localized ctx={ctx} text={c.note} />
                  </>
                )}
              </li>
            ))}
          </ul>
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
                <dt>
                  <Localized ctx={ctx} text={q.question} />
                </dt>
                <dd>
                  <Localized ctx={ctx} text={q.answer} />
                </dd>
              </>
            ))}
          </dl>
        )}
        {open &&
          (can.ask ? (
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
