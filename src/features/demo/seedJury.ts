import { and, desc, eq, like } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import type { DemoPassword } from './seedApplications.ts';
import { mailOutbox } from '../../platform/mail/schema.ts';
import type { DemoJuror } from './demoJurors.ts';

const INVITATION_LINK = '/jury/invitations/accept?token=';

/**
 * The officer forms the call's jury: each juror is invited, accepts with their account, signs the
 * independence declaration with their expertise; then the automatic assignment is computed and
 * confirmed, as the officer does from its preview. Returns each seat's juror, by seat id.
 */
export async function seedJury(
  app: App,
  officer: Actor,
  callId: string,
  members: readonly DemoJuror[],
  password: DemoPassword,
): Promise<Map<string, Actor>> {
  const { accounts, jury } = app.services;
  const byEmail = new Map<string, Actor>();
  for (const member of members) {
    // An existing account (juror@example.org) keeps its password and name.
    const { id } = await accounts.provisionUser({
      email: member.email,
      displayName: member.displayName,
      password,
      locale: member.locale,
      platformAdmin: false,
    });
    const juror: Actor = { userId: id, isPlatformAdmin: false, grants: [] };
    expectOk(
      await jury.inviteJuror({
        actor: officer,
        callId,
        email: member.email,
        isChair: member.isChair,
        capacity: null,
        locale: 'fr',
      }),
    );
    const accepted = await jury.acceptInvitation({
      actor: juror,
      token: await invitationToken(app, member.email),
      locale: member.locale,
    });
    if (accepted.status !== 'joined') throw new Error(`${member.email} could not take the seat: ${accepted.status}`);
    expectOk(await jury.signDeclaration({ actor: juror, callId, expertise: member.expertise }));
    byEmail.set(member.email, juror);
  }

  const preview = await jury.previewAssignment(officer, callId, null);
  if (preview.status !== 'optimal' && preview.status !== 'feasible')
    throw new Error(`no jury assignment: ${preview.status} ${preview.reason ?? JSON.stringify(preview.shortfalls)}`);
  expectOk(await jury.confirmAssignment({ actor: officer, callId, pairs: preview.pairs }));

  const seats = (await jury.board(officer, callId)).jurors;
  return new Map(seats.map((seat) => [seat.id, byEmail.get(seat.email)!]));
}

/**
 * The juror follows the link of the invitation mail: only its hash is stored with the seat, and
 * no command hands the link to anyone but the invited address. Read from the mail as queued.
 */
async function invitationToken(app: App, email: string): Promise<string> {
  const [mail] = await app.database.db
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email), like(mailOutbox.text, `%${INVITATION_LINK}%`)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const token = mail?.text.split(INVITATION_LINK)[1]?.split(/\s/)[0];
  if (!token) throw new Error(`no jury invitation mailed to ${email}`);
  return token;
}
