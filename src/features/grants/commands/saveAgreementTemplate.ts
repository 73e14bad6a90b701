import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { Locale } from '../../../domain/locale.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementTemplates } from '../schema.ts';

export type SaveTemplateRefusal = Stale;

/**
 * An officer of the call writes its agreement clauses, one text per language: the agreements and amendments
 * sent from now on print them (an agreement already sent keeps the text it was sent with: its PDF is fixed).
 * `version` is the one the form showed (0 before the first save); a stale form is refused. Audited with the
 * texts it replaced.
 */
export async function saveAgreementTemplate(
  deps: GrantsDeps,
  input: { actor: MaybeActor; callId: string; version: number; clauses: Record<Locale, string>; now?: Date },
): Promise<Outcome<{ version: number }, SaveTemplateRefusal>> {
  const now = input.now ?? new Date();
  const call = await deps.calls.load(input.actor, input.callId, { action: 'manage' });
  const actorId = signedIn(call).userId;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [current] = await tx
        .select()
        .from(grantAgreementTemplates)
        .where(eq(grantAgreementTemplates.callId, input.callId))
        .for('update');
      if ((current?.version ?? 0) !== input.version) return refuse('stale');
      const version = input.version + 1;
      if (current)
        await tx
          .update(grantAgreementTemplates)
          .set({ clauses: input.clauses, version, updatedBy: actorId, updatedAt: now })
          .where(eq(grantAgreementTemplates.callId, input.callId));
      else
        await tx
          .insert(grantAgreementTemplates)
          .values({ callId: input.callId, clauses: input.clauses, version, updatedBy: actorId, updatedAt: now });
      await recordAudit(tx, {
        actorId,
        funderId: call.record.funderId,
        action: 'grant.agreement-template-saved',
        subjectType: 'call',
        subjectId: input.callId,
        before: current ? { clauses: current.clauses } : null,
        after: { clauses: input.clauses, version },
      });
      return { version };
    }),
  );
}
