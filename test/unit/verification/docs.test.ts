/**
 * docs/verify.md stays true: every YAML example is loaded through the project loader (wrapped
 * into a minimal project where it is a fragment), and every provider configuration in it is
 * rendered and checked by its provider, as verification would before measuring.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileExpr } from '../../../src/expr/index.js';
import { parseProjectFile } from '../../../src/pipeline/index.js';
import { formatProblem } from '../../../src/util/errors.js';
import { defaultProviders } from '../../../src/verification/providers/index.js';
import { envReferences, metricParts, renderMetric } from '../../../src/verification/templates.js';

const DOC = 'docs/verify.md';
const text = readFileSync(DOC, 'utf8');
const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({
  n: i + 1,
  line: text.slice(0, m.index).split('\n').length,
  yaml: m[1] ?? '',
}));

type Obj = Record<string, unknown>;

function project(stages: Obj[]): string {
  return stringify({
    project: 'echo',
    warehouses: [{ name: 'echo', subscriptions: [{ image: { repoURL: 'ghcr.io/acme/echo' } }] }],
    stages: stages.map((s, i) => ({
      name: `stage-${i}`,
      requestedFreight: [
        { origin: { kind: 'Warehouse', name: 'echo' }, sources: { direct: true } },
      ],
      promotionTemplate: { steps: [{ uses: 'yaml-update' }] },
      ...s,
    })),
  });
}

/** The project a block stands for, or undefined when it is not a project fragment. */
function asProject(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const obj = data as Obj;
  if (Array.isArray(obj.stages)) return project(obj.stages as Obj[]);
  if (Array.isArray(obj.verification)) return project([{ verification: obj.verification }]);
  return undefined;
}

const target = {
  project: 'echo',
  stage: 'staging',
  freightId: 'e'.repeat(40),
  freightAlias: 'lucky-jaguar',
  commit: 'f'.repeat(40),
};

describe(`${DOC} examples`, () => {
  it('has examples of every metric field and each provider it documents', () => {
    const all = blocks.map((b) => b.yaml).join('\n');
    for (const word of [
      'initialDelay:',
      'interval:',
      'count:',
      'failureLimit:',
      'successCondition:',
      'failureCondition:',
      'http:',
      'prometheus:',
      'command:',
      'jsonBody:',
      'jsonPath:',
    ]) {
      expect(all, word).toContain(word);
    }
  });

  it.each(blocks)('block $n (line $line) is valid', ({ yaml }) => {
    const data: unknown = parse(yaml);
    const file = asProject(data);
    if (file === undefined) {
      // A workflow step, or conditions on their own: valid YAML, and conditions that parse.
      if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
        for (const key of ['successCondition', 'failureCondition']) {
          const source = (data as Obj)[key];
          if (typeof source === 'string') expect(() => compileExpr(source)).not.toThrow();
        }
      }
      return;
    }
    const { project: loaded, problems } = parseProjectFile('.gantry/echo.yaml', file);
    expect(problems.map(formatProblem)).toEqual([]);
    const providers = defaultProviders();
    for (const stage of loaded?.stages ?? []) {
      for (const metric of stage.verification) {
        const provider = providers.get(metric.provider.name);
        if (!provider) continue; // documented elsewhere, not registered yet
        const env = Object.fromEntries(
          envReferences([metric.provider.config]).map((r) => [r.name, `value-of-${r.name}`]),
        );
        const where = `verification metric ${JSON.stringify(metric.name)}`;
        const rendered = renderMetric(where, metricParts(metric), target, env);
        expect(() => provider.parse(rendered.config, where)).not.toThrow();
        for (const c of [rendered.successCondition, rendered.failureCondition]) {
          if (c !== undefined) expect(() => compileExpr(c)).not.toThrow();
        }
      }
    }
  });
});
