// A place's row and the domain's Place, each way: the table keeps the standard's fields in columns
// (lists and texts in jsonb), the domain works on Place (src/domain/directory/place.ts).
import type { Place } from '../../domain/directory/place.ts';
import type { PlaceState } from '../../domain/directory/placeLifecycle.ts';
import type { directoryPlaces } from './schema.ts';

export type PlaceRow = typeof directoryPlaces.$inferSelect;

/** A place with what the directory adds to it: its owner, its state, its version. */
export interface StoredPlace {
  place: Place;
  funderId: string;
  organisationId: string | null;
  state: PlaceState;
  version: number;
  updatedAt: Date;
}

export function rowToPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    enterpriseNumber: row.enterpriseNumber,
    organisation: row.organisation,
    name: row.name,
    summary: row.summary,
    details: row.details ?? null,
    address: {
      street: row.street,
      complement: row.addressComplement,
      postalCode: row.postalCode,
      communeNis: row.communeNis,
    },
    coordinates: row.coordinates ?? null,
    phone: row.phone,
    emails: row.emails,
    websites: row.websites,
    bookingUrl: row.bookingUrl,
    accessibilityUrl: row.accessibilityUrl,
    openingHours: row.openingHours,
    services: row.services,
    publics: row.publics,
    supports: row.supports,
    fees: row.fees,
    accessModes: row.accessModes,
    helpModes: row.helpModes,
    mobility: row.mobility,
    languages: row.languages,
    stepFree: row.stepFree,
    typology: row.typology,
    nationalProgrammes: row.nationalProgrammes,
    trainingLabels: row.trainingLabels,
    otherLabels: row.otherLabels,
    funderLabels: row.funderLabels,
    grantReference: row.grantReference,
    source: row.source,
    checkedOn: row.checkedOn,
  };
}

export function toStored(row: PlaceRow): StoredPlace {
  return {
    place: rowToPlace(row),
    funderId: row.funderId,
    organisationId: row.organisationId,
    state: row.state,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The columns of a place's fields (owner, state and version are the caller's). */
export function placeColumns(place: Place) {
  const { address, ...rest } = place;
  return {
    ...rest,
    street: address.street,
    addressComplement: address.complement,
    postalCode: address.postalCode,
    communeNis: address.communeNis,
  } satisfies Partial<typeof directoryPlaces.$inferInsert>;
}
