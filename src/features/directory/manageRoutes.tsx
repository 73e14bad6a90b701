import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlaceState, type PlaceEvent } from '../../domain/directory/placeLifecycle.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { readMultipart } from '../../platform/http/multipart.ts';
import { refusalMessages } from '../../platform/http/refusals.ts';
import { installationRoute, recordRoute } from '../../platform/http/routePolicy.ts';
import { submittedValues } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { formValuesOf, placeFromForm, type Query } from './forms.ts';
import {
  APPLY_REFUSALS,
  CHECK_REFUSALS,
  CREATE_REFUSALS,
  PREPARE_REFUSALS,
  TRANSITION_REFUSALS,
  UPDATE_REFUSALS,
} from './refusalMessages.ts';
import type { DirectoryService } from './service.ts';
import { ImportPage, ImportPreviewPage } from './views/ImportPages.tsx';
import { ManagePlacesPage } from './views/ManagePlacesPage.tsx';
import { OrganisationPlacesPage } from './views/OrganisationPlacesPage.tsx';
import { PlaceEditorPage } from './views/PlaceEditorPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Query };

/** The officers' directory pages (review, publish, add, import) and an organisation's own places. */
export function manageDirectoryRoutes(service: DirectoryService) {
  return async function (app: FastifyInstance) {
    const curate = installationRoute('curateDirectory');

    const editPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: {
        values?: Record<string, string | string[]>;
        errors?: FieldErrors;
        refusals?: MessageKey[];
        status?: number;
      } = {},
    ) => {
      const scoped = await service.load(request.actor, id);
      const title = request.t('directory.manage.editTitle', { name: scoped.record.place.name });
      return reply.page(
        (ctx) => (
          <PlaceEditorPage
            ctx={ctx}
            action={`/manage/places/${encodeURIComponent(id)}`}
            title={title}
            values={opts.values ?? formValuesOf(scoped.record.place)}
            errors={opts.errors}
            refusals={opts.refusals}
            scoped={scoped}
          />
        ),
        opts.status ?? 200,
      );
    };

    const newPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      opts: {
        organisationId?: string;
        values?: Record<string, string | string[]>;
        errors?: FieldErrors;
        refusals?: MessageKey[];
        status?: number;
      },
    ) => {
      const funders = opts.organisationId
        ? await service.reviewingFunders(request.actor, opts.organisationId)
        : await service.curatedFunders(request.actor);
      const action = opts.organisationId ? `/organisations/${opts.organisationId}/places` : '/manage/places';
      return reply.page(
        (ctx) => (
          <PlaceEditorPage
            ctx={ctx}
            action={action}
            title={ctx.t('directory.manage.newTitle')}
            values={opts.values ?? { languages: ['fr'], mobility: ['fixed'] }}
            errors={opts.errors}
            refusals={opts.refusals}
            funders={funders}
          />
        ),
        opts.status ?? 200,
      );
    };

    const create = async (request: FastifyRequest<Body>, reply: FastifyReply, organisationId: string | null) => {
      const form = placeFromForm(request.body ?? {});
      const again = { ...(organisationId ? { organisationId } : {}) };
      if (!form.ok) return newPage(request, reply, { ...again, values: form.values, errors: form.errors, status: 422 });
      const created = await service.createPlace({
        actor: request.actor,
        place: form.place,
        funderId: form.funderId,
        organisationId,
      });
      if (!created.ok)
        return newPage(request, reply, {
          ...again,
          // The fields as typed, text only: a script's JSON may hold anything.
          values: submittedValues(request.body),
          refusals: refusalMessages(created.refusals, CREATE_REFUSALS),
          status: 409,
        });
      return reply
        .flash('directory.flash.created')
        .redirect(`/manage/places/${encodeURIComponent(created.value)}`, 303);
    };

    app.get<{ Querystring: { state?: string } }>('/manage/places', curate, async (request, reply) => {
      const state = isPlaceState(request.query.state) ? request.query.state : null;
      const rows = await service.curatedPlaces(request.actor, state ? { state } : {});
      return reply.page((ctx) => <ManagePlacesPage ctx={ctx} rows={rows} state={state} />);
    });

    app.get('/manage/places/new', curate, (request, reply) => newPage(request, reply, {}));
    app.post<Body>('/manage/places', curate, (request, reply) => create(request, reply, null));

    app.get('/manage/places/import', curate, async (request, reply) => {
      const funders = await service.curatedFunders(request.actor);
      return reply.page((ctx) => <ImportPage ctx={ctx} funders={funders} />);
    });

    app.post('/manage/places/import', curate, async (request, reply) => {
      const { fields, file } = await readMultipart(request.body);
      const funders = await service.curatedFunders(request.actor);
      if (!file)
        return reply.page(
          (ctx) => <ImportPage ctx={ctx} funders={funders} errors={{ file: { key: 'file.error.missing' } }} />,
          422,
        );
      const prepared = await service.prepareImport({
        actor: request.actor,
        funderId: fields.funderId ?? '',
        source: fields.source ?? '',
        fileName: file.name,
        content: file.bytes,
      });
      if (!prepared.ok) {
        const refusals = refusalMessages(prepared.refusals, PREPARE_REFUSALS);
        return reply.page((ctx) => <ImportPage ctx={ctx} funders={funders} refusals={refusals} />, 422);
      }
      return reply.redirect(`/manage/places/import/${prepared.value}`, 303);
    });

    const previewPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      batchId: string,
      refusals?: MessageKey[],
      status = 200,
    ) => {
      const { batch, preview } = await service.importPreview(request.actor, batchId);
      const shown = preview.ok ? preview.value : null;
      const problems = refusals ?? (preview.ok ? undefined : refusalMessages(preview.refusals, PREPARE_REFUSALS));
      return reply.page(
        (ctx) => <ImportPreviewPage ctx={ctx} batch={batch} preview={shown} refusals={problems} />,
        status,
      );
    };

    const batchRoute = recordRoute('place-import', 'apply', 'batchId');
    app.get<{ Params: { batchId: string } }>('/manage/places/import/:batchId', batchRoute, (request, reply) =>
      previewPage(request, reply, request.params.batchId),
    );
    app.post<{ Params: { batchId: string } }>('/manage/places/import/:batchId', batchRoute, async (request, reply) => {
      const applied = await service.applyImport({ actor: request.actor, batchId: request.params.batchId });
      if (!applied.ok)
        return previewPage(
          request,
          reply,
          request.params.batchId,
          refusalMessages(applied.refusals, APPLY_REFUSALS),
          409,
        );
      return reply.flash('directory.flash.imported').redirect(`/manage/places/import/${request.params.batchId}`, 303);
    });

    app.get<Id>('/manage/places/:id', recordRoute('place', 'manage'), (request, reply) =>
      editPage(request, reply, request.params.id),
    );

    app.post<Id & Body>('/manage/places/:id', recordRoute('place', 'manage'), async (request, reply) => {
      const id = request.params.id;
      const scoped = await service.load(request.actor, id);
      const form = placeFromForm(request.body ?? {}, scoped.record.place);
      if (!form.ok) return editPage(request, reply, id, { values: form.values, errors: form.errors, status: 422 });
      const saved = await service.updatePlace({
        actor: request.actor,
        placeId: id,
        version: form.version,
        place: form.place,
      });
      if (!saved.ok)
        return editPage(request, reply, id, {
          values: request.body as Record<string, string | string[]>,
          refusals: refusalMessages(saved.refusals, UPDATE_REFUSALS),
          status: 409,
        });
      return reply.flash('directory.flash.saved').redirect(`/manage/places/${encodeURIComponent(id)}`, 303);
    });

    for (const event of ['submit', 'return', 'publish', 'withdraw'] as const satisfies readonly PlaceEvent[]) {
      app.post<Id>(`/manage/places/:id/${event}`, recordRoute('place', event), async (request, reply) => {
        const id = request.params.id;
        const moved = await service.transitionPlace({ actor: request.actor, placeId: id, event });
        if (!moved.ok)
          return editPage(request, reply, id, {
            refusals: refusalMessages(moved.refusals, TRANSITION_REFUSALS),
            status: 409,
          });
        return reply.flash(`directory.flash.${event}`).redirect(`/manage/places/${encodeURIComponent(id)}`, 303);
      });
    }

    app.post<Id>('/manage/places/:id/checked', recordRoute('place', 'markChecked'), async (request, reply) => {
      const id = request.params.id;
      const checked = await service.markPlaceChecked({ actor: request.actor, placeId: id });
      if (!checked.ok)
        return editPage(request, reply, id, {
          refusals: refusalMessages(checked.refusals, CHECK_REFUSALS),
          status: 409,
        });
      return reply.flash('directory.flash.checked').redirect(`/manage/places/${encodeURIComponent(id)}`, 303);
    });

    // An organisation's places, from its own space.
    app.get<Id>('/organisations/:id/places', recordRoute('organisation', 'see'), async (request, reply) => {
      const rows = await service.organisationPlaces(request.actor, request.params.id);
      return reply.page((ctx) => <OrganisationPlacesPage ctx={ctx} organisationId={request.params.id} rows={rows} />);
    });
    app.get<Id>('/organisations/:id/places/new', recordRoute('organisation', 'edit'), (request, reply) =>
      newPage(request, reply, { organisationId: request.params.id }),
    );
    app.post<Id & Body>('/organisations/:id/places', recordRoute('organisation', 'edit'), (request, reply) =>
      create(request, reply, request.params.id),
    );
  };
}
