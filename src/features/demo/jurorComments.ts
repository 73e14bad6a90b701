import { randomInt, type Random } from '../../domain/random.ts';

type Band = 'strong' | 'good' | 'fair' | 'weak';

/** What jurors write against each criterion, by how well the application scored on it (out of 20). */
const COMMENTS: Record<string, Record<Band, readonly string[]>> = {
  relevance: {
    strong: [
      'Le public visé est clairement identifié et réellement éloigné du numérique.',
      'Très bonne adéquation entre le projet et les besoins du public.',
    ],
    good: [
      'Public pertinent, même si le diagnostic des besoins reste sommaire.',
      'Le projet répond à un besoin réel ; le recrutement du public pourrait être mieux décrit.',
    ],
    fair: [
      'Pertinence moyenne : le public est large et peu ciblé.',
      'Le lien avec les publics éloignés du numérique n’est qu’en partie démontré.',
    ],
    weak: [
      'Le projet touche surtout des personnes déjà à l’aise avec le numérique.',
      'Pertinence faible pour les publics visés par l’appel.',
    ],
  },
  method: {
    strong: [
      'Méthode éprouvée, progression pédagogique claire.',
      'Démarche bien construite, avec un suivi individuel des participants.',
    ],
    good: [
      'Méthode cohérente, mais l’évaluation des acquis est peu détaillée.',
      'Approche solide ; le calendrier mériterait d’être précisé.',
    ],
    fair: ['La méthode reste générale et peu adaptée au public.', 'Progression pédagogique insuffisamment décrite.'],
    weak: ['Aucune méthode précise n’est décrite.', 'La démarche proposée ne convainc pas.'],
  },
  feasibility: {
    strong: ['Budget réaliste et équipe expérimentée.', 'Moyens humains et matériels bien dimensionnés.'],
    good: [
      'Budget cohérent, quelques postes à justifier.',
      'Faisable, à condition de confirmer les partenariats annoncés.',
    ],
    fair: ['Budget peu détaillé, faisabilité incertaine.', 'Les moyens semblent justes pour les objectifs annoncés.'],
    weak: [
      'Faisabilité non démontrée : les moyens sont insuffisants.',
      'Le budget ne correspond pas aux activités décrites.',
    ],
  },
  impact: {
    strong: [
      'Impact durable attendu, avec des indicateurs de suivi pertinents.',
      'Fort potentiel d’essaimage et de pérennisation.',
    ],
    good: [
      'Impact réel, mais limité au nombre de participants.',
      'Indicateurs présents ; la suite après la subvention reste à préciser.',
    ],
    fair: ['Impact difficile à mesurer avec les indicateurs proposés.', 'Peu d’éléments sur la suite après le projet.'],
    weak: ['Impact attendu faible.', 'Aucun indicateur d’impact n’est proposé.'],
  },
};

function bandOf(score: number): Band {
  return score >= 16 ? 'strong' : score >= 12 ? 'good' : score >= 10 ? 'fair' : 'weak';
}

/** A juror's comment on one criterion, matching the score given; `random` picks among the phrasings. */
export function jurorComment(criterionId: string, score: number, random: Random): string {
  const options = COMMENTS[criterionId]?.[bandOf(score)];
  if (!options) throw new Error(`no demo comments for criterion ${criterionId}`);
  return options[randomInt(random, options.length)]!;
}
