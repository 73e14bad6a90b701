import { and, eq, sql } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { mayAccept } from '../../../domain/juryMembership.ts';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Executor, Transaction } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { roleGrants, users } from '../../../platform/identity/schema.ts';
import { hashToken } from '../../../platform/identity/secrets.ts';
import { openSession } from '../../../platform/identity/sessions.ts';
import type { PublicCall } from '../../calls/service.ts';
import type { JuryDeps } from '../deps.ts';
import { conflicts, jurors } from '../schema.ts';

export type AcceptResult =
  { status: 'joined'; callId: string } | { status: 'invalid' } | { status: 'other-address'; email: string };

/** The seat an invitation link names, if the link is still good. */
export async function seatByToken(db: Executor, token: string, now = new Date()) {
  if (!token || token.length > 200) return null;
  const [seat] = await db
    .select()
    .from(jurors)
    .where(eq(jurors.invitationHash, hashToken(token)));
  return seat && mayAccept(seat, now) ? seat : null;
}

async function lockedSeat(tx: Transaction, token: string, now: Date) {
  const [seat] = await tx
    .select()
    .from(jurors)
    .where(eq(jurors.invitationHash, hashToken(token)))
    .for('update');
  return seat && mayAccept(seat, now) ? seat : null;
}

/**
 * Binds the seat to the account, grants the juror role at the call's funder, and records a
 * conflict with each organisation the person is a member of: a juror never judges their own.
 */
async function bindSeat(
  tx: Transaction,
  input: { seatId: string; userId: string; call: PublicCall; organisationIds: string[]; locale: Locale; now: Date },
): Promise<void> {
  await tx
    .update(jurors)
    .set({ userId: input.userId, acceptedAt: input.now, invitationHash: null })
    .where(eq(jurors.id, input.seatId));
  await recordAudit(tx, {
    actorId: input.userId,
    funderId: input.call.funderId,
    action: 'jury.invitation-accepted',
    subjectType: 'juror',
    subjectId: input.seatId,
    after: { callId: input.call.id },
  });
  const [grant] = await tx
    .insert(roleGrants)
    .values({ userId: input.userId, funderId: input.call.funderId, role: 'juror', grantedBy: input.userId })
    .onConflictDoNothing()
    .returning({ id: roleGrants.id });
  if (grant)
    await recordAudit(tx, {
      actorId: input.userId,
      funderId: input.call.funderId,
      action: 'role.granted',
      subjectType: 'user',
      subjectId: input.userId,
      after: { role: 'juror' },
      reason: 'jury invitation accepted',
    });
  const reason = translator(input.locale)('jury.conflict.membershipReason');
  for (const organisationId of input.organisationIds) {
    const [known] = await tx
      .select({ id: conflicts.id })
      .from(conflicts)
      .where(and(eq(conflicts.jurorId, input.seatId), eq(conflicts.organisationId, organisationId)));
    if (known) continue;
    const [row] = await tx
      .insert(conflicts)
      .values({ jurorId: input.seatId, organisationId, reason, declaredBy: input.userId })
      .returning({ id: conflicts.id });
    await recordAudit(tx, {
      actorId: input.userId,
      funderId: input.call.funderId,
      action: 'jury.conflict-declared',
      subjectType: 'juror',
      subjectId: input.seatId,
      after: { conflictId: row!.id, organisationId, automatic: true },
    });
  }
}

/** The signed-in person takes the seat of a valid invitation sent to their own address. */
export async function acceptInvitation(
  deps: JuryDeps,
  input: { actor: MaybeActor; token: string; locale: Locale; now?: Date },
): Promise<AcceptResult> {
  const actor = input.actor;
  authorize(actor, true, 'accept jury invitation');
  const now = input.now ?? new Date();
  const found = await seatByToken(deps.db, input.token, now);
  if (!found) return { status: 'invalid' };
  const call = await deps.calls.publicCall(found.callId);
  const organisationIds = (await deps.organisations.myOrganisations(actor)).map((o) => o.id);
  return inTransaction(deps, async (tx) => {
    const seat = await lockedSeat(tx, input.token, now);
    if (!seat) return { status: 'invalid' } as const;
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (me!.email.toLowerCase() !== seat.email) return { status: 'other-address', email: seat.email } as const;
    await bindSeat(tx, { seatId: seat.id, userId: actor.userId, call, organisationIds, locale: input.locale, now });
    return { status: 'joined', callId: seat.callId } as const;
  });
}

export type AcceptWithAccountResult =
  | { status: 'joined'; callId: string; sessionToken: string }
  | { status: 'invalid' }
  | { status: 'account-exists'; email: string };

/**
 * Someone invited without an account gets one by the invitation: the link came to their mailbox,
 * which proves the address, so the account is confirmed at once and signed in.
 */
export async function acceptWithNewAccount(
  deps: JuryDeps,
  input: { token: string; displayName: string; password: string; locale: Locale; now?: Date },
): Promise<AcceptWithAccountResult> {
  const now = input.now ?? new Date();
  const found = await seatByToken(deps.db, input.token, now);
  if (!found) return { status: 'invalid' };
  const call = await deps.calls.publicCall(found.callId);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps, async (tx) => {
    const seat = await lockedSeat(tx, input.token, now);
    if (!seat) return { status: 'invalid' } as const;
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, seat.email));
    if (existing) return { status: 'account-exists', email: seat.email } as const;
    const [user] = await tx
      .insert(users)
      .values({
        email: seat.email,
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
        emailConfirmedAt: now,
      })
      .returning({ id: users.id });
    await recordAudit(tx, {
      actorId: user!.id,
      action: 'user.signed-up',
      subjectType: 'user',
      subjectId: user!.id,
      after: { email: seat.email, locale: input.locale },
      reason: 'jury invitation',
    });
    await bindSeat(tx, { seatId: seat.id, userId: user!.id, call, organisationIds: [], locale: input.locale, now });
    return { status: 'joined', callId: seat.callId, sessionToken: await openSession(tx, user!.id) } as const;
  });
}
