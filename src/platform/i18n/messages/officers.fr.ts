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
  'decisions.signatoryName': 'Qui signe les lettres (nom)',
  'decisions.signatoryFunction': 'Sa fonction',
  'decisions.signatoryFunction.hint': 'Telle que les lettres la citent, par exemple Directrice générale.',
  'decisions.appealRoutes': 'Voies de recours (facultatif)',
  'decisions.appealRoutes.hint':
    'Laissez vide pour le texte habituel dans chaque langue : un recours en annulation devant le Conseil d’État dans les 60 jours de la notification.',
  'letter.appeal.title': 'Voies de recours',
  'letter.appeal.default':
    'Cette décision peut faire l’objet d’un recours en annulation devant le Conseil d’État (rue de la Science 33, 1040 Bruxelles) dans les 60 jours de sa notification, par une requête signée par un avocat, envoyée par recommandé ou introduite par voie électronique (eproadmin.raadvst-consetat.be). Vous pouvez aussi demander d’abord à {funder} de la reconsidérer ; cette demande ne suspend pas le délai.',
  'letter.contact': 'Pour toute question sur cette décision, écrivez à {email}.',
  'letter.signedBy': '{name}, {function}',
  'start.officer.title': 'Ce qui vous attend',
  'start.officer.none': 'Vous ne gérez encore aucun appel.',
  'start.officer.nothing': 'Rien ne vous attend sur cet appel.',
  'start.officer.toScreen': '{count, plural, one {# demande à examiner} other {# demandes à examiner}}',
  'start.officer.jurorsLate':
    '{count, plural, one {# juré a du travail en attente} other {# jurés ont du travail en attente}}',
  'start.officer.consensusMissing': '{count, plural, one {# demande sans consensus} other {# demandes sans consensus}}',
  'start.officer.decisionToTake': 'La décision reste à prendre',
};
