// Messages of the officers', jurors' and letters' fixes (issue 10): call navigation, start pages,
// confirmations, letters.
export const officersEn = {
  'call.nav.results': 'Published results',
};
