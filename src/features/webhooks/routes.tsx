import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, submittedList, submittedValues } from '../../platform/http/forms.ts';
import { refusalMessages, type RefusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { RegisterEndpointRefusal } from './commands/registerEndpoint.ts';
import { endpointForm } from './forms.ts';
import type { WebhooksService } from './service.ts';
import { EndpointPage } from './views/EndpointPage.tsx';
import { WebhooksPage, type EndpointFormState } from './views/WebhooksPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | string[] | undefined> };

const REGISTER_REFUSALS = {
  'url-invalid': 'webhooks.refusal.url-invalid',
  'url-not-https': 'webhooks.refusal.url-not-https',
  'no-event': 'webhooks.refusal.no-event',
} as const satisfies RefusalMessages<RegisterEndpointRefusal>;

// A funder's webhooks are under WEBHOOK_POLICY (src/domain/webhooks.ts), the funder named by `:id`;
// an endpoint's and a delivery's pages under the same policy, at the funder they belong to.
const FUNDER = recordRoute('funderWebhooks', 'manage');
const ENDPOINT = recordRoute('webhookEndpoint', 'manage');
const DELIVERY = recordRoute('webhookDelivery', 'manage');

/** The administrators' webhook pages: a funder's endpoints, one endpoint with its deliveries, and their actions. */
export function webhooksRoutes(webhooks: WebhooksService) {
  return async function (app: FastifyInstance) {
    const funderPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: EndpointFormState) => {
      const data = await webhooks.funderEndpoints(request.actor, id);
      return reply.page((ctx) => <WebhooksPage ctx={ctx} {...data} {...(form ? { form } : {})} />, form ? 422 : 200);
    };

    app.get<Id>('/admin/funders/:id/webhooks', FUNDER, (request, reply) =>
      funderPage(request, reply, request.params.id),
    );

    app.post<Id & Body>('/admin/funders/:id/webhooks', FUNDER, async (request, reply) => {
      const body = request.body ?? {};
      const typed = submittedValues(body);
      const values = {
        url: typed.url ?? '',
        description: typed.description ?? '',
        events: submittedList(body, 'events'),
      };
      const form = parseForm(endpointForm, body);
      if (!form.ok) return funderPage(request, reply, request.params.id, { values, errors: form.errors });
      const registered = await webhooks.registerEndpoint({
        actor: request.actor,
        funderId: request.params.id,
        ...form.data,
      });
      if (!registered.ok)
        return funderPage(request, reply, request.params.id, {
          values,
          errors: {},
          refusals: refusalMessages(registered.refusals, REGISTER_REFUSALS),
        });
      return reply.flash('webhooks.registered').redirect(`/admin/webhooks/${registered.value.id}`, 303);
    });

    app.get<Id>('/admin/webhooks/:id', ENDPOINT, async (request, reply) => {
      const data = await webhooks.endpoint(request.actor, request.params.id);
      return reply.page((ctx) => <EndpointPage ctx={ctx} {...data} />);
    });

    for (const [change, status, flash] of [
      ['pause', 'paused', 'webhooks.pausedFlash'],
      ['resume', 'active', 'webhooks.resumed'],
    ] as const) {
      app.post<Id>(`/admin/webhooks/:id/${change}`, ENDPOINT, async (request, reply) => {
        await webhooks.setEndpointStatus({ actor: request.actor, endpointId: request.params.id, status });
        return reply.flash(flash).redirect(`/admin/webhooks/${request.params.id}`, 303);
      });
    }

    app.post<Id>('/admin/webhooks/deliveries/:id/replay', DELIVERY, async (request, reply) => {
      const { endpointId } = await webhooks.replayDelivery({ actor: request.actor, deliveryId: request.params.id });
      return reply.flash('webhooks.replayed').redirect(`/admin/webhooks/${endpointId}`, 303);
    });
  };
}
