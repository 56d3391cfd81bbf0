export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Give up once this much time has passed since the first try, whatever tries are left. A delay
   * that would pass it is cut short, so the last try comes at the limit rather than not at all.
   */
  maxElapsedMs?: number;
  /**
   * The longest wait a server may ask for (`hooks.serverWait`, from Retry-After or a rate-limit
   * reset); one that asks for more, or for more than the time budget has left, ends the retries.
   */
  maxServerWaitMs?: number;
}

export const DEFAULT_PUSH_RETRY: RetryPolicy = {
  attempts: 12,
  baseDelayMs: 150,
  maxDelayMs: 4_000,
  maxElapsedMs: 5 * 60_000,
};

/**
 * A promotion whose push lost a race tries again on the new tip: a branch that many writers share
 * (fifty promotions and fifty discoveries at once) needs more tries than a flaky network does,
 * and the time budget, not the count, is what bounds it.
 */
export const DEFAULT_RACE_RETRY: RetryPolicy = {
  attempts: 60,
  baseDelayMs: 250,
  // Writers that keep losing wait longer, so fewer of them try at once: each try that loses costs
  // the remote and the runner a fetch and a push, and on a busy branch those are what slows the
  // winners down.
  maxDelayMs: 30_000,
  maxElapsedMs: 10 * 60_000,
};

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
  /**
   * How long the server said to wait before the next try (Retry-After, a rate-limit reset), after
   * try number `attempt` failed with `err`.
   */
  serverWait?: (err: unknown, attempt: number) => number | undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * "Full jitter" exponential backoff: the delay before try n+1 is uniform in
 * [0, min(max, base·2ⁿ)]. Writers racing for one branch spread out instead of colliding again.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Runs `fn` until it succeeds, `retryable` says no, or the tries run out (then the last error is thrown). */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  retryable: (err: unknown) => boolean,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= policy.attempts || !retryable(err)) throw err;
      let delay = backoffDelay(attempt, policy, hooks.random);
      const asked = hooks.serverWait?.(err, attempt);
      const left =
        policy.maxElapsedMs === undefined ? Infinity : policy.maxElapsedMs - (now() - started);
      if (left <= 0) throw err;
      if (asked !== undefined) {
        // Trying before the server allows is refused again: a wait too long to make ends here.
        if (asked > (policy.maxServerWaitMs ?? Infinity) || asked > left) throw err;
        delay = Math.max(delay, asked);
      }
      delay = Math.min(delay, left);
      hooks.onRetry?.(attempt, delay, err);
      await (hooks.sleep ?? sleep)(delay);
    }
  }
}

/** An HTTP `Retry-After` value (seconds, or an HTTP date) as milliseconds from `now`. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
