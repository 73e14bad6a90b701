// The guided path, for people who do not know the words of the directory: four short questions in
// plain language, each answer a picture and a few words, leading to the search filters. The
// questions and answers are data (the view draws each pictogram as a small inline SVG by its
// name); filtersFromAnswers is the only rule. Keys are in URLs: never rename one.

import { COMMUNES } from '../referenceData.ts';
import { LANGUAGES } from './brusselsCodelists.ts';
import type { Labels } from './codelist.ts';
import { communeFromQuery } from './communeLookup.ts';
import type { PlaceFilters } from './placeSearch.ts';

/** The pictograms the view knows how to draw. */
export type Pictogram =
  | 'phone'
  | 'form'
  | 'briefcase'
  | 'computer'
  | 'price-tag'
  | 'wifi'
  | 'question'
  | 'speech'
  | 'house'
  | 'eye'
  | 'ear'
  | 'book'
  | 'wheelchair';

export interface Answer {
  key: string;
  pictogram: Pictogram;
  label: Labels;
  /** A language's own name, shown beside the label for people who read no interface language. */
  native?: string;
  /** What choosing it adds to the search; nothing for "something else" or "I don't know". */
  filters: PlaceFilters;
}

export type QuestionKey = 'need' | 'language' | 'commune' | 'help';

export interface Question {
  key: QuestionKey;
  /** The start of a sentence the answer ends: "I want to…". */
  label: Labels;
  /** Whether several answers may be chosen. */
  multiple: boolean;
  answers: readonly Answer[];
}

const NEED: Question = {
  key: 'need',
  label: { fr: 'Je veux…', nl: 'Ik wil…', en: 'I want to…' },
  multiple: false,
  answers: [
    {
      key: 'phone',
      pictogram: 'phone',
      label: { fr: 'utiliser mon téléphone', nl: 'mijn gsm gebruiken', en: 'use my phone' },
      filters: { services: ['everyday-tools'] },
    },
    {
      key: 'procedure',
      pictogram: 'form',
      label: { fr: 'faire une démarche en ligne', nl: 'iets online regelen', en: 'fill in a form online' },
      filters: { services: ['admin-procedures'] },
    },
    {
      key: 'job',
      pictogram: 'briefcase',
      label: { fr: 'trouver du travail', nl: 'werk vinden', en: 'find a job' },
      filters: { services: ['job-search'] },
    },
    {
      key: 'computer',
      pictogram: 'computer',
      label: {
        fr: 'apprendre à utiliser un ordinateur',
        nl: 'leren werken met een computer',
        en: 'learn to use a computer',
      },
      filters: { services: ['everyday-tools', 'understanding-digital'] },
    },
    {
      key: 'device',
      pictogram: 'price-tag',
      label: {
        fr: 'avoir un ordinateur ou un téléphone',
        nl: 'een computer of gsm krijgen',
        en: 'get a computer or phone',
      },
      filters: { services: ['low-cost-devices'] },
    },
    {
      key: 'internet',
      pictogram: 'wifi',
      label: { fr: 'aller sur internet', nl: 'op het internet gaan', en: 'go on the internet' },
      filters: { services: ['internet-access'] },
    },
    {
      key: 'other',
      pictogram: 'question',
      label: { fr: 'autre chose', nl: 'iets anders', en: 'something else' },
      filters: {},
    },
  ],
};

const LANGUAGE: Question = {
  key: 'language',
  label: { fr: 'Je parle…', nl: 'Ik spreek…', en: 'I speak…' },
  multiple: false,
  answers: [
    ...LANGUAGES.map((l) => ({
      key: l.key,
      pictogram: 'speech' as const,
      label: l.label,
      native: l.native,
      filters: { language: l.key },
    })),
    {
      key: 'other',
      pictogram: 'speech',
      label: { fr: 'une autre langue', nl: 'een andere taal', en: 'another language' },
      filters: {},
    },
  ],
};

const COMMUNE: Question = {
  key: 'commune',
  label: { fr: 'J’habite à…', nl: 'Ik woon in…', en: 'I live in…' },
  multiple: false,
  answers: [
    ...COMMUNES.map((c) => ({
      key: c.nis,
      pictogram: 'house' as const,
      label: { fr: c.fr, nl: c.nl, en: c.fr },
      filters: { commune: c.nis },
    })),
    {
      key: 'other',
      pictogram: 'question',
      label: { fr: 'je ne sais pas', nl: 'ik weet het niet', en: 'I don’t know' },
      filters: {},
    },
  ],
};

const HELP: Question = {
  key: 'help',
  label: { fr: 'J’ai besoin d’aide pour…', nl: 'Ik heb hulp nodig bij…', en: 'I need help with…' },
  multiple: true,
  answers: [
    {
      key: 'seeing',
      pictogram: 'eye',
      label: { fr: 'voir', nl: 'zien', en: 'seeing' },
      filters: { supports: ['visual-impairment'] },
    },
    {
      key: 'hearing',
      pictogram: 'ear',
      label: { fr: 'entendre', nl: 'horen', en: 'hearing' },
      filters: { supports: ['deafness'] },
    },
    {
      key: 'reading',
      pictogram: 'book',
      label: { fr: 'lire et écrire', nl: 'lezen en schrijven', en: 'reading and writing' },
      filters: { supports: ['illiteracy'] },
    },
    {
      key: 'moving',
      pictogram: 'wheelchair',
      label: { fr: 'entrer sans marche', nl: 'binnenkomen zonder trappen', en: 'getting in without steps' },
      filters: { stepFree: true },
    },
  ],
};

/** The questions, in the order they are asked. */
export const GUIDED_PATH: readonly Question[] = [NEED, LANGUAGE, COMMUNE, HELP];

/** What the resident chose, as a form sends it: one answer key per question, several for `help`. */
export type Answers = Partial<Record<QuestionKey, string | readonly string[]>>;

/**
 * The search filters for the answers. An answer no question has is left out rather than refused:
 * an old bookmarked link still leads somewhere. For `commune`, a postal code or a commune's name
 * typed instead of chosen is understood too.
 */
export function filtersFromAnswers(answers: Answers): PlaceFilters {
  const filters: PlaceFilters = {};
  for (const question of GUIDED_PATH) {
    const given = answers[question.key];
    const keys = (typeof given === 'string' ? [given] : (given ?? [])).slice(0, question.multiple ? undefined : 1);
    for (const key of keys) {
      const answer = question.answers.find((a) => a.key === key);
      const typedCommune = question.key === 'commune' && !answer ? communeFromQuery(key) : undefined;
      const add = answer?.filters ?? (typedCommune ? { commune: typedCommune.nis } : {});
      // Needs add up ("seeing" and "hearing"); every other filter is set once.
      const supports = [...(filters.supports ?? []), ...(add.supports ?? [])];
      Object.assign(filters, add, supports.length ? { supports } : {});
    }
  }
  return filters;
}
