import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { formatMoney } from '../../domain/money.ts';
import { sendDownload } from '../../platform/http/download.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { announcementForm, confirmForm, parsePlanForm, planValues, withdrawalForm } from './forms.ts';
import type { DecisionsService } from './service.ts';
import { DecisionPage, type DecisionPageProps } from './views/DecisionPage.tsx';
import { SelectionPage } from './views/SelectionPage.tsx';
import { refusalMessage, STALE_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import type { ConfirmDecisionRefusal } from './commands/confirmDecision.ts';
import type { PromoteReserveRefusal, WithdrawSelectedRefusal } from './commands/promotion.ts';
import type { PublishResultsRefusal } from './commands/publishResults.ts';
import type { SaveAnnouncementRefusal } from './commands/saveAnnouncement.ts';
import type { SavePlanRefusal } from './commands/savePlan.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import { ConfirmPage } from '../../platform/views/ConfirmPage.tsx';
import { inLocale } from '../../domain/translated.ts';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };

// An application moved meanwhile (withdrawn by its applicant): the command is refused whole.
const CHANGED = 'decisions.refused.changed';
const CONFIRM_REFUSALS = {
  decided: 'decisions.refused.decided',
  'call-open': 'decisions.refused.callOpen',
  'nothing-ranked': 'decisions.blocker.nothing-ranked',
  unscored: 'decisions.blocker.unscored',
  unscreened: 'decisions.blocker.unscreened',
  'stale-plan': 'decisions.refused.stalePlan',
  'missing-translations': 'decisions.refused.missingTranslations',
  'unjustified-violations': 'decisions.refused.unjustified',
  'invalid-transition': CHANGED,
} as const satisfies RefusalMessages<ConfirmDecisionRefusal>;
const ANNOUNCEMENT_REFUSALS = {
  'not-decided': 'decisions.refused.notDecided',
} as const satisfies RefusalMessages<SaveAnnouncementRefusal>;
const PUBLISH_REFUSALS = {
  'not-decided': 'decisions.refused.notDecided',
} as const satisfies RefusalMessages<PublishResultsRefusal>;
const PROMOTE_REFUSALS = {
  'stale-proposal': 'decisions.refused.staleProposal',
  'invalid-transition': CHANGED,
} as const satisfies RefusalMessages<PromoteReserveRefusal>;
const WITHDRAW_REFUSALS = {
  'not-selected': 'decisions.refused.notSelected',
  'invalid-transition': CHANGED,
} as const satisfies RefusalMessages<WithdrawSelectedRefusal>;
const PLAN_REFUSALS = {
  decided: 'decisions.refused.decided',
  ...STALE_MESSAGES,
} as const satisfies RefusalMessages<SavePlanRefusal>;

