// The codelists of the French standard "lieux de médiation numérique" v1.0.2
// (reference-data/mediation-numerique-1.0.2): its nine services, the publics it names, specific
// support, fees, ways in and ways of helping, fixed or mobile. The `standard` values are copied from
// the schema's patterns, letter for letter (the test checks them against the file); the labels say
// the same thing in plain words, in French, Dutch and English. Keys are stored: never rename one.

import type { CodeList } from './codelist.ts';

/** What a place helps with (`services`). */
export const SERVICES = [
  {
    key: 'admin-procedures',
    standard: 'Aide aux démarches administratives',
    label: {
      fr: 'Aide pour les démarches en ligne',
      nl: 'Hulp bij online aanvragen en formulieren',
      en: 'Help with online forms',
    },
  },
  {
    key: 'everyday-tools',
    standard: 'Maîtrise des outils numériques du quotidien',
    label: {
      fr: 'Apprendre à utiliser un téléphone ou un ordinateur',
      nl: 'Leren werken met een gsm of een computer',
      en: 'Learn to use a phone or a computer',
    },
  },
  {
    key: 'job-search',
    standard: 'Insertion professionnelle via le numérique',
    label: {
      fr: 'Chercher du travail avec le numérique',
      nl: 'Werk zoeken met de computer',
      en: 'Look for a job online',
    },
  },
  {
    key: 'online-safety',
    standard: 'Utilisation sécurisée du numérique',
    label: { fr: 'Être en sécurité sur internet', nl: 'Veilig op het internet', en: 'Stay safe online' },
  },
  {
    key: 'parents-and-children',
    standard: 'Parentalité et éducation avec le numérique',
    label: {
      fr: 'Parents et enfants : l’école et les écrans',
      nl: 'Ouders en kinderen: school en schermen',
      en: 'Parents and children: school and screens',
    },
  },
  {
    key: 'leisure-and-creation',
    standard: 'Loisirs et créations numériques',
    label: {
      fr: 'Loisirs et création : photos, vidéos, jeux',
      nl: 'Vrije tijd en creatief zijn: foto’s, video’s, games',
      en: 'Fun and making things: photos, videos, games',
    },
  },
  {
    key: 'understanding-digital',
    standard: 'Compréhension du monde numérique',
    label: {
      fr: 'Comprendre le monde numérique',
      nl: 'De digitale wereld begrijpen',
      en: 'Understand the digital world',
    },
  },
  {
    key: 'internet-access',
    standard: 'Accès internet et matériel informatique',
    label: {
      fr: 'Utiliser un ordinateur et internet sur place',
      nl: 'Ter plaatse een computer en internet gebruiken',
      en: 'Use a computer and the internet here',
    },
  },
  {
    key: 'low-cost-devices',
    standard: 'Acquisition de matériel informatique à prix solidaire',
    label: {
      fr: 'Acheter un ordinateur ou un téléphone à petit prix',
      nl: 'Een computer of gsm kopen voor een kleine prijs',
      en: 'Buy a computer or phone at a low price',
    },
  },
] as const satisfies CodeList<string>;
export type ServiceKey = (typeof SERVICES)[number]['key'];

/**
 * Publics a place is specially for (`publics_specifiquement_adresses`): the standard's five, then the
 * publics the Brussels calls fund (keys shared with referenceData's target publics). A place with
 * none is open to everyone, which the standard makes the default.
 */
export const PUBLICS = [
  { key: 'young', standard: 'Jeunes', label: { fr: 'Jeunes', nl: 'Jongeren', en: 'Young people' } },
  { key: 'students', standard: 'Étudiants', label: { fr: 'Étudiants', nl: 'Studenten', en: 'Students' } },
  {
    key: 'families',
    standard: 'Familles et/ou enfants',
    label: { fr: 'Familles et enfants', nl: 'Gezinnen en kinderen', en: 'Families and children' },
  },
  { key: 'seniors', standard: 'Seniors', label: { fr: 'Seniors', nl: 'Senioren', en: 'Older people' } },
  { key: 'women', standard: 'Femmes', label: { fr: 'Femmes', nl: 'Vrouwen', en: 'Women' } },
  {
    key: 'newcomers',
    standard: null,
    label: { fr: 'Personnes arrivées en Belgique', nl: 'Nieuwkomers in België', en: 'People new to Belgium' },
  },
  {
    key: 'homeless',
    standard: null,
    label: { fr: 'Personnes sans logement', nl: 'Mensen zonder woning', en: 'People without a home' },
  },
  {
    key: 'job-seekers',
    standard: null,
    label: { fr: 'Personnes qui cherchent du travail', nl: 'Werkzoekenden', en: 'People looking for work' },
  },
] as const satisfies CodeList<string>;
export type PublicKey = (typeof PUBLICS)[number]['key'];

