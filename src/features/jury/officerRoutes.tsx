import type { SaveJurySettingsRefusal } from '../calls/service.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { refusalMessage, type RefusalMessages } from '../../platform/http/refusals.ts';
import type { Outcome } from '../../domain/refusal.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import {
  computeForm,
  confirmForm,
  inviteForm,
  limitsForm,
  manualAssignForm,
  recordConflictForm,
  settingsForm,
  withdrawForm,
} from './forms.ts';
import type { AssignmentPreview } from './preview.ts';
import {
  ASSIGN_REFUSALS,
  CONFIRM_REFUSALS,
  INVITE_REFUSALS,
  LIMITS_REFUSALS,
  RECORD_CONFLICT_REFUSALS,
  REMINDER_REFUSALS,
  UNASSIGN_REFUSALS,
  WITHDRAW_REFUSALS,
} from './problems.ts';
import type { JuryService } from './service.ts';
import { AssignmentPage } from './views/AssignmentPage.tsx';
import { JuryPage, type FormState } from './views/JuryPage.tsx';
import { JurySettingsPage } from './views/JurySettingsPage.tsx';
import { recordRoute } from '../../platform/http/routePolicy.ts';

type Id = { Params: { id: string } };
type Juror = { Params: { id: string; jurorId: string } };
type Body = { Body: Record<string, string | string[] | undefined> };
type Notice = { key: MessageKey };

const SETTINGS_PROBLEMS: Record<Exclude<SaveJurySettingsRefusal, 'stale' | 'locked-jury'>, [string, MessageKey]> = {
  reviewers: ['reviewersPerApplication', 'jury.error.count'],
  capacity: ['defaultCapacity', 'jury.error.count'],
  'tie-break-repeated': ['tieBreak', 'jury.settings.tieBreakRepeated'],
  'tie-break-unknown': ['tieBreak', 'form.error.choice'],
};

