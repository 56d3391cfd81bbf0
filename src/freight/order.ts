import type { Freight } from './types.js';

/**
 * The newest freight: by creation time, equal times by ID, descending (Kargo sorts by name). The
 * one ordering rule of freight, asked by discovery (the auto-promotion candidate), promotion (a
 * rollback holds the stage) and verification (what comes next).
 */
export function newestFreight<T extends Pick<Freight, 'id' | 'createdAt'>>(
  freight: T[],
): T | undefined {
  // Times compared as instants (documents may carry any ISO offset); IDs byte-wise, as Go does.
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...freight].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b.id, a.id),
  )[0];
}
