/** The small parts of verification: JSONPath subset, templates and env references, conditions. */
import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../../src/verification/conditions.js';
import { checkMetricConfigs, formatResult } from '../../../src/verification/analysis.js';
import { defaultProviders } from '../../../src/verification/providers/index.js';
import { applyJsonPath, parseJsonPath } from '../../../src/verification/providers/json-path.js';
import { envReferences, renderMetric } from '../../../src/verification/templates.js';
import type { VerificationMetric } from '../../../src/pipeline/types.js';

describe('jsonPath subset', () => {
  const body = { data: { ok: true, 'a-b': 1, items: [{ v: 1 }, { v: 2 }] } };
  it.each([
    ['{$}', body],
    ['$', body],
    ['{$.data.ok}', true],
    ['{.data.ok}', true],
    ['$.data.ok', true],
    ["{$.data['a-b']}", 1],
    ['{$["data"].items[1].v}', 2],
    ['{$.data.items[-1].v}', 2],
  ])('%s', (path, want) => {
    expect(applyJsonPath(body, parseJsonPath(path))).toEqual(want);
  });

  it.each([
    ['{$.data..ok}', 'recursive descent (..) is not supported'],
    ['{$.items[*]}', 'the wildcard [*] is not supported'],
    ['{$.items[?(@.v > 1)]}', 'a filter [?()] is not supported'],
    ['{$.items[0:2]}', 'a slice [a:b] is not supported'],
    ['{$.items[0}', 'missing "]"'],
  ])('refuses %s', (path, message) => {
    expect(() => parseJsonPath(path)).toThrow(message);
  });

  it('says what is missing', () => {
    expect(() => applyJsonPath(body, parseJsonPath('{$.data.nope}'))).toThrow(
      'nope is not found in $.data',
    );
    expect(() => applyJsonPath(body, parseJsonPath('{$.data.items[5]}'))).toThrow(
      'array index out of bounds: $.data.items[5] (length 2)',
    );
    expect(() => applyJsonPath(body, parseJsonPath('{$.data.ok.x}'))).toThrow(
      '$.data.ok is not an object, so it has no field x',
    );
  });
});

describe('templates', () => {
  const target = { project: 'echo', stage: 'dev', freightId: 'abc', freightAlias: 'lucky-jaguar' };

  it('finds env references inside expressions only, with or without a fallback', () => {
    expect(
      envReferences({
        a: 'Bearer ${{ env.TOKEN }}',
        b: ['${{ env["OTHER"] ?? "x" }}', 'env.NOT_AN_EXPRESSION'],
        c: '${% env?.THIRD %}',
      }),
    ).toEqual([
      { name: 'TOKEN', fallback: false },
      { name: 'OTHER', fallback: true },
      { name: 'THIRD', fallback: false },
    ]);
  });

  it('renders ctx, returns the secrets read, and keeps conditions strings', () => {
    const out = renderMetric(
      'm',
      {
        config: {
          url: 'https://${{ ctx.stage }}.x/${{ ctx.freight.alias }}',
          n: '${{ 1 + 1 }}',
          c: '${{ ctx.commit }}',
        },
        successCondition: 'result == "${{ ctx.freight.id }}"',
      },
      target,
      { TOKEN: 'secret-value' },
    );
    expect(out).toEqual({
      config: { url: 'https://dev.x/lucky-jaguar', n: 2, c: null },
      successCondition: 'result == "abc"',
      secrets: [],
    });
  });

  it('an unset variable without fallback is an error naming it; with ?? it is fine', () => {
    expect(() => renderMetric('m', { config: { h: '${{ env.NOPE }}' } }, target, {})).toThrow(
      'm: env.NOPE is not set',
    );
    expect(
      renderMetric('m', { config: { h: '${{ env.NOPE ?? "eu" }}' } }, target, {}).config,
    ).toEqual({ h: 'eu' });
  });

  it('a failing expression names the metric', () => {
    expect(() => renderMetric('m', { config: { h: '${{ 1 + }}' } }, target, {})).toThrow(
      /^m: provider: /,
    );
  });
});

describe('conditions', () => {
  it('follows Argo Rollouts EvaluateResult', () => {
    const env = { result: 5 };
    const phase = (s?: string, f?: string) =>
      assessMeasurement(
        {
          ...(s !== undefined && { successCondition: s }),
          ...(f !== undefined && { failureCondition: f }),
        },
        env,
      ).phase;
    expect(phase()).toBe('Successful');
    expect(phase('result > 1')).toBe('Successful');
    expect(phase('result > 9')).toBe('Failed');
    expect(phase(undefined, 'result > 9')).toBe('Successful');
    expect(phase(undefined, 'result > 1')).toBe('Failed');
    expect(phase('result > 9', 'result < 1')).toBe('Inconclusive');
    expect(phase('result > 1', 'result > 1')).toBe('Failed');
    expect(phase('result.x > 1')).toBe('Error');
  });
});

describe('helpers', () => {
  it('formatResult: compact JSON, Go-style non-finite numbers, strings as they are, cut short', () => {
    expect(formatResult([0.99, NaN, Infinity, -Infinity])).toBe('[0.99,NaN,+Inf,-Inf]');
    expect(formatResult({ a: [1, 'x'], b: null })).toBe('{"a":[1,"x"],"b":null}');
    expect(formatResult('ok')).toBe('ok');
    expect(formatResult('x'.repeat(600))).toHaveLength(500);
  });

  it('checkMetricConfigs (for lint): unknown providers and bad configs, templated ones left alone', () => {
    const m = (
      name: string,
      provider: string,
      config: Record<string, unknown>,
    ): VerificationMetric => ({
      name,
      provider: { name: provider, config },
      count: 1,
      failureLimit: 0,
      inconclusiveLimit: 0,
      consecutiveErrorLimit: 4,
      timeout: '5m',
      timeoutMs: 300_000,
    });
    expect(
      checkMetricConfigs(
        [
          m('a', 'http', { url: 'https://x' }),
          m('b', 'http', { ur: 'https://x' }),
          m('c', 'nope', {}),
          m('d', 'http', { url: '${{ env.URL }}' }),
        ],
        defaultProviders(),
      ),
    ).toEqual([
      'verification metric "b": provider http: ur: is not a field of the http provider (did you mean "url"?)',
      'verification metric "c": provider "nope" is not available',
    ]);
  });
});
