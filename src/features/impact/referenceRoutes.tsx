import type { FastifyInstance } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import { refusalMessages, STALE_MESSAGES } from '../../platform/http/refusals.ts';
import { installationRoute } from '../../platform/http/routePolicy.ts';
import { referenceFiguresFrom, referenceForm } from './referenceForm.ts';
import type { ImpactService } from './service.ts';
import { ReferencePopulationPage, referenceValues } from './views/ReferencePopulationPage.tsx';

type Body = { Body: Record<string, string | undefined> };

const REFERENCE = installationRoute('manageReferenceData');

/** The reference population, set by the installation's administrators. */
export function referencePopulationRoutes(service: ImpactService) {
  return async function (app: FastifyInstance) {
    app.get('/admin/reference-population', REFERENCE, async (request, reply) => {
      const { population, version } = await service.referencePopulation(request.actor);
      return reply.page((ctx) => <ReferencePopulationPage ctx={ctx} values={referenceValues(population, version)} />);
    });

    app.post<Body>('/admin/reference-population', REFERENCE, async (request, reply) => {
      const form = parseForm(referenceForm, request.body);
      if (!form.ok)
        return reply.page(
          (ctx) => <ReferencePopulationPage ctx={ctx} values={form.values} errors={form.errors} />,
          422,
        );
      const outcome = await service.setReferencePopulation({
        actor: request.actor,
        figures: referenceFiguresFrom(form.data),
        version: form.data.version,
      });
      if (!outcome.ok) {
        // Someone saved meanwhile: their figures are shown, to be edited again.
        const { population, version } = await service.referencePopulation(request.actor);
        return reply.page(
          (ctx) => (
            <ReferencePopulationPage
              ctx={ctx}
              values={referenceValues(population, version)}
              refusals={refusalMessages(outcome.refusals, STALE_MESSAGES)}
            />
          ),
          409,
        );
      }
      return reply.flash('impact.reference.saved').redirect('/admin/reference-population', 303);
    });
  };
}
