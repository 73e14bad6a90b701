import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import type { GridRules, RawGrid } from '../../../domain/evaluationGrid.ts';
import { sendDownload } from '../../../platform/http/download.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { MessagePage } from '../../../platform/views/MessagePage.tsx';
import type { ScoringService } from './service.ts';
import { CalibrationPage } from './views/CalibrationPage.tsx';
import { ConsensusIndexPage } from './views/ConsensusIndexPage.tsx';
import { ConsensusPage } from './views/ConsensusPage.tsx';
import { problemText } from './views/GridFields.tsx';
import { JurorApplicationPage } from './views/JurorApplicationPage.tsx';
import { MyEvaluationsPage } from './views/MyEvaluationsPage.tsx';
import { RankingPage } from './views/RankingPage.tsx';
import { refusals } from '../../../platform/http/refusals.ts';
import { SIGNED_IN_ROUTE, recordRoute } from '../../../platform/http/routePolicy.ts';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };

/** Refusals a juror or an officer can understand; anything else is a real error. */
const REFUSALS: Record<string, MessageKey> = {
  'already-submitted': 'scoring.refused.alreadySubmitted',
  'scoring-closed': 'scoring.refused.closed',
  'consensus-closed': 'scoring.refused.consensusClosed',
  'no-evaluations': 'scoring.refused.noEvaluations',
  'invalid-transition': 'scoring.refused.consensusClosed',
};
const refusal = refusals(REFUSALS);

/** The grid's fields from a form body: `score.<criterion>`, `comment.<criterion>`, `overallComment`. */
export function gridFromBody(rules: GridRules, body: Record<string, unknown>): RawGrid {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  return {
    scores: Object.fromEntries(rules.criteria.map((c) => [c.id, text(`score.${c.id}`)])),
    comments: Object.fromEntries(rules.criteria.map((c) => [c.id, text(`comment.${c.id}`)])),
    overallComment: text('overallComment'),
  };
}

const versionOf = (body: Record<string, unknown>) =>
  typeof body.version === 'string' && /^\d{1,9}$/.test(body.version) ? Number(body.version) : -1;

