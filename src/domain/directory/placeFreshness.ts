// A place nobody has checked for a year is flagged: hours, phone numbers and whole services change
// faster than that, and a resident who finds a closed door does not come back to the directory.

/** Whether a place checked on `checkedOn` needs checking on `today` (ISO calendar dates, Brussels). */
export function needsCheck(checkedOn: string, today: string): boolean {
  const [y, m, d] = checkedOn.split('-').map(Number) as [number, number, number];
  // A year later is the same day of the same month; 29 February becomes 1 March.
  const later = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  return today >= later;
}
