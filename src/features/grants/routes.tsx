import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendDownload } from '../../platform/http/download.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import { readMultipart } from '../../platform/http/multipart.ts';
import { refusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute, SIGNED_IN_ROUTE } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { isAmendmentKind } from '../../domain/grants/amendment.ts';
import {
  acceptForm,
  amountPrefill,
  approveForm,
  outcomeForm,
  reasonForm,
  extensionForm,
  parseBatchForm,
  parseBudgetRevision,
  recoveryForm,
  sendForm,
  settingsForm,
  templateForm,
} from './forms.ts';
import {
  ACCEPT_REFUSALS,
  APPROVE_REFUSALS,
  BATCH_REFUSALS,
  COUNTERSIGN_REFUSALS,
  OUTCOME_REFUSALS,
  SEND_REFUSALS,
  UPLOAD_REFUSALS,
  AMENDMENT_REFUSALS,
  DECLINE_REFUSALS,
  MOVE_REFUSALS,
  NOTIFICATION_REFUSALS,
  RECOVERY_REFUSALS,
  TEMPLATE_REFUSALS,
} from './refusalMessages.ts';
import { OFFICER_GRANT_MOVES } from './commands/moveGrant.ts';
import type { GrantsService } from './service.ts';
import { BatchPage } from './views/BatchPage.tsx';
import { CallGrantsPage } from './views/CallGrantsPage.tsx';
import { GrantPage, type GrantPageProps } from './views/GrantPage.tsx';
import { MyGrantsPage } from './views/MyGrantsPage.tsx';
import { PaymentsPage, type PaymentsPageProps } from './views/PaymentsPage.tsx';
import { RecoveryPage, type RecoveryPageProps } from './views/RecoveryPage.tsx';
import { TemplatePage, type TemplatePageProps } from './views/TemplatePage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };
type Tranche = { Params: { id: string; trancheId: string } };
type Recovery = { Params: { id: string; recoveryId: string } };

