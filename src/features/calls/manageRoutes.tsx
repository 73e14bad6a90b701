import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CloseCallRefusal } from './commands/closeCall.ts';
import type { CreateCallRefusal } from './commands/createCall.ts';
import type { UpdateCallRefusal } from './commands/updateCall.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import { refusalMessages, STALE_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import { installationRoute, recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { callForm, closeForm, correctionNoteOf } from './forms.ts';
import { CALL_REFUSALS, PUBLISH_REFUSALS } from './refusalMessages.ts';
import type { CallsService } from './service.ts';
import { CallEditorPage } from './views/CallEditorPage.tsx';
import { ManageCallsPage } from './views/ManageCallsPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | string[] | undefined> };

/** A multi-valued form body as the editor needs it back after an error. */
const bodyValues = (body: unknown) =>
  ({
    ...submittedValues(body),
    ...Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => Array.isArray(v))),
  }) as Record<string, string | string[]>;

const CREATE_REFUSALS = { 'code-taken': 'manage.call.codeTaken' } as const satisfies RefusalMessages<CreateCallRefusal>;
const UPDATE_REFUSALS = {
  ...STALE_MESSAGES,
  ...CALL_REFUSALS,
  'code-taken': 'manage.call.codeTaken',
  'code-locked': 'call.refusal.code-locked',
  'deadline-past': 'call.refusal.deadline-past',
} as const satisfies RefusalMessages<UpdateCallRefusal>;
const CLOSE_REFUSALS = {
  'reason-required': 'call.refusal.reason-required',
  'invalid-transition': 'call.refusal.invalid-transition',
  'deadline-passed': 'call.refusal.deadline-passed',
  'deadline-not-passed': 'call.refusal.invalid-transition',
} as const satisfies RefusalMessages<CloseCallRefusal>;

const call = (action: Parameters<typeof recordRoute>[1]) => recordRoute('call', action);

interface EditorOptions {
  id?: string;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  refusals?: MessageKey[];
  status?: number;
}

/** The officers' side of calls: the list, creating and editing a call, publishing and closing it. */
export function manageCallsRoutes(service: CallsService) {
  return async function (app: FastifyInstance) {
    const editor = async (request: FastifyRequest, reply: FastifyReply, opts: EditorOptions) => {
      // The call first: to whom it is not theirs, it does not exist, whatever else they may do.
      const managed = opts.id ? await service.callForManagement(request.actor, opts.id) : undefined;
      const funders = await service.managedFunders(request.actor);
      const funderId = managed?.call.funderId ?? funders[0]?.id;
      const publics = funderId ? await service.terms(funderId, 'target-public') : [];
      const activityTypes = funderId ? await service.terms(funderId, 'activity-type') : [];
      return reply.page(
        (ctx) => (
          <CallEditorPage
            ctx={ctx}
            managed={managed}
            funders={funders}
            publics={publics}
            activityTypes={activityTypes}
            values={opts.values}
            errors={opts.errors}
            refusals={opts.refusals}
          />
        ),
        opts.status ?? 200,
      );
    };

    app.get('/manage/calls', installationRoute('runCalls'), async (request, reply) => {
      const calls = await service.managedCalls(request.actor);
      const canCreate = (await service.managedFunders(request.actor)).length > 0;
      return reply.page((ctx) => <ManageCallsPage ctx={ctx} calls={calls} canCreate={canCreate} />);
    });

    app.get('/manage/calls/new', installationRoute('runCalls'), (request, reply) => editor(request, reply, {}));

    app.post<Body>('/manage/calls', installationRoute('runCalls'), async (request, reply) => {
      const form = parseForm(callForm, request.body);
      if (!form.ok)
        return editor(request, reply, { values: bodyValues(request.body), errors: form.errors, status: 422 });
      const { version: _v, ...call } = form.data;
      const created = await service.createCall({ actor: request.actor, call });
      if (!created.ok) {
        const [key] = refusalMessages(created.refusals, CREATE_REFUSALS);
        return editor(request, reply, {
          values: bodyValues(request.body),
          errors: { code: { key: key! } },
          status: 422,
        });
      }
      return reply.flash('manage.call.created').redirect(`/manage/calls/${created.value}`, 303);
    });

    app.get<Id>('/manage/calls/:id', call('manage'), (request, reply) =>
      editor(request, reply, { id: request.params.id }),
    );

    app.post<Id & Body>('/manage/calls/:id', call('manage'), async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(callForm, request.body);
      if (!form.ok)
        return editor(request, reply, { id, values: bodyValues(request.body), errors: form.errors, status: 422 });
      const { version, ...input } = form.data;
      const saved = await service.updateCall({
        actor: request.actor,
        callId: id,
        version: version ?? 0,
        call: input,
        correctionNote: correctionNoteOf(request.body),
      });
      if (!saved.ok) {
        const refusals = refusalMessages(saved.refusals, UPDATE_REFUSALS);
        const status =
          saved.refusals.includes('stale') || saved.refusals.some((r) => r.startsWith('locked')) ? 409 : 422;
        const errors: FieldErrors = saved.refusals.includes('code-taken')
          ? { code: { key: 'manage.call.codeTaken' } }
          : {};
        if (saved.refusals.includes('note-required')) errors.correctionFr = { key: 'call.refusal.note-required' };
        return editor(request, reply, { id, values: bodyValues(request.body), errors, refusals, status });
      }
      return reply.flash('manage.call.saved').redirect(`/manage/calls/${id}`, 303);
    });

    app.post<Id>('/manage/calls/:id/publish', call('publish'), async (request, reply) => {
      const published = await service.publishCall({ actor: request.actor, callId: request.params.id });
      if (!published.ok) {
        const refusals = refusalMessages(published.refusals, PUBLISH_REFUSALS);
        return editor(request, reply, { id: request.params.id, refusals, status: 409 });
      }
      return reply.flash('manage.call.published').redirect(`/manage/calls/${request.params.id}`, 303);
    });

    app.post<Id & Body>('/manage/calls/:id/close', call('closeEarly'), async (request, reply) => {
      const form = parseForm(closeForm, request.body);
      if (!form.ok) return editor(request, reply, { id: request.params.id, errors: form.errors, status: 422 });
      const closed = await service.closeCall({
        actor: request.actor,
        callId: request.params.id,
        reason: form.data.reason,
      });
      if (!closed.ok) {
        const missing = closed.refusals.includes('reason-required');
        return editor(request, reply, {
          id: request.params.id,
          errors: missing ? { reason: { key: 'form.error.required' } } : {},
          refusals: missing ? [] : refusalMessages(closed.refusals, CLOSE_REFUSALS),
          status: missing ? 422 : 409,
        });
      }
      return reply.flash('manage.call.closed').redirect(`/manage/calls/${request.params.id}`, 303);
    });
  };
}
