// A command that cannot be honoured says why with a typed refusal: each command exports the union
// of its refusal codes, its `refuse` accepts only those, and what it returns carries them, so a
// route that maps them with `satisfies Record<Refusal, MessageKey>` fails to compile when a new
// refusal has no message. Access (not found, forbidden, sign in) is not a refusal: loaders throw it.

/** What a command gives back: its value, or the reasons it refused (at least one). */
export type Outcome<T, R extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusals: readonly [R, ...R[]] };

/** A version checked on write was not the one read: someone else saved meanwhile. Every versioned command refuses with it. */
export type Stale = 'stale';

class Refused extends Error {
  constructor(
    readonly token: symbol,
    readonly codes: readonly [string, ...string[]],
  ) {
    super(`refused: ${codes.join(', ')}`);
    this.name = 'Refused';
  }
}

export type Refuse<R extends string> = (...codes: [R, ...R[]]) => never;

/**
 * Runs a command's body with a `refuse` that stops it — inside a transaction, throwing rolls it back
 * — and turns that refusal into the command's outcome. Anything else thrown passes through.
 */
export async function refusable<T, R extends string>(body: (refuse: Refuse<R>) => Promise<T>): Promise<Outcome<T, R>> {
  const token = Symbol('refusal');
  const refuse: Refuse<R> = (...codes) => {
    throw new Refused(token, codes);
  };
  try {
    return { ok: true, value: await body(refuse) };
  } catch (error) {
    if (error instanceof Refused && error.token === token) {
      return { ok: false, refusals: error.codes as readonly [R, ...R[]] };
    }
    throw error;
  }
}

/** A refusal decided before any work (a parser's answer, a pure guard). */
export function refused<R extends string>(...codes: [R, ...R[]]): Outcome<never, R> {
  return { ok: false, refusals: codes };
}

/** The value of an outcome the caller knows cannot be refused here (demo loading, tests), or an error naming the refusals. */
export function expectOk<T, R extends string>(outcome: Outcome<T, R>): T {
  if (!outcome.ok) throw new Error(`unexpectedly refused: ${outcome.refusals.join(', ')}`);
  return outcome.value;
}
