import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { acceptsApplications } from '../../domain/callLifecycle.ts';
import { UNREADABLE_ERRORS } from '../../domain/forms/answers.ts';
import type { RawAnswers, RawBudget } from '../../domain/forms/definition.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { readFormParts, readMultipart } from '../../platform/http/multipart.ts';
import { sendDownload } from '../../platform/http/download.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { MaybeActor } from '../../domain/access.ts';
import type { CallsService } from '../calls/service.ts';
import type { ApplicantOutcome } from '../decisions/applicantOutcome.ts';
import { answerErrorText } from '../forms/AnswerFields.tsx';
import { rawAnswersFromBody } from '../forms/answerBody.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import { applyForm, withdrawForm } from './forms.ts';
import {
  ATTACH_REFUSALS,
  DETACH_REFUSALS,
  SAVE_REFUSALS,
  SECTION_REFUSALS,
  START_REFUSALS,
  SUBMIT_REFUSALS,
  WITHDRAW_REFUSALS,
} from './problems.ts';
import { submittedApplicationPdf } from './submittedPdf.ts';
import type { ApplicationsService } from './service.ts';
import { ApplicationPage } from './views/ApplicationPage.tsx';
import { ApplyPage } from './views/ApplyPage.tsx';
import { DashboardPage } from './views/DashboardPage.tsx';
import { ReceiptPage } from './views/ReceiptPage.tsx';
import { SectionPage } from './views/SectionPage.tsx';
import { refusalMessage } from '../../platform/http/refusals.ts';
import { SIGNED_IN_ROUTE, recordRoute } from '../../platform/http/routePolicy.ts';
import { savedInPart } from '../../platform/http/savedInPart.ts';

type Id = { Params: { id: string } };
type Section = { Params: { id: string; sectionId: string } };
type Body = { Body: Record<string, unknown> };

