// Sign-in is throttled per address typed, whatever the network address it comes from: guessing one
// account's password from many machines meets the same limit as from one. The count is kept per
// address typed, not per account, so an address without an account is paused exactly like one with
// an account: the answers never tell which addresses have one.

/** Failed attempts allowed within the window; the last of them pauses sign-in. */
export const SIGN_IN_FAILURES_ALLOWED = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_PAUSE_MS = 15 * 60_000;

/** The failures counted for one address: since when, how many, and the pause they led to. */
export interface SignInThrottle {
  failures: number;
  windowStartedAt: Date;
  pausedUntil: Date | null;
}

/** The end of the pause in force at `now`, or null when sign-in is open. */
export function pauseInForce(throttle: SignInThrottle | null, now: Date): Date | null {
  return throttle?.pausedUntil && throttle.pausedUntil > now ? throttle.pausedUntil : null;
}

/**
 * The count after one more failure at `now`: a failure outside the window starts a new one; the
 * failure that reaches the limit pauses sign-in and starts the count afresh (`paused` says so,
 * once, so the owner is told once per pause).
 */
export function afterFailure(
  throttle: SignInThrottle | null,
  now: Date,
): { throttle: SignInThrottle; paused: boolean } {
  const inWindow = throttle !== null && now.getTime() - throttle.windowStartedAt.getTime() < SIGN_IN_WINDOW_MS;
  const failures = inWindow ? throttle.failures + 1 : 1;
  const windowStartedAt = inWindow ? throttle.windowStartedAt : now;
  if (failures >= SIGN_IN_FAILURES_ALLOWED) {
    return {
      throttle: { failures: 0, windowStartedAt: now, pausedUntil: new Date(now.getTime() + SIGN_IN_PAUSE_MS) },
      paused: true,
    };
  }
  return { throttle: { failures, windowStartedAt, pausedUntil: throttle?.pausedUntil ?? null }, paused: false };
}
