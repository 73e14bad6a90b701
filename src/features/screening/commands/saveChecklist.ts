import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { canEditChecklist, SCREENABLE, type Verdicts } from '../../../domain/screening.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { lastDecision, lockChecklist, screeningFor } from '../access.ts';
import type { ScreeningDeps } from '../deps.ts';
import { eligibilityChecks } from '../schema.ts';

/** The application no longer awaits a decision (`not-screenable`), or one was taken meanwhile (`decided`). */
export type SaveChecklistRefusal = 'not-screenable' | 'decided';

export type ChecklistSaveResult =
  | { status: 'saved'; version: number }
  /** Someone saved since `version`: nothing was written; what they saved, and who, comes back. */
  | { status: 'conflict'; version: number; theirs: Verdicts; by: string; at: Date };

/**
 * Saves an officer's checklist of an application: a verdict (met, not met, to verify) and a note
 * per eligibility criterion of the call; criteria left blank stay unassessed, verdicts on unknown
 * criteria are dropped. Only while the application awaits a decision and none stands. The save names
 * the version it edited: if a colleague saved in between, nothing is overwritten.
 */
export async function saveChecklist(
  deps: ScreeningDeps,
  input: { actor: MaybeActor; applicationId: string; version: number; verdicts: Verdicts; now?: Date },
): Promise<Outcome<ChecklistSaveResult, SaveChecklistRefusal>> {
  const now = input.now ?? new Date();
  const { view, criteria, funderId, actorId } = await screeningFor(deps, input.actor, input.applicationId);
  const known = new Set(criteria.map((c) => c.id));
  const verdicts: Verdicts = Object.fromEntries(Object.entries(input.verdicts).filter(([id]) => known.has(id)));
  return refusable<ChecklistSaveResult, SaveChecklistRefusal>(async (refuse) => {
    if (!SCREENABLE.includes(view.application.status)) refuse('not-screenable');
    return inTransaction(deps, async (tx) => {
      const checklist = await lockChecklist(tx, view.application.id);
      // The checklist row's lock orders this save after any decision being taken on the application.
      if (!canEditChecklist(view.application.status, await lastDecision(tx, view.application.id))) refuse('decided');
      if (checklist.version !== input.version) {
        const [by] = checklist.updatedBy
          ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, checklist.updatedBy))
          : [];
        return {
          status: 'conflict',
          version: checklist.version,
          theirs: checklist.verdicts,
          by: by?.name ?? '',
          at: checklist.updatedAt,
        } as const;
      }
      const [saved] = await tx
        .update(eligibilityChecks)
        .set({ verdicts, version: sql`${eligibilityChecks.version} + 1`, updatedBy: actorId, updatedAt: now })
        .where(eq(eligibilityChecks.applicationId, view.application.id))
        .returning({ version: eligibilityChecks.version });
      await recordAudit(tx, {
        actorId,
        funderId,
        action: 'screening.checklist-saved',
        subjectType: 'application',
        subjectId: view.application.id,
        before: { verdicts: checklist.verdicts },
        after: { verdicts, version: saved!.version },
      });
      return { status: 'saved', version: saved!.version } as const;
    });
  });
}
