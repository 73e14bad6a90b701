// Reference lists the forms and filters offer: the 19 Brussels communes, the five DigComp 2.2
// competence areas, and the default target publics and activity types a new call starts from (an
// officer may narrow them per call). Keys and codes here are stored in answers: never rename one.

import communesJson from '../../reference-data/brussels-communes.json' with { type: 'json' };
import digcompJson from '../../reference-data/digcomp-2.2.json' with { type: 'json' };
import type { Translated } from './translated.ts';

export interface Commune {
  /** Statistics Belgium (NIS/INS) code, e.g. "21015" for Schaerbeek: what answers store. */
  nis: string;
  fr: string;
  nl: string;
  postal: readonly string[];
}

export const COMMUNES: readonly Commune[] = Object.freeze(
  communesJson.map(({ nis, fr, nl, postal }) => Object.freeze({ nis, fr, nl, postal: Object.freeze([...postal]) })),
);

const BY_NIS = new Map(COMMUNES.map((c) => [c.nis, c]));
const BY_POSTAL = new Map(COMMUNES.flatMap((c) => c.postal.map((p) => [p, c] as const)));

export function communeByNis(nis: string): Commune | undefined {
  return BY_NIS.get(nis);
}

/**
 * The commune a postal code belongs to. Each code maps to one commune here; the reference file
 * notes that some streets of the City of Brussels use 1040 or 1050, which this gives as Etterbeek
 * and Ixelles: use it to suggest a commune, never to overrule what the applicant chose.
 */
export function communeForPostalCode(postalCode: string): Commune | undefined {
  return BY_POSTAL.get(postalCode.trim());
}

export interface KeyedLabel {
  key: string;
  label: Translated;
}

export interface DigCompArea {
  /** "1" … "5", as in DigComp 2.2: what answers store. */
  id: string;
  label: Translated;
}

const AREA_TRANSLATIONS: Record<string, { fr: string; nl: string }> = {
  '1': { fr: "Maîtrise de l'information et des données", nl: 'Informatie- en datageletterdheid' },
  '2': { fr: 'Communication et collaboration', nl: 'Communicatie en samenwerking' },
  '3': { fr: 'Création de contenu numérique', nl: 'Digitale contentcreatie' },
  '4': { fr: 'Sécurité', nl: 'Veiligheid' },
  '5': { fr: 'Résolution de problèmes', nl: 'Probleemoplossing' },
};

export const DIGCOMP_AREAS: readonly DigCompArea[] = Object.freeze(
  digcompJson.areas.map(({ id, en }) => {
    const t = AREA_TRANSLATIONS[id];
    if (!t) throw new Error(`DigComp area ${id} has no French and Dutch title`);
    return Object.freeze({ id, label: Object.freeze({ fr: t.fr, nl: t.nl, en }) });
  }),
);

const AREA_IDS = new Set(DIGCOMP_AREAS.map((a) => a.id));

export function isDigCompArea(id: string): boolean {
  return AREA_IDS.has(id);
}

function frozen(list: KeyedLabel[]): readonly KeyedLabel[] {
  return Object.freeze(list.map((x) => Object.freeze({ key: x.key, label: Object.freeze(x.label) })));
}

