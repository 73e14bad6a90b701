/** The states of a call, in order (DESIGN.md, Lifecycles). Transitions arrive with the calls capability. */
export const CALL_STATUSES = [
  'draft',
  'published',
  'closed',
  'screening',
  'evaluation',
  'deliberation',
  'decided',
  'results-published',
  'follow-up',
  'archived',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What the public may see: everything but drafts. */
export function isPublic(status: CallStatus): boolean {
  return status !== 'draft';
}

export type PublishProblem =
  'not-draft' | 'no-title' | 'no-budget' | 'no-deadline' | 'deadline-past' | 'opens-after-deadline' | 'grant-range';

/** What stops a call from being published; an empty list means it may be. */
export function publishProblems(
  call: {
    status: CallStatus;
    titleFr: string;
    budgetCents: number;
    grantMinCents: number | null;
    grantMaxCents: number | null;
    opensAt: Date | null;
    closesAt: Date | null;
  },
  now: Date,
): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (call.status !== 'draft') problems.push('not-draft');
  if (!call.titleFr.trim()) problems.push('no-title');
  if (!(call.budgetCents > 0)) problems.push('no-budget');
  if (!call.closesAt) problems.push('no-deadline');
  else if (call.closesAt.getTime() <= now.getTime()) problems.push('deadline-past');
  if (call.opensAt && call.closesAt && call.opensAt.getTime() >= call.closesAt.getTime())
    problems.push('opens-after-deadline');
  const { grantMinCents: min, grantMaxCents: max } = call;
  if ((min !== null && min < 0) || (max !== null && (max > call.budgetCents || (min !== null && min > max))))
    problems.push('grant-range');
  return problems;
}
