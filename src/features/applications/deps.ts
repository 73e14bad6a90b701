import type { LimitFunction } from 'p-limit';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import type { CallsService } from '../calls/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';

/** What the applications capability uses: the platform, file storage, and the calls and organisations services. */
export interface ApplicationsDeps extends CommandDeps {
  storage: FileStorage;
  calls: CallsService;
  organisations: OrganisationsService;
  /** Where autosaves wait their turn, so that they do not hold up submissions (see `deferrableLane`). */
  autosaves: LimitFunction;
}
