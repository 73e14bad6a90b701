import type { officersEn } from './officers.en.ts';

export const officersNl: Record<keyof typeof officersEn, string> = {
  'call.nav.results': 'Gepubliceerde resultaten',
  'decisions.results.confirmTitle': 'De resultaten van {call} publiceren?',
  'decisions.results.confirmBody':
    'Publiceren toont op de openbare pagina van de oproep {count, plural, =0 {dat geen enkel project gefinancierd wordt} one {het gefinancierde project en zijn bedrag ({total})} other {de # gefinancierde projecten en hun bedragen ({total} in totaal)}}, met de aankondiging, en voegt de subsidies toe aan de open data. Gepubliceerde resultaten kunnen niet meer worden ingetrokken.',
  'mail.jury.assigned.subject':
    '{count, plural, one {Een aanvraag} other {# aanvragen}} te beoordelen: jury van {call}',
  'mail.jury.assigned.body':
    '{count, plural, one {Er is u een aanvraag van de oproep {call} toegewezen.} other {Er zijn u # aanvragen van de oproep {call} toegewezen.}} Meld een eventueel belangenconflict en beoordeel {count, plural, one {ze} other {ze}} daarna op uw jurypagina:',
  'jury.mine.progress':
    '{count, plural, one {# aanvraag toegewezen} other {# aanvragen toegewezen}}, {left, plural, =0 {alle beoordeeld} one {nog # te beoordelen} other {nog # te beoordelen}}',
  'decisions.signatoryName': 'Wie ondertekent de brieven (naam)',
  'decisions.signatoryFunction': 'Functie',
  'decisions.signatoryFunction.hint': 'Zoals de brieven ze vermelden, bijvoorbeeld directeur-generaal.',
  'decisions.appealRoutes': 'Beroepsmogelijkheden (facultatief)',
  'decisions.appealRoutes.hint':
    'Laat leeg voor de standaardtekst in elke taal: een beroep tot nietigverklaring bij de Raad van State binnen 60 dagen na de kennisgeving.',
  'letter.appeal.title': 'Beroepsmogelijkheden',
  'letter.appeal.default':
    'Tegen deze beslissing kan binnen 60 dagen na de kennisgeving een beroep tot nietigverklaring worden ingesteld bij de Raad van State (Wetenschapsstraat 33, 1040 Brussel), met een door een advocaat ondertekend verzoekschrift, aangetekend verstuurd of elektronisch ingediend (eproadmin.raadvst-consetat.be). U kunt {funder} ook eerst vragen de beslissing te heroverwegen; dat schorst de termijn niet.',
  'letter.contact': 'Voor vragen over deze beslissing kunt u schrijven naar {email}.',
  'letter.signedBy': '{name}, {function}',
  'start.officer.title': 'Wat op u wacht',
  'start.officer.none': 'U beheert nog geen enkele oproep.',
  'start.officer.nothing': 'Niets wacht op u bij deze oproep.',
  'start.officer.toScreen': '{count, plural, one {# aanvraag te screenen} other {# aanvragen te screenen}}',
  'start.officer.jurorsLate':
    '{count, plural, one {# jurylid heeft werk openstaan} other {# juryleden hebben werk openstaan}}',
  'start.officer.consensusMissing':
    '{count, plural, one {# aanvraag zonder consensus} other {# aanvragen zonder consensus}}',
  'start.officer.decisionToTake': 'De beslissing moet nog genomen worden',
};
