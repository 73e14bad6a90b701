// A submitted application as a tagged PDF: the answers frozen at its last submission, section by
// section, and the attachments listed with their SHA-256, so that what was sent can be proven.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Answers, FormDefinition } from '../../domain/forms/definition.ts';
import { inLocale } from '../../domain/translated.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { renderPdf, type PdfBlock } from '../../platform/pdf/renderPdf.ts';
import { users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import type { Term } from '../forms/AnswerFields.tsx';
import { answerAsText } from '../forms/AnswersView.tsx';
import { applicationFor } from './access.ts';
import type { ApplicationsDeps } from './deps.ts';
import { applicationFiles, applicationSubmissions } from './schema.ts';

export interface SubmittedApplication {
  reference: string | null;
  title: string;
  callTitle: { fr: string; nl?: string; en?: string };
  organisationName: string;
  form: FormDefinition;
  publics: readonly Term[];
  answers: Answers;
  sha256: string;
  submittedAt: Date;
  submittedBy: string;
  attachments: { fieldId: string; name: string; sizeBytes: number; sha256: string }[];
}

/**
 * What the PDF of a submitted application shows, for its organisation's members and the call's
 * officers (the `downloadPdf` ability: once submitted); anyone else gets "not found". The answers are
 * those of the last submission, never a returned application's answers being completed.
 */
export async function submittedApplication(
  deps: ApplicationsDeps,
  actor: MaybeActor,
  id: string,
): Promise<SubmittedApplication> {
  const { application } = await applicationFor(deps, actor, id, 'downloadPdf');
  const [last] = await deps.db
    .select({
      formId: applicationSubmissions.formId,
      answers: applicationSubmissions.answers,
      sha256: applicationSubmissions.sha256,
      submittedAt: applicationSubmissions.submittedAt,
      submittedBy: users.displayName,
    })
    .from(applicationSubmissions)
    .innerJoin(users, eq(users.id, applicationSubmissions.submittedBy))
    .where(eq(applicationSubmissions.applicationId, application.id))
    .orderBy(desc(applicationSubmissions.submittedAt))
    .limit(1);
  if (!last) throw new NotFoundError('application');
  const context = await deps.calls.applicationContext(application.callId);
  const attachments = await deps.db
    .select({ fieldId: applicationFiles.fieldId, name: files.name, sizeBytes: files.sizeBytes, sha256: files.sha256 })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(and(eq(applicationFiles.applicationId, application.id)))
    .orderBy(asc(files.createdAt));
  const names = await deps.organisations.names([application.organisationId]);
  return {
    reference: application.reference,
    title: application.title,
    callTitle: context.call.title,
    organisationName: names.get(application.organisationId)?.name ?? '',
    form: await deps.calls.formById(last.formId),
    publics: context.publics,
    answers: last.answers,
    sha256: last.sha256,
    submittedAt: last.submittedAt,
    submittedBy: last.submittedBy,
    attachments,
  };
}

/** The PDF itself, in the reader's language; the same submission gives the same bytes. */
export async function submittedApplicationPdf(
  s: SubmittedApplication,
  i18n: { t: Translate; locale: Locale },
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const { t, locale } = i18n;
  const blocks: PdfBlock[] = [
    { type: 'heading', level: 1, text: s.title },
    {
      type: 'table',
      header: [t('applicants.pdf.fact'), t('applicants.pdf.value')],
      rows: [
        [t('dashboard.call'), inLocale(s.callTitle, locale)],
        [t('apply.organisation'), s.organisationName],
        ...(s.reference ? [[t('receipt.reference'), s.reference]] : []),
        [t('applicants.pdf.submitted'), `${formatInstant(s.submittedAt, locale)} — ${s.submittedBy}`],
        ['SHA-256', s.sha256],
      ],
    },
  ];
  for (const section of s.form.sections) {
    blocks.push({ type: 'heading', level: 2, text: inLocale(section.title, locale) });
    for (const field of section.fields) {
      const files = s.attachments.filter((a) => a.fieldId === field.id);
      const text =
        field.type === 'file'
          ? files.length
            ? files.map((f) => f.name).join(', ')
            : t('answer.none')
          : answerAsText(i18n, field, s.answers[field.id] ?? null, s.publics);
      blocks.push({ type: 'paragraph', text: `${inLocale(field.label, locale)}\n${text}` });
    }
  }
  blocks.push({ type: 'heading', level: 2, text: t('applicants.pdf.attachments') });
  blocks.push(
    s.attachments.length
      ? {
          type: 'table',
          header: [t('applicants.pdf.file'), t('applicants.pdf.size'), 'SHA-256'],
          rows: s.attachments.map((a) => [a.name, `${Math.ceil(a.sizeBytes / 1024)} KB`, a.sha256]),
          align: ['left', 'right', 'left'],
        }
      : { type: 'paragraph', text: t('applicants.pdf.noAttachments') },
  );
  const bytes = await renderPdf({
    lang: locale === 'en' ? 'en' : `${locale}-BE`,
    title: s.reference ? `${s.reference} — ${s.title}` : s.title,
    author: s.organisationName,
    subject: inLocale(s.callTitle, locale),
    createdAt: s.submittedAt,
    blocks,
  });
  return { name: `${s.reference ?? 'application'}.pdf`, mime: 'application/pdf', bytes };
}
