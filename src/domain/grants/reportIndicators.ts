// The indicators a report collects, as data definitions: the call may use the default set for digital inclusion
// or its own. The default set counts the participants reached and breaks them down by target public, commune of
// residence, age band and gender, so that the impact pages can set them against the Brussels population; then
// sessions, hours of support, DigComp 2.2 areas worked on, devices lent or refurbished, and a narrative.
//
// Every breakdown is exclusive and complete: each participant is counted once, in one category, and each
// breakdown has a category for those the others do not fit ("not given", "outside Brussels", "another public"),
// so that every breakdown can honestly add up to the total (indicatorProblems checks it).

import { COMMUNES, type KeyedLabel } from '../referenceData.ts';
import type { Translated } from '../translated.ts';

export type IndicatorDefinition =
  | { id: string; kind: 'count'; label: Translated; required: boolean }
  /** A count split into categories that must add up to the count `of`. */
  | { id: string; kind: 'breakdown'; label: Translated; of: string; categories: readonly KeyedLabel[] }
  | { id: string; kind: 'digcomp-areas'; label: Translated }
  | { id: string; kind: 'narrative'; label: Translated; required: boolean; maxLength: number };

/** What a report holds per indicator id: a count, counts per category key, DigComp area ids, or a text. */
export type IndicatorValue = number | Readonly<Record<string, number>> | readonly string[] | string | null;
export type IndicatorValues = Readonly<Record<string, IndicatorValue | undefined>>;

const NOT_GIVEN: KeyedLabel = {
  key: 'not-given',
  label: { fr: 'Non communiqué', nl: 'Niet meegedeeld', en: 'Not given' },
};

/** Age bands of the Brussels figures on digital vulnerability (16–74), with the young and the old either side. */
export const AGE_BANDS: readonly KeyedLabel[] = [
  { key: 'under-16', label: { fr: 'Moins de 16 ans', nl: 'Jonger dan 16', en: 'Under 16' } },
  { key: '16-24', label: { fr: '16 à 24 ans', nl: '16 tot 24 jaar', en: '16 to 24' } },
  { key: '25-54', label: { fr: '25 à 54 ans', nl: '25 tot 54 jaar', en: '25 to 54' } },
  { key: '55-74', label: { fr: '55 à 74 ans', nl: '55 tot 74 jaar', en: '55 to 74' } },
  { key: '75-plus', label: { fr: '75 ans et plus', nl: '75 jaar en ouder', en: '75 and over' } },
  NOT_GIVEN,
];

export const GENDERS: readonly KeyedLabel[] = [
  { key: 'woman', label: { fr: 'Femme', nl: 'Vrouw', en: 'Woman' } },
  { key: 'man', label: { fr: 'Homme', nl: 'Man', en: 'Man' } },
  { key: 'other', label: { fr: 'Autre', nl: 'Andere', en: 'Other' } },
  NOT_GIVEN,
];

export const OUTSIDE_BRUSSELS = 'outside-brussels';

/** The 19 communes by NIS code, then "outside Brussels" and "not given" (a homeless participant may have none). */
export const RESIDENCE_CATEGORIES: readonly KeyedLabel[] = [
  ...COMMUNES.map((c) => ({ key: c.nis, label: { fr: c.fr, nl: c.nl, en: c.fr } })),
  { key: OUTSIDE_BRUSSELS, label: { fr: 'Hors Bruxelles', nl: 'Buiten Brussel', en: 'Outside Brussels' } },
  NOT_GIVEN,
];

const ANOTHER_PUBLIC: KeyedLabel = {
  key: 'other',
  label: { fr: 'Autre public', nl: 'Ander publiek', en: 'Another public' },
};

const label = (fr: string, nl: string, en: string): Translated => ({ fr, nl, en });

/**
 * The default indicators for digital inclusion. `targetPublics` are the call's publics; each participant is
 * counted under their main one, or under "another public".
 */
export function defaultIndicatorSet(targetPublics: readonly KeyedLabel[]): IndicatorDefinition[] {
  return [
    {
      id: 'participants',
      kind: 'count',
      required: true,
      label: label('Participants touchés', 'Bereikte deelnemers', 'Participants reached'),
    },
    {
      id: 'participants-by-public',
      kind: 'breakdown',
      of: 'participants',
      categories: [...targetPublics, ANOTHER_PUBLIC],
      label: label('Par public cible principal', 'Per voornaamste doelgroep', 'By main target public'),
    },
    {
      id: 'participants-by-commune',
      kind: 'breakdown',
      of: 'participants',
      categories: RESIDENCE_CATEGORIES,
      label: label('Par commune de résidence', 'Per woonplaats', 'By commune of residence'),
    },
    {
      id: 'participants-by-age',
      kind: 'breakdown',
      of: 'participants',
      categories: AGE_BANDS,
      label: label("Par tranche d'âge", 'Per leeftijdsgroep', 'By age band'),
    },
    {
      id: 'participants-by-gender',
      kind: 'breakdown',
      of: 'participants',
      categories: GENDERS,
      label: label('Par genre', 'Per gender', 'By gender'),
    },
    {
      id: 'sessions',
      kind: 'count',
      required: true,
      label: label('Séances organisées', 'Georganiseerde sessies', 'Sessions held'),
    },
    {
      id: 'support-hours',
      kind: 'count',
      required: true,
      label: label("Heures d'accompagnement", 'Uren begeleiding', 'Hours of support'),
    },
    {
      id: 'digcomp-areas',
      kind: 'digcomp-areas',
      label: label('Domaines DigComp 2.2 travaillés', 'Behandelde DigComp 2.2-domeinen', 'DigComp 2.2 areas worked on'),
    },
    {
      id: 'devices-lent',
      kind: 'count',
      required: false,
      label: label('Appareils prêtés', 'Uitgeleende toestellen', 'Devices lent'),
    },
    {
      id: 'devices-refurbished',
      kind: 'count',
      required: false,
      label: label('Appareils reconditionnés', 'Herstelde toestellen', 'Devices refurbished'),
    },
    {
      id: 'narrative',
      kind: 'narrative',
      required: true,
      maxLength: 10_000,
      label: label('Récit du projet', 'Verhaal van het project', 'Narrative'),
    },
  ];
}
