import { and, asc, count, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { parseOpeningHours, type OpeningHours } from '../../domain/directory/openingHours.ts';
import { openingStatus, type OpeningStatus } from '../../domain/directory/openingStatus.ts';
import type { Place } from '../../domain/directory/place.ts';
import { placesToCsv, placesToRows } from '../../domain/directory/placeExport.ts';
import { needsCheck } from '../../domain/directory/placeFreshness.ts';
import type { PlaceState } from '../../domain/directory/placeLifecycle.ts';
import { curatesDirectory, curatesSomeDirectory, type PlaceAction } from '../../domain/directory/placePolicy.ts';
import { DirectoryIndex, type PlaceFilters, type SearchHit } from '../../domain/directory/placeSearch.ts';
import { authorize } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translated } from '../../domain/translated.ts';
import { funders } from '../../platform/identity/schema.ts';
import { loadPlace, scopePlace, type ScopedPlace } from './access.ts';
import { createPlace } from './commands/createPlace.ts';
import { applyImport, computePreview, loadBatch, prepareImport } from './commands/importPlaces.ts';
import { markPlaceChecked } from './commands/markPlaceChecked.ts';
import { transitionPlace } from './commands/transitionPlace.ts';
import { updatePlace } from './commands/updatePlace.ts';
import type { DirectoryDeps } from './deps.ts';
import { rowToPlace, toStored, type StoredPlace } from './records.ts';
import { directoryPlaces } from './schema.ts';

export type { ScopedPlace } from './access.ts';
export type { DirectoryImportPreview, ImportBadRow } from './commands/importPlaces.ts';

/** Results shown per page of a search: enough to choose from, few enough for a page under 50 KB. */
export const RESULTS_PER_PAGE = 20;

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
}

export interface PublicPlace {
  scoped: ScopedPlace;
  hours: OpeningHours | null;
  status: OpeningStatus | null;
}

export interface PlaceListRow {
  scoped: ScopedPlace;
  funderName: Translated;
  /** Not checked for a year. */
  needsCheck: boolean;
}

/**
 * The residents' directory: the public search (over the published places, indexed in memory and
 * built again when a place changes), each place's page, the open data; the officers' review,
 * publication and imports; the organisations' own places. Every record read is scoped to its actor.
 */
