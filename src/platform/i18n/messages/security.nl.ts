import type { securityEn } from './security.en.ts';

export const securityNl: Record<keyof typeof securityEn, string> = {
  'error.tooLarge.title': 'Te groot',
  'error.tooLarge.body':
    'Wat verzonden werd, is groter dan dit formulier aanvaardt (een bestand van meer dan 10 MB, te veel bestanden of velden). Ga terug en verzend minder.',
  'signIn.paused':
    'Te veel mislukte pogingen voor dit adres: aanmelden ermee is opgeschort tot {until}. Als het adres een account heeft, is de houder ervan per e-mail verwittigd.',
  'mail.signInPaused.subject': 'Aanmelden bij uw account opgeschort na mislukte pogingen',
  'mail.signInPaused.body':
    'Iemand probeerde {count, plural, one {# keer} other {# keer}} zich bij uw account aan te melden met een verkeerd wachtwoord. Aanmelden met uw adres is opgeschort tot {until} (Brusselse tijd). Was u het, wacht dan en probeer opnieuw. Zo niet, dan is uw wachtwoord nog veilig, maar u kunt met de link hieronder een nieuw kiezen: dat heft ook de opschorting op.',
  'answer.error.too-many-items': 'Dit antwoord telt te veel elementen: hoogstens {max}.',
  'form.notSaved': 'Niet bewaard: {problems} De rest is bewaard.',
};
