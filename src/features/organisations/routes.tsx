import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { refusalMessage, UPLOAD_MESSAGES } from '../../platform/http/refusals.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import { readMultipart } from '../../platform/http/multipart.ts';
import { sendDownload } from '../../platform/http/download.ts';
import { MessagePage } from '../../platform/views/MessagePage.tsx';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { CreateOrganisationRefusal } from './commands/saveOrganisation.ts';
import { inviteForm, organisationForm } from './forms.ts';
import { ORGANISATION_DOCUMENT_KINDS, type OrganisationDocumentKind } from './schema.ts';
import type { OrganisationsService } from './service.ts';
import { NewOrganisationPage, OrganisationsListPage } from './views/OrganisationsPages.tsx';
import { OrganisationPage, type OrganisationPageForms } from './views/OrganisationPage.tsx';
import { SIGNED_IN_ROUTE, recordRoute } from '../../platform/http/routePolicy.ts';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | undefined> };

/** Each refusal of a registration, shown next to the field at fault. */
const CREATE_REFUSALS = {
  'enterprise-number-taken': { enterpriseNumber: { key: 'organisation.error.enterpriseNumberTaken' } },
} as const satisfies Record<CreateOrganisationRefusal, FieldErrors>;

export function organisationsRoutes(service: OrganisationsService) {
  return async function (app: FastifyInstance) {
    /** The organisation page, with whichever of its forms was sent shown again as it was typed. */
    const showOrganisation = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      forms: OrganisationPageForms,
      status = 422,
    ) => {
      const view = await service.organisation(request.actor, id);
      return reply.page((ctx) => <OrganisationPage ctx={ctx} view={view} forms={forms} />, status);
    };

    app.get('/organisations', SIGNED_IN_ROUTE, async (request, reply) => {
      const organisations = await service.myOrganisations(request.actor);
      return reply.page((ctx) => <OrganisationsListPage ctx={ctx} organisations={organisations} />);
    });

    app.get('/organisations/new', SIGNED_IN_ROUTE, async (request, reply) => {
      await service.myOrganisations(request.actor);
      return reply.page((ctx) => <NewOrganisationPage ctx={ctx} />);
    });

    app.post<Body>('/organisations', SIGNED_IN_ROUTE, async (request, reply) => {
      const form = parseForm(organisationForm, request.body);
      let errors: FieldErrors | null = form.ok ? null : form.errors;
      if (form.ok) {
        const created = await service.createOrganisation({ actor: request.actor, organisation: form.data });
        if (created.ok) return reply.flash('organisation.created').redirect(`/organisations/${created.value}`, 303);
        errors = CREATE_REFUSALS[created.refusals[0]];
      }
      const values = form.ok ? submittedValues(request.body) : form.values;
      return reply.page((ctx) => <NewOrganisationPage ctx={ctx} values={values} errors={errors ?? {}} />, 422);
    });

    app.get<Id>('/organisations/:id', recordRoute('organisation', 'see'), async (request, reply) =>
      showOrganisation(request, reply, request.params.id, {}, 200),
    );

    app.post<Id & Body>('/organisations/:id', recordRoute('organisation', 'edit'), async (request, reply) => {
      const form = parseForm(organisationForm, request.body);
      const values = (form.ok ? request.body : form.values) as Record<string, string>;
      if (!form.ok)
        return showOrganisation(request, reply, request.params.id, { profile: { values, errors: form.errors } });
      const { version, ...organisation } = form.data;
      const saved = await service.updateOrganisation({
        actor: request.actor,
        organisationId: request.params.id,
        version: version ?? 0,
        organisation,
      });
      // Someone saved in between: their version is shown as the form's base, what this person typed is kept.
      if (!saved.ok)
        return showOrganisation(
          request,
          reply,
          request.params.id,
          { profile: { values, errors: {}, stale: true } },
          409,
        );
      return reply.flash('organisation.saved').redirect(`/organisations/${request.params.id}`, 303);
    });

    app.post<Id & Body>(
      '/organisations/:id/invitations',
      recordRoute('organisation', 'manageMembers'),
      async (request, reply) => {
        const form = parseForm(inviteForm, request.body);
        if (!form.ok)
          return showOrganisation(request, reply, request.params.id, {
            invite: { values: form.values, errors: form.errors },
          });
        await service.inviteMember({
          actor: request.actor,
          organisationId: request.params.id,
          ...form.data,
          locale: request.locale,
        });
        return reply.flash('organisation.invited').redirect(`/organisations/${request.params.id}`, 303);
      },
    );

    app.get<{ Querystring: { token?: string } }>(
      '/organisations/invitations/accept',
      SIGNED_IN_ROUTE,
      async (request, reply) => {
        const result = await service.acceptInvitation({ actor: request.actor, token: request.query.token ?? '' });
        if (result.status === 'joined')
          return reply.flash('organisation.joined').redirect(`/organisations/${result.organisationId}`, 303);
        const body =
          result.status === 'invalid' ? 'organisation.invitationInvalid' : 'organisation.invitationOtherAddress';
        return reply.page(
          (ctx) => (
            <MessagePage
              ctx={ctx}
              title={ctx.t('organisation.invitationTitle')}
              body={ctx.t(body, { email: result.status === 'other-address' ? result.email : '' })}
            />
          ),
          400,
        );
      },
    );

    app.post<Id>('/organisations/:id/documents', recordRoute('organisation', 'edit'), async (request, reply) => {
      const { fields, file } = await readMultipart(request.body);
      const kind = ORGANISATION_DOCUMENT_KINDS.includes(fields.kind as OrganisationDocumentKind)
        ? (fields.kind as OrganisationDocumentKind)
        : 'other';
      if (!file)
        return showOrganisation(request, reply, request.params.id, {
          upload: { errors: { file: { key: 'file.error.missing' } } },
        });
      const uploaded = await service.uploadDocument({
        actor: request.actor,
        organisationId: request.params.id,
        kind,
        name: file.name,
        bytes: file.bytes,
      });
      if (!uploaded.ok)
        return showOrganisation(request, reply, request.params.id, {
          upload: { errors: { file: { key: refusalMessage(uploaded.refusals, UPLOAD_MESSAGES) } } },
        });
      return reply.flash('organisation.uploaded').redirect(`/organisations/${request.params.id}`, 303);
    });

    app.get<{ Params: { id: string; documentId: string } }>(
      '/organisations/:id/documents/:documentId',
      recordRoute('organisation', 'see'),
      async (request, reply) => {
        return sendDownload(reply, await service.document(request.actor, request.params.id, request.params.documentId));
      },
    );
  };
}
