// The life of a place in the directory, as a table: an organisation (or an officer) drafts it, the
// organisation submits it for review, an officer publishes it (or returns it to its draft), and an
// officer withdraws a place that no longer helps anyone. Only a published place is public.

import { lifecycle } from '../lifecycleTable.ts';

export const PLACE_STATES = ['draft', 'submitted', 'published', 'withdrawn'] as const;
export type PlaceState = (typeof PLACE_STATES)[number];

export const PLACE_EVENTS = ['submit', 'return', 'publish', 'withdraw'] as const;
export type PlaceEvent = (typeof PLACE_EVENTS)[number];

export const PLACE_LIFECYCLE = lifecycle<PlaceState, PlaceEvent, null, never>(PLACE_STATES, PLACE_EVENTS, [
  { event: 'submit', from: ['draft'], to: 'submitted' },
  { event: 'return', from: ['submitted'], to: 'draft' },
  { event: 'publish', from: ['draft', 'submitted', 'withdrawn'], to: 'published' },
  { event: 'withdraw', from: ['published'], to: 'withdrawn' },
]);

export function canTransitionPlace(state: PlaceState, event: PlaceEvent): boolean {
  return PLACE_LIFECYCLE.can(state, event, null);
}

export function isPlaceState(value: unknown): value is PlaceState {
  return typeof value === 'string' && (PLACE_STATES as readonly string[]).includes(value);
}