/** Jurors score their assigned applications; officers and the chair record the consensus; officers calibrate and rank. */
export function scoringRoutes(service: ScoringService) {
  return async function (app: FastifyInstance) {
    app.get('/jury/applications', SIGNED_IN_ROUTE, async (request, reply) => {
      const juries = await service.myJuries(request.actor);
      return reply.page((ctx) => <MyEvaluationsPage ctx={ctx} juries={juries} />);
    });

    app.get<Id>('/jury/applications/:id', recordRoute('evaluation', 'open'), async (request, reply) => {
      const view = await service.jurorApplication(request.actor, request.params.id);
      return reply.page((ctx) => <JurorApplicationPage ctx={ctx} view={view} />);
    });

    app.get<{ Params: { id: string; fileId: string } }>(
      '/jury/applications/:id/files/:fileId',
      recordRoute('evaluation', 'open'),
      async (request, reply) => {
        return sendDownload(reply, await service.jurorFile(request.actor, request.params.id, request.params.fileId));
      },
    );

    /** Save (the draft) or submit, as the page's two buttons say; the page is shown again when something is refused. */
    app.post<Id & Body>('/jury/applications/:id', recordRoute('evaluation', 'score'), async (request, reply) => {
      const view = await service.jurorApplication(request.actor, request.params.id);
      const body = request.body ?? {};
      const raw = gridFromBody(view.rules, body);
      const input = { scores: raw.scores, comments: raw.comments, overallComment: raw.overallComment };
      const again = async (status: number, extra: Omit<Parameters<typeof JurorApplicationPage>[0], 'ctx' | 'view'>) => {
        const fresh = await service.jurorApplication(request.actor, request.params.id);
        return reply.page((ctx) => <JurorApplicationPage ctx={ctx} view={fresh} input={input} {...extra} />, status);
      };
      const submit = body.intent === 'submit';
      let result;
      try {
        const command = { actor: request.actor, applicationId: view.application.id, version: versionOf(body), raw };
        result = submit ? await service.submitEvaluation(command) : await service.saveEvaluation(command);
      } catch (error) {
        return again(409, { refusal: refusal(error) });
      }
      switch (result.status) {
        case 'conflict':
          return again(409, { conflict: { theirs: result.theirs }, version: result.version });
        case 'invalid':
          return again(422, {
            problems: result.problems,
            version: result.version,
            refusal: 'scoring.refused.incomplete',
          });
        case 'saved':
          // Something typed is no number: it could not be stored, so it is shown again with its message.
          if (Object.keys(result.unreadable).length)
            return again(422, { problems: result.problems, version: result.version });
          return reply.flash('scoring.saved').redirect(`/jury/applications/${view.application.id}`, 303);
        case 'submitted':
          return reply.flash('scoring.submitted').redirect(`/jury/applications/${view.application.id}`, 303);
      }
    });

    app.post<Id & Body>(
      '/jury/applications/:id/autosave',
      recordRoute('evaluation', 'score'),
      async (request, reply) => {
        const view = await service.jurorApplication(request.actor, request.params.id);
        const body = request.body ?? {};
        try {
          const result = await service.saveEvaluation({
            actor: request.actor,
            applicationId: view.application.id,
            version: versionOf(body),
            raw: gridFromBody(view.rules, body),
          });
          if (result.status === 'conflict') return reply.code(409).send({ status: 'conflict' });
          if (result.status !== 'saved') return reply.code(409).send({ status: 'refused' });
          // What cannot be stored (a score that is no number, a comment too long) was not: the rest was.
          const refused = Object.keys(result.unreadable).flatMap((field) => {
            const problem = result.problems[field];
            return problem ? [problemText(request, problem)] : [];
          });
          if (refused.length)
            return reply.code(422).send({
              status: 'refused',
              version: result.version,
              message: request.t('form.notSaved', { problems: refused.join(' ') }),
              problems: Object.keys(result.problems),
            });
          return reply.send({
            status: 'saved',
            version: result.version,
            savedAt: formatInstant(result.savedAt, request.locale, 'time'),
            total: result.total,
            problems: Object.keys(result.problems),
          });
        } catch (error) {
          return reply.code(409).send({ status: 'refused', message: request.t(refusal(error)) });
        }
      },
    );

    /** The consensus page, or why the chair must first submit their own evaluation. */
    const consensusView = async (request: FastifyRequest<Id>, reply: FastifyReply) => {
      try {
        return await service.consensusView(request.actor, request.params.id);
      } catch (error) {
        if (!(error instanceof RuleViolationError && error.problems.includes('own-evaluation-first'))) throw error;
        const link = { href: `/jury/applications/${request.params.id}`, label: request.t('scoring.yourEvaluation') };
        reply.page(
          (ctx) => (
            <MessagePage
              ctx={ctx}
              title={ctx.t('scoring.consensus')}
              body={ctx.t('scoring.refused.ownFirst')}
              link={link}
            />
          ),
          409,
        );
        return null;
      }
    };

    app.get<Id>(
      '/manage/applications/:id/consensus',
      recordRoute('consensus', 'see'),
      async (request, reply) => {
        const view = await consensusView(request, reply);
        if (!view) return reply;
        return reply.page((ctx) => <ConsensusPage ctx={ctx} view={view} />);
      },
    );

    app.post<Id & Body>(
      '/manage/applications/:id/consensus',
      recordRoute('consensus', 'record'),
      async (request, reply) => {
        const view = await consensusView(request, reply);
        if (!view) return reply;
        const body = request.body ?? {};
        const raw = gridFromBody(view.rules, body);
        const input = { scores: raw.scores, comments: raw.comments, overallComment: raw.overallComment };
        const again = async (status: number, extra: Omit<Parameters<typeof ConsensusPage>[0], 'ctx' | 'view'>) => {
          const fresh = await service.consensusView(request.actor, request.params.id);
          return reply.page((ctx) => <ConsensusPage ctx={ctx} view={fresh} input={input} {...extra} />, status);
        };
        let result;
        try {
          result = await service.recordConsensus({
            actor: request.actor,
            applicationId: view.application.id,
            version: versionOf(body),
            raw,
          });
        } catch (error) {
          return again(409, { refusal: refusal(error) });
        }
        if (result.status === 'invalid') return again(422, { problems: result.problems });
        if (result.status === 'conflict')
          return again(409, { conflict: { theirs: result.theirs, by: result.by, version: result.version } });
        return reply
          .flash('scoring.consensus.saved')
          .redirect(`/manage/applications/${view.application.id}/consensus`, 303);
      },
    );

    app.get<Id>('/manage/calls/:id/consensus', recordRoute('call', 'manage'), async (request, reply) => {
      const view = await service.consensusIndex(request.actor, request.params.id);
      return reply.page((ctx) => <ConsensusIndexPage ctx={ctx} view={view} />);
    });

    app.get<Id>('/manage/calls/:id/calibration', recordRoute('call', 'manage'), async (request, reply) => {
      const view = await service.calibrationView(request.actor, request.params.id);
      return reply.page((ctx) => <CalibrationPage ctx={ctx} view={view} />);
    });

    app.get<Id>('/manage/calls/:id/ranking', recordRoute('call', 'manage'), async (request, reply) => {
      const view = await service.rankingView(request.actor, request.params.id);
      return reply.page((ctx) => <RankingPage ctx={ctx} view={view} />);
    });
  };
}
