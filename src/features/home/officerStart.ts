// The officer's start page: each call they run with what waits for them, counted, asked of the
// capabilities that know (screening, jury, scoring); nothing is read from their tables here.
import type { MaybeActor } from '../../domain/access.ts';
import type { CallStatus } from '../../domain/callLifecycle.ts';
import type { Translated } from '../../domain/translated.ts';
import type { CallsService } from '../calls/service.ts';
import type { JuryService } from '../jury/service.ts';
import type { ScoringService } from '../jury/scoring/service.ts';
import type { ReportsService } from '../reports/service.ts';
import type { ScreeningService } from '../screening/service.ts';

export interface StartDeps {
  calls: CallsService;
  screening: ScreeningService;
  jury: JuryService;
  scoring: ScoringService;
  reports: Pick<ReportsService, 'overdueFor'>;
}

/** What waits on one call: each count links to the page where it is done. */
export interface CallWaiting {
  id: string;
  code: string;
  title: Translated;
  status: CallStatus;
  toScreen: number;
  /** Jurors with something pending: an invitation to accept, the declaration to sign, evaluations to submit. */
  jurorsLate: number;
  /** Scored applications without the panel's consensus. */
  consensusMissing: number;
  /** The call waits for its decision. */
  decisionToTake: boolean;
}

const SCREENING: ReadonlySet<CallStatus> = new Set(['published', 'closed', 'screening', 'evaluation']);
const JURY: ReadonlySet<CallStatus> = new Set(['screening', 'evaluation', 'deliberation']);

/** The calls the actor runs, newest first, with what waits on each; an empty list for anyone else. */
export async function officerStart(deps: StartDeps, actor: MaybeActor): Promise<CallWaiting[]> {
  const calls = await deps.calls.managedCalls(actor);
  return Promise.all(
    calls.map(async ({ record: call }) => {
      // Counts only: the screening list's first page carries its funnel, counted in SQL, not two thousand rows.
      const toScreen = SCREENING.has(call.status)
        ? (await deps.screening.callScreening(actor, call.id, { page: 1 })).funnel.toScreen
        : 0;
      const jury = JURY.has(call.status) ? await deps.jury.board(actor, call.id) : null;
      return {
        id: call.id,
        code: call.code,
        title: call.title,
        status: call.status,
        toScreen,
        jurorsLate: jury ? jury.jurors.filter((j) => j.pending !== null).length : 0,
        consensusMissing: JURY.has(call.status) ? await deps.scoring.consensusMissing(actor, call.id) : 0,
        decisionToTake: call.status === 'deliberation',
      };
    }),
  );
}
