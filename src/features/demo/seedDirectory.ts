import type { Actor } from '../../domain/access.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import { DEMO_PLACES } from './demoPlaces.ts';
import type { SeededFunder } from './seedCalls.ts';
import type { Applicant } from './seedApplications.ts';

/** The funder whose officers curate the places no funded project runs: the Region's digital agency. */
const CURATOR = 'paradigm';
const CALL_OF: Record<string, string> = { 'bee-digital-skills': 'bee', 'digital-brussels': 'paradigm' };

/**
 * The directory's demo places, published. A place a funded project runs is described by its
 * organisation's member from the organisation's space, with the organisation's enterprise number
 * and the grant's reference, and sent for review; the other places are added by the officer. The
 * officer publishes every one, as the review would.
 */
export async function seedDirectory(
  app: App,
  input: {
    officer: Actor;
    funders: readonly SeededFunder[];
    applicants: ReadonlyMap<SeededFunder, readonly Applicant[]>;
  },
): Promise<number> {
  const { directory, organisations, applications } = app.services;
  const funderBySlug = new Map(input.funders.map((f) => [f.demo.slug, f]));
  const curator = funderBySlug.get(CURATOR) ?? input.funders[0]!;
  for (const { place, funding } of DEMO_PLACES) {
    const funder = funding ? funderBySlug.get(CALL_OF[funding.call] ?? '') : undefined;
    const applicant = funder
      ? input.applicants.get(funder)?.find((a) => a.demo.organisation === funding!.organisation)
      : undefined;
    if (funder && applicant) {
      const { organisation } = await organisations.organisation(applicant.member, applicant.organisationId);
      const { application } = await applications.view(applicant.member, applicant.applicationId);
      const owned = {
        ...place,
        enterpriseNumber: organisation.enterpriseNumber,
        grantReference: application.reference ?? place.grantReference,
      };
      expectOk(
        await directory.createPlace({
          actor: applicant.member,
          place: owned,
          funderId: funder.funderId,
          organisationId: applicant.organisationId,
        }),
      );
      expectOk(await directory.transitionPlace({ actor: applicant.member, placeId: place.id, event: 'submit' }));
    } else {
      expectOk(
        await directory.createPlace({ actor: input.officer, place, funderId: curator.funderId, organisationId: null }),
      );
    }
    expectOk(await directory.transitionPlace({ actor: input.officer, placeId: place.id, event: 'publish' }));
  }
  return DEMO_PLACES.length;
}
