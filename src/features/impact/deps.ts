import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { CallsService } from '../calls/service.ts';

/**
 * What the impact pages use: the calls (who runs which, their budgets and target publics) and the database, read
 * only, for the grants, their paid tranches and their approved reports (queries.ts).
 */
export interface ImpactDeps extends Pick<CommandDeps, 'db'> {
  calls: Pick<CallsService, 'load' | 'managedFunders' | 'publicCall' | 'terms'>;
}
