import { UPLOAD_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { AddNoteRefusal } from './commands/addNote.ts';
import type { ReturnForCompletionRefusal } from './commands/returnForCompletion.ts';
import type { AttachFileRefusal, DetachFileRefusal } from './commands/attachments.ts';
import type { SaveAnswersRefusal } from './commands/saveAnswers.ts';
import type { SaveSectionRefusal } from './commands/saveSection.ts';
import type { StartApplicationRefusal } from './commands/startApplication.ts';
import type { SubmitApplicationRefusal } from './commands/submitApplication.ts';
import type { WithdrawApplicationRefusal } from './commands/withdrawApplication.ts';

// The message of each refusal of the applications' commands, as their pages show it.

export const START_REFUSALS = {
  'call-closed': 'application.refused.callClosed',
  'call-not-open': 'application.refused.callNotOpen',
} as const satisfies RefusalMessages<StartApplicationRefusal>;

/** An application moved on meanwhile (submitted, decided, withdrawn): it is no longer the applicant's to change. */
export const WITHDRAW_REFUSALS = {
  'invalid-transition': 'application.refused.notEditable',
} as const satisfies RefusalMessages<WithdrawApplicationRefusal>;

export const DETACH_REFUSALS = {
  'not-editable': 'application.refused.notEditable',
} as const satisfies RefusalMessages<DetachFileRefusal>;

export const SAVE_REFUSALS = {
  ...START_REFUSALS,
  ...DETACH_REFUSALS,
  'return-overdue': 'application.refused.returnOverdue',
} as const satisfies RefusalMessages<SaveAnswersRefusal>;

export const SECTION_REFUSALS = SAVE_REFUSALS satisfies RefusalMessages<SaveSectionRefusal>;

export const SUBMIT_REFUSALS = {
  ...SAVE_REFUSALS,
  ...WITHDRAW_REFUSALS,
  incomplete: 'application.refused.incomplete',
} as const satisfies RefusalMessages<SubmitApplicationRefusal>;

export const ATTACH_REFUSALS = {
  ...UPLOAD_MESSAGES,
  ...DETACH_REFUSALS,
  'file-too-many': 'file.error.tooMany',
  'file-application-too-large': 'file.error.applicationTooLarge',
} as const satisfies RefusalMessages<AttachFileRefusal>;

export const NOTE_REFUSALS = {
  'note-empty': 'applicants.notes.empty',
  'note-too-long': 'applicants.notes.tooLong',
} as const satisfies RefusalMessages<AddNoteRefusal>;

/**
 * What the officer's return form shows for each refusal, next to the field at fault; an application
 * no longer submitted (moved on meanwhile) leaves the form as it was typed.
 */
export const RETURN_REFUSALS = {
  'due-past': { dueDate: { key: 'application.return.duePast' } },
  'no-fields': { openFields: { key: 'application.return.noFields' } },
  'invalid-transition': {},
} as const satisfies Record<ReturnForCompletionRefusal, FieldErrors>;
