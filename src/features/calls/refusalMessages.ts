import type { CallTransitionError, PublishProblem } from '../../domain/callLifecycle.ts';
import type { ChangeRefusal } from '../../domain/callParts.ts';
import type { FormProblemCode } from '../../domain/forms/validateForm.ts';
import type { RefusalMessages } from '../../platform/http/refusals.ts';

/** Why a change to a call is refused in its state, the same on every page that edits a call. */
export const CALL_REFUSALS = {
  'locked-texts': 'call.refusal.locked-texts',
  'locked-dates': 'call.refusal.locked-dates',
  'locked-budget': 'call.refusal.locked-budget',
  'locked-publics': 'call.refusal.locked-publics',
  'locked-criteria': 'call.refusal.locked-criteria',
  'locked-form': 'call.refusal.locked-form',
  'locked-documents': 'call.refusal.locked-documents',
  'locked-jury': 'call.refusal.locked-jury',
  'note-required': 'call.refusal.note-required',
} as const satisfies RefusalMessages<ChangeRefusal>;

export const PUBLISH_REFUSALS = {
  'not-draft': 'manage.call.problem.not-draft',
  'no-title': 'manage.call.problem.no-title',
  'no-budget': 'manage.call.problem.no-budget',
  'no-deadline': 'manage.call.problem.no-deadline',
  'deadline-past': 'manage.call.problem.deadline-past',
  'opens-after-deadline': 'manage.call.problem.opens-after-deadline',
  'grant-range': 'manage.call.problem.grant-range',
  'form-empty': 'manage.call.problem.form-empty',
  'form-invalid': 'manage.call.problem.form-invalid',
  'missing-translations': 'manage.call.problem.missing-translations',
  'invalid-transition': 'call.refusal.invalid-transition',
  'deadline-passed': 'call.refusal.deadline-passed',
  'deadline-not-passed': 'call.refusal.invalid-transition',
} as const satisfies RefusalMessages<
  PublishProblem | 'form-empty' | 'form-invalid' | 'missing-translations' | CallTransitionError
>;

export const FORM_PROBLEMS = {
  'invalid-id': 'manage.form.problem.invalid-id',
  'duplicate-id': 'manage.form.problem.duplicate-id',
  'missing-label': 'manage.form.problem.missing-label',
  'unknown-type': 'manage.form.problem.unknown-type',
  'too-few-options': 'manage.form.problem.too-few-options',
  'invalid-option-value': 'manage.form.problem.invalid-option-value',
  'duplicate-option': 'manage.form.problem.duplicate-option',
  'invalid-max-length': 'manage.form.problem.invalid-max-length',
  'invalid-bound': 'manage.form.problem.invalid-bound',
  'invalid-range': 'manage.form.problem.invalid-range',
  'invalid-max-files': 'manage.form.problem.invalid-max-files',
  'too-many-budget-tables': 'manage.form.problem.too-many-budget-tables',
} as const satisfies RefusalMessages<FormProblemCode>;
