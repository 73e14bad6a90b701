// Counts of people shown to the public are suppressed when small, so that no one can be singled out: a cell of
// 1 to 4 people reads "< 5". Zero stays 0 (it names no one). A breakdown that shows its total must not let a
// reader find a hidden cell by subtraction: when exactly one cell of a breakdown is hidden, the smallest other
// non-zero cell is withheld too (complementary suppression), so the hidden cells add up to a sum no one can split.
// A withheld cell is not small and must not claim to be: it reads as withheld, not "< 5".

export const SUPPRESSION_THRESHOLD = 5;

/** A count as a page may show it: the number, or only that it is under the threshold, or nothing of it. */
export type ShownCount =
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'fewer-than'; readonly limit: number }
  /** Hidden although not small, so that a small cell cannot be found by subtraction: it says nothing of its size. */
  | { readonly kind: 'withheld' };

const shown = (value: number): ShownCount => ({ kind: 'count', value });
const hidden: ShownCount = { kind: 'fewer-than', limit: SUPPRESSION_THRESHOLD };
const withheld: ShownCount = { kind: 'withheld' };

/** Whether a count must be hidden on its own: 1 to 4 people. */
export function isSmall(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

/** One count on its own (a total, a figure outside any breakdown). */
export function suppressCount(count: number): ShownCount {
  return isSmall(count) ? hidden : shown(count);
}

export interface Cell {
  readonly key: string;
  readonly count: number;
}

export interface ShownCell {
  readonly key: string;
  readonly shown: ShownCount;
}

/**
 * A breakdown's cells as the public sees them, in the order given, with its total. Small cells are hidden; when
 * one cell alone is hidden and the total is shown, the smallest other non-zero cell is hidden with it.
 */
export function suppressBreakdown(cells: readonly Cell[], total: number): { cells: ShownCell[]; total: ShownCount } {
  const small = new Set(cells.filter((c) => isSmall(c.count)).map((c) => c.key));
  const totalShown = suppressCount(total);
  let partner: Cell | null = null;
  if (small.size === 1 && totalShown.kind === 'count') {
    partner = cells
      .filter((c) => c.count > 0 && !small.has(c.key))
      .reduce<Cell | null>((least, c) => (least === null || c.count < least.count ? c : least), null);
  }
  return {
    cells: cells.map((c) => ({
      key: c.key,
      shown: small.has(c.key) ? hidden : c.key === partner?.key ? withheld : shown(c.count),
    })),
    total: totalShown,
  };
}

/** The figure a page or a CSV file writes: the number, "< 5", or the word for a withheld cell. */
export function shownText(count: ShownCount, format: (n: number) => string = String, withheldText = '…'): string {
  return count.kind === 'count' ? format(count.value) : count.kind === 'fewer-than' ? `< ${count.limit}` : withheldText;
}

/** Whether a count is not shown as itself. */
export function isHidden(count: ShownCount): boolean {
  return count.kind !== 'count';
}
