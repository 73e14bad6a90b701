// Messages of the security hardening: refused request bodies, the per-account sign-in pause.
export const securityEn = {
  'error.tooLarge.title': 'Too large',
  'error.tooLarge.body':
    'What was sent is larger than this form accepts (a file over 10 MB, too many files or fields). Go back and send less.',
  'signIn.paused':
    'Too many failed attempts for this address: sign-in with it is paused until {until}. If the address has an account, its owner has been told by mail.',
  'mail.signInPaused.subject': 'Sign-in to your account paused after failed attempts',
  'mail.signInPaused.body':
    'Someone tried to sign in to your account with wrong passwords {count, plural, one {once} other {# times}}. Sign-in with your address is paused until {until} (Brussels time). If it was you, wait and try again. If it was not, your password is still safe, but you can choose a new one with the link below: doing so also lifts the pause.',
  'answer.error.too-many-items': 'This answer holds too many items: at most {max}.',
  'form.notSaved': 'Not saved: {problems} The rest is saved.',
} as const;
