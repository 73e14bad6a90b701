// How well a juror's expertise fits an application, as a number in [0, 1]: what the automatic
// assignment maximises (summed over the pairs it makes).
//
// Four dimensions, each scored in [0, 1]:
//   target publics   the share of the application's publics the juror knows           weight 0.35
//   DigComp areas    the share of the application's DigComp areas the juror knows     weight 0.25
//   activity types   the share of the application's activity types the juror knows    weight 0.15
//   language         1 if the juror reads the application's language, else 0          weight 0.25
// Publics weigh most: knowing the people a project serves (newcomers, seniors, homeless people) is
// what a jury is chosen for. Language comes next: a juror who cannot read the application scores
// it badly whatever they know. Activity types weigh least because few forms ask for them.
//
// A dimension the application says nothing about (no DigComp field, no known language…) is left
// out and the remaining weights are scaled back to a sum of 1, so an application is not penalised
// for a question its form never asked, and affinity stays comparable between applications.
// Shares are of the application's items, not the juror's: a broad expert is not diluted.
import type { Answers, FormDefinition } from './forms/definition.ts';
import { allFields } from './forms/definition.ts';
import type { Locale } from './locale.ts';
import { isDigCompArea } from './referenceData.ts';

export const AFFINITY_WEIGHTS = {
  targetPublics: 0.35,
  digcompAreas: 0.25,
  activityTypes: 0.15,
  language: 0.25,
} as const;

/** What a juror declared they know. */
export interface ExpertiseProfile {
  readonly targetPublics: readonly string[];
  readonly activityTypes: readonly string[];
  readonly digcompAreas: readonly string[];
  readonly languages: readonly Locale[];
}

/** What an application is about, as far as matching jurors goes. */
export interface ApplicationProfile {
  readonly targetPublics: readonly string[];
  readonly activityTypes: readonly string[];
  readonly digcompAreas: readonly string[];
  /** The language it is written in (its submitting member's), or null if unknown. */
  readonly language: Locale | null;
}

/** The juror's affinity with the application, in [0, 1]; 0 when the application gives nothing to match. */
export function affinity(expertise: ExpertiseProfile, application: ApplicationProfile): number {
  let weighted = 0;
  let weights = 0;
  const share = (weight: number, wanted: readonly string[], known: readonly string[]) => {
    const distinct = new Set(wanted);
    if (distinct.size === 0) return;
    const knownSet = new Set(known);
    let covered = 0;
    for (const item of distinct) if (knownSet.has(item)) covered++;
    weighted += weight * (covered / distinct.size);
    weights += weight;
  };
  share(AFFINITY_WEIGHTS.targetPublics, application.targetPublics, expertise.targetPublics);
  share(AFFINITY_WEIGHTS.digcompAreas, application.digcompAreas, expertise.digcompAreas);
  share(AFFINITY_WEIGHTS.activityTypes, application.activityTypes, expertise.activityTypes);
  if (application.language) {
    weighted += expertise.languages.includes(application.language) ? AFFINITY_WEIGHTS.language : 0;
    weights += AFFINITY_WEIGHTS.language;
  }
  if (weights === 0) return 0;
  return Math.min(1, Math.max(0, weighted / weights));
}

/** Affinity as stored and shown: thousandths, an integer. */
export function toMilli(value: number): number {
  return Math.round(value * 1000);
}

/** The DigComp areas an application works on: the answers of its form's DigComp fields. */
export function digcompAreasIn(form: FormDefinition, answers: Answers): string[] {
  const areas = new Set<string>();
  for (const field of allFields(form)) {
    if (field.type !== 'digcomp-areas') continue;
    const value = answers[field.id];
    if (Array.isArray(value)) for (const area of value) if (isDigCompArea(area)) areas.add(area);
  }
  return [...areas].sort();
}

/**
 * The activity types an application declares, if its form asks: any single- or multiple-choice
 * answer whose value is one of the call's activity-type keys (forms have no dedicated field type).
 */
export function activityTypesIn(form: FormDefinition, answers: Answers, activityTypeKeys: readonly string[]): string[] {
  const keys = new Set(activityTypeKeys);
  const found = new Set<string>();
  for (const field of allFields(form)) {
    if (field.type !== 'single-choice' && field.type !== 'multi-choice') continue;
    const value = answers[field.id];
    const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const v of values) if (keys.has(v)) found.add(v);
  }
  return [...found].sort();
}
