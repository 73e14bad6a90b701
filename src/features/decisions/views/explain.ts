// Plain sentences, in the reader's language, for what the selection engine reports with codes:
// why an application sits where it does, which rule a fixed amount breaks, which rule cannot be met.
import { communeByNis } from '../../../domain/referenceData.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { SelectionResult, Unsatisfiable, Violation } from '../../../domain/selection/index.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CallForManagement } from '../../calls/service.ts';
import type { PlannedOutcome } from '../outcomes.ts';
import type { Candidate, PlanSettings } from '../selectionFacts.ts';

export interface Explainer {
  reason(o: PlannedOutcome): string;
  violation(v: Violation): string;
  unsatisfiable(u: Unsatisfiable): string;
  publicLabel(key: string): string;
}

/** `result` is the selection being explained; null for a decision's recorded outcomes, which name no one passed over. */
export function explainer(
  ctx: ViewContext,
  managed: CallForManagement,
  candidates: readonly Candidate[],
  plan: PlanSettings,
  result: SelectionResult | null,
): Explainer {
  const { t, locale } = ctx;
  const money = (cents: number) => formatMoney(cents, locale);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ref = (id: string | undefined) => (id ? (byId.get(id)?.reference ?? id) : '');
  const publicLabel = (key: string) =>
    inLocale(managed.targetPublics.find((p) => p.key === key)?.label ?? { fr: key }, locale);
  const communeName = (nis: string) => {
    const c = communeByNis(nis);
    return c ? (locale === 'nl' ? c.nl : c.fr) : nis;
  };
  const fixedOf = (id: string | undefined) => plan.fixed.find((f) => f.applicationId === id)?.amountCents ?? 0;
  const { call } = managed;
  const fixedTotal = plan.fixed.reduce((sum, f) => sum + f.amountCents, 0);
  const budget = result ? result.total + result.unspent : call.budgetCents;
  const minimumOf = (rule: string) =>
    rule.startsWith('minPerTargetPublic:') ? rule.slice('minPerTargetPublic:'.length) : null;

  return {
    publicLabel,
    reason(o) {
      const r = o.reason;
      const key = minimumOf(r.replace(/^rule:/, ''));
      if (key !== null) {
        // Funded ahead of better-ranked applications (or passed over) to cover a target public: name who was passed over.
        const passedOver =
          o.outcome === 'selected'
            ? (result?.reserve ?? []).filter((x) => x.rank < (o.rank ?? 0)).sort((a, b) => a.rank - b.rank)[0]
            : undefined;
        if (o.outcome === 'selected')
          return passedOver
            ? t('decisions.reason.aheadToCover', {
                rank: passedOver.rank,
                reference: ref(passedOver.id),
                public: publicLabel(key),
              })
            : t('decisions.reason.toCover', { public: publicLabel(key) });
        return t('decisions.reason.leftForCover', { public: publicLabel(key) });
      }
      if (r === 'rule:maxPerCommune')
        return t('decisions.reason.maxPerCommune', {
          commune: communeName(byId.get(o.candidate.id)?.mainCommune ?? ''),
          max: plan.maxPerCommune ?? 0,
        });
      if (r === 'rule:maxPerOrganisation')
        return t('decisions.reason.maxPerOrganisation', { max: plan.maxPerOrganisation ?? 0 });
      if (r === 'rule:grant.min') return t('decisions.reason.underMinimum', { min: money(call.grantMinCents ?? 0) });
      const known: Record<string, MessageKey> = {
        rank: 'decisions.reason.rank',
        fixed: o.outcome === 'selected' ? 'decisions.reason.fixed' : 'decisions.reason.excluded',
        budget: 'decisions.reason.budget',
        'below-threshold': 'decisions.reason.belowThreshold',
        ineligible: 'decisions.reason.ineligible',
        promoted: 'decisions.reason.promoted',
        withdrawn: 'decisions.reason.withdrawn',
        'no-request': 'decisions.reason.noRequest',
      };
      return t(known[r] ?? 'decisions.reason.budget');
    },
    violation(v) {
      const values = { reference: ref(v.id), amount: money(fixedOf(v.id)) };
      const key = minimumOf(v.rule);
      if (key !== null) return t('decisions.violation.minimum', { public: publicLabel(key) });
      switch (v.rule) {
        case 'grant.min':
          return t('decisions.violation.grantMin', { ...values, min: money(call.grantMinCents ?? 0) });
        case 'grant.max':
          return t('decisions.violation.grantMax', { ...values, max: money(call.grantMaxCents ?? 0) });
        case 'requested':
          return t('decisions.violation.requested', {
            ...values,
            requested: money(byId.get(v.id ?? '')?.requestedCents ?? 0),
          });
        case 'partialFloor':
          return t('decisions.violation.partialFloor', values);
        case 'passedThresholds':
          return t('decisions.violation.thresholds', values);
        case 'budget':
          return t('decisions.violation.budget', {
            total: money(fixedTotal),
            over: money(fixedTotal - budget),
            budget: money(budget),
          });
        case 'maxPerCommune':
          return t('decisions.violation.maxPerCommune', { ...values, max: plan.maxPerCommune ?? 0 });
        case 'maxPerOrganisation':
          return t('decisions.violation.maxPerOrganisation', { ...values, max: plan.maxPerOrganisation ?? 0 });
        default:
          return v.detail;
      }
    },
    unsatisfiable(u) {
      const key = minimumOf(u.rule);
      return key !== null
        ? t('decisions.unsatisfiable.minimum', { public: publicLabel(key), min: plan.minPerTargetPublic[key] ?? 0 })
        : u.detail;
    },
  };
}
