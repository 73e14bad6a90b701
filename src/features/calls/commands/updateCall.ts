import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { changedParts, changeRefusals, type ChangeRefusal } from '../../../domain/callParts.ts';
import { isBeforeDeadline } from '../../../domain/brusselsTime.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { recordCorrection } from '../corrections.ts';
import type { CallInput } from '../forms.ts';
import { calls } from '../schema.ts';

export type UpdateCallRefusal = Stale | ChangeRefusal | 'code-taken' | 'code-locked' | 'deadline-past';

/**
 * Saves the general part of a call if nobody changed it since `version`. The funder cannot change:
 * a call's records all belong to the funder that created it, and its code, once references are
 * given, neither. After publication a change is a correction with its note, shown publicly; after
 * the decision the money, the dates and the publics are locked (`editability` says which part when).
 */
export async function updateCall(
  deps: CommandDeps,
  input: {
    actor: MaybeActor;
    callId: string;
    version: number;
    call: CallInput;
    correctionNote?: Translated | null;
    now?: Date;
  },
): Promise<Outcome<void, UpdateCallRefusal>> {
  const now = input.now ?? new Date();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'manage', lock: tx, now });
      const call = scoped.record;
      if (call.version !== input.version) refuse('stale');
      const { funderId: _ignored, code, ...changes } = input.call;
      if (code !== call.code) {
        if (call.status !== 'draft') refuse('code-locked');
        const clash = await tx
          .select({ id: calls.id })
          .from(calls)
          .where(and(eq(calls.code, code), sql`${calls.id} <> ${call.id}`));
        if (clash.length) refuse('code-taken');
      }
      const parts = changedParts(call, changes);
      const refusals = changeRefusals(call.status, parts, !!input.correctionNote?.fr.trim());
      if (refusals.length) refuse(...(refusals as [ChangeRefusal, ...ChangeRefusal[]]));
      // A correction may extend a deadline, not move it into the past: closing early is its own act.
      if (
        parts.includes('dates') &&
        call.status === 'published' &&
        changes.closesAt &&
        !isBeforeDeadline(now, changes.closesAt)
      )
        refuse('deadline-past');
      await tx
        .update(calls)
        .set({ ...changes, code, version: sql`${calls.version} + 1` })
        .where(eq(calls.id, call.id));
      const actorId = signedIn(scoped).userId;
      await recordCorrection(tx, {
        callId: call.id,
        status: call.status,
        callVersion: call.version + 1,
        parts,
        note: input.correctionNote ?? null,
        actorId,
      });
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, call[k as keyof typeof call]]));
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.updated',
        subjectType: 'call',
        subjectId: call.id,
        before: { ...before, code: call.code },
        after: { ...changes, code, parts },
        reason: input.correctionNote?.fr ?? null,
      });
    }),
  );
}
