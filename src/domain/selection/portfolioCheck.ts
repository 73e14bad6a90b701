// Which portfolio rules a finished selection meets, counted from the selection itself. Used to warn
// when ranking mode (which ignores the rules) misses one, by the benchmark, and by tests as an
// independent check of the constrained walk.
import type { Prepared } from './prepare.ts';

export type RuleCheck = { rule: string; met: boolean; detail: string };

export function checkPortfolio(prepared: Prepared, selectedIds: ReadonlySet<string>): RuleCheck[] {
  const selected = prepared.entries.filter((e) => selectedIds.has(e.id));
  const checks: RuleCheck[] = prepared.minimums.map((m, r) => {
    const n = selected.filter((e) => e.serves.includes(r)).length;
    return {
      rule: m.name,
      met: n >= m.min,
      detail: `${n} selected project(s) serve “${m.targetPublic}”; the rule asks for at least ${m.min}.`,
    };
  });
  const worst = (max: number, key: (e: Prepared['entries'][number]) => string, rule: string, what: string) => {
    if (max === Infinity) return;
    const counts = new Map<string, number>();
    for (const e of selected) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
    const over = [...counts].filter(([, n]) => n > max).map(([k, n]) => `${what} ${k}: ${n}`);
    checks.push({
      rule,
      met: over.length === 0,
      detail: over.length ? `Over the maximum of ${max}: ${over.join(', ')}.` : `At most ${max} per ${what}.`,
    });
  };
  worst(prepared.maxPerCommune, (e) => prepared.communes[e.commune]!, 'maxPerCommune', 'commune');
  worst(
    prepared.maxPerOrganisation,
    (e) => prepared.organisations[e.organisation]!,
    'maxPerOrganisation',
    'organisation',
  );
  return checks;
}
