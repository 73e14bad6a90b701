import type { officersEn } from './officers.en.ts';

export const officersFr: Record<keyof typeof officersEn, string> = {
  'call.nav.results': 'Résultats publiés',
  'decisions.results.confirmTitle': 'Publier les résultats de {call} ?',
  'decisions.results.confirmBody':
    'La publication montre sur la page publique de l’appel {count, plural, =0 {qu’aucun projet n’est financé} one {le projet financé et son montant ({total})} other {les # projets financés et leurs montants ({total} au total)}}, avec l’annonce, et ajoute les subventions aux données ouvertes. Des résultats publiés ne peuvent plus être retirés.',
  'mail.jury.assigned.subject': '{count, plural, one {Un dossier} other {# dossiers}} à noter : jury de {call}',
  'mail.jury.assigned.body':
    '{count, plural, one {Un dossier de l’appel {call} vous a été attribué.} other {# dossiers de l’appel {call} vous ont été attribués.}} Déclarez un éventuel conflit d’intérêts, puis {count, plural, one {notez-le} other {notez-les}} depuis votre page de jury :',
  'jury.mine.progress':
    '{count, plural, one {# dossier attribué} other {# dossiers attribués}}, {left, plural, =0 {tous notés} one {# reste à noter} other {# restent à noter}}',
};
