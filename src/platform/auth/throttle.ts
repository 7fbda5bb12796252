/**
 * Anti-automation that protects the owner (OWASP ASVS 2.2.1), as pure rules. Failures are counted
 * per scope; past a scope's free failures each further failure blocks that scope for a doubling
 * delay. Nothing here locks an account for everyone: an address that guesses is held up at that
 * address, and the account-wide delay (guessing spread over many addresses) is waived for a
 * browser the owner has signed in from before.
 */
export const THROTTLE_SCOPES = ["account_address", "address", "account", "reauth"] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];

export interface ThrottleRule {
  /** Failures allowed in a window before delays begin. */
  freeFailures: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  /** One username from one address: the common guesser. */
  account_address: {
    freeFailures: 5,
    windowMs: 15 * MINUTE,
    firstDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
  /** One address trying many usernames (spraying). */
  address: {
    freeFailures: 30,
    windowMs: 15 * MINUTE,
    firstDelayMs: 5 * MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
  /** One username from everywhere: a distributed guesser; waived on the owner's known browser. */
  account: {
    freeFailures: 10,
    windowMs: 60 * MINUTE,
    firstDelayMs: 30_000,
    maxDelayMs: 15 * MINUTE,
  },
  /** A signed-in user proving themselves again (password change, second-factor changes). */
  reauth: { freeFailures: 5, windowMs: 15 * MINUTE, firstDelayMs: MINUTE, maxDelayMs: 60 * MINUTE },
};

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

/** Until when the scope is held up, or undefined when an attempt may go ahead now. */
export function heldUntil(state: ThrottleState | undefined, at: Date): Date | undefined {
  return state?.blockedUntil && state.blockedUntil > at ? state.blockedUntil : undefined;
}

/** The state after one more failure: a fresh window once the last has run out and nothing holds. */
export function afterFailure(
  rule: ThrottleRule,
  state: ThrottleState | undefined,
  at: Date,
): ThrottleState {
  const expired =
    !state ||
    (at.getTime() - state.windowStartedAt.getTime() >= rule.windowMs && !heldUntil(state, at));
  const failures = expired ? 1 : state.failures + 1;
  const windowStartedAt = expired ? at : state.windowStartedAt;
  if (failures <= rule.freeFailures) {
    return { failures, windowStartedAt, blockedUntil: expired ? null : state.blockedUntil };
  }
  const delay = Math.min(
    rule.maxDelayMs,
    rule.firstDelayMs * 2 ** (failures - rule.freeFailures - 1),
  );
  return { failures, windowStartedAt, blockedUntil: new Date(at.getTime() + delay) };
}

/** Seconds to tell the client to wait, rounded up. */
export function retryAfterSeconds(until: Date, at: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
}
