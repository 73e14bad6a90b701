import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { indicatorProblems } from '../../domain/grants/indicatorProblems.ts';
import { readReportForm } from '../../domain/grants/reportForm.ts';
import { sendDownload } from '../../platform/http/download.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { readFormParts } from '../../platform/http/multipart.ts';
import { refusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { decisionForm, expenseForm, moveForm, reportForm, skipForm, versionForm } from './forms.ts';
import { parsePlanForm } from './planForm.ts';
import {
  DECIDE_REFUSALS,
  EXPENSE_REFUSALS,
  PLAN_REFUSALS,
  REPORT_PLAN_REFUSALS,
  SAVE_REFUSALS,
  SUBMIT_REFUSALS,
} from './refusalMessages.ts';
import type { ReportsService } from './service.ts';
import { GrantReportsPage } from './views/GrantReportsPage.tsx';
import { problemErrors } from './views/labels.ts';
import { ReportPage, type ReportPageProps } from './views/ReportPage.tsx';
import { ReportPlanPage, type ReportPlanPageProps } from './views/ReportPlanPage.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };
type Expense = { Params: { id: string; expenseId: string } };

/** The reports' pages: a grant's reports, and one report for its members (fill, submit) and officers (decide). */
export function reportsRoutes(service: ReportsService) {
  return async function (app: FastifyInstance) {
    const reportPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<ReportPageProps, 'ctx' | 'page'> = {},
      status = 200,
    ) => {
      const page = await service.reportPage(request.actor, request.params.id);
      return reply.page((ctx) => <ReportPage ctx={ctx} page={page} {...opts} />, status);
    };
    const toReport = (reply: FastifyReply, id: string, key: MessageKey) =>
      reply.flash(key).redirect(`/reports/${id}`, 303);

    const planPage = async (
      request: FastifyRequest<Id>,
      reply: FastifyReply,
      opts: Omit<ReportPlanPageProps, 'ctx' | 'page'> = {},
      status = 200,
    ) => {
      const page = await service.reportPlanPage(request.actor, request.params.id);
      return reply.page((ctx) => <ReportPlanPage ctx={ctx} page={page} {...opts} />, status);
    };

    app.get<Id>('/manage/calls/:id/report-plan', recordRoute('call', 'manage'), (request, reply) =>
      planPage(request, reply),
    );

    app.post<Id & Body>('/manage/calls/:id/report-plan', recordRoute('call', 'manage'), async (request, reply) => {
      const { plan, errors, version, rows } = parsePlanForm(request.body ?? {});
      if (Object.keys(errors).length) return planPage(request, reply, { rows, errors }, 422);
      const saved = await service.saveReportPlan({ actor: request.actor, callId: request.params.id, version, plan });
      if (!saved.ok)
        return planPage(request, reply, { rows, refusals: refusalMessages(saved.refusals, REPORT_PLAN_REFUSALS) }, 409);
      return reply.flash('reports.plan.saved').redirect(`/manage/calls/${request.params.id}/report-plan`, 303);
    });

    app.get<Id>('/grants/:id/reports', recordRoute('grant', 'see'), async (request, reply) => {
      const page = await service.grantReports(request.actor, request.params.id);
      return reply.page((ctx) => <GrantReportsPage ctx={ctx} page={page} />);
    });

    app.get<Id>('/reports/:id', recordRoute('report', 'see'), (request, reply) => reportPage(request, reply));

    // Save or submit: one form, two buttons. Without JavaScript the page comes back with the problems.
    app.post<Id & Body>('/reports/:id', recordRoute('report', 'edit'), async (request, reply) => {
      const form = parseForm(reportForm, request.body);
      const raw = request.body ?? {};
      const input = {
        actor: request.actor,
        reportId: request.params.id,
        version: form.ok ? form.data.version : -1,
        raw,
      };
      if (form.ok && form.data.intent === 'submit') {
        const submitted = await service.submitReport(input);
        if (submitted.ok) return toReport(reply, request.params.id, 'reports.submitted');
        const page = await service.reportPage(request.actor, request.params.id);
        const read = readReportForm(page.definitions, raw);
        const errors = problemErrors([...read.problems, ...indicatorProblems(page.definitions, read.values)]);
        return reply.page(
          (ctx) => (
            <ReportPage
              ctx={ctx}
              page={page}
              refusals={refusalMessages(submitted.refusals, SUBMIT_REFUSALS)}
              sent={{ values: read.values, errors }}
            />
          ),
          submitted.refusals.includes('stale') ? 409 : 422,
        );
      }
      const saved = await service.saveReport(input);
      if (!saved.ok)
        return reportPage(request, reply, { refusals: refusalMessages(saved.refusals, SAVE_REFUSALS) }, 409);
      return toReport(reply, request.params.id, 'reports.saved');
    });

    // The script's autosave (autosave.js): the same save, answered in JSON.
    app.post<Id & Body>('/reports/:id/autosave', recordRoute('report', 'edit'), async (request, reply) => {
      const body = request.body ?? {};
      const saved = await service.saveReport({
        actor: request.actor,
        reportId: request.params.id,
        version: Number(body.version),
        raw: body,
      });
      if (!saved.ok)
        return reply
          .code(409)
          .send(
            saved.refusals.includes('stale')
              ? { status: 'conflict' }
              : { status: 'refused', message: request.t(refusalMessages(saved.refusals, SAVE_REFUSALS)[0]!) },
          );
      return reply.send({
        status: 'saved',
        version: saved.value.version,
        savedAt: formatInstant(new Date(), request.locale, 'time'),
      });
    });

    app.post<Id & Body>('/reports/:id/decision', recordRoute('report', 'decide'), async (request, reply) => {
      const form = parseForm(decisionForm, request.body);
      if (!form.ok) return reportPage(request, reply, { decision: form.errors }, 422);
      const { decision, remarks, returnDueOn, version } = form.data;
      const decided = await service.decideReport({
        actor: request.actor,
        reportId: request.params.id,
        version,
        ...(decision === 'approve' ? { decision, remarks } : { decision, remarks, returnDueOn }),
      });
      if (!decided.ok) {
        const refusals = refusalMessages(decided.refusals, DECIDE_REFUSALS);
        const errors = decided.refusals.includes('remarks-required')
          ? { remarks: { key: 'reports.refusal.remarks-required' as const } }
          : {};
        return reportPage(
          request,
          reply,
          { refusals, decision: errors },
          decided.refusals.includes('stale') ? 409 : 422,
        );
      }
      return toReport(reply, request.params.id, decision === 'approve' ? 'reports.approved' : 'reports.returned');
    });

    app.post<Id & Body>('/reports/:id/skip', recordRoute('report', 'skip'), async (request, reply) => {
      const form = parseForm(skipForm, request.body);
      if (!form.ok) return reportPage(request, reply, { plan: form.errors }, 422);
      const done = await service.planReport({
        actor: request.actor,
        reportId: request.params.id,
        change: 'skip',
        ...form.data,
      });
      if (!done.ok) return reportPage(request, reply, { refusals: refusalMessages(done.refusals, PLAN_REFUSALS) }, 409);
      return toReport(reply, request.params.id, 'reports.skipped');
    });

    app.post<Id & Body>('/reports/:id/reinstate', recordRoute('report', 'reinstate'), async (request, reply) => {
      const form = parseForm(versionForm, request.body);
      const done = await service.planReport({
        actor: request.actor,
        reportId: request.params.id,
        change: 'reinstate',
        version: form.ok ? form.data.version : -1,
      });
      if (!done.ok) return reportPage(request, reply, { refusals: refusalMessages(done.refusals, PLAN_REFUSALS) }, 409);
      return toReport(reply, request.params.id, 'reports.reinstated');
    });

    app.post<Id & Body>('/reports/:id/move', recordRoute('report', 'move'), async (request, reply) => {
      const form = parseForm(moveForm, request.body);
      if (!form.ok) return reportPage(request, reply, { plan: form.errors }, 422);
      const done = await service.planReport({
        actor: request.actor,
        reportId: request.params.id,
        change: 'move',
        ...form.data,
      });
      if (!done.ok) return reportPage(request, reply, { refusals: refusalMessages(done.refusals, PLAN_REFUSALS) }, 409);
      return toReport(reply, request.params.id, 'reports.moved.done');
    });

    app.post<Id>('/reports/:id/expenses', recordRoute('report', 'edit'), async (request, reply) => {
      const { fields, files } = await readFormParts(request.body);
      const form = parseForm(expenseForm, fields);
      if (!form.ok) return reportPage(request, reply, { expense: form.errors }, 422);
      const file = files.find((f) => f.field === 'file') ?? null;
      const added = await service.addExpense({
        actor: request.actor,
        reportId: request.params.id,
        line: form.data.line,
        spentCents: form.data.amount,
        description: form.data.description,
        file: file ? { name: file.name, bytes: file.bytes } : null,
      });
      if (!added.ok) {
        const [key] = refusalMessages(added.refusals, EXPENSE_REFUSALS);
        const field = added.refusals[0]!.startsWith('file') ? 'file' : 'line';
        return reportPage(request, reply, { expense: { [field]: { key: key! } } }, 422);
      }
      return toReport(reply, request.params.id, 'reports.expenses.added');
    });

    app.post<Expense>(
      '/reports/:id/expenses/:expenseId/delete',
      recordRoute('report', 'edit'),
      async (request, reply) => {
        const done = await service.removeExpense({
          actor: request.actor,
          reportId: request.params.id,
          expenseId: request.params.expenseId,
        });
        if (!done.ok)
          return reportPage(request, reply, { refusals: refusalMessages(done.refusals, EXPENSE_REFUSALS) }, 409);
        return toReport(reply, request.params.id, 'reports.expenses.removed');
      },
    );

    app.get<Expense>(
      '/reports/:id/expenses/:expenseId/document',
      recordRoute('report', 'readDocuments'),
      async (request, reply) =>
        sendDownload(reply, await service.expenseDocument(request.actor, request.params.id, request.params.expenseId)),
    );
  };
}
