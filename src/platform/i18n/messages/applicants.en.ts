// Messages of what applicants see around their application: files sent with a section, a closed
// call's apply page, the outcome on the application's page, its PDF, the officers' internal notes.
export const applicantsEn = {
  'applicants.file.add': 'Add a file',
  'applicants.file.savedWithSection': 'The file is attached when you save this section, with your answers.',
  'applicants.file.removeOnSave': 'Remove {name} when saving',
  'applicants.window.notYetOpen': 'This call is not open yet: applications cannot be started.',
  'applicants.window.opensOn': 'This call is not open yet: applications can be started from {date}.',
  'applicants.window.closed': 'This call is closed: it no longer accepts applications.',
  'applicants.window.decided':
    'This call is closed and its applications have been decided: it no longer accepts applications.',
  'applicants.window.closedOn': 'Applications closed on {date}.',
  'applicants.outcome.title': 'Decision',
  'applicants.outcome.decision': 'Outcome',
  'applicants.outcome.selected': 'Selected: a grant is awarded',
  'applicants.outcome.reserve': 'On the reserve list',
  'applicants.outcome.notSelected': 'Not selected',
  'applicants.outcome.ineligible': 'Not eligible',
  'applicants.outcome.promoted': 'selected from the reserve list',
  'applicants.outcome.amount': 'Amount granted',
  'applicants.outcome.partial': 'part of the amount requested',
  'applicants.outcome.decidedOn': 'Decided on',
  'applicants.outcome.nextStep': 'Next step',
  'applicants.outcome.next.selected':
    'You will receive the grant agreement to sign; the first tranche is paid after its signature.',
  'applicants.outcome.next.reserve':
    'Nothing to do for now: if a selected project withdraws, your project may be funded, and you will be told.',
  'applicants.outcome.next.notSelected':
    'Nothing more to do for this call. The decision letter gives the reasons and how to contest the decision.',
  'applicants.outcome.letterComing': 'The decision letter is being written; it will be here and in your mailbox.',
  'applicants.next.evaluation': 'Wait for the jury’s evaluation',
  'applicants.next.decision': 'Wait for the decision',
  'applicants.next.ineligible': 'Nothing more to do for this call: the letter gives the reasons',
  'applicants.next.selected': 'Sign the grant agreement you will receive; see the amount on the application',
  'applicants.next.reserve': 'Nothing to do: you will be told if a place frees up',
  'applicants.next.rejected': 'Nothing more to do for this call: the letter gives the reasons',
  'applicants.next.withdrawn': 'Nothing more to do: the application is withdrawn',
} as const;
