import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, submittedList, submittedValues } from '../../platform/http/forms.ts';
import { readMultipart } from '../../platform/http/multipart.ts';
import {
  refusalMessages,
  STALE_MESSAGES,
  UPLOAD_MESSAGES,
  type RefusalMessages,
} from '../../platform/http/refusals.ts';
import { installationRoute, recordRoute } from '../../platform/http/routePolicy.ts';
import { ConfirmPage } from '../../platform/views/ConfirmPage.tsx';
import { inLocale } from '../../domain/translated.ts';
import type { CreateFunderRefusal } from './commands/createFunder.ts';
import type { GrantRoleRefusal } from './commands/grantRole.ts';
import type { SetFunderLogoRefusal } from './commands/setFunderLogo.ts';
import type { UpdateFunderRefusal } from './commands/updateFunder.ts';
import { funderForm, funderSettingsForm, grantForm } from './forms.ts';
import type { AdminService } from './service.ts';
import { AdminPage } from './views/AdminPage.tsx';
import { FunderPage, ROLE_NAMES, type Typed } from './views/FunderPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | string[] | undefined> };

const CREATE_REFUSALS = {
  'slug-taken': 'admin.funder.slugTaken',
} as const satisfies RefusalMessages<CreateFunderRefusal>;
const UPDATE_REFUSALS = STALE_MESSAGES satisfies RefusalMessages<UpdateFunderRefusal>;
const GRANT_REFUSALS = { 'no-user': 'admin.roles.noUser' } as const satisfies RefusalMessages<GrantRoleRefusal>;
const LOGO_REFUSALS = {
  ...UPLOAD_MESSAGES,
  'logo-not-image': 'admin.funder.logoNotImage',
} as const satisfies RefusalMessages<SetFunderLogoRefusal>;

const funder = (action: Parameters<typeof recordRoute>[1]) => recordRoute('funder', action);

/** The administration's funders: the overview, a new funder, each funder's settings, logo and roles. */
export function adminRoutes(admin: AdminService) {
  return async function (app: FastifyInstance) {
    const funderPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      typed: { settings?: Typed; logo?: Typed; grant?: Typed } = {},
      status = 200,
    ) => {
      const { funder: scoped, grants } = await admin.funderPage(request.actor, id);
      return reply.page((ctx) => <FunderPage ctx={ctx} funder={scoped} grants={grants} {...typed} />, status);
    };

    app.get('/admin', installationRoute('administer'), async (request, reply) => {
      const overview = await admin.overview(request.actor);
      return reply.page((ctx) => <AdminPage ctx={ctx} overview={overview} />);
    });

    app.post<Body>('/admin/funders', installationRoute('createFunders'), async (request, reply) => {
      const form = parseForm(funderForm, request.body);
      let failed = form.ok ? null : { values: form.values, errors: form.errors };
      if (form.ok) {
        const { slug, nameFr, nameNl, nameEn } = form.data;
        const created = await admin.createFunder({
          actor: request.actor,
          slug,
          name: { fr: nameFr, nl: nameNl, en: nameEn },
        });
        if (created.ok) return reply.flash('admin.funder.created').redirect(`/admin/funders/${created.value}`, 303);
        const [key] = refusalMessages(created.refusals, CREATE_REFUSALS);
        failed = { values: submittedValues(request.body), errors: { slug: { key: key! } } };
      }
      const overview = await admin.overview(request.actor);
      return reply.page((ctx) => <AdminPage ctx={ctx} overview={overview} funderForm={failed ?? undefined} />, 422);
    });

    app.get<Id>('/admin/funders/:id', funder('see'), (request, reply) => funderPage(request, reply, request.params.id));

    app.post<Id & Body>('/admin/funders/:id', funder('edit'), async (request, reply) => {
      const id = request.params.id;
      const values = {
        ...submittedValues(request.body),
        requiredLanguages: submittedList(request.body, 'requiredLanguages'),
      };
      const form = parseForm(funderSettingsForm, request.body);
      if (!form.ok) return funderPage(request, reply, id, { settings: { values, errors: form.errors } }, 422);
      const saved = await admin.updateFunder({ actor: request.actor, funderId: id, ...form.data });
      if (!saved.ok) {
        const refusals = refusalMessages(saved.refusals, UPDATE_REFUSALS);
        return funderPage(request, reply, id, { settings: { values, errors: {}, refusals } }, 409);
      }
      return reply.flash('admin.funder.saved').redirect(`/admin/funders/${id}`, 303);
    });

    app.post<Id>('/admin/funders/:id/logo', funder('edit'), async (request, reply) => {
      const id = request.params.id;
      const { file } = await readMultipart(request.body);
      if (!file)
        return funderPage(
          request,
          reply,
          id,
          { logo: { values: {}, errors: { file: { key: 'file.error.missing' } } } },
          422,
        );
      const set = await admin.setFunderLogo({ actor: request.actor, funderId: id, name: file.name, bytes: file.bytes });
      if (!set.ok) {
        const [key] = refusalMessages(set.refusals, LOGO_REFUSALS);
        return funderPage(request, reply, id, { logo: { values: {}, errors: { file: { key: key! } } } }, 422);
      }
      return reply.flash('admin.funder.logoSaved').redirect(`/admin/funders/${id}`, 303);
    });

    app.post<Id & Body>('/admin/funders/:id/roles', funder('manageRoles'), async (request, reply) => {
      const funderId = request.params.id;
      const form = parseForm(grantForm, { ...request.body, funderId });
      if (!form.ok)
        return funderPage(request, reply, funderId, { grant: { values: form.values, errors: form.errors } }, 422);
      const granted = await admin.grantRole({ actor: request.actor, ...form.data });
      if (!granted.ok) {
        const [key] = refusalMessages(granted.refusals, GRANT_REFUSALS);
        return funderPage(
          request,
          reply,
          funderId,
          { grant: { values: submittedValues(request.body), errors: { email: { key: key! } } } },
          422,
        );
      }
      return reply.flash('admin.roles.granted').redirect(`/admin/funders/${funderId}#roles-title`, 303);
    });

    app.get<Id>('/admin/roles/:id/revoke', recordRoute('role-grant', 'manageRoles'), async (request, reply) => {
      const { funder: scoped, grant } = await admin.grantToRevoke(request.actor, request.params.id);
      return reply.page((ctx) => {
        const values = {
          role: ctx.t(ROLE_NAMES[grant.role]),
          funder: inLocale(scoped.record.name, ctx.locale),
          person: `${grant.displayName} <${grant.email}>`,
        };
        return (
          <ConfirmPage
            ctx={ctx}
            title={ctx.t('admin.roles.confirmTitle')}
            body={ctx.t('admin.roles.confirmBody', values)}
            action={`/admin/roles/${grant.id}/revoke`}
            confirmLabel={ctx.t('admin.roles.revoke', values)}
            cancelHref={`/admin/funders/${scoped.record.id}`}
          />
        );
      });
    });

    app.post<Id>('/admin/roles/:id/revoke', recordRoute('role-grant', 'manageRoles'), async (request, reply) => {
      const { funder: scoped } = await admin.grantToRevoke(request.actor, request.params.id);
      await admin.revokeRole({ actor: request.actor, grantId: request.params.id });
      return reply.flash('admin.roles.revoked').redirect(`/admin/funders/${scoped.record.id}`, 303);
    });
  };
}
