/**
 * Promise.all that waits for every promise to settle before throwing the first rejection. Reads
 * that share a cache run git processes: one failing must not leave another still writing while
 * the caller cleans up (a temp directory removed under a running `git fetch`).
 */
export async function settleAll<T extends readonly unknown[]>(
  promises: readonly [...{ [K in keyof T]: PromiseLike<T[K]> }],
): Promise<T> {
  const results = await Promise.allSettled(promises);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** A promise that never rejects, so that it can be started early and awaited later, or never. */
export function settled<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
