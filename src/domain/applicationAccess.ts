import type { ApplicationStatus } from './applicationLifecycle.ts';
import type { Membership } from './organisationAccess.ts';

/**
 * Who sees an application. Its organisation's members always do. The funder's officers see it once
 * it has been submitted: a draft is the applicant's own workspace. Nobody else does — not the
 * public, not jurors (they are given assigned applications by the jury capability).
 */
export type ApplicationViewer = 'member' | 'officer' | null;

export function applicationViewer(input: {
  membership: Membership;
  managesCall: boolean;
  status: ApplicationStatus;
  everSubmitted: boolean;
}): ApplicationViewer {
  if (input.membership) return 'member';
  if (input.managesCall && (input.status !== 'draft' || input.everSubmitted)) return 'officer';
  return null;
}
