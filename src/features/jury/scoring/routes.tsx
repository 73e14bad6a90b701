import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { GridRules, RawGrid } from '../../../domain/evaluationGrid.ts';
import { sendDownload } from '../../../platform/http/download.ts';
import { MessagePage } from '../../../platform/views/MessagePage.tsx';
import type { ConsensusView } from './panelQueries.ts';
import type { ScoringService } from './service.ts';
import { CalibrationPage } from './views/CalibrationPage.tsx';
import { ConsensusIndexPage } from './views/ConsensusIndexPage.tsx';
import { ConsensusPage } from './views/ConsensusPage.tsx';
import { problemText } from './views/GridFields.tsx';
import { JurorApplicationPage } from './views/JurorApplicationPage.tsx';
import { MyEvaluationsPage } from './views/MyEvaluationsPage.tsx';
import { RankingPage } from './views/RankingPage.tsx';
import { refusalMessage, STALE_MESSAGES, type RefusalMessages } from '../../../platform/http/refusals.ts';
import type { EvaluationRefusal } from './commands/writeEvaluation.ts';
import type { RecordConsensusRefusal } from './commands/recordConsensus.ts';
import { SIGNED_IN_ROUTE, recordRoute } from '../../../platform/http/routePolicy.ts';
import { savedInPart } from '../../../platform/http/savedInPart.ts';
import { pageParam } from '../../../platform/views/Pagination.tsx';

type Id = { Params: { id: string } };
type Body = { Body: Record<string, unknown> };

