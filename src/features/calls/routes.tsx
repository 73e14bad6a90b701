import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendDownload } from '../../platform/http/download.ts';
import { parseForm } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { questionForm } from './forms.ts';
import type { CallsService } from './service.ts';
import { CallPage } from './views/CallPage.tsx';

type Id = { Params: { id: string } };

/** The public side of calls: the call page, its documents, its questions. */
export function callsRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    const page = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      questionDraft?: { value: string; errors: FieldErrors },
      status = 200,
    ) => {
      const call = await calls.publicCall(request.params.id);
      const data = { call, documents: await calls.documents(call.id), questions: await calls.publicQuestions(call.id) };
      return reply.page((ctx) => <CallPage ctx={ctx} data={data} questionForm={questionDraft} />, status);
    };

    app.get<Id>('/calls/:id', (request, reply) => page(request, reply));

    app.post<Id & { Body: Record<string, string | undefined> }>('/calls/:id/questions', async (request, reply) => {
      const form = parseForm(questionForm, request.body);
      if (!form.ok) return page(request, reply, { value: form.values.question ?? '', errors: form.errors }, 422);
      await calls.askQuestion({ actor: request.actor, callId: request.params.id, question: form.data.question });
      return reply.flash('call.questionSent').redirect(`/calls/${request.params.id}#questions`, 303);
    });

    app.get<{ Params: { id: string; documentId: string } }>(
      '/calls/:id/documents/:documentId',
      async (request, reply) => {
        return sendDownload(reply, await calls.document(request.actor, request.params.id, request.params.documentId));
      },
    );
  };
}
