// Finding help: a pure search over the directory's places. Filters keep the places that fit; the
// order is the resident's: nearest commune first (communeNeighbours.ts), then open now, then name.
// Opening hours are parsed once per distinct text when the list is built, and each schedule's "open
// now" is worked out once per search however many places share it, so a search over thousands of
// places stays cheap.

import type { Locale } from '../locale.ts';
import type { LanguageKey } from './brusselsCodelists.ts';
import { communeDistance } from './communeNeighbours.ts';
import type { PublicKey, ServiceKey, SupportKey } from './mediationCodelists.ts';
import { parseOpeningHours, type HoursOptions, type OpeningHours } from './openingHours.ts';
import { openingStatus, opensOnWeekends, type OpeningStatus } from './openingStatus.ts';
import type { Place } from './place.ts';

/** A place with its opening hours parsed, ready to be searched. Build with searchablePlaces. */
export interface SearchablePlace {
  place: Place;
  hours: OpeningHours | null;
}

export interface PlaceFilters {
  /** NIS code of the commune the resident starts from (communeFromQuery reads a postal code or a name). */
  commune?: string | null;
  /** Keep places at most this many borders away from `commune` (0: that commune only). */
  within?: number | null;
  /** Places offering any of these services. */
  services?: readonly ServiceKey[];
  /** Places specially for this public, or for everyone (a place with no public named is open to all). */
  public?: PublicKey | null;
  language?: LanguageKey | null;
  /** Places ready for all of these needs. */
  supports?: readonly SupportKey[];
  /** Free, or free in some cases. */
  free?: boolean;
  openNow?: boolean;
  weekends?: boolean;
  stepFree?: boolean;
}

export interface SearchHit {
  place: Place;
  /** Borders from the commune searched from; null when the search names no commune. */
  distance: number | null;
  /** Open or not at the instant of the search; null for a place without opening hours. */
  status: OpeningStatus | null;
}

/** The places with their hours parsed; places sharing the same hours share one parsed schedule. */
export function searchablePlaces(places: readonly Place[], options: HoursOptions = {}): SearchablePlace[] {
  const parsed = new Map<string, OpeningHours | null>();
  const hoursOf = (text: string) => {
    if (!parsed.has(text)) {
      const result = parseOpeningHours(text, options);
      parsed.set(text, result.ok ? result.hours : null);
    }
    return parsed.get(text) ?? null;
  };
  return places.map((place) => ({ place, hours: place.openingHours ? hoursOf(place.openingHours) : null }));
}

const FREE = new Set(['free', 'free-under-conditions']);
// Open first, then "ask before you come", then closed, then no hours given.
const STATE_RANK = { open: 0, unknown: 1, closed: 2 } as const;
const COLLATORS = new Map<Locale, Intl.Collator>();

function collator(locale: Locale): Intl.Collator {
  let c = COLLATORS.get(locale);
  if (!c) {
    c = new Intl.Collator(`${locale}-BE`, { sensitivity: 'base', numeric: true });
    COLLATORS.set(locale, c);
  }
  return c;
}

/** Memoises a function of a schedule for one search: many places share the same hours. */
function perSchedule<T>(compute: (hours: OpeningHours) => T): (hours: OpeningHours) => T {
  const results = new Map<OpeningHours, T>();
  return (hours) => {
    if (!results.has(hours)) results.set(hours, compute(hours));
    return results.get(hours) as T;
  };
}

function matches(place: Place, f: PlaceFilters): boolean {
  if (f.services?.length && !f.services.some((s) => place.services.includes(s))) return false;
  if (f.public && place.publics.length > 0 && !place.publics.includes(f.public)) return false;
  if (f.language && !place.languages.includes(f.language)) return false;
  if (f.supports?.length && !f.supports.every((s) => place.supports.includes(s))) return false;
  if (f.free && !place.fees.some((fee) => FREE.has(fee))) return false;
  if (f.stepFree && place.stepFree !== true) return false;
  return true;
}

/**
 * The places that fit the filters at the instant `now` (the server's clock), nearest commune
 * first, then open now, then by name in the reader's language.
 */
export function searchPlaces(
  places: readonly SearchablePlace[],
  filters: PlaceFilters,
  now: Date,
  locale: Locale,
): SearchHit[] {
  const statusOf = perSchedule((hours) => openingStatus(hours, now));
  const weekendsOf = perSchedule((hours) => opensOnWeekends(hours, now));
  const from = filters.commune ?? null;
  const within = filters.within ?? Infinity;
  const hits: SearchHit[] = [];
  for (const { place, hours } of places) {
    if (!matches(place, filters)) continue;
    const distance = from === null ? null : communeDistance(from, place.address.communeNis);
    if (distance !== null && distance > within) continue;
    if (filters.weekends && !(hours && weekendsOf(hours))) continue;
    const status = hours ? statusOf(hours) : null;
    if (filters.openNow && status?.state !== 'open') continue;
    hits.push({ place, distance, status });
  }
  const byName = collator(locale);
  const rank = (h: SearchHit) => (h.status ? STATE_RANK[h.status.state] : 3);
  return hits.sort(
    (a, b) => (a.distance ?? 0) - (b.distance ?? 0) || rank(a) - rank(b) || byName.compare(a.place.name, b.place.name),
  );
}
