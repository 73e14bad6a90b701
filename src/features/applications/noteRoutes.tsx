import type { FastifyInstance } from 'fastify';
import { refusalMessage } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import { NOTE_REFUSALS } from './problems.ts';
import type { ApplicationsService } from './service.ts';
import { ApplicationPage } from './views/ApplicationPage.tsx';

/** The officers' internal notes on an application (keepNotes: the call's officers only). */
export function noteRoutes(service: ApplicationsService) {
  return async function (app: FastifyInstance) {
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/manage/applications/:id/notes',
      recordRoute('application', 'keepNotes'),
      async (request, reply) => {
        const note = typeof request.body?.note === 'string' ? request.body.note : '';
        const added = await service.addNote({ actor: request.actor, applicationId: request.params.id, body: note });
        if (!added.ok) {
          const key = refusalMessage(added.refusals, NOTE_REFUSALS);
          const view = await service.view(request.actor, request.params.id);
          const notes = await service.notes(request.actor, request.params.id);
          return reply.page(
            (ctx) => <ApplicationPage ctx={ctx} view={view} notes={notes} noteForm={{ value: note, error: key }} />,
            422,
          );
        }
        return reply.flash('applicants.notes.saved').redirect(`/applications/${request.params.id}#notes`, 303);
      },
    );
  };
}
