// What Brussels needs that the French standard does not have: the languages help is given in, and
// the labels a funder grants to places. They travel in extra columns of the standard's files.
// Keys are stored: never rename one.

import type { Code, CodeList, Labels } from './codelist.ts';

/** A language help is given in; `key` is its BCP 47 tag, `native` its own name, for people who read no other. */
export interface Language extends Code {
  readonly native: string;
}

const language = (key: string, native: string, label: Labels) => ({ key, standard: null, native, label });

/**
 * The two official languages and English first, then the languages most spoken by the people the
 * Brussels calls serve (newcomers, refugees, domestic helpers), then the two Belgian sign languages.
 */
export const LANGUAGES = [
  language('fr', 'Français', { fr: 'Français', nl: 'Frans', en: 'French' }),
  language('nl', 'Nederlands', { fr: 'Néerlandais', nl: 'Nederlands', en: 'Dutch' }),
  language('en', 'English', { fr: 'Anglais', nl: 'Engels', en: 'English' }),
  language('de', 'Deutsch', { fr: 'Allemand', nl: 'Duits', en: 'German' }),
  language('ar', 'العربية', { fr: 'Arabe', nl: 'Arabisch', en: 'Arabic' }),
  language('rif', 'Tarifit', { fr: 'Rifain (tarifit)', nl: 'Riffijns (Tarifit)', en: 'Riffian (Tarifit)' }),
  language('tr', 'Türkçe', { fr: 'Turc', nl: 'Turks', en: 'Turkish' }),
  language('es', 'Español', { fr: 'Espagnol', nl: 'Spaans', en: 'Spanish' }),
  language('it', 'Italiano', { fr: 'Italien', nl: 'Italiaans', en: 'Italian' }),
  language('pt', 'Português', { fr: 'Portugais', nl: 'Portugees', en: 'Portuguese' }),
  language('pl', 'Polski', { fr: 'Polonais', nl: 'Pools', en: 'Polish' }),
  language('ro', 'Română', { fr: 'Roumain', nl: 'Roemeens', en: 'Romanian' }),
  language('bg', 'Български', { fr: 'Bulgare', nl: 'Bulgaars', en: 'Bulgarian' }),
  language('sq', 'Shqip', { fr: 'Albanais', nl: 'Albanees', en: 'Albanian' }),
  language('ru', 'Русский', { fr: 'Russe', nl: 'Russisch', en: 'Russian' }),
  language('uk', 'Українська', { fr: 'Ukrainien', nl: 'Oekraïens', en: 'Ukrainian' }),
  language('fa', 'فارسی', { fr: 'Persan (dari, farsi)', nl: 'Perzisch (Dari, Farsi)', en: 'Persian (Dari, Farsi)' }),
  language('ps', 'پښتو', { fr: 'Pachto', nl: 'Pasjtoe', en: 'Pashto' }),
  language('so', 'Soomaali', { fr: 'Somali', nl: 'Somalisch', en: 'Somali' }),
  language('ti', 'ትግርኛ', { fr: 'Tigrigna', nl: 'Tigrinya', en: 'Tigrinya' }),
  language('ln', 'Lingála', { fr: 'Lingala', nl: 'Lingala', en: 'Lingala' }),
  language('sw', 'Kiswahili', { fr: 'Swahili', nl: 'Swahili', en: 'Swahili' }),
  language('sfb', 'LSFB', {
    fr: 'Langue des signes (LSFB)',
    nl: 'Franstalige Belgische Gebarentaal (LSFB)',
    en: 'French Belgian Sign Language (LSFB)',
  }),
  language('vgt', 'VGT', {
    fr: 'Langue des signes flamande (VGT)',
    nl: 'Vlaamse Gebarentaal (VGT)',
    en: 'Flemish Sign Language (VGT)',
  }),
] as const satisfies readonly Language[];
export type LanguageKey = (typeof LANGUAGES)[number]['key'];

/** Labels a funder grants to a place; the standard has no list for them, so they are Brussels additions. */
export const FUNDER_LABELS = [
  {
    key: 'public-digital-space',
    standard: null,
    label: {
      fr: 'Espace public numérique (EPN) reconnu par la Région',
      nl: 'Openbare computerruimte (OCR) erkend door het Gewest',
      en: 'Public digital space (EPN) approved by the Region',
    },
  },
  {
    key: 'public-digital-helper',
    standard: null,
    label: {
      fr: 'Permanence d’informaticien public',
      nl: 'Permanentie van een publieke informaticus',
      en: 'Drop-in with a public digital helper',
    },
  },
] as const satisfies CodeList<string>;
export type FunderLabelKey = (typeof FUNDER_LABELS)[number]['key'];
