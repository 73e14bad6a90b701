// Webhooks: which audit-trail entries become which events, who manages a funder's endpoints, and how
// a failing delivery is retried and when its endpoint is paused. Pure: the clock and the HTTP client
// are the caller's.
import { funderRelation, type FunderRelation } from './adminPolicy.ts';
import type { MaybeActor } from './access.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/**
 * The events an endpoint can subscribe to, each from the audit actions that mean it. Every change is
 * audited in its own transaction, so no feature calls the webhooks: they read the trail.
 */
export const WEBHOOK_EVENTS = {
  'call.published': ['call.publish'],
  'call.closed': ['call.close-early', 'call.close-at-deadline'],
  'application.submitted': ['application.submitted', 'application.resubmitted'],
  'application.returned': ['application.returned'],
  'application.withdrawn': ['application.withdrawn'],
  'screening.decided': ['screening.decided', 'screening.reopened'],
  'decision.taken': ['call.decided'],
  'decision.reserve-promoted': ['call.reserve-promoted'],
  'results.published': ['call.results-published'],
  'grant.created': ['grant.created'],
  'tranche.approved': ['grant.tranche-approved'],
  'batch.paid': ['grant.batch-paid'],
  'report.submitted': ['report.submitted', 'report.resubmitted'],
  'report.decided': ['report.approved', 'report.returned'],
} as const satisfies Record<string, readonly string[]>;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

const BY_ACTION = new Map<string, WebhookEvent>(
  Object.entries(WEBHOOK_EVENTS).flatMap(([event, actions]) => actions.map((a) => [a, event as WebhookEvent])),
);

/** The event an audit action means, or null for one no endpoint hears of (a draft saved, a sign-in). */
export function eventOfAction(action: string): WebhookEvent | null {
  return BY_ACTION.get(action) ?? null;
}

/** A funder's endpoints are its administrators' (and the installation's), like its other settings. */
export const WEBHOOK_POLICY = {
  see: { who: ['installation', 'administrator'] },
  manage: { who: ['installation', 'administrator'] },
} satisfies PolicyTable<FunderRelation, { id: string }, 'manage'>;

export function webhookAbilities(actor: MaybeActor, funder: { id: string }): Abilities<'manage'> {
  return abilitiesFrom(WEBHOOK_POLICY, funderRelation(actor, funder), funder);
}

/**
 * When each attempt is made, after the event (the Standard Webhooks schedule): at once, then after
 * 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours and 10 hours, about a day in all.
 */
export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18_000, 36_000, 36_000] as const;

/** An endpoint whose last this many attempts all failed is paused, and its funder told. */
export const PAUSE_AFTER_FAILURES = 10;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface FailureOutcome {
  /** `failed` once the schedule is spent: only a replay sends it again. */
  status: Extract<DeliveryStatus, 'pending' | 'failed'>;
  nextAttemptAt: Date | null;
  /** The endpoint's consecutive failures, this one included. */
  consecutiveFailures: number;
  /** Whether this failure pauses the endpoint (it was active, and reached the limit now). */
  pause: boolean;
}

/** What follows a failed attempt (`attempts` counts it), for the delivery and for its endpoint. */
export function afterFailure(input: {
  attempts: number;
  consecutiveFailures: number;
  now: Date;
  pauseAfter?: number;
}): FailureOutcome {
  const consecutiveFailures = input.consecutiveFailures + 1;
  const wait = RETRY_SCHEDULE_SECONDS[input.attempts];
  return {
    status: wait === undefined ? 'failed' : 'pending',
    nextAttemptAt: wait === undefined ? null : new Date(input.now.getTime() + wait * 1000),
    consecutiveFailures,
    pause: consecutiveFailures === (input.pauseAfter ?? PAUSE_AFTER_FAILURES),
  };
}

/** Whether an answer from a receiver counts as delivered: any 2xx, nothing else (not even a redirect). */
export function isDelivered(status: number): boolean {
  return status >= 200 && status < 300;
}

export type EndpointUrlRefusal = 'url-invalid' | 'url-not-https';

/**
 * An endpoint's address: an absolute https URL without credentials in it (a secret in a URL ends up
 * in logs). Plain http only where the installation allows it (a receiver on the same machine in tests).
 */
export function endpointUrlProblem(url: string, allowHttp: boolean): EndpointUrlRefusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url-invalid';
  }
  if (parsed.username || parsed.password || url.length > 2000) return 'url-invalid';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:') return allowHttp ? null : 'url-not-https';
  return 'url-invalid';
}
