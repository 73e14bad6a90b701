import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { moveField, removeField, removeSection, upsertField, upsertSection } from '../../domain/forms/edit.ts';
import { formatMoney } from '../../domain/money.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import { refusalMessages, STALE_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { SaveFormRefusal } from './commands/saveForm.ts';
import { fieldForm, fieldFormValues, sectionForm } from './fieldForm.ts';
import { CALL_REFUSALS, FORM_PROBLEMS } from './refusalMessages.ts';
import type { CallsService } from './service.ts';
import { FormBuilderPage } from './views/FormBuilderPage.tsx';
import { FormPreviewPage } from './views/FormPreviewPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | undefined> };

const SAVE_FORM_REFUSALS = {
  ...STALE_MESSAGES,
  ...CALL_REFUSALS,
  ...FORM_PROBLEMS,
} as const satisfies RefusalMessages<SaveFormRefusal>;

interface BuilderOptions {
  fieldValues?: Record<string, string>;
  fieldErrors?: FieldErrors;
  sectionErrors?: FieldErrors;
  refusals?: MessageKey[];
  status?: number;
}

/** The form builder of a call: its sections and fields, edited one at a time, and the preview. */
export function formBuilderRoutes(service: CallsService) {
  return async function (app: FastifyInstance) {
    const builder = async (request: FastifyRequest, reply: FastifyReply, id: string, opts: BuilderOptions = {}) => {
      const managed = await service.callForManagement(request.actor, id);
      const editId = (request.query as { edit?: string }).edit;
      let fieldValues = opts.fieldValues;
      if (!fieldValues && editId) {
        const section = managed.form.sections.find((s) => s.fields.some((f) => f.id === editId));
        const field = section?.fields.find((f) => f.id === editId);
        if (section && field)
          fieldValues = fieldFormValues(section.id, field, managed.call.version, (c) => formatMoney(c, request.locale));
      }
      return reply.page(
        (ctx) => <FormBuilderPage ctx={ctx} managed={managed} {...opts} fieldValues={fieldValues} />,
        opts.status ?? 200,
      );
    };

    /** Every change of the form goes through saveForm, which validates the result and versions it. */
    const save = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      version: number,
      edit: Parameters<CallsService['saveForm']>[0]['edit'],
      onError: { fieldValues?: Record<string, string> } = {},
    ) => {
      const saved = await service.saveForm({ actor: request.actor, callId: id, version, edit });
      if (!saved.ok) {
        const conflict = saved.refusals.some((r) => r === 'stale' || r.startsWith('locked'));
        const refusals = refusalMessages(saved.refusals, SAVE_FORM_REFUSALS);
        return builder(
          request,
          reply,
          id,
          conflict ? { refusals, status: 409 } : { ...onError, refusals, status: 422 },
        );
      }
      return reply.flash('manage.form.saved').redirect(`/manage/calls/${id}/form`, 303);
    };

    app.get<Id>('/manage/calls/:id/form', recordRoute('call', 'manage'), (request, reply) =>
      builder(request, reply, request.params.id),
    );

    app.get<Id>('/manage/calls/:id/preview', recordRoute('call', 'manage'), async (request, reply) => {
      const managed = await service.callForManagement(request.actor, request.params.id);
      return reply.page((ctx) => <FormPreviewPage ctx={ctx} managed={managed} />);
    });

    app.post<Id & Body>('/manage/calls/:id/form/fields', recordRoute('call', 'editForm'), async (request, reply) => {
      const form = parseForm(fieldForm, request.body);
      const values = submittedValues(request.body);
      if (!form.ok)
        return builder(request, reply, request.params.id, {
          fieldValues: values,
          fieldErrors: form.errors,
          status: 422,
        });
      const { sectionId, field, version } = form.data;
      return save(request, reply, request.params.id, version, (current) => upsertField(current, sectionId, field), {
        fieldValues: values,
      });
    });

    app.post<{ Params: { id: string; fieldId: string; op: string } } & Body>(
      '/manage/calls/:id/form/fields/:fieldId/:op',
      recordRoute('call', 'editForm'),
      async (request, reply) => {
        const { id, fieldId, op } = request.params;
        // The call first: an operation that does not exist is "not found" only to its officers.
        await service.load(request.actor, id, { action: 'editForm' });
        const version = Number(request.body?.version);
        if (op === 'up' || op === 'down') return save(request, reply, id, version, (f) => moveField(f, fieldId, op));
        if (op === 'remove') return save(request, reply, id, version, (f) => removeField(f, fieldId));
        return reply.callNotFound();
      },
    );

    app.post<Id & Body>('/manage/calls/:id/form/sections', recordRoute('call', 'editForm'), async (request, reply) => {
      const form = parseForm(sectionForm, request.body);
      if (!form.ok) return builder(request, reply, request.params.id, { sectionErrors: form.errors, status: 422 });
      const { newSectionId: id, titleFr, titleNl, titleEn, version } = form.data;
      return save(request, reply, request.params.id, version, (current) =>
        upsertSection(current, { id, title: { fr: titleFr, nl: titleNl, en: titleEn } }),
      );
    });

    app.post<{ Params: { id: string; sectionId: string } } & Body>(
      '/manage/calls/:id/form/sections/:sectionId/remove',
      recordRoute('call', 'editForm'),
      async (request, reply) =>
        save(request, reply, request.params.id, Number(request.body?.version), (current) =>
          removeSection(current, request.params.sectionId),
        ),
    );
  };
}
