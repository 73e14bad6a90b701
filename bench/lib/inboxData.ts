// Seeded, realistic-looking application content for the inbox benchmark: French or Dutch project
// summaries (~1,500 characters of words from a small list), communes, publics, participants and a
// balanced budget table, all written the way the forms send them (RawAnswers, Belgian amounts).
import { randomInt, type Random } from '../../src/domain/random.ts';
import { COMMUNES } from '../../src/domain/referenceData.ts';
import type { BudgetCategory, RawAnswers } from '../../src/domain/forms/definition.ts';

export type Lang = 'fr' | 'nl';

const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)]!;

/** k distinct items, in a random order. */
function sample<T>(random: Random, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length) out.push(pool.splice(randomInt(random, pool.length), 1)[0]!);
  return out;
}

const words = (text: string) => text.trim().split(/\s+/);

/** Words any summary uses. */
const COMMON: Record<Lang, string[]> = {
  fr: words(`
    le la les des une un du de et à pour avec dans sur par chaque notre nos leur leurs ce cette ces qui que
    ateliers atelier numérique numériques formation formations seniors jeunes femmes primo-arrivants internet accès
    compétences autonomie inclusion fracture quartier quartiers commune bibliothèque maison permanence accompagnement
    individuel collectif groupe groupes séance séances semaine hebdomadaire mensuel animateur animatrice formateur
    bénévoles partenaires réseau associatif public publics apprentissage progressif évaluation suivi inscription gratuit
    local accueil convivial horaires adaptés soir samedi objectif objectifs résultat résultats participants
    bénéficiaires besoins identifiés diagnostic parcours expérience équipe projet pilote renforcer développer proposer
    organiser accompagner former sensibiliser orienter favoriser permettre soutenir`),
  nl: words(`
    de het een en van voor met in op door elke onze hun dit deze die dat wie wat naar bij
    workshops workshop digitale digitaal opleiding opleidingen senioren jongeren vrouwen nieuwkomers internet toegang
    vaardigheden zelfstandigheid inclusie kloof wijk wijken gemeente bibliotheek huis permanentie begeleiding
    individueel collectief groep groepen sessie sessies week wekelijks maandelijks begeleider begeleidster lesgever
    vrijwilligers partners netwerk verenigingen publiek doelgroepen leren stapsgewijs evaluatie opvolging inschrijving gratis
    lokaal onthaal gezellig aangepaste uren avond zaterdag doel doelen resultaat resultaten deelnemers
    begunstigden noden vastgesteld diagnose traject ervaring team project pilootproject versterken ontwikkelen aanbieden
    organiseren begeleiden opleiden sensibiliseren doorverwijzen bevorderen mogelijk ondersteunen`),
};

/**
 * What a project is about: each application has one or two topics, whose words only it uses, so
 * that a search for a specific word finds a share of the applications, as in real life, rather
 * than nearly all of them.
 */
const TOPICS: Record<Lang, string[][]> = {
  fr: [
    words('tablettes ordinateurs smartphones matériel prêt reconditionné réparation équipement'),
    words('sécurité arnaques phishing mots passe données personnelles vie privée antivirus'),
    words('emploi CV candidature bureautique tableur traitement texte entretien certificat'),
    words('parents enfants devoirs école famille plateforme scolaire harcèlement écrans'),
    words('démarches administratives CPAS logement santé rendez-vous itsme formulaires impôts'),
    words('programmation robotique création vidéo graphisme site web impression 3D'),
  ],
  nl: [
    words('tablets computers smartphones materiaal uitlening hersteld reparatie uitrusting'),
    words('veiligheid oplichting phishing wachtwoorden persoonsgegevens privacy antivirus'),
    words('werk cv sollicitatie kantoortoepassingen rekenblad tekstverwerking sollicitatiegesprek certificaat'),
    words('ouders kinderen huiswerk school gezin schoolplatform pesten schermen'),
    words('administratieve procedures OCMW huisvesting gezondheid afspraken itsme formulieren belastingen'),
    words('programmeren robotica video maken grafisch ontwerp website 3D-printen'),
  ],
};

