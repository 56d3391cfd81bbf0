import { formatDuration as formatShared, scanDuration } from '../util/duration.js';

/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */

/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
export const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';

/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
export function parseDuration(text: string): number {
  const found = scanDuration(text);
  if (found.ok && found.sign === 1 && !/^[+-]/.test(text)) return found.ns / 1e6;
  if (text === '') {
    throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
  }
  const rest = !found.ok && 'rest' in found ? found.rest : '';
  const hint = /^[0-9.]+$/.test(rest)
    ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
    : 'expected a duration such as 30m, 1h30m or 90s';
  throw new Error(`invalid duration "${text}": ${hint}`);
}

/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
export function formatDuration(ms: number): string {
  return formatShared(ms, 'short');
}
