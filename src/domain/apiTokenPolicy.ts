// What an API token opens: its scopes (read, write), the funders it is limited to, and how long it
// lives. Pure, so the whole table (state × scope asked) is tested without a database; the API's
// authentication hook only reads the verdict and answers 401 or 403 from it.
import type { Actor } from './access.ts';
import { instantToBrussels } from './brusselsTime.ts';
import { addDays, endOfDayInBrussels, isCalendarDate, type CalendarDate } from './calendarDate.ts';
import type { Outcome } from './refusal.ts';

export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A token lives 90 days unless its owner chooses; never more than a year, so a forgotten one dies. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

export interface TokenGrant {
  scopes: readonly ApiScope[];
  /** Null: every funder at which the owner runs calls, now and later. */
  funderIds: readonly string[] | null;
  expiresAt: Date;
  revokedAt: Date | null;
}

/**
 * Why a known token opens nothing for this request. `revoked` and `expired` are a 401 (the token is
 * no longer valid, RFC 6750 `invalid_token`); `insufficient-scope` is a 403 (valid, but not for this).
 */
export type TokenRefusal = 'revoked' | 'expired' | 'insufficient-scope';

export function tokenVerdict(token: TokenGrant, scope: ApiScope, now: Date): Outcome<true, TokenRefusal> {
  if (token.revokedAt && token.revokedAt <= now) return { ok: false, refusals: ['revoked'] };
  if (token.expiresAt <= now) return { ok: false, refusals: ['expired'] };
  // Write implies nothing about read, nor the reverse: a token does only what it was made for.
  if (!token.scopes.includes(scope)) return { ok: false, refusals: ['insufficient-scope'] };
  return { ok: true, value: true };
}

/**
 * The actor as the token lets them act: their roles as they are now, at the token's funders only.
 * A token never carries the installation administrator's powers: those are for the pages, where a
 * person signs in. A role taken back counts at once; a funder added to the token later needs a role too.
 */
export function actorThroughToken(actor: Actor, token: Pick<TokenGrant, 'funderIds'>): Actor {
  const limit = token.funderIds;
  return {
    userId: actor.userId,
    isPlatformAdmin: false,
    grants: limit ? actor.grants.filter((g) => limit.includes(g.funderId)) : actor.grants,
  };
}

/** The last day a token made now may be given (Brussels calendar), and the day offered by default. */
export function expiryBounds(now: Date): { min: CalendarDate; max: CalendarDate; default: CalendarDate } {
  const today = instantToBrussels(now).date;
  return { min: addDays(today, 1), max: addDays(today, MAX_TOKEN_DAYS), default: addDays(today, DEFAULT_TOKEN_DAYS) };
}

export type ExpiryRefusal = 'expiry-invalid' | 'expiry-past' | 'expiry-too-far';

/** A token chosen to last until `date` stops at the end of that day, Brussels time. */
export function tokenExpiry(date: string, now: Date): Outcome<Date, ExpiryRefusal> {
  if (!isCalendarDate(date)) return { ok: false, refusals: ['expiry-invalid'] };
  const bounds = expiryBounds(now);
  if (date < bounds.min) return { ok: false, refusals: ['expiry-past'] };
  if (date > bounds.max) return { ok: false, refusals: ['expiry-too-far'] };
  return { ok: true, value: endOfDayInBrussels(date) };
}
