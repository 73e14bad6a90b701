// The 26 applications to BEE's "Former les Bruxellois au numérique" (press release: 26 submitted,
// 19 eligible, 9 selected). The nine projects of the press release come first, in its order, which
// is also the jury's; their requests add up to the call's 600 000 € exactly. The 17 others are
// invented: 10 eligible, ranked below the nine (4 of them under a threshold), and 7 ineligible.
// What the organisation is told (a reason, the panel's comment) is in its language.
import { eurosToCents as euros } from '../../domain/money.ts';
import { ELIGIBLE, fromSeed, invented, type DemoApplication } from './demoApplications.ts';

const KEY = 'bee-digital-skills';
const TEAM = 'Coordination des projets';
const notSocialEconomy = (note: string, reason: string) => ({ eligible: false as const, unmet: 'social-economy', note, reason });
const outsideBrussels = (note: string, reason: string) => ({ eligible: false as const, unmet: 'brussels', note, reason });
const incompleteFile = (note: string, reason: string) => ({ eligible: false as const, unmet: 'complete-file', note, reason });

export const BEE_APPLICATIONS: readonly DemoApplication[] = [
  fromSeed(KEY, 'Convivialités', {
    slug: 'convivialites', legalForm: 'asbl', street: 'Rue Verte 48', postalCode: '1210', contactName: TEAM, locale: 'fr',
    communes: ['21014', '21015', '21004'], digcomp: ['1', '2', '4'], participants: 120, requestedCents: euros(58_420), screening: ELIGIBLE,
    consensus: { scores: [18, 18, 17, 17], comment: 'Projet très pertinent pour les primo-arrivants, dont l’intégration passe de plus en plus par les démarches en ligne. La méthode, qui associe pratique du français et usages numériques en petits groupes, a fait ses preuves. Budget réaliste et partenariats solides avec les bureaux d’accueil. Le jury recommande le soutien du projet.' },
  }),
  fromSeed(KEY, 'BeCode', {
    slug: 'becode', legalForm: 'asbl', street: 'Rue de la Caserne 12', postalCode: '1000', contactName: TEAM, locale: 'fr',
    communes: ['21004', '21012', '21001'], digcomp: ['3', '5'], participants: 60, requestedCents: euros(84_750), screening: ELIGIBLE,
    consensus: { scores: [18, 17, 17, 17], comment: 'Le jury salue une pédagogie active éprouvée et un accompagnement individuel qui atteint réellement les publics sous-représentés dans le secteur technologique. Le budget est élevé mais justifié par l’encadrement. Les taux d’insertion annoncés devront être suivis dans les rapports.' },
  }),
  fromSeed(KEY, 'Womenpreneur', {
    slug: 'womenpreneur', legalForm: 'asbl', street: 'Chaussée de Wavre 214', postalCode: '1050', contactName: TEAM, locale: 'fr',
    communes: ['21009', '21013', '21007'], digcomp: ['4', '5'], participants: 48, requestedCents: euros(71_380), screening: ELIGIBLE,
    consensus: { scores: [17, 17, 17, 16], comment: 'Projet original qui relie une formation technique, la réparation et le reconditionnement de smartphones et de tablettes, à l’insertion durable des femmes sur le marché de l’emploi. Méthode claire, employeurs partenaires identifiés. Le jury recommande le soutien du projet.' },
  }),
  fromSeed(KEY, 'Action et recherche culturelles', {
    slug: 'arc', legalForm: 'asbl', street: 'Rue de Laeken 91', postalCode: '1000', contactName: TEAM, locale: 'fr',
    communes: ['21004', '21012', '21015', '21001'], digcomp: ['1', '2', '4'], participants: 400, requestedCents: euros(62_915.5), screening: ELIGIBLE,
    consensus: { scores: [18, 16, 16, 16], comment: 'Service d’accompagnement très utile face à la numérisation des services publics et essentiels, au plus près des habitants. Le jury apprécie l’ancrage associatif et la formation des aidants. Les indicateurs d’impact gagneraient à être précisés.' },
  }),
  fromSeed(KEY, 'Fobagra', {
    slug: 'fobagra', legalForm: 'asbl', street: 'Rue Brogniez 46', postalCode: '1070', contactName: TEAM, locale: 'fr',
    communes: ['21001', '21007'], digcomp: ['1', '2', '3'], participants: 75, requestedCents: euros(54_600), screening: ELIGIBLE,
    consensus: { scores: [17, 16, 16, 15], comment: 'Dispositif bien ciblé sur les travailleurs en fin de contrat d’insertion, au moment où les compétences numériques font la différence pour retrouver un emploi. Méthode cohérente, budget maîtrisé. Le jury recommande le soutien du projet.' },
  }),
  fromSeed(KEY, 'Open Knowledge', {
    slug: 'open-knowledge', legalForm: 'asbl', street: 'Boulevard Émile Jacqmain 112', postalCode: '1000', contactName: TEAM, locale: 'fr',
    communes: ['21004', '21012'], digcomp: ['3', '5'], participants: 30, requestedCents: euros(68_240), screening: ELIGIBLE,
    consensus: { scores: [17, 15, 16, 15], comment: 'Le test d’une nouvelle méthode pédagogique pour les cours de programmation destinés aux personnes réfugiées et migrantes est pertinent et bien documenté. Le jury relève un coût par participant élevé, compensé par un fort potentiel d’insertion dans le secteur.' },
  }),
  fromSeed(KEY, 'Espace Cultures & Développement', {
    slug: 'ecd', legalForm: 'asbl', street: 'Place Colignon 9', postalCode: '1030', contactName: TEAM, locale: 'fr',
    communes: ['21015', '21006', '21014'], digcomp: ['1', '2'], participants: 90, requestedCents: euros(48_760), screening: ELIGIBLE,
    consensus: { scores: [16, 15, 15, 15], comment: 'Projet qui va vers un public rarement atteint, les aides-ménagères, grâce à un espace public numérique mobile. Méthode pragmatique et horaires adaptés au métier. Le jury encourage l’association à prévoir dès le départ la suite du parcours des participantes.' },
  }),
  fromSeed(KEY, 'Molengeek', {
    slug: 'molengeek', legalForm: 'asbl', street: 'Chaussée de Gand 180', postalCode: '1080', contactName: TEAM, locale: 'fr',
    communes: ['21012', '21011', '21004'], digcomp: ['3', '5'], participants: 80, requestedCents: euros(79_850), screening: ELIGIBLE,
    consensus: { scores: [16, 15, 14, 14], comment: 'Accompagnement professionnel solide, qui fait le lien entre formation digitale et emploi pour des chercheurs d’emploi éloignés du marché du travail. Le jury note un budget important et un recouvrement partiel avec d’autres financements, à clarifier dans la convention.' },
  }),
  fromSeed(KEY, 'MAKS', {
    slug: 'maks', legalForm: 'asbl', street: 'Rue Georges Moreau 50', postalCode: '1070', contactName: TEAM, locale: 'fr',
    communes: ['21001', '21012'], digcomp: ['1', '2', '4'], participants: 110, requestedCents: euros(71_084.5), screening: ELIGIBLE,
    consensus: { scores: [15, 14, 15, 14], comment: 'Projet utile qui renforce les compétences numériques des encadrants et des travailleurs de l’économie sociale, avec un effet multiplicateur dans les entreprises. La méthode est solide ; l’impact à long terme devra être mieux mesuré. Le jury recommande le soutien du projet.' },
  }),

  invented({
    organisation: 'Clic & Quartier', slug: 'clic-et-quartier', legalForm: 'asbl', street: 'Rue Ransfort 33', postalCode: '1080', contactName: 'Karim El Idrissi', locale: 'fr',
    project: 'Café numérique du Vieux-Molenbeek', summary: 'Un café numérique ouvert deux après-midi par semaine dans le Vieux-Molenbeek : les habitants y apprennent à utiliser smartphone, messagerie et services en ligne, avec un animateur et des bénévoles du quartier.',
    publics: ['seniors', 'general-public'], communes: ['21012'], digcomp: ['1', '2'], participants: 150, requestedCents: euros(45_200), screening: ELIGIBLE,
    consensus: { scores: [14, 14, 15, 14], comment: 'Projet de proximité bien implanté, mais proche d’activités déjà financées par ailleurs. La méthode reste générale et l’impact au-delà des participants réguliers est peu démontré. Projet de qualité, moins prioritaire que ceux qui le précèdent dans le classement.' },
  }),
  invented({
    organisation: 'Femmes & Octets', slug: 'femmes-et-octets', legalForm: 'asbl', street: 'Rue de Mérode 95', postalCode: '1060', contactName: 'Inès Moreau', locale: 'fr',
    project: 'Codeuses en herbe', summary: 'Des ateliers d’initiation à la programmation pour des jeunes femmes de 16 à 25 ans, le mercredi après-midi et pendant les vacances scolaires.',
    publics: ['women', 'young-15-25'], communes: ['21013', '21007'], digcomp: ['3'], participants: 40, requestedCents: euros(64_800), screening: ELIGIBLE,
    consensus: { scores: [15, 13, 14, 13], comment: 'Public bien choisi et équipe motivée. Le programme reste cependant peu détaillé et le débouché professionnel n’est pas assez travaillé pour un budget de cette ampleur.' },
  }),
  invented({
    organisation: 'Atelier Kolibri', slug: 'atelier-kolibri', legalForm: 'asbl', street: 'Vlaamsesteenweg 66', postalCode: '1000', contactName: 'Lotte Peeters', locale: 'nl',
    project: 'Digitaal op eigen tempo', summary: 'Individuele begeleiding en lessen in kleine groepen voor nieuwkomers die hun digitale basisvaardigheden willen versterken, in het Nederlands en op eigen tempo.',
    publics: ['newcomers'], communes: ['21004', '21014'], digcomp: ['1', '2'], participants: 70, requestedCents: euros(49_950), screening: ELIGIBLE,
    consensus: { scores: [14, 13, 13, 13], comment: 'Relevant project voor nieuwkomers die Nederlands leren, met een persoonlijke begeleiding. De jury betreurt een opleidingsplan dat nog weinig gestructureerd is en een begroting die grotendeels op één persoon steunt.' },
  }),
  invented({
    organisation: 'Trajectoires Numériques', slug: 'trajectoires-numeriques', legalForm: 'social-economy', street: 'Avenue Van Volxem 304', postalCode: '1190', contactName: 'Julie Maes', locale: 'fr',
    project: 'Code Passerelle', summary: 'Une formation intensive de quatorze semaines au développement web pour de jeunes chercheurs d’emploi, suivie d’un stage en entreprise.',
    publics: ['job-seekers', 'young-15-25'], communes: ['21007', '21013', '21001'], digcomp: ['3', '5'], participants: 36, requestedCents: euros(92_000), screening: ELIGIBLE,
    consensus: { scores: [13, 13, 13, 12], comment: 'Projet sérieux mais coûteux au regard du nombre de participants. La méthode reprend un modèle de formation intensive classique sans adaptation marquée aux publics éloignés du numérique.' },
  }),
  invented({
    organisation: 'Écrans Partagés', slug: 'ecrans-partages', legalForm: 'asbl', street: 'Rue Vanderkindere 402', postalCode: '1180', contactName: 'Anne-Marie Collignon', locale: 'fr',
    project: 'Tablettes et lien social', summary: 'Des ateliers tablette en petits groupes dans trois résidences pour seniors d’Uccle et de Watermael-Boitsfort, pour garder le contact avec les proches et les services.',
    publics: ['seniors'], communes: ['21016', '21017'], digcomp: ['1', '2'], participants: 100, requestedCents: euros(41_600), screening: ELIGIBLE,
    consensus: { scores: [13, 12, 12, 11], comment: 'L’idée de rompre l’isolement des seniors par la tablette est pertinente, mais le projet reste centré sur la découverte de l’outil, sans progression pédagogique ni suivi des acquis.' },
  }),
  invented({
    organisation: 'La Passerelle du Midi', slug: 'passerelle-du-midi', legalForm: 'asbl', street: 'Avenue Fonsny 18', postalCode: '1060', contactName: 'Samuel Nkosi', locale: 'fr',
    project: 'Jeunes médiateurs numériques', summary: 'Former une vingtaine de jeunes du quartier du Midi comme médiateurs numériques, qui accompagnent ensuite les habitants dans les associations partenaires.',
    publics: ['young-15-25'], communes: ['21013', '21001'], digcomp: ['2', '4'], participants: 24, requestedCents: euros(35_400), screening: ELIGIBLE,
    consensus: { scores: [12, 11, 12, 11], comment: 'Former des jeunes comme médiateurs numériques est une bonne idée, mais le recrutement, l’encadrement et la suite du parcours des jeunes sont trop peu décrits pour convaincre le jury.' },
  }),
  invented({
    organisation: 'Pixel Solidaire', slug: 'pixel-solidaire', legalForm: 'asbl', street: 'Rue Gray 117', postalCode: '1040', contactName: 'Thomas Delcourt', locale: 'fr',
    project: 'Réparer pour apprendre', summary: 'Un repair café informatique mensuel où des bénévoles réparent les ordinateurs des habitants et leur apprennent à les entretenir ; les appareils réparés sont ensuite prêtés à des familles.',
    publics: ['general-public'], communes: ['21005', '21009'], digcomp: ['5'], participants: 60, requestedCents: euros(38_900), screening: ELIGIBLE,
    consensus: { scores: [9, 14, 13, 13], comment: 'Le repair café est bien organisé, mais il s’adresse surtout à des bénévoles et à des visiteurs déjà à l’aise avec l’informatique. Le lien avec les publics éloignés du numérique reste trop faible : la pertinence n’atteint pas le seuil de 10 sur 20 fixé par l’appel.' },
  }),
  invented({
    organisation: 'Horizon Insertion Bruxelles', slug: 'horizon-insertion', legalForm: 'asbl', street: 'Rue Édouard Stuckens 36', postalCode: '1140', contactName: 'Fatou Diallo', locale: 'fr',
    project: 'Bureautique pour la reprise d’emploi', summary: 'Un cycle de modules de bureautique (traitement de texte, tableur, messagerie) pour des chercheurs d’emploi d’Evere et de Woluwe-Saint-Lambert.',
    publics: ['job-seekers'], communes: ['21006', '21018'], digcomp: ['1', '3'], participants: 80, requestedCents: euros(56_300), screening: ELIGIBLE,
    consensus: { scores: [11, 9, 10, 9], comment: 'Le besoin est réel, mais le projet propose un catalogue de modules de bureautique sans diagnostic des participants ni lien avec les employeurs. Le total reste sous le seuil de 50 points fixé par l’appel.' },
  }),
  invented({
    organisation: 'Mosaïque Emploi', slug: 'mosaique-emploi', legalForm: 'asbl', street: 'Rue Léon Théodor 60', postalCode: '1090', contactName: 'Catherine Renard', locale: 'fr',
    project: 'Numérique et handicap : premiers pas', summary: 'Des ateliers d’initiation au numérique pour des personnes en situation de handicap, dans les locaux de l’association à Jette.',
    publics: ['persons-with-disabilities'], communes: ['21010', '21008'], digcomp: ['1'], participants: 30, requestedCents: euros(27_500), screening: ELIGIBLE,
    consensus: { scores: [10, 8, 9, 8], comment: 'Le public visé est pertinent, mais la méthode n’est pas adaptée aux différents types de handicap et l’accessibilité des outils n’est pas abordée. Le budget ne couvre pas l’encadrement nécessaire. Le total reste sous le seuil de 50 points.' },
  }),
  invented({
    organisation: 'Réseau Entraide Anneessens', slug: 'entraide-anneessens', legalForm: 'asbl', street: 'Rue Anneessens 21', postalCode: '1000', contactName: 'Youssef Amrani', locale: 'fr',
    project: 'Démarches en ligne sans stress', summary: 'Une permanence hebdomadaire où des bénévoles aident les habitants précarisés du quartier Anneessens à effectuer leurs démarches administratives en ligne.',
    publics: ['precarious', 'social-assistance-recipients'], communes: ['21004'], digcomp: ['1', '4'], participants: 200, requestedCents: euros(33_750), screening: ELIGIBLE,
    consensus: { scores: [12, 8, 7, 8], comment: 'Le public est pertinent, mais le projet repose sur des bénévoles non formés et sur un local qui n’est pas encore trouvé. La faisabilité n’est pas démontrée et le total reste sous le seuil de 50 points.' },
  }),

  invented({
    organisation: 'Numeris Conseil', slug: 'numeris-conseil', legalForm: 'other', street: 'Avenue Louise 231', postalCode: '1050', contactName: 'Olivier Dumont', locale: 'fr',
    project: 'Bureautique en entreprise', summary: 'Des formations en bureautique et en outils collaboratifs, données en entreprise à des chercheurs d’emploi en période d’essai.',
    publics: ['job-seekers'], communes: ['21009'], digcomp: ['1', '3'], participants: 40, requestedCents: euros(75_000),
    screening: notSocialEconomy('SRL commerciale, sans agrément ni reconnaissance d’entreprise sociale.', 'Votre société n’est pas une entreprise d’économie sociale agréée ou reconnue en Région bruxelloise, condition fixée par l’appel.'),
  }),
  invented({
    organisation: 'Quantix Learning', slug: 'quantix-learning', legalForm: 'other', street: 'Boulevard du Régent 35', postalCode: '1000', contactName: 'Nicolas Lefèvre', locale: 'fr',
    project: 'Bootcamp cybersécurité', summary: 'Un bootcamp de douze semaines en cybersécurité, qui prépare à une certification professionnelle.',
    publics: ['job-seekers', 'young-15-25'], communes: ['21004'], digcomp: ['4'], participants: 25, requestedCents: euros(88_000),
    screening: notSocialEconomy('Société anonyme à but lucratif ; aucun agrément d’entreprise sociale.', 'Votre société anonyme poursuit un but lucratif et n’est pas agréée comme entreprise sociale : l’appel est réservé aux entreprises d’économie sociale.'),
  }),
  invented({
    organisation: 'Fondation Héliotrope', slug: 'fondation-heliotrope', legalForm: 'other', street: 'Avenue de Tervueren 270', postalCode: '1150', contactName: 'Guillaume Dubois', locale: 'fr',
    project: 'Bourses numériques pour étudiants', summary: 'Des bourses pour l’achat d’ordinateurs portables et un tutorat en ligne pour des étudiants de l’enseignement supérieur.',
    publics: ['young-15-25'], communes: ['21019'], digcomp: ['1'], participants: 150, requestedCents: euros(60_000),
    screening: notSocialEconomy('Fondation privée, ni agréée ni reconnue comme entreprise sociale.', 'La fondation n’est pas une entreprise d’économie sociale agréée ou reconnue ; l’appel est réservé à ces entreprises.'),
  }),
  invented({
    organisation: 'Vilvoorde Digitaal', slug: 'vilvoorde-digitaal', legalForm: 'asbl', street: 'Leuvensestraat 14', postalCode: '1800', city: 'Vilvoorde', contactName: 'Bram Willems', locale: 'nl',
    project: 'Digitale buddies in de Rand', summary: 'Vrijwillige digitale buddies helpen senioren in Vilvoorde en Machelen thuis met hun smartphone en tablet; de buddies worden ook in Evere gerekruteerd.',
    publics: ['seniors'], communes: ['21006'], digcomp: ['1', '2'], participants: 80, requestedCents: euros(52_300),
    screening: outsideBrussels('Activités à Vilvorde et à Machelen (Brabant flamand) ; Evere n’est citée que pour recruter les bénévoles.', 'De activiteiten van het project vinden plaats in Vilvoorde en Machelen, buiten het Brussels Hoofdstedelijk Gewest; de oproep financiert projecten in de 19 Brusselse gemeenten.'),
  }),
  invented({
    organisation: 'Cyber-Seniors Brabant wallon', slug: 'cyber-seniors-bw', legalForm: 'asbl', street: 'Rue de Namur 12', postalCode: '1400', city: 'Nivelles', contactName: 'Martine Lejeune', locale: 'fr',
    project: 'Seniors connectés', summary: 'Des ateliers d’initiation à l’informatique pour les seniors, dans les maisons communales de Nivelles et de Wavre, ouverts aussi aux habitants d’Uccle.',
    publics: ['seniors'], communes: ['21016'], digcomp: ['1', '2'], participants: 90, requestedCents: euros(44_500),
    screening: outsideBrussels('Ateliers à Nivelles et à Wavre ; aucune activité prévue en Région bruxelloise.', 'Les ateliers ont lieu à Nivelles et à Wavre, hors de la Région de Bruxelles-Capitale ; l’appel finance des projets menés dans les 19 communes bruxelloises.'),
  }),
  invented({
    organisation: 'Le Fil d’Ariane numérique', slug: 'fil-d-ariane', legalForm: 'asbl', street: 'Avenue Rogier 140', postalCode: '1030', contactName: 'Hélène Lambotte', locale: 'fr',
    project: 'Permanences numériques itinérantes', summary: 'Une camionnette aménagée qui tient des permanences numériques sur les marchés et les places de Schaerbeek et d’Evere.',
    publics: ['general-public', 'precarious'], communes: ['21015', '21006'], digcomp: ['1', '2'], participants: 300, requestedCents: euros(29_800),
    screening: incompleteFile('Comptes annuels non joints, malgré le rappel du formulaire.', 'Les derniers comptes annuels, pièce obligatoire de l’appel, ne figurent pas au dossier : la capacité financière de l’association ne peut pas être vérifiée.'),
  }),
  invented({
    organisation: 'Collectif Lien Digital', slug: 'lien-digital', legalForm: 'asbl', street: 'Rue Wayez 88', postalCode: '1070', contactName: 'Aïcha Benmoussa', locale: 'fr',
    project: 'Smartphones pour tous', summary: 'La collecte, le reconditionnement et la distribution de smartphones à des personnes précarisées d’Anderlecht, avec une courte initiation.',
    publics: ['precarious'], communes: ['21001'], digcomp: ['1', '4'], participants: 120, requestedCents: euros(24_900),
    screening: incompleteFile('ASBL créée en 2025 : pas encore de comptes annuels approuvés.', 'L’association, créée en 2025, ne peut pas encore produire de comptes annuels approuvés, que l’appel exige pour vérifier la capacité financière.'),
  }),
];
