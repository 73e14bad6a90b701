// The commune a resident means when they type where they live: a postal code ("1030"), the
// commune's name in French or Dutch in any case, with or without accents and hyphens ("sint gillis",
// "Molenbeek"), or its NIS code. Postal codes go through referenceData's table, whose note about
// the City of Brussels' streets in 1040 and 1050 applies here too.

import { COMMUNES, communeByNis, communeForPostalCode, type Commune } from '../referenceData.ts';

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Short and English names people use for a commune, besides its official French and Dutch names.
const ALIASES: readonly [string, string][] = [
  ['21004', 'Bruxelles-Ville'],
  ['21004', 'Brussel-Stad'],
  ['21004', 'City of Brussels'],
  ['21004', 'Brussels'],
  ['21004', 'Laeken'],
  ['21004', 'Laken'],
  ['21004', 'Haren'],
  ['21004', 'Neder-Over-Heembeek'],
  ['21012', 'Molenbeek'],
  ['21014', 'Saint-Josse'],
  ['21014', 'Sint-Joost'],
  ['21003', 'Berchem'],
];

const BY_NAME: ReadonlyMap<string, Commune> = new Map([
  ...COMMUNES.flatMap((c) => [c.fr, c.nl].map((name) => [normalise(name), c] as const)),
  ...ALIASES.map(([nis, name]) => [normalise(name), communeByNis(nis) as Commune] as const),
]);

export function communeFromQuery(query: string): Commune | undefined {
  const text = query.trim();
  if (/^\d{4}$/.test(text)) return communeForPostalCode(text);
  if (/^\d{5}$/.test(text)) return communeByNis(text);
  return BY_NAME.get(normalise(text));
}
