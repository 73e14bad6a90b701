import type { Withheld } from './signInAssurance.ts';

/**
 * Errors a service throws when a request cannot be honoured. They carry no HTTP status: the web
 * layer maps them to pages, the CLI to messages and exit codes.
 */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** The actor is known but may not do this. */
export class ForbiddenError extends Error {
  constructor(action = 'action') {
    super(`not allowed: ${action}`);
    this.name = 'ForbiddenError';
  }
}

/** The actor is anonymous and must sign in first. */
export class SignInRequiredError extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'SignInRequiredError';
  }
}

/** The actor is signed in, but what they ask needs a session opened through this provider (its slug). */
export class ProviderSignInRequiredError extends Error {
  constructor(readonly provider: string) {
    super(`sign-in through ${provider} required`);
    this.name = 'ProviderSignInRequiredError';
  }
}

/** Forbidden in this session only: the actor holds a role that would allow it, which the session does not carry. */
export class WithheldError extends ForbiddenError {
  constructor(readonly withheld: Withheld) {
    super('role withheld in this session');
    this.name = 'WithheldError';
  }
}
