import type { Actor } from '../../domain/access.ts';

/** A call of the press release as the demo leaves it: closed, screened, each eligible application scored with a consensus. */
export interface DemoCallBuilt {
  callId: string;
  /** The ids of the press release's projects, by their name in the seed file (`project`). */
  seedApplications: ReadonlyMap<string, string>;
}

/** What the demo has built when the juries have agreed: where the selection and the decisions start from. */
export interface DemoBuilt {
  /** officer@example.org, programme officer at both funders. */
  officer: Actor;
  /** BEE's "Former les Bruxellois au numérique": 26 submitted, 19 eligible and scored. */
  bee: DemoCallBuilt;
  /** Paradigm's Digital.Brussels: its six projects eligible and scored. */
  digitalBrussels: DemoCallBuilt;
  /** The ids of the next editions, open for applications. */
  openCalls: { bee: string; paradigm: string };
}
