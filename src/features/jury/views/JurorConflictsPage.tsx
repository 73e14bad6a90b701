import { colon } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, Textarea } from '../../../platform/views/forms.tsx';
import type { ConflictsView } from '../service.ts';
import { Notice } from './JuryNav.tsx';
import type { FormState } from './JuryPage.tsx';
import { TargetSelect } from './JuryProgress.tsx';

/** The juror's conflicts of interest on a call, and the form to declare one more. */
export function JurorConflictsPage({
  ctx,
  view,
  form,
  notice,
}: {
  ctx: ViewContext;
  view: ConflictsView;
  form?: FormState;
  notice?: { key: MessageKey };
}) {
  const { t, locale } = ctx;
  const callTitle = inLocale(view.call.title, locale);
  const labels = { target: t('jury.conflict.target'), reason: t('jury.conflict.reason') };
  return (
    <Layout ctx={ctx} title={`${t('jury.conflicts.mineTitle')} — ${callTitle}`}>
      <p>
        <a href="/jury">{t('jury.mine.title')}</a>
      </p>
      <h1>{t('jury.conflicts.mineTitle')}</h1>
      <p>{callTitle}</p>
      <Notice ctx={ctx} notice={notice} />
      <p>{t('jury.conflicts.mineIntro')}</p>
      {view.mine.length === 0 ? (
        <p>{t('jury.conflicts.mineNone')}</p>
      ) : (
        <ul>
          {view.mine.map((c) => (
            <li>
              {t(`jury.conflict.kind.${c.kind}` as MessageKey)}
              {colon(locale)} <strong>{c.target}</strong> — {c.reason} ({formatInstant(c.declaredAt, locale)})
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="declare-title">
        <h2 id="declare-title">{t('jury.conflict.declareTitle')}</h2>
        {view.applications.length === 0 ? (
          <p>{t('jury.progress.none')}</p>
        ) : (
          <>
            <ErrorSummary ctx={ctx} errors={form?.errors ?? {}} labels={labels} />
            <Form ctx={ctx} action={`/jury/calls/${view.call.id}/conflicts`}>
              <TargetSelect
                ctx={ctx}
                applications={view.applications}
                organisations={view.organisations}
                value={form?.values.target}
                error={form?.errors.target}
              />
              <Textarea
                ctx={ctx}
                name="reason"
                label={labels.reason}
                value={form?.values.reason}
                error={form?.errors.reason}
                required
                rows={3}
                maxLength={1000}
                hint={t('jury.conflict.reasonHint')}
              />
              <button type="submit">{t('jury.conflict.declare')}</button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}
