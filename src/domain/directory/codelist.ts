// A codelist of the help directory: each entry has the key Octroi stores (stable, never renamed),
// the value the French digital-mediation standard writes for it (null for a Brussels addition the
// standard has no value for), and labels in the three languages, in plain words: the people the
// directory serves read them, so each label aims at a reading level a 12-year-old manages.

import type { Locale } from '../locale.ts';

/** A label in each of the platform's languages; all three are required for a codelist. */
export type Labels = { readonly fr: string; readonly nl: string; readonly en: string };

export interface Code<K extends string = string> {
  readonly key: K;
  /** The value of the standard's codelist ("Aide aux démarches administratives"), or null. */
  readonly standard: string | null;
  readonly label: Labels;
}

export type CodeList<K extends string> = readonly Code<K>[];

export function isKeyOf<K extends string>(list: CodeList<K>, key: unknown): key is K {
  return typeof key === 'string' && list.some((c) => c.key === key);
}

/** The entry whose standard value is `value` (compared exactly, as the standard's patterns do). */
export function codeForStandard<K extends string>(list: CodeList<K>, value: string): Code<K> | undefined {
  return list.find((c) => c.standard === value);
}

/** The standard's values for the given keys, in the codelist's order; Brussels additions are left out. */
export function standardValues<K extends string>(list: CodeList<K>, keys: readonly K[]): string[] {
  return list.filter((c) => keys.includes(c.key) && c.standard !== null).map((c) => c.standard as string);
}

/** Keys in the codelist's order, each once: how a place stores a multiple choice. */
export function inListOrder<K extends string>(list: CodeList<K>, keys: readonly K[]): K[] {
  return list.filter((c) => keys.includes(c.key)).map((c) => c.key);
}

export function labelOf<K extends string>(list: CodeList<K>, key: K, locale: Locale): string {
  const code = list.find((c) => c.key === key);
  if (!code) throw new RangeError(`unknown code ${key}`);
  return code.label[locale];
}
