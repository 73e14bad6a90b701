import type { impactEn } from './impact.en.ts';

// Espaces fines insécables (U+202F) avant : ; ! ? et dans les guillemets, comme le veut la typographie française.
export const impactFr = {
  'impact.call.title': 'Impact',
  'impact.programme.title': 'Impact du programme',
  'impact.programme.intro':
    'Tous les appels de {funders}\u202f: {calls, plural, =0 {aucun appel n’a encore de subventions} one {# appel avec des subventions} other {# appels avec des subventions}}.',
  'impact.public.title': 'Ce que les appels ont permis',
  'impact.public.intro':
    'Les subventions {calls, plural, =0 {d’aucun appel encore} one {d’# appel} other {de # appels}} dont les résultats sont publiés, et les personnes que leurs projets ont touchées, d’après les rapports approuvés par les financeurs. Seuls des totaux sont montrés\u202f: personne ne peut être reconnu.',
  'impact.public.link': 'La page publique du programme',
  'impact.public.openData': 'Les subventions en données ouvertes (360Giving)',
  'impact.home.title': 'Ce que les appels ont permis',
  'impact.home.text':
    'L’argent octroyé et payé, et les personnes touchées par les projets financés, commune par commune.',
  'impact.home.link': 'Voir l’impact',
  'impact.nav': 'Impact',
  'impact.fact.grants': 'Subventions',
  'impact.fact.reporting': 'Subventions avec un rapport approuvé',
  'impact.fact.participants': 'Participants touchés',
  'impact.suppressed':
    'Pour protéger les personnes comptées, un chiffre de 1 à 4 personnes est affiché «\u202f< 5\u202f», et une autre case est masquée quand un total le révélerait.',
  'impact.noReports':
    'Aucun rapport n’a encore été approuvé\u202f: les participants seront montrés ici dès qu’un le sera.',
  'impact.csv': 'Télécharger les données de «\u202f{chart}\u202f» (CSV)',
  'impact.chart.budget': 'Budget, octroyé, engagé et payé',
  'impact.chart.grants': 'Subventions par état',
  'impact.chart.publics': 'Participants par public cible principal',
  'impact.chart.communes': 'Participants par commune de résidence',
  'impact.chart.ages': 'Participants par tranche d’âge',
  'impact.chart.genders': 'Participants par genre',
  'impact.chart.digcomp': 'Domaines DigComp 2.2 travaillés',
  'impact.chart.activity': 'Séances, heures d’accompagnement et appareils',
  'impact.budget.budget': 'Budget',
  'impact.budget.granted': 'Octroyé',
  'impact.budget.committed': 'Engagé (conventions signées)',
  'impact.budget.paid': 'Payé',
  'impact.budget.summary':
    '{granted} octroyés sur un budget de {budget}\u202f; {paid} payés à ce jour, soit {share} de l’octroyé.',
  'impact.grants.summary':
    '{count, plural, =0 {Aucune subvention encore.} one {# subvention, par état.} other {# subventions, par état.}}',
  'impact.breakdown.summary':
    '{total, plural, one {# participant} other {# participants}} en tout\u202f; le groupe le plus nombreux\u202f: {top}.',
  'impact.ages.summary':
    '{people} participants de 16 à 74 ans\u202f: {share} des {of} habitants de la Région de Bruxelles-Capitale de ces âges en situation de vulnérabilité numérique.',
  'impact.digcomp.summary':
    'Combien des {reporting, plural, one {# subvention} other {# subventions}} avec un rapport approuvé ont travaillé chaque domaine\u202f; le plus\u202f: {top}.',
  'impact.activity.summary':
    '{sessions, plural, one {# séance} other {# séances}} et {hours, plural, one {# heure} other {# heures}} d’accompagnement, rapportées par {reporting, plural, one {# subvention} other {# subventions}}.',
  'impact.activity.sessions': 'Séances organisées',
  'impact.activity.hours': 'Heures d’accompagnement',
  'impact.activity.devicesLent': 'Appareils prêtés',
  'impact.activity.devicesRefurbished': 'Appareils reconditionnés',
  'impact.column.figure': 'Chiffre',
  'impact.column.amount': 'Montant',
  'impact.column.shareOfBudget': 'Part du budget',
  'impact.column.state': 'État',
  'impact.column.grants': 'Subventions',
  'impact.column.category': 'Catégorie',
  'impact.column.commune': 'Commune',
  'impact.column.area': 'Domaine DigComp',
  'impact.column.participants': 'Participants',
  'impact.column.shareOfParticipants': 'Part des participants',
  'impact.column.shareOfReporting': 'Part des subventions avec rapport',
  'impact.column.count': 'Nombre',
  'impact.map.none': 'Aucun',
  'impact.map.hidden': '< 5',
  'impact.withheld': 'masqué',
  'admin.nav.referencePopulation': 'Population de référence',
  'impact.reference.title': 'Population de référence',
  'impact.reference.intro':
    'Les pages d’impact rapportent les participants de 16 à 74 ans aux habitants de la Région de Bruxelles-Capitale de ces âges en situation de vulnérabilité numérique. Indiquez leur nombre, leur part des habitants et la source de ces chiffres.',
  'impact.reference.people': 'Habitants de 16 à 74 ans en situation de vulnérabilité numérique',
  'impact.reference.peopleHint': 'Un nombre entier de personnes, par exemple 300 000.',
  'impact.reference.share': 'Leur part des habitants de ces âges (%)',
  'impact.reference.shareHint': 'Un pourcentage supérieur à 0 et d’au plus 100, par exemple 40.',
  'impact.reference.source': 'Source des chiffres',
  'impact.reference.save': 'Enregistrer la population de référence',
  'impact.reference.saved':
    'La population de référence a été enregistrée\u202f; les pages d’impact l’utilisent désormais.',
  'impact.reference.peopleInvalid': 'Indiquez un nombre entier de personnes de 1 à 10 000 000.',
  'impact.reference.shareInvalid': 'Indiquez un pourcentage supérieur à 0 et d’au plus 100.',
} as const satisfies Record<keyof typeof impactEn, string>;
