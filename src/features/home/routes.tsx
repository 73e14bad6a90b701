import type { FastifyInstance } from 'fastify';
import { PUBLISHED_PAGE } from '../../platform/http/publishedPages.ts';
import { PUBLIC_ROUTE, withPolicy } from '../../platform/http/routePolicy.ts';
import type { CallsService } from '../calls/service.ts';
import { HomePage } from './HomePage.tsx';

export function homeRoutes(calls: CallsService) {
  return async function (app: FastifyInstance) {
    app.get('/', withPolicy(PUBLIC_ROUTE, PUBLISHED_PAGE), async (_request, reply) => {
      const funders = await calls.fundersWithPublicCalls();
      return reply.page((ctx) => <HomePage ctx={ctx} funders={funders} />);
    });
  };
}
