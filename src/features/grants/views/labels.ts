import type { AgreementVersionStatus } from '../../../domain/grants/agreementVersions.ts';
import type { GrantStatus } from '../../../domain/grants/grantLifecycle.ts';
import type { TrancheStatus } from '../../../domain/grants/trancheLifecycle.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';

export const GRANT_STATUS: Record<GrantStatus, MessageKey> = {
  offered: 'grants.status.offered',
  'agreement-sent': 'grants.status.agreement-sent',
  accepted: 'grants.status.accepted',
  countersigned: 'grants.status.countersigned',
  active: 'grants.status.active',
  'final-report-approved': 'grants.status.final-report-approved',
  closed: 'grants.status.closed',
  declined: 'grants.status.declined',
  suspended: 'grants.status.suspended',
  recovered: 'grants.status.recovered',
};

export const TRANCHE_STATUS: Record<TrancheStatus, MessageKey> = {
  planned: 'grants.trancheStatus.planned',
  due: 'grants.trancheStatus.due',
  approved: 'grants.trancheStatus.approved',
  'in-batch': 'grants.trancheStatus.in-batch',
  paid: 'grants.trancheStatus.paid',
  failed: 'grants.trancheStatus.failed',
  returned: 'grants.trancheStatus.returned',
  cancelled: 'grants.trancheStatus.cancelled',
};

export const VERSION_STATUS: Record<AgreementVersionStatus, MessageKey> = {
  draft: 'grants.versionStatus.draft',
  sent: 'grants.versionStatus.sent',
  accepted: 'grants.versionStatus.accepted',
  countersigned: 'grants.versionStatus.countersigned',
  declined: 'grants.versionStatus.declined',
  withdrawn: 'grants.versionStatus.withdrawn',
  superseded: 'grants.versionStatus.superseded',
};
