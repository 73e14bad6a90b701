// The de minimis ceiling. Commission Regulation (EU) 2023/2831, in force since 1 January 2024:
// - Art. 3(2): the de minimis aid granted per Member State to a single undertaking "shall not exceed
//   EUR 300 000 over any period of three years";
// - the recitals make the period rolling: for each new aid, the aid granted in the previous three years counts
//   (no longer three fiscal years, as under Regulation 1407/2013);
// - Art. 3(4): aid is granted when the legal right to receive it is conferred (the award decision, or the
//   agreement where that confers it), whatever the date of payment.
//
// The window ending on a day D is the three years up to and including D: from the day after the same date three
// years earlier. An aid awarded exactly three years before D (same day and month) has left it. A date the earlier
// year lacks (29 February) falls back to 28 February, so the window ending 29 February 2028 starts on 1 March 2025,
// and the window ending 28 February 2027 starts on 29 February 2024.
//
// The grants passed in are those of one enterprise number across the installation, with the aid the undertaking
// declared from other funders; grouping linked enterprises into one "single undertaking" (Art. 2(2)) is the
// officer's call, not this function's.

import { addDays, addMonths, type CalendarDate } from '../calendarDate.ts';
import type { Cents } from '../money.ts';

/** EUR 300 000 (Art. 3(2)). The ceiling for services of general economic interest (Regulation 2023/2832) is higher. */
export const DE_MINIMIS_CEILING_CENTS: Cents = 30_000_000;

export interface DeMinimisAid {
  /** The gross amount of the aid (for a grant: its amount as awarded or amended). */
  amountCents: Cents;
  /** The day the legal right to it was conferred. */
  awardedOn: CalendarDate;
}

/** The first and last day of the three-year window ending on `endsOn`, both included. */
export function deMinimisWindow(endsOn: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: addDays(addMonths(endsOn, -36), 1), to: endsOn };
}

/** The de minimis aid counted in the window ending on `endsOn`. */
export function deMinimisUsed(aids: readonly DeMinimisAid[], endsOn: CalendarDate): Cents {
  const { from, to } = deMinimisWindow(endsOn);
  return aids.filter((a) => a.awardedOn >= from && a.awardedOn <= to).reduce((s, a) => s + a.amountCents, 0);
}

export interface DeMinimisCheck {
  /** Aid already counted in the window ending on the proposed award date. */
  usedCents: Cents;
  /** What may still be granted on that date: the ceiling less what is used, never below 0. */
  headroomCents: Cents;
  /** True when the proposed aid would take the total above the ceiling (reaching it exactly is allowed). */
  exceeds: boolean;
  /** By how much it would; 0 when it fits. */
  excessCents: Cents;
}

/**
 * Whether `proposed` fits under the ceiling with the `aids` already granted: the window is the one ending on the
 * proposed award date, so aid awarded that same day counts.
 */
export function checkDeMinimis(
  aids: readonly DeMinimisAid[],
  proposed: DeMinimisAid,
  ceilingCents: Cents = DE_MINIMIS_CEILING_CENTS,
): DeMinimisCheck {
  const usedCents = deMinimisUsed(aids, proposed.awardedOn);
  const excessCents = Math.max(0, usedCents + proposed.amountCents - ceilingCents);
  return {
    usedCents,
    headroomCents: Math.max(0, ceilingCents - usedCents),
    exceeds: excessCents > 0,
    excessCents,
  };
}
