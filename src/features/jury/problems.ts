import type { RefusalMessages } from '../../platform/http/refusals.ts';
import type { AssignRefusal, UnassignRefusal } from './commands/assign.ts';
import type { ConfirmAssignmentRefusal } from './commands/confirmAssignment.ts';
import type { DeclareConflictRefusal, RecordConflictRefusal } from './commands/conflicts.ts';
import type { InviteJurorRefusal } from './commands/inviteJuror.ts';
import type { SendRemindersRefusal } from './commands/sendReminders.ts';
import type { SetJurorLimitsRefusal } from './commands/setJurorLimits.ts';
import type { SignDeclarationRefusal } from './commands/signDeclaration.ts';
import type { WithdrawJurorRefusal } from './commands/withdrawJuror.ts';

// The message of each refusal of the jury's commands, as its pages show it.

export const INVITE_REFUSALS = {
  'jury-closed': 'jury.error.closed',
  'already-invited': 'jury.error.alreadyInvited',
} as const satisfies RefusalMessages<InviteJurorRefusal>;

export const REMINDER_REFUSALS = {
  'unknown-juror': 'jury.error.unknownJuror',
  'nothing-pending': 'jury.error.nothingPending',
} as const satisfies RefusalMessages<SendRemindersRefusal>;

export const LIMITS_REFUSALS = {
  'unknown-juror': 'jury.error.unknownJuror',
  'min-above-capacity': 'jury.error.minAboveCapacity',
} as const satisfies RefusalMessages<SetJurorLimitsRefusal>;

export const WITHDRAW_REFUSALS = {
  'unknown-juror': 'jury.error.unknownJuror',
  'already-withdrawn': 'jury.error.alreadyWithdrawn',
} as const satisfies RefusalMessages<WithdrawJurorRefusal>;

export const DECLARE_CONFLICT_REFUSALS = {
  'unknown-target': 'jury.error.unknownTarget',
  'already-declared': 'jury.error.alreadyDeclared',
} as const satisfies RefusalMessages<DeclareConflictRefusal>;

export const RECORD_CONFLICT_REFUSALS = {
  ...DECLARE_CONFLICT_REFUSALS,
  'unknown-juror': 'jury.error.unknownJuror',
} as const satisfies RefusalMessages<RecordConflictRefusal>;

export const DECLARATION_REFUSALS = {
  'no-language': 'jury.declaration.languageRequired',
} as const satisfies RefusalMessages<SignDeclarationRefusal>;

export const ASSIGN_REFUSALS = {
  'jury-closed': 'jury.error.closed',
  'unknown-juror': 'jury.error.unknownJuror',
  'unknown-application': 'jury.error.unknownApplication',
  conflict: 'jury.error.conflict',
  taken: 'jury.error.taken',
  duplicate: 'jury.error.taken',
  capacity: 'jury.error.capacity',
  'too-many': 'jury.error.tooMany',
  'not-exact': 'jury.error.confirmStale',
  'invalid-transition': 'error.conflict.body',
} as const satisfies RefusalMessages<AssignRefusal>;

export const UNASSIGN_REFUSALS = {
  'unknown-assignment': 'jury.error.unknownAssignment',
  evaluated: 'jury.error.evaluated',
} as const satisfies RefusalMessages<UnassignRefusal>;

/** A previewed assignment that no longer fits is, whatever the pair, one computed on a jury since changed. */
export const CONFIRM_REFUSALS = {
  ...ASSIGN_REFUSALS,
  'invalid-transition': 'jury.error.confirmStale',
  empty: 'jury.error.confirmStale',
} as const satisfies RefusalMessages<ConfirmAssignmentRefusal>;
