import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../domain/errors.ts';
import {
  threeSixtyGivingCsv,
  threeSixtyGivingPackage,
  type OpenGrant,
} from '../../domain/openData/threeSixtyGiving.ts';
import { PUBLISHED_PAGE } from '../../platform/http/publishedPages.ts';
import { PUBLIC_ROUTE, recordRoute, withPolicy } from '../../platform/http/routePolicy.ts';
import type { DecisionsService } from './service.ts';
import { OpenDataPage } from './views/OpenDataPage.tsx';
import { ResultsPage } from './views/ResultsPage.tsx';

type Id = { Params: { id: string } };

/** Everyone's, the same for every anonymous visitor. */
const PUBLISHED = withPolicy(PUBLIC_ROUTE, PUBLISHED_PAGE);

/** Open data changes only when results are published or a grant withdrawn: kept as published pages are (PUBLISHED_PAGE). */
function sendOpenData(
  reply: FastifyReply,
  open: { grants: OpenGrant[]; prefix: string; license: string },
  format: 'json' | 'csv',
  name: string,
) {
  reply.header('content-disposition', `inline; filename="${name}.${format}"`);
  if (format === 'csv')
    return reply.type('text/csv; charset=utf-8').send(threeSixtyGivingCsv(open.grants, { prefix: open.prefix }));
  // The 360Giving package schema requires at least one grant: with none published there is no valid package to serve.
  const pack = threeSixtyGivingPackage(open.grants, { prefix: open.prefix, license: open.license });
  if (!pack) throw new NotFoundError('grants');
  return reply.type('application/json; charset=utf-8').send(pack);
}

/** The public results of a call, and the grants as 360Giving open data (per call and programme-wide). */
export function publicDecisionsRoutes(service: DecisionsService) {
  return async function (app: FastifyInstance) {
    app.get<Id>(
      '/calls/:id/results',
      withPolicy(recordRoute('call', 'seeResults'), PUBLISHED_PAGE),
      async (request, reply) => {
        const results = await service.results(request.params.id);
        return reply.page((ctx) => <ResultsPage ctx={ctx} results={results} />);
      },
    );
    for (const format of ['json', 'csv'] as const) {
      app.get<Id>(
        `/calls/:id/results/360giving.${format}`,
        withPolicy(recordRoute('call', 'seeResults'), PUBLISHED_PAGE),
        async (request, reply) => {
          const open = await service.openGrants(request.params.id);
          return sendOpenData(reply, open, format, `360giving-${open.grants[0]?.call.code ?? 'call'}`);
        },
      );
      app.get(`/open-data/360giving.${format}`, PUBLISHED, async (_request, reply) =>
        sendOpenData(reply, await service.allOpenGrants(), format, '360giving-octroi'),
      );
    }
    app.get('/open-data', PUBLISHED, async (_request, reply) => {
      const calls = await service.publishedResults();
      return reply.page((ctx) => <OpenDataPage ctx={ctx} calls={calls} />);
    });
  };
}
