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
};
