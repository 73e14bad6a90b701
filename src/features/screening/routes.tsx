import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { refusalMessage, type RefusalMessages } from '../../platform/http/refusals.ts';
import { decisionForm, parseChecklist, reopenForm } from './forms.ts';
import type { ScreeningService } from './service.ts';
import { ApplicationScreeningPage } from './views/ApplicationScreeningPage.tsx';
import { CallScreeningPage } from './views/CallScreeningPage.tsx';
import type { DecideEligibilityRefusal } from './commands/decideEligibility.ts';
import type { ReopenEligibilityRefusal } from './commands/reopenEligibility.ts';
import type { SaveChecklistRefusal } from './commands/saveChecklist.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import { pageParam } from '../../platform/views/Pagination.tsx';
import { APPLICATION_STATUSES } from '../../domain/applicationLifecycle.ts';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };
type PageOptions = Omit<Parameters<typeof ApplicationScreeningPage>[0], 'ctx' | 'state'>;

/** The refusals of each screening command, with the message the officer reads. */
const CHECKLIST_REFUSALS = {
  'not-screenable': 'screening.refused.status',
  decided: 'screening.refused.decided',
} as const satisfies RefusalMessages<SaveChecklistRefusal>;
const DECISION_REFUSALS = {
  'invalid-transition': 'screening.refused.status',
  unassessed: 'screening.refused.unassessed',
  'to-verify': 'screening.refused.toVerify',
  'not-met': 'screening.refused.notMet',
  'none-unmet': 'screening.refused.noneUnmet',
  stale: 'screening.refused.stale',
  'reason-required': 'screening.error.reasonRequired',
} as const satisfies RefusalMessages<DecideEligibilityRefusal>;
const REOPEN_REFUSALS = {
  'invalid-transition': 'screening.refused.status',
  'same-officer': 'screening.refused.sameOfficer',
  'not-ineligible': 'screening.refused.notIneligible',
  'reason-required': 'screening.error.reasonRequired',
} as const satisfies RefusalMessages<ReopenEligibilityRefusal>;

/** Eligibility screening, for the call's officers: the call's list and funnel, and each application's checklist and decision. */
export function screeningRoutes(service: ScreeningService) {
  return async function (app: FastifyInstance) {
    const page = async (request: FastifyRequest<Id>, reply: FastifyReply, opts: PageOptions = {}, status = 200) => {
      const state = await service.applicationScreening(request.actor, request.params.id);
      return reply.page((ctx) => <ApplicationScreeningPage ctx={ctx} state={state} {...opts} />, status);
    };
    const done = (request: FastifyRequest<Id>, reply: FastifyReply, key: MessageKey) =>
      reply.flash(key).redirect(`/manage/applications/${request.params.id}/screening`, 303);

    app.get<Id & { Querystring: Record<string, string | undefined> }>(
      '/manage/calls/:id/screening',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const query = request.query;
        const page = pageParam(query.page);
        // An unknown status is not applied, as in the inbox.
        const status = APPLICATION_STATUSES.find((s) => s !== 'draft' && s === query.status);
        const screening = await service.callScreening(request.actor, request.params.id, {
          page,
          statuses: status && [status],
        });
        return reply.page((ctx) => <CallScreeningPage ctx={ctx} screening={screening} page={page} query={query} />);
      },
    );

    app.get<Id>('/manage/applications/:id/screening', recordRoute('application', 'screen'), (request, reply) =>
      page(request, reply),
    );

    app.post<Id & Body>(
      '/manage/applications/:id/screening/checklist',
      recordRoute('application', 'screen'),
      async (request, reply) => {
        // The criteria say which rows to read; loading them also authorises before anything is parsed.
        const { criteria } = await service.applicationScreening(request.actor, request.params.id);
        const form = parseChecklist(request.body ?? {}, criteria);
        if (!form.ok) return page(request, reply, { checklistForm: { values: form.values, errors: form.errors } }, 422);
        const saved = await service.saveChecklist({
          actor: request.actor,
          applicationId: request.params.id,
          version: form.version,
          verdicts: form.verdicts,
        });
        if (!saved.ok)
          return page(request, reply, { problem: refusalMessage(saved.refusals, CHECKLIST_REFUSALS) }, 409);
        const result = saved.value;
        if (result.status === 'conflict') {
          return page(
            request,
            reply,
            {
              checklistForm: {
                values: form.values,
                errors: {},
                conflict: { theirs: result.theirs, by: result.by, version: result.version },
              },
            },
            409,
          );
        }
        return done(request, reply, 'screening.saved');
      },
    );

    app.post<Id & Body>(
      '/manage/applications/:id/screening/decision',
      recordRoute('application', 'screen'),
      async (request, reply) => {
        const form = parseForm(decisionForm, request.body);
        if (!form.ok) return page(request, reply, { decisionForm: { values: form.values, errors: form.errors } }, 422);
        const decided = await service.decideEligibility({
          actor: request.actor,
          applicationId: request.params.id,
          ...form.data,
        });
        if (!decided.ok) {
          return page(
            request,
            reply,
            {
              problem: refusalMessage(decided.refusals, DECISION_REFUSALS),
              decisionForm: { values: { reason: form.data.reason }, errors: {} },
            },
            409,
          );
        }
        return done(
          request,
          reply,
          form.data.decision === 'eligible' ? 'screening.decided.eligible' : 'screening.decided.ineligible',
        );
      },
    );

    app.post<Id & Body>(
      '/manage/applications/:id/screening/reopen',
      recordRoute('application', 'screen'),
      async (request, reply) => {
        const form = parseForm(reopenForm, request.body);
        if (!form.ok) return page(request, reply, { reopenForm: { values: form.values, errors: form.errors } }, 422);
        const reopened = await service.reopenEligibility({
          actor: request.actor,
          applicationId: request.params.id,
          reason: form.data.reason,
        });
        if (!reopened.ok) {
          return page(
            request,
            reply,
            {
              problem: refusalMessage(reopened.refusals, REOPEN_REFUSALS),
              reopenForm: { values: { reason: form.data.reason }, errors: {} },
            },
            409,
          );
        }
        return done(request, reply, 'screening.reopened');
      },
    );
  };
}
