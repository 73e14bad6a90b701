import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';

/** What the jury capability uses: the platform, and the calls, applications and organisations services. */
export interface JuryDeps extends CommandDeps {
  calls: CallsService;
  applications: ApplicationsService;
  organisations: OrganisationsService;
  /** Seconds the exact assignment may take before the greedy fallback answers. */
  solveSeconds?: number;
}
