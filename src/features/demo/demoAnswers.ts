import type { RawAnswers, RawBudget } from '../../domain/forms/definition.ts';
import { formatMoney, type Cents } from '../../domain/money.ts';
import type { DemoApplication } from './demoApplications.ts';

const LABELS = {
  fr: {
    staff: 'Formateurs et coordination',
    operating: 'Locaux et fonctionnement',
    equipment: 'Ordinateurs portables et tablettes',
    other: 'Communication et déplacements',
    own: 'Fonds propres',
  },
  nl: {
    staff: 'Opleiders en coördinatie',
    operating: 'Lokalen en werking',
    equipment: 'Laptops en tablets',
    other: 'Communicatie en verplaatsingen',
    own: 'Eigen middelen',
  },
};

/**
 * The standard form (src/domain/forms/template.ts) answered as the organisation would type it, in
 * its language: amounts as its pages print them, and a budget whose lines add up to the amount
 * requested plus the organisation's own share.
 */
export function demoAnswers(application: DemoApplication): RawAnswers {
  return {
    summary: application.summary,
    communes: application.communes,
    publics: application.publics,
    participants: participantsPerPublic(application.publics, application.participants),
    digcomp: application.digcomp,
    budget: budget(application.requestedCents, application.locale),
  };
}

/** The participants shared as evenly as whole people allow, the first public taking the rest. */
function participantsPerPublic(publics: readonly string[], participants: number): Record<string, string> {
  const share = Math.floor(participants / publics.length);
  return Object.fromEntries(
    publics.map((key, i) => [key, String(i === 0 ? participants - share * (publics.length - 1) : share)]),
  );
}

/** An own share of about 15 %, and the usual split of a training project's costs, in whole euros but for the last line. */
function budget(requestedCents: Cents, locale: 'fr' | 'nl'): RawBudget {
  const labels = LABELS[locale];
  const euros = (cents: number) => Math.round(cents / 100) * 100;
  const own = euros(requestedCents * 0.15);
  const total = requestedCents + own;
  const staff = euros(total * 0.62);
  const operating = euros(total * 0.18);
  const equipment = euros(total * 0.12);
  const money = (cents: Cents) => formatMoney(cents, locale);
  return {
    lines: [
      { category: 'staff', label: labels.staff, amount: money(staff) },
      { category: 'operating', label: labels.operating, amount: money(operating) },
      { category: 'equipment', label: labels.equipment, amount: money(equipment) },
      { category: 'other', label: labels.other, amount: money(total - staff - operating - equipment) },
    ],
    requested: money(requestedCents),
    otherFunding: [{ source: labels.own, amount: money(own) }],
  };
}
