/** How long a row waits after a temporary failure: doubling from `initialMs` up to `maximumMs`. */
export interface RetryPolicy {
  readonly initialMs: number;
  readonly maximumMs: number;
}

// An outage of hours costs a few attempts per row an hour, and a row is never more than ten minutes late once
// the server is back.
export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialMs: 15_000, maximumMs: 10 * 60_000 };

/** The wait after the `attempts`-th failed attempt (1 for the first). */
export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(policy.initialMs * 2 ** doublings, policy.maximumMs);
}
