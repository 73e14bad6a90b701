import { randomBytes } from 'node:crypto';
import type { CalendarDate } from '../../domain/calendarDate.ts';
import { indicatorChoiceProblems, type CustomIndicator } from '../../domain/grants/indicatorChoice.ts';
import { reportPlanProblems, type ReportDefinition, type ReportDue } from '../../domain/grants/reportSchedule.ts';
import { formRows } from '../../platform/http/formRows.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { ReportPlan } from './plan.ts';

/** How the editor asks when a report is due: the due column's choices. */
export const DUE_CHOICES = ['halfway', 'on', 'signature', 'end'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];

/** The plan editor as typed: its two tables as rows of strings by column, and the default indicators ticked. */
export interface PlanRows {
  report: Record<string, string>[];
  custom: Record<string, string>[];
  indicators: string[];
}

const ID = /^[a-z0-9-]{1,40}$/;
const freshId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const whole = (v: string | undefined) => (v?.trim() && /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

function dueOf(row: Record<string, string>): ReportDue {
  const choice = (DUE_CHOICES as readonly string[]).includes(row.due ?? '') ? (row.due as DueChoice) : 'on';
  if (choice === 'halfway') return { halfway: true };
  if (choice === 'on') return { on: (row.on ?? '').trim() as CalendarDate };
  return { monthsAfter: whole(row.months), from: choice };
}

/** The rows the editor shows for a saved plan. */
export function planRows(plan: ReportPlan): PlanRows {
  return {
    report: plan.reports.map((d) => ({
      id: d.id,
      kind: d.kind,
      due: 'halfway' in d.due ? 'halfway' : 'on' in d.due ? 'on' : d.due.from,
      on: 'on' in d.due ? d.due.on : '',
      months: 'monthsAfter' in d.due ? String(d.due.monthsAfter) : '',
      opens: String(d.opensDaysBefore),
    })),
    custom: plan.indicators.custom.map((c) => ({
      id: c.id,
      labelFr: c.label.fr,
      labelNl: c.label.nl,
      labelEn: c.label.en,
      required: c.required ? 'yes' : 'no',
    })),
    indicators: [...plan.indicators.defaults],
  };
}

/**
 * Reads the report plan editor: the reports (a row counts once one of its dates or numbers is filled; emptying
 * them takes it out), the default indicators ticked, and the call's own counts (a row counts once a label is
 * typed). A row keeps its id across edits: the grants' reports and their values are keyed by it. The domain's
 * problems come back as errors at the row and column where they are.
 */
export function parsePlanForm(body: Record<string, unknown>): {
  plan: ReportPlan;
  errors: FieldErrors;
  version: number;
  rows: PlanRows;
} {
  const ticked = body.indicators;
  const rows: PlanRows = {
    report: formRows(body, 'report').filter((r) => r.on?.trim() || r.months?.trim() || r.opens?.trim()),
    custom: formRows(body, 'custom').filter((r) => r.labelFr?.trim() || r.labelNl?.trim() || r.labelEn?.trim()),
    indicators: (Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]).map(String),
  };
  const reports: ReportDefinition[] = rows.report.map((r) => {
    const kind = r.kind === 'final' ? 'final' : 'interim';
    return {
      id: r.id && ID.test(r.id) ? r.id : freshId(kind),
      kind,
      due: dueOf(r),
      opensDaysBefore: whole(r.opens),
    };
  });
  const custom: CustomIndicator[] = rows.custom.map((r) => ({
    id: r.id && /^custom-[a-z0-9]{1,20}$/.test(r.id) ? r.id : `custom-${randomBytes(4).toString('hex')}`,
    label: { fr: (r.labelFr ?? '').trim(), nl: (r.labelNl ?? '').trim(), en: (r.labelEn ?? '').trim() },
    required: r.required === 'yes',
  }));
  const plan: ReportPlan = { reports, indicators: { defaults: [...new Set(rows.indicators)], custom } };
  const errors: FieldErrors = {};
  const reportRow = (id: string | null) => Math.max(0, id === null ? 0 : reports.findIndex((d) => d.id === id));
  const column = { 'due-date': 'on', 'months-after': 'months', 'opens-days-before': 'opens' } as const;
  for (const p of reportPlanProblems(reports)) {
    const col = p.code in column ? column[p.code as keyof typeof column] : 'kind';
    errors[`report.${reportRow(p.id)}.${col}`] ??= { key: `reports.plan.problem.${p.code}` as MessageKey };
  }
  for (const p of indicatorChoiceProblems(plan.indicators)) {
    const at = custom.findIndex((c) => c.id === p.id);
    const name =
      p.code === 'label'
        ? `custom.${at}.label${p.locale === 'fr' ? 'Fr' : p.locale === 'nl' ? 'Nl' : 'En'}`
        : at >= 0 || p.code === 'too-many'
          ? `custom.${Math.max(0, at)}.labelFr`
          : 'indicators';
    errors[name] ??= { key: `reports.plan.problem.${p.code}` as MessageKey };
  }
  return { plan, errors, version: Number(body.version), rows };
}
