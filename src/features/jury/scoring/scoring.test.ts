import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../../test/helpers/databases.ts';
import { buildTestApp, type Agent, type TestApp } from '../../../../test/helpers/app.ts';
import { SAMPLE_PDF, VALID_ORGANISATION } from '../../../../test/helpers/samples.ts';
import type { Actor } from '../../../domain/access.ts';
import type { EvaluationCriterion } from '../../../domain/callCriteria.ts';
import { MAX_COMMENT_LENGTH } from '../../../domain/evaluationGrid.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { DEFAULT_JURY_SETTINGS, type JurySettings } from '../../../domain/jurySettings.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { organisationForm } from '../../organisations/forms.ts';
import { assignments, conflicts, jurors } from '../schema.ts';
import { expectOk } from '../../../domain/refusal.ts';
import { SAVED_VERSION_HEADER } from '../../../platform/http/savedInPart.ts';

const DAY = 86_400_000;
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      fields: [
        { id: 'summary', type: 'long-text', required: true, maxLength: 2000, label: { fr: 'Résumé', en: 'Summary' } },
        { id: 'annex', type: 'file', required: false, label: { fr: 'Annexe', en: 'Annex' } },
      ],
    },
  ],
};
const criterion = (
  id: string,
  name: string,
  maxScore: number,
  weight: number,
  threshold: number | null,
): EvaluationCriterion => ({ id, name: { fr: name, en: name }, description: { fr: '' }, maxScore, weight, threshold });
// Weights 2 + 1 + 1: a total on 100 is 25 × (2 × relevance/20 + method/20 + budget/10).
const CRITERIA = [
  criterion('relevance', 'Relevance', 20, 2, 10),
  criterion('method', 'Method', 20, 1, null),
  criterion('budget', 'Budget', 10, 1, null),
];
const EN = { 'accept-language': 'en' };

/** A complete grid as the form sends it. */
const grid = (relevance: string, method: string, budget: string, comment = 'Well argued.') => ({
  'score.relevance': relevance,
  'score.method': method,
  'score.budget': budget,
  'comment.relevance': `${comment} (relevance)`,
  'comment.method': `${comment} (method)`,
  'comment.budget': `${comment} (budget)`,
  overallComment: 'A sound project.',
});
const gridOf = (scores: readonly [string, string, string]) => grid(scores[0], scores[1], scores[2]);
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? 'missing';

