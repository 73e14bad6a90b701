import type { ExtraHolidayKey } from '../../domain/directory/extraHolidays.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { MembershipOf } from './access.ts';

/** What the directory uses: the database, the organisations' answer to "is this person a member", the configured holidays. */
export interface DirectoryDeps extends CommandDeps {
  membershipOf: MembershipOf;
  /** Brussels regional and community days counted as public holidays in opening hours. */
  extraHolidays: readonly ExtraHolidayKey[];
}
