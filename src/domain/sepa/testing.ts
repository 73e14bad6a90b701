// Sample payment batches for the tests and the benchmark: a funder paying grantees whose names and addresses
// carry the accents, ampersands and lengths real ones do, to accounts that pass parseIban.
import { structuredCommunicationFor } from '../structuredCommunication.ts';
import type { CreditTransfer, CreditTransferBatch } from './pain001.ts';

const IBANS = [
  'BE68539007547034',
  'BE71096123456769',
  'BE62510007547061',
  'NL91ABNA0417164300',
  'FR1420041010050500013M02606',
];
const NAMES = [
  'Maison de quartier Hôtel-Dieu & Cie',
  'Digitale Brug vzw',
  'Association pour la formation numérique des personnes éloignées du numérique à Bruxelles asbl',
  'Café Numérique « Le Pont »',
];

export function sampleBatch(overrides: Partial<CreditTransferBatch> = {}): CreditTransferBatch {
  return {
    messageId: 'OCTROI-BEE-2026-0001',
    createdAt: new Date('2026-11-20T10:15:00Z'),
    executionDate: '2026-11-23',
    debtor: {
      name: 'Bruxelles Économie Emploi',
      iban: 'BE68539007547034',
      bic: 'GKCCBEBB',
      enterpriseNumber: '0316381039',
      address: {
        street: 'Boulevard du Jardin Botanique',
        buildingNumber: '20',
        postcode: '1035',
        town: 'Bruxelles',
        country: 'BE',
      },
    },
    ...overrides,
  };
}

/** `count` payments with distinct end-to-end ids and structured communications; amounts vary to the cent. */
export function samplePayments(count: number): CreditTransfer[] {
  return Array.from({ length: count }, (_, i) => ({
    endToEndId: `BEE-2026-${String(i + 1).padStart(5, '0')}-T1`,
    amountCents: 1_000_000 + ((i * 7_919) % 5_000_000) + (i % 100),
    structuredCommunication: structuredCommunicationFor(100_000 + i),
    creditor: {
      name: `${NAMES[i % NAMES.length]} ${i + 1}`,
      iban: IBANS[i % IBANS.length]!,
      bic: i % 3 === 0 ? 'GEBABEBB' : null,
      address:
        i % 4 === 3
          ? { town: 'Schaerbeek', country: 'BE' } // the fallback: town and country only
          : {
              street: 'Rue de la Loi',
              buildingNumber: String(i + 1),
              postcode: '1000',
              town: 'Bruxelles',
              country: 'BE',
            },
    },
  }));
}
