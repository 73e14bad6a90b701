// What one application may receive: the fundable amount (its request, capped at the grant maximum)
// and the least a partial grant may be. Computed with integers only: a floor of 0.8 × 5,690,400
// cents must be 4,552,320 exactly, which 0.8 * 5690400 in floating point does not promise.
import type { Cents } from '../money.ts';
import type { GrantRange } from './types.ts';

/** A decimal share as an exact fraction, read from the shortest text that round-trips the number. */
export type Fraction = { num: bigint; den: bigint };

export function toFraction(x: number): Fraction {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`Not a non-negative finite number: ${x}`);
  // String(x) is the shortest decimal that reads back as x, i.e. what the person typed ("0.8"),
  // possibly in exponent form for very small or large values ("1e-7").
  const [mantissa = '0', exponent = '0'] = String(x).toLowerCase().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  let num = BigInt(int + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exponent);
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return { num, den };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * The bounds of one application's grant under the call's range:
 * - `full`: the request, capped at grant.max (a request above the maximum is funded at most at the
 *   maximum, and a warning says so, rather than being dropped: the jury scored the project);
 * - `lo`: the least it may receive, equal to `full` without partial funding, otherwise
 *   ⌈partialFloor × full⌉ and never under grant.min;
 * - `fundable`: false when even `full` is under grant.min (it cannot be funded within the range).
 */
export type AmountBounds = { full: Cents; lo: Cents; fundable: boolean; capped: boolean };

export function amountBounds(requested: Cents, grant: GrantRange, floor: Fraction | null): AmountBounds {
  const max = grant.max ?? Infinity;
  const min = grant.min ?? 0;
  const full = Math.min(requested, max);
  const capped = requested > max;
  if (full < min) return { full, lo: full, fundable: false, capped };
  if (floor === null) return { full, lo: full, fundable: true, capped };
  return { full, lo: Math.min(full, Math.max(floorShare(full, floor), min)), fundable: true, capped };
}

/** ⌈floor × full⌉, the least a partial grant may be before grant.min is considered. */
export function floorShare(full: Cents, floor: Fraction): Cents {
  return Number(ceilDiv(BigInt(full) * floor.num, floor.den));
}

export function partialFloorOf(grant: GrantRange): Fraction | null {
  return grant.partialFloor === undefined || grant.partialFloor === null ? null : toFraction(grant.partialFloor);
}
