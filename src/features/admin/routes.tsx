import type { FastifyInstance } from 'fastify';
import { RuleViolationError } from '../../domain/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { funderForm, grantForm } from './forms.ts';
import type { AdminService } from './service.ts';
import { AdminPage } from './views/AdminPage.tsx';

type Body = { Body: Record<string, string | undefined> };

/** A refusal the person can fix becomes a message next to the field, with what they typed kept. */
function fieldRefusal(
  error: unknown,
  problem: string,
  field: string,
  key: 'admin.funder.slugTaken' | 'admin.roles.noUser',
) {
  if (error instanceof RuleViolationError && error.problems.includes(problem)) return { [field]: { key } };
  throw error;
}

export function adminRoutes(admin: AdminService) {
  return async function (app: FastifyInstance) {
    app.get('/admin', async (request, reply) => {
      const overview = await admin.overview(request.actor);
      return reply.page((ctx) => <AdminPage ctx={ctx} overview={overview} />);
    });

    app.post<Body>('/admin/funders', async (request, reply) => {
      const form = parseForm(funderForm, request.body);
      let failed = form.ok ? null : { values: form.values, errors: form.errors };
      if (form.ok) {
        const { slug, nameFr, nameNl, nameEn } = form.data;
        try {
          await admin.createFunder({ actor: request.actor, slug, name: { fr: nameFr, nl: nameNl, en: nameEn } });
          return reply.flash('admin.funder.created').redirect('/admin', 303);
        } catch (error) {
          failed = {
            values: request.body as Record<string, string>,
            errors: fieldRefusal(error, 'slug-taken', 'slug', 'admin.funder.slugTaken'),
          };
        }
      }
      const overview = await admin.overview(request.actor);
      return reply.page((ctx) => <AdminPage ctx={ctx} overview={overview} funderForm={failed ?? undefined} />, 422);
    });

    app.post<Body>('/admin/roles', async (request, reply) => {
      const form = parseForm(grantForm, request.body);
      let failed = form.ok ? null : { values: form.values, errors: form.errors };
      if (form.ok) {
        try {
          await admin.grantRole({ actor: request.actor, ...form.data });
          return reply.flash('admin.roles.granted').redirect('/admin', 303);
        } catch (error) {
          failed = {
            values: request.body as Record<string, string>,
            errors: fieldRefusal(error, 'no-user', 'email', 'admin.roles.noUser'),
          };
        }
      }
      const overview = await admin.overview(request.actor);
      return reply.page((ctx) => <AdminPage ctx={ctx} overview={overview} grantForm={failed ?? undefined} />, 422);
    });

    app.post<{ Params: { id: string } }>('/admin/roles/:id/revoke', async (request, reply) => {
      await admin.revokeRole({ actor: request.actor, grantId: request.params.id });
      return reply.flash('admin.roles.revoked').redirect('/admin', 303);
    });
  };
}
