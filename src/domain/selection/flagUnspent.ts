// Money left unspent while a reserve application could still be funded within the rules is a
// decision someone must explain. The engine's own selections never leave such money (each
// application got the most it could), so in practice this checks selections edited by people.
// Adding a project never breaks a minimum, so "within the rules" means: its floor fits the money
// left, and (in constrained mode) its commune and organisation are under their maxima.
import { formatMoney } from '../money.ts';
import type { Prepared } from './prepare.ts';
import { prepareSelection } from './prepare.ts';
import type { SelectionInput, SelectionResult, SelectionWarning } from './types.ts';

export function flagUnspent(
  input: SelectionInput | Prepared,
  result: Pick<SelectionResult, 'selected' | 'reserve' | 'unspent'>,
): SelectionWarning[] {
  const prepared = 'entries' in input ? input : prepareSelection(input);
  if (result.unspent <= 0) return [];
  const byId = new Map(prepared.entries.map((e) => [e.id, e]));
  const constrained = prepared.input.mode === 'constrained';
  const communes = new Map<number, number>();
  const organisations = new Map<number, number>();
  for (const s of result.selected) {
    const e = byId.get(s.id);
    if (!e || s.amount <= 0) continue;
    communes.set(e.commune, (communes.get(e.commune) ?? 0) + 1);
    organisations.set(e.organisation, (organisations.get(e.organisation) ?? 0) + 1);
  }
  const warnings: SelectionWarning[] = [];
  for (const r of result.reserve) {
    const e = byId.get(r.id);
    if (!e || !e.bounds.fundable || e.bounds.lo > result.unspent) continue;
    if (
      constrained &&
      ((communes.get(e.commune) ?? 0) >= prepared.maxPerCommune ||
        (organisations.get(e.organisation) ?? 0) >= prepared.maxPerOrganisation)
    )
      continue;
    const amount = Math.min(e.bounds.full, result.unspent);
    warnings.push({
      code: 'unspent',
      id: e.id,
      detail: `${formatMoney(result.unspent, 'en')} is left unspent, yet reserve application ${e.id} could still receive ${formatMoney(amount, 'en')} within the rules.`,
    });
  }
  return warnings;
}
