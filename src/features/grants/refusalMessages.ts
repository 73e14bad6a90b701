import type { RefusalMessages } from '../../platform/http/refusals.ts';
import { UPLOAD_MESSAGES } from '../../platform/http/refusals.ts';
import type { AcceptAgreementRefusal } from './commands/acceptAgreement.ts';
import type { ApproveTrancheRefusal } from './commands/approveTranche.ts';
import type { CountersignRefusal } from './commands/countersign.ts';
import type { CreateBatchRefusal } from './commands/createBatch.ts';
import type { BatchOutcomeRefusal } from './commands/recordBatchOutcome.ts';
import type { SendAgreementRefusal } from './commands/sendAgreement.ts';
import type { UploadSignedCopyRefusal } from './commands/uploadSignedCopy.ts';
import type { DeclineGrantRefusal } from './commands/declineGrant.ts';
import type { MoveGrantRefusal } from './commands/moveGrant.ts';
import type { ImportNotificationRefusal } from './commands/importBankNotification.ts';
import type { ProposeAmendmentRefusal } from './commands/proposeAmendment.ts';
import type { RecordRecoveryRefusal } from './commands/recordRecovery.ts';
import type { SaveTemplateRefusal } from './commands/saveAgreementTemplate.ts';

export const SEND_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
  period: 'grants.error.periodEnd',
  'de-minimis-exceeded': 'grants.refusal.de-minimis-exceeded',
  'no-bank-account': 'grants.refusal.no-bank-account',
} as const satisfies RefusalMessages<SendAgreementRefusal>;

export const ACCEPT_REFUSALS = {
  'not-now': 'grants.refusal.not-now',
  'document-changed': 'grants.refusal.document-changed',
  'offer-expired': 'grants.refusal.offer-expired',
} as const satisfies RefusalMessages<AcceptAgreementRefusal>;

export const UPLOAD_REFUSALS = {
  ...UPLOAD_MESSAGES,
  'not-now': 'grants.refusal.not-now',
  'not-pdf': 'grants.refusal.not-pdf',
  'offer-expired': 'grants.refusal.offer-expired',
} as const satisfies RefusalMessages<UploadSignedCopyRefusal>;

export const COUNTERSIGN_REFUSALS = {
  'not-now': 'grants.refusal.not-now',
} as const satisfies RefusalMessages<CountersignRefusal>;

export const APPROVE_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
  'not-due': 'grants.refusal.not-due',
  'already-approved': 'grants.refusal.already-approved',
  'made-it-due': 'grants.refusal.made-it-due',
} as const satisfies RefusalMessages<ApproveTrancheRefusal>;

export const BATCH_REFUSALS = {
  'no-tranches': 'grants.refusal.no-tranches',
  'not-approved': 'grants.refusal.not-approved',
  'no-debtor-account': 'grants.payments.needSettings',
  'execution-date': 'grants.error.date',
  'sepa-invalid': 'grants.refusal.sepa-invalid',
} as const satisfies RefusalMessages<CreateBatchRefusal>;

export const OUTCOME_REFUSALS = {
  'not-now': 'grants.refusal.not-now',
  'already-paid': 'grants.refusal.already-paid',
  'unknown-tranche': 'grants.refusal.unknown-tranche',
  'paid-on': 'grants.refusal.paid-on',
} as const satisfies RefusalMessages<BatchOutcomeRefusal>;

export const MOVE_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
  'payments-outstanding': 'grants.move.refusal.paymentsOutstanding',
  'recovery-outstanding': 'grants.move.refusal.recoveryOutstanding',
} as const satisfies RefusalMessages<MoveGrantRefusal>;

export const DECLINE_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
} as const satisfies RefusalMessages<DeclineGrantRefusal>;

export const AMENDMENT_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
  'amendment-without-reason': 'grants.refusal.amendment-without-reason',
  'no-bank-account': 'grants.refusal.no-bank-account',
  'period-not-later': 'grants.refusal.period-not-later',
  'no-budget': 'grants.refusal.no-budget',
  'budget-lines': 'grants.refusal.budget-lines',
  'budget-total': 'grants.refusal.budget-total',
  'budget-unchanged': 'grants.refusal.budget-unchanged',
} as const satisfies RefusalMessages<ProposeAmendmentRefusal>;

export const RECOVERY_REFUSALS = {
  stale: 'error.stale',
  'not-now': 'grants.refusal.not-now',
  'nothing-to-recover': 'grants.refusal.nothing-to-recover',
  'exceeds-recoverable': 'grants.refusal.exceeds-recoverable',
} as const satisfies RefusalMessages<RecordRecoveryRefusal>;

export const NOTIFICATION_REFUSALS = {
  'not-utf8': 'grants.notification.error.not-xml',
  'not-xml': 'grants.notification.error.not-xml',
  'not-camt054': 'grants.notification.error.not-camt054',
  'no-transfers': 'grants.notification.error.no-transfers',
  'bad-amount': 'grants.notification.error.bad-amount',
  'nothing-matched': 'grants.notification.error.nothing-matched',
} as const satisfies RefusalMessages<ImportNotificationRefusal>;

export const TEMPLATE_REFUSALS = {
  stale: 'error.stale',
} as const satisfies RefusalMessages<SaveTemplateRefusal>;
