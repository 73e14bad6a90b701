// Messages of the officers', jurors' and letters' fixes (issue 10): call navigation, start pages,
// confirmations, letters.
export const officersEn = {
  'call.nav.results': 'Published results',
  'decisions.results.confirmTitle': 'Publish the results of {call}?',
  'decisions.results.confirmBody':
    'Publishing shows on the call’s public page {count, plural, =0 {that no project is funded} one {the funded project and its amount ({total})} other {the # funded projects and their amounts ({total} in all)}}, with the announcement, and adds the grants to the open data. Results once published cannot be withdrawn.',
  'mail.jury.assigned.subject': '{count, plural, one {An application} other {# applications}} to score: jury of {call}',
  'mail.jury.assigned.body':
    '{count, plural, one {An application of the call {call} has been assigned to you.} other {# applications of the call {call} have been assigned to you.}} Declare any conflict of interest, then score {count, plural, one {it} other {them}} from your jury page:',
  'jury.mine.progress':
    '{count, plural, one {# application assigned} other {# applications assigned}}, {left, plural, =0 {all scored} one {# left to score} other {# left to score}}',
  'decisions.signatoryName': 'Who signs the letters (name)',
  'decisions.signatoryFunction': 'Their function',
  'decisions.signatoryFunction.hint': 'As the letters state it, e.g. Director-General.',
  'decisions.appealRoutes': 'Appeal routes (optional)',
  'decisions.appealRoutes.hint':
    'Leave empty for the standard text in each language: an appeal for annulment to the Council of State within 60 days of notification.',
  'letter.appeal.title': 'How to contest this decision',
  'letter.appeal.default':
    'This decision may be the subject of an appeal for annulment to the Council of State (Conseil d’État / Raad van State, rue de la Science 33, 1040 Brussels) within 60 days of its notification, by a petition signed by a lawyer, sent by registered mail or filed electronically (eproadmin.raadvst-consetat.be). You may first ask {funder} to reconsider it; this does not suspend the time limit.',
  'letter.contact': 'For any question about this decision, write to {email}.',
  'letter.signedBy': '{name}, {function}',
  'start.officer.title': 'What waits for you',
  'start.officer.none': 'You run no call yet.',
  'start.officer.nothing': 'Nothing waits for you on this call.',
  'start.officer.toScreen': '{count, plural, one {# application to screen} other {# applications to screen}}',
  'start.officer.jurorsLate': '{count, plural, one {# juror has work pending} other {# jurors have work pending}}',
  'start.officer.consensusMissing':
    '{count, plural, one {# application without consensus} other {# applications without consensus}}',
  'start.officer.decisionToTake': 'The decision is to be taken',
};
