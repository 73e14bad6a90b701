import { readFileSync } from 'node:fs';
import type { CallCriteria } from '../../domain/callCriteria.ts';
import { DEFAULT_INDICATOR_IDS } from '../../domain/grants/indicatorChoice.ts';
import { DEFAULT_JURY_SETTINGS, type JurySettings } from '../../domain/jurySettings.ts';
import type { Translated } from '../../domain/translated.ts';
import type { ReportPlan } from '../reports/plan.ts';

/** A project a press release names, with what it says of it. */
interface SeedProject {
  organisation: string;
  project: string;
  target_publics: string[];
  summary_fr: string;
  amount_eur: number | null;
}

/** The facts of the two real Brussels calls (reference-data/seed-calls.json, from the press releases). */
export interface SeedCall {
  key: string;
  title_fr: string;
  funder: string;
  budget_eur: number;
  grant_min_eur: number | null;
  grant_max_eur: number | null;
  scope: string;
  selected: SeedProject[];
}
const seed = JSON.parse(readFileSync(new URL('../../../reference-data/seed-calls.json', import.meta.url), 'utf8')) as {
  calls: SeedCall[];
};

export function seedCall(key: string): SeedCall {
  const call = seed.calls.find((c) => c.key === key);
  if (!call) throw new Error(`seed call ${key} missing from reference-data/seed-calls.json`);
  return call;
}

/** What the seed file gives in French only, written here in the three languages. */
const EVALUATION: CallCriteria['evaluationCriteria'] = [
  {
    id: 'relevance',
    name: {
      fr: 'Pertinence pour les publics éloignés du numérique',
      nl: 'Relevantie voor wie ver van het digitale staat',
      en: 'Relevance for people far from digital',
    },
    description: { fr: '' },
    maxScore: 20,
    weight: 2,
    threshold: 10,
  },
  {
    id: 'method',
    name: { fr: 'Qualité de la méthode', nl: 'Kwaliteit van de methode', en: 'Quality of the method' },
    description: { fr: '' },
    maxScore: 20,
    weight: 2,
    threshold: null,
  },
  {
    id: 'feasibility',
    name: { fr: 'Faisabilité et budget', nl: 'Haalbaarheid en begroting', en: 'Feasibility and budget' },
    description: { fr: '' },
    maxScore: 20,
    weight: 1,
    threshold: null,
  },
  {
    id: 'impact',
    name: { fr: 'Impact et durabilité', nl: 'Impact en duurzaamheid', en: 'Impact and sustainability' },
    description: { fr: '' },
    maxScore: 20,
    weight: 1,
    threshold: null,
  },
];
const IN_BRUSSELS = {
  id: 'brussels',
  label: {
    fr: 'Le projet se déroule en Région de Bruxelles-Capitale',
    nl: 'Het project vindt plaats in het Brussels Hoofdstedelijk Gewest',
    en: 'The project takes place in the Brussels-Capital Region',
  },
  explanation: {
    fr: 'Les activités ont lieu dans une ou plusieurs des 19 communes.',
    nl: 'De activiteiten vinden plaats in een of meer van de 19 gemeenten.',
    en: 'Activities take place in one or more of the 19 communes.',
  },
};
const STATUTES = {
  id: 'statutes',
  label: { fr: 'Statuts coordonnés', nl: 'Gecoördineerde statuten', en: 'Coordinated statutes' },
};
const ACCOUNTS = {
  id: 'accounts',
  label: { fr: 'Derniers comptes annuels', nl: 'Laatste jaarrekening', en: 'Last annual accounts' },
};
/** Two readers per application; capacities leave each juror a fair share. Ties go to relevance. */
const jury = (defaultCapacity: number): JurySettings => ({
  ...DEFAULT_JURY_SETTINGS,
  reviewersPerApplication: 2,
  defaultCapacity,
  tieBreaks: ['relevance'],
});

interface DemoCallText {
  title: Translated;
  summary: Translated;
  description: Translated;
}

