import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announcementDraft, type AnnouncementFacts } from './announcement.ts';

const DIGB: AnnouncementFacts = {
  funderName: { fr: 'Paradigm', nl: 'Paradigm' },
  callTitle: { fr: 'Digital.Brussels', nl: 'Digital.Brussels' },
  budgetCents: 25_000_000,
  totalCents: 25_043_900,
  funnel: { submitted: 6, eligible: 6, selected: 2 },
  jury: false,
  grantRange: { min: 3_000_000, max: 6_000_000 },
  projects: [
    {
      organisation: 'ARA asbl',
      title: 'A digital Home',
      summary: 'Permet aux personnes sans-abri de se familiariser avec le numérique.',
      amountCents: 5_690_400,
    },
    { organisation: 'Croix-Rouge de Belgique', title: 'Ensemble, Tous Connectés', summary: '', amountCents: 1_101_500 },
  ],
};
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

test('the French draft gives the figures and each project with its amount, as the press releases do', () => {
  const { fr } = announcementDraft(DIGB);
  assert.match(plain(fr), /2 projets ont été retenus par Paradigm/);
  assert.match(
    plain(fr),
    /Un montant de 250 439 € est alloué pour l’ensemble de ces actions, sur un budget de 250 000 €\./,
  );
  assert.match(
    plain(fr),
    /Au total, 6 projets ont été soumis, dont 6 étaient éligibles\. Les projets bénéficient d’un soutien financier allant de 30 000 € à 60 000 €\./,
  );
  assert.match(
    plain(fr),
    /^- « A digital Home » de ARA asbl\. Permet aux personnes sans-abri de se familiariser avec le numérique\. \[56 904 €\]$/m,
  );
  assert.match(plain(fr), /^- « Ensemble, Tous Connectés » de Croix-Rouge de Belgique\. \[11 015 €\]$/m);
});

test('the Dutch draft says the same in Dutch, and mentions the jury only when there was one', () => {
  const { nl } = announcementDraft({ ...DIGB, jury: true, grantRange: { min: null, max: null } });
  assert.match(plain(nl), /2 projecten werden geselecteerd door Paradigm/);
  assert.match(plain(nl), /waarvan 6 ontvankelijk waren en door een onafhankelijke jury werden beoordeeld\.$/m);
  assert.doesNotMatch(nl, /financiële steun/);
  assert.match(plain(nl), /^- “A digital Home” van ARA asbl\. .* \[€ 56\.904\]$/m);
});
