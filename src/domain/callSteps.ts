import type { CallStatus } from './callLifecycle.ts';

/** The steps an officer takes a call through, in order: the call's navigation follows them. */
export const CALL_STEPS = [
  'prepare',
  'receive',
  'screening',
  'evaluation',
  'selection',
  'decision',
  'results',
] as const;
export type CallStep = (typeof CALL_STEPS)[number];

const STEP_OF: Record<CallStatus, CallStep> = {
  draft: 'prepare',
  published: 'receive',
  closed: 'screening',
  screening: 'screening',
  evaluation: 'evaluation',
  deliberation: 'selection',
  decided: 'decision',
  'results-published': 'results',
  'follow-up': 'results',
  archived: 'results',
};

export type StepState = 'done' | 'current' | 'next';

/** Where each step stands for a call in `status`: the steps before its current one are done. */
export function stepStates(status: CallStatus): { step: CallStep; state: StepState }[] {
  const current = CALL_STEPS.indexOf(STEP_OF[status]);
  return CALL_STEPS.map((step, i) => ({ step, state: i < current ? 'done' : i === current ? 'current' : 'next' }));
}
