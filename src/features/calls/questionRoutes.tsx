import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readMultipart } from '../../platform/http/multipart.ts';
import { refusalMessages, UPLOAD_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { CallDocumentRefusal, RemoveCallDocumentRefusal } from './commands/callDocuments.ts';
import type { AnswerQuestionRefusal } from './commands/questions.ts';
import type { CallsService } from './service.ts';
import { QuestionsPage } from './views/QuestionsPage.tsx';

type Id = { Params: { id: string } };

const ANSWER_REFUSALS = { archived: 'call.refusal.archived' } as const satisfies RefusalMessages<AnswerQuestionRefusal>;
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
      opts: { documentErrors?: FieldErrors; refusals?: MessageKey[]; status?: number } = {},
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
        const answer = String(request.body?.answer ?? '').trim();
        if (!answer) return page(request, reply, request.params.id, { status: 422 });
        const answered = await service.answerQuestion({
          actor: request.actor,
          callId: request.params.id,
          questionId: request.params.questionId,
          answer,
          question: request.body?.question,
        });
        if (!answered.ok)
          return page(request, reply, request.params.id, {
            refusals: refusalMessages(answered.refusals, ANSWER_REFUSALS),
            status: 409,
          });
        return reply.flash('manage.questions.answered').redirect(`/manage/calls/${request.params.id}/questions`, 303);
      },
    );

    app.post<Id>('/manage/calls/:id/documents', recordRoute('call', 'editDocuments'), async (request, reply) => {
      const { fields, file } = await readMultipart(request.body);
      const errors: FieldErrors = {};
      if (!fields.labelFr?.trim()) errors.labelFr = { key: 'form.error.required' };
      if (!file) errors.file = { key: 'file.error.missing' };
      if (file && !errors.labelFr) {
        const added = await service.addCallDocument({
          actor: request.actor,
          callId: request.params.id,
          label: {
            fr: fields.labelFr!.trim(),
            nl: fields.labelNl?.trim() || undefined,
            en: fields.labelEn?.trim() || undefined,
          },
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
