// The people of the authorisation matrix and the fuzzing, each with a relation to real records:
// members of an applying organisation and of another, the call's officer and another funder's,
// a funder's administrator and the installation's, jurors assigned, unassigned and in conflict,
// the jury's chair; and records in several states (draft, open or submitted, under review, decided).
// Built through the services where a person would act; the steps screening and the jury leave
// behind (statuses, seats, assignments) are written as they leave them, as scoredCall.ts does.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/domain/access.ts';
import { applications } from '../../src/features/applications/schema.ts';
import { assignments, conflicts, jurors } from '../../src/features/jury/schema.ts';
import type { TestApp } from './app.ts';
import { buildApplication, buildCall, buildFunder, buildOrganisation, buildPerson, type Person } from './factories.ts';
import { setCallStatus } from './scoredCall.ts';

export const PERSONAS = [
  'anonymous',
  'stranger',
  'member',
  'otherMember',
  'officer',
  'otherOfficer',
  'funderAdmin',
  'platformAdmin',
  'jurorAssigned',
  'jurorUnassigned',
  'jurorConflicted',
  'chair',
] as const;
export type PersonaName = (typeof PERSONAS)[number];

export interface World {
  funderId: string;
  /** Each persona signed in (its agent and actor); the anonymous one has an agent only. */
  people: Record<PersonaName, { agent: Person['agent']; actor: Actor | null }>;
  organisations: { own: string; other: string };
  /** Calls of the funder: a draft, one open to applications, one whose jury is at work, one decided. */
  calls: { draft: string; open: string; evaluation: string; decided: string };
  /**
   * Applications of the member's organisation (`own…`) and of the other one: a draft and a submitted
   * one to the open call, one under review by the jury, one decided (rejected).
   */
  applications: { draft: string; submitted: string; underReview: string; decided: string; otherSubmitted: string };
  /** The jurors' seats on the evaluation call: `assigned` and `conflicted` are given `underReview`. */
  seats: { assigned: string; unassigned: string; conflicted: string; chair: string };
}

async function seat(
  app: TestApp,
  input: { callId: string; juror: Person; officer: Actor; isChair?: boolean },
): Promise<string> {
  const now = new Date();
  const [row] = await app.database.db
    .insert(jurors)
    .values({
      callId: input.callId,
      email: input.juror.email,
      userId: input.juror.actor.userId,
      status: 'active',
      isChair: !!input.isChair,
      expertise: { targetPublics: [], activityTypes: [], digcompAreas: [], languages: ['fr'] },
      invitedBy: input.officer.userId,
      acceptedAt: now,
      declarationSignedAt: now,
    })
    .returning({ id: jurors.id });
  return row!.id;
}

/** Builds every persona and record of the matrix on `app`. */
export async function buildWorld(app: TestApp): Promise<World> {
  const funderId = await buildFunder(app);
  const otherFunderId = await buildFunder(app);
  const officer = await buildPerson(app, { funderId, role: 'officer' });
  const otherOfficer = await buildPerson(app, { funderId: otherFunderId, role: 'officer' });
  const funderAdmin = await buildPerson(app, { funderId, role: 'administrator' });
  const admin = await app.signedIn({ platformAdmin: true });
  const member = await buildPerson(app);
  const otherMember = await buildPerson(app);
  const own = await buildOrganisation(app, member.actor);
  const other = await buildOrganisation(app, otherMember.actor);

  const draftCall = await buildCall(app, { officer: officer.actor, funderId, draft: true });
  const [open, evaluation, decided] = [
    await buildCall(app, { officer: officer.actor, funderId }),
    await buildCall(app, { officer: officer.actor, funderId }),
    await buildCall(app, { officer: officer.actor, funderId }),
  ];
  const apply = (callId: string, who: Person, organisationId: string, draft = false) =>
    buildApplication(app, { callId, applicant: who.actor, organisationId, draft });
  const ids = {
    draft: await apply(open, member, own, true),
    submitted: await apply(open, member, own),
    underReview: await apply(evaluation, member, own),
    decided: await apply(decided, member, own),
    otherSubmitted: await apply(open, otherMember, other),
  };
  const setStatus = (id: string, status: typeof applications.$inferSelect.status) =>
    app.database.db.update(applications).set({ status }).where(eq(applications.id, id));
  await setStatus(ids.underReview, 'under-review');
  await setCallStatus(app, evaluation, 'evaluation');
  await setStatus(ids.decided, 'rejected');
  await setCallStatus(app, decided, 'decided');

  const [jurorAssigned, jurorUnassigned, jurorConflicted, chair] = [
    await buildPerson(app),
    await buildPerson(app),
    await buildPerson(app),
    await buildPerson(app),
  ];
  const seats = {
    assigned: await seat(app, { callId: evaluation, juror: jurorAssigned, officer: officer.actor }),
    unassigned: await seat(app, { callId: evaluation, juror: jurorUnassigned, officer: officer.actor }),
    conflicted: await seat(app, { callId: evaluation, juror: jurorConflicted, officer: officer.actor }),
    chair: await seat(app, { callId: evaluation, juror: chair, officer: officer.actor, isChair: true }),
  };
  for (const jurorId of [seats.assigned, seats.conflicted]) {
    await app.database.db.insert(assignments).values({
      callId: evaluation,
      jurorId,
      applicationId: ids.underReview,
      source: 'manual',
      createdBy: officer.actor.userId,
    });
  }
  await app.database.db.insert(conflicts).values({
    jurorId: seats.conflicted,
    organisationId: own,
    reason: 'Former board member',
    declaredBy: jurorConflicted.actor.userId,
  });

  const stranger = await buildPerson(app);
  const as = (p: Person) => ({ agent: p.agent, actor: p.actor });
  return {
    funderId,
    people: {
      anonymous: { agent: app.agent(), actor: null },
      stranger: as(stranger),
      member: as(member),
      otherMember: as(otherMember),
      officer: as(officer),
      otherOfficer: as(otherOfficer),
      funderAdmin: as(funderAdmin),
      platformAdmin: { agent: admin.agent, actor: admin.actor },
      jurorAssigned: as(jurorAssigned),
      jurorUnassigned: as(jurorUnassigned),
      jurorConflicted: as(jurorConflicted),
      chair: as(chair),
    },
    organisations: { own, other },
    calls: { draft: draftCall, open, evaluation, decided },
    applications: ids,
    seats,
  };
}