/** The officers' side of the jury: members, invitations, reminders, conflicts, settings, assignment. */
export function officerJuryRoutes(service: JuryService) {
  return async function (app: FastifyInstance) {
    const base = (id: string) => `/manage/calls/${id}/jury`;

    const members = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: { invite?: FormState; conflict?: FormState; notice?: Notice; status?: number } = {},
    ) => {
      const board = await service.board(request.actor, id);
      return reply.page(
        (ctx) => (
          <JuryPage ctx={ctx} board={board} invite={opts.invite} conflict={opts.conflict} notice={opts.notice} />
        ),
        opts.status ?? 200,
      );
    };
    const assignment = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: {
        preview?: AssignmentPreview;
        manual?: FormState;
        compute?: FormState;
        notice?: Notice;
        status?: number;
      } = {},
    ) => {
      const board = await service.board(request.actor, id);
      return reply.page(
        (ctx) => (
          <AssignmentPage
            ctx={ctx}
            board={board}
            preview={opts.preview}
            manual={opts.manual}
            compute={opts.compute}
            notice={opts.notice}
          />
        ),
        opts.status ?? 200,
      );
    };
    /** A refused command shows the page again with its message (409); one carried out gives null. */
    const ifRefused = <R extends string>(
      outcome: Outcome<unknown, R>,
      table: RefusalMessages<R>,
      again: (notice: Notice) => Promise<FastifyReply>,
    ): Promise<FastifyReply> | null => (outcome.ok ? null : again({ key: refusalMessage(outcome.refusals, table) }));

    app.get<Id>('/manage/calls/:id/jury', recordRoute('call', 'manage'), (request, reply) =>
      members(request, reply, request.params.id),
    );

    app.post<Id & Body>('/manage/calls/:id/jury/invitations', recordRoute('call', 'manage'), async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(inviteForm, request.body);
      if (!form.ok)
        return members(request, reply, id, {
          invite: { values: submittedValues(request.body), errors: form.errors },
          status: 422,
        });
      const invited = await service.inviteJuror({
        actor: request.actor,
        callId: id,
        ...form.data,
        locale: request.locale,
      });
      if (!invited.ok) {
        const notice = { key: refusalMessage(invited.refusals, INVITE_REFUSALS) };
        // Already invited is the address's problem: said next to it.
        const errors: FieldErrors = invited.refusals[0] === 'already-invited' ? { email: notice } : {};
        return members(request, reply, id, {
          invite: { values: submittedValues(request.body), errors },
          notice: errors.email ? undefined : notice,
          status: 409,
        });
      }
      return reply.flash('jury.flash.invited').redirect(base(id), 303);
    });

    app.post<Id>('/manage/calls/:id/jury/reminders', recordRoute('call', 'manage'), async (request, reply) => {
      const id = request.params.id;
      // Every juror with something pending: the refusals of reminding one juror cannot arise.
      await service.sendReminders({ actor: request.actor, callId: id, locale: request.locale });
      return reply.flash('jury.flash.reminded').redirect(base(id), 303);
    });

    app.post<Juror>(
      '/manage/calls/:id/jury/jurors/:jurorId/reminder',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const { id, jurorId } = request.params;
        const sent = await service.sendReminders({ actor: request.actor, callId: id, jurorId, locale: request.locale });
        const refused = await ifRefused(sent, REMINDER_REFUSALS, (notice) =>
          members(request, reply, id, { notice, status: 409 }),
        );
        return refused ?? reply.flash('jury.flash.reminded').redirect(base(id), 303);
      },
    );

    app.post<Juror & Body>(
      '/manage/calls/:id/jury/jurors/:jurorId/limits',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const { id, jurorId } = request.params;
        const form = parseForm(limitsForm, request.body);
        if (!form.ok) return members(request, reply, id, { notice: { key: 'jury.error.count' }, status: 422 });
        const set = await service.setJurorLimits({ actor: request.actor, callId: id, jurorId, ...form.data });
        const refused = await ifRefused(set, LIMITS_REFUSALS, (notice) =>
          members(request, reply, id, { notice, status: 409 }),
        );
        return refused ?? reply.flash('jury.flash.limits').redirect(base(id), 303);
      },
    );

    app.post<Juror & Body>(
      '/manage/calls/:id/jury/jurors/:jurorId/withdraw',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const { id, jurorId } = request.params;
        const form = parseForm(withdrawForm, request.body);
        if (!form.ok)
          return members(request, reply, id, { notice: { key: 'jury.withdraw.reasonRequired' }, status: 422 });
        const withdrawn = await service.withdrawJuror({
          actor: request.actor,
          callId: id,
          jurorId,
          reason: form.data.reason,
        });
        const refused = await ifRefused(withdrawn, WITHDRAW_REFUSALS, (notice) =>
          members(request, reply, id, { notice, status: 409 }),
        );
        return refused ?? reply.flash('jury.flash.withdrawn').redirect(base(id), 303);
      },
    );

    app.post<Id & Body>('/manage/calls/:id/jury/conflicts', recordRoute('call', 'manage'), async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(recordConflictForm, request.body);
      const values = submittedValues(request.body);
      if (!form.ok) return members(request, reply, id, { conflict: { values, errors: form.errors }, status: 422 });
      const recorded = await service.recordConflict({ actor: request.actor, callId: id, ...form.data });
      const refused = await ifRefused(recorded, RECORD_CONFLICT_REFUSALS, (notice) =>
        members(request, reply, id, { conflict: { values, errors: {} }, notice, status: 409 }),
      );
      return refused ?? reply.flash('jury.flash.conflictRecorded').redirect(base(id), 303);
    });

    app.get<Id>('/manage/calls/:id/jury/settings', recordRoute('call', 'manage'), async (request, reply) => {
      const managed = await service.settingsView(request.actor, request.params.id);
      return reply.page((ctx) => <JurySettingsPage ctx={ctx} managed={managed} />);
    });

    app.post<Id & Body>('/manage/calls/:id/jury/settings', recordRoute('call', 'editJury'), async (request, reply) => {
      const id = request.params.id;
      const again = async (errors: FieldErrors, status: number, stale = false) => {
        const managed = await service.settingsView(request.actor, id);
        return reply.page(
          (ctx) => (
            <JurySettingsPage
              ctx={ctx}
              managed={managed}
              values={submittedValues(request.body)}
              errors={errors}
              stale={stale}
            />
          ),
          status,
        );
      };
      const form = parseForm(settingsForm, request.body);
      if (!form.ok) return again(form.errors, 422);
      const saved = await service.saveSettings({ actor: request.actor, callId: id, ...form.data });
      if (!saved.ok) {
        // The call's state or a colleague's save: the page is shown again as it now stands.
        if (saved.refusals.includes('stale') || saved.refusals.includes('locked-jury')) return again({}, 409, true);
        const errors: FieldErrors = Object.fromEntries(
          saved.refusals
            .filter((p) => p !== 'stale' && p !== 'locked-jury')
            .map((p) => [SETTINGS_PROBLEMS[p][0], { key: SETTINGS_PROBLEMS[p][1] }]),
        );
        return again(errors, 422);
      }
      return reply.flash('jury.flash.settingsSaved').redirect(`${base(id)}/settings`, 303);
    });

    app.get<Id>('/manage/calls/:id/jury/assignment', recordRoute('call', 'manage'), (request, reply) =>
      assignment(request, reply, request.params.id),
    );

    app.post<Id & Body>('/manage/calls/:id/jury/assignment', recordRoute('call', 'manage'), async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(manualAssignForm, request.body);
      const values = submittedValues(request.body);
      if (!form.ok) return assignment(request, reply, id, { manual: { values, errors: form.errors }, status: 422 });
      const assigned = await service.assignManually({ actor: request.actor, callId: id, ...form.data });
      const refused = await ifRefused(assigned, ASSIGN_REFUSALS, (notice) =>
        assignment(request, reply, id, { manual: { values, errors: {} }, notice, status: 409 }),
      );
      return refused ?? reply.flash('jury.flash.assigned').redirect(`${base(id)}/assignment`, 303);
    });

    app.post<Id & Body>(
      '/manage/calls/:id/jury/assignment/remove',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const id = request.params.id;
        const assignmentId = submittedValues(request.body).assignmentId ?? '';
        const removed = await service.unassign({ actor: request.actor, callId: id, assignmentId });
        const refused = await ifRefused(removed, UNASSIGN_REFUSALS, (notice) =>
          assignment(request, reply, id, { notice, status: 409 }),
        );
        return refused ?? reply.flash('jury.flash.unassigned').redirect(`${base(id)}/assignment`, 303);
      },
    );

    // A POST so that it works without JavaScript; it stores nothing. The solve runs in a worker thread.
    app.post<Id & Body>(
      '/manage/calls/:id/jury/assignment/preview',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const id = request.params.id;
        const form = parseForm(computeForm, request.body);
        if (!form.ok)
          return assignment(request, reply, id, {
            compute: { values: submittedValues(request.body), errors: form.errors },
            status: 422,
          });
        const preview = await service.previewAssignment(request.actor, id, form.data.floor);
        return assignment(request, reply, id, { preview });
      },
    );

    // Reached by reloading the preview's page: back to the assignment, for the call's officers only.
    app.get<Id>('/manage/calls/:id/jury/assignment/preview', recordRoute('call', 'manage'), async (request, reply) => {
      const scoped = await service.managedCall(request.actor, request.params.id);
      return reply.redirect(`${base(scoped.record.id)}/assignment`, 303);
    });

    app.post<Id & Body>(
      '/manage/calls/:id/jury/assignment/confirm',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const id = request.params.id;
        const form = parseForm(confirmForm, request.body);
        if (!form.ok)
          return assignment(request, reply, id, { notice: { key: 'jury.error.confirmStale' }, status: 422 });
        const confirmed = await service.confirmAssignment({ actor: request.actor, callId: id, pairs: form.data.pair });
        const refused = await ifRefused(confirmed, CONFIRM_REFUSALS, (notice) =>
          assignment(request, reply, id, { notice, status: 409 }),
        );
        return refused ?? reply.flash('jury.flash.confirmed').redirect(`${base(id)}/assignment`, 303);
      },
    );
  };
}