const TITLE_HEAD: Record<Lang, string[]> = {
  fr: [
    'Ateliers numériques',
    'Clavier pour tous',
    'Permanence numérique',
    'Parcours vers l’autonomie numérique',
    'Tablettes solidaires',
    'École du clic',
    'Café connecté',
    'Démarches en ligne sans stress',
  ],
  nl: [
    'Digitale workshops',
    'Klavier voor iedereen',
    'Digitale permanentie',
    'Traject naar digitale zelfstandigheid',
    'Solidaire tablets',
    'Klikschool',
    'Verbonden café',
    'Online zaken zonder stress',
  ],
};
const TITLE_FOR: Record<Lang, string> = { fr: 'à', nl: 'in' };

const BUDGET_LABELS: Record<Lang, Record<BudgetCategory, string[]>> = {
  fr: {
    staff: ['Animateur (0,5 ETP)', 'Formatrice', 'Coordination du projet', 'Accompagnateur numérique'],
    operating: [
      'Location de salle',
      'Connexion internet',
      'Communication et affiches',
      'Assurances',
      'Transport des participants',
    ],
    equipment: ['Tablettes', 'Ordinateurs portables reconditionnés', 'Vidéoprojecteur', 'Routeur et câblage'],
    other: ['Frais de certification', 'Goûters et accueil', 'Traduction'],
  },
  nl: {
    staff: ['Begeleider (0,5 VTE)', 'Lesgeefster', 'Projectcoördinatie', 'Digitale coach'],
    operating: [
      'Zaalhuur',
      'Internetverbinding',
      'Communicatie en affiches',
      'Verzekeringen',
      'Vervoer van deelnemers',
    ],
    equipment: ['Tablets', 'Herstelde laptops', 'Beamer', 'Router en bekabeling'],
    other: ['Certificeringskosten', 'Onthaal en versnaperingen', 'Vertaling'],
  },
};
const FUNDERS: Record<Lang, string[]> = {
  fr: ['Commune', 'CPAS', 'Fonds propres', 'Fondation Roi Baudouin', 'COCOF'],
  nl: ['Gemeente', 'OCMW', 'Eigen middelen', 'Koning Boudewijnstichting', 'VGC'],
};

/** A summary of about `target` characters: two or three paragraphs of sentences. */
export function summary(random: Random, lang: Lang, target: number): string {
  const topics = sample(random, TOPICS[lang], 1 + randomInt(random, 2)).flat();
  const word = () => (random() < 0.15 ? pick(random, topics) : pick(random, COMMON[lang]));
  const sentences: string[] = [];
  let length = 0;
  while (length < target) {
    const n = 6 + randomInt(random, 13);
    const chosen = Array.from({ length: n }, word);
    if (n > 10 && random() < 0.4) chosen[4 + randomInt(random, n - 8)] += ',';
    const sentence = chosen.join(' ');
    sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    length += sentence.length + 2;
  }
  const cut = [Math.floor(sentences.length / 3), Math.floor((2 * sentences.length) / 3)];
  return sentences
    .map((s, i) => (cut.includes(i) && i > 0 ? `\n\n${s}` : s))
    .join(' ')
    .replace(/ \n\n/g, '\n\n');
}

/** Belgian writing of an amount, in one of the ways people type it: "12.345,67", "12345,67", "12 345". */
export function belgianAmount(random: Random, cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  const grouped = (sep: string) => String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const style = randomInt(random, 3);
  if (cents % 100 === 0 && style === 2) return grouped(' ');
  return `${style === 1 ? String(euros) : grouped('.')},${rest}`;
}

/** Splits `total` cents into `parts` positive amounts in whole euros (the last one takes the rest). */
function split(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 1 + random() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.slice(0, -1).map((w) => Math.max(100, Math.floor((total * w) / sum / 100) * 100));
  return [...amounts, total - amounts.reduce((a, b) => a + b, 0)];
}

