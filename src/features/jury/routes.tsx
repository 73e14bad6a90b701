import type { FastifyInstance } from 'fastify';
import { jurorRoutes } from './jurorRoutes.tsx';
import { officerJuryRoutes } from './officerRoutes.tsx';
import type { JuryService } from './service.ts';

/** The jury's pages: the officers' under /manage/calls/:id/jury, the jurors' under /jury. */
export function juryRoutes(service: JuryService) {
  return async function (app: FastifyInstance) {
    await app.register(officerJuryRoutes(service));
    await app.register(jurorRoutes(service));
  };
}
