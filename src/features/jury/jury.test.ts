import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, uniqueEmail, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/mailbox.ts';
import { VALID_ORGANISATION } from '../../../test/helpers/samples.ts';
import type { Actor } from '../../domain/access.ts';
import { standardForm } from '../../domain/forms/template.ts';
import { assignments, evaluations, juryReminders, jurors } from './schema.ts';
import { expectOk } from '../../domain/refusal.ts';

const DAY = 86_400_000;
const PROJECT = {
  'a.summary': 'Des ateliers numériques pour les seniors.',
  'a.communes': ['21015'],
  'a.publics': 'seniors',
  'a.participants.seniors': '40',
  'a.digcomp': ['1', '2'],
};
const BUDGET = {
  'a.budget.line.0.category': 'staff',
  'a.budget.line.0.label': 'Animateur',
  'a.budget.line.0.amount': '40.000,00',
  'a.budget.line.1.category': 'equipment',
  'a.budget.line.1.label': 'Tablettes',
  'a.budget.line.1.amount': '10 000',
  'a.budget.requested': '40 000',
  'a.budget.other.0.source': 'Commune',
  'a.budget.other.0.amount': '10000',
};

for (const backend of backends()) {
  describe(`jury on ${backend.name}`, () => {
    let app: TestApp;
    let admin: Actor;
    let officer: Actor;
    let officerAgent: Agent;
    let funderId: string;
    let callId: string;
    let n = 0;
    const apps: { id: string; organisationId: string; title: string; agent: Agent }[] = [];
    const seats: Record<string, { agent: Agent; email: string; id?: string }> = {};
    const page = (suffix = '') => `/manage/calls/${callId}/jury${suffix}`;
    const asOfficer = (action: string, fields: Record<string, string | string[]>, from = page()) =>
      officerAgent.submit(action, fields, { from, headers: { 'accept-language': 'en' } });

    /** A member of a fresh organisation whose application is submitted and declared eligible. */
    const eligibleApplication = async (title: string) => {
      const person = await app.signedIn();
      const base = String(10_000_000 + ++n * 7);
      const number = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
      const created = await person.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, name: `Asbl ${title}`, enterpriseNumber: number },
        { from: '/organisations/new' },
      );
      const organisationId = /\/organisations\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
      const started = await person.agent.submit(`/calls/${callId}/apply`, { organisationId, title });
      const id = /\/applications\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
      for (const [section, answers] of [
        ['project', PROJECT],
        ['budget', BUDGET],
      ] as const) {
        const form = await person.agent.get(`/applications/${id}/sections/${section}`);
        const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
        assert.equal(
          (
            await person.agent.submit(
              `/applications/${id}/sections/${section}`,
              { ...answers, version },
              { from: `/applications/${id}` },
            )
          ).statusCode,
          303,
        );
      }
      expectOk(await app.services.applications.submitApplication({ actor: person.actor, applicationId: id }));
      await app.database.db.transaction((tx) =>
        app.services.applications.transitionByOfficer(tx, {
          applicationId: id,
          event: 'declare-eligible',
          actorId: officer.userId,
          funderId,
        }),
      );
      apps.push({ id, organisationId, title, agent: person.agent });
      return apps.at(-1)!;
    };
    const statusOf = async (id: string) => (await app.services.applications.forReview(id)).application.status;
    const invitationLink = async (email: string) => {
      const link = new URL(linkIn((await app.mailsTo(email)).at(-1)!));
      return link.pathname + link.search;
    };
    /** An officer invites; the person (with an account unless `external`) accepts and signs. */
    const seat = async (key: string, opts: { external?: boolean; expertise?: Record<string, string[]> } = {}) => {
      const person = opts.external
        ? { agent: app.agent(), email: uniqueEmail(key) }
        : await app.signedIn({ email: uniqueEmail(key) });
      assert.equal((await asOfficer(page('/invitations'), { email: person.email })).statusCode, 303);
      const link = await invitationLink(person.email);
      if (opts.external) {
        const offer = await person.agent.get(link);
        assert.equal(offer.statusCode, 200);
        assert.match(offer.body, /action="\/jury\/invitations\/account"/, 'someone without an account is offered one');
        const token = new URL(link, 'http://x').searchParams.get('token')!;
        const joined = await person.agent.submit(
          '/jury/invitations/account',
          { token, displayName: `Juror ${key}`, password: PASSWORD, passwordConfirm: PASSWORD },
          { from: link },
        );
        assert.equal(joined.statusCode, 303, joined.body.slice(0, 300));
      } else {
        const token = new URL(link, 'http://x').searchParams.get('token')!;
        assert.equal(
          (await person.agent.submit('/jury/invitations/accept', { token }, { from: link })).statusCode,
          303,
        );
      }
      const signed = await person.agent.submit(`/jury/calls/${callId}/declaration`, {
        declaration: 'yes',
        languages: ['en'],
        targetPublics: ['seniors'],
        ...opts.expertise,
      });
      assert.equal(signed.statusCode, 303, signed.body.slice(0, 300));
      const [row] = await app.database.db.select().from(jurors).where(eq(jurors.email, person.email));
      seats[key] = { agent: person.agent, email: person.email, id: row!.id };
      return seats[key];
    };
    const preview = async (fields: Record<string, string> = {}) => {
      const res = await asOfficer(page('/assignment/preview'), fields, page('/assignment'));
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      return { body: res.body, pairs: [...res.body.matchAll(/name="pair" value="([^"]+)"/g)].map((m) => m[1]!) };
    };
    const pairsOf = async () => app.database.db.select().from(assignments).where(eq(assignments.callId, callId));

    before(async () => {
      app = await buildTestApp(backend);
      admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(await app.services.admin.createFunder({ actor: admin, slug: 'bee', name: { fr: 'BEE' } }));
      const person = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId, email: person.email, role: 'officer' }));
      officer = { ...person.actor, grants: [{ funderId, role: 'officer' }] };
      officerAgent = person.agent;
      callId = expectOk(
        await app.services.calls.createCall({
          actor: officer,
          form: standardForm(),
          call: {
            funderId,
            code: 'BEE',
            title: { fr: 'Former au numérique' },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 60_000_000,
            grantMinCents: 1_000_000,
            grantMaxCents: 6_000_000,
            coFundingMaxPercent: 80,
            opensAt: new Date(Date.now() - DAY),
            closesAt: new Date(Date.now() + 30 * DAY),
            targetPublics: ['seniors', 'women'],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor: officer, callId }));
      for (const title of ['Clavier pour tous', 'Seniors connectés', 'Femmes et code'])
        await eligibleApplication(title);
    });
    after(() => app.close());

    test('the officer sets k and the default capacity; a stale form is refused', async () => {
      const form = await officerAgent.get(page('/settings'));
      const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
      const saved = await asOfficer(
        page('/settings'),
        { version, reviewersPerApplication: '2', defaultCapacity: '2', hideOthersUntilSubmitted: 'yes' },
        page('/settings'),
      );
      assert.equal(saved.statusCode, 303);
      const settings = (await app.services.jury.settingsView(officer, callId)).call.jurySettings;
      assert.deepEqual(settings, {
        reviewersPerApplication: 2,
        defaultCapacity: 2,
        hideOthersUntilSubmitted: true,
        halfPoints: false,
        tieBreaks: [],
      });
      const stale = await asOfficer(
        page('/settings'),
        { version, reviewersPerApplication: '5', defaultCapacity: '2' },
        page('/settings'),
      );
      assert.equal(stale.statusCode, 409);
      const bad = await asOfficer(
        page('/settings'),
        { version: String(Number(version) + 1), reviewersPerApplication: '0', defaultCapacity: 'x' },
        page('/settings'),
      );
      assert.equal(bad.statusCode, 422);
    });

    test('an invitation is bound to the invited address; accepting grants the juror role', async () => {
      const invited = await app.signedIn({ email: uniqueEmail('bound') });
      assert.equal((await asOfficer(page('/invitations'), { email: invited.email.toUpperCase() })).statusCode, 303);
      assert.equal(
        (await asOfficer(page('/invitations'), { email: invited.email })).statusCode,
        409,
        'the same person twice',
      );
      const link = await invitationLink(invited.email);
      assert.match((await app.mailsTo(invited.email)).at(-1)!.subject, /Invitation to the jury of Former au numérique/);
      const token = new URL(link, 'http://x').searchParams.get('token')!;
      const stranger = await app.signedIn();
      const wrong = await stranger.agent.submit('/jury/invitations/accept', { token }, { from: link });
      assert.equal(wrong.statusCode, 403);
      assert.match(wrong.body, /was sent to/);
      assert.equal((await app.agent().get(link)).statusCode, 303, 'someone with an account signs in first');
      assert.match(
        String((await app.agent().get(link)).headers.location),
        /^\/sign-in\?next=%2Fjury%2Finvitations%2Faccept/,
      );
      assert.doesNotMatch((await invited.agent.get('/')).body, /href="\/jury"/, 'no jury link before accepting');
      const accepted = await invited.agent.submit('/jury/invitations/accept', { token }, { from: link });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, `/jury/calls/${callId}/declaration`);
      assert.match((await invited.agent.get('/')).body, /href="\/jury"/, 'the juror role shows the jury link');
      assert.equal(
        (await invited.agent.submit('/jury/invitations/accept', { token }, { from: '/jury' })).statusCode,
        400,
        'a link works once',
      );
      const early = await invited.agent.submit(`/jury/calls/${callId}/declaration`, { languages: ['fr'] });
      assert.equal(early.statusCode, 422, 'the declaration must be ticked');
      const [row] = await app.database.db.select().from(jurors).where(eq(jurors.email, invited.email));
      assert.equal(row!.status, 'invited', 'accepted, not active before signing');
      // This person stays unsigned: the assignment below must not use them.
      seats.unsigned = { agent: invited.agent, email: invited.email, id: row!.id };
    });

    test('jurors accept (one creating an account), sign, declare a conflict; it is refused by hand and respected by the solver', async () => {
      const j1 = await seat('j1', { expertise: { digcompAreas: ['1', '2'] } });
      await seat('j2');
      await seat('j3', { external: true });
      const [a1, a2, a3] = apps as [(typeof apps)[0], (typeof apps)[0], (typeof apps)[0]];
      const declared = await j1.agent.submit(`/jury/calls/${callId}/conflicts`, {
        target: `organisation:${a1.organisationId}`,
        reason: 'I sit on its board.',
      });
      assert.equal(declared.statusCode, 303);
      assert.equal(
        (
          await j1.agent.submit(`/jury/calls/${callId}/conflicts`, {
            target: `organisation:${a1.organisationId}`,
            reason: 'again',
          })
        ).statusCode,
        409,
      );

      const manual = await asOfficer(
        page('/assignment'),
        { jurorId: j1.id!, applicationId: a1.id },
        page('/assignment'),
      );
      assert.equal(manual.statusCode, 409);
      assert.match(manual.body, /conflict of interest with this application/);
      const unsigned = await asOfficer(
        page('/assignment'),
        { jurorId: seats.unsigned!.id!, applicationId: a2.id },
        page('/assignment'),
      );
      assert.equal(unsigned.statusCode, 409, 'a juror who has not signed receives nothing');
      assert.equal((await pairsOf()).length, 0);

      // k = 3 with one juror conflicted cannot be met: the page says why, in words.
      const version = /name="version" value="(\d+)"/.exec((await officerAgent.get(page('/settings'))).body)![1]!;
      await asOfficer(
        page('/settings'),
        { version, reviewersPerApplication: '3', defaultCapacity: '2' },
        page('/settings'),
      );
      const impossible = await preview();
      assert.match(impossible.body, /No assignment meets every rule/);
      assert.match(impossible.body, /has only 2 available jurors without a conflict of interest, and needs 3/);
      assert.match(impossible.body, /The jurors can still take 6 reviews, but 9 are needed/);
      assert.equal(impossible.pairs.length, 0, 'nothing to confirm');
      const version2 = /name="version" value="(\d+)"/.exec((await officerAgent.get(page('/settings'))).body)![1]!;
      await asOfficer(
        page('/settings'),
        { version: version2, reviewersPerApplication: '2', defaultCapacity: '2' },
        page('/settings'),
      );

      const proposed = await preview();
      assert.match(proposed.body, /Best possible assignment found/);
      assert.equal(proposed.pairs.length, 6);
      assert.ok(!proposed.pairs.includes(`${j1.id}:${a1.id}`), 'never the conflicted pair');
      assert.equal((await pairsOf()).length, 0, 'a preview stores nothing');
      for (const a of apps) assert.equal(await statusOf(a.id), 'eligible');

      const confirmed = await asOfficer(page('/assignment/confirm'), { pair: proposed.pairs }, page('/assignment'));
      assert.equal(confirmed.statusCode, 303);
      const stored = await pairsOf();
      assert.equal(stored.length, 6);
      for (const a of apps) {
        assert.equal(stored.filter((p) => p.applicationId === a.id).length, 2, 'k jurors each');
        assert.equal(await statusOf(a.id), 'under-review');
      }
      for (const s of Object.values(seats))
        assert.ok(stored.filter((p) => p.jurorId === s.id).length <= 2, 'within capacity');
      assert.ok(stored.every((p) => p.source === 'automatic' && p.affinity !== null));
      assert.equal(
        (await asOfficer(page('/assignment/confirm'), { pair: proposed.pairs }, page('/assignment'))).statusCode,
        409,
        'confirming twice changes nothing',
      );

      // Each juror given applications is told, once, how many and where to score them.
      for (const [key, s] of Object.entries(seats)) {
        const n = stored.filter((p) => p.jurorId === s.id).length;
        const told = (await app.mailsTo(s.email)).filter((m) =>
          / to score: jury of | à noter\s: jury de | te beoordelen: jury van /.test(m.subject),
        );
        assert.equal(told.length, n ? 1 : 0, `${key} is told of ${n} assignments`);
        if (!n) continue;
        assert.match(told[0]!.subject, n === 1 ? /^(An application|Un dossier|Een aanvraag) / : new RegExp(`^${n} `));
        assert.match(told[0]!.text, /\/jury\n/);
      }
      const mine = await j1.agent.get('/jury');
      const j1Count = stored.filter((p) => p.jurorId === j1.id).length;
      assert.ok(
        mine.body.includes(`${j1Count} applications assigned, ${j1Count} left to score`),
        'the jury page counts what is left to score',
      );
      assert.match(mine.body, new RegExp(`/jury/applications/${a2.id}`));
      assert.match(mine.body, new RegExp(`/jury/applications/${a3.id}`));
      assert.doesNotMatch(mine.body, new RegExp(a1.id), 'a conflicted application is not even listed');
    });

    test('a conflict declared after assignment removes the pair; a withdrawal frees unevaluated applications; reassignment fills the gaps', async () => {
      const j2 = seats.j2!;
      const before = await pairsOf();
      const j2Pairs = before.filter((p) => p.jurorId === j2.id);
      assert.equal(j2Pairs.length, 2);
      // One of j2's evaluations is submitted: it stays, and keeps counting.
      await app.database.db
        .insert(evaluations)
        .values({ assignmentId: j2Pairs[0]!.id, status: 'submitted', submittedAt: new Date(), scores: {} });
      assert.ok(
        (await j2.agent.get('/jury')).body.includes('2 applications assigned, 1 left to score'),
        'a submitted evaluation is no longer counted as left to score',
      );
      const refused = await asOfficer(page(`/jurors/${j2.id}/withdraw`), { reason: '' });
      assert.equal(refused.statusCode, 422);
      assert.equal((await asOfficer(page(`/jurors/${j2.id}/withdraw`), { reason: 'Moved abroad' })).statusCode, 303);
      const after = await pairsOf();
      assert.deepEqual(
        after.filter((p) => p.jurorId === j2.id).map((p) => p.id),
        [j2Pairs[0]!.id],
      );
      const board = await app.services.jury.board(officer, callId);
      assert.equal(board.gaps, 1);

      await seat('j4');
      const refill = await preview();
      assert.equal(refill.pairs.length, 1, `only the gap: ${refill.pairs.join(', ')}`);
      assert.ok(refill.pairs[0]!.endsWith(j2Pairs[1]!.applicationId));
      assert.equal(
        (await asOfficer(page('/assignment/confirm'), { pair: refill.pairs }, page('/assignment'))).statusCode,
        303,
      );
      assert.equal((await app.services.jury.board(officer, callId)).gaps, 0);
      assert.match((await preview()).body, /Every eligible application already has its jurors/);

      // A conflict declared by an officer after assignment takes the application back from the juror.
      const j3 = seats.j3!;
      const taken = (await pairsOf()).find((p) => p.jurorId === j3.id)!;
      assert.equal(
        (
          await asOfficer(page('/conflicts'), {
            jurorId: j3.id!,
            target: `application:${taken.applicationId}`,
            reason: 'Former employee',
          })
        ).statusCode,
        303,
      );
      assert.ok(!(await pairsOf()).some((p) => p.id === taken.id));
      assert.doesNotMatch((await j3.agent.get('/jury')).body, new RegExp(taken.applicationId));
      const board2 = await app.services.jury.board(officer, callId);
      assert.equal(board2.gaps, 1);
      assert.equal(board2.conflicts.length, 2);
    });

    test('reminders go to whoever has something pending, and are recorded', async () => {
      const late = uniqueEmail('late');
      await asOfficer(page('/invitations'), { email: late });
      const firstLink = await invitationLink(late);
      const sent = await asOfficer(page('/reminders'), {});
      assert.equal(sent.statusCode, 303);
      const secondLink = await invitationLink(late);
      assert.notEqual(secondLink, firstLink, 'an unaccepted invitation is sent again with a fresh link');
      assert.equal((await app.agent().get(firstLink)).statusCode, 400, 'the old link no longer works');
      assert.match((await app.mailsTo(seats.j1!.email)).at(-1)!.text, /2 evaluations are still waiting for you/);
      assert.match((await app.mailsTo(seats.unsigned!.email)).at(-1)!.text, /sign the independence declaration/);
      const recorded = await app.database.db.select().from(juryReminders);
      assert.ok(recorded.some((r) => r.jurorId === seats.j1!.id));
      assert.ok(!recorded.some((r) => r.jurorId === seats.j2!.id), 'a withdrawn juror is left alone');
      const one = await asOfficer(page(`/jurors/${seats.j1!.id}/reminder`), {});
      assert.equal(one.statusCode, 303);
      const board = await officerAgent.get(page(), { 'accept-language': 'en' });
      assert.match(board.body, /Moved abroad|Withdrawn/);
    });

    test('who may open each jury page and send each jury form', async () => {
      const applicant = apps[0]!.agent;
      const juror = seats.j1!.agent;
      const otherFunder = expectOk(
        await app.services.admin.createFunder({ actor: admin, slug: 'other', name: { fr: 'Autre' } }),
      );
      const stranger = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({
          actor: admin,
          funderId: otherFunder,
          email: stranger.email,
          role: 'officer',
        }),
      );
      const anonymous = app.agent();
      const jid = seats.j3!.id!;
      const officerGets = [page(), page('/settings'), page('/assignment')];
      const officerPosts: [string, Record<string, string | string[]>][] = [
        [page('/invitations'), { email: uniqueEmail('intruder') }],
        [page('/reminders'), {}],
        [page(`/jurors/${jid}/reminder`), {}],
        [page(`/jurors/${jid}/limits`), { capacity: '9' }],
        [page(`/jurors/${jid}/withdraw`), { reason: 'x' }],
        [page('/conflicts'), { jurorId: jid, target: `application:${apps[1]!.id}`, reason: 'x' }],
        [page('/settings'), { version: '1', reviewersPerApplication: '1', defaultCapacity: '1' }],
        [page('/assignment'), { jurorId: jid, applicationId: apps[1]!.id }],
        [page('/assignment/remove'), { assignmentId: (await pairsOf())[0]!.id }],
        [page('/assignment/preview'), {}],
        [page('/assignment/confirm'), { pair: `${jid}:${apps[1]!.id}` }],
      ];
      const before = JSON.stringify([await pairsOf(), await app.database.db.select().from(jurors)]);
      for (const [who, agent, status] of [
        ['anonymous', anonymous, 303],
        // The call is public: its jury's management is refused to them, not hidden.
        ['applicant', applicant, 403],
        ['juror', juror, 403],
        ['other officer', stranger.agent, 403],
      ] as const) {
        for (const url of officerGets) assert.equal((await agent.get(url)).statusCode, status, `${who} GET ${url}`);
        for (const [url, fields] of officerPosts)
          assert.equal(
            (await agent.submit(url, fields, { from: '/sign-in' })).statusCode,
            status,
            `${who} POST ${url}`,
          );
      }
      const jurorPages = [`/jury/calls/${callId}/declaration`, `/jury/calls/${callId}/conflicts`];
      for (const [who, agent, status] of [
        ['anonymous', anonymous, 303],
        ['applicant', applicant, 404],
        ['other officer', stranger.agent, 404],
        ['officer', officerAgent, 404],
        ['withdrawn juror', seats.j2!.agent, 404],
      ] as const) {
        for (const url of jurorPages) {
          assert.equal((await agent.get(url)).statusCode, status, `${who} GET ${url}`);
          assert.equal(
            (
              await agent.submit(
                url,
                { declaration: 'yes', languages: 'fr', target: `organisation:${apps[1]!.organisationId}`, reason: 'x' },
                { from: '/sign-in' },
              )
            ).statusCode,
            status,
            `${who} POST ${url}`,
          );
        }
      }
      assert.equal((await anonymous.get('/jury')).statusCode, 303);
      assert.equal(
        JSON.stringify([await pairsOf(), await app.database.db.select().from(jurors)]),
        before,
        'nothing changed',
      );
      const forged = await officerAgent.request({
        method: 'POST',
        url: page('/reminders'),
        payload: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(forged.statusCode, 403, 'a form without its CSRF token is refused');
    });
  });
}
