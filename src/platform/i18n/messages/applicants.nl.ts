import type { applicantsEn } from './applicants.en.ts';

export const applicantsNl: Record<keyof typeof applicantsEn, string> = {
  'applicants.file.add': 'Een bestand toevoegen',
  'applicants.file.savedWithSection':
    'Het bestand wordt toegevoegd wanneer u deze sectie opslaat, samen met uw antwoorden.',
  'applicants.file.removeOnSave': '{name} verwijderen bij het opslaan',
  'applicants.window.notYetOpen': 'Deze oproep is nog niet open: er kan nog geen aanvraag worden gestart.',
  'applicants.window.opensOn': 'Deze oproep is nog niet open: aanvragen kunnen worden gestart vanaf {date}.',
  'applicants.window.closed': 'Deze oproep is afgesloten: er worden geen aanvragen meer aanvaard.',
  'applicants.window.decided':
    'Deze oproep is afgesloten en over de aanvragen is beslist: er worden geen aanvragen meer aanvaard.',
  'applicants.window.closedOn': 'De aanvragen werden afgesloten op {date}.',
  'applicants.outcome.title': 'Beslissing',
  'applicants.outcome.decision': 'Resultaat',
  'applicants.outcome.selected': 'Geselecteerd: er wordt een subsidie toegekend',
  'applicants.outcome.reserve': 'Op de reservelijst',
  'applicants.outcome.notSelected': 'Niet geselecteerd',
  'applicants.outcome.ineligible': 'Niet ontvankelijk',
  'applicants.outcome.promoted': 'geselecteerd van de reservelijst',
  'applicants.outcome.amount': 'Toegekend bedrag',
  'applicants.outcome.partial': 'een deel van het gevraagde bedrag',
  'applicants.outcome.decidedOn': 'Beslist op',
  'applicants.outcome.nextStep': 'Volgende stap',
  'applicants.outcome.next.selected':
    'U ontvangt de subsidieovereenkomst om te ondertekenen; de eerste schijf wordt na de ondertekening betaald.',
  'applicants.outcome.next.reserve':
    'Voorlopig niets te doen: als een geselecteerd project zich terugtrekt, kan uw project worden gefinancierd, en u wordt verwittigd.',
  'applicants.outcome.next.notSelected':
    'Voor deze oproep hoeft u niets meer te doen. De beslissingsbrief geeft de redenen en de beroepsmogelijkheden.',
  'applicants.outcome.letterComing': 'De beslissingsbrief wordt opgesteld; hij komt hier en in uw mailbox.',
  'applicants.next.evaluation': 'Wachten op de beoordeling door de jury',
  'applicants.next.decision': 'Wachten op de beslissing',
  'applicants.next.ineligible': 'Voor deze oproep niets meer te doen: de brief geeft de redenen',
  'applicants.next.selected': 'De subsidieovereenkomst ondertekenen die u ontvangt; het bedrag staat bij de aanvraag',
  'applicants.next.reserve': 'Niets te doen: u wordt verwittigd als er een plaats vrijkomt',
  'applicants.next.rejected': 'Voor deze oproep niets meer te doen: de brief geeft de redenen',
  'applicants.next.withdrawn': 'Niets meer te doen: de aanvraag is ingetrokken',
  'applicants.pdf.download': 'De aanvraag downloaden zoals ingediend (PDF)',
  'applicants.pdf.fact': 'Gegeven',
  'applicants.pdf.value': 'Waarde',
  'applicants.pdf.submitted': 'Ingediend',
  'applicants.pdf.attachments': 'Bijlagen',
  'applicants.pdf.file': 'Bestand',
  'applicants.pdf.size': 'Grootte',
  'applicants.pdf.noAttachments': 'Geen bijlage.',
};
