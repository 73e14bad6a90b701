import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { JurySettings } from '../../../domain/jurySettings.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { calls } from '../schema.ts';

export const MAX_REVIEWERS_PER_APPLICATION = 20;
export const MAX_JUROR_CAPACITY = 1000;

export type SaveJurySettingsRefusal =
  Stale | 'locked-jury' | 'reviewers' | 'capacity' | 'tie-break-repeated' | 'tie-break-unknown';

/**
 * Saves how the call's jury works, if nobody changed the call since `version`: k jurors per
 * application, the default capacity, whether others' scores stay hidden until one's own is
 * submitted, half points, and the evaluation criteria that break ties (existing ones, each once).
 * Until the decision only: the ranking it decided on keeps the rules it was made with.
 */
export async function saveJurySettings(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; settings: JurySettings },
): Promise<Outcome<void, SaveJurySettingsRefusal>> {
  const s = input.settings;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'editJury', lock: tx });
      const call = scoped.record;
      if (call.version !== input.version) refuse('stale');
      if (!scoped.can.editJury) refuse('locked-jury');
      const problems: SaveJurySettingsRefusal[] = [];
      if (
        !Number.isInteger(s.reviewersPerApplication) ||
        s.reviewersPerApplication < 1 ||
        s.reviewersPerApplication > MAX_REVIEWERS_PER_APPLICATION
      )
        problems.push('reviewers');
      if (!Number.isInteger(s.defaultCapacity) || s.defaultCapacity < 0 || s.defaultCapacity > MAX_JUROR_CAPACITY)
        problems.push('capacity');
      if (new Set(s.tieBreaks).size !== s.tieBreaks.length) problems.push('tie-break-repeated');
      const criteria = new Set(call.evaluationCriteria.map((c) => c.id));
      if (s.tieBreaks.some((id) => !criteria.has(id))) problems.push('tie-break-unknown');
      const [problem, ...more] = problems;
      if (problem) refuse(problem, ...more);
      const settings: JurySettings = {
        reviewersPerApplication: s.reviewersPerApplication,
        defaultCapacity: s.defaultCapacity,
        hideOthersUntilSubmitted: s.hideOthersUntilSubmitted,
        halfPoints: s.halfPoints,
        tieBreaks: [...s.tieBreaks],
      };
      await tx
        .update(calls)
        .set({ jurySettings: settings, version: sql`${calls.version} + 1` })
        .where(eq(calls.id, call.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: call.funderId,
        action: 'call.jury-settings-saved',
        subjectType: 'call',
        subjectId: call.id,
        before: call.jurySettings,
        after: settings,
      });
    }),
  );
}
