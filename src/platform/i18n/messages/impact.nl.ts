import type { impactEn } from './impact.en.ts';

export const impactNl = {
  'impact.call.title': 'Impact',
  'impact.programme.title': 'Impact van het programma',
  'impact.programme.intro':
    'Alle oproepen van {funders}: {calls, plural, =0 {nog geen oproep met subsidies} one {# oproep met subsidies} other {# oproepen met subsidies}}.',
  'impact.public.title': 'Wat de oproepen bereikten',
  'impact.public.intro':
    'De subsidies van {calls, plural, =0 {nog geen oproep} one {# oproep} other {# oproepen}} met gepubliceerde resultaten, en de mensen die hun projecten bereikten, volgens de rapporten die de financiers goedkeurden. Alleen totalen worden getoond: niemand is herkenbaar.',
  'impact.public.link': 'De openbare pagina van het programma',
  'impact.public.openData': 'De subsidies als open data (360Giving)',
  'impact.home.title': 'Wat de oproepen bereikten',
  'impact.home.text':
    'Het toegekende en betaalde geld, en de mensen die de gefinancierde projecten bereikten, gemeente per gemeente.',
  'impact.home.link': 'Bekijk de impact',
  'impact.nav': 'Impact',
  'impact.fact.grants': 'Subsidies',
  'impact.fact.reporting': 'Subsidies met een goedgekeurd rapport',
  'impact.fact.participants': 'Bereikte deelnemers',
  'impact.suppressed':
    'Om de getelde mensen te beschermen, wordt een aantal van 1 tot 4 mensen getoond als „< 5”, en wordt nog een cel verborgen waar een totaal het zou verraden.',
  'impact.noReports': 'Er is nog geen rapport goedgekeurd: de deelnemers worden hier getoond zodra er een is.',
  'impact.csv': 'De gegevens van „{chart}” downloaden (CSV)',
  'impact.chart.budget': 'Budget, toegekend, vastgelegd en betaald',
  'impact.chart.grants': 'Subsidies per status',
  'impact.chart.publics': 'Deelnemers per voornaamste doelgroep',
  'impact.chart.communes': 'Deelnemers per woonplaats',
  'impact.chart.ages': 'Deelnemers per leeftijdsgroep',
  'impact.chart.genders': 'Deelnemers per gender',
  'impact.chart.digcomp': 'Behandelde DigComp 2.2-domeinen',
  'impact.chart.activity': 'Sessies, uren begeleiding en toestellen',
  'impact.budget.budget': 'Budget',
  'impact.budget.granted': 'Toegekend',
  'impact.budget.committed': 'Vastgelegd (overeenkomsten ondertekend)',
  'impact.budget.paid': 'Betaald',
  'impact.budget.summary':
    '{granted} toegekend van een budget van {budget}; {paid} tot nu toe betaald, {share} van het toegekende.',
  'impact.grants.summary':
    '{count, plural, =0 {Nog geen subsidie.} one {# subsidie, per status.} other {# subsidies, per status.}}',
  'impact.breakdown.summary':
    '{total, plural, one {# deelnemer} other {# deelnemers}} in totaal; de grootste groep: {top}.',
  'impact.ages.summary':
    '{people} deelnemers van 16 tot 74 jaar: {share} van de {of} digitaal kwetsbare inwoners van het Brussels Hoofdstedelijk Gewest van die leeftijden.',
  'impact.digcomp.summary':
    'Hoeveel van de {reporting, plural, one {# subsidie} other {# subsidies}} met een goedgekeurd rapport aan elk domein werkten; het meest: {top}.',
  'impact.activity.summary':
    '{sessions, plural, one {# sessie} other {# sessies}} en {hours, plural, one {# uur} other {# uren}} begeleiding, gerapporteerd door {reporting, plural, one {# subsidie} other {# subsidies}}.',
  'impact.activity.sessions': 'Georganiseerde sessies',
  'impact.activity.hours': 'Uren begeleiding',
  'impact.activity.devicesLent': 'Uitgeleende toestellen',
  'impact.activity.devicesRefurbished': 'Herstelde toestellen',
  'impact.column.figure': 'Cijfer',
  'impact.column.amount': 'Bedrag',
  'impact.column.shareOfBudget': 'Deel van het budget',
  'impact.column.state': 'Status',
  'impact.column.grants': 'Subsidies',
  'impact.column.category': 'Categorie',
  'impact.column.commune': 'Gemeente',
  'impact.column.area': 'DigComp-domein',
  'impact.column.participants': 'Deelnemers',
  'impact.column.shareOfParticipants': 'Deel van de deelnemers',
  'impact.column.shareOfReporting': 'Deel van de subsidies met rapport',
  'impact.column.count': 'Aantal',
  'impact.map.none': 'Geen',
  'impact.map.hidden': '< 5',
  'impact.withheld': 'verborgen',
} as const satisfies Record<keyof typeof impactEn, string>;