export interface DemoFunder {
  slug: string;
  name: Translated;
  description: Translated;
  criteria: CallCriteria;
  jury: JurySettings;
  activityTypes: string[];
  /** The reports its calls' grants owe, when the funder asks other than the default plan. */
  reportPlan?: ReportPlan;
  /** The call of the press release, run up to the jury's consensus; its figures come from the seed file. */
  call: DemoCallText & { seedKey: string; code: string };
  /** The next edition, open whenever the demo is loaded, for visitors and applicants to try. */
  nextCall: DemoCallText & { code: string; budgetEur: number; grantMinEur: number | null; grantMaxEur: number | null };
}

export const DEMO_FUNDERS: DemoFunder[] = [
  {
    slug: 'bee',
    criteria: {
      eligibilityCriteria: [
        {
          id: 'social-economy',
          label: {
            fr: 'Être une entreprise d’économie sociale',
            nl: 'Een sociale-economieonderneming zijn',
            en: 'Be a social-economy enterprise',
          },
          explanation: {
            fr: 'Agréée ou reconnue en Région bruxelloise.',
            nl: 'Erkend in het Brussels Gewest.',
            en: 'Approved or recognised in the Brussels Region.',
          },
        },
        IN_BRUSSELS,
        {
          id: 'complete-file',
          label: {
            fr: 'Dossier complet : statuts et derniers comptes annuels',
            nl: 'Volledig dossier: statuten en laatste jaarrekening',
            en: 'Complete file: statutes and last annual accounts',
          },
          explanation: {
            fr: 'Les comptes montrent que l’entreprise peut porter le projet.',
            nl: 'De jaarrekening toont dat de onderneming het project kan dragen.',
            en: 'The accounts show that the enterprise can carry the project.',
          },
        },
      ],
      evaluationCriteria: EVALUATION,
      overallThreshold: 50,
      requiredDocuments: [STATUTES, ACCOUNTS],
      tranchePlan: [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ],
    },
    jury: jury(10),
    // Training, not equipment: an interim report six months after signature, the final one three months after
    // the period (it releases the last tranche), and whether the trainees went on to a job or a training.
    reportPlan: {
      reports: [
        { id: 'interim-1', kind: 'interim', due: { monthsAfter: 6, from: 'signature' }, opensDaysBefore: 30 },
        { id: 'final', kind: 'final', due: { monthsAfter: 3, from: 'end' }, opensDaysBefore: 45 },
      ],
      indicators: {
        defaults: DEFAULT_INDICATOR_IDS.filter((id) => id !== 'devices-lent' && id !== 'devices-refurbished'),
        custom: [
          {
            id: 'custom-outcomes',
            label: {
              fr: 'Participants ayant ensuite trouvé un emploi ou une formation',
              nl: 'Deelnemers die daarna werk of een opleiding vonden',
              en: 'Participants who then found a job or a training',
            },
            required: false,
          },
        ],
      },
    },
    activityTypes: [
      'digital-basics-training',
      'vocational-digital-training',
      'individual-support',
      'train-the-trainers',
      'equipment-access',
    ],
    name: {
      fr: 'Bruxelles Économie Emploi',
      nl: 'Brussel Economie Werkgelegenheid',
      en: 'Brussels Economy Employment',
    },
    description: {
      fr: 'L’administration du Service public régional de Bruxelles qui développe l’économie et l’emploi.',
      nl: 'De administratie van de Gewestelijke Overheidsdienst Brussel die economie en werkgelegenheid ontwikkelt.',
      en: 'The administration of the Brussels Regional Public Service that develops the economy and employment.',
    },
    call: {
      seedKey: 'bee-digital-skills',
      code: 'BEE',
      title: {
        fr: 'Former les Bruxellois au numérique',
        nl: 'Brusselaars digitaal opleiden',
        en: 'Training Brussels residents in digital skills',
      },
      summary: {
        fr: 'Apprentissage des compétences numériques de base et formations professionnelles aux métiers du numérique, portés par des entreprises d’économie sociale.',
        nl: 'Digitale basisvaardigheden en beroepsopleidingen voor digitale beroepen, gedragen door sociale-economiebedrijven.',
        en: 'Basic digital skills and vocational training for digital jobs, run by social-economy enterprises.',
      },
      description: {
        fr: '40 % des Bruxellois de 16 à 74 ans, soit plus de 300 000 personnes, sont en situation de vulnérabilité numérique. L’accélération de la numérisation a multiplié les obstacles et parfois entravé l’accès aux services.\n\nCet appel finance des projets d’entreprises d’économie sociale qui forment les Bruxellois au numérique : apprentissage des compétences de base et formations professionnelles aux métiers du numérique. Un jury indépendant analyse les projets éligibles.',
        nl: '40 % van de Brusselaars tussen 16 en 74 jaar, meer dan 300 000 mensen, is digitaal kwetsbaar. De versnelde digitalisering heeft de drempels verhoogd en soms de toegang tot diensten belemmerd.\n\nDeze oproep financiert projecten van sociale-economiebedrijven die Brusselaars digitaal opleiden: digitale basisvaardigheden en beroepsopleidingen voor digitale beroepen. Een onafhankelijke jury beoordeelt de ontvankelijke projecten.',
        en: '40% of Brussels residents aged 16 to 74, over 300,000 people, are digitally vulnerable. Faster digitalisation has raised barriers and sometimes blocked access to services.\n\nThis call funds social-economy enterprises that train Brussels residents in digital skills: basic skills and vocational training for digital jobs. An independent jury assesses the eligible projects.',
      },
    },
    nextCall: {
      code: 'BEE2027',
      budgetEur: 700_000,
      grantMinEur: null,
      grantMaxEur: null,
      title: {
        fr: 'Former les Bruxellois au numérique — édition 2027',
        nl: 'Brusselaars digitaal opleiden — editie 2027',
        en: 'Training Brussels residents in digital skills — 2027 edition',
      },
      summary: {
        fr: 'La deuxième édition : compétences numériques de base et métiers du numérique, pour les projets d’entreprises d’économie sociale.',
        nl: 'De tweede editie: digitale basisvaardigheden en digitale beroepen, voor projecten van sociale-economiebedrijven.',
        en: 'The second edition: basic digital skills and digital jobs, for projects of social-economy enterprises.',
      },
      description: {
        fr: 'Après les neuf projets soutenus par la première édition, Bruxelles Économie Emploi relance l’appel. Plus de 300 000 Bruxellois de 16 à 74 ans restent en situation de vulnérabilité numérique.\n\nLes entreprises d’économie sociale peuvent proposer des formations aux compétences de base ou aux métiers du numérique. Un jury indépendant analyse les projets éligibles.',
        nl: 'Na de negen projecten van de eerste editie lanceert Brussel Economie Werkgelegenheid de oproep opnieuw. Meer dan 300 000 Brusselaars tussen 16 en 74 jaar blijven digitaal kwetsbaar.\n\nSociale-economiebedrijven kunnen opleidingen in basisvaardigheden of digitale beroepen voorstellen. Een onafhankelijke jury beoordeelt de ontvankelijke projecten.',
        en: 'After the nine projects of the first edition, Brussels Economy Employment runs the call again. Over 300,000 Brussels residents aged 16 to 74 remain digitally vulnerable.\n\nSocial-economy enterprises may propose training in basic skills or for digital jobs. An independent jury assesses the eligible projects.',
      },
    },
  },
  {
    slug: 'paradigm',
    criteria: {
      eligibilityCriteria: [
        {
          id: 'association',
          label: {
            fr: 'Être une association (ASBL) ou un CPAS',
            nl: 'Een vereniging (VZW) of een OCMW zijn',
            en: 'Be an association (ASBL/VZW) or a CPAS',
          },
          explanation: { fr: '', nl: '', en: '' },
        },
        IN_BRUSSELS,
        {
          id: 'far-from-digital',
          label: {
            fr: 'Viser des publics qui ne fréquentent ni les espaces numériques ni les formations',
            nl: 'Zich richten tot mensen die noch digitale ruimtes noch opleidingen bezoeken',
            en: 'Reach people who attend neither digital spaces nor training',
          },
          explanation: { fr: '', nl: '', en: '' },
        },
      ],
      evaluationCriteria: EVALUATION,
      overallThreshold: 50,
      requiredDocuments: [STATUTES],
      tranchePlan: [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ],
    },
    jury: jury(6),
    activityTypes: [
      'home-support',
      'public-digital-help-desk',
      'individual-support',
      'awareness-events',
      'equipment-access',
    ],
    name: { fr: 'Paradigm', nl: 'Paradigm', en: 'Paradigm' },
    description: {
      fr: 'L’agence régionale bruxelloise de la transition numérique.',
      nl: 'Het Brusselse gewestelijke agentschap voor de digitale transitie.',
      en: 'The Brussels regional agency for the digital transition.',
    },
    call: {
      seedKey: 'digital-brussels',
      code: 'DIGB',
      title: {
        fr: 'Digital.Brussels — renforcer les compétences numériques des Bruxellois',
        nl: 'Digital.Brussels — de digitale vaardigheden van de Brusselaars versterken',
        en: 'Digital.Brussels — strengthening the digital skills of Brussels residents',
      },
      summary: {
        fr: 'Des subventions de 30 000 à 60 000 € pour les associations qui rejoignent les publics les plus éloignés du numérique.',
        nl: 'Subsidies van 30 000 tot 60 000 € voor verenigingen die de mensen bereiken die het verst van het digitale staan.',
        en: 'Grants of €30,000 to €60,000 for associations reaching the people furthest from digital tools.',
      },
      description: {
        fr: 'Meilleur accès, renforcement des compétences et utilisation des outils numériques, pour les publics les plus éloignés du numérique qui ne fréquentent ni les espaces numériques ni les structures de formation.\n\nAide à domicile, permanences d’informaticiens publics, projets pour les jeunes, les personnes sans abri ou précarisées : les associations bruxelloises peuvent proposer leur projet.',
        nl: 'Betere toegang, sterkere vaardigheden en gebruik van digitale hulpmiddelen, voor wie het verst van het digitale staat en noch digitale ruimtes noch opleidingsstructuren bezoekt.\n\nHulp aan huis, spreekuren van openbare informatici, projecten voor jongeren, daklozen of kwetsbare mensen: Brusselse verenigingen kunnen hun project voorstellen.',
        en: 'Better access, stronger skills and use of digital tools, for the people furthest from digital who attend neither digital public spaces nor training organisations.\n\nHelp at home, public “digital helper” drop-ins, projects for young people, homeless or precarious people: Brussels associations can propose their project.',
      },
    },
    nextCall: {
      code: 'DIGB2027',
      budgetEur: 300_000,
      grantMinEur: 30_000,
      grantMaxEur: 60_000,
      title: {
        fr: 'Digital.Brussels 2027 — renforcer les compétences numériques des Bruxellois',
        nl: 'Digital.Brussels 2027 — de digitale vaardigheden van de Brusselaars versterken',
        en: 'Digital.Brussels 2027 — strengthening the digital skills of Brussels residents',
      },
      summary: {
        fr: 'La nouvelle édition : de 30 000 à 60 000 € pour les associations qui vont vers les publics les plus éloignés du numérique.',
        nl: 'De nieuwe editie: 30 000 tot 60 000 € voor verenigingen die naar de mensen gaan die het verst van het digitale staan.',
        en: 'The new edition: €30,000 to €60,000 for associations that reach out to the people furthest from digital tools.',
      },
      description: {
        fr: 'Paradigm relance Digital.Brussels pour les publics qui ne fréquentent ni les espaces numériques ni les structures de formation : aide à domicile, permanences d’informaticiens publics, projets pour les jeunes, les personnes sans abri ou précarisées.\n\nLes associations et les CPAS bruxellois peuvent proposer leur projet.',
        nl: 'Paradigm lanceert Digital.Brussels opnieuw voor wie noch digitale ruimtes noch opleidingsstructuren bezoekt: hulp aan huis, spreekuren van openbare informatici, projecten voor jongeren, daklozen of kwetsbare mensen.\n\nBrusselse verenigingen en OCMW’s kunnen hun project voorstellen.',
        en: 'Paradigm runs Digital.Brussels again for the people who attend neither digital public spaces nor training organisations: help at home, public “digital helper” drop-ins, projects for young people, homeless or precarious people.\n\nBrussels associations and CPAS may propose their project.',
      },
    },
  },
];
