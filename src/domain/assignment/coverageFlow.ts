// Maximum flow source → application (k) → juror (1 per allowed pair) → sink (capacity), by Dinic's
// algorithm. It answers "can every application get k jurors at all?" exactly, and when not, its
// minimum cut names the applications that compete for too few jurors (Hall's condition), which is
// what a programme officer needs to read. The greedy fallback also uses it to complete an
// assignment it left short. Affinities play no part here.
import type { Assignment, AssignmentProblem } from './problem.ts';

export interface Coverage {
  /** A feasible (for k and capacities) assignment covering as many review slots as possible. */
  readonly assignment: number[][];
  /** Review slots filled, at most k × applications. */
  readonly filled: number;
  /** When not all filled: applications that cannot all be served, and the jurors they can reach. */
  readonly shortApplications: readonly number[];
  readonly reachableJurors: readonly number[];
}

/**
 * @param allowed jurors each application may get (without conflict); by default every juror
 *   without conflict.
 * @param initial a partial assignment within k and capacities to start from (it may be rerouted).
 */
export function maxCoverage(
  problem: AssignmentProblem,
  allowed?: readonly (readonly number[])[],
  initial?: Assignment,
): Coverage {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const lists = allowed ?? Array.from({ length: A }, (_, a) => allJurorsWithoutConflict(problem, a));
  const graph = new Graph(A + J + 2);
  const source = A + J;
  const sink = A + J + 1;
  const sourceEdge = Int32Array.from({ length: A }, (_, a) => graph.add(source, a, problem.k));
  const sinkEdge = Int32Array.from({ length: J }, (_, j) => graph.add(A + j, sink, problem.capacity[j]!));
  const pairEdges: Int32Array[] = lists.map((jurors, a) => Int32Array.from(jurors, (j) => graph.add(a, A + j, 1)));
  if (initial) {
    initial.forEach((jurors, a) => {
      for (const j of jurors) {
        const at = lists[a]!.indexOf(j);
        if (at < 0) continue;
        graph.push(sourceEdge[a]!, 1);
        graph.push(pairEdges[a]![at]!, 1);
        graph.push(sinkEdge[j]!, 1);
      }
    });
  }
  graph.maxFlow(source, sink);
  const assignment = lists.map((jurors, a) =>
    jurors.filter((_, i) => graph.cap[pairEdges[a]![i]!] === 0).sort((x, y) => x - y),
  );
  const filled = assignment.reduce((sum, jurors) => sum + jurors.length, 0);
  const reached = graph.reachable(source);
  const shortApplications: number[] = [];
  const reachableJurors: number[] = [];
  if (filled < A * problem.k) {
    for (let a = 0; a < A; a++) if (reached[a]) shortApplications.push(a);
    for (let j = 0; j < J; j++) if (reached[A + j]) reachableJurors.push(j);
  }
  return { assignment, filled, shortApplications, reachableJurors };
}

function allJurorsWithoutConflict(problem: AssignmentProblem, a: number): number[] {
  const J = problem.jurorIds.length;
  const jurors: number[] = [];
  for (let j = 0; j < J; j++) if (!problem.conflict[a * J + j]) jurors.push(j);
  return jurors;
}

/** Residual graph in flat arrays; edge e and its reverse are e and e ^ 1. */
class Graph {
  to: number[] = [];
  cap: number[] = [];
  next: number[] = [];
  head: Int32Array;
  level: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
  }

  add(from: number, to: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.next.push(this.head[from]!, this.head[to]!);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }

  push(e: number, amount: number): void {
    this.cap[e]! -= amount;
    this.cap[e ^ 1]! += amount;
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    while (this.levels(source, sink)) flow += this.blockingFlow(source, sink);
    return flow;
  }

  /** Breadth-first levels from the source; true when the sink is reachable. */
  private levels(source: number, sink: number): boolean {
    const level = this.level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (let e = this.head[v]!; e !== -1; e = this.next[e]!) {
        const w = this.to[e]!;
        if (this.cap[e]! > 0 && level[w] === -1) {
          level[w] = level[v]! + 1;
          queue.push(w);
        }
      }
    }
    return level[sink] !== -1;
  }

  /** Augments along level-increasing paths until none is left; iterative, since paths can be long. */
  private blockingFlow(source: number, sink: number): number {
    const current = Int32Array.from(this.head);
    const path: number[] = [];
    let flow = 0;
    let v = source;
    for (;;) {
      if (v === sink) {
        let amount = Infinity;
        for (const e of path) amount = Math.min(amount, this.cap[e]!);
        for (const e of path) this.push(e, amount);
        flow += amount;
        path.length = 0;
        v = source;
        continue;
      }
      let e = current[v]!;
      while (e !== -1 && (this.cap[e]! <= 0 || this.level[this.to[e]!] !== this.level[v]! + 1)) e = this.next[e]!;
      current[v] = e;
      if (e !== -1) {
        path.push(e);
        v = this.to[e]!;
        continue;
      }
      if (v === source) return flow;
      this.level[v] = -1; // dead end: never try it again in this phase
      const back = path.pop()!;
      v = this.to[back ^ 1]!;
      current[v] = this.next[current[v]!]!;
    }
  }

  reachable(source: number): Uint8Array {
    const seen = new Uint8Array(this.nodes);
    seen[source] = 1;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      for (let e = this.head[queue[i]!]!; e !== -1; e = this.next[e]!) {
        const w = this.to[e]!;
        if (this.cap[e]! > 0 && !seen[w]) {
          seen[w] = 1;
          queue.push(w);
        }
      }
    }
    return seen;
  }
}