/** The applicant's side: starting, filling, attaching, submitting, withdrawing. */
export function applicationsRoutes(
  service: ApplicationsService,
  calls: CallsService,
  organisations: OrganisationsService,
  /** The decisions capability's query of an application's outcome (decisions are built after applications). */
  outcomes: { outcomeFor(actor: MaybeActor, applicationId: string): Promise<ApplicantOutcome | null> },
  /** The grants capability's query of an application's grant, if the reader may see it (grants come later still). */
  grants?: { grantOfApplication(actor: MaybeActor, applicationId: string): Promise<{ id: string } | null> },
) {
  return async function (app: FastifyInstance) {
    const overview = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      problem: MessageKey,
      status: number,
    ) => {
      const view = await service.view(request.actor, id);
      return reply.page((ctx) => <ApplicationPage ctx={ctx} view={view} problem={problem} />, status);
    };

    app.get<Id>('/calls/:id/apply', recordRoute('call', 'apply'), async (request, reply) => {
      const { call } = await calls.applicationContext(request.params.id);
      const mine = await organisations.myOrganisations(request.actor);
      return reply.page((ctx) => <ApplyPage ctx={ctx} call={call} organisations={mine} />);
    });

    app.post<Id & Body>('/calls/:id/apply', recordRoute('call', 'apply'), async (request, reply) => {
      const { call } = await calls.applicationContext(request.params.id);
      const mine = await organisations.myOrganisations(request.actor);
      // A call that is not open answers with why (closed, decided, not yet open), and no form.
      if (!acceptsApplications(call, new Date()))
        return reply.page((ctx) => <ApplyPage ctx={ctx} call={call} organisations={mine} />, 409);
      const form = parseForm(applyForm, request.body);
      if (!form.ok)
        return reply.page(
          (ctx) => <ApplyPage ctx={ctx} call={call} organisations={mine} values={form.values} errors={form.errors} />,
          422,
        );
      const started = await service.startApplication({ actor: request.actor, callId: call.id, ...form.data });
      if (started.ok) return reply.redirect(`/applications/${started.value}`, 303);
      const key = refusalMessage(started.refusals, START_REFUSALS);
      return reply.page(
        (ctx) => (
          <ApplyPage ctx={ctx} call={call} organisations={mine} values={form.data} errors={{ title: { key } }} />
        ),
        409,
      );
    });

    app.get('/applications', SIGNED_IN_ROUTE, async (request, reply) => {
      const rows = await service.dashboard(request.actor);
      return reply.page((ctx) => <DashboardPage ctx={ctx} rows={rows} />);
    });

    app.get<Id>('/applications/:id', recordRoute('application', 'see'), async (request, reply) => {
      const view = await service.view(request.actor, request.params.id);
      const outcome = view.application.submittedAt
        ? await outcomes.outcomeFor(request.actor, view.application.id)
        : null;
      // Officers' internal notes: read for officers only, so no applicant's page can carry them.
      const notes = view.viewer === 'officer' ? await service.notes(request.actor, view.application.id) : undefined;
      const grant =
        outcome?.outcome === 'selected' ? await grants?.grantOfApplication(request.actor, view.application.id) : null;
      return reply.page((ctx) => (
        <ApplicationPage ctx={ctx} view={view} outcome={outcome} notes={notes} grantId={grant?.id ?? null} />
      ));
    });

    app.get<Section>(
      '/applications/:id/sections/:sectionId',
      recordRoute('application', 'see'),
      async (request, reply) => {
        const view = await service.view(request.actor, request.params.id);
        if (!view.form.sections.some((s) => s.id === request.params.sectionId)) return reply.callNotFound();
        return reply.page((ctx) => <SectionPage ctx={ctx} view={view} sectionId={request.params.sectionId} />);
      },
    );

    /** The section a request names, as the applicant's view shows it (null: no such section). */
    const sectionOf = async (request: FastifyRequest<Section>) => {
      const view = await service.view(request.actor, request.params.id, 'edit');
      const section = view.form.sections.find((s) => s.id === request.params.sectionId);
      return section ? { view, section } : null;
    };
    const titleOf = (body: Record<string, unknown>) => (typeof body.title === 'string' ? body.title : undefined);

    /**
     * Saves a section as its form sends it: urlencoded, or multipart when the section has files to
     * attach. Answers, chosen files and files ticked for removal go together, in one request.
     */
    app.post<Section & Body>(
      '/applications/:id/sections/:sectionId',
      recordRoute('application', 'edit'),
      async (request, reply) => {
        const { fields: body, files: chosen } = await readFormParts(request.body);
        const found = await sectionOf(request);
        if (!found) return reply.callNotFound();
        const { view, section } = found;
        const fileFields = new Set(section.fields.filter((f) => f.type === 'file').map((f) => f.id));
        const raw: RawAnswers = rawAnswersFromBody(section.fields, body);
        const saved = await service.saveSection({
          actor: request.actor,
          applicationId: view.application.id,
          version: Number(body.version),
          raw,
          title: titleOf(body),
          files: chosen.flatMap((f) => {
            const fieldId = f.field.startsWith('a.') ? f.field.slice(2) : '';
            return fileFields.has(fieldId) ? [{ fieldId, name: f.name, bytes: f.bytes }] : [];
          }),
          remove: [body.remove ?? []].flat(),
        });
        if (!saved.ok)
          return overview(request, reply, request.params.id, refusalMessage(saved.refusals, SECTION_REFUSALS), 409);
        const outcome = saved.value;
        const result = outcome.save;
        const fileErrors = Object.fromEntries(
          Object.entries(outcome.fileErrors).map(([fieldId, code]) => [fieldId, ATTACH_REFUSALS[code]]),
        );
        if (result.status === 'conflict') {
          // Nothing lost: their input stays in the fields, the other person's answers beside them.
          const theirs = Object.fromEntries(
            section.fields
              .filter((f) => f.type !== 'file')
              .filter((f) => JSON.stringify(result.theirs[f.id] ?? '') !== JSON.stringify(raw[f.id] ?? ''))
              .map((f) => [f.id, displayRaw(result.theirs[f.id])]),
          );
          const fresh =
            Object.keys(fileErrors).length < chosen.length
              ? await service.view(request.actor, view.application.id)
              : view;
          return reply.page(
            (ctx) => (
              <SectionPage
                ctx={ctx}
                view={fresh}
                sectionId={section.id}
                raw={{ ...fresh.application.rawAnswers, ...raw }}
                conflict={{ theirs, by: result.by, version: outcome.version }}
                fileErrors={fileErrors}
              />
            ),
            409,
          );
        }
        if (Object.keys(result.refused).length || result.titleError || Object.keys(fileErrors).length) {
          // The rest is saved; what was refused is shown with its message, an unreadable value as typed so it
          // can be corrected (what broke a limit is not sent back: it may be huge).
          const fresh = await service.view(request.actor, view.application.id);
          const typed = Object.fromEntries(
            Object.entries(result.refused)
              .filter(([, e]) => UNREADABLE_ERRORS.includes(e.code))
              .map(([id]) => [id, raw[id]!]),
          );
          savedInPart(reply, outcome.version);
          return reply.page(
            (ctx) => (
              <SectionPage
                ctx={ctx}
                view={fresh}
                sectionId={section.id}
                raw={{ ...fresh.application.rawAnswers, ...typed }}
                errors={{ ...fresh.errors, ...result.refused }}
                titleError={result.titleError}
                fileErrors={fileErrors}
              />
            ),
            422,
          );
        }
        const next = view.form.sections[view.form.sections.indexOf(section) + 1];
        const to =
          body.then === 'next' && next
            ? `/applications/${view.application.id}/sections/${next.id}`
            : `/applications/${view.application.id}/sections/${section.id}`;
        return reply.flash('application.saved').redirect(to, 303);
      },
    );

    app.post<Section & Body>(
      '/applications/:id/sections/:sectionId/autosave',
      recordRoute('application', 'edit'),
      async (request, reply) => {
        // The hot path of a deadline: the body is read against the form inside the save, which loads the
        // application once (the section's page, with everything it shows, is not built for an autosave).
        const body = (request.body ?? {}) as Record<string, unknown>;
        const saved = await service.autosave({
          actor: request.actor,
          applicationId: request.params.id,
          version: Number(body.version),
          section: { id: request.params.sectionId, body },
          title: titleOf(body),
        });
        if (!saved.ok)
          return reply
            .code(409)
            .send({ status: 'refused', message: request.t(refusalMessage(saved.refusals, SAVE_REFUSALS)) });
        const result = saved.value;
        if (result.status === 'conflict') return reply.code(409).send({ status: 'conflict', by: result.by });
        const refused = Object.entries(result.refused).map(([id, error]) => [id, answerErrorText(request, error)]);
        if (result.titleError) refused.unshift(['title', answerErrorText(request, result.titleError)]);
        if (refused.length)
          return reply.code(422).send({
            status: 'refused',
            version: result.version,
            message: request.t('form.notSaved', { problems: refused.map(([, text]) => text).join(' ') }),
            errors: Object.fromEntries(refused),
          });
        return reply.send({
          status: 'saved',
          version: result.version,
          savedAt: formatInstant(result.savedAt, request.locale, 'time'),
          errors: Object.keys(result.errors),
        });
      },
    );

    app.post<Id>('/applications/:id/submit', recordRoute('application', 'submit'), async (request, reply) => {
      const submitted = await service.submitApplication({ actor: request.actor, applicationId: request.params.id });
      if (!submitted.ok) {
        const key = refusalMessage(submitted.refusals, SUBMIT_REFUSALS);
        return overview(request, reply, request.params.id, key, submitted.refusals[0] === 'incomplete' ? 422 : 409);
      }
      return reply.redirect(`/applications/${request.params.id}/receipt`, 303);
    });

    app.get<Id>('/applications/:id/pdf', recordRoute('application', 'downloadPdf'), async (request, reply) => {
      const submitted = await service.submittedApplication(request.actor, request.params.id);
      return sendDownload(reply, await submittedApplicationPdf(submitted, request));
    });

    app.get<Id>('/applications/:id/receipt', recordRoute('application', 'see'), async (request, reply) => {
      const view = await service.view(request.actor, request.params.id);
      if (!view.submissions.length) return reply.redirect(`/applications/${view.application.id}`, 303);
      return reply.page((ctx) => <ReceiptPage ctx={ctx} view={view} />);
    });

    app.post<Id & Body>(
      '/applications/:id/withdraw',
      recordRoute('application', 'withdraw'),
      async (request, reply) => {
        await service.authorize(request.actor, request.params.id, 'withdraw');
        const form = parseForm(withdrawForm, request.body);
        if (!form.ok) return overview(request, reply, request.params.id, 'application.withdraw.reasonRequired', 422);
        const withdrawn = await service.withdrawApplication({
          actor: request.actor,
          applicationId: request.params.id,
          reason: form.data.reason,
        });
        if (!withdrawn.ok)
          return overview(
            request,
            reply,
            request.params.id,
            refusalMessage(withdrawn.refusals, WITHDRAW_REFUSALS),
            409,
          );
        return reply.flash('application.withdrawn').redirect(`/applications/${request.params.id}`, 303);
      },
    );

    app.post<Id & { Querystring: { field?: string } }>(
      '/applications/:id/files',
      recordRoute('application', 'edit'),
      async (request, reply) => {
        await service.authorize(request.actor, request.params.id, 'edit');
        const { fields, file } = await readMultipart(request.body);
        const fieldId = request.query.field ?? '';
        const back = `/applications/${request.params.id}/sections/${fields.section ?? ''}`;
        const showError = async (key: MessageKey) => {
          const view = await service.view(request.actor, request.params.id);
          const sectionId =
            view.form.sections.find((s) => s.fields.some((f) => f.id === fieldId))?.id ?? view.form.sections[0]!.id;
          return reply.page(
            (ctx) => <SectionPage ctx={ctx} view={view} sectionId={sectionId} fileErrors={{ [fieldId]: key }} />,
            422,
          );
        };
        if (!file) return showError('file.error.missing');
        const attached = await service.attachFile({
          actor: request.actor,
          applicationId: request.params.id,
          fieldId,
          name: file.name,
          bytes: file.bytes,
        });
        if (!attached.ok) return showError(refusalMessage(attached.refusals, ATTACH_REFUSALS));
        return reply.flash('application.fileAttached').redirect(back, 303);
      },
    );

    app.post<{ Params: { id: string; fileId: string }; Body: Record<string, string | undefined> }>(
      '/applications/:id/files/:fileId/remove',
      recordRoute('application', 'edit'),
      async (request, reply) => {
        const detached = await service.detachFile({
          actor: request.actor,
          applicationId: request.params.id,
          fileId: request.params.fileId,
        });
        if (!detached.ok)
          return overview(request, reply, request.params.id, refusalMessage(detached.refusals, DETACH_REFUSALS), 409);
        return reply.redirect(`/applications/${request.params.id}/sections/${request.body?.section ?? ''}`, 303);
      },
    );

    app.get<{ Params: { id: string; documentId: string } }>(
      '/applications/:id/organisation-documents/:documentId',
      recordRoute('application', 'see'),
      async (request, reply) => {
        const file = await service.organisationDocument(request.actor, request.params.id, request.params.documentId);
        return sendDownload(reply, file);
      },
    );

    app.get<{ Params: { id: string; fileId: string } }>(
      '/applications/:id/files/:fileId',
      recordRoute('application', 'see'),
      async (request, reply) => {
        const file = await service.file(request.actor, request.params.id, request.params.fileId);
        return sendDownload(reply, file);
      },
    );
  };
}

/** Another person's saved answer, as a line of text beside the field. */
function displayRaw(value: RawAnswers[string]): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  if ('lines' in value && Array.isArray(value.lines))
    return (value as RawBudget).lines.map((l) => `${l.label}: ${l.amount}`).join('; ');
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}
