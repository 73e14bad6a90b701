// The versions of a grant agreement. Version 1 is the agreement itself; each later version is an amendment
// (an extension without cost, a budget revision between lines, a new amount) with its reason. Every version
// goes the same way: drafted by an officer, sent, accepted by the grantee (online, or a signed copy uploaded),
// countersigned by an officer. The countersigned version binds; the one it replaces is superseded. One version at
// a time is in progress, so that the grantee never has two texts to choose between.

import type { CalendarDate } from '../calendarDate.ts';
import { lifecycle } from '../lifecycleTable.ts';
import type { Cents } from '../money.ts';
import type { GrantStatus } from './grantLifecycle.ts';

export const AGREEMENT_VERSION_STATUSES = [
  'draft',
  'sent',
  'accepted', // by the grantee
  'countersigned', // by an officer: this version binds
  'declined', // by the grantee
  'withdrawn', // by an officer, before it bound (a correction, or an amendment given up)
  'superseded', // a later version was countersigned
] as const;
export type AgreementVersionStatus = (typeof AGREEMENT_VERSION_STATUSES)[number];

export const AGREEMENT_VERSION_EVENTS = ['send', 'accept', 'decline', 'countersign', 'withdraw', 'supersede'] as const;
export type AgreementVersionEvent = (typeof AGREEMENT_VERSION_EVENTS)[number];

/** What the agreement rules read of a version. */
export interface AgreementVersion {
  /** 1 for the agreement, 2… for its amendments. */
  number: number;
  status: AgreementVersionStatus;
  amountCents: Cents;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  /** Why this amendment; null for version 1. */
  reason: string | null;
  /** SHA-256 of the PDF that is sent, accepted and countersigned; null until it is generated. */
  documentSha256: string | null;
}

export type AgreementVersionRefusal = 'no-document' | 'amendment-without-reason';

// A version is sent with its PDF, so that what the grantee accepts is one fixed document (its SHA-256 is
// recorded at acceptance); an amendment says why it exists.
function sendGuard(v: AgreementVersion): AgreementVersionRefusal | null {
  if (!v.documentSha256) return 'no-document';
  if (v.number > 1 && !v.reason?.trim()) return 'amendment-without-reason';
  return null;
}

/** The version's own lifecycle; the guards read the version itself. */
export const agreementVersionLifecycle = lifecycle<
  AgreementVersionStatus,
  AgreementVersionEvent,
  AgreementVersion,
  AgreementVersionRefusal
>(AGREEMENT_VERSION_STATUSES, AGREEMENT_VERSION_EVENTS, [
  { event: 'send', from: ['draft'], to: 'sent', guard: sendGuard },
  { event: 'accept', from: ['sent'], to: 'accepted' },
  { event: 'decline', from: ['sent'], to: 'declined' },
  { event: 'countersign', from: ['accepted'], to: 'countersigned' },
  { event: 'withdraw', from: ['draft', 'sent', 'accepted'], to: 'withdrawn' },
  { event: 'supersede', from: ['countersigned'], to: 'superseded' },
]);

const IN_PROGRESS: readonly AgreementVersionStatus[] = ['draft', 'sent', 'accepted'];
const AMENDABLE: readonly GrantStatus[] = ['countersigned', 'active', 'suspended'];

/** The version that binds: the countersigned one (there is at most one), null before the first countersignature. */
export function bindingVersion(versions: readonly AgreementVersion[]): AgreementVersion | null {
  return versions.find((v) => v.status === 'countersigned') ?? null;
}

/** The version being drafted, sent or accepted, if any (there is at most one). */
export function pendingVersion(versions: readonly AgreementVersion[]): AgreementVersion | null {
  return versions.find((v) => IN_PROGRESS.includes(v.status)) ?? null;
}

/** The number the next version takes. */
export function nextVersionNumber(versions: readonly AgreementVersion[]): number {
  return versions.reduce((n, v) => Math.max(n, v.number), 0) + 1;
}

export type AmendmentProblem = 'not-binding-yet' | 'amendment-in-progress' | 'grant-ended';

/**
 * Why an amendment cannot be started now; empty when it can. An amendment changes a binding agreement, so the
 * grant must have one and still be running (countersigned, active or suspended), and no other version may be in
 * progress.
 */
export function amendmentProblems(grantStatus: GrantStatus, versions: readonly AgreementVersion[]): AmendmentProblem[] {
  const problems: AmendmentProblem[] = [];
  if (!bindingVersion(versions)) problems.push('not-binding-yet');
  else if (!AMENDABLE.includes(grantStatus)) problems.push('grant-ended');
  if (pendingVersion(versions)) problems.push('amendment-in-progress');
  return problems;
}
