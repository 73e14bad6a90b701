import type { FastifyInstance } from 'fastify';
import { RuleViolationError } from '../../domain/errors.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { ApplicationsService } from './service.ts';
import { ApplicationPage } from './views/ApplicationPage.tsx';

const NOTE_REFUSALS: Record<string, MessageKey> = {
  'note-empty': 'applicants.notes.empty',
  'note-too-long': 'applicants.notes.tooLong',
};

/** The officers' internal notes on an application (keepNotes: the call's officers only). */
export function noteRoutes(service: ApplicationsService) {
  return async function (app: FastifyInstance) {
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/manage/applications/:id/notes',
      recordRoute('application', 'keepNotes'),
      async (request, reply) => {
        const note = typeof request.body?.note === 'string' ? request.body.note : '';
        try {
          await service.addNote({ actor: request.actor, applicationId: request.params.id, body: note });
        } catch (error) {
          const key = error instanceof RuleViolationError ? NOTE_REFUSALS[error.problems[0] ?? ''] : undefined;
          if (!key) throw error;
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
