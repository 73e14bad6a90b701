import pLimit, { type LimitFunction } from 'p-limit';
import type { DatabaseHandle } from './client.ts';

/**
 * A lane for work that is frequent and can wait a moment, such as autosaves: at most a few of its tasks use the
 * database at once, the others wait here, in memory. Every query waits its turn for a connection (PostgreSQL's
 * pool; PGlite runs one at a time), so without the lane a submission made at the deadline queues behind the
 * queries of every autosave in flight; with it, behind those of a few at most. The lane leaves PostgreSQL's pool
 * connections for everything else (submissions, officers' pages); on PGlite two tasks at once keep it busy
 * while the process reads the next request.
 */
export function deferrableLane(database: Pick<DatabaseHandle, 'connections'>): LimitFunction {
  const kept = 4;
  return pLimit(database.connections > kept ? database.connections - kept : 2);
}
