import type { Expertise } from '../jury/service.ts';

/** A member of a demo jury: independent experts, each with what they know best. */
export interface DemoJuror {
  email: string;
  displayName: string;
  locale: 'fr' | 'nl';
  isChair: boolean;
  expertise: Expertise;
}

/** Four readers for BEE's 19 eligible applications, two per application; juror@example.org is one of them. */
export const BEE_JURORS: readonly DemoJuror[] = [
  {
    email: 'juror@example.org',
    displayName: 'Jan Juror',
    locale: 'fr',
    isChair: false,
    expertise: {
      targetPublics: ['job-seekers', 'social-economy-staff', 'workers-ending-insertion-contract'],
      activityTypes: ['vocational-digital-training', 'train-the-trainers'],
      digcompAreas: ['3', '5'],
      languages: ['fr', 'nl', 'en'],
    },
  },
  {
    email: 'juror1@example.org',
    displayName: 'Nadia Benali',
    locale: 'fr',
    isChair: true,
    expertise: {
      targetPublics: ['newcomers', 'refugees-and-migrants', 'women'],
      activityTypes: ['digital-basics-training', 'individual-support'],
      digcompAreas: ['1', '2'],
      languages: ['fr', 'en'],
    },
  },
  {
    email: 'juror2@example.org',
    displayName: 'Pieter Claes',
    locale: 'nl',
    isChair: false,
    expertise: {
      targetPublics: ['seniors', 'general-public', 'precarious', 'social-assistance-recipients'],
      activityTypes: ['digital-basics-training', 'equipment-access'],
      digcompAreas: ['1', '4'],
      languages: ['nl', 'fr', 'en'],
    },
  },
  {
    email: 'juror3@example.org',
    displayName: 'Sophie Lambert',
    locale: 'fr',
    isChair: false,
    expertise: {
      targetPublics: ['young-15-25', 'under-represented-in-tech', 'domestic-helpers', 'persons-with-disabilities'],
      activityTypes: ['vocational-digital-training'],
      digcompAreas: ['3', '4'],
      languages: ['fr', 'en'],
    },
  },
];

/** Two readers for Digital.Brussels' six projects: each reads them all. */
export const DIGITAL_BRUSSELS_JURORS: readonly DemoJuror[] = [
  {
    email: 'juror4@example.org',
    displayName: 'Marc Vandenberghe',
    locale: 'fr',
    isChair: false,
    expertise: {
      targetPublics: ['homeless', 'precarious', 'general-public', 'social-assistance-recipients'],
      activityTypes: ['home-support', 'public-digital-help-desk'],
      digcompAreas: ['1', '2'],
      languages: ['fr', 'nl'],
    },
  },
  {
    email: 'juror5@example.org',
    displayName: 'Leïla Haddad',
    locale: 'fr',
    isChair: false,
    expertise: {
      targetPublics: ['young-15-25', 'women', 'unaccompanied-minors'],
      activityTypes: ['awareness-events', 'individual-support'],
      digcompAreas: ['3', '5'],
      languages: ['fr', 'en'],
    },
  },
];
