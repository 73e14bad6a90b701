import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RuleViolationError } from '../../domain/errors.ts';
import { moveField, removeField, removeSection, upsertField, upsertSection } from '../../domain/forms/edit.ts';
import { formatMoney } from '../../domain/money.ts';
import { parseForm, submittedValues } from '../../platform/http/forms.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { answerForm, callForm, closeForm, documentForm } from './forms.ts';
import { parseCriteria } from './criteriaForm.ts';
import { CriteriaPage } from './views/CriteriaPage.tsx';
import { QuestionsPage } from './views/QuestionsPage.tsx';
import { readMultipart } from '../../platform/http/multipart.ts';
import { fieldForm, fieldFormValues, sectionForm } from './fieldForm.ts';
import type { CallsService } from './service.ts';
import { CallEditorPage } from './views/CallEditorPage.tsx';
import { FormBuilderPage } from './views/FormBuilderPage.tsx';
import { FormPreviewPage } from './views/FormPreviewPage.tsx';
import { ManageCallsPage } from './views/ManageCallsPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, string | string[] | undefined> };

/** A multi-valued form body as the editor needs it back after an error. */
const bodyValues = (body: unknown) =>
  ({
    ...submittedValues(body),
    ...Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([, v]) => Array.isArray(v))),
  }) as Record<string, string | string[]>;