/** The publics a call may target. The last four come from the two seed calls' laureates. */
export const DEFAULT_TARGET_PUBLICS: readonly KeyedLabel[] = frozen([
  { key: 'job-seekers', label: { fr: "Demandeurs d'emploi", nl: 'Werkzoekenden', en: 'Job seekers' } },
  {
    key: 'young-15-25',
    label: { fr: 'Jeunes de 15 à 25 ans', nl: 'Jongeren van 15 tot 25 jaar', en: 'Young people aged 15 to 25' },
  },
  { key: 'seniors', label: { fr: 'Seniors', nl: 'Senioren', en: 'Older people' } },
  {
    key: 'persons-with-disabilities',
    label: {
      fr: 'Personnes en situation de handicap',
      nl: 'Personen met een handicap',
      en: 'Persons with disabilities',
    },
  },
  {
    key: 'precarious',
    label: {
      fr: 'Personnes en situation de précarité',
      nl: 'Mensen in een precaire situatie',
      en: 'People in precarious situations',
    },
  },
  { key: 'women', label: { fr: 'Femmes', nl: 'Vrouwen', en: 'Women' } },
  { key: 'newcomers', label: { fr: 'Primo-arrivants', nl: 'Nieuwkomers', en: 'Newcomers' } },
  { key: 'homeless', label: { fr: 'Personnes sans abri', nl: 'Daklozen', en: 'Homeless people' } },
  {
    key: 'refugees-and-migrants',
    label: { fr: 'Personnes réfugiées et migrantes', nl: 'Vluchtelingen en migranten', en: 'Refugees and migrants' },
  },
  {
    key: 'unaccompanied-minors',
    label: {
      fr: 'Mineurs étrangers non accompagnés',
      nl: 'Niet-begeleide minderjarige vreemdelingen',
      en: 'Unaccompanied minors',
    },
  },
  {
    key: 'domestic-helpers',
    label: { fr: 'Aides ménagères et aides ménagers', nl: 'Huishoudhulpen', en: 'Domestic helpers' },
  },
  {
    key: 'social-economy-staff',
    label: {
      fr: "Travailleurs et encadrants de l'économie sociale",
      nl: 'Werknemers en omkadering in de sociale economie',
      en: 'Social economy workers and supervisors',
    },
  },
  { key: 'general-public', label: { fr: 'Tout public', nl: 'Breed publiek', en: 'General public' } },
  {
    key: 'under-represented-in-tech',
    label: {
      fr: 'Publics sous-représentés dans le secteur technologique',
      nl: 'Ondervertegenwoordigde groepen in de techsector',
      en: 'Groups under-represented in tech',
    },
  },
  {
    key: 'workers-ending-insertion-contract',
    label: {
      fr: "Travailleurs en fin de contrat d'insertion",
      nl: 'Werknemers aan het einde van een inschakelingscontract',
      en: 'Workers ending an insertion contract',
    },
  },
  {
    key: 'social-assistance-recipients',
    label: { fr: 'Bénéficiaires du CPAS', nl: 'Cliënten van het OCMW', en: 'Social assistance recipients (CPAS/OCMW)' },
  },
]);

export const DEFAULT_ACTIVITY_TYPES: readonly KeyedLabel[] = frozen([
  {
    key: 'digital-basics-training',
    label: {
      fr: 'Formation aux compétences numériques de base',
      nl: 'Opleiding in digitale basisvaardigheden',
      en: 'Basic digital skills training',
    },
  },
  {
    key: 'vocational-digital-training',
    label: {
      fr: 'Formation professionnelle aux métiers du numérique',
      nl: 'Beroepsopleiding voor digitale beroepen',
      en: 'Vocational training for digital jobs',
    },
  },
  {
    key: 'individual-support',
    label: { fr: 'Accompagnement individuel', nl: 'Individuele begeleiding', en: 'One-to-one support' },
  },
  {
    key: 'public-digital-help-desk',
    label: { fr: "Permanence d'informaticien public", nl: 'Digitale permanentie', en: 'Public digital help desk' },
  },
  {
    key: 'home-support',
    label: { fr: 'Aide numérique à domicile', nl: 'Digitale hulp aan huis', en: 'Digital help at home' },
  },
  {
    key: 'equipment-access',
    label: {
      fr: "Accès à l'équipement (prêt, reconditionnement)",
      nl: 'Toegang tot apparatuur (uitlening, herstelling)',
      en: 'Access to equipment (loans, refurbishing)',
    },
  },
  {
    key: 'awareness-events',
    label: { fr: 'Actions de sensibilisation', nl: 'Sensibiliseringsacties', en: 'Awareness events' },
  },
  {
    key: 'train-the-trainers',
    label: { fr: 'Formation de formateurs', nl: 'Opleiding van opleiders', en: 'Train-the-trainers' },
  },
]);
