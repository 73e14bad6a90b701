import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { installationRoute, PUBLIC_ROUTE, recordRoute } from '../../platform/http/routePolicy.ts';
import { chartCsv, isChartId } from './charts.ts';
import type { ImpactFigures, ImpactService } from './service.ts';
import { dashboardCharts } from './views/Dashboard.tsx';
import { CallImpactPage, ProgrammeImpactPage, PublicImpactPage } from './views/ImpactPages.tsx';

type Id = { Params: { id: string } };
type Chart = { Params: { chart: string } };

/** The impact dashboards (a call's, the programme's for its officers) and the public programme page, with CSVs. */
export function impactRoutes(service: ImpactService) {
  return async function (app: FastifyInstance) {
    const sendCsv = (
      reply: FastifyReply,
      request: { t: Translate; locale: Locale },
      figures: ImpactFigures,
      chart: string,
      suppress: boolean,
    ) => {
      if (!isChartId(chart)) throw new NotFoundError('chart');
      const data = dashboardCharts(request, figures, suppress)[chart];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="impact-${chart}.csv"`)
        .send(chartCsv(data, request.locale));
    };

    app.get('/impact', PUBLIC_ROUTE, async (_request, reply) => {
      const impact = await service.publicImpact();
      return reply.page((ctx) => <PublicImpactPage ctx={ctx} impact={impact} />);
    });

    app.get<Chart>('/impact/:chart.csv', PUBLIC_ROUTE, async (request, reply) => {
      if (!isChartId(request.params.chart)) throw new NotFoundError('chart');
      return sendCsv(reply, request, (await service.publicImpact()).figures, request.params.chart, true);
    });

    app.get('/manage/impact', installationRoute('runCalls'), async (request, reply) => {
      const impact = await service.programmeImpact(request.actor);
      return reply.page((ctx) => <ProgrammeImpactPage ctx={ctx} impact={impact} />);
    });

    app.get<Chart>('/manage/impact/:chart.csv', installationRoute('runCalls'), async (request, reply) => {
      const impact = await service.programmeImpact(request.actor);
      return sendCsv(reply, request, impact.figures, request.params.chart, false);
    });

    app.get<Id>('/manage/calls/:id/impact', recordRoute('call', 'manage'), async (request, reply) => {
      const impact = await service.callImpact(request.actor, request.params.id);
      return reply.page((ctx) => <CallImpactPage ctx={ctx} impact={impact} />);
    });

    app.get<Id & Chart>(
      '/manage/calls/:id/impact/:chart.csv',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const impact = await service.callImpact(request.actor, request.params.id);
        return sendCsv(reply, request, impact.figures, request.params.chart, false);
      },
    );
  };
}
