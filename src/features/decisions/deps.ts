import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { PublishedPages } from '../../platform/http/publishedPages.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { ScoringService } from '../jury/scoring/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import type { CoverSolver } from '../../domain/selection/index.ts';
import type { LetterRunner } from './letterIssuer.ts';

/** A transfer paid to a grantee: its reference, amount and day (Brussels). */
export interface Disbursement {
  id: string;
  amountCents: number;
  paidOn: string;
}

/**
 * What decisions use: the ranking and the consensus (scoring), the applications and their status
 * moves, the organisations (names, enterprise numbers, whom to tell), the call, the file storage
 * for the letters, and the exact solver of the constrained mode.
 */
export interface DecisionsDeps extends CommandDeps {
  calls: CallsService;
  applications: ApplicationsService;
  organisations: OrganisationsService;
  scoring: ScoringService;
  storage: FileStorage;
  solver: () => Promise<CoverSolver>;
  /** The 360Giving publisher prefix of this installation, e.g. 360G-octroi. */
  openDataPrefix: string;
  /**
   * What was paid on the grants of these applications (the impact feature reads the grants' paid tranches), for
   * the 360Giving feed; without it the feed says nothing of disbursements.
   */
  disbursements?: (applicationIds: readonly string[]) => Promise<ReadonlyMap<string, readonly Disbursement[]>>;
  /** The public pages' cache, told when results, grants or decisions change. */
  publishedPages: PublishedPages;
  /**
   * The grants a decision owes (the grants feature's createGrants, injected by the composition root): asked
   * after a decision or a promotion commits. Idempotent; absent where no grants are followed up.
   */
  grantOffers?: { createGrants(callId: string): Promise<number> };
}

/** The commands' deps: the above, and the runner that writes the letters a decision owes. */
export interface DecisionsCommandDeps extends DecisionsDeps {
  letters: LetterRunner;
}
