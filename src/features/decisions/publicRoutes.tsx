import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../domain/errors.ts';
import {
  threeSixtyGivingCsv,
  threeSixtyGivingPackage,
  type OpenGrant,
} from '../../domain/openData/threeSixtyGiving.ts';
import type { DecisionsService } from './service.ts';
import { OpenDataPage } from './views/OpenDataPage.tsx';
import { ResultsPage } from './views/ResultsPage.tsx';
import { PUBLIC_ROUTE, recordRoute } from '../../platform/http/routePolicy.ts';

type Id = { Params: { id: string } };

/** Open data is public and cacheable for a while: it changes only when results are published or a grant withdrawn. */
function sendOpenData(
  reply: FastifyReply,
  open: { grants: OpenGrant[]; prefix: string; license: string },
  format: 'json' | 'csv',
  name: string,
) {
  reply
    .header('cache-control', 'public, max-age=300')
    .header('content-disposition', `inline; filename="${name}.${format}"`);
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
    app.get<Id>('/calls/:id/results', recordRoute('call', 'seeResults'), async (request, reply) => {
      const results = await service.results(request.params.id);
      return reply.page((ctx) => <ResultsPage ctx={ctx} results={results} />);
    });
    for (const format of ['json', 'csv'] as const) {
      app.get<Id>(
        `/calls/:id/results/360giving.${format}`,
        recordRoute('call', 'seeResults'),
        async (request, reply) => {
          const open = await service.openGrants(request.params.id);
          return sendOpenData(reply, open, format, `360giving-${open.grants[0]?.call.code ?? 'call'}`);
        },
      );
      app.get(`/open-data/360giving.${format}`, PUBLIC_ROUTE, async (_request, reply) =>
        sendOpenData(reply, await service.allOpenGrants(), format, '360giving-octroi'),
      );
    }
    app.get('/open-data', PUBLIC_ROUTE, async (_request, reply) => {
      const calls = await service.publishedResults();
      return reply.page((ctx) => <OpenDataPage ctx={ctx} calls={calls} />);
    });
  };
}
