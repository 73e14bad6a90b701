import type { FastifyInstance } from 'fastify';
import { PUBLIC_ROUTE } from '../../platform/http/routePolicy.ts';
import type { CallsService } from '../calls/service.ts';
import { HomePage } from './HomePage.tsx';

export function homeRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    app.get('/', PUBLIC_ROUTE, async (_request, reply) => {
      const funders = await calls.fundersWithPublicCalls();
      return reply.page((ctx) => <HomePage ctx={ctx} funders={funders} />);
    });
  };
}
