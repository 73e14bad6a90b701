// Parsers report a failure as a short code rather than throwing: bad user input is expected, and
// the caller turns the code into a translated message next to the field (DESIGN.md "Conventions").
// The codes are string literals so that the set of messages to translate is checked by the compiler.

export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

// The narrow return types let `ok(x)` and `err('code')` be returned from any function whose
// declared Result type admits them, without spelling the type parameters.
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends string>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
