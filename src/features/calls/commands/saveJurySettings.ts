import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import type { JurySettings } from '../../../domain/jurySettings.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../schema.ts';
import { callForChange } from './updateCall.ts';

export const MAX_REVIEWERS_PER_APPLICATION = 20;
export const MAX_JUROR_CAPACITY = 1000;

/**
 * Saves how the call's jury works, if nobody changed the call since `version`: k jurors per
 * application, the default capacity, whether others' scores stay hidden until one's own is
 * submitted, half points, and the evaluation criteria that break ties (existing ones, each once).
 */
export async function saveJurySettings(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; settings: JurySettings },
): Promise<void> {
  const s = input.settings;
  const problems: string[] = [];
  if (
    !Number.isInteger(s.reviewersPerApplication) ||
    s.reviewersPerApplication < 1 ||
    s.reviewersPerApplication > MAX_REVIEWERS_PER_APPLICATION
  )
    problems.push('reviewers');
  if (!Number.isInteger(s.defaultCapacity) || s.defaultCapacity < 0 || s.defaultCapacity > MAX_JUROR_CAPACITY)
    problems.push('capacity');
  if (new Set(s.tieBreaks).size !== s.tieBreaks.length) problems.push('tie-break-repeated');
  if (problems.length) throw new RuleViolationError(problems);
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'edit jury settings');
    if (call.version !== input.version) throw new RuleViolationError(['stale']);
    const criteria = new Set(call.evaluationCriteria.map((c) => c.id));
    if (s.tieBreaks.some((id) => !criteria.has(id))) throw new RuleViolationError(['tie-break-unknown']);
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
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.jury-settings-saved',
      subjectType: 'call',
      subjectId: call.id,
      before: call.jurySettings,
      after: settings,
    });
  });
}
