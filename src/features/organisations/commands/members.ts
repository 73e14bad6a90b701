import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import type { Locale } from '../../../domain/locale.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { organisationAbilities } from '../../../domain/organisationPolicy.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { users } from '../../../platform/identity/schema.ts';
import { hashToken, newSecretToken } from '../../../platform/identity/secrets.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { membershipOf } from '../membership.ts';
import { organisationInvitations, organisationMembers, organisations } from '../schema.ts';

const INVITATION_DAYS = 14;

/** An owner invites someone by email; the link in the mail makes them a member once they sign in with that address. */
export async function inviteMember(
  deps: CommandDeps,
  input: { actor: MaybeActor; organisationId: string; email: string; role: 'owner' | 'member'; locale: Locale },
): Promise<void> {
  const actor = input.actor;
  await inTransaction(deps, async (tx) => {
    const membership = await membershipOf(tx, actor, input.organisationId);
    if (!membership && actor) throw new NotFoundError('organisation');
    authorize(actor, organisationAbilities(membership).manageMembers, 'invite member');
    const [organisation] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    const { token, hash } = newSecretToken();
    const email = input.email.toLowerCase();
    await tx.insert(organisationInvitations).values({
      tokenHash: hash,
      organisationId: input.organisationId,
      email,
      role: input.role,
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    // The invitee may have no account yet: the mail goes in the language of the person inviting.
    const [invitee] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    const t = translator((invitee?.locale as Locale | undefined) ?? input.locale);
    await enqueueMail(tx, {
      to: email,
      subject: t('mail.invitation.subject', { organisation: organisation!.name }),
      text: [
        t('mail.invitation.body', { organisation: organisation!.name }),
        '',
        `${deps.publicUrl}/organisations/invitations/accept?token=${token}`,
        '',
        t('mail.signature'),
      ].join('\n'),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'organisation.member-invited',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      after: { email, role: input.role },
    });
  });
}

export type AcceptResult =
  { status: 'joined'; organisationId: string } | { status: 'invalid' } | { status: 'other-address'; email: string };

/** Joins the organisation of a valid invitation addressed to the signed-in person's own address. */
export async function acceptInvitation(
  deps: CommandDeps,
  input: { actor: MaybeActor; token: string },
): Promise<AcceptResult> {
  const actor = input.actor;
  authorize(actor, true, 'accept invitation');
  return inTransaction(deps, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(organisationInvitations)
      .where(
        and(
          eq(organisationInvitations.tokenHash, hashToken(input.token)),
          isNull(organisationInvitations.acceptedAt),
          gt(organisationInvitations.expiresAt, new Date()),
        ),
      )
      .for('update');
    if (!invitation) return { status: 'invalid' } as const;
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
    if (me!.email.toLowerCase() !== invitation.email)
      return { status: 'other-address', email: invitation.email } as const;
    await tx
      .update(organisationInvitations)
      .set({ acceptedAt: new Date() })
      .where(eq(organisationInvitations.tokenHash, invitation.tokenHash));
    await tx
      .insert(organisationMembers)
      .values({ organisationId: invitation.organisationId, userId: actor.userId, role: invitation.role })
      .onConflictDoUpdate({
        target: [organisationMembers.organisationId, organisationMembers.userId],
        set: { role: invitation.role },
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'organisation.member-joined',
      subjectType: 'organisation',
      subjectId: invitation.organisationId,
      after: { role: invitation.role },
    });
    return { status: 'joined', organisationId: invitation.organisationId } as const;
  });
}
