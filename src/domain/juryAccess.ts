/**
 * What a juror may see of an application. Only those assigned to it, never when in conflict of
 * interest with it (a conflict declared after assignment closes it too). Others' evaluations only
 * once their own is submitted, when the call says so — so nobody anchors on a colleague's scores.
 */
export function jurorMayOpen(input: { assigned: boolean; conflicted: boolean; jurorActive: boolean }): boolean {
  return input.jurorActive && input.assigned && !input.conflicted;
}

export function jurorMaySeeOthers(input: {
  mayOpen: boolean;
  hideOthersUntilSubmitted: boolean;
  ownSubmitted: boolean;
}): boolean {
  return input.mayOpen && (!input.hideOthersUntilSubmitted || input.ownSubmitted);
}
