// A place of the residents' help directory: where someone can go (or call) to get digital help.
// Its fields are those of the French standard "lieux de médiation numérique" v1.0.2 under English
// names (standardRow.ts maps each to its column), plus what Brussels needs: the commune by its NIS
// code, languages, step-free access, the funder's labels and the grant that pays for it. Who owns a
// place and whether it is published belong to the feature, not here.

import type { FunderLabelKey, LanguageKey } from './brusselsCodelists.ts';
import type { NationalProgrammeKey, TrainingLabelKey } from './frenchProgrammes.ts';
import type {
  AccessModeKey,
  FeeKey,
  HelpModeKey,
  MobilityKey,
  PublicKey,
  ServiceKey,
  SupportKey,
} from './mediationCodelists.ts';

/** A text in the platform's languages; French is required, as in the standard. */
export type PlaceText = { fr: string; nl?: string; en?: string };

export interface PlaceAddress {
  /** Street and number, "Rue de la Senne 30" (`adresse`). */
  street: string;
  /** Floor, entrance, building (`complement_adresse`). */
  complement: string | null;
  /** Belgian postal code, 4 digits (`code_postal`). */
  postalCode: string;
  /** Statistics Belgium (NIS) code of one of the 19 communes, "21004" (extra column `code_nis`). */
  communeNis: string;
}

export interface Place {
  /** The standard's `id`: stable across imports and exports; the identity of the place. */
  id: string;
  /** Belgian enterprise number (BCE/KBO), 10 digits without dots: the standard's `pivot`. */
  enterpriseNumber: string;
  /** The organisation the place belongs to (`structure_parente`). */
  organisation: string | null;
  /** `nom`. */
  name: string;
  /** A short plain-language description, at most 280 characters per language (`presentation_resume`). */
  summary: PlaceText;
  /** `presentation_detail`. */
  details: PlaceText | null;
  address: PlaceAddress;
  /** WGS 84, as the standard's `latitude` and `longitude`. */
  coordinates: { latitude: number; longitude: number } | null;
  /** International form without spaces, "+3225550123" (`telephone`). */
  phone: string | null;
  /** `courriels`. */
  emails: string[];
  /** `site_web`. */
  websites: string[];
  /** Where to book online (`prise_rdv`). */
  bookingUrl: string | null;
  /** An accessibility sheet of the building (`fiche_acces_libre`). */
  accessibilityUrl: string | null;
  /** OpenStreetMap `opening_hours` syntax (`horaires`); openingHours.ts parses and explains it. */
  openingHours: string | null;
  /** At least one (`services`). */
  services: ServiceKey[];
  /** Empty: open to everyone (`publics_specifiquement_adresses`, plus Brussels publics). */
  publics: PublicKey[];
  /** `prise_en_charge_specifique`. */
  supports: SupportKey[];
  /** `frais_a_charge`. */
  fees: FeeKey[];
  /** `modalites_acces`. */
  accessModes: AccessModeKey[];
  /** `modalites_accompagnement`. */
  helpModes: HelpModeKey[];
  /** `itinerance`. */
  mobility: MobilityKey[];
  /** Languages help is given in; at least one (extra column `langues`). */
  languages: LanguageKey[];
  /** Whether a wheelchair gets in without a step; null when nobody checked (extra column `acces_sans_marche`). */
  stepFree: boolean | null;
  /** Types of structure from the data.inclusion vocabulary, kept as given (`typologie`). */
  typology: string[];
  /** `dispositif_programmes_nationaux`. */
  nationalProgrammes: NationalProgrammeKey[];
  /** `formations_labels`. */
  trainingLabels: TrainingLabelKey[];
  /** `autres_formations_labels`. */
  otherLabels: string | null;
  /** Labels a Brussels funder granted (extra column `labels_bruxelles`). */
  funderLabels: FunderLabelKey[];
  /** Reference of the grant that funds the place, "DIG-2026-0003" (extra column `subvention`). */
  grantReference: string | null;
  /** Who collected the data (`source`). */
  source: string | null;
  /** Calendar date the data was last checked, "2026-09-14" (`date_maj`). */
  checkedOn: string;
}
