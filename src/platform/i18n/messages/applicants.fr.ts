import type { applicantsEn } from './applicants.en.ts';

export const applicantsFr: Record<keyof typeof applicantsEn, string> = {
  'applicants.file.add': 'Ajouter un fichier',
  'applicants.file.savedWithSection': 'Le fichier est joint quand vous enregistrez cette section, avec vos réponses.',
  'applicants.file.removeOnSave': 'Retirer {name} en enregistrant',
  'applicants.window.notYetOpen': 'Cet appel n’est pas encore ouvert : aucune candidature ne peut être commencée.',
  'applicants.window.opensOn':
    'Cet appel n’est pas encore ouvert : les candidatures pourront être commencées à partir du {date}.',
  'applicants.window.closed': 'Cet appel est clôturé : il n’accepte plus de candidatures.',
  'applicants.window.decided':
    'Cet appel est clôturé et ses candidatures ont fait l’objet d’une décision : il n’accepte plus de candidatures.',
  'applicants.window.closedOn': 'Les candidatures ont été clôturées le {date}.',
  'applicants.outcome.title': 'Décision',
  'applicants.outcome.decision': 'Résultat',
  'applicants.outcome.selected': 'Retenu : une subvention est accordée',
  'applicants.outcome.reserve': 'Sur la liste de réserve',
  'applicants.outcome.notSelected': 'Non retenu',
  'applicants.outcome.ineligible': 'Non recevable',
  'applicants.outcome.promoted': 'retenu depuis la liste de réserve',
  'applicants.outcome.amount': 'Montant accordé',
  'applicants.outcome.partial': 'une partie du montant demandé',
  'applicants.outcome.decidedOn': 'Décidé le',
  'applicants.outcome.nextStep': 'Prochaine étape',
  'applicants.outcome.next.selected':
    'Vous recevrez la convention de subvention à signer ; la première tranche est versée après sa signature.',
  'applicants.outcome.next.reserve':
    'Rien à faire pour l’instant : si un projet retenu se désiste, le vôtre pourra être financé, et vous en serez informé.',
  'applicants.outcome.next.notSelected':
    'Plus rien à faire pour cet appel. La lettre de décision en donne les motifs et les voies de recours.',
  'applicants.outcome.letterComing':
    'La lettre de décision est en cours de rédaction ; elle sera ici et dans votre boîte mail.',
  'applicants.next.evaluation': 'Attendre l’évaluation du jury',
  'applicants.next.decision': 'Attendre la décision',
  'applicants.next.ineligible': 'Plus rien à faire pour cet appel : la lettre en donne les motifs',
  'applicants.next.selected':
    'Signer la convention de subvention que vous recevrez ; le montant figure sur la candidature',
  'applicants.next.reserve': 'Rien à faire : vous serez informé si une place se libère',
  'applicants.next.rejected': 'Plus rien à faire pour cet appel : la lettre en donne les motifs',
  'applicants.next.withdrawn': 'Plus rien à faire : la candidature est retirée',
  'applicants.pdf.download': 'Télécharger la candidature telle qu’envoyée (PDF)',
  'applicants.pdf.fact': 'Élément',
  'applicants.pdf.value': 'Valeur',
  'applicants.pdf.submitted': 'Envoyée',
  'applicants.pdf.attachments': 'Pièces jointes',
  'applicants.pdf.file': 'Fichier',
  'applicants.pdf.size': 'Taille',
  'applicants.pdf.noAttachments': 'Aucune pièce jointe.',
  'applicants.notes.title': 'Notes internes',
  'applicants.notes.private': 'Vues seulement par les agents de l’appel : le candidat ne voit jamais ces notes.',
  'applicants.notes.none': 'Aucune note pour l’instant.',
  'applicants.notes.by': 'Par {name}, le {at}',
  'applicants.notes.add': 'Nouvelle note',
  'applicants.notes.save': 'Ajouter la note',
  'applicants.notes.saved': 'Note ajoutée.',
  'applicants.notes.empty': 'Écrivez la note.',
  'applicants.notes.tooLong': 'Utilisez au plus {max, plural, one {# caractère} other {# caractères}}.',
};
