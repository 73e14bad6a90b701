import { eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { mayDeclare } from '../../../domain/juryMembership.ts';
import { isDigCompArea } from '../../../domain/referenceData.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { seatOf } from '../access.ts';
import type { JuryDeps } from '../deps.ts';
import { jurors, type Expertise } from '../schema.ts';

/** Why the declaration is not signed: no language stated. */
export type SignDeclarationRefusal = 'no-language';

/**
 * The juror signs the independence declaration and states what they know. The first signature
 * makes the seat active (applications can then be assigned); later ones update the expertise,
 * which the next automatic assignment uses. Only terms the call's funder offers are kept.
 */
export async function signDeclaration(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; expertise: Expertise; now?: Date },
): Promise<Outcome<void, SignDeclarationRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'sign declaration');
  const found = await seatOf(deps.db, actor, input.callId);
  if (!found || !mayDeclare(found)) throw new NotFoundError('seat');
  const call = await deps.calls.publicCall(input.callId);
  const publics = new Set((await deps.calls.terms(call.funderId, 'target-public')).map((t) => t.key));
  const activities = new Set((await deps.calls.terms(call.funderId, 'activity-type')).map((t) => t.key));
  const e = input.expertise;
  return refusable<void, SignDeclarationRefusal>(async (refuse) => {
    if (!e.languages.length) refuse('no-language');
    const expertise: Expertise = {
      targetPublics: [...new Set(e.targetPublics.filter((k) => publics.has(k)))],
      activityTypes: [...new Set(e.activityTypes.filter((k) => activities.has(k)))],
      digcompAreas: [...new Set(e.digcompAreas.filter(isDigCompArea))].sort(),
      languages: [...new Set(e.languages)],
    };
    const now = input.now ?? new Date();
    await inTransaction(deps, async (tx) => {
      const [seat] = await tx.select().from(jurors).where(eq(jurors.id, found.id)).for('update');
      if (!seat || !mayDeclare(seat)) throw new NotFoundError('seat');
      const first = !seat.declarationSignedAt;
      await tx
        .update(jurors)
        .set({ expertise, status: 'active', declarationSignedAt: seat.declarationSignedAt ?? now })
        .where(eq(jurors.id, seat.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: first ? 'jury.declaration-signed' : 'jury.expertise-updated',
        subjectType: 'juror',
        subjectId: seat.id,
        before: { expertise: seat.expertise },
        after: { expertise },
      });
    });
  });
}
