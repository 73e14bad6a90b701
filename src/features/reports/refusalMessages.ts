import { UPLOAD_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import type { DecideReportRefusal } from './commands/decideReport.ts';
import type { ExpenseRefusal } from './commands/expenses.ts';
import type { PlanReportRefusal } from './commands/planReport.ts';
import type { SaveReportRefusal } from './commands/saveReport.ts';
import type { SaveReportPlanRefusal } from './commands/saveReportPlan.ts';
import type { SubmitReportRefusal } from './commands/submitReport.ts';

export const SAVE_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'reports.refusal.not-now',
} as const satisfies RefusalMessages<SaveReportRefusal>;

export const SUBMIT_REFUSALS = {
  ...SAVE_REFUSALS,
  'indicators-inconsistent': 'reports.refusal.inconsistent',
} as const satisfies RefusalMessages<SubmitReportRefusal>;

export const DECIDE_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'reports.refusal.not-now',
  'remarks-required': 'reports.refusal.remarks-required',
  'return-due-past': 'reports.refusal.return-due-past',
} as const satisfies RefusalMessages<DecideReportRefusal>;

export const PLAN_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'reports.refusal.not-now',
  'reason-required': 'form.error.required',
  'due-date': 'reports.error.date',
} as const satisfies RefusalMessages<PlanReportRefusal>;

export const EXPENSE_REFUSALS = {
  ...UPLOAD_MESSAGES,
  'not-now': 'reports.refusal.not-now',
  'unknown-line': 'reports.refusal.unknown-line',
  'unknown-expense': 'reports.refusal.not-now',
} as const satisfies RefusalMessages<ExpenseRefusal>;

export const REPORT_PLAN_REFUSALS = {
  stale: 'error.stale',
  invalid: 'form.error.invalid',
  started: 'reports.plan.locked',
} as const satisfies RefusalMessages<SaveReportPlanRefusal>;
