// Who may do what with a call, and when (src/domain/policy.ts gives the shape).
import { canManageCalls, type MaybeActor } from './access.ts';
import {
  acceptsApplications,
  canTransitionCall,
  editability,
  isPublic,
  resultsArePublic,
  type CallPart,
  type CallStatus,
} from './callLifecycle.ts';
import { abilitiesFrom, type Abilities, type PolicyTable } from './policy.ts';

/**
 * How a person stands to a call: an officer (or administrator) of its funder runs it; anyone else
 * reads it once it is public, signed in (`visitor`: may ask and apply) or not. A draft exists only
 * for its officers.
 */
export type CallRelation = 'officer' | 'visitor' | 'anonymous';

export interface CallSubject {
  funderId: string;
  status: CallStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  /** The server's clock when the abilities are computed. */
  now: Date;
}

export function callRelation(actor: MaybeActor, call: Pick<CallSubject, 'funderId' | 'status'>): CallRelation | null {
  if (canManageCalls(actor, call.funderId)) return 'officer';
  if (!isPublic(call.status)) return null;
  return actor ? 'visitor' : 'anonymous';
}

const EVERYONE: readonly CallRelation[] = ['officer', 'visitor', 'anonymous'];
const SIGNED_IN: readonly CallRelation[] = ['officer', 'visitor'];
const OFFICERS: readonly CallRelation[] = ['officer'];

const editable = (part: CallPart) => ({
  who: OFFICERS,
  when: (call: CallSubject) => editability(call.status, part) !== 'locked',
});
const transition = (event: Parameters<typeof canTransitionCall>[1]) => ({
  who: OFFICERS,
  when: (call: CallSubject) => canTransitionCall(call.status, event, call),
});

export const CALL_POLICY = {
  see: { who: EVERYONE },
  /** The officers' pages of the call (editor, inbox, screening, jury, selection…), read-only when locked. */
  manage: { who: OFFICERS },
  ask: { who: SIGNED_IN, when: (call: CallSubject) => acceptsApplications(call, call.now) },
  apply: { who: SIGNED_IN, when: (call: CallSubject) => acceptsApplications(call, call.now) },
  seeResults: { who: EVERYONE, when: (call: CallSubject) => resultsArePublic(call.status) },
  editTexts: editable('texts'),
  editDates: editable('dates'),
  editBudget: editable('budget'),
  editPublics: editable('publics'),
  editCriteria: editable('criteria'),
  editForm: editable('form'),
  editDocuments: editable('documents'),
  editJury: editable('jury'),
  answerQuestions: { who: OFFICERS, when: (call: CallSubject) => call.status !== 'archived' },
  publish: transition('publish'),
  closeEarly: transition('close-early'),
  archive: transition('archive'),
} satisfies PolicyTable<CallRelation, CallSubject, string>;

export type CallAction = Exclude<keyof typeof CALL_POLICY, 'see'>;
export type CallAbilities = Abilities<CallAction>;

export function callAbilities(actor: MaybeActor, call: CallSubject): CallAbilities {
  return abilitiesFrom(CALL_POLICY, callRelation(actor, call), call);
}
