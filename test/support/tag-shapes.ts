/**
 * Shapes of tag names that registries hold, for the parallel tag listing's tests and for
 * bench/discover.ts: its split points must not be tuned to any one of them.
 */
import { createHash } from 'node:crypto';

const sha = (s: string): string => createHash('sha1').update(s).digest('hex');
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const b62 = (n: number): string => {
  let out = '';
  do {
    out = (B62[n % 62] as string) + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
};
const day = (i: number): string => {
  const d = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;
};

/**
 * Tag lists of many shapes, by name, `n` tags each (but the last two); served by the paging proxy
 * as fake tag lists.
 */
export function tagShapes(n: number): Record<string, string[]> {
  return {
    'spread M.m.p: 0.0.0, 0.0.1, …': Array.from(
      { length: n },
      (_, i) => `${Math.floor(i / 1000)}.${Math.floor(i / 10) % 100}.${i % 10}`,
    ),
    'v-prefixed semver': Array.from(
      { length: n },
      (_, i) => `v${Math.floor(i / 500)}.${Math.floor(i / 20) % 25}.${i % 20}`,
    ),
    '40-hex SHAs': Array.from({ length: n }, (_, i) => sha(`commit ${i}`)),
    'date tags 2026.01.02-<sha7>': Array.from(
      { length: n },
      (_, i) => `${day(Math.floor(i / 4))}-${sha(`d${i}`).slice(0, 7)}`,
    ),
    [`one dense prefix build-1 … build-${n}`]: Array.from(
      { length: n },
      (_, i) => `build-${i + 1}`,
    ),
    'mixed case': Array.from(
      { length: n },
      (_, i) =>
        `${['Release', 'release', 'RC', 'rc', 'Nightly'][i % 5]}-${b62((i * 7919) % 238_328)}`,
    ),
    'two pages': Array.from({ length: 150 }, (_, i) => `1.${Math.floor(i / 10)}.${i % 10}`),
    'one page': Array.from({ length: 40 }, (_, i) => `0.1.${i}`),
  };
}
