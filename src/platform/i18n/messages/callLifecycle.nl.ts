import type { callLifecycleEn } from './callLifecycle.en.ts';

export const callLifecycleNl: Record<keyof typeof callLifecycleEn, string> = {
  'error.stale':
    'Iemand anders heeft intussen opgeslagen. Die versie staat hieronder: controleer ze en breng uw wijziging opnieuw aan.',
  'call.refusal.locked-texts': 'De oproep is gearchiveerd: de teksten veranderen niet meer.',
  'call.refusal.locked-dates': 'Over de oproep is beslist: de data veranderen niet meer.',
  'call.refusal.locked-budget':
    'Over de oproep is beslist op basis van dit budget: het budget en de vork van de subsidies veranderen niet meer.',
  'call.refusal.locked-publics':
    'Over de oproep is beslist: de doelgroepen en soorten activiteiten veranderen niet meer.',
  'call.refusal.locked-criteria': 'Over de oproep is beslist op basis van deze criteria: ze veranderen niet meer.',
  'call.refusal.locked-form': 'Over de oproep is beslist: het aanvraagformulier verandert niet meer.',
  'call.refusal.locked-documents': 'Over de oproep is beslist: de documenten veranderen niet meer.',
  'call.refusal.locked-jury': 'Over de oproep is beslist: de instellingen van de jury veranderen niet meer.',
  'call.refusal.note-required':
    'De oproep is gepubliceerd: zeg wat u verbetert en waarom. Aanvragers hebben hem misschien al gelezen.',
  'call.refusal.code-locked':
    'De code verandert niet meer zodra de oproep gepubliceerd is: de referentienummers gebruiken hem.',
  'call.refusal.deadline-past':
    'Deze deadline is al voorbij. Sluit de oproep vroegtijdig af om de aanvragen nu te stoppen.',
  'call.refusal.reason-required': 'Zeg waarom de oproep vroegtijdig wordt afgesloten.',
  'call.refusal.invalid-transition': 'Dit kan niet in de huidige toestand van de oproep.',
  'call.refusal.deadline-passed': 'De deadline is voorbij: de oproep sluit vanzelf.',
  'call.refusal.archived': 'Deze oproep is gearchiveerd.',
  'call.refusal.questionsClosed': 'De oproep is afgesloten: er kunnen geen vragen meer gesteld worden.',
  'manage.call.correction.legend': 'Wat u verbetert, en waarom',
  'manage.call.correction.hint':
    'De oproep is gepubliceerd: de nota staat met de datum op de openbare pagina, zodat aanvragers die hem al lazen weten wat er veranderde.',
  'manage.call.correctionFr': 'Nota in het Frans',
  'manage.call.correctionNl': 'Nota in het Nederlands',
  'manage.call.correctionEn': 'Nota in het Engels',
  'manage.call.locked': 'Vergrendeld sinds de beslissing',
  'call.corrections.title': 'Verbeteringen',
  'call.corrections.intro': 'Deze oproep werd na de publicatie verbeterd:',
  'call.corrections.entry': '{date} — {parts}',
  'call.part.texts': 'teksten',
  'call.part.dates': 'data',
  'call.part.budget': 'budget en subsidies',
  'call.part.publics': 'doelgroepen en activiteiten',
  'call.part.criteria': 'criteria',
  'call.part.form': 'aanvraagformulier',
  'call.part.documents': 'documenten',
  'call.part.jury': 'jury',
  'call.closedEarly': 'Vroegtijdig afgesloten',
  'call.closedEarlyAt': 'op {date}, vóór de deadline van {deadline}',
  'call.steps.label': 'Stappen van de oproep',
  'call.step.prepare': 'Voorbereiden',
  'call.step.receive': 'Aanvragen ontvangen',
  'call.step.screening': 'Ontvankelijkheid nagaan',
  'call.step.evaluation': 'Jury',
  'call.step.selection': 'Selecteren',
  'call.step.decision': 'Beslissen',
  'call.step.results': 'Publiceren en opvolgen',
  'call.stepState.done': 'klaar',
  'call.stepState.current': 'huidige stap',
  'call.stepState.next': 'nog te doen',
};
