import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import { isUuid } from '../../domain/ids.ts';
import type { Translated } from '../../domain/translated.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { funders } from '../../platform/identity/schema.ts';
import { createCall } from './commands/createCall.ts';
import { publishCall } from './commands/publishCall.ts';
import { calls } from './schema.ts';

export type PublicCall = typeof calls.$inferSelect & { funderName: Translated; funderSlug: string };
export interface FunderWithCalls {
  id: string;
  slug: string;
  name: Translated;
  description: Translated;
  calls: PublicCall[];
}

/** Calls for projects. Drafts are never part of a public query: the scope excludes them at the source. */
export function callsService(deps: CommandDeps) {
  const publicCalls = (condition?: SQL) =>
    deps.db
      .select({ call: calls, funderName: funders.name, funderSlug: funders.slug })
      .from(calls)
      .innerJoin(funders, eq(funders.id, calls.funderId))
      .where(and(ne(calls.status, 'draft'), condition));

  return {
    createCall: (input: Parameters<typeof createCall>[1]) => createCall(deps, input),
    publishCall: (input: Parameters<typeof publishCall>[1]) => publishCall(deps, input),

    /** Every funder with its public calls, for the home page. */
    async fundersWithPublicCalls(): Promise<FunderWithCalls[]> {
      const allFunders = await deps.db.select().from(funders).orderBy(asc(funders.slug));
      const rows = await publicCalls().orderBy(asc(calls.closesAt));
      return allFunders.map((f) => ({
        id: f.id,
        slug: f.slug,
        name: f.name,
        description: f.description,
        calls: rows.filter((r) => r.call.funderId === f.id).map((r) => ({ ...r.call, funderName: r.funderName, funderSlug: r.funderSlug })),
      }));
    },

    async publicCall(id: string): Promise<PublicCall> {
      if (!isUuid(id)) throw new NotFoundError('call');
      const [row] = await publicCalls(eq(calls.id, id)).limit(1);
      if (!row) throw new NotFoundError('call');
      return { ...row.call, funderName: row.funderName, funderSlug: row.funderSlug };
    },
  };
}
export type CallsService = ReturnType<typeof callsService>;