/** Needs a place is ready to meet (`prise_en_charge_specifique`). */
export const SUPPORTS = [
  {
    key: 'deafness',
    standard: 'Surdité',
    label: {
      fr: 'Personnes sourdes ou qui entendent mal',
      nl: 'Doven en slechthorenden',
      en: 'Deaf or hard of hearing',
    },
  },
  {
    key: 'motor-disability',
    standard: 'Handicaps moteurs',
    label: {
      fr: 'Personnes qui ont du mal à bouger',
      nl: 'Mensen die moeilijk bewegen',
      en: 'People who find it hard to move',
    },
  },
  {
    key: 'mental-disability',
    standard: 'Handicaps mentaux',
    label: {
      fr: 'Personnes avec un handicap mental',
      nl: 'Mensen met een verstandelijke beperking',
      en: 'People with a learning disability',
    },
  },
  {
    key: 'illiteracy',
    standard: 'Illettrisme',
    label: {
      fr: 'Personnes qui ont du mal à lire et à écrire',
      nl: 'Mensen die moeilijk lezen en schrijven',
      en: 'People who find reading and writing hard',
    },
  },
  {
    key: 'english',
    standard: 'Langues étrangères (anglais)',
    label: { fr: 'Aide en anglais', nl: 'Hulp in het Engels', en: 'Help in English' },
  },
  {
    key: 'other-languages',
    standard: 'Langues étrangères (autres)',
    label: { fr: 'Aide dans d’autres langues', nl: 'Hulp in andere talen', en: 'Help in other languages' },
  },
  {
    key: 'visual-impairment',
    standard: 'Déficience visuelle',
    label: {
      fr: 'Personnes aveugles ou qui voient mal',
      nl: 'Blinden en slechtzienden',
      en: 'Blind or partially sighted',
    },
  },
] as const satisfies CodeList<string>;
export type SupportKey = (typeof SUPPORTS)[number]['key'];

/** What it costs (`frais_a_charge`). */
export const FEES = [
  { key: 'free', standard: 'Gratuit', label: { fr: 'Gratuit', nl: 'Gratis', en: 'Free' } },
  {
    key: 'free-under-conditions',
    standard: 'Gratuit sous condition',
    label: { fr: 'Gratuit dans certains cas', nl: 'Gratis in sommige gevallen', en: 'Free in some cases' },
  },
  { key: 'paid', standard: 'Payant', label: { fr: 'Payant', nl: 'Betalend', en: 'You pay' } },
] as const satisfies CodeList<string>;
export type FeeKey = (typeof FEES)[number]['key'];

/** How to get in (`modalites_acces`). */
export const ACCESS_MODES = [
  {
    key: 'walk-in',
    standard: 'Se présenter',
    label: { fr: 'Venir sans rendez-vous', nl: 'Binnenlopen zonder afspraak', en: 'Just come in' },
  },
  { key: 'phone', standard: 'Téléphoner', label: { fr: 'Téléphoner', nl: 'Bellen', en: 'Call' } },
  {
    key: 'email',
    standard: 'Contacter par mail',
    label: { fr: 'Envoyer un e-mail', nl: 'Een e-mail sturen', en: 'Send an email' },
  },
  {
    key: 'book-online',
    standard: 'Prendre un RDV en ligne',
    label: {
      fr: 'Prendre rendez-vous sur internet',
      nl: 'Online een afspraak maken',
      en: 'Book a time online',
    },
  },
  {
    key: 'no-visitors',
    standard: "Ce lieu n'accueille pas de public",
    label: { fr: 'Pas de visite sur place', nl: 'Geen bezoek ter plaatse', en: 'No visits on site' },
  },
  {
    key: 'referral',
    standard: 'Envoyer un mail avec une fiche de prescription',
    label: {
      fr: 'Un travailleur social vous inscrit',
      nl: 'Een hulpverlener schrijft je in',
      en: 'A social worker signs you up',
    },
  },
] as const satisfies CodeList<string>;
export type AccessModeKey = (typeof ACCESS_MODES)[number]['key'];

/** How the help is given (`modalites_accompagnement`). */
export const HELP_MODES = [
  { key: 'on-your-own', standard: 'En autonomie', label: { fr: 'Seul', nl: 'Alleen', en: 'On your own' } },
  {
    key: 'one-to-one',
    standard: 'Accompagnement individuel',
    label: { fr: 'Avec quelqu’un qui vous aide', nl: 'Met iemand die je helpt', en: 'With someone to help you' },
  },
  {
    key: 'group',
    standard: 'Dans un atelier collectif',
    label: { fr: 'Dans un atelier en groupe', nl: 'In een groepsles', en: 'In a group class' },
  },
  {
    key: 'remote',
    standard: 'À distance',
    label: {
      fr: 'À distance, par téléphone ou en vidéo',
      nl: 'Op afstand, via telefoon of video',
      en: 'At a distance, by phone or video',
    },
  },
] as const satisfies CodeList<string>;
export type HelpModeKey = (typeof HELP_MODES)[number]['key'];

/** Fixed or travelling (`itinerance`); a place may be both (a room and a bus). */
export const MOBILITY = [
  {
    key: 'fixed',
    standard: 'Fixe',
    label: { fr: 'À une adresse fixe', nl: 'Op een vast adres', en: 'At one address' },
  },
  {
    key: 'mobile',
    standard: 'Itinérant',
    label: { fr: 'Vient près de chez vous', nl: 'Komt naar je buurt', en: 'Comes to your area' },
  },
] as const satisfies CodeList<string>;
export type MobilityKey = (typeof MOBILITY)[number]['key'];
