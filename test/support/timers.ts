import { vi } from 'vitest';

/**
 * For code that waits with a plain setTimeout and takes no sleep of its own (an action run
 * in-process, whose steps' polls have no `sleep` to pass, as runGantry's `recordedSleep` does):
 * each setTimeout of exactly `ms` is recorded and fires at the next turn of the event loop
 * instead; every other delay is left as it is. A spy on globalThis, so vi.restoreAllMocks
 * ends it.
 */
export function recordedTimeouts(ms: number): { waits: number[] } {
  const real = globalThis.setTimeout;
  const waits: number[] = [];
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    fn: (...args: unknown[]) => void,
    delay?: number,
    ...args: unknown[]
  ) => {
    if (delay !== ms) return real(fn, delay, ...args);
    waits.push(delay);
    return real(fn, 0, ...args);
  }) as typeof setTimeout);
  return { waits };
}
