// The automatic assignment before the officer confirms it: solved in a worker thread (the server
// keeps answering meanwhile), shown with each juror's load and each application's affinity, or
// with the reasons it is impossible. Nothing is stored here: confirming re-checks everything.
import type { Actor } from '../../domain/access.ts';
import type { AssignmentStatus } from '../../domain/assignment/solve.ts';
import {
  needsOf,
  pairKey,
  proposedPairs,
  shortfalls,
  solverRequest,
  type PlanPair,
  type Shortfall,
} from '../../domain/juryPlanning.ts';
import { solveAssignmentInWorker } from '../../platform/solver/solveAssignmentInWorker.ts';
import { affinities, humanLabels, isAssignable, officerContext, planOf } from './board.ts';
import type { JuryDeps } from './deps.ts';
import { loadRecords } from './records.ts';

export interface PreviewMember {
  jurorId: string;
  name: string;
  affinity: number;
}

export interface PreviewApplication {
  id: string;
  reference: string | null;
  title: string;
  organisationName: string;
  held: PreviewMember[];
  proposed: PreviewMember[];
  /** Summed affinity of all its jurors, held and proposed. */
  total: number;
}

export interface PreviewJuror {
  id: string;
  name: string;
  before: number;
  added: number;
  capacity: number;
  minLoad: number;
}

export interface AssignmentPreview {
  status: AssignmentStatus | 'nothing-to-do';
  objective: number | null;
  bound: number | null;
  /** The solver's own explanation (infeasible, or why not proven optimal), with names for ids. */
  reason: string | null;
  method: string;
  seconds: number;
  shortfalls: Shortfall[];
  labels: Record<string, string>;
  pairs: PlanPair[];
  applications: PreviewApplication[];
  jurors: PreviewJuror[];
  floor: number | null;
  k: number;
}

const SOLVE_SECONDS = 20;

export async function previewAssignment(
  deps: JuryDeps,
  actor: Actor,
  callId: string,
  floor: number | null,
): Promise<AssignmentPreview> {
  const { managed, applications, profiles } = await officerContext(deps, actor, callId);
  const settings = managed.call.jurySettings;
  const records = await loadRecords(deps.db, callId);
  const affinity = affinities(records, profiles);
  const plan = planOf(settings, records, applications, affinity, floor);
  const labels = humanLabels(records, applications);
  const base = {
    objective: null,
    bound: null,
    reason: null,
    method: 'none',
    seconds: 0,
    labels: Object.fromEntries(labels),
    floor,
    k: plan.k,
  };
  const request = solverRequest(plan);
  const found = shortfalls(plan);
  const empty = { pairs: [], applications: [], jurors: [] };
  if (!request) return { ...base, ...empty, status: 'nothing-to-do', shortfalls: [] };
  // Counting already shows it is impossible: say why at once, without spending a thread.
  if (found.length) return { ...base, ...empty, status: 'infeasible', shortfalls: found };

  const run = await solveAssignmentInWorker(request.input, { timeLimitSeconds: deps.solveSeconds ?? SOLVE_SECONDS });
  const { output, stats } = run;
  const solved = output.status === 'optimal' || output.status === 'feasible';
  const pairs = solved ? proposedPairs(output, request.placeholders) : [];
  const name = (id: string) => labels.get(id) ?? id;
  const member = (p: PlanPair): PreviewMember => ({
    jurorId: p.jurorId,
    name: name(p.jurorId),
    affinity: affinity.get(pairKey(p.jurorId, p.applicationId)) ?? 0,
  });
  const held = [...request.placeholders.values()];
  const needs = needsOf(plan);
  const previewApplications = applications
    .filter((a) => isAssignable(a) && (needs.get(a.id) ?? 0) > 0)
    .map((a) => {
      const own = held.filter((p) => p.applicationId === a.id).map(member);
      const proposed = pairs.filter((p) => p.applicationId === a.id).map(member);
      return {
        id: a.id,
        reference: a.reference,
        title: a.title,
        organisationName: a.organisationName,
        held: own,
        proposed,
        total: [...own, ...proposed].reduce((s, m) => s + m.affinity, 0),
      };
    });
  const added = new Map<string, number>();
  for (const p of pairs) added.set(p.jurorId, (added.get(p.jurorId) ?? 0) + 1);
  return {
    ...base,
    status: output.status,
    objective: output.objective,
    bound: output.bound,
    reason: output.reason ? humanise(output.reason, labels, held) : null,
    method: stats.method,
    seconds: stats.seconds,
    shortfalls: [],
    pairs,
    applications: previewApplications,
    jurors: plan.jurors.map((j) => ({
      id: j.id,
      name: name(j.id),
      before: j.load,
      added: added.get(j.id) ?? 0,
      capacity: j.capacity,
      minLoad: j.minLoad,
    })),
  };
}

/** The solver speaks in identifiers: put names and references in their place. */
function humanise(reason: string, labels: ReadonlyMap<string, string>, held: readonly PlanPair[]): string {
  let text = reason.replace(/held:(\d+)/g, (whole, n: string) => {
    const pair = held[Number(n)];
    return pair ? `${labels.get(pair.jurorId) ?? whole} → ${labels.get(pair.applicationId) ?? whole}` : whole;
  });
  for (const [id, label] of labels) text = text.split(id).join(label);
  return text;
}
