import type { officersEn } from './officers.en.ts';

export const officersNl: Record<keyof typeof officersEn, string> = {
  'call.nav.results': 'Gepubliceerde resultaten',
  'decisions.results.confirmTitle': 'De resultaten van {call} publiceren?',
  'decisions.results.confirmBody':
    'Publiceren toont op de openbare pagina van de oproep {count, plural, =0 {dat geen enkel project gefinancierd wordt} one {het gefinancierde project en zijn bedrag ({total})} other {de # gefinancierde projecten en hun bedragen ({total} in totaal)}}, met de aankondiging, en voegt de subsidies toe aan de open data. Gepubliceerde resultaten kunnen niet meer worden ingetrokken.',
  'mail.jury.assigned.subject': '{count, plural, one {Een aanvraag} other {# aanvragen}} te beoordelen: jury van {call}',
  'mail.jury.assigned.body':
    '{count, plural, one {Er is u een aanvraag van de oproep {call} toegewezen.} other {Er zijn u # aanvragen van de oproep {call} toegewezen.}} Meld een eventueel belangenconflict en beoordeel {count, plural, one {ze} other {ze}} daarna op uw jurypagina:',
  'jury.mine.progress':
    '{count, plural, one {# aanvraag toegewezen} other {# aanvragen toegewezen}}, {left, plural, =0 {alle beoordeeld} one {nog # te beoordelen} other {nog # te beoordelen}}',
};
