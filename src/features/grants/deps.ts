import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { DecisionsService } from '../decisions/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';

/**
 * What grants use: the call (its officers, its payment plan), the published decision (who was selected, for
 * how much), the applications (whose project it is), the organisations (membership, address, bank account)
 * and the file storage (agreements, signed copies, payment files).
 */
export interface GrantsDeps extends CommandDeps {
  calls: CallsService;
  decisions: Pick<DecisionsService, 'decidedResults'>;
  applications: Pick<ApplicationsService, 'submittedOf' | 'answersOf'>;
  organisations: Pick<OrganisationsService, 'membership' | 'myOrganisations' | 'paymentDetails' | 'recipients'>;
  storage: FileStorage;
}
