import { readFileSync } from 'node:fs';
import type { CallCriteria } from '../../domain/callCriteria.ts';
import type { Translated } from '../../domain/translated.ts';

/** The facts of the two real Brussels calls (reference-data/seed-calls.json, from the press releases). */
export interface SeedCall {
  key: string;
  title_fr: string;
  funder: string;
  budget_eur: number;
  grant_min_eur: number | null;
  grant_max_eur: number | null;
  scope: string;
}
const seed = JSON.parse(readFileSync(new URL('../../../reference-data/seed-calls.json', import.meta.url), 'utf8')) as { calls: SeedCall[] };

export function seedCall(key: string): SeedCall {
  const call = seed.calls.find((c) => c.key === key);
  if (!call) throw new Error(`seed call ${key} missing from reference-data/seed-calls.json`);
  return call;
}

/** What the seed file gives in French only, written here in the three languages. */
const EVALUATION: CallCriteria['evaluationCriteria'] = [
  { id: 'relevance', name: { fr: 'Pertinence pour les publics éloignés du numérique', nl: 'Relevantie voor wie ver van het digitale staat', en: 'Relevance for people far from digital' }, description: { fr: '' }, maxScore: 20, weight: 2, threshold: 10 },
  { id: 'method', name: { fr: 'Qualité de la méthode', nl: 'Kwaliteit van de methode', en: 'Quality of the method' }, description: { fr: '' }, maxScore: 20, weight: 2, threshold: null },
  { id: 'feasibility', name: { fr: 'Faisabilité et budget', nl: 'Haalbaarheid en begroting', en: 'Feasibility and budget' }, description: { fr: '' }, maxScore: 20, weight: 1, threshold: null },
  { id: 'impact', name: { fr: 'Impact et durabilité', nl: 'Impact en duurzaamheid', en: 'Impact and sustainability' }, description: { fr: '' }, maxScore: 20, weight: 1, threshold: null },
];
const IN_BRUSSELS = { id: 'brussels', label: { fr: 'Le projet se déroule en Région de Bruxelles-Capitale', nl: 'Het project vindt plaats in het Brussels Hoofdstedelijk Gewest', en: 'The project takes place in the Brussels-Capital Region' }, explanation: { fr: 'Les activités ont lieu dans une ou plusieurs des 19 communes.', nl: 'De activiteiten vinden plaats in een of meer van de 19 gemeenten.', en: 'Activities take place in one or more of the 19 communes.' } };
const STATUTES = { id: 'statutes', label: { fr: 'Statuts coordonnés', nl: 'Gecoördineerde statuten', en: 'Coordinated statutes' } };
const ACCOUNTS = { id: 'accounts', label: { fr: 'Derniers comptes annuels', nl: 'Laatste jaarrekening', en: 'Last annual accounts' } };

export const DEMO_FUNDERS: { slug: string; seedKey: string; code: string; name: Translated; description: Translated; criteria: CallCriteria; call: { title: Translated; summary: Translated; description: Translated } }[] = [
  {
    slug: 'bee',
    seedKey: 'bee-digital-skills',
    code: 'BEE',
    criteria: {
      eligibilityCriteria: [
        { id: 'social-economy', label: { fr: 'Être une entreprise d’économie sociale', nl: 'Een sociale-economieonderneming zijn', en: 'Be a social-economy enterprise' }, explanation: { fr: 'Agréée ou reconnue en Région bruxelloise.', nl: 'Erkend in het Brussels Gewest.', en: 'Approved or recognised in the Brussels Region.' } },
        IN_BRUSSELS,
      ],
      evaluationCriteria: EVALUATION,
      overallThreshold: 50,
      requiredDocuments: [STATUTES, ACCOUNTS],
      tranchePlan: [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ],
    },
    name: { fr: 'Bruxelles Économie Emploi', nl: 'Brussel Economie Werkgelegenheid', en: 'Brussels Economy Employment' },
    description: {
      fr: 'L’administration du Service public régional de Bruxelles qui développe l’économie et l’emploi.',
      nl: 'De administratie van de Gewestelijke Overheidsdienst Brussel die economie en werkgelegenheid ontwikkelt.',
      en: 'The administration of the Brussels Regional Public Service that develops the economy and employment.',
    },
    call: {
      title: { fr: 'Former les Bruxellois au numérique', nl: 'Brusselaars digitaal opleiden', en: 'Training Brussels residents in digital skills' },
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
  },
  {
    slug: 'paradigm',
    seedKey: 'digital-brussels',
    code: 'DIGB',
    criteria: {
      eligibilityCriteria: [
        { id: 'association', label: { fr: 'Être une association (ASBL) ou un CPAS', nl: 'Een vereniging (VZW) of een OCMW zijn', en: 'Be an association (ASBL/VZW) or a CPAS' }, explanation: { fr: '', nl: '', en: '' } },
        IN_BRUSSELS,
        { id: 'far-from-digital', label: { fr: 'Viser des publics qui ne fréquentent ni les espaces numériques ni les formations', nl: 'Zich richten tot mensen die noch digitale ruimtes noch opleidingen bezoeken', en: 'Reach people who attend neither digital spaces nor training' }, explanation: { fr: '', nl: '', en: '' } },
      ],
      evaluationCriteria: EVALUATION,
      overallThreshold: 50,
      requiredDocuments: [STATUTES],
      tranchePlan: [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ],
    },
    name: { fr: 'Paradigm', nl: 'Paradigm', en: 'Paradigm' },
    description: {
      fr: 'L’agence régionale bruxelloise de la transition numérique.',
      nl: 'Het Brusselse gewestelijke agentschap voor de digitale transitie.',
      en: 'The Brussels regional agency for the digital transition.',
    },
    call: {
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
  },
];
