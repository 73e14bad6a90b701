import { and, eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { juryAbilities } from '../../../domain/juryMembership.ts';
import type { Locale } from '../../../domain/locale.ts';
import { refusable, refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { JuryDeps } from '../deps.ts';
import { mailInvitation } from '../mails.ts';
import { lockJury } from '../records.ts';
import { jurors } from '../schema.ts';

export interface InviteInput {
  actor: MaybeActor;
  callId: string;
  email: string;
  isChair: boolean;
  /** Most applications this juror scores; null for the call's default. */
  capacity: number | null;
  /** The officer's language, for an address without an account. */
  locale: Locale;
  now?: Date;
}

/** Why no one is invited: the jury no longer takes members, or the address already has a seat. */
export type InviteJurorRefusal = 'jury-closed' | 'already-invited';

/**
 * An officer of the call invites someone to its jury by email; the person may have no account.
 * The seat waits, bound to that address, until they accept. Inviting again someone who withdrew
 * gives them a fresh seat (to accept and sign again); anyone else already invited is refused.
 */
export async function inviteJuror(deps: JuryDeps, input: InviteInput): Promise<Outcome<void, InviteJurorRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'invite juror');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  if (!juryAbilities(call.status).invite) return refused('jury-closed');
  const email = input.email.trim().toLowerCase();
  const now = input.now ?? new Date();
  return refusable<void, InviteJurorRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const [existing] = await tx
        .select()
        .from(jurors)
        .where(and(eq(jurors.callId, call.id), eq(jurors.email, email)));
      if (existing && existing.status !== 'withdrawn') return refuse('already-invited');
      const seat = {
        status: 'invited' as const,
        isChair: input.isChair,
        capacity: input.capacity,
        invitedBy: actor.userId,
        invitedAt: now,
      };
      let jurorId: string;
      if (existing) {
        await tx
          .update(jurors)
          .set({ ...seat, userId: null, acceptedAt: null, declarationSignedAt: null, withdrawnAt: null })
          .where(eq(jurors.id, existing.id));
        jurorId = existing.id;
      } else {
        const [created] = await tx
          .insert(jurors)
          .values({ ...seat, callId: call.id, email })
          .returning({ id: jurors.id });
        jurorId = created!.id;
      }
      await mailInvitation(tx, deps.publicUrl, { jurorId, email, callTitle: call.title, locale: input.locale, now });
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'jury.juror-invited',
        subjectType: 'juror',
        subjectId: jurorId,
        after: { callId: call.id, email, isChair: input.isChair, capacity: input.capacity },
      });
    }),
  );
}
