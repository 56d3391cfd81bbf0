import { describe, expect, test } from 'vitest';
import {
  parseDuration as exprParse,
  formatDuration as exprFormat,
} from '../../../src/expr/time.js';
import { parseDuration, formatDuration } from '../../../src/pipeline/duration.js';
import { scanDuration } from '../../../src/util/duration.js';

// One grammar read by two front ends: project files (ms, unsigned, gantry's words) and the
// expression language (ns, signed, Go's words). These cases pin where each differs.
describe('scanDuration', () => {
  test.each([
    ['0', { ok: true, sign: 1, ns: 0 }],
    ['-1.5h', { ok: true, sign: -1, ns: 5400e9 }],
    ['+.5s', { ok: true, sign: 1, ns: 0.5e9 }],
    ['1.h', { ok: true, sign: 1, ns: 3600e9 }],
    ['2µs3μs', { ok: true, sign: 1, ns: 5000 }],
    ['', { ok: false, reason: 'empty' }],
    ['-', { ok: false, reason: 'empty' }],
    ['.h', { ok: false, reason: 'malformed', rest: '.h' }],
    ['1h.', { ok: false, reason: 'malformed', rest: '.' }],
    ['1hx', { ok: false, reason: 'unknown-unit', unit: 'hx' }],
    ['1h30', { ok: false, reason: 'missing-unit', rest: '30' }],
    ['1hour', { ok: false, reason: 'unknown-unit', unit: 'hour' }],
  ])('%j', (text, want) => {
    expect(scanDuration(text)).toEqual(want);
  });
});

describe('project-file durations', () => {
  test('values in milliseconds, sub-millisecond kept', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('500us')).toBe(0.5);
    expect(parseDuration('0')).toBe(0);
  });
  test.each([
    ['', 'invalid duration "": expected a duration such as 30m, 1h30m or 90s'],
    ['5', 'invalid duration "5": missing unit after "5" (use ns, us, ms, s, m or h)'],
    ['1h30', 'invalid duration "1h30": missing unit after "30" (use ns, us, ms, s, m or h)'],
    ['.', 'invalid duration ".": missing unit after "." (use ns, us, ms, s, m or h)'],
    ['-1h', 'invalid duration "-1h": expected a duration such as 30m, 1h30m or 90s'],
    ['+1h', 'invalid duration "+1h": expected a duration such as 30m, 1h30m or 90s'],
    ['+', 'invalid duration "+": expected a duration such as 30m, 1h30m or 90s'],
    ['1hour', 'invalid duration "1hour": expected a duration such as 30m, 1h30m or 90s'],
  ])('%j is refused', (text, message) => {
    expect(() => parseDuration(text)).toThrow(message);
  });
  test('short form for people', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(1500)).toBe('1s500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('expression durations (Go)', () => {
  test('signed nanoseconds, Go formatting', () => {
    expect(exprParse('-1.5h').ns).toBe(-5400e9);
    expect(exprFormat(5400e9)).toBe('1h30m0s');
    expect(exprFormat(1500)).toBe('1.5µs');
    expect(exprFormat(-2e6)).toBe('-2ms');
  });
  test.each([
    ['', 'time: invalid duration ""'],
    ['5', 'time: invalid duration "5"'],
    ['1hour', 'time: unknown unit "hour" in duration "1hour"'],
  ])('%j is refused in Go words', (text, message) => {
    expect(() => exprParse(text)).toThrow(message);
  });
});
