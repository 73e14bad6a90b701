import type { securityEn } from './security.en.ts';

export const securityFr: Record<keyof typeof securityEn, string> = {
  'error.tooLarge.title': 'Trop volumineux',
  'error.tooLarge.body':
    'L’envoi dépasse ce que ce formulaire accepte (un fichier de plus de 10 Mo, trop de fichiers ou de champs). Revenez en arrière et envoyez moins.',
  'signIn.paused':
    'Trop de tentatives échouées pour cette adresse\u202f: la connexion avec elle est suspendue jusqu’à {until}. Si l’adresse a un compte, son titulaire a été prévenu par e-mail.',
  'mail.signInPaused.subject': 'Connexion à votre compte suspendue après des tentatives échouées',
  'mail.signInPaused.body':
    'Quelqu’un a essayé {count, plural, one {# fois} other {# fois}} de se connecter à votre compte avec un mauvais mot de passe. La connexion avec votre adresse est suspendue jusqu’à {until} (heure de Bruxelles). Si c’était vous, patientez puis réessayez. Sinon, votre mot de passe reste sûr, mais vous pouvez en choisir un nouveau avec le lien ci-dessous\u202f: cela lève aussi la suspension.',
  'answer.error.too-many-items': 'Cette réponse compte trop d’éléments\u202f: au plus {max}.',
  'form.notSaved': 'Non enregistré\u202f: {problems} Le reste est enregistré.',
};
