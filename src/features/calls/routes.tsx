import type { FastifyInstance } from 'fastify';
import type { CallsService } from './service.ts';
import { CallPage } from './views/CallPage.tsx';

export function callsRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    app.get<{ Params: { id: string } }>('/calls/:id', async (request, reply) => {
      const call = await calls.publicCall(request.params.id);
      return reply.page((ctx) => <CallPage ctx={ctx} call={call} />);
    });
  };
}
