import type { RefusalMessages } from '../../platform/http/refusals.ts';
import { UPLOAD_MESSAGES } from '../../platform/http/refusals.ts';
import type { AcceptAgreementRefusal } from './commands/acceptAgreement.ts';
import type { ApproveTrancheRefusal } from './commands/approveTranche.ts';
import type { CountersignRefusal } from './commands/countersign.ts';
import type { CreateBatchRefusal } from './commands/createBatch.ts';
import type { BatchOutcomeRefusal } from './commands/recordBatchOutcome.ts';
import type { SendAgreementRefusal } from './commands/sendAgreement.ts';
import type { UploadSignedCopyRefusal } from './commands/uploadSignedCopy.ts';

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
  'unknown-tranche': 'grants.refusal.not-now',
} as const satisfies RefusalMessages<BatchOutcomeRefusal>;
