// Who may do what with a grant and with a payment batch, and when (src/domain/policy.ts gives the shape).
// A grant is known to two parties: the members of the funded organisation (they read and accept its agreement)
// and the officers of the funder whose call awarded it (they send, countersign and pay). Anyone else, a juror
// of the same funder included, is told it does not exist.
import { canManageCalls, type MaybeActor } from './access.ts';
import type { AgreementVersionStatus } from './grants/agreementVersions.ts';
import { PAYABLE_GRANT_STATUSES, type GrantStatus } from './grants/grantLifecycle.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

export type GrantRelation = 'officer' | 'member';

export interface GrantSubject {
  funderId: string;
  status: GrantStatus;
  /** The status of the agreement version in progress or binding, null before the first is sent. */
  agreement: AgreementVersionStatus | null;
}

/**
 * How a person stands to a grant: an officer (or administrator) of the funder first, then a member of the
 * organisation (`isMember`, from the organisation's membership), else nothing.
 */
export function grantRelation(
  actor: MaybeActor,
  grant: Pick<GrantSubject, 'funderId'>,
  isMember: boolean,
): GrantRelation | null {
  if (canManageCalls(actor, grant.funderId)) return 'officer';
  if (actor && isMember) return 'member';
  return null;
}

const BOTH: readonly GrantRelation[] = ['officer', 'member'];
const OFFICERS: readonly GrantRelation[] = ['officer'];
const MEMBERS: readonly GrantRelation[] = ['member'];
const hasDocument = (g: GrantSubject) => g.agreement !== null && g.agreement !== 'draft';
/** A version waits for the grantee: the agreement itself (agreement sent) or an amendment of a running grant. */
const awaitingGrantee = (g: GrantSubject) => g.agreement === 'sent';
const AMENDABLE: readonly GrantStatus[] = ['countersigned', 'active', 'suspended'];
/** The statuses in which money paid may be claimed back (grantLifecycle's recover, and further claims after). */
const RECOVERABLE: readonly GrantStatus[] = ['active', 'final-report-approved', 'suspended', 'recovered'];

export const GRANT_POLICY = {
  see: { who: BOTH },
  /** The officers' page of the grant, read-only when nothing can be done. */
  manage: { who: OFFICERS },
  /** The agreement's PDF, once it was sent. */
  readAgreement: { who: BOTH, when: hasDocument },
  /** Generate the agreement and send it to the grantee. */
  sendAgreement: { who: OFFICERS, when: (g: GrantSubject) => g.status === 'offered' },
  /** Accept the agreement online: the organisation's members only, never an officer on their behalf. */
  /** The agreement (agreement sent) or an amendment waiting for the grantee. */
  accept: { who: MEMBERS, when: awaitingGrantee },
  /**
   * Decline the offer before accepting it (the grant ends), or decline an amendment sent (the agreement in
   * force stays): the organisation's members only, with a reason.
   */
  decline: {
    who: MEMBERS,
    when: (g: GrantSubject) => g.status === 'offered' || g.status === 'agreement-sent' || awaitingGrantee(g),
  },
  /** The paper way: an officer uploads the copy the grantee signed, which stands for the acceptance. */
  uploadSignedCopy: { who: OFFICERS, when: awaitingGrantee },
  /** The agreement or the amendment the grantee accepted. */
  countersign: { who: OFFICERS, when: (g: GrantSubject) => g.agreement === 'accepted' },
  /** Propose an amendment (a new version) to a binding agreement of a running grant, one at a time. */
  amend: {
    who: OFFICERS,
    when: (g: GrantSubject) => AMENDABLE.includes(g.status) && g.agreement === 'countersigned',
  },
  /** Claim back money paid and not justified, with its reason and letter. */
  recordRecovery: { who: OFFICERS, when: (g: GrantSubject) => RECOVERABLE.includes(g.status) },
  /** Suspend a running grant while a breach is looked into: nothing is approved or paid until it resumes. */
  suspend: { who: OFFICERS, when: (g: GrantSubject) => g.status === 'active' },
  resume: { who: OFFICERS, when: (g: GrantSubject) => g.status === 'suspended' },
  /** Close a grant whose final report is approved (grantLifecycle then checks that nothing is owed either way). */
  close: { who: OFFICERS, when: (g: GrantSubject) => g.status === 'final-report-approved' },
  /** Approve due tranches (the tranche's own rules then decide whether a second officer is needed). */
  approveTranches: { who: OFFICERS, when: (g: GrantSubject) => PAYABLE_GRANT_STATUSES.includes(g.status) },
} satisfies PolicyTable<GrantRelation, GrantSubject, string>;

export type GrantAction = Exclude<keyof typeof GRANT_POLICY, 'see'>;
export type GrantAbilities = Abilities<GrantAction>;

export function grantAbilities(actor: MaybeActor, grant: GrantSubject, isMember: boolean): GrantAbilities {
  return abilitiesFrom(GRANT_POLICY, grantRelation(actor, grant, isMember), grant);
}

/** A payment batch is the funder's alone: its officers see it, download its file and record what the bank did. */
export type BatchRelation = 'officer';
export type BatchStatus = 'created' | 'paid';
export interface BatchSubject {
  funderId: string;
  status: BatchStatus;
}

export function batchRelation(actor: MaybeActor, batch: Pick<BatchSubject, 'funderId'>): BatchRelation | null {
  return canManageCalls(actor, batch.funderId) ? 'officer' : null;
}

export const BATCH_POLICY = {
  see: { who: ['officer'] },
  download: { who: ['officer'] },
  /** The bank executed it: its tranches are paid, or one came back (failed, returned). */
  recordOutcome: { who: ['officer'], when: (b: BatchSubject) => b.status === 'created' },
  /** A paid transfer the grantee's bank sent back (a closed account): recorded whenever it happens. */
  recordReturn: { who: ['officer'], when: (b: BatchSubject) => b.status === 'paid' },
} satisfies PolicyTable<BatchRelation, BatchSubject, string>;

export type BatchAction = Exclude<keyof typeof BATCH_POLICY, 'see'>;
export type BatchAbilities = Abilities<BatchAction>;
