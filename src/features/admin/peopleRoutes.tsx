import type { FastifyInstance } from 'fastify';
import { submittedValues } from '../../platform/http/forms.ts';
import { addDays, startOfDayInBrussels } from '../../domain/calendarDate.ts';
import { refusalMessages, type RefusalMessages } from '../../platform/http/refusals.ts';
import { installationRoute } from '../../platform/http/routePolicy.ts';
import { ConfirmPage } from '../../platform/views/ConfirmPage.tsx';
import { Textarea } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/MessagePage.tsx';
import type { SetAccountActiveRefusal } from './commands/setAccountActive.ts';
import { auditFilterForm } from './forms.ts';
import type { CallsService } from '../calls/service.ts';
import type { AdminService } from './service.ts';
import { CallsOverviewPage } from './views/CallsOverviewPage.tsx';
import { AuditPage } from './views/AuditPage.tsx';
import { PeoplePage } from './views/PeoplePage.tsx';

type Account = { Params: { id: string; change: string } };

const ACCOUNT_REFUSALS = {
  'own-account': 'admin.people.ownAccount',
} as const satisfies RefusalMessages<SetAccountActiveRefusal>;

/** A Brussels calendar day as the instant it starts; undefined when none was asked. */
const dayStart = (date: string | undefined) => (date ? startOfDayInBrussels(date) : undefined);

/** The administration across funders: people and their accounts, every call, and the audit trail. */
export function peopleRoutes(admin: AdminService, calls: CallsService) {
  return async function (app: FastifyInstance) {
    app.get<{ Querystring: { q?: string } }>(
      '/admin/people',
      installationRoute('administer'),
      async (request, reply) => {
        const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
        const { rows, can } = await admin.people(request.actor, q);
        return reply.page((ctx) => <PeoplePage ctx={ctx} rows={rows} can={can} q={q} />);
      },
    );

    app.get<Account>('/admin/people/:id/:change', installationRoute('managePeople'), async (request, reply) => {
      const { id, change } = request.params;
      if (change !== 'deactivate' && change !== 'reactivate') return reply.callNotFound();
      const person = await admin.person(request.actor, id);
      return reply.page((ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={ctx.t(change === 'deactivate' ? 'admin.people.deactivateTitle' : 'admin.people.reactivateTitle')}
          body={ctx.t(change === 'deactivate' ? 'admin.people.deactivateBody' : 'admin.people.reactivateBody', {
            person: `${person.displayName} <${person.email}>`,
          })}
          action={`/admin/people/${id}/${change}`}
          confirmLabel={ctx.t(change === 'deactivate' ? 'admin.people.deactivate' : 'admin.people.reactivate')}
          cancelHref="/admin/people"
        >
          <Textarea ctx={ctx} name="reason" label={ctx.t('admin.people.reason')} rows={2} />
        </ConfirmPage>
      ));
    });

    app.post<Account & { Body: Record<string, string | undefined> }>(
      '/admin/people/:id/:change',
      installationRoute('managePeople'),
      async (request, reply) => {
        const { id, change } = request.params;
        if (change !== 'deactivate' && change !== 'reactivate') return reply.callNotFound();
        const done = await admin.setAccountActive({
          actor: request.actor,
          userId: id,
          active: change === 'reactivate',
          reason: (submittedValues(request.body).reason ?? '').slice(0, 2000),
        });
        if (!done.ok) {
          const [key] = refusalMessages(done.refusals, ACCOUNT_REFUSALS);
          return reply.page(
            (ctx) => (
              <MessagePage
                ctx={ctx}
                title={ctx.t('admin.people.title')}
                body={ctx.t(key!)}
                link={{ href: '/admin/people', label: ctx.t('admin.nav.people') }}
              />
            ),
            409,
          );
        }
        return reply
          .flash(change === 'deactivate' ? 'admin.people.deactivatedFlash' : 'admin.people.reactivatedFlash')
          .redirect('/admin/people', 303);
      },
    );

    app.get('/admin/calls', installationRoute('administer'), async (request, reply) => {
      const { funders } = await admin.overview(request.actor);
      const rows = await calls.callsOfFunders(funders);
      return reply.page((ctx) => <CallsOverviewPage ctx={ctx} calls={rows} />);
    });

    app.get<{ Querystring: Record<string, string | undefined> }>(
      '/admin/audit',
      installationRoute('administer'),
      async (request, reply) => {
        const query = auditFilterForm.parse(request.query ?? {});

        const { rows, chain, installation } = await admin.audit(
          request.actor,
          {
            actor: query.actor,
            action: query.action,
            subject: query.subject,
            from: dayStart(query.from),
            // The last day asked is included: until the start of the next one.
            to: dayStart(query.to ? addDays(query.to, 1) : undefined),
            before: query.before,
          },
          { verify: query.verify === '1' },
        );
        return reply.page((ctx) => (
          <AuditPage ctx={ctx} rows={rows} query={query} chain={chain} installation={installation} />
        ));
      },
    );
  };
}
