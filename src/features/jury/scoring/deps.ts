import type { CommandDeps } from '../../../platform/db/unitOfWork.ts';
import type { ApplicationsService } from '../../applications/service.ts';
import type { CallsService } from '../../calls/service.ts';

/**
 * What scoring uses: the platform, the applications service (the application as reviewers read it,
 * its status moves) and the calls service (who manages a call).
 */
export interface ScoringDeps extends CommandDeps {
  applications: ApplicationsService;
  calls: CallsService;
}
