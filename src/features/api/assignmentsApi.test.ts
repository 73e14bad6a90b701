// The jury's assignments through the API: the call's officers see who reviews what, jurors named,
// with the conflicts declared since; nobody else learns who the jurors are. The personas of the
// authorisation matrix (test/helpers/personas.ts) are each given a token where the token model lets
// them have one, and ask for the assignments of the call whose jury is at work.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildFunder } from '../../../test/helpers/factories.ts';
import { buildWorld, PERSONAS, type PersonaName, type World } from '../../../test/helpers/personas.ts';
import type { Actor } from '../../domain/access.ts';
import { expectOk } from '../../domain/refusal.ts';
import { roleGrants, users } from '../../platform/identity/schema.ts';
import { AssignmentPage, ErrorBody } from './contract.ts';
import { apiService, type ApiService } from './service.ts';

type Answer = 'jurors named' | 'forbidden' | 'not found' | 'no token' | 'unauthorized';

/**
 * What each persona gets. Tokens are for those who run calls (access.ts): an applicant, a juror or
 * the installation's administrator cannot make one, so no script of theirs reads the API at all.
 */
// A call already published is no secret: those who may not manage it are told so (403), as on its pages.
const EXPECTED: Record<PersonaName, Answer> = {
  anonymous: 'unauthorized',
  stranger: 'no token',
  member: 'no token',
  otherMember: 'no token',
  officer: 'jurors named',
  otherOfficer: 'forbidden',
  funderAdmin: 'jurors named',
  platformAdmin: 'no token',
  jurorAssigned: 'no token',
  jurorUnassigned: 'no token',
  jurorConflicted: 'no token',
  chair: 'no token',
};

for (const backend of backends()) {
  describe(`the jury's assignments through the API on ${backend.name}`, () => {
    let app: TestApp;
    let api: ApiService;
    let world: World;
    let url: string;

    const get = (path: string, token?: string) =>
      app.server.inject({
        method: 'GET',
        url: path,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });

    /** A token of the actor's, or the refusal's name when they may not have one. */
    const tokenOf = async (actor: Actor): Promise<string | 'no token'> =>
      api.createToken({ actor, name: 'Script' }).then(
        (outcome) => expectOk(outcome).token,
        (error: Error) => {
          assert.equal(error.name, 'ForbiddenError');
          return 'no token' as const;
        },
      );

    const answerOf = async (token: string | undefined): Promise<Answer> => {
      const res = await get(url, token);
      if (res.statusCode === 401) return 'unauthorized';
      if (res.statusCode === 404) return 'not found';
      if (res.statusCode === 403) return 'forbidden';
      assert.equal(res.statusCode, 200, res.body);
      const page = AssignmentPage.parse(res.json());
      assert.ok(page.assignments.length > 0 && page.assignments.every((a) => a.juror.name));
      return 'jurors named';
    };

    /** Makes the persona an officer of a funder of their own, so that they may hold a token. */
    const officerElsewhere = async (persona: PersonaName): Promise<Actor> => {
      const actor = world.people[persona].actor!;
      const funderId = await buildFunder(app);
      await app.database.db.insert(roleGrants).values({ userId: actor.userId, funderId, role: 'officer' });
      return { ...actor, grants: [...actor.grants, { funderId, role: 'officer' }] };
    };

    before(async () => {
      app = await buildTestApp(backend);
      api = apiService({ ...app.deps, ...app.services });
      world = await buildWorld(app);
      url = `/api/calls/${world.calls.evaluation}/assignments`;
    });
    after(() => app?.close());

    test('each persona: jurors named for the call’s officers, nothing for anyone else', async () => {
      const answers = {} as Record<PersonaName, Answer>;
      for (const persona of PERSONAS) {
        const actor = world.people[persona].actor;
        const token = actor ? await tokenOf(actor) : undefined;
        answers[persona] = token === 'no token' ? token : await answerOf(token);
      }
      assert.deepEqual(answers, EXPECTED);
    });

    test('a juror or an applicant who runs calls elsewhere holds a token, and is still refused this call', async () => {
      for (const persona of ['jurorAssigned', 'chair', 'member'] as const) {
        const token = await tokenOf(await officerElsewhere(persona));
        assert.notEqual(token, 'no token');
        const res = await get(url, token);
        assert.equal(res.statusCode, 403, persona);
        assert.equal(ErrorBody.parse(res.json()).error, 'forbidden');
        assert.doesNotMatch(res.body, /juror/i);
      }
    });

    test('the officer reads who reviews what, the conflict declared since, in pages and by changedSince', async () => {
      const token = await tokenOf(world.people.officer.actor!);
      assert.notEqual(token, 'no token');
      const page = AssignmentPage.parse((await get(url, token)).json());
      assert.equal(page.callId, world.calls.evaluation);
      assert.deepEqual(
        page.assignments.map((a) => a.applicationId),
        [world.applications.underReview, world.applications.underReview],
      );
      const seatIds = [world.seats.assigned, world.seats.conflicted];
      assert.deepEqual(page.assignments.map((a) => a.juror.id).sort(), [...seatIds].sort());
      const jurorUsers = [world.people.jurorAssigned.actor!.userId, world.people.jurorConflicted.actor!.userId];
      const names = await app.database.db
        .select({ name: users.displayName })
        .from(users)
        .where(inArray(users.id, jurorUsers));
      assert.deepEqual(page.assignments.map((a) => a.juror.name).sort(), names.map((n) => n.name).sort());
      const bySeat = new Map(page.assignments.map((a) => [a.juror.id, a]));
      assert.deepEqual(
        [bySeat.get(world.seats.assigned)!.conflicted, bySeat.get(world.seats.assigned)!.counts],
        [false, true],
      );
      assert.deepEqual(
        [bySeat.get(world.seats.conflicted)!.conflicted, bySeat.get(world.seats.conflicted)!.counts],
        [true, false],
        'the conflict with the organisation, declared after the assignment, is shown and stops the review counting',
      );
      assert.equal(bySeat.get(world.seats.conflicted)!.juror.stage, 'active');

      const first = AssignmentPage.parse((await get(`${url}?limit=1`, token)).json());
      assert.equal(first.assignments.length, 1);
      const second = AssignmentPage.parse((await get(`${url}?limit=1&cursor=${first.nextCursor}`, token)).json());
      assert.equal(second.nextCursor, null);
      assert.deepEqual(
        [...first.assignments, ...second.assignments].map((a) => a.id),
        page.assignments.map((a) => a.id),
      );

      const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
      assert.deepEqual(AssignmentPage.parse((await get(`${url}?changedSince=${later}`, token)).json()).assignments, []);
      const earlier = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
      assert.equal(
        AssignmentPage.parse((await get(`${url}?changedSince=${earlier}`, token)).json()).assignments.length,
        2,
      );
    });
  });
}