/** Selection, decision, letters and the publication of results, for the call's officers. */
export function decisionsRoutes(service: DecisionsService) {
  return async function (app: FastifyInstance) {
    const decisionPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<DecisionPageProps, 'ctx' | 'view'> = {},
      status = 200,
    ) => {
      const view = await service.decisionView(request.actor, request.params.id);
      return reply.page((ctx) => <DecisionPage ctx={ctx} view={view} {...opts} />, status);
    };
    const toDecision = (reply: FastifyReply, callId: string, key: MessageKey) =>
      reply.flash(key).redirect(`/manage/calls/${callId}/decision`, 303);

    app.get<Id>('/manage/calls/:id/selection', recordRoute('call', 'manage'), async (request, reply) => {
      const view = await service.selectionView(request.actor, request.params.id);
      return reply.page((ctx) => (
        <SelectionPage
          ctx={ctx}
          view={view}
          values={planValues(view.run.plan, view.run.budgetCents, (c) => formatMoney(c, ctx.locale))}
        />
      ));
    });

    app.post<Id & Body>('/manage/calls/:id/selection', recordRoute('call', 'manage'), async (request, reply) => {
      const form = parsePlanForm(request.body ?? {});
      if (!form.ok) {
        const saved = await service.selectionView(request.actor, request.params.id);
        return reply.page(
          (ctx) => <SelectionPage ctx={ctx} view={saved} values={form.values} errors={form.errors} preview />,
          422,
        );
      }
      if (form.intent === 'preview') {
        const view = await service.selectionView(request.actor, request.params.id, {
          plan: form.plan,
          budgetCents: form.budgetCents,
        });
        return reply.page((ctx) => <SelectionPage ctx={ctx} view={view} values={form.values} preview />);
      }
      const saved = await service.savePlan({
        actor: request.actor,
        callId: request.params.id,
        version: Number(request.body?.version ?? -1),
        plan: form.plan,
      });
      const stale = !saved.ok && saved.refusals.includes('stale');
      if (!saved.ok && !stale)
        return reply
          .flash(refusalMessage(saved.refusals, PLAN_REFUSALS))
          .redirect(`/manage/calls/${request.params.id}/selection`, 303);
      if (saved.ok && saved.value.status === 'saved')
        return reply.flash('decisions.saved').redirect(`/manage/calls/${request.params.id}/selection`, 303);
      // Not saved: the plan as typed, for the call's budget, with what needs a justification marked
      // (or, saved meanwhile by a colleague, the message that says so).
      const view = await service.selectionView(request.actor, request.params.id, {
        plan: form.plan,
        budgetCents: null,
      });
      return reply.page(
        (ctx) => <SelectionPage ctx={ctx} view={view} values={form.values} preview conflict={stale} />,
        stale ? 409 : 422,
      );
    });

    app.get<Id>('/manage/calls/:id/decision', recordRoute('call', 'manage'), async (request, reply) => {
      const today = instantToBrussels(new Date()).date;
      return decisionPage(request, reply, { confirm: { values: { decidedOn: today }, errors: {} } });
    });

    app.post<Id & Body>('/manage/calls/:id/decision', recordRoute('call', 'manage'), async (request, reply) => {
      const form = parseForm(confirmForm, request.body);
      if (!form.ok) return decisionPage(request, reply, { confirm: form }, 422);
      const decided = await service.confirmDecision({ actor: request.actor, callId: request.params.id, ...form.data });
      if (!decided.ok) {
        return decisionPage(
          request,
          reply,
          {
            problem: refusalMessage(decided.refusals, CONFIRM_REFUSALS),
            confirm: { values: submittedValues(request.body), errors: {} },
          },
          409,
        );
      }
      return toDecision(reply, request.params.id, 'decisions.confirmed');
    });

    app.post<Id & Body>('/manage/calls/:id/announcement', recordRoute('call', 'manage'), async (request, reply) => {
      const form = parseForm(announcementForm, request.body);
      if (!form.ok) return decisionPage(request, reply, { announcement: form }, 422);
      const saved = await service.saveAnnouncement({ actor: request.actor, callId: request.params.id, ...form.data });
      if (!saved.ok)
        return decisionPage(request, reply, { problem: refusalMessage(saved.refusals, ANNOUNCEMENT_REFUSALS) }, 409);
      return toDecision(reply, request.params.id, 'decisions.announcement.saved');
    });

    // Publishing the results cannot be taken back: a page says what becomes public, and only its form publishes.
    app.get<Id>('/manage/calls/:id/results/publish', recordRoute('call', 'manage'), async (request, reply) => {
      const view = await service.decisionView(request.actor, request.params.id);
      const decision = view.facts.decision;
      const callId = view.facts.managed.call.id;
      if (!decision || decision.resultsPublishedAt) return reply.redirect(`/manage/calls/${callId}/decision`, 303);
      const funded = view.outcomes.filter((o) => o.outcome === 'selected' && o.reason !== 'withdrawn');
      const totalCents = funded.reduce((sum, o) => sum + (o.amountCents ?? 0), 0);
      return reply.page((ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={ctx.t('decisions.results.confirmTitle', { call: inLocale(view.facts.managed.call.title, ctx.locale) })}
          body={ctx.t('decisions.results.confirmBody', {
            count: funded.length,
            total: formatMoney(totalCents, ctx.locale),
          })}
          action={`/manage/calls/${callId}/results/publish`}
          confirmLabel={ctx.t('decisions.results.publish')}
          cancelHref={`/manage/calls/${callId}/decision`}
        >
          <input type="hidden" name="confirmed" value="yes" />
        </ConfirmPage>
      ));
    });

    app.post<Id & Body>('/manage/calls/:id/results/publish', recordRoute('call', 'manage'), async (request, reply) => {
      // Only the confirmation page's form publishes; anything else is shown that page first.
      if (request.body?.confirmed !== 'yes') {
        // Asked of the service first, so that someone who may not publish is refused, not sent to the page.
        const view = await service.decisionView(request.actor, request.params.id);
        return reply.redirect(`/manage/calls/${view.facts.managed.call.id}/results/publish`, 303);
      }
      const published = await service.publishResults({ actor: request.actor, callId: request.params.id });
      if (!published.ok)
        return decisionPage(request, reply, { problem: refusalMessage(published.refusals, PUBLISH_REFUSALS) }, 409);
      return toDecision(reply, request.params.id, 'decisions.results.done');
    });

    app.post<Id & Body>('/manage/calls/:id/promote', recordRoute('call', 'manage'), async (request, reply) => {
      const expected =
        typeof request.body?.expected === 'string' ? request.body.expected.split(',').filter(Boolean) : [];
      const promoted = await service.promoteReserve({ actor: request.actor, callId: request.params.id, expected });
      if (!promoted.ok)
        return decisionPage(request, reply, { problem: refusalMessage(promoted.refusals, PROMOTE_REFUSALS) }, 409);
      return toDecision(reply, request.params.id, 'decisions.promote.done');
    });

    app.post<Id & Body>('/manage/calls/:id/withdraw-grant', recordRoute('call', 'manage'), async (request, reply) => {
      // Each selected row has its own reason field (ids on a page are unique): reason-<application id>.
      const applicationId = submittedValues(request.body).applicationId ?? '';
      const form = parseForm(withdrawalForm, { applicationId, reason: request.body?.[`reason-${applicationId}`] });
      if (!form.ok) return decisionPage(request, reply, { problem: 'decisions.withdraw.reasonRequired' }, 422);
      const withdrawn = await service.withdrawSelected({
        actor: request.actor,
        callId: request.params.id,
        ...form.data,
      });
      if (!withdrawn.ok)
        return decisionPage(request, reply, { problem: refusalMessage(withdrawn.refusals, WITHDRAW_REFUSALS) }, 409);
      return toDecision(reply, request.params.id, 'decisions.withdraw.done');
    });

    app.get<Id>('/applications/:id/letter', recordRoute('application', 'see'), async (request, reply) =>
      sendDownload(reply, await service.letter(request.actor, request.params.id)),
    );
  };
}
