import { PUBLIC_ROUTE } from './routePolicy.ts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { outboxBacklog, type OutboxBacklog } from '../mail/outbox.ts';

/** A mail waiting longer than this means delivery is stuck (SMTP down, retries exhausted soon). */
export const MAIL_STUCK_SECONDS = 15 * 60;
const DATABASE_TIMEOUT_MS = 2_000;

export interface Health {
  status: 'ok' | 'unhealthy';
  /** Why not ok, in words for the person on call. */
  reasons: string[];
  database: { ok: boolean };
  mail: OutboxBacklog | null;
}

/** Checks the database answers within two seconds and the mail outbox is not stuck. */
export async function checkHealth(db: Database): Promise<Health> {
  const reasons: string[] = [];
  let mail: OutboxBacklog | null = null;
  let answered = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
    });
    await Promise.race([db.execute(sql`select 1`), timeout]);
    answered = true;
    mail = await Promise.race([outboxBacklog(db), timeout]);
  } catch (error) {
    reasons.push(`database unreachable: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (mail && mail.oldestPendingSeconds > MAIL_STUCK_SECONDS)
    reasons.push(
      `mail outbox stuck: ${mail.pending} waiting, the oldest for ${Math.round(mail.oldestPendingSeconds / 60)} min`,
    );
  return { status: reasons.length ? 'unhealthy' : 'ok', reasons, database: { ok: answered }, mail };
}

/** GET /healthz: 200 with the figures when healthy, 503 with the reasons when not. Never cached. */
export function registerHealth(app: FastifyInstance, db: Database): void {
  app.get('/healthz', PUBLIC_ROUTE, async (_request, reply) => {
    const health = await checkHealth(db);
    return reply
      .code(health.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(health);
  });
}
