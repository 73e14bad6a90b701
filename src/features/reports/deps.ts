import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { GrantsDeps } from '../grants/deps.ts';
import type { GrantsService } from '../grants/service.ts';

/**
 * What reports use: the call (its publics, for the indicators; its officers, for its report plan), the application (its budget table, for the
 * expenses), the organisations (membership, who to remind) and the file storage (supporting documents).
 */
export interface ReportsDeps extends CommandDeps {
  calls: Pick<CallsService, 'applicationContext' | 'load' | 'terms'>;
  applications: Pick<ApplicationsService, 'answersOf'>;
  /** The same as the grants' (the grant's loader is theirs). */
  organisations: GrantsDeps['organisations'];
  storage: FileStorage;
  /** The grants' side of a report: the grant moves on when its reports are approved. */
  grants: Pick<GrantsService, 'releaseReportTranches' | 'grantIdsIn' | 'grantIdsOf'>;
}
