import type { FastifyInstance } from 'fastify';
import type { CallsService } from '../calls/service.ts';
import { HomePage } from './HomePage.tsx';

export function homeRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    app.get('/', async (_request, reply) => {
      const funders = await calls.fundersWithPublicCalls();
      return reply.page((ctx) => <HomePage ctx={ctx} funders={funders} />);
    });
  };
}
