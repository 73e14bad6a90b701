// The six projects Paradigm's Digital.Brussels selected, as their organisations applied: all
// eligible, each asking the amount the press release published.
import { eurosToCents as euros } from '../../domain/money.ts';
import { ELIGIBLE, fromSeed, type DemoApplication } from './demoApplications.ts';

const KEY = 'digital-brussels';
const TEAM = 'Coordination des projets';

export const DIGITAL_BRUSSELS_APPLICATIONS: readonly DemoApplication[] = [
  fromSeed(KEY, 'ARA asbl', {
    slug: 'ara',
    legalForm: 'asbl',
    street: 'Rue de la Senne 30',
    postalCode: '1000',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21004', '21013', '21012'],
    digcomp: ['1', '2'],
    participants: 80,
    screening: ELIGIBLE,
    consensus: {
      scores: [18, 17, 16, 17],
      comment:
        'Projet très pertinent qui va vers les personnes sans abri là où elles se trouvent, avec un matériel et un accompagnement adaptés. Le jury salue la connaissance fine du public et recommande le soutien du projet.',
    },
  }),
  fromSeed(KEY, 'Croix-Rouge de Belgique', {
    slug: 'croix-rouge',
    legalForm: 'asbl',
    street: 'Rue Joseph II 98',
    postalCode: '1000',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21004', '21015', '21016', '21001'],
    digcomp: ['1', '2', '4'],
    participants: 150,
    screening: ELIGIBLE,
    // The press release's 11 015 € lies under the call's 30 000 € minimum, which the form enforces:
    // the association asks the minimum, and the grant of 11 015 € is the officer's decision.
    requestedCents: euros(30_000),
    consensus: {
      scores: [15, 15, 15, 14],
      comment:
        'Le réseau de bénévoles formés permet d’apporter une aide à domicile aux personnes en situation d’inégalité numérique, que peu d’acteurs atteignent. Le jury estime toutefois que les besoins décrits pour la première année justifient un montant inférieur à celui demandé.',
    },
  }),
  fromSeed(KEY, 'Habitat & Rénovation', {
    slug: 'habitat-renovation',
    legalForm: 'asbl',
    street: 'Rue Royale Sainte-Marie 165',
    postalCode: '1030',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21015', '21006'],
    digcomp: ['1', '2'],
    participants: 120,
    screening: ELIGIBLE,
    consensus: {
      scores: [17, 16, 15, 16],
      comment:
        'Combinaison convaincante d’aide à domicile et de permanences d’informaticiens publics, qui amène peu à peu les habitants vers l’espace numérique. Budget complet et réaliste. Le jury recommande le soutien du projet.',
    },
  }),
  fromSeed(KEY, 'CPAS de Schaerbeek', {
    slug: 'cpas-schaerbeek',
    legalForm: 'public-body',
    street: 'Boulevard Auguste Reyers 70',
    postalCode: '1030',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21015'],
    digcomp: ['1', '4'],
    participants: 250,
    screening: ELIGIBLE,
    consensus: {
      scores: [16, 16, 17, 15],
      comment:
        'Les permanences d’informaticiens publics s’intègrent à l’accueil social existant, ce qui garantit d’atteindre les bénéficiaires qui en ont le plus besoin. Faisabilité excellente. Le jury recommande le soutien du projet.',
    },
  }),
  fromSeed(KEY, 'Arts&Publics', {
    slug: 'arts-et-publics',
    legalForm: 'asbl',
    street: 'Rue Théodore Verhaegen 150',
    postalCode: '1060',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21013', '21001', '21004'],
    digcomp: ['3', '5'],
    participants: 96,
    screening: ELIGIBLE,
    consensus: {
      scores: [17, 17, 15, 16],
      comment:
        'Le jeu vidéo comme porte d’entrée vers l’informatique est une approche originale, adaptée aux jeunes, aux femmes, aux publics précarisés et aux mineurs non accompagnés visés. Méthode bien construite. Le jury recommande le soutien du projet.',
    },
  }),
  fromSeed(KEY, "L'Atelier du web", {
    slug: 'atelier-du-web',
    legalForm: 'asbl',
    street: 'Rue de Ribaucourt 40',
    postalCode: '1080',
    contactName: TEAM,
    locale: 'fr',
    communes: ['21012', '21011'],
    digcomp: ['1', '2', '3'],
    participants: 140,
    screening: ELIGIBLE,
    consensus: {
      scores: [15, 15, 16, 15],
      comment:
        'Le renforcement de l’équipe de formateurs et de l’aide apportée dans le cyberespace répond à une demande croissante. Le jury aurait souhaité des objectifs d’autonomie plus précis, mais le projet reste solide et recommande son soutien.',
    },
  }),
];
