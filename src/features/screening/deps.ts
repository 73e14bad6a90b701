import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';

/**
 * What screening uses: the platform, the calls service (authorisation and the criteria), the
 * applications service (the application, its status moves) and the organisations service (whom to
 * tell, in which language). Screening owns only its checklist and decision tables.
 */
export interface ScreeningDeps extends CommandDeps {
  calls: CallsService;
  applications: ApplicationsService;
  organisations: OrganisationsService;
}
