import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { keepNationalNumber } from '../../../platform/identity/nationalNumber.ts';
import { closeSession, openFirstFactorSession } from '../../../platform/identity/sessions.ts';
import type { ProviderClaims } from '../client.ts';
import { oidcIdentities, type OidcProvider } from '../schema.ts';
import { offerLinkByMail } from './linkByMail.ts';

export type ProviderSignInResult =
  | { status: 'signed-in'; token: string; pending: boolean }
  /** Signed in already: the provider's account is now linked to this one (the session is unchanged). */
  | { status: 'linked' }
  /** Linked to another Octroi account than the one signed in: nothing changes. */
  | { status: 'linked-elsewhere' }
  /** Not linked, and nobody signed in to prove which account it belongs to. */
  | { status: 'not-linked' }
  | { status: 'deactivated' };

/**
 * What a verified return from a provider does. A provider's account already linked signs its person
 * in (a new session; any previous one closed), also when they were signed in already: that is how a
 * session gets what a role's requirement asks of it, a sign-in through its provider. One not linked yet is linked only to the account
 * signed in now, which is the proof of ownership; otherwise nothing happens and the person is asked
 * to sign in first. An e-mail address in the claims never links anything by itself: an address can
 * change hands, and providers do not all verify it; the account with that address is mailed a link
 * that its owner may confirm (linkByMail.ts). The national register number the provider gives is
 * kept only as platform/identity/nationalNumber.ts allows, and never written to the audit trail.
 */
export async function signInThroughProvider(
  deps: CommandDeps,
  input: { provider: OidcProvider; claims: ProviderClaims; actor: MaybeActor; previousSession?: string | undefined },
): Promise<ProviderSignInResult> {
  const { provider, claims, actor } = input;
  return inTransaction(deps, async (tx) => {
    const [identity] = await tx
      .select()
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.providerId, provider.id), eq(oidcIdentities.subject, claims.subject)))
      .for('update');
    if (!identity) {
      if (!actor) {
        await offerLinkByMail(tx, deps, { provider, subject: claims.subject, email: claims.email });
        return { status: 'not-linked' } as const;
      }
      const [linked] = await tx
        .insert(oidcIdentities)
        .values({ providerId: provider.id, subject: claims.subject, userId: actor.userId })
        .returning({ id: oidcIdentities.id });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'oidc.linked',
        subjectType: 'user',
        subjectId: actor.userId,
        after: { provider: provider.slug, identityId: linked!.id },
      });
      await keepNationalNumber(tx, { userId: actor.userId, given: claims.nationalNumber, provider: provider.slug });
      return { status: 'linked' } as const;
    }
    if (actor && identity.userId !== actor.userId) return { status: 'linked-elsewhere' } as const;
    const [user] = await tx.select().from(users).where(eq(users.id, identity.userId));
    if (!user || user.deactivatedAt) return { status: 'deactivated' } as const;
    if (input.previousSession) await closeSession(tx, input.previousSession);
    const now = new Date();
    await tx.update(oidcIdentities).set({ lastSignInAt: now }).where(eq(oidcIdentities.id, identity.id));
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await keepNationalNumber(tx, { userId: user.id, given: claims.nationalNumber, provider: provider.slug });
    const { token, pending } = await openFirstFactorSession(tx, user.id, {
      method: `provider:${provider.slug}`,
      acr: claims.acr,
    });
    if (!pending)
      await recordAudit(tx, {
        actorId: user.id,
        action: 'session.opened',
        subjectType: 'user',
        subjectId: user.id,
        after: { provider: provider.slug },
      });
    return { status: 'signed-in', token, pending } as const;
  });
}