/** The refusals of an evaluation's save or submission; a stale version shows the saved grid beside what was typed. */
const EVALUATION_REFUSALS = {
  'already-submitted': 'scoring.refused.alreadySubmitted',
  'scoring-closed': 'scoring.refused.closed',
  ...STALE_MESSAGES,
} as const satisfies RefusalMessages<EvaluationRefusal>;
/** The refusals of a consensus; a stale version shows the recorded consensus beside what was typed. */
const CONSENSUS_REFUSALS = {
  'own-evaluation-first': 'scoring.refused.ownFirst',
  'consensus-closed': 'scoring.refused.consensusClosed',
  'no-evaluations': 'scoring.refused.noEvaluations',
  'invalid-transition': 'scoring.refused.consensusClosed',
  ...STALE_MESSAGES,
} as const satisfies RefusalMessages<RecordConsensusRefusal>;

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
      type Extra = Omit<Parameters<typeof JurorApplicationPage>[0], 'ctx' | 'view'>;
      /** The page as it now stands, with what was typed and what `extra` says of it. */
      const again = async (status: number, extra: Extra | ((fresh: typeof view) => Extra)) => {
        const fresh = await service.jurorApplication(request.actor, request.params.id);
        const shown = typeof extra === 'function' ? extra(fresh) : extra;
        return reply.page((ctx) => <JurorApplicationPage ctx={ctx} view={fresh} input={input} {...shown} />, status);
      };
      const command = { actor: request.actor, applicationId: view.application.id, version: versionOf(body), raw };
      const written =
        body.intent === 'submit' ? await service.submitEvaluation(command) : await service.saveEvaluation(command);
      if (!written.ok) {
        // Saved meanwhile (another tab): the saved grid is shown beside what was typed, to save over.
        if (written.refusals.includes('stale'))
          return again(409, (fresh) => ({
            conflict: { theirs: fresh.evaluation.values },
            version: fresh.evaluation.version,
          }));
        return again(409, { refusal: refusalMessage(written.refusals, EVALUATION_REFUSALS) });
      }
      const result = written.value;
      switch (result.status) {
        case 'invalid':
          savedInPart(reply, result.version);
          return again(422, {
            problems: result.problems,
            version: result.version,
            refusal: 'scoring.refused.incomplete',
          });
        case 'saved':
          // Something typed is no number: it could not be stored, so it is shown again with its message.
          if (Object.keys(result.unreadable).length) {
            savedInPart(reply, result.version);
            return again(422, { problems: result.problems, version: result.version });
          }
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
        const saved = await service.saveEvaluation({
          actor: request.actor,
          applicationId: view.application.id,
          version: versionOf(body),
          raw: gridFromBody(view.rules, body),
        });
        if (!saved.ok) {
          if (saved.refusals.includes('stale')) return reply.code(409).send({ status: 'conflict' });
          const message = request.t(refusalMessage(saved.refusals, EVALUATION_REFUSALS));
          return reply.code(409).send({ status: 'refused', message });
        }
        const result = saved.value;
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
      },
    );

    /** The consensus page, or why the chair must first submit their own evaluation. */
    const consensusView = async (request: FastifyRequest<Id>, reply: FastifyReply) => {
      const opened = await service.consensusView(request.actor, request.params.id);
      if (opened.ok) return opened.value;
      const link = { href: `/jury/applications/${request.params.id}`, label: request.t('scoring.yourEvaluation') };
      const body = refusalMessage(opened.refusals, CONSENSUS_REFUSALS);
      reply.page(
        (ctx) => <MessagePage ctx={ctx} title={ctx.t('scoring.consensus')} body={ctx.t(body)} link={link} />,
        409,
      );
      return null;
    };

    app.get<Id>('/manage/applications/:id/consensus', recordRoute('consensus', 'see'), async (request, reply) => {
      const view = await consensusView(request, reply);
      if (!view) return reply;
      return reply.page((ctx) => <ConsensusPage ctx={ctx} view={view} />);
    });

    app.post<Id & Body>(
      '/manage/applications/:id/consensus',
      recordRoute('consensus', 'record'),
      async (request, reply) => {
        const view = await consensusView(request, reply);
        if (!view) return reply;
        const body = request.body ?? {};
        const raw = gridFromBody(view.rules, body);
        const input = { scores: raw.scores, comments: raw.comments, overallComment: raw.overallComment };
        type Extra = Omit<Parameters<typeof ConsensusPage>[0], 'ctx' | 'view'>;
        /** The page as it now stands, with what was typed and what `extra` says of it. */
        const again = async (status: number, extra: Extra | ((fresh: ConsensusView) => Extra)) => {
          const fresh = await consensusView(request, reply);
          if (!fresh) return reply;
          const shown = typeof extra === 'function' ? extra(fresh) : extra;
          return reply.page((ctx) => <ConsensusPage ctx={ctx} view={fresh} input={input} {...shown} />, status);
        };
        const recorded = await service.recordConsensus({
          actor: request.actor,
          applicationId: view.application.id,
          version: versionOf(body),
          raw,
        });
        if (!recorded.ok) {
          // Recorded meanwhile by someone else: theirs is shown beside what was typed, to record over.
          if (recorded.refusals.includes('stale'))
            return again(409, (fresh) => ({
              conflict: {
                theirs: fresh.consensus?.values ?? { scores: {}, comments: {}, overallComment: '' },
                by: fresh.consensus?.by ?? '',
                version: fresh.consensus?.version ?? 0,
              },
            }));
          return again(409, { refusal: refusalMessage(recorded.refusals, CONSENSUS_REFUSALS) });
        }
        if (recorded.value.status === 'invalid') return again(422, { problems: recorded.value.problems });
        return reply
          .flash('scoring.consensus.saved')
          .redirect(`/manage/applications/${view.application.id}/consensus`, 303);
      },
    );

    app.get<Id & { Querystring: Record<string, string | undefined> }>(
      '/manage/calls/:id/consensus',
      recordRoute('call', 'manage'),
      async (request, reply) => {
        const page = pageParam(request.query.page);
        const view = await service.consensusIndex(request.actor, request.params.id, page);
        return reply.page((ctx) => <ConsensusIndexPage ctx={ctx} view={view} page={page} query={request.query} />);
      },
    );

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
