import type { FastifyInstance } from 'fastify';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import { parseMoney } from '../../domain/money.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { exportTable, toCsv, toXlsx } from './exports.ts';
import { returnForm } from './forms.ts';
import { RETURN_REFUSALS } from './problems.ts';
import type { ApplicationsService, InboxFilters } from './service.ts';
import { ApplicationPage } from './views/ApplicationPage.tsx';
import { InboxPage } from './views/InboxPage.tsx';
import { recordRoute } from '../../platform/http/routePolicy.ts';

type Inbox = { Params: { id: string }; Querystring: Record<string, string | undefined> };

/** Inbox filters from the query string; anything unreadable is simply not applied. */
function filtersFrom(query: Record<string, string | undefined>): InboxFilters {
  const money = (v: string | undefined) => {
    const parsed = v?.trim() ? parseMoney(v) : null;
    return parsed?.ok ? parsed.value : undefined;
  };
  const sort = ['reference', 'title', 'requested', 'submitted'].includes(query.sort ?? '')
    ? (query.sort as InboxFilters['sort'])
    : undefined;
  return {
    status: APPLICATION_STATUSES.includes(query.status as ApplicationStatus)
      ? (query.status as ApplicationStatus)
      : undefined,
    commune: query.commune?.match(/^\d{5}$/) ? query.commune : undefined,
    targetPublic: query.public || undefined,
    minCents: money(query.min),
    maxCents: money(query.max),
    q: query.q?.slice(0, 200) || undefined,
    sort,
    page: /^\d{1,5}$/.test(query.page ?? '') ? Number(query.page) : undefined,
  };
}

/** The officers' side of applications: the inbox, exports, and returning an application for completion. */
export function officerApplicationsRoutes(service: ApplicationsService) {
  return async function (app: FastifyInstance) {
    app.get<Inbox>('/manage/calls/:id/applications', recordRoute('call', 'manage'), async (request, reply) => {
      const filters = filtersFrom(request.query);
      const inbox = await service.inbox(request.actor, request.params.id, filters);
      return reply.page((ctx) => <InboxPage ctx={ctx} inbox={inbox} page={filters.page ?? 1} query={request.query} />);
    });

    app.get<Inbox>('/manage/calls/:id/applications.csv', recordRoute('call', 'manage'), async (request, reply) => {
      const table = exportTable(await service.exportRows(request.actor, request.params.id), request.locale, request.t);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="applications.csv"')
        .send(toCsv(table, request.locale));
    });

    app.get<Inbox>('/manage/calls/:id/applications.xlsx', recordRoute('call', 'manage'), async (request, reply) => {
      const table = exportTable(await service.exportRows(request.actor, request.params.id), request.locale, request.t);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="applications.xlsx"')
        .send(await toXlsx(table));
    });

    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/manage/applications/:id/return',
      recordRoute('application', 'returnForCompletion'),
      async (request, reply) => {
        await service.authorize(request.actor, request.params.id, 'returnForCompletion');
        const form = parseForm(returnForm, request.body);
        const again = async (errors: FieldErrors | undefined, status: number) => {
          const view = await service.view(request.actor, request.params.id);
          const values = { ...submittedValues(request.body) } as Record<string, string | string[]>;
          return reply.page(
            (ctx) => (
              <ApplicationPage
                ctx={ctx}
                view={view}
                returnForm={{ values, errors: errors ?? (form.ok ? {} : form.errors) }}
              />
            ),
            status,
          );
        };
        if (!form.ok) return again(undefined, 422);
        const returned = await service.returnForCompletion({
          actor: request.actor,
          applicationId: request.params.id,
          ...form.data,
        });
        if (!returned.ok) {
          // A form's mistake is shown next to its field; an application moved on meanwhile is a conflict.
          const refusal = returned.refusals[0];
          return again(RETURN_REFUSALS[refusal], refusal === 'invalid-transition' ? 409 : 422);
        }
        return reply.flash('application.return.done').redirect(`/applications/${request.params.id}`, 303);
      },
    );
  };
}