/** The grants' pages: the organisation's (my grants, accept the agreement) and the officers' (agreement, payments). */
export function grantsRoutes(service: GrantsService) {
  return async function (app: FastifyInstance) {
    const grantPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<GrantPageProps, 'ctx' | 'page'> = {},
      status = 200,
    ) => {
      const page = await service.grantPage(request.actor, request.params.id);
      return reply.page((ctx) => <GrantPage ctx={ctx} page={page} {...opts} />, status);
    };
    const toGrant = (reply: FastifyReply, id: string, key: MessageKey) =>
      reply.flash(key).redirect(`/grants/${id}`, 303);
    const paymentsPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<PaymentsPageProps, 'ctx' | 'page'> = {},
      status = 200,
    ) => {
      const page = await service.paymentsPage(request.actor, request.params.id);
      return reply.page((ctx) => <PaymentsPage ctx={ctx} page={page} {...opts} />, status);
    };
    const batchPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      refusals?: MessageKey[],
      status = 200,
    ) => {
      const page = await service.batchPage(request.actor, request.params.id);
      return reply.page((ctx) => <BatchPage ctx={ctx} page={page} refusals={refusals} />, status);
    };

    const recoveryPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<RecoveryPageProps, 'ctx' | 'page'>,
      status = 200,
    ) => {
      const page = await service.grantPage(request.actor, request.params.id, { action: 'recordRecovery' });
      return reply.page((ctx) => <RecoveryPage ctx={ctx} page={page} {...opts} />, status);
    };
    const templatePage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<TemplatePageProps, 'ctx' | 'page'> = {},
      status = 200,
    ) => {
      const page = await service.templatePage(request.actor, request.params.id);
      return reply.page((ctx) => <TemplatePage ctx={ctx} page={page} {...opts} />, status);
    };

    // The organisation's side (and the grant page both parties share).
    app.get('/grants', SIGNED_IN_ROUTE, async (request, reply) => {
      const grants = await service.myGrants(request.actor);
      return reply.page((ctx) => <MyGrantsPage ctx={ctx} grants={grants} />);
    });

    app.get<Id>('/grants/:id', recordRoute('grant', 'see'), (request, reply) => grantPage(request, reply));

    app.get<Id>('/grants/:id/agreement.pdf', recordRoute('grant', 'readAgreement'), async (request, reply) =>
      sendDownload(reply, await service.agreementFile(request.actor, request.params.id)),
    );

    app.post<Id & Body>('/grants/:id/accept', recordRoute('grant', 'accept'), async (request, reply) => {
      const form = parseForm(acceptForm, request.body);
      if (!form.ok) return grantPage(request, reply, { accept: form.errors }, 422);
      const accepted = await service.acceptAgreement({
        actor: request.actor,
        grantId: request.params.id,
        ...form.data,
      });
      if (!accepted.ok)
        return grantPage(request, reply, { refusals: refusalMessages(accepted.refusals, ACCEPT_REFUSALS) }, 409);
      return toGrant(reply, request.params.id, 'grants.accepted');
    });

    app.post<Id & Body>('/grants/:id/decline', recordRoute('grant', 'decline'), async (request, reply) => {
      const form = parseForm(reasonForm, request.body);
      if (!form.ok) return grantPage(request, reply, { decline: form }, 422);
      const declined = await service.declineGrant({ actor: request.actor, grantId: request.params.id, ...form.data });
      if (!declined.ok)
        return grantPage(request, reply, { refusals: refusalMessages(declined.refusals, DECLINE_REFUSALS) }, 409);
      return toGrant(
        reply,
        request.params.id,
        declined.value.what === 'grant' ? 'grants.decline.done' : 'grants.decline.amendmentDone',
      );
    });

    // The officers' side of a grant: suspend, resume and close, each the lifecycle's move of the same name.
    for (const move of OFFICER_GRANT_MOVES)
      app.post<Id & Body>(`/grants/:id/${move}`, recordRoute('grant', move), async (request, reply) => {
        const form = parseForm(reasonForm, request.body);
        if (!form.ok) return grantPage(request, reply, { move: { move, ...form } }, 422);
        const moved = await service.moveGrant({ actor: request.actor, grantId: request.params.id, move, ...form.data });
        if (!moved.ok)
          return grantPage(request, reply, { refusals: refusalMessages(moved.refusals, MOVE_REFUSALS) }, 409);
        return toGrant(reply, request.params.id, `grants.move.${move}.done`);
      });

    app.post<Id & Body>('/grants/:id/amendments', recordRoute('grant', 'amend'), async (request, reply) => {
      const body = request.body ?? {};
      const kind = isAmendmentKind(body.kind) ? body.kind : 'extension';
      let input;
      if (kind === 'extension') {
        const form = parseForm(extensionForm, body);
        if (!form.ok) return grantPage(request, reply, { amendment: { kind, ...form } }, 422);
        input = { version: form.data.version, reason: form.data.reason, request: form.data };
      } else {
        const page = await service.grantPage(request.actor, request.params.id);
        const form = parseBudgetRevision(body, page.budget?.lines.length ?? 0);
        if (!form.ok) return grantPage(request, reply, { amendment: { kind, ...form } }, 422);
        input = { ...form.data, request: { kind, lineAmounts: form.data.lineAmounts } };
      }
      const proposed = await service.proposeAmendment({ actor: request.actor, grantId: request.params.id, ...input });
      if (!proposed.ok) {
        const values = Object.fromEntries(
          Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        return grantPage(
          request,
          reply,
          {
            refusals: refusalMessages(proposed.refusals, AMENDMENT_REFUSALS),
            amendment: { kind, values, errors: {} },
          },
          409,
        );
      }
      return toGrant(reply, request.params.id, 'grants.amendment.sent');
    });

    app.get<Id>('/grants/:id/recovery', recordRoute('grant', 'recordRecovery'), (request, reply) =>
      recoveryPage(request, reply, { values: { amount: amountPrefill(request.query) } }),
    );

    app.post<Id & Body>('/grants/:id/recovery', recordRoute('grant', 'recordRecovery'), async (request, reply) => {
      const form = parseForm(recoveryForm, request.body);
      if (!form.ok) return recoveryPage(request, reply, { values: form.values, errors: form.errors }, 422);
      const recorded = await service.recordRecovery({
        actor: request.actor,
        grantId: request.params.id,
        version: form.data.version,
        amountCents: form.data.amount,
        reason: form.data.reason,
      });
      if (!recorded.ok) {
        const values = { amount: submittedValues(request.body).amount ?? '', reason: form.data.reason };
        const refusals = refusalMessages(recorded.refusals, RECOVERY_REFUSALS);
        return recoveryPage(request, reply, { values, refusals }, 409);
      }
      return toGrant(reply, request.params.id, 'grants.recovery.done');
    });

    app.get<Recovery>(
      '/grants/:id/recoveries/:recoveryId/letter.pdf',
      recordRoute('grant', 'see'),
      async (request, reply) =>
        sendDownload(reply, await service.recoveryLetter(request.actor, request.params.id, request.params.recoveryId)),
    );

    app.post<Id & Body>('/grants/:id/agreement', recordRoute('grant', 'sendAgreement'), async (request, reply) => {
      const form = parseForm(sendForm, request.body);
      if (!form.ok) return grantPage(request, reply, { send: form }, 422);
      const sent = await service.sendAgreement({ actor: request.actor, grantId: request.params.id, ...form.data });
      if (!sent.ok) {
        const values = { periodStart: form.data.periodStart, periodEnd: form.data.periodEnd };
        return grantPage(
          request,
          reply,
          { refusals: refusalMessages(sent.refusals, SEND_REFUSALS), send: { values, errors: {} } },
          409,
        );
      }
      return toGrant(reply, request.params.id, 'grants.sent');
    });

    app.post<Id>('/grants/:id/signed-copy', recordRoute('grant', 'uploadSignedCopy'), async (request, reply) => {
      const { file } = await readMultipart(request.body);
      if (!file) return grantPage(request, reply, { upload: { file: { key: 'file.error.missing' } } }, 422);
      const uploaded = await service.uploadSignedCopy({
        actor: request.actor,
        grantId: request.params.id,
        name: file.name,
        bytes: file.bytes,
      });
      if (!uploaded.ok) {
        const [key] = refusalMessages(uploaded.refusals, UPLOAD_REFUSALS);
        return grantPage(request, reply, { upload: { file: { key: key! } } }, 422);
      }
      return toGrant(reply, request.params.id, 'grants.signedCopy.done');
    });

    app.get<Id>('/grants/:id/signed-copy', recordRoute('grant', 'manage'), async (request, reply) =>
      sendDownload(reply, await service.agreementFile(request.actor, request.params.id, 'signed-copy')),
    );

    app.post<Id>('/grants/:id/countersign', recordRoute('grant', 'countersign'), async (request, reply) => {
      const signed = await service.countersign({ actor: request.actor, grantId: request.params.id });
      if (!signed.ok)
        return grantPage(request, reply, { refusals: refusalMessages(signed.refusals, COUNTERSIGN_REFUSALS) }, 409);
      return toGrant(reply, request.params.id, 'grants.countersigned');
    });

    app.post<Tranche & Body>(
      '/grants/:id/tranches/:trancheId/approve',
      recordRoute('grant', 'approveTranches'),
      async (request, reply) => {
        const form = parseForm(approveForm, request.body);
        const approved = await service.approveTranche({
          actor: request.actor,
          grantId: request.params.id,
          trancheId: request.params.trancheId,
          version: form.ok ? form.data.version : -1,
        });
        if (!approved.ok)
          return grantPage(request, reply, { refusals: refusalMessages(approved.refusals, APPROVE_REFUSALS) }, 409);
        return toGrant(
          reply,
          request.params.id,
          approved.value.approved ? 'grants.tranche.approved' : 'grants.tranche.firstApproval',
        );
      },
    );

    // A call's grants and payments.
    app.get<Id>('/manage/calls/:id/grants', recordRoute('call', 'manage'), async (request, reply) => {
      const { call, grants } = await service.callGrants(request.actor, request.params.id);
      return reply.page((ctx) => <CallGrantsPage ctx={ctx} call={call} grants={grants} />);
    });

    app.get<Id>('/manage/calls/:id/payments', recordRoute('call', 'manage'), (request, reply) =>
      paymentsPage(request, reply),
    );

    app.post<Id & Body>('/manage/calls/:id/payments', recordRoute('call', 'manage'), async (request, reply) => {
      const form = parseBatchForm(request.body ?? {});
      const made = await service.createBatch({ actor: request.actor, callId: request.params.id, ...form });
      if (!made.ok)
        return paymentsPage(request, reply, { refusals: refusalMessages(made.refusals, BATCH_REFUSALS) }, 409);
      return reply.flash('grants.batch.created').redirect(`/manage/batches/${made.value.batchId}`, 303);
    });

    app.post<Id>('/manage/calls/:id/payments/notification', recordRoute('call', 'manage'), async (request, reply) => {
      const { file } = await readMultipart(request.body);
      if (!file) return paymentsPage(request, reply, { notification: { file: { key: 'file.error.missing' } } }, 422);
      const imported = await service.importBankNotification({
        actor: request.actor,
        callId: request.params.id,
        bytes: file.bytes,
      });
      if (!imported.ok) {
        const [key] = refusalMessages(imported.refusals, NOTIFICATION_REFUSALS);
        return paymentsPage(request, reply, { notification: { file: { key: key! } } }, 422);
      }
      return paymentsPage(request, reply, { imported: imported.value });
    });

    app.get<Id>('/manage/calls/:id/agreement-template', recordRoute('call', 'manage'), (request, reply) =>
      templatePage(request, reply),
    );

    app.post<Id & Body>(
      '/manage/calls/:id/agreement-template',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const form = parseForm(templateForm, request.body);
        if (!form.ok) return templatePage(request, reply, { values: form.values, errors: form.errors }, 422);
        const { version, ...clauses } = form.data;
        const saved = await service.saveAgreementTemplate({
          actor: request.actor,
          callId: request.params.id,
          version,
          clauses,
        });
        if (!saved.ok) {
          const refusals = refusalMessages(saved.refusals, TEMPLATE_REFUSALS);
          return templatePage(request, reply, { values: clauses, refusals }, 409);
        }
        return reply
          .flash('grants.template.saved')
          .redirect(`/manage/calls/${request.params.id}/agreement-template`, 303);
      },
    );

    app.post<Id & Body>('/manage/calls/:id/payment-settings', recordRoute('call', 'manage'), async (request, reply) => {
      const form = parseForm(settingsForm, request.body);
      if (!form.ok) return paymentsPage(request, reply, { settings: form }, 422);
      await service.savePaymentSettings({
        actor: request.actor,
        callId: request.params.id,
        debtorName: form.data.debtorName,
        debtorIban: form.data.debtorIban,
        debtorBic: form.data.debtorBic,
        secondApprovalAboveCents: form.data.threshold,
      });
      return reply.flash('grants.settings.saved').redirect(`/manage/calls/${request.params.id}/payments`, 303);
    });

    app.get<Id>('/manage/batches/:id', recordRoute('payment-batch', 'see'), (request, reply) =>
      batchPage(request, reply),
    );

    app.get<Id>('/manage/batches/:id/pain001.xml', recordRoute('payment-batch', 'download'), async (request, reply) =>
      sendDownload(reply, await service.batchFile(request.actor, request.params.id)),
    );

    app.post<Id>('/manage/batches/:id/paid', recordRoute('payment-batch', 'recordOutcome'), async (request, reply) => {
      const paid = await service.markBatchPaid({ actor: request.actor, batchId: request.params.id });
      if (!paid.ok) return batchPage(request, reply, refusalMessages(paid.refusals, OUTCOME_REFUSALS), 409);
      return reply.flash('grants.batch.paid').redirect(`/manage/batches/${request.params.id}`, 303);
    });

    for (const outcome of ['failed', 'returned'] as const) {
      app.post<Tranche>(
        `/manage/batches/:id/tranches/:trancheId/${outcome}`,
        recordRoute('payment-batch', outcome === 'failed' ? 'recordOutcome' : 'recordReturn'),
        async (request, reply) => {
          const form = parseForm(outcomeForm, request.body);
          if (!form.ok) return batchPage(request, reply, ['grants.error.outcomeReason'], 422);
          const done = await service.recordTrancheFailure({
            actor: request.actor,
            batchId: request.params.id,
            trancheId: request.params.trancheId,
            outcome,
            reason: form.data.reason,
          });
          if (!done.ok) return batchPage(request, reply, refusalMessages(done.refusals, OUTCOME_REFUSALS), 409);
          return reply.flash(`grants.batch.${outcome}`).redirect(`/manage/batches/${request.params.id}`, 303);
        },
      );
    }
  };
}