for (const backend of backends()) {
  describe(`scoring on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Actor;
    let officerAgent: Agent;
    let funderId: string;
    let n = 0;

    /** A published call with the three criteria, its jury settings set directly (membership is another capability). */
    const newCall = async (settings: Partial<JurySettings> = {}) => {
      const code = `SC${++n}`;
      const callId = expectOk(
        await app.services.calls.createCall({
          actor: officer,
          form: FORM,
          call: {
            funderId,
            code,
            title: { fr: `Appel ${code}` },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 60_000_000,
            grantMinCents: null,
            grantMaxCents: null,
            opensAt: new Date(Date.now() - DAY),
            closesAt: new Date(Date.now() + 30 * DAY),
          },
        }),
      );
      const { call } = await app.services.calls.callForManagement(officer, callId);
      expectOk(
        await app.services.calls.saveCriteria({
          actor: officer,
          callId,
          version: call.version,
          criteria: {
            eligibilityCriteria: [],
            evaluationCriteria: CRITERIA,
            overallThreshold: 50,
            requiredDocuments: [],
            tranchePlan: [],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor: officer, callId }));
      await setSettings(callId, settings);
      return callId;
    };
    const setSettings = async (callId: string, settings: Partial<JurySettings>) => {
      const { call } = await app.services.calls.callForManagement(officer, callId);
      const saved = await app.services.calls.saveJurySettings({
        actor: officer,
        callId,
        version: call.version,
        settings: { ...DEFAULT_JURY_SETTINGS, ...settings },
      });
      expectOk(saved);
    };

    /** An application of a fresh organisation, submitted and moved to review by the officer. */
    const underReview = async (callId: string, title = 'Projet', withAnnex = false) => {
      const applicant = await app.signedIn();
      const base = String(10_000_000 + ++n * 7);
      const parsed = parseForm(organisationForm, {
        ...VALID_ORGANISATION,
        name: `Asbl ${n}`,
        enterpriseNumber: `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`,
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const { version: _v, ...organisation } = parsed.data;
      const organisationId = expectOk(
        await app.services.organisations.createOrganisation({
          actor: applicant.actor,
          organisation,
        }),
      );
      const id = expectOk(
        await app.services.applications.startApplication({
          actor: applicant.actor,
          callId,
          organisationId,
          title,
        }),
      );
      const saved = expectOk(
        await app.services.applications.saveAnswers({
          actor: applicant.actor,
          applicationId: id,
          version: 1,
          raw: { summary: `Le résumé de ${title}.` },
        }),
      );
      assert.equal(saved.status, 'saved');
      if (withAnnex)
        expectOk(
          await app.services.applications.attachFile({
            actor: applicant.actor,
            applicationId: id,
            fieldId: 'annex',
            name: 'annexe.pdf',
            bytes: SAMPLE_PDF,
          }),
        );
      expectOk(await app.services.applications.submitApplication({ actor: applicant.actor, applicationId: id }));
      await app.database.db.transaction(async (tx) => {
        for (const event of ['declare-eligible', 'start-review'] as const)
          await app.services.applications.transitionByOfficer(tx, {
            applicationId: id,
            event,
            actorId: officer.userId,
            funderId,
          });
      });
      const review = await app.services.applications.forReview(id);
      return { id, organisationId, reference: review.application.reference!, files: review.files };
    };

    /** An active juror of the call (declaration signed), signed in, assigned to the given applications. */
    const juror = async (callId: string, applicationIds: string[], opts: { chair?: boolean } = {}) => {
      const person = await app.signedIn();
      const [seat] = await app.database.db
        .insert(jurors)
        .values({
          callId,
          email: person.email,
          userId: person.actor.userId,
          status: 'active',
          isChair: !!opts.chair,
          invitedBy: officer.userId,
          acceptedAt: new Date(),
          declarationSignedAt: new Date(),
        })
        .returning({ id: jurors.id });
      for (const applicationId of applicationIds)
        await app.database.db
          .insert(assignments)
          .values({ callId, jurorId: seat!.id, applicationId, source: 'manual', createdBy: officer.userId });
      return { ...person, jurorId: seat!.id };
    };

    /** Saves (or submits) a grid through the page, as the browser does without JavaScript. */
    const send = async (
      who: Agent,
      applicationId: string,
      fields: Record<string, string>,
      intent: 'save' | 'submit',
      version?: string,
    ) => {
      const page = `/jury/applications/${applicationId}`;
      const v = version ?? versionOn((await who.get(page)).body);
      return who.submit(page, { ...fields, version: v, intent }, { from: page, headers: EN });
    };
    const consensusOf = async (who: Agent, applicationId: string, fields: Record<string, string>) => {
      const page = `/manage/applications/${applicationId}/consensus`;
      const v = versionOn((await who.get(page)).body);
      return who.submit(page, { ...fields, version: v }, { from: page, headers: EN });
    };

    before(async () => {
      app = await buildTestApp(backend);
      const admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(await app.services.admin.createFunder({ actor: admin, slug: 'bee', name: { fr: 'BEE' } }));
      const person = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId, email: person.email, role: 'officer' }));
      officer = { ...person.actor, grants: [{ funderId, role: 'officer' }] };
      officerAgent = person.agent;
    });
    after(() => app.close());

    test('a juror reads the application, saves a draft with its running total, is told what blocks submission, then submits', async () => {
      const callId = await newCall({ halfPoints: false });
      const application = await underReview(callId, 'Clavier pour tous', true);
      const jan = await juror(callId, [application.id]);
      const page = `/jury/applications/${application.id}`;

      const first = await jan.agent.get(page, EN);
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /Le résumé de Clavier pour tous\./, 'the answers are shown');
      const file = application.files[0]!;
      assert.match(first.body, new RegExp(`href="/jury/applications/${application.id}/files/${file.id}"`));
      assert.deepEqual(
        (await jan.agent.get(`/jury/applications/${application.id}/files/${file.id}`)).rawPayload,
        SAMPLE_PDF,
      );
      assert.match(first.body, /<label for="field-score-relevance">Score for Relevance \(0 to 20\)<\/label>/);
      assert.match(first.body, /Weighted total at the last save:<\/span> <output[^>]*>0<\/output>/);

      // A draft keeps everything typed: 14,5 is kept though this call wants whole points.
      const draft = await send(
        jan.agent,
        application.id,
        { 'score.relevance': '8', 'score.method': '14,5', 'comment.relevance': 'Public mal ciblé.' },
        'save',
      );
      assert.equal(draft.statusCode, 303);
      const saved = await jan.agent.get(page, EN);
      assert.match(saved.body, /value="14,5"/, 'kept as typed');
      assert.match(saved.body, /Use whole points: this call does not allow half points\./);
      // Only valid scores count: 25 × (2 × 8/20) = 20.
      assert.match(saved.body, /Weighted total at the last save:<\/span> <output[^>]*>20<\/output>/);
      assert.doesNotMatch(
        saved.body,
        /data-below-for="relevance" hidden/,
        'relevance under its minimum of 10 is signalled',
      );
      assert.match(saved.body, /Under the minimum of 10 for this criterion\./);

      const halves = await send(jan.agent, application.id, grid('12', '14,5', '7'), 'submit');
      assert.equal(halves.statusCode, 422, 'half points are refused at submission unless the call allows them');
      assert.match(halves.body, /Use whole points/);

      const noComment = await send(
        jan.agent,
        application.id,
        { ...grid('12', '14', '7'), 'comment.method': '' },
        'submit',
      );
      assert.equal(noComment.statusCode, 422, 'a missing comment blocks submission');
      assert.match(noComment.body, /Method: Write a comment\./, 'the error summary names the field');
      assert.match(noComment.body, />Well argued\. \(relevance\)</, 'what was typed is kept');

      // A save naming an old version is refused; the juror's input stays in the fields.
      const stale = await send(
        jan.agent,
        application.id,
        { ...grid('13', '14', '7'), 'comment.relevance': 'Ma version' },
        'save',
        '1',
      );
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, />Ma version</);
      assert.match(stale.body, /saved meanwhile in another window/);

      const submitted = await send(jan.agent, application.id, grid('12', '14', '7'), 'submit');
      assert.equal(submitted.statusCode, 303);
      const after = await jan.agent.get(page, EN);
      assert.match(after.body, /Submitted on/);
      assert.doesNotMatch(after.body, /name="intent"/, 'a submitted evaluation is read-only');
      // 25 × (2 × 12/20 + 14/20 + 7/10) = 65
      assert.match(after.body, /65 \/ 100/);
      const late = await send(jan.agent, application.id, grid('20', '20', '10'), 'save', versionOn(after.body));
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /already submitted/);
    });

    test('half points are accepted when the call allows them; an autosave answers in JSON', async () => {
      const callId = await newCall({ halfPoints: true });
      const application = await underReview(callId);
      const ann = await juror(callId, [application.id]);
      const page = `/jury/applications/${application.id}`;
      const v = versionOn((await ann.agent.get(page)).body);
      const autosave = await ann.agent.request({
        method: 'POST',
        url: `${page}/autosave`,
        payload: new URLSearchParams({
          _csrf: await ann.agent.csrfFrom(page),
          'score.relevance': '15,5',
          version: v,
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(autosave.statusCode, 200);
      assert.equal(autosave.json().version, Number(v) + 1);
      assert.equal(autosave.json().total, 38.75);
      const submitted = await send(ann.agent, application.id, grid('15,5', '12,5', '6'), 'submit');
      assert.equal(submitted.statusCode, 303);
    });

    test('jury comments: one over 5000 characters is refused by the page and by the autosave, never stored', async () => {
      const callId = await newCall({ halfPoints: false });
      const application = await underReview(callId);
      const eva = await juror(callId, [application.id]);
      const page = `/jury/applications/${application.id}`;
      const long = 'x'.repeat(MAX_COMMENT_LENGTH + 1);
      const byPage = await send(
        eva.agent,
        application.id,
        { 'score.relevance': '12', 'comment.relevance': long },
        'save',
      );
      assert.equal(byPage.statusCode, 422);
      assert.match(byPage.body, /Use at most 5000 characters/);
      const stored = async () =>
        (await app.services.scoring.jurorApplication(eva.actor, application.id)).evaluation.values;
      assert.deepEqual((await stored()).comments, {}, 'the comment is not stored');
      assert.deepEqual((await stored()).scores, { relevance: 12 }, 'the score is');
      assert.equal(
        byPage.headers[SAVED_VERSION_HEADER],
        versionOn(byPage.body),
        'the refusal says the rest is saved, and as which version',
      );

      const v = versionOn((await eva.agent.get(page)).body);
      const autosave = await eva.agent.request({
        method: 'POST',
        url: `${page}/autosave`,
        payload: new URLSearchParams({
          _csrf: await eva.agent.csrfFrom(page),
          'score.relevance': '13',
          overallComment: long,
          version: v,
        }).toString(),
        headers: { ...EN, 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(autosave.statusCode, 422);
      assert.equal(autosave.json().version, Number(v) + 1, 'the rest is saved');
      assert.equal(autosave.json().message, 'Not saved: Use at most 5000 characters. The rest is saved.');
      assert.equal((await stored()).overallComment, '');
      assert.deepEqual((await stored()).scores, { relevance: 13 });
    });

    test('the others’ evaluations stay hidden until one’s own is submitted, when the call says so', async () => {
      const callId = await newCall({ hideOthersUntilSubmitted: true });
      const application = await underReview(callId);
      const [alice, bob] = [await juror(callId, [application.id]), await juror(callId, [application.id])];
      assert.equal(
        (await send(alice.agent, application.id, grid('15', '15', '8', 'Alice says'), 'submit')).statusCode,
        303,
      );
      const before = await bob.agent.get(`/jury/applications/${application.id}`, EN);
      assert.match(before.body, /You will see the other jurors’ evaluations once you have submitted yours\./);
      assert.doesNotMatch(before.body, /Alice says/);
      assert.equal(
        (await send(bob.agent, application.id, grid('11', '12', '6', 'Bob says'), 'submit')).statusCode,
        303,
      );
      const after = await bob.agent.get(`/jury/applications/${application.id}`, EN);
      assert.match(after.body, /Alice says \(relevance\)/);

      await setSettings(callId, { hideOthersUntilSubmitted: false });
      const carol = await juror(callId, [application.id]);
      const open = await carol.agent.get(`/jury/applications/${application.id}`, EN);
      assert.match(
        open.body,
        /Alice says \(relevance\)/,
        'visible before one’s own submission when the call allows it',
      );
      assert.match(open.body, /Bob says \(relevance\)/);
      assert.doesNotMatch(open.body, /You will see the other jurors’ evaluations/);
    });

    test('an unassigned juror, a conflicted juror and the public never reach the application', async () => {
      const callId = await newCall();
      const application = await underReview(callId, 'Secret', true);
      const other = await underReview(callId, 'Autre');
      const outsider = await juror(callId, [other.id]);
      const conflicted = await juror(callId, [application.id]);
      const assigned = await juror(callId, [application.id]);
      assert.equal((await assigned.agent.get(`/jury/applications/${application.id}`)).statusCode, 200);
      // The conflict is declared after the assignment: it closes the application all the same.
      await app.database.db.insert(conflicts).values({
        jurorId: conflicted.jurorId,
        organisationId: application.organisationId,
        reason: 'Board member',
        declaredBy: conflicted.actor.userId,
      });
      const fileUrl = `/jury/applications/${application.id}/files/${application.files[0]!.id}`;
      for (const who of [outsider, conflicted]) {
        assert.equal((await who.agent.get(`/jury/applications/${application.id}`)).statusCode, 403);
        assert.equal((await who.agent.get(fileUrl)).statusCode, 403);
        const token = await who.agent.csrfFrom('/jury/applications');
        for (const url of [`/jury/applications/${application.id}`, `/jury/applications/${application.id}/autosave`]) {
          const res = await who.agent.request({
            method: 'POST',
            url,
            payload: new URLSearchParams({
              _csrf: token,
              ...grid('1', '1', '1'),
              version: '0',
              intent: 'save',
            }).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
          assert.equal(res.statusCode, 403, url);
        }
        const listed = await who.agent.get('/jury/applications');
        assert.doesNotMatch(listed.body, /Secret/, 'not even listed');
      }
      assert.equal(
        (await app.agent().get(`/jury/applications/${application.id}`)).statusCode,
        303,
        'the public is asked to sign in',
      );
      assert.equal(
        (await officerAgent.get(`/jury/applications/${application.id}`)).statusCode,
        404,
        'officers read applications elsewhere; this page is the jurors’',
      );
    });

    test('the officer and the chair record the consensus beside the individual evaluations; an ordinary juror may not', async () => {
      const callId = await newCall();
      const [first, second] = [await underReview(callId, 'Premier'), await underReview(callId, 'Second')];
      const [alice, bob] = [await juror(callId, [first.id, second.id]), await juror(callId, [first.id, second.id])];
      const chair = await juror(callId, [], { chair: true });
      for (const [who, scores] of [
        [alice, ['16', '10', '8']],
        [bob, ['8', '12', '6']],
      ] as const) {
        for (const id of [first.id, second.id])
          assert.equal((await send(who.agent, id, gridOf(scores), 'submit')).statusCode, 303);
      }
      const page = await officerAgent.get(`/manage/applications/${first.id}/consensus`, EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Individual evaluations/);
      // Relevance: 8 and 16, a spread of 8 above a quarter of 20: highlighted in words.
      assert.match(page.body, /8 to 16 \(8\)<strong> — wide spread, to discuss<\/strong>/);
      assert.match(page.body, /10 to 12 \(2\)<\/td>/, 'a narrow spread is not flagged');
      assert.match(page.body, /Calibrated: /);

      const incomplete = await consensusOf(officerAgent, first.id, { ...grid('12', '11', '7'), overallComment: '' });
      assert.equal(incomplete.statusCode, 422, 'a consensus needs its comment');
      assert.match(incomplete.body, /Consensus comment: Write a comment\./);
      assert.match(incomplete.body, /value="11"/, 'the input is kept');
      const recorded = await consensusOf(officerAgent, first.id, grid('12', '11', '7'));
      assert.equal(recorded.statusCode, 303);
      assert.equal(
        (await app.services.applications.forReview(first.id)).application.status,
        'scored',
        'the first consensus scores the application',
      );
      const revised = await consensusOf(officerAgent, first.id, grid('13', '11', '7'));
      assert.equal(revised.statusCode, 303, 'a consensus may be revised while scored');

      for (const who of [alice, bob]) {
        assert.equal((await who.agent.get(`/manage/applications/${second.id}/consensus`)).statusCode, 404);
        const token = await who.agent.csrfFrom('/jury/applications');
        const res = await who.agent.request({
          method: 'POST',
          url: `/manage/applications/${second.id}/consensus`,
          payload: new URLSearchParams({ _csrf: token, ...grid('20', '20', '10'), version: '0' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.equal(res.statusCode, 404);
      }
      const byChair = await consensusOf(chair.agent, second.id, grid('10', '12', '6'));
      assert.equal(byChair.statusCode, 303);
      assert.match((await chair.agent.get('/jury/applications', EN)).body, /As chair of the panel/);

      // A stale consensus is refused, the officer's input kept.
      const stale = await officerAgent.submit(
        `/manage/applications/${second.id}/consensus`,
        { ...grid('20', '20', '10', 'Mine'), version: '0' },
        { from: `/manage/applications/${second.id}/consensus`, headers: EN },
      );
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, />Mine \(relevance\)</);

      // A chair in conflict with an application cannot record its consensus.
      await app.database.db.insert(conflicts).values({
        jurorId: chair.jurorId,
        applicationId: first.id,
        reason: 'Former employer',
        declaredBy: officer.userId,
      });
      assert.equal((await chair.agent.get(`/manage/applications/${first.id}/consensus`)).statusCode, 404);

      // A chair who also scores an application submits first: the others' scores would anchor theirs.
      const third = await underReview(callId, 'Troisième');
      const [dora, scoringChair] = [await juror(callId, [third.id]), await juror(callId, [third.id], { chair: true })];
      assert.equal((await send(dora.agent, third.id, grid('15', '15', '8', 'Dora says'), 'submit')).statusCode, 303);
      const early = await scoringChair.agent.get(`/manage/applications/${third.id}/consensus`, EN);
      assert.equal(early.statusCode, 409);
      assert.match(early.body, /submit your own evaluation before you see the others’/);
      assert.doesNotMatch(early.body, /Dora says/);
      assert.equal((await send(scoringChair.agent, third.id, grid('14', '14', '7'), 'submit')).statusCode, 303);
      assert.equal((await scoringChair.agent.get(`/manage/applications/${third.id}/consensus`)).statusCode, 200);
    });

    test('the ranking orders by consensus total, marks thresholds, and shows each tie-break', async () => {
      const callId = await newCall({ tieBreaks: ['method'] });
      const apps = [
        await underReview(callId, 'A'),
        await underReview(callId, 'B'),
        await underReview(callId, 'C'),
        await underReview(callId, 'D'),
      ];
      const panel = await juror(
        callId,
        apps.map((a) => a.id),
      );
      const consensusScores: [string, string, string][] = [
        ['16', '12', '8'], // A: 25 × (1.6 + 0.6 + 0.8) = 75
        ['18', '8', '8'], //  B: 25 × (1.8 + 0.4 + 0.8) = 75, weaker on method
        ['9', '20', '10'], // C: 25 × (0.9 + 1 + 1) = 72.5, but relevance under its minimum of 10
        ['12', '10', '5'], // D: 25 × (1.2 + 0.5 + 0.5) = 55
      ];
      for (const [i, a] of apps.entries()) {
        assert.equal((await send(panel.agent, a.id, gridOf(consensusScores[i]!), 'submit')).statusCode, 303);
        assert.equal((await consensusOf(officerAgent, a.id, gridOf(consensusScores[i]!))).statusCode, 303);
      }
      const ranking = await officerAgent.get(`/manage/calls/${callId}/ranking`, EN);
      assert.equal(ranking.statusCode, 200);
      const order = [...ranking.body.matchAll(/consensus">([A-Z0-9]+-\d{4}-\d{4})<\/a>/g)].map((m) => m[1]);
      assert.deepEqual(order, [apps[0]!.reference, apps[1]!.reference, apps[3]!.reference, apps[2]!.reference]);
      assert.ok(
        ranking.body.includes(`Ahead of ${apps[1]!.reference} on Method: 12 against 8.`),
        'the tie-break is said',
      );
      assert.match(ranking.body, /Below threshold<\/strong><ul><li>Relevance: 9, under the minimum of 10<\/li>/);
      assert.match(ranking.body, /Ties are broken by, in order: Method; then by reference\./);

      // Every page speaks French and Dutch too (a signed-in person's language is their account's).
      for (const [lang, words] of [
        ['fr', ['Classement', 'Calibrage', 'Consensus par demande', 'Votre évaluation']],
        ['nl', ['Rangschikking', 'Kalibratie', 'Consensus per aanvraag', 'Uw beoordeling']],
      ] as const) {
        for (const who of [officerAgent, panel.agent]) await who.get(`/language/${lang}?next=/`);
        const pages = [
          `/manage/calls/${callId}/ranking`,
          `/manage/calls/${callId}/calibration`,
          `/manage/calls/${callId}/consensus`,
        ];
        for (const [i, url] of pages.entries()) {
          const res = await officerAgent.get(url);
          assert.equal(res.statusCode, 200, url);
          assert.ok(res.body.includes(`<h1>${words[i]}</h1>`), `${lang} ${url}`);
        }
        assert.ok(
          (await officerAgent.get(`/manage/applications/${apps[0]!.id}/consensus`)).body.includes(`lang="${lang}"`),
        );
        const jurorPage = await panel.agent.get(`/jury/applications/${apps[0]!.id}`);
        assert.ok(jurorPage.body.includes(words[3]), `${lang} juror page`);
      }
      for (const who of [officerAgent, panel.agent]) await who.get('/language/en?next=/');

      const mine = await panel.agent.get(`/manage/calls/${callId}/ranking`);
      assert.equal(mine.statusCode, 403, 'the ranking of a public call is the officers’');
    });

    test('calibration shows raw and calibrated means, offsets, and warns about a split jury and thin evaluations', async () => {
      const callId = await newCall();
      const [a, b, c] = [
        await underReview(callId, 'A'),
        await underReview(callId, 'B'),
        await underReview(callId, 'C'),
      ];
      const [j1, j2, j3] = [
        await juror(callId, [a.id, b.id]),
        await juror(callId, [a.id, b.id]),
        await juror(callId, [c.id]),
      ];
      for (const [who, id, scores] of [
        [j1, a.id, ['16', '16', '8']],
        [j1, b.id, ['12', '12', '6']],
        [j2, a.id, ['12', '12', '6']],
        [j2, b.id, ['8', '8', '4']],
        [j3, c.id, ['10', '10', '5']],
      ] as const) {
        assert.equal((await send(who.agent, id, gridOf(scores), 'submit')).statusCode, 303);
      }
      const page = await officerAgent.get(`/manage/calls/${callId}/calibration`, EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Read with caution/);
      assert.match(page.body, /form 2 groups with no application in common/);
      assert.match(page.body, /has only 1 evaluation: their offset is uncertain/);
      assert.match(page.body, /Raw mean/);
      assert.match(page.body, /Calibrated mean/);
      assert.ok(page.body.includes(a.reference) && page.body.includes(c.reference));
      assert.equal((await j1.agent.get(`/manage/calls/${callId}/calibration`)).statusCode, 403, 'the officers’');
    });
  });
}
