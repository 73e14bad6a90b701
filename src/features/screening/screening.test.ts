import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, PASSWORD, uniqueEmail, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { VALID_ORGANISATION } from '../../../test/helpers/samples.ts';
import type { Actor } from '../../domain/access.ts';
import type { EligibilityCriterion } from '../../domain/callCriteria.ts';
import type { Outcome } from '../../domain/refusal.ts';
import { allFields } from '../../domain/forms/definition.ts';
import { standardForm } from '../../domain/forms/template.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Verdicts } from '../../domain/screening.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { rawAnswersFromBody } from '../forms/answerBody.ts';
import { organisationForm } from '../organisations/forms.ts';
import { screeningService, type ScreeningService } from './service.ts';
import { expectOk } from '../../domain/refusal.ts';

const NOW = Date.now();
const DAY = 86_400_000;

const CRITERIA: EligibilityCriterion[] = [
  {
    id: 'brussels',
    label: {
      fr: 'Projet en Région bruxelloise',
      nl: 'Project in het Brussels Gewest',
      en: 'Project in the Brussels Region',
    },
    explanation: {
      fr: 'Les activités ont lieu dans une des 19 communes.',
      nl: 'De activiteiten vinden plaats in een van de 19 gemeenten.',
      en: 'Activities take place in one of the 19 communes.',
    },
  },
  {
    id: 'non-profit',
    label: { fr: 'Association sans but lucratif', nl: 'Vereniging zonder winstoogmerk', en: 'Non-profit association' },
    explanation: { fr: '', nl: '', en: '' },
  },
  {
    id: 'digital',
    label: {
      fr: 'Projet d’inclusion numérique',
      nl: 'Project voor digitale inclusie',
      en: 'Digital inclusion project',
    },
    explanation: { fr: 'Le projet réduit la fracture numérique.', en: 'The project reduces the digital divide.' },
  },
];

/** The standard form answered completely, as a browser sends it. */
const ANSWERS = {
  'a.summary': 'Des ateliers numériques pour les seniors de Schaerbeek, deux fois par semaine.',
  'a.communes': ['21015'],
  'a.publics': 'seniors',
  'a.participants.seniors': '120',
  'a.digcomp': ['1'],
  'a.budget.line.0.category': 'staff',
  'a.budget.line.0.label': 'Animateur',
  'a.budget.line.0.amount': '40000',
  'a.budget.requested': '30 000',
  'a.budget.other.0.source': 'Commune',
  'a.budget.other.0.amount': '10000',
};

/** A checklist form body: verdicts and notes by criterion, in the page's order. */
function checklistBody(version: number, entries: Record<string, [string, string?]>): Record<string, string> {
  const body: Record<string, string> = { version: String(version) };
  CRITERIA.forEach((c, i) => {
    body[`c.${i}.id`] = c.id;
    const [verdict, note] = entries[c.id] ?? [''];
    if (verdict) body[`c.${i}.verdict`] = verdict;
    body[`c.${i}.note`] = note ?? '';
  });
  return body;
}
const verdicts = (entries: Record<string, 'met' | 'not-met' | 'to-verify'>): Verdicts =>
  Object.fromEntries(Object.entries(entries).map(([id, verdict]) => [id, { verdict, note: '' }]));

