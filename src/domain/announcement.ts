// The draft of the announcement of a decision, in French and Dutch, in the manner of the regional
// press releases: what was decided and by whom, the figures of the call, then the funded projects
// with their amounts. The officer edits it before anyone reads it; it only saves the typing.
import { formatMoney, type Cents } from './money.ts';
import { formatCount } from './numbers.ts';

type Bilingual = { fr: string; nl: string };

export interface AnnouncementFacts {
  funderName: Bilingual;
  callTitle: Bilingual;
  budgetCents: Cents;
  totalCents: Cents;
  funnel: { submitted: number; eligible: number; selected: number };
  /** Whether an independent jury assessed the eligible projects. */
  jury: boolean;
  grantRange: { min: Cents | null; max: Cents | null };
  projects: { organisation: string; title: string; summary: string; amountCents: Cents }[];
}

export function announcementDraft(f: AnnouncementFacts): Bilingual {
  return { fr: french(f), nl: dutch(f) };
}

const bullets = (f: AnnouncementFacts, line: (p: AnnouncementFacts['projects'][number]) => string) =>
  f.projects.map((p) => `- ${line(p)}`).join('\n');
const withSummary = (text: string, summary: string) =>
  summary.trim() ? `${text} ${summary.trim().replace(/\s*$/, '')}` : text;
const range = (f: AnnouncementFacts, locale: 'fr' | 'nl', words: [string, string]) =>
  f.grantRange.min !== null && f.grantRange.max !== null
    ? ` ${words[0]} ${formatMoney(f.grantRange.min, locale)} ${words[1]} ${formatMoney(f.grantRange.max, locale)}`
    : '';

function french(f: AnnouncementFacts): string {
  const n = f.funnel.selected;
  const money = (c: Cents) => formatMoney(c, 'fr');
  const lines = [
    `${f.callTitle.fr}`,
    '',
    `${formatCount(n, 'fr')} projet${n > 1 ? 's ont été retenus' : ' a été retenu'} par ${f.funderName.fr} dans le cadre de l’appel à projets « ${f.callTitle.fr} ». Un montant de ${money(f.totalCents)} est alloué pour l’ensemble de ces actions, sur un budget de ${money(f.budgetCents)}.`,
    `Au total, ${formatCount(f.funnel.submitted, 'fr')} projets ont été soumis, dont ${formatCount(f.funnel.eligible, 'fr')} étaient éligibles${f.jury ? ' et furent analysés par un jury indépendant' : ''}.` +
      (range(f, 'fr', ['de', 'à'])
        ? ` Les projets bénéficient d’un soutien financier allant${range(f, 'fr', ['de', 'à'])}.`
        : ''),
    '',
    `Voici les ${formatCount(n, 'fr')} projets sélectionnés :`,
    bullets(f, (p) => withSummary(`« ${p.title} » de ${p.organisation}.`, p.summary) + ` [${money(p.amountCents)}]`),
  ];
  return lines.join('\n');
}

function dutch(f: AnnouncementFacts): string {
  const n = f.funnel.selected;
  const money = (c: Cents) => formatMoney(c, 'nl');
  const lines = [
    `${f.callTitle.nl}`,
    '',
    `${formatCount(n, 'nl')} project${n > 1 ? 'en werden' : ' werd'} geselecteerd door ${f.funderName.nl} in het kader van de projectoproep “${f.callTitle.nl}”. Voor al deze acties wordt ${money(f.totalCents)} toegekend, op een budget van ${money(f.budgetCents)}.`,
    `In totaal werden ${formatCount(f.funnel.submitted, 'nl')} projecten ingediend, waarvan ${formatCount(f.funnel.eligible, 'nl')} ontvankelijk waren${f.jury ? ' en door een onafhankelijke jury werden beoordeeld' : ''}.` +
      (range(f, 'nl', ['van', 'tot'])
        ? ` De projecten krijgen een financiële steun${range(f, 'nl', ['van', 'tot'])}.`
        : ''),
    '',
    `Dit zijn de ${formatCount(n, 'nl')} geselecteerde projecten:`,
    bullets(f, (p) => withSummary(`“${p.title}” van ${p.organisation}.`, p.summary) + ` [${money(p.amountCents)}]`),
  ];
  return lines.join('\n');
}
