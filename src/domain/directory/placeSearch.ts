// Finding help: a search over the directory's places. Filters keep the places that fit; the order
// is the resident's: nearest commune first (communeNeighbours.ts), then open now, then name.
//
// The places are indexed once, when the list changes: opening hours parsed once per distinct text,
// names put in each language's alphabetical order. A search then only filters and sorts. "Open
// now" is worked out once per schedule, not per place, and kept until the schedule next changes
// (its state or its comment) or for an hour at most, so a search at 10:31 reuses what one at 10:30
// found, and says the same as working it out again would (only a reopening more than a month
// away, beyond the status's horizon, may be named up to an hour after it comes into view).

import { instantToBrussels } from '../brusselsTime.ts';
import { LOCALES, type Locale } from '../locale.ts';
import type { LanguageKey } from './brusselsCodelists.ts';
import { communeDistance } from './communeNeighbours.ts';
import type { PublicKey, ServiceKey, SupportKey } from './mediationCodelists.ts';
import { parseOpeningHours, type HoursOptions, type OpeningHours } from './openingHours.ts';
import { openingStatus, opensOnWeekends, type OpeningStatus } from './openingStatus.ts';
import type { Place } from './place.ts';

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

interface Entry {
  place: Place;
  hours: OpeningHours | null;
  /** The place's position in the alphabetical order of names, per language. */
  nameOrder: Record<Locale, number>;
}

const FREE = new Set(['free', 'free-under-conditions']);
// Open first, then "ask before you come", then closed, then no hours given.
const STATE_RANK = { open: 0, unknown: 1, closed: 2 } as const;
const HOUR = 60 * 60 * 1000;

function matches(place: Place, f: PlaceFilters): boolean {
  if (f.services?.length && !f.services.some((s) => place.services.includes(s))) return false;
  if (f.public && place.publics.length > 0 && !place.publics.includes(f.public)) return false;
  if (f.language && !place.languages.includes(f.language)) return false;
  if (f.supports?.length && !f.supports.every((s) => place.supports.includes(s))) return false;
  if (f.free && !place.fees.some((fee) => FREE.has(fee))) return false;
  if (f.stepFree && place.stepFree !== true) return false;
  return true;
}

/** The directory's places, ready to search. Build one when the list of places changes. */
export class DirectoryIndex {
  private readonly entries: readonly Entry[];
  private readonly statuses = new Map<OpeningHours, { status: OpeningStatus; from: number; until: number }>();
  private readonly weekends = new Map<OpeningHours, { date: string; opens: boolean }>();

  /** `options` says which Brussels days count as public holidays. */
  constructor(places: readonly Place[], options: HoursOptions = {}) {
    const parsed = new Map<string, OpeningHours | null>();
    const hoursOf = (text: string | null) => {
      if (text === null) return null;
      if (!parsed.has(text)) {
        const result = parseOpeningHours(text, options);
        parsed.set(text, result.ok ? result.hours : null);
      }
      return parsed.get(text) ?? null;
    };
    const order = Object.fromEntries(
      LOCALES.map((locale) => {
        const byName = new Intl.Collator(`${locale}-BE`, { sensitivity: 'base', numeric: true });
        const sorted = places.map((p, i) => ({ name: p.name, i })).sort((a, b) => byName.compare(a.name, b.name));
        const position = new Array<number>(places.length);
        sorted.forEach(({ i }, rank) => (position[i] = rank));
        return [locale, position];
      }),
    ) as Record<Locale, number[]>;
    this.entries = places.map((place, i) => ({
      place,
      hours: hoursOf(place.openingHours),
      nameOrder: { fr: order.fr[i] ?? 0, nl: order.nl[i] ?? 0, en: order.en[i] ?? 0 },
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The parsed hours of the place at `index` in the list given: places with the same hours share them. */
  hoursAt(index: number): OpeningHours | null {
    return this.entries[index]?.hours ?? null;
  }

  private statusOf(hours: OpeningHours, now: Date): OpeningStatus {
    const t = now.getTime();
    const known = this.statuses.get(hours);
    if (known && known.from <= t && t < known.until) return known.status;
    const status = openingStatus(hours, now);
    // Hours that do not change within the horizon are looked at again an hour later.
    const until = hours.sameUntil(now, new Date(t + HOUR))?.getTime() ?? t + HOUR;
    this.statuses.set(hours, { status, from: t, until });
    return status;
  }

  /** `date` is the Brussels date of `now`, worked out once per search. */
  private opensOnWeekendsOf(hours: OpeningHours, now: Date, date: string): boolean {
    const known = this.weekends.get(hours);
    if (known?.date === date) return known.opens;
    const opens = opensOnWeekends(hours, now);
    this.weekends.set(hours, { date, opens });
    return opens;
  }

  /**
   * The places that fit the filters at the instant `now` (the server's clock), nearest commune
   * first, then open now, then by name in the reader's language.
   */
  search(filters: PlaceFilters, now: Date, locale: Locale): SearchHit[] {
    const from = filters.commune ?? null;
    const within = filters.within ?? Infinity;
    const today = filters.weekends ? instantToBrussels(now).date : '';
    const found: { hit: SearchHit; rank: number; name: number }[] = [];
    for (const { place, hours, nameOrder } of this.entries) {
      if (!matches(place, filters)) continue;
      const distance = from === null ? null : communeDistance(from, place.address.communeNis);
      if (distance !== null && distance > within) continue;
      if (filters.weekends && !(hours && this.opensOnWeekendsOf(hours, now, today))) continue;
      const status = hours ? this.statusOf(hours, now) : null;
      if (filters.openNow && status?.state !== 'open') continue;
      const rank = status ? STATE_RANK[status.state] : 3;
      found.push({ hit: { place, distance, status }, rank, name: nameOrder[locale] });
    }
    found.sort((a, b) => (a.hit.distance ?? 0) - (b.hit.distance ?? 0) || a.rank - b.rank || a.name - b.name);
    return found.map((f) => f.hit);
  }
}
