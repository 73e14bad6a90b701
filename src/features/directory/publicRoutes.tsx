import type { FastifyInstance } from 'fastify';
import { filtersFromAnswers } from '../../domain/directory/guidedPath.ts';
import { PUBLIC_ROUTE, recordRoute } from '../../platform/http/routePolicy.ts';
import { answersFromQuery, nextQuestion, queryOf, searchFromQuery, type Query } from './forms.ts';
import type { DirectoryService } from './service.ts';
import { GuidePage } from './views/GuidePage.tsx';
import { HelpPage } from './views/HelpPage.tsx';
import { PlacePage } from './views/PlacePage.tsx';
import { PrintPage } from './views/PrintPage.tsx';

/** The open licence of the directory's data, stated in each file's response and on the pages. */
export const DIRECTORY_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

/** The residents' side: search, the guided path, each place's page, the printable sheet, the open data. No account needed. */
export function publicDirectoryRoutes(service: DirectoryService, publicUrl: string) {
  return async function (app: FastifyInstance) {
    app.get<{ Querystring: Query }>('/help', PUBLIC_ROUTE, async (request, reply) => {
      const search = searchFromQuery(request.query);
      const now = new Date();
      const result = await service.search(search.filters, request.locale, { page: search.page, now });
      return reply.page((ctx) => <HelpPage ctx={ctx} request={search} result={result} now={now} />);
    });

    app.get<{ Querystring: Query }>('/help/print', PUBLIC_ROUTE, async (request, reply) => {
      const search = searchFromQuery(request.query);
      const now = new Date();
      const result = await service.search(search.filters, request.locale, { now });
      const searchUrl = `${publicUrl}/help?${queryOf(search.filters, { q: search.where })}`.replace(/\?$/, '');
      return reply.page((ctx) => (
        <PrintPage ctx={ctx} request={search} result={result} now={now} searchUrl={searchUrl} />
      ));
    });

    app.get<{ Querystring: Query }>('/help/guide', PUBLIC_ROUTE, async (request, reply) => {
      const { answers, done } = answersFromQuery(request.query);
      const question = nextQuestion(answers);
      if (done || question === null) return reply.redirect(`/help?${queryOf(filtersFromAnswers(answers))}`, 303);
      return reply.page((ctx) => <GuidePage ctx={ctx} question={question} answers={answers} />);
    });

    app.get<{ Params: { id: string } }>('/help/places/:id', recordRoute('place', 'see'), async (request, reply) => {
      const now = new Date();
      const data = await service.place(request.actor, request.params.id, now);
      return reply.page((ctx) => <PlacePage ctx={ctx} data={data} now={now} />);
    });

    for (const format of ['csv', 'json'] as const) {
      app.get(`/open-data/directory.${format}`, PUBLIC_ROUTE, async (_request, reply) => {
        const file = await service.openDataFile(format);
        reply
          .header('cache-control', 'public, max-age=300')
          .header('link', `<${DIRECTORY_LICENCE}>; rel="license"`)
          .header('content-disposition', `inline; filename="directory.${format}"`);
        return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(file);
      });
    }
  };
}
