// A valid place with every field filled, for tests: each test overrides only what it is about.
import type { Place } from '../place.ts';

export function buildPlace(overrides: Partial<Place> = {}): Place {
  return {
    id: 'ara-senne',
    enterpriseNumber: '0412345614',
    organisation: 'ARA asbl',
    name: 'Espace numérique de la Senne',
    summary: {
      fr: 'Un ordinateur, internet et quelqu’un pour vous aider, sans rendez-vous.',
      nl: 'Een computer, internet en iemand die je helpt, zonder afspraak.',
      en: 'A computer, the internet and someone to help you, no appointment needed.',
    },
    details: null,
    address: { street: 'Rue de la Senne 30', complement: null, postalCode: '1000', communeNis: '21004' },
    coordinates: { latitude: 50.8466, longitude: 4.3431 },
    phone: '+3225550130',
    emails: ['contact@ara.example.org'],
    websites: ['https://ara.example.org'],
    bookingUrl: null,
    accessibilityUrl: null,
    openingHours: 'Mo-Fr 09:00-12:00,13:00-16:00; PH off',
    services: ['admin-procedures', 'internet-access'],
    publics: ['homeless'],
    supports: ['illiteracy'],
    fees: ['free'],
    accessModes: ['walk-in', 'phone'],
    helpModes: ['on-your-own', 'one-to-one'],
    mobility: ['fixed'],
    languages: ['fr', 'nl', 'ar'],
    stepFree: true,
    typology: ['ASSO'],
    nationalProgrammes: [],
    trainingLabels: [],
    otherLabels: null,
    funderLabels: ['public-digital-helper'],
    grantReference: 'DIG-2026-0001',
    source: 'Octroi',
    checkedOn: '2026-09-14',
    ...overrides,
  };
}