for (const backend of backends()) {
  describe(`screening on ${backend.name}`, () => {
    let app: TestApp;
    let screening: ScreeningService;
    let admin: Actor;
    let funderId: string;
    let callId: string;
    let officerA: { agent: Agent; actor: Actor };
    let officerB: { agent: Agent; actor: Actor };
    let n = 0;

    /** A signed-in person with a role at the funder. */
    const withRole = async (role: 'officer' | 'juror' | 'administrator', funder = funderId) => {
      const person = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId: funder, email: person.email, role }));
      return { ...person, actor: { ...person.actor, grants: [{ funderId: funder, role }] } };
    };

    const newCall = async (code: string): Promise<string> => {
      const id = expectOk(
        await app.services.calls.createCall({
          actor: officerA.actor,
          form: standardForm(),
          call: {
            funderId,
            code,
            title: { fr: 'Former les Bruxellois au numérique', nl: 'Brusselaars digitaal opleiden' },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 60_000_000,
            grantMinCents: 1_000_000,
            grantMaxCents: 6_000_000,
            coFundingMaxPercent: 80,
            opensAt: new Date(NOW - DAY),
            closesAt: new Date(NOW + 30 * DAY),
            targetPublics: ['seniors', 'women'],
          },
        }),
      );
      const { call } = await app.services.calls.callForManagement(officerA.actor, id);
      expectOk(
        await app.services.calls.saveCriteria({
          actor: officerA.actor,
          callId: id,
          version: call.version,
          criteria: {
            eligibilityCriteria: CRITERIA,
            evaluationCriteria: [],
            overallThreshold: null,
            requiredDocuments: [],
            tranchePlan: [],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor: officerA.actor, callId: id }));
      return id;
    };

    /** An organisation whose member reads in `locale`, with an application to the call; submitted unless told otherwise. */
    const application = async (opts: { locale?: Locale; call?: string; submit?: boolean; title?: string } = {}) => {
      const email = uniqueEmail('member');
      const { id: userId } = await app.services.accounts.provisionUser({
        email,
        displayName: 'Mia Member',
        password: PASSWORD,
        locale: opts.locale ?? 'en',
        platformAdmin: false,
      });
      const member: Actor = { userId, isPlatformAdmin: false, grants: [] };
      const base = String(10_000_000 + ++n * 7);
      const { version: _v, ...organisation } = organisationForm.parse({
        ...VALID_ORGANISATION,
        name: `Asbl ${n}`,
        enterpriseNumber: `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`,
        contactEmail: email,
      });
      const organisationId = expectOk(
        await app.services.organisations.createOrganisation({ actor: member, organisation }),
      );
      const call = opts.call ?? callId;
      const id = expectOk(
        await app.services.applications.startApplication({
          actor: member,
          callId: call,
          organisationId,
          title: opts.title ?? `Projet ${n}`,
        }),
      );
      if (opts.submit !== false) {
        const form = (await app.services.calls.currentForm(call)).definition;
        const { application: a } = await app.services.applications.view(member, id);
        const saved = expectOk(
          await app.services.applications.saveAnswers({
            actor: member,
            applicationId: id,
            version: a.version,
            raw: rawAnswersFromBody(allFields(form), ANSWERS),
          }),
        );
        assert.equal(saved.status, 'saved');
        expectOk(await app.services.applications.submitApplication({ actor: member, applicationId: id }));
      }
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return { id, email, member, agent };
    };

    const status = async (id: string) => (await app.services.applications.view(officerA.actor, id)).application.status;
    const stateOf = (id: string, actor = officerA.actor) => screening.applicationScreening(actor, id);

    before(async () => {
      app = await buildTestApp(backend);
      screening = screeningService({
        ...app.deps,
        calls: app.services.calls,
        applications: app.services.applications,
        organisations: app.services.organisations,
      });
      admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(await app.services.admin.createFunder({ actor: admin, slug: 'bee', name: { fr: 'BEE' } }));
      officerA = await withRole('officer');
      officerB = await withRole('officer');
      callId = await newCall('SCR');
    });
    after(() => app.close());

    test('the checklist is saved per criterion; a stale save is refused, the officer’s input kept', async () => {
      const { id } = await application();
      const url = `/manage/applications/${id}/screening`;
      const page = await officerA.agent.get(url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<legend>Project in the Brussels Region<\/legend>/);
      assert.match(
        page.body,
        /Activities take place in one of the 19 communes\./,
        'the criterion’s explanation is its hint',
      );
      assert.match(page.body, /Des ateliers numériques pour les seniors/, 'the application’s answers are shown');

      const saved = await officerA.agent.submit(
        `${url}/checklist`,
        checklistBody(1, { brussels: ['met', 'Schaerbeek'], 'non-profit': ['to-verify', 'Statuts à demander'] }),
        { from: url },
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
      let state = await stateOf(id);
      assert.equal(state.checklist.version, 2);
      assert.deepEqual(state.checklist.verdicts, {
        brussels: { verdict: 'met', note: 'Schaerbeek' },
        'non-profit': { verdict: 'to-verify', note: 'Statuts à demander' },
      });
      assert.deepEqual(state.progress, { total: 3, assessed: 2, met: 1, notMet: 0, toVerify: 1 });
      assert.equal(state.checklist.updatedBy, 'Test Person');

      const stale = await officerB.agent.submit(
        `${url}/checklist`,
        checklistBody(1, { brussels: ['not-met', 'Adresse à Uccle ?'] }),
        { from: url },
      );
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /saved this checklist while you were working on it/);
      assert.match(stale.body, />Adresse à Uccle \?<\/textarea>/, 'the note typed is kept');
      assert.match(stale.body, /name="c\.0\.verdict" value="not-met" checked/, 'the verdict chosen is kept');
      assert.match(stale.body, /Saved meanwhile by someone else: Met — Schaerbeek/);
      assert.match(stale.body, /name="version" value="2"/, 'saving again overwrites knowingly');
      state = await stateOf(id);
      assert.equal(state.checklist.verdicts.brussels?.verdict, 'met', 'nothing was overwritten');

      const noteAlone = await officerB.agent.submit(
        `${url}/checklist`,
        checklistBody(2, { digital: ['', 'Une note sans avis'] }),
        { from: url },
      );
      assert.equal(noteAlone.statusCode, 422);
      assert.match(noteAlone.body, /Choose met, not met or to verify to save a note\./);
      assert.match(noteAlone.body, />Une note sans avis<\/textarea>/);

      const again = await officerB.agent.submit(
        `${url}/checklist`,
        checklistBody(2, { brussels: ['not-met', 'Adresse à Uccle ?'] }),
        { from: url },
      );
      assert.equal(again.statusCode, 303);
      assert.equal((await stateOf(id)).checklist.verdicts.brussels?.note, 'Adresse à Uccle ?');
    });

    test('declared not eligible: status, history, audit, and a mail in the member’s language naming the criterion', async () => {
      const { id, email } = await application({ locale: 'nl', title: 'Digitale brug' });
      const url = `/manage/applications/${id}/screening`;
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: id,
        version: 1,
        verdicts: {
          ...verdicts({ 'non-profit': 'met', digital: 'met' }),
          brussels: { verdict: 'not-met', note: 'Siège à Namur' },
        },
      });

      const eligible = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'eligible', reason: '', checklistVersion: '2' },
        { from: url },
      );
      assert.equal(eligible.statusCode, 409, 'eligible is refused while a criterion is not met');
      assert.match(eligible.body, /cannot be declared eligible: at least one criterion is not met/);
      const page = await officerA.agent.get(url);
      assert.match(page.body, /Declare not eligible/);
      assert.doesNotMatch(page.body, /Declare eligible</);
      const noReason = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'ineligible', reason: ' ', checklistVersion: '2' },
        { from: url },
      );
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Give the reason for the decision/);
      const staleVersion = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'ineligible', reason: 'x', checklistVersion: '1' },
        { from: url },
      );
      assert.equal(staleVersion.statusCode, 409, 'a decision on a checklist the officer did not see is refused');

      const decided = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'ineligible', reason: 'Le siège et les activités sont à Namur.', checklistVersion: '2' },
        { from: url },
      );
      assert.equal(decided.statusCode, 303, decided.body.slice(0, 400));
      assert.equal(await status(id), 'ineligible');
      const state = await stateOf(id);
      assert.equal(state.history.length, 1);
      assert.deepEqual(
        { ...state.history[0], id: undefined, decidedAt: undefined, decidedById: undefined },
        {
          id: undefined,
          kind: 'ineligible',
          unmetCriteria: ['brussels'],
          reason: 'Le siège et les activités sont à Namur.',
          decidedBy: 'Test Person',
          decidedAt: undefined,
          decidedById: undefined,
        },
      );
      assert.deepEqual(
        state.abilities,
        { editChecklist: false, declareEligible: false, declareIneligible: false, reopen: false },
        'the officer who decided cannot reopen',
      );

      const mail = (await app.mailsTo(email)).at(-1)!;
      assert.match(mail.subject, /^Uw aanvraag SCR-\d{4}-\d{4} is niet ontvankelijk$/);
      assert.ok(
        mail.text.includes(
          '- Project in het Brussels Gewest: De activiteiten vinden plaats in een van de 19 gemeenten.',
        ),
        mail.text,
      );
      assert.ok(!mail.text.includes('Vereniging zonder winstoogmerk'), 'a criterion met is not named');
      assert.ok(mail.text.includes('Le siège et les activités sont à Namur.'), 'the officer’s reason');
      assert.ok(!mail.text.includes('Siège à Namur'), 'the officers’ notes stay internal');

      const audited = await app.database.db
        .select({ action: auditEvents.action, reason: auditEvents.reason })
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'application'), eq(auditEvents.subjectId, id)));
      const actions = audited.map((a) => a.action);
      for (const action of ['screening.checklist-saved', 'application.declare-ineligible', 'screening.decided'])
        assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);

      const locked = await officerB.agent.submit(
        `${url}/checklist`,
        checklistBody(state.checklist.version, { brussels: ['met'] }),
        { from: url },
      );
      assert.equal(locked.statusCode, 409, 'the checklist no longer changes once decided');
      assert.match(locked.body, /not awaiting an eligibility decision/);
    });

    test('eligible is refused while a criterion is to verify or not assessed, then given when all are met', async () => {
      const { id, email } = await application({ locale: 'fr' });
      /** The command's outcome is a refusal, `problem` first. */
      const refusedWith = async (outcome: Promise<Outcome<unknown, string>>, problem: string, message?: string) => {
        const o = await outcome;
        assert.deepEqual(o.ok ? [] : o.refusals.slice(0, 1), [problem], message);
      };
      await refusedWith(
        screening.decideEligibility({
          actor: officerA.actor,
          applicationId: id,
          decision: 'eligible',
          reason: '',
          checklistVersion: 1,
        }),
        'unassessed',
      );
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: id,
        version: 1,
        verdicts: verdicts({ brussels: 'met', 'non-profit': 'met', digital: 'to-verify' }),
      });
      await refusedWith(
        screening.decideEligibility({
          actor: officerA.actor,
          applicationId: id,
          decision: 'eligible',
          reason: '',
          checklistVersion: 2,
        }),
        'to-verify',
      );
      await refusedWith(
        screening.decideEligibility({
          actor: officerA.actor,
          applicationId: id,
          decision: 'ineligible',
          reason: 'r',
          checklistVersion: 2,
        }),
        'to-verify',
        '“to verify” blocks both decisions',
      );
      const url = `/manage/applications/${id}/screening`;
      const refused = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'eligible', reason: '', checklistVersion: '2' },
        { from: url },
      );
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /some criteria are still to verify/);
      assert.match(
        refused.body,
        /Some criteria are still to verify: settle them before deciding\./,
        'the page says why no decision is offered',
      );
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: id,
        version: 2,
        verdicts: verdicts({ brussels: 'met', 'non-profit': 'met', digital: 'met' }),
      });
      await refusedWith(
        screening.decideEligibility({
          actor: officerA.actor,
          applicationId: id,
          decision: 'ineligible',
          reason: 'r',
          checklistVersion: 3,
        }),
        'none-unmet',
      );
      const ok = await officerA.agent.submit(
        `${url}/decision`,
        { decision: 'eligible', reason: '', checklistVersion: '3' },
        { from: url },
      );
      assert.equal(ok.statusCode, 303);
      assert.equal(await status(id), 'eligible');
      const mail = (await app.mailsTo(email)).at(-1)!;
      assert.match(mail.subject, /^Votre demande SCR-\d{4}-\d{4} est recevable$/);
      await refusedWith(
        screening.decideEligibility({
          actor: officerA.actor,
          applicationId: id,
          decision: 'eligible',
          reason: '',
          checklistVersion: 3,
        }),
        'invalid-transition',
        'decided once',
      );
      await refusedWith(
        screening.reopenEligibility({ actor: officerB.actor, applicationId: id, reason: 'r' }),
        'not-ineligible',
        'only a refusal is reopened',
      );
    });

    test('a refusal is reopened by another officer only, and the history keeps every step', async () => {
      const { id } = await application();
      const url = `/manage/applications/${id}/screening`;
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: id,
        version: 1,
        verdicts: verdicts({ brussels: 'met', 'non-profit': 'not-met', digital: 'met' }),
      });
      await screening.decideEligibility({
        actor: officerA.actor,
        applicationId: id,
        decision: 'ineligible',
        reason: 'Société commerciale.',
        checklistVersion: 2,
      });

      const own = await officerA.agent.submit(`${url}/reopen`, { reason: 'Je me suis trompée.' }, { from: url });
      assert.equal(own.statusCode, 409);
      assert.match(own.body, /You took this decision: another officer must review it\./);
      assert.equal(await status(id), 'ineligible');

      const page = await officerB.agent.get(url);
      assert.match(page.body, /Reopen the screening/);
      assert.equal(
        (await officerB.agent.submit(`${url}/reopen`, { reason: '' }, { from: url })).statusCode,
        422,
        'a reason is required',
      );
      const reopened = await officerB.agent.submit(
        `${url}/reopen`,
        { reason: 'Recours : statuts d’ASBL fournis.' },
        { from: url },
      );
      assert.equal(reopened.statusCode, 303);
      assert.equal(await status(id), 'submitted');
      let state = await stateOf(id, officerB.actor);
      assert.deepEqual(
        state.history.map((h) => h.kind),
        ['ineligible', 'reopened'],
      );
      assert.equal(state.abilities.editChecklist, true, 'the checklist is open again, as it was');
      assert.equal(state.checklist.verdicts['non-profit']?.verdict, 'not-met');

      await screening.saveChecklist({
        actor: officerB.actor,
        applicationId: id,
        version: state.checklist.version,
        verdicts: verdicts({ brussels: 'met', 'non-profit': 'met', digital: 'met' }),
      });
      state = await stateOf(id, officerB.actor);
      await screening.decideEligibility({
        actor: officerB.actor,
        applicationId: id,
        decision: 'eligible',
        reason: '',
        checklistVersion: state.checklist.version,
      });
      state = await stateOf(id, officerB.actor);
      assert.deepEqual(
        state.history.map((h) => h.kind),
        ['ineligible', 'reopened', 'eligible'],
      );
      const history = await officerB.agent.get(url);
      assert.match(history.body, /declared the application not eligible/);
      assert.match(history.body, /Criteria not met: Non-profit association/);
      assert.match(history.body, /Reason: Recours : statuts d’ASBL fournis\./);
    });

    test('two officers deciding at once: one decision is taken, the other refused, one mail sent', async () => {
      const { id, email } = await application();
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: id,
        version: 1,
        verdicts: verdicts({ brussels: 'not-met', 'non-profit': 'met', digital: 'met' }),
      });
      const results = await Promise.all(
        [officerA, officerB].map((o) =>
          screening.decideEligibility({
            actor: o.actor,
            applicationId: id,
            decision: 'ineligible',
            reason: 'Hors Région',
            checklistVersion: 2,
          }),
        ),
      );
      assert.deepEqual(
        results.map((r) => (r.ok ? 'taken' : r.refusals.join())).sort(),
        ['invalid-transition', 'taken'],
        'the second, under lock, finds the application decided',
      );
      assert.equal((await stateOf(id)).history.length, 1);
      assert.equal((await app.mailsTo(email)).filter((m) => m.subject.endsWith('is not eligible')).length, 1);
    });

    test('the call’s funnel counts its applications by the stage they reached', async () => {
      const call = await newCall('FUN');
      const [a, b, c, d] = [
        await application({ call }),
        await application({ call }),
        await application({ call }),
        await application({ call }),
      ];
      await application({ call, submit: false });
      const withdrawnDraft = await application({ call, submit: false });
      expectOk(
        await app.services.applications.withdrawApplication({
          actor: withdrawnDraft.member,
          applicationId: withdrawnDraft.id,
          reason: 'Abandon',
        }),
      );
      expectOk(
        await app.services.applications.withdrawApplication({
          actor: d.member,
          applicationId: d.id,
          reason: 'Projet reporté',
        }),
      );
      for (const [app_, decision, v] of [
        [a, 'eligible', 'met'],
        [b, 'ineligible', 'not-met'],
      ] as const) {
        await screening.saveChecklist({
          actor: officerA.actor,
          applicationId: app_.id,
          version: 1,
          verdicts: verdicts({ brussels: v, 'non-profit': 'met', digital: 'met' }),
        });
        await screening.decideEligibility({
          actor: officerA.actor,
          applicationId: app_.id,
          decision,
          reason: 'Motif',
          checklistVersion: 2,
        });
      }
      await screening.saveChecklist({
        actor: officerA.actor,
        applicationId: c.id,
        version: 1,
        verdicts: verdicts({ brussels: 'met' }),
      });

      const view = await screening.callScreening(officerA.actor, call);
      assert.deepEqual(view.funnel, {
        submitted: 4,
        toScreen: 1,
        returned: 0,
        eligible: 1,
        ineligible: 1,
        underReview: 0,
        scored: 0,
        selected: 0,
        reserve: 0,
        rejected: 0,
        withdrawn: 1,
      });
      assert.equal(view.rows.length, 4, 'drafts, even withdrawn, never entered the funnel');
      assert.deepEqual(view.rows.find((r) => r.id === c.id)?.progress, {
        total: 3,
        assessed: 1,
        met: 1,
        notMet: 0,
        toVerify: 0,
      });
      const page = await officerA.agent.get(`/manage/calls/${call}/screening`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Applications received: <strong>4<\/strong>/);
      assert.match(page.body, /Eligible: <strong>1<\/strong>/);
      assert.match(page.body, /Not eligible: <strong>1<\/strong>/);
      assert.match(page.body, /1 of 3 criteria assessed/);
      const bar = await officerA.agent.get(`/manage/calls/${call}`);
      assert.match(
        bar.body,
        new RegExp(`href="/manage/calls/${call}/screening">Eligibility screening<`),
        'the call’s bar links to its screening',
      );
    });

    test('who may screen: the call’s officers and administrators; the applicant is refused, nobody else learns it exists', async () => {
      const { id, agent: applicantAgent } = await application();
      const draft = await application({ submit: false });
      const callUrl = `/manage/calls/${callId}/screening`;
      const url = `/manage/applications/${id}/screening`;
      const posts: [string, Record<string, string>][] = [
        [`${url}/checklist`, checklistBody(1, { brussels: ['met'] })],
        [`${url}/decision`, { decision: 'eligible', reason: '', checklistVersion: '1' }],
        [`${url}/reopen`, { reason: 'r' }],
      ];

      const anonymous = app.agent();
      for (const page of [callUrl, url]) {
        const res = await anonymous.get(page);
        assert.equal(res.statusCode, 303, page);
        assert.match(String(res.headers.location), /^\/sign-in\?next=/);
      }
      for (const [action, body] of posts) {
        const res = await anonymous.submit(action, body, { from: '/sign-in' });
        assert.equal(res.statusCode, 303, `anonymous POST ${action}`);
        assert.match(String(res.headers.location), /^\/sign-in/);
      }

      const otherFunder = expectOk(
        await app.services.admin.createFunder({ actor: admin, slug: 'other', name: { fr: 'Autre' } }),
      );
      const strangers: [string, Agent][] = [
        ['the applicant', applicantAgent],
        ['a juror of the funder', (await withRole('juror')).agent],
        ['an officer of another funder', (await withRole('officer', otherFunder)).agent],
        ['an administrator of another funder', (await withRole('administrator', otherFunder)).agent],
      ];
      // The call is public: its screening page is refused (403) to all of them. The application is
      // refused to its own organisation (they know it), and does not exist for anyone else.
      for (const [who, agent] of strangers) {
        const known = who === 'the applicant';
        assert.equal((await agent.get(callUrl)).statusCode, 403, `${who}: GET ${callUrl}`);
        assert.equal((await agent.get(url)).statusCode, known ? 403 : 404, `${who}: GET ${url}`);
        for (const [action, body] of posts)
          assert.equal(
            (await agent.submit(action, body, { from: '/applications' })).statusCode,
            known ? 403 : 404,
            `${who}: POST ${action}`,
          );
      }
      assert.deepEqual((await stateOf(id)).history, [], 'nothing was decided by them');
      assert.equal((await stateOf(id)).checklist.version, 1, 'nor saved');

      const administrator = await withRole('administrator');
      for (const agent of [officerA.agent, administrator.agent]) {
        assert.equal((await agent.get(callUrl)).statusCode, 200);
        assert.equal((await agent.get(url)).statusCode, 200);
      }
      assert.equal(
        (await officerA.agent.get(`/manage/applications/${draft.id}/screening`)).statusCode,
        404,
        'a draft is not the officers’ to see',
      );
      assert.equal((await officerA.agent.get('/manage/applications/not-a-uuid/screening')).statusCode, 404);
    });
  });
}
