import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { applicationReturns } from './schema.ts';

/** The officer's pending request for completion of an application, if any. */
export async function openReturn(db: Executor, applicationId: string) {
  const [row] = await db
    .select()
    .from(applicationReturns)
    .where(and(eq(applicationReturns.applicationId, applicationId), isNull(applicationReturns.resolvedAt)))
    .orderBy(desc(applicationReturns.createdAt))
    .limit(1);
  return row ?? null;
}
