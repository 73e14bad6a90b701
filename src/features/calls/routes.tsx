import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendDownload } from '../../platform/http/download.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { refusalMessages, type RefusalMessages } from '../../platform/http/refusals.ts';
import { PUBLISHED_PAGE } from '../../platform/http/publishedPages.ts';
import { recordRoute, withPolicy } from '../../platform/http/routePolicy.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { AskQuestionRefusal } from './commands/questions.ts';
import { questionForm } from './forms.ts';
import type { CallsService } from './service.ts';
import { CallPage } from './views/CallPage.tsx';

type Id = { Params: { id: string } };

const ASK_REFUSALS = {
  'call-closed': 'call.refusal.questionsClosed',
} as const satisfies RefusalMessages<AskQuestionRefusal>;

/** The public side of calls: the call page, its documents, its questions. */
export function callsRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    const page = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      questionDraft?: { value: string; errors: FieldErrors },
      status = 200,
    ) => {
      const data = await calls.publicPage(request.actor, request.params.id);
      return reply.page((ctx) => <CallPage ctx={ctx} data={data} questionForm={questionDraft} />, status);
    };

    app.get<Id>('/calls/:id', withPolicy(recordRoute('call', 'see'), PUBLISHED_PAGE), (request, reply) =>
      page(request, reply),
    );

    app.post<Id & { Body: Record<string, string | undefined> }>(
      '/calls/:id/questions',
      recordRoute('call', 'ask'),
      async (request, reply) => {
        const form = parseForm(questionForm, request.body);
        if (!form.ok) return page(request, reply, { value: form.values.question ?? '', errors: form.errors }, 422);
        const asked = await calls.askQuestion({
          actor: request.actor,
          callId: request.params.id,
          question: form.data.question,
        });
        if (!asked.ok) {
          const [key] = refusalMessages(asked.refusals, ASK_REFUSALS);
          return page(request, reply, { value: form.data.question, errors: { question: { key: key! } } }, 409);
        }
        return reply.flash('call.questionSent').redirect(`/calls/${request.params.id}#questions`, 303);
      },
    );

    app.get<{ Params: { id: string; documentId: string } }>(
      '/calls/:id/documents/:documentId',
      recordRoute('call', 'see'),
      async (request, reply) =>
        sendDownload(reply, await calls.document(request.actor, request.params.id, request.params.documentId)),
    );
  };
}
