import type { FastifyInstance } from 'fastify';
import { managesCallsSomewhere } from '../../domain/access.ts';
import { SIGNED_IN_ROUTE } from '../../platform/http/routePolicy.ts';
import { OfficerStartPage } from './OfficerStartPage.tsx';
import { officerStart, type StartDeps } from './officerStart.ts';

/**
 * Where each person starts after signing in: officers on what waits for them in their calls, jurors
 * on their jury work, the installation's administrator on the administration, applicants on their
 * applications.
 */
export function startRoutes(deps: StartDeps) {
  return async function (app: FastifyInstance) {
    app.get('/start', SIGNED_IN_ROUTE, async (request, reply) => {
      const actor = request.actor;
      if (!actor) return reply.redirect('/sign-in?next=%2Fstart', 303);
      if (managesCallsSomewhere(actor)) {
        const calls = await officerStart(deps, actor);
        const overdue = await deps.reports.overdueFor(actor);
        return reply.page((ctx) => <OfficerStartPage ctx={ctx} calls={calls} overdue={overdue} />);
      }
      if (actor.isPlatformAdmin) return reply.redirect('/admin', 303);
      if (actor.grants.some((g) => g.role === 'juror')) return reply.redirect('/jury', 303);
      return reply.redirect('/applications', 303);
    });
  };
}
