import { authorize, managesCallsSomewhere, type Actor, type MaybeActor } from '../../domain/access.ts';

/**
 * API tokens are for the people who run calls (officers, a funder's administrators): the API reads
 * calls and their applications. Shared by the tokens page, its commands and the API's
 * authentication, so that losing one's last such role also silences one's tokens.
 */
export function authorizeApiAccess(actor: MaybeActor): asserts actor is Actor {
  authorize(actor, managesCallsSomewhere(actor), 'api access');
}
