/**
 * A fold in the adapter's log around one part of a run: a warehouse, a step, a metric. The
 * Actions adapter folds with `::group::`; the CLI passes none and prints as it always did. The
 * core may call it for parts that run at once (warehouses, metrics): keeping each fold's lines
 * together is the adapter's business.
 */
export type LogGroup = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** `fn` inside the fold `name` when the adapter folds, else simply `fn`. */
export function inGroup<T>(
  group: LogGroup | undefined,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  return group ? group(name, fn) : fn();
}
