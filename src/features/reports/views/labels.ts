import type { IndicatorProblem } from '../../../domain/grants/indicatorProblems.ts';
import type { ReportStatus } from '../../../domain/grants/reportLifecycle.ts';
import type { ReportKind } from '../../../domain/grants/reportSchedule.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { FieldError, FieldErrors } from '../../../platform/views/forms.tsx';

export const REPORT_STATUS = {
  'not-due': 'reports.status.not-due',
  due: 'reports.status.due',
  draft: 'reports.status.draft',
  submitted: 'reports.status.submitted',
  returned: 'reports.status.returned',
  approved: 'reports.status.approved',
  skipped: 'reports.status.skipped',
} as const satisfies Record<ReportStatus, MessageKey>;

export const REPORT_KIND = {
  interim: 'reports.kind.interim',
  final: 'reports.kind.final',
} as const satisfies Record<ReportKind, MessageKey>;

const PROBLEM = {
  required: 'form.error.required',
  'invalid-value': 'form.error.invalid',
  'not-an-integer': 'reports.problem.not-an-integer',
  negative: 'reports.problem.negative',
  'unknown-category': 'form.error.invalid',
  'breakdown-mismatch': 'reports.problem.breakdown-mismatch',
  'invalid-area': 'form.error.invalid',
  'too-long': 'reports.problem.too-long',
} as const satisfies Record<IndicatorProblem['code'], MessageKey>;

/** The problems as field errors, keyed `<indicator>` or `<indicator>.<category>` (the first one of each). */
export function problemErrors(problems: readonly IndicatorProblem[]): FieldErrors {
  const errors: Record<string, FieldError> = {};
  for (const p of problems) {
    const key = p.category && p.code !== 'invalid-area' ? `${p.field}.${p.category}` : p.field;
    errors[key] ??= { key: PROBLEM[p.code], ...(p.values ? { values: p.values } : {}) };
  }
  return errors;
}