export function directoryService(deps: DirectoryDeps) {
  const hoursOptions = { extraHolidays: deps.extraHolidays };
  let cached: { key: string; index: DirectoryIndex } | null = null;
  let files: { key: string; csv?: string; json?: string } | null = null;

  /** What changes whenever a place is written (any instance): the published count, all rows, the last change. */
  const directoryStamp = async (): Promise<string> => {
    const [stamp] = await deps.db
      .select({
        published: sql<number>`count(*) filter (where ${directoryPlaces.state} = 'published')`.mapWith(Number),
        all: count(),
        last: max(directoryPlaces.updatedAt),
      })
      .from(directoryPlaces);
    return `${stamp?.published}/${stamp?.all}/${stamp?.last?.toISOString() ?? ''}`;
  };

  /** The published places, ordered by id. */
  const publishedPlaces = async (): Promise<Place[]> => {
    const rows = await deps.db
      .select()
      .from(directoryPlaces)
      .where(eq(directoryPlaces.state, 'published'))
      .orderBy(asc(directoryPlaces.id));
    return rows.map(rowToPlace);
  };

  /** The index of published places; built again only when a place was written since (any instance). */
  const publishedIndex = async (): Promise<DirectoryIndex> => {
    const key = await directoryStamp();
    if (cached?.key === key) return cached.index;
    const index = new DirectoryIndex(await publishedPlaces(), hoursOptions);
    cached = { key, index };
    return index;
  };

  const scopedRows = async (actor: MaybeActor, where: SQL | undefined): Promise<StoredPlace[]> => {
    const rows = await deps.db.select().from(directoryPlaces).where(where).orderBy(asc(directoryPlaces.name));
    return rows.map(toStored);
  };

  const funderNames = async (): Promise<Map<string, Translated>> =>
    new Map((await deps.db.select({ id: funders.id, name: funders.name }).from(funders)).map((f) => [f.id, f.name]));

  return {
    createPlace: (input: Parameters<typeof createPlace>[1]) => createPlace(deps, input),
    updatePlace: (input: Parameters<typeof updatePlace>[1]) => updatePlace(deps, input),
    transitionPlace: (input: Parameters<typeof transitionPlace>[1]) => transitionPlace(deps, input),
    markPlaceChecked: (input: Parameters<typeof markPlaceChecked>[1]) => markPlaceChecked(deps, input),
    prepareImport: (input: Parameters<typeof prepareImport>[1]) => prepareImport(deps, input),
    applyImport: (input: Parameters<typeof applyImport>[1]) => applyImport(deps, input),

    /** The published places that fit, nearest commune first, one page of them. */
    async search(
      filters: PlaceFilters,
      locale: Locale,
      opts: { page?: number; now?: Date } = {},
    ): Promise<SearchResult> {
      const index = await publishedIndex();
      const all = index.search(filters, opts.now ?? new Date(), locale);
      const pages = Math.max(1, Math.ceil(all.length / RESULTS_PER_PAGE));
      const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
      return {
        hits: all.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE),
        total: all.length,
        page,
        pages,
      };
    },

    /** A place's public page (its owners and officers also see it before it is published). */
    async place(actor: MaybeActor, id: string, now = new Date()): Promise<PublicPlace> {
      const scoped = await loadPlace(deps.db, deps.membershipOf, actor, id);
      const text = scoped.record.place.openingHours;
      const parsed = text ? parseOpeningHours(text, hoursOptions) : null;
      const hours = parsed?.ok ? parsed.hours : null;
      return { scoped, hours, status: hours ? openingStatus(hours, now) : null };
    },

    /** A place for its editor or reviewer (`action` checked as the loader does). */
    load: (actor: MaybeActor, id: string, action: PlaceAction = 'manage') =>
      loadPlace(deps.db, deps.membershipOf, actor, id, { action }),

    /** Every published place, for the open data files. */
    openData: publishedPlaces,

    /** An open data file, written once per state of the directory (it is the same until a place changes). */
    async openDataFile(format: 'csv' | 'json'): Promise<string> {
      const key = await directoryStamp();
      if (files?.key !== key) files = { key };
      if (files[format] === undefined) {
        const places = await publishedPlaces();
        files[format] = format === 'csv' ? placesToCsv(places) : JSON.stringify(placesToRows(places));
      }
      return files[format];
    },

    /** The funders whose directory the actor curates. */
    async curatedFunders(actor: MaybeActor): Promise<{ id: string; name: Translated }[]> {
      authorize(actor, curatesSomeDirectory(actor), 'curate the directory');
      const all = await deps.db.select({ id: funders.id, name: funders.name }).from(funders).orderBy(asc(funders.slug));
      return all.filter((f) => curatesDirectory(actor, f.id));
    },

    /** The funders an organisation's member may ask to review a new place ("not found" for anyone else). */
    async reviewingFunders(actor: MaybeActor, organisationId: string): Promise<{ id: string; name: Translated }[]> {
      if (!(await deps.membershipOf(actor, organisationId))) throw new NotFoundError('organisation');
      return deps.db.select({ id: funders.id, name: funders.name }).from(funders).orderBy(asc(funders.slug));
    },

    /** The places of the funders the actor curates, in a state or all, each flagged when not checked for a year. */
    async curatedPlaces(actor: MaybeActor, opts: { state?: PlaceState; now?: Date } = {}): Promise<PlaceListRow[]> {
      authorize(actor, curatesSomeDirectory(actor), 'curate the directory');
      const today = instantToBrussels(opts.now ?? new Date()).date;
      const ids = actor.isPlatformAdmin
        ? null
        : actor.grants.filter((g) => curatesDirectory(actor, g.funderId)).map((g) => g.funderId);
      if (ids && !ids.length) return [];
      const rows = await scopedRows(
        actor,
        and(
          ids ? inArray(directoryPlaces.funderId, ids) : undefined,
          opts.state ? eq(directoryPlaces.state, opts.state) : undefined,
        ),
      );
      const names = await funderNames();
      return rows.map((stored) => ({
        scoped: scopePlace(actor, stored, null),
        funderName: names.get(stored.funderId) ?? { fr: '' },
        needsCheck: stored.state === 'published' && needsCheck(stored.place.checkedOn, today),
      }));
    },

    /** An organisation's places, for its members ("not found" for anyone else). */
    async organisationPlaces(actor: MaybeActor, organisationId: string): Promise<PlaceListRow[]> {
      const membership = await deps.membershipOf(actor, organisationId);
      if (!membership) throw new NotFoundError('organisation');
      const rows = await scopedRows(actor, eq(directoryPlaces.organisationId, organisationId));
      const names = await funderNames();
      return rows.map((stored) => ({
        scoped: scopePlace(actor, stored, membership),
        funderName: names.get(stored.funderId) ?? { fr: '' },
        needsCheck: false,
      }));
    },

    /** What applying an uploaded file would do now. */
    async importPreview(actor: MaybeActor, batchId: string) {
      const batch = await loadBatch(deps.db, actor, batchId);
      const preview = await computePreview(deps.db, batch);
      return { batch, preview };
    },
  };
}

export type DirectoryService = ReturnType<typeof directoryService>;