/** The officers' side of calls: creating and editing them, building their form, publishing and closing. */
export function manageCallsRoutes(service: CallsService) {
  return async function (app: FastifyInstance) {
    const editor = async (
      request: FastifyRequest,
      reply: FastifyReply,
      opts: {
        id?: string;
        values?: Record<string, string | string[]>;
        errors?: FieldErrors;
        stale?: boolean;
        status?: number;
      },
    ) => {
      const funders = await service.managedFunders(request.actor);
      const managed = opts.id ? await service.callForManagement(request.actor, opts.id) : undefined;
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
            stale={opts.stale}
          />
        ),
        opts.status ?? 200,
      );
    };

    const builder = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      opts: {
        fieldValues?: Record<string, string>;
        fieldErrors?: FieldErrors;
        sectionErrors?: FieldErrors;
        formProblems?: string[];
        status?: number;
      } = {},
    ) => {
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

    app.get('/manage/calls', async (request, reply) => {
      const calls = await service.managedCalls(request.actor);
      const canCreate = (await service.managedFunders(request.actor)).length > 0;
      return reply.page((ctx) => <ManageCallsPage ctx={ctx} calls={calls} canCreate={canCreate} />);
    });

    app.get('/manage/calls/new', (request, reply) => editor(request, reply, {}));

    app.post<Body>('/manage/calls', async (request, reply) => {
      const form = parseForm(callForm, request.body);
      if (!form.ok)
        return editor(request, reply, { values: bodyValues(request.body), errors: form.errors, status: 422 });
      const { version: _v, ...call } = form.data;
      try {
        const id = await service.createCall({ actor: request.actor, call });
        return reply.flash('manage.call.created').redirect(`/manage/calls/${id}`, 303);
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        return editor(request, reply, {
          values: bodyValues(request.body),
          errors: { code: { key: 'manage.call.codeTaken' } },
          status: 422,
        });
      }
    });

    app.get<Id>('/manage/calls/:id', (request, reply) => editor(request, reply, { id: request.params.id }));

    app.post<Id & Body>('/manage/calls/:id', async (request, reply) => {
      const id = request.params.id;
      const form = parseForm(callForm, request.body);
      if (!form.ok)
        return editor(request, reply, { id, values: bodyValues(request.body), errors: form.errors, status: 422 });
      const { version, ...call } = form.data;
      try {
        await service.updateCall({ actor: request.actor, callId: id, version: version ?? 0, call });
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        const stale = error.problems.includes('stale');
        return editor(request, reply, {
          id,
          values: bodyValues(request.body),
          errors: stale ? {} : { code: { key: 'manage.call.codeTaken' } },
          stale,
          status: stale ? 409 : 422,
        });
      }
      return reply.flash('manage.call.saved').redirect(`/manage/calls/${id}`, 303);
    });

    app.post<Id>('/manage/calls/:id/publish', async (request, reply) => {
      try {
        await service.publishCall({ actor: request.actor, callId: request.params.id });
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        return editor(request, reply, { id: request.params.id, status: 409 });
      }
      return reply.flash('manage.call.published').redirect(`/manage/calls/${request.params.id}`, 303);
    });

    app.post<Id & Body>('/manage/calls/:id/close', async (request, reply) => {
      const form = parseForm(closeForm, request.body);
      if (!form.ok) return editor(request, reply, { id: request.params.id, errors: form.errors, status: 422 });
      try {
        await service.closeCall({ actor: request.actor, callId: request.params.id, reason: form.data.reason });
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        return editor(request, reply, { id: request.params.id, status: 409 });
      }
      return reply.flash('manage.call.closed').redirect(`/manage/calls/${request.params.id}`, 303);
    });

    app.get<Id>('/manage/calls/:id/form', (request, reply) => builder(request, reply, request.params.id));

    const questionsPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      errors?: { documents?: FieldErrors; answer?: { questionId: string; errors: FieldErrors } },
      status = 200,
    ) => {
      const managed = await service.callForManagement(request.actor, id);
      const [pending, published, documents] = await Promise.all([
        service.pendingQuestions(request.actor, id),
        service.publicQuestions(id),
        service.documents(id),
      ]);
      return reply.page(
        (ctx) => (
          <QuestionsPage
            ctx={ctx}
            managed={managed}
            pending={pending}
            published={published}
            documents={documents}
            documentErrors={errors?.documents}
            answerErrors={errors?.answer}
          />
        ),
        status,
      );
    };

    app.get<Id>('/manage/calls/:id/questions', (request, reply) => questionsPage(request, reply, request.params.id));

    app.post<{ Params: { id: string; questionId: string }; Body: Record<string, string | undefined> }>(
      '/manage/calls/:id/questions/:questionId/answer',
      async (request, reply) => {
        const form = parseForm(answerForm, request.body);
        if (!form.ok)
          return questionsPage(
            request,
            reply,
            request.params.id,
            { answer: { questionId: request.params.questionId, errors: form.errors } },
            422,
          );
        await service.answerQuestion({
          actor: request.actor,
          callId: request.params.id,
          questionId: request.params.questionId,
          ...form.data,
        });
        return reply.flash('manage.questions.answered').redirect(`/manage/calls/${request.params.id}/questions`, 303);
      },
    );

    app.post<Id>('/manage/calls/:id/documents', async (request, reply) => {
      const { fields, file } = await readMultipart(request.body);
      const form = parseForm(documentForm, fields);
      const errors: FieldErrors = form.ok ? {} : form.errors;
      if (!file) errors.file = { key: 'file.error.missing' };
      if (file && form.ok) {
        try {
          await service.addCallDocument({
            actor: request.actor,
            callId: request.params.id,
            label: { fr: form.data.labelFr, nl: form.data.labelNl, en: form.data.labelEn },
            name: file.name,
            bytes: file.bytes,
          });
          return reply.flash('organisation.uploaded').redirect(`/manage/calls/${request.params.id}/questions`, 303);
        } catch (error) {
          if (!(error instanceof RuleViolationError)) throw error;
          errors.file = {
            key:
              error.problems[0] === 'file-too-large'
                ? 'file.error.tooLarge'
                : error.problems[0] === 'file-empty'
                  ? 'file.error.empty'
                  : 'file.error.type',
          };
        }
      }
      return questionsPage(request, reply, request.params.id, { documents: errors }, 422);
    });

    app.post<{ Params: { id: string; documentId: string } }>(
      '/manage/calls/:id/documents/:documentId/remove',
      async (request, reply) => {
        await service.removeCallDocument({
          actor: request.actor,
          callId: request.params.id,
          documentId: request.params.documentId,
        });
        return reply.redirect(`/manage/calls/${request.params.id}/questions`, 303);
      },
    );

    app.get<Id>('/manage/calls/:id/criteria', async (request, reply) => {
      const managed = await service.callForManagement(request.actor, request.params.id);
      return reply.page((ctx) => <CriteriaPage ctx={ctx} managed={managed} />);
    });

    app.post<Id & Body>('/manage/calls/:id/criteria', async (request, reply) => {
      const { criteria, errors, version, rows } = parseCriteria((request.body ?? {}) as Record<string, unknown>);
      const again = async (status: number, stale = false) => {
        const managed = await service.callForManagement(request.actor, request.params.id);
        return reply.page(
          (ctx) => <CriteriaPage ctx={ctx} managed={managed} rows={rows} errors={errors} stale={stale} />,
          status,
        );
      };
      if (Object.keys(errors).length) return again(422);
      try {
        await service.saveCriteria({ actor: request.actor, callId: request.params.id, version, criteria });
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        return again(409, error.problems.includes('stale'));
      }
      return reply.flash('manage.criteria.saved').redirect(`/manage/calls/${request.params.id}/criteria`, 303);
    });

    app.get<Id>('/manage/calls/:id/preview', async (request, reply) => {
      const managed = await service.callForManagement(request.actor, request.params.id);
      return reply.page((ctx) => <FormPreviewPage ctx={ctx} managed={managed} />);
    });

    /** Every change of the form goes through saveForm, which validates the result and versions it. */
    const saveForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      version: number,
      edit: Parameters<CallsService['saveForm']>[0]['edit'],
      onError: { fieldValues?: Record<string, string> } = {},
    ) => {
      try {
        await service.saveForm({ actor: request.actor, callId: id, version, edit });
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        if (error.problems.includes('stale'))
          return builder(request, reply, id, { formProblems: ['stale'], status: 409 });
        return builder(request, reply, id, { ...onError, formProblems: [...error.problems], status: 422 });
      }
      return reply.flash('manage.form.saved').redirect(`/manage/calls/${id}/form`, 303);
    };

    app.post<Id & Body>('/manage/calls/:id/form/fields', async (request, reply) => {
      const form = parseForm(fieldForm, request.body);
      const values = submittedValues(request.body);
      if (!form.ok)
        return builder(request, reply, request.params.id, {
          fieldValues: values,
          fieldErrors: form.errors,
          status: 422,
        });
      const { sectionId, field, version } = form.data;
      return saveForm(request, reply, request.params.id, version, (current) => upsertField(current, sectionId, field), {
        fieldValues: values,
      });
    });

    app.post<{ Params: { id: string; fieldId: string; op: string }; Body: Record<string, string | undefined> }>(
      '/manage/calls/:id/form/fields/:fieldId/:op',
      async (request, reply) => {
        const { id, fieldId, op } = request.params;
        const version = Number(request.body?.version);
        if (op === 'up' || op === 'down')
          return saveForm(request, reply, id, version, (current) => moveField(current, fieldId, op));
        if (op === 'remove') return saveForm(request, reply, id, version, (current) => removeField(current, fieldId));
        return reply.callNotFound();
      },
    );

    app.post<Id & Body>('/manage/calls/:id/form/sections', async (request, reply) => {
      const form = parseForm(sectionForm, request.body);
      if (!form.ok) return builder(request, reply, request.params.id, { sectionErrors: form.errors, status: 422 });
      const { newSectionId: id, titleFr, titleNl, titleEn, version } = form.data;
      return saveForm(request, reply, request.params.id, version, (current) =>
        upsertSection(current, { id, title: { fr: titleFr, nl: titleNl, en: titleEn } }),
      );
    });

    app.post<{ Params: { id: string; sectionId: string }; Body: Record<string, string | undefined> }>(
      '/manage/calls/:id/form/sections/:sectionId/remove',
      async (request, reply) =>
        saveForm(request, reply, request.params.id, Number(request.body?.version), (current) =>
          removeSection(current, request.params.sectionId),
        ),
    );
  };
}
