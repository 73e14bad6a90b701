// Who may do what with an application, and when (src/domain/policy.ts gives the shape).
import { APPLICANT_EDITABLE, type ApplicationStatus } from './applicationLifecycle.ts';
import type { Membership } from './organisationAccess.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/**
 * How a person stands to an application: a member of its organisation, or an officer of the call's
 * funder once it has been submitted (a draft is the applicant's own workspace). Jurors reach the
 * applications assigned to them through their evaluation (evaluationPolicy.ts), never as such.
 */
export type ApplicationRelation = 'member' | 'officer';

export interface ApplicationSubject {
  status: ApplicationStatus;
  /** Submitted at least once: a returned application stays the officers' to see. */
  everSubmitted: boolean;
}

export function applicationRelation(input: {
  membership: Membership;
  managesCall: boolean;
  subject: ApplicationSubject;
}): ApplicationRelation | null {
  if (input.membership) return 'member';
  const { status, everSubmitted } = input.subject;
  if (input.managesCall && (status !== 'draft' || everSubmitted)) return 'officer';
  return null;
}

const MEMBERS: readonly ApplicationRelation[] = ['member'];
const OFFICERS: readonly ApplicationRelation[] = ['officer'];
const editable = (a: ApplicationSubject) => APPLICANT_EDITABLE.includes(a.status);

// The deadline guards of submitting and withdrawing depend on the call and the clock: the commands
// apply them (the application's lifecycle table) and say why, as refusals.
export const APPLICATION_POLICY = {
  see: { who: ['member', 'officer'] },
  /** The answers, the attachments. */
  edit: { who: MEMBERS, when: editable },
  submit: { who: MEMBERS, when: editable },
  withdraw: {
    who: MEMBERS,
    when: (a: ApplicationSubject) => !['withdrawn', 'selected', 'rejected', 'ineligible'].includes(a.status),
  },
  returnForCompletion: { who: OFFICERS, when: (a: ApplicationSubject) => a.status === 'submitted' },
  /** The eligibility checklist and decision, and reopening it. */
  screen: { who: OFFICERS, when: (a: ApplicationSubject) => a.status !== 'draft' },
  /** The submitted application as a PDF: frozen answers, attachments with their SHA-256. */
  downloadPdf: { who: ['member', 'officer'], when: (a: ApplicationSubject) => a.everSubmitted },
  /** The officers' internal notes, which applicants never see. */
  keepNotes: { who: OFFICERS, when: (a: ApplicationSubject) => a.everSubmitted },
} satisfies PolicyTable<ApplicationRelation, ApplicationSubject, string>;

export type ApplicationAction = Exclude<keyof typeof APPLICATION_POLICY, 'see'>;
export type ApplicationAbilities = Abilities<ApplicationAction>;

export function applicationAbilities(
  relation: ApplicationRelation | null,
  subject: ApplicationSubject,
): ApplicationAbilities {
  return abilitiesFrom(APPLICATION_POLICY, relation, subject);
}