export interface GeneratedApplication {
  lang: Lang;
  title: string;
  raw: RawAnswers;
}

/**
 * One application's answers as the forms send them. Requested amounts lie in the call's range
 * (grantMin..grantMax) and cover at most `coFundingMaxPercent` of the total; the rest comes from
 * one or two other funders, so the budget balances.
 */
export function generateApplication(
  random: Random,
  opts: { publics: readonly string[]; grantMinCents: number; grantMaxCents: number; coFundingMaxPercent: number },
): GeneratedApplication {
  const lang: Lang = random() < 0.55 ? 'fr' : 'nl';
  const communes = sample(random, COMMUNES, 1 + randomInt(random, 3));
  const place = communes[0]!;
  const title = `${pick(random, TITLE_HEAD[lang])} ${TITLE_FOR[lang]} ${lang === 'nl' ? place.nl : place.fr}`;
  const publics = sample(random, opts.publics, 1 + randomInt(random, 2));
  const participants = Object.fromEntries(publics.map((p) => [p, String(10 + randomInt(random, 190))]));

  const steps = (opts.grantMaxCents - opts.grantMinCents) / 100_000;
  const requested = opts.grantMinCents + randomInt(random, steps + 1) * 100_000; // whole thousands of euros
  const share = 0.5 + random() * (opts.coFundingMaxPercent / 100 - 0.5);
  const total = Math.ceil(requested / share / 100) * 100;
  const categories = sample(random, ['staff', 'operating', 'equipment', 'other'] as const, 2 + randomInt(random, 3));
  const lines = split(random, total, categories.length).map((amount, i) => ({
    category: categories[i]!,
    label: pick(random, BUDGET_LABELS[lang][categories[i]!]),
    amount: belgianAmount(random, amount),
  }));
  const sources = sample(random, FUNDERS[lang], 1 + randomInt(random, 2));
  const otherFunding = split(random, total - requested, sources.length).map((amount, i) => ({
    source: sources[i]!,
    amount: belgianAmount(random, amount),
  }));

  return {
    lang,
    title,
    raw: {
      summary: summary(random, lang, 1300 + randomInt(random, 400)),
      communes: communes.map((c) => c.nis),
      publics,
      participants,
      digcomp: sample(random, ['1', '2', '3', '4', '5'], 1 + randomInt(random, 3)),
      budget: { lines, requested: belgianAmount(random, requested), otherFunding },
    },
  };
}

/** A UUID (version 4 layout) drawn from the seeded generator, so ids and orderings are reproducible. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 16 }, () => randomInt(random, 256));
  hex[6] = (hex[6]! & 0x0f) | 0x40;
  hex[8] = (hex[8]! & 0x3f) | 0x80;
  const s = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const ORG_WORDS: Record<Lang, [string[], string[]]> = {
  fr: [
    ['Les Amis du', 'Maison du', 'Atelier du', 'Collectif', 'Espace', 'Réseau'],
    ['Clavier', 'Quartier', 'Lien', 'Numérique', 'Soleil', 'Pont', 'Savoir', 'Voisinage'],
  ],
  nl: [
    ['Vrienden van het', 'Huis van het', 'Atelier', 'Collectief', 'Ruimte', 'Netwerk'],
    ['Klavier', 'Buurt', 'Verbinding', 'Digitaal', 'Zon', 'Brug', 'Weten', 'Samenleven'],
  ],
};

export function organisationName(random: Random, i: number): { name: string; lang: Lang } {
  const lang: Lang = random() < 0.55 ? 'fr' : 'nl';
  const [a, b] = ORG_WORDS[lang];
  return { lang, name: `${lang === 'fr' ? 'Asbl' : 'vzw'} ${pick(random, a)} ${pick(random, b)} ${i + 1}` };
}

export { pick, sample };
