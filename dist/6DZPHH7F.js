import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/retry.ts
var DEFAULT_PUSH_RETRY = {
  attempts: 12,
  baseDelayMs: 150,
  maxDelayMs: 4e3,
  maxElapsedMs: 5 * 6e4
};
var DEFAULT_RACE_RETRY = {
  attempts: 60,
  baseDelayMs: 250,
  // Writers that keep losing wait longer, so fewer of them try at once: each try that loses costs
  // the remote and the runner a fetch and a push, and on a busy branch those are what slows the
  // winners down.
  maxDelayMs: 3e4,
  maxElapsedMs: 10 * 6e4
};
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function backoffDelay(attempt, policy, random = Math.random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
async function retry(fn, retryable, policy, hooks = {}) {
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= policy.attempts || !retryable(err)) throw err;
      let delay = backoffDelay(attempt, policy, hooks.random);
      const asked = hooks.serverWait?.(err, attempt);
      const left = policy.maxElapsedMs === void 0 ? Infinity : policy.maxElapsedMs - (now() - started);
      if (left <= 0) throw err;
      if (asked !== void 0) {
        if (asked > (policy.maxServerWaitMs ?? Infinity) || asked > left) throw err;
        delay = Math.max(delay, asked);
      }
      delay = Math.min(delay, left);
      hooks.onRetry?.(attempt, delay, err);
      await (hooks.sleep ?? sleep)(delay);
    }
  }
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === null) return void 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - now);
}

export {
  DEFAULT_PUSH_RETRY,
  DEFAULT_RACE_RETRY,
  sleep,
  backoffDelay,
  retry,
  parseRetryAfter
};
