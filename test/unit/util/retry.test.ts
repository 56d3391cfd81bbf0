import { describe, expect, test } from 'vitest';
import { DEFAULT_RACE_RETRY, retry, type RetryPolicy } from '../../../src/util/retry.js';

/** A clock that moves only when the retry sleeps, and a record of each try's time. */
function fakeTime() {
  let t = 0;
  const tries: number[] = [];
  return {
    tries,
    hooks: {
      now: () => t,
      sleep: async (ms: number) => {
        t += ms;
      },
      random: () => 1,
    },
  };
}

describe('retry', () => {
  test('a delay that would pass the time budget is cut short: the last try comes at the limit', async () => {
    const clock = fakeTime();
    const policy: RetryPolicy = {
      attempts: 100,
      baseDelayMs: 1_000,
      maxDelayMs: 8_000,
      maxElapsedMs: 20_000,
    };
    const err = await retry(
      async () => {
        clock.tries.push(clock.hooks.now());
        throw new Error('lost');
      },
      () => true,
      policy,
      clock.hooks,
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('lost');
    // 0, +1 s, +2 s, +4 s, +8 s = 15 s, then 5 s left of a drawn 8 s: a try at 20 s, then none.
    expect(clock.tries).toEqual([0, 1_000, 3_000, 7_000, 15_000, 20_000]);
  });

  test('stops at the number of tries before the time runs out', async () => {
    const clock = fakeTime();
    let n = 0;
    await expect(
      retry(
        async () => {
          n++;
          throw new Error('lost');
        },
        () => true,
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 60_000 },
        clock.hooks,
      ),
    ).rejects.toThrow('lost');
    expect(n).toBe(3);
  });

  test('the race budget is bounded in tries and in time', () => {
    expect(DEFAULT_RACE_RETRY.attempts).toBeLessThanOrEqual(60);
    expect(DEFAULT_RACE_RETRY.maxElapsedMs).toBeLessThanOrEqual(10 * 60_000);
  });
});
