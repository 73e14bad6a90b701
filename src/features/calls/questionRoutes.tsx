import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readMultipart } from '../../platform/http/multipart.ts';
import { refusalMessages, UPLOAD_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import { answerForm, documentForm } from './forms.ts';
import type { CallDocumentRefusal, RemoveCallDocumentRefusal } from './commands/callDocuments.ts';
import type { AnswerQuestionRefusal } from './commands/questions.ts';
import type { CallsService } from './service.ts';
import { QuestionsPage } from './views/QuestionsPage.tsx';

type Id = { Params: { id: string } };

const ANSWER_REFUSALS = {
  archived: 'call.refusal.archived',
  'missing-translations': 'call.refusal.answerTranslations',
} as const satisfies RefusalMessages<AnswerQuestionRefusal>;
const DOCUMENT_REFUSALS = {
  ...UPLOAD_MESSAGES,
  'locked-documents': 'call.refusal.locked-documents',
} as const satisfies RefusalMessages<CallDocumentRefusal | RemoveCallDocumentRefusal>;

/** What applicants see beside a call: the questions an officer answers, the documents published with it. */
export function questionRoutes(service: CallsService) {
  return async function (app: FastifyInstance) {
    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: {
        documentErrors?: FieldErrors;
        answer?: { questionId: string; values: Record<string, string>; errors: FieldErrors };
        refusals?: MessageKey[];
        status?: number;
      } = {},
    ) => {
      const managed = await service.callForManagement(request.actor, id);
      const [pending, published, documents] = await Promise.all([
        service.pendingQuestions(managed.scoped),
        service.publicQuestions(managed.scoped),
        service.documents(managed.scoped),
      ]);
      return reply.page(
        (ctx) => (
          <QuestionsPage
            ctx={ctx}
            managed={managed}
            pending={pending}
            published={published}
            documents={documents}
            documentErrors={opts.documentErrors}
            answer={opts.answer}
            refusals={opts.refusals}
          />
        ),
        opts.status ?? 200,
      );
    };

    app.get<Id>('/manage/calls/:id/questions', recordRoute('call', 'manage'), (request, reply) =>
      page(request, reply, request.params.id),
    );

    app.post<{ Params: { id: string; questionId: string }; Body: Record<string, string | undefined> }>(
      '/manage/calls/:id/questions/:questionId/answer',
      recordRoute('call', 'answerQuestions'),
      async (request, reply) => {
        const { id, questionId } = request.params;
        const values = submittedValues(request.body);
        const form = parseForm(answerForm, request.body);
        if (!form.ok)
          return page(request, reply, id, { answer: { questionId, values, errors: form.errors }, status: 422 });
        const answered = await service.answerQuestion({ actor: request.actor, callId: id, questionId, ...form.data });
        if (!answered.ok)
          return page(request, reply, id, {
            answer: { questionId, values, errors: {} },
            refusals: refusalMessages(answered.refusals, ANSWER_REFUSALS),
            status: answered.refusals.includes('archived') ? 409 : 422,
          });
        return reply.flash('manage.questions.answered').redirect(`/manage/calls/${id}/questions`, 303);
      },
    );

    app.post<Id>('/manage/calls/:id/documents', recordRoute('call', 'editDocuments'), async (request, reply) => {
      const { fields, file } = await readMultipart(request.body);
      const form = parseForm(documentForm, fields);
      const errors: FieldErrors = form.ok ? {} : form.errors;
      if (!file) errors.file = { key: 'file.error.missing' };
      if (file && form.ok) {
        const added = await service.addCallDocument({
          actor: request.actor,
          callId: request.params.id,
          label: { fr: form.data.labelFr, nl: form.data.labelNl, en: form.data.labelEn },
          name: file.name,
          bytes: file.bytes,
        });
        if (added.ok)
          return reply.flash('organisation.uploaded').redirect(`/manage/calls/${request.params.id}/questions`, 303);
        if (added.refusals.includes('locked-documents'))
          return page(request, reply, request.params.id, {
            refusals: refusalMessages(added.refusals, DOCUMENT_REFUSALS),
            status: 409,
          });
        errors.file = { key: refusalMessages(added.refusals, DOCUMENT_REFUSALS)[0]! };
      }
      return page(request, reply, request.params.id, { documentErrors: errors, status: 422 });
    });

    app.post<{ Params: { id: string; documentId: string } }>(
      '/manage/calls/:id/documents/:documentId/remove',
      recordRoute('call', 'editDocuments'),
      async (request, reply) => {
        const removed = await service.removeCallDocument({
          actor: request.actor,
          callId: request.params.id,
          documentId: request.params.documentId,
        });
        if (!removed.ok)
          return page(request, reply, request.params.id, {
            refusals: refusalMessages(removed.refusals, DOCUMENT_REFUSALS),
            status: 409,
          });
        return reply.redirect(`/manage/calls/${request.params.id}/questions`, 303);
      },
    );
  };
}
