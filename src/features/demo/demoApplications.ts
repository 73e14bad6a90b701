import { eurosToCents, type Cents } from '../../domain/money.ts';
import type { LegalForm } from '../organisations/service.ts';
import { seedCall } from './demoContent.ts';

/** How screening ends for a demo application: eligible, or one criterion not met and why. */
export type DemoScreening = { eligible: true } | { eligible: false; unmet: string; note: string; reason: string };

/** One applying organisation and its application, as the demo files it. */
export interface DemoApplication {
  /** For a project of the press release, its organisation's name exactly as in the seed file. */
  organisation: string;
  /** Names its addresses: contact@<slug>.example.org, https://<slug>.example.org. */
  slug: string;
  legalForm: LegalForm;
  street: string;
  postalCode: string;
  /** Only for an address outside Brussels; in Brussels the commune of the postal code is the city. */
  city?: string;
  contactName: string;
  /** The organisation's language: its member account's, and so the application's. */
  locale: 'fr' | 'nl';
  project: string;
  summary: string;
  publics: string[];
  /** NIS codes of the communes served. */
  communes: string[];
  digcomp: string[];
  /** Participants expected, shared among the publics. */
  participants: number;
  requestedCents: Cents;
  screening: DemoScreening;
  /**
   * For an eligible application, the scores the panel agrees on (relevance, method, feasibility,
   * impact, each on 20) and the consensus comment, which decision letters quote.
   */
  consensus?: { scores: readonly [number, number, number, number]; comment: string };
  /** Whether the press release names it. */
  seed: boolean;
}

type SeedFacts = 'organisation' | 'project' | 'summary' | 'publics' | 'seed' | 'requestedCents';

/**
 * A project of the press release: its organisation, title, publics and summary come from the seed
 * file, the rest from the demo; the amount requested is the published one unless `requestedCents`
 * is given (a project that needs none published, or one the form would refuse).
 */
export function fromSeed(
  callKey: string,
  organisation: string,
  rest: Omit<DemoApplication, SeedFacts> & { requestedCents?: Cents },
): DemoApplication {
  const project = seedCall(callKey).selected.find((p) => p.organisation === organisation);
  if (!project) throw new Error(`${organisation} is not among the projects of ${callKey} in the seed file`);
  const requestedCents = rest.requestedCents ?? (project.amount_eur === null ? null : eurosToCents(project.amount_eur));
  if (requestedCents === null) throw new Error(`no amount for ${organisation}: the seed file publishes none`);
  return {
    ...rest,
    organisation,
    project: project.project,
    summary: project.summary_fr,
    publics: project.target_publics,
    requestedCents,
    seed: true,
  };
}

/** An invented applicant: plausible in Brussels, not a real organisation. */
export function invented(application: Omit<DemoApplication, 'seed'>): DemoApplication {
  return { ...application, seed: false };
}

/** Every eligibility criterion met. */
export const ELIGIBLE: DemoScreening = { eligible: true };
