import type { FastifyInstance } from 'fastify';
import { refusalMessages, STALE_MESSAGES, type RefusalMessages } from '../../platform/http/refusals.ts';
import { recordRoute } from '../../platform/http/routePolicy.ts';
import type { SaveCriteriaRefusal } from './commands/saveCriteria.ts';
import { parseCriteria } from './criteriaForm.ts';
import { correctionNoteOf } from './forms.ts';
import { CALL_REFUSALS } from './refusalMessages.ts';
import type { CallsService } from './service.ts';
import { CriteriaPage } from './views/CriteriaPage.tsx';

type Id = { Params: { id: string } };

const SAVE_CRITERIA_REFUSALS = {
  ...STALE_MESSAGES,
  ...CALL_REFUSALS,
  'max-score': 'manage.criteria.problem.max-score',
  weight: 'manage.criteria.problem.weight',
  'threshold-above-max': 'manage.criteria.problem.threshold-above-max',
  'overall-threshold': 'manage.criteria.problem.overall-threshold',
  'tranches-not-100': 'manage.criteria.problem.tranches-not-100',
  'tranche-percent': 'manage.criteria.problem.tranche-percent',
} as const satisfies RefusalMessages<SaveCriteriaRefusal>;

/** A call's criteria, required documents and tranche plan, on one page. */
export function criteriaRoutes(service: CallsService) {
  return async function (app: FastifyInstance) {
    app.get<Id>('/manage/calls/:id/criteria', recordRoute('call', 'manage'), async (request, reply) => {
      const managed = await service.callForManagement(request.actor, request.params.id);
      return reply.page((ctx) => <CriteriaPage ctx={ctx} managed={managed} />);
    });

    app.post<Id & { Body: Record<string, unknown> }>(
      '/manage/calls/:id/criteria',
      recordRoute('call', 'editCriteria'),
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const { criteria, errors, version, rows } = parseCriteria(body);
        const again = async (status: number, refusals: ReturnType<typeof refusalMessages> = []) => {
          const managed = await service.callForManagement(request.actor, request.params.id);
          return reply.page(
            (ctx) => (
              <CriteriaPage ctx={ctx} managed={managed} rows={rows} errors={errors} refusals={refusals} note={body} />
            ),
            status,
          );
        };
        if (Object.keys(errors).length) return again(422);
        const saved = await service.saveCriteria({
          actor: request.actor,
          callId: request.params.id,
          version,
          criteria,
          correctionNote: correctionNoteOf(body),
        });
        if (!saved.ok) {
          const conflict = saved.refusals.some((r) => r === 'stale' || r.startsWith('locked'));
          if (saved.refusals.includes('note-required')) errors.correctionFr = { key: 'call.refusal.note-required' };
          return again(conflict ? 409 : 422, refusalMessages(saved.refusals, SAVE_CRITERIA_REFUSALS));
        }
        return reply.flash('manage.criteria.saved').redirect(`/manage/calls/${request.params.id}/criteria`, 303);
      },
    );
  };
}
