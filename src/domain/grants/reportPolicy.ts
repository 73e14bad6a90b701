// Who may do what with a grant's report, and when (src/domain/policy.ts gives the shape). A report is known to
// the same two parties as its grant (grantPolicy.ts): the organisation's members fill and submit it, the
// funder's officers decide on it, move its due day or skip it. Anyone else is told it does not exist.
import type { Abilities, PolicyTable } from '../policy.ts';
import type { GrantRelation } from '../grantPolicy.ts';
import { GRANTEE_EDITABLE, type ReportStatus } from './reportLifecycle.ts';

export interface ReportSubject {
  funderId: string;
  status: ReportStatus;
}

const BOTH: readonly GrantRelation[] = ['officer', 'member'];
const OFFICERS: readonly GrantRelation[] = ['officer'];
const MEMBERS: readonly GrantRelation[] = ['member'];
const isIn = (statuses: readonly ReportStatus[]) => (r: ReportSubject) => statuses.includes(r.status);

export const REPORT_POLICY = {
  see: { who: BOTH },
  /** Fill in the indicators and the expenses: once open, until submitted, and again when returned. */
  edit: { who: MEMBERS, when: isIn(GRANTEE_EDITABLE) },
  submit: { who: MEMBERS, when: isIn(['draft', 'returned']) },
  /** Approve or return with remarks. */
  decide: { who: OFFICERS, when: isIn(['submitted']) },
  /** Move the due day for this grant. */
  move: { who: OFFICERS, when: isIn(['not-due', 'due', 'draft', 'returned']) },
  skip: { who: OFFICERS, when: isIn(['not-due', 'due', 'draft', 'returned']) },
  reinstate: { who: OFFICERS, when: isIn(['skipped']) },
  /** The supporting documents of the expenses. */
  readDocuments: { who: BOTH },
} satisfies PolicyTable<GrantRelation, ReportSubject, string>;

export type ReportAction = Exclude<keyof typeof REPORT_POLICY, 'see'>;
export type ReportAbilities = Abilities<ReportAction>;
