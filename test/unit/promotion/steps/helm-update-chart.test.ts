import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  helmChartCommitMessage,
  helmUpdateChart,
  updateChartDependencies,
} from '../../../../src/promotion/steps/helm-update-chart.js';
import { ConfigError } from '../../../../src/util/errors.js';
import {
  realTempDir as tempDir,
  stepFreight as freight,
  stepContext,
} from '../../../support/steps.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('gantry-helm-'));
});
afterEach(() => cleanup());

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}
const read = (rel: string): string => readFileSync(path.join(dir, rel), 'utf8');

const CHART = [
  'apiVersion: v2',
  'name: mychart # umbrella',
  'version: 0.1.0',
  '',
  'dependencies:',
  '  # the web tier',
  '  - name: chart1',
  '    repository: https://charts.example.com',
  '    version: 1.0.0 # bumped by gantry',
  '  - name: chart2',
  '    repository: oci://registry.example.com/charts',
  '    version: "2.0.0"',
  '',
].join('\n');

// Conformance S: pkg/promotion/runner/builtin/helm_chart_updater_test.go (generateCommitMessage)
describe('helmChartCommitMessage (conformance S)', () => {
  const P = 'charts/mychart';
  test.each<[string, Record<string, string>, string[], number]>([
    ['no changes', {}, [], 0],
    [
      'one update',
      { chart1: '1.0.0 -> 1.1.0' },
      [`Updated chart dependencies for ${P}`, '- chart1: 1.0.0 -> 1.1.0'],
      2,
    ],
    [
      'update and removal',
      { chart1: '1.0.0 -> 1.1.0', chart2: '' },
      [`Updated chart dependencies for ${P}`, '- chart1: 1.0.0 -> 1.1.0', '- chart2: removed'],
      3,
    ],
    [
      'addition',
      { chart1: '1.0.0' },
      [`Updated chart dependencies for ${P}`, '- chart1: 1.0.0'],
      2,
    ],
  ])('%s', (_, changes, contains, newlines) => {
    const msg = helmChartCommitMessage(P, changes);
    if (contains.length === 0) expect(msg).toBe('');
    for (const c of contains) expect(msg).toContain(c);
    expect(msg.split('\n').length - 1).toBe(newlines);
  });

  test('lines sorted by name (Kargo leaves them in map order)', () => {
    expect(
      helmChartCommitMessage(
        P,
        new Map([
          ['b', '2'],
          ['a', ''],
        ]),
      ),
    ).toBe(`Updated chart dependencies for ${P}\n\n- a: removed\n- b: 2`);
  });
});

describe('helm-update-chart: run', () => {
  test('explicit version: only the version bytes change', async () => {
    write('charts/mychart/Chart.yaml', CHART);
    const res = await helmUpdateChart.run(
      {
        path: 'charts/mychart',
        charts: [{ repository: 'https://charts.example.com', name: 'chart1', version: '1.1.0' }],
      },
      stepContext(dir),
    );
    expect(read('charts/mychart/Chart.yaml')).toBe(
      CHART.replace('version: 1.0.0 #', 'version: 1.1.0 #'),
    );
    expect(res.outputs).toEqual({
      commitMessage: 'Updated chart dependencies for charts/mychart\n\n- chart1: 1.0.0 -> 1.1.0',
    });
    expect(res.changed).toEqual(['charts/mychart/Chart.yaml']);
    expect(res.summary).toEqual(['- charts/mychart/Chart.yaml: chart1 1.0.0 → 1.1.0']);
  });

  test('version from the freight collection (HTTP and OCI charts), fromOrigin', async () => {
    write('charts/mychart/Chart.yaml', CHART);
    write('charts/mychart/Chart.lock', 'dependencies: []\n');
    const ctx = stepContext(dir, {
      freightCollection: [
        freight({
          origin: { kind: 'Warehouse', name: 'web' },
          charts: [{ repoURL: 'https://charts.example.com', name: 'chart1', version: '1.2.0' }],
        }),
        freight({
          origin: { kind: 'Warehouse', name: 'db' },
          charts: [
            { repoURL: 'oci://registry.example.com/charts/chart2', name: '', version: '2.1.0' },
          ],
        }),
      ],
    });
    const res = await helmUpdateChart.run(
      {
        path: 'charts/mychart',
        charts: [
          { repository: 'https://charts.example.com', name: 'chart1' },
          {
            repository: 'oci://registry.example.com/charts',
            name: 'chart2',
            fromOrigin: { kind: 'Warehouse', name: 'db' },
          },
        ],
      },
      ctx,
    );
    expect(read('charts/mychart/Chart.yaml')).toBe(
      CHART.replace('version: 1.0.0 #', 'version: 1.2.0 #').replace('"2.0.0"', '"2.1.0"'),
    );
    const msg = String(res.outputs?.commitMessage);
    expect(msg).toContain('- chart1: 1.0.0 -> 1.2.0');
    expect(msg).toContain('- chart2: 2.0.0 -> 2.1.0');
    expect(msg.split('\n').length - 1).toBe(3);
    expect(res.summary).toContain(
      '- charts/mychart/Chart.lock: not regenerated (gantry runs no helm); run `helm dependency update` to refresh it',
    );
  });

  test('versions already set: nothing written, no commit message', async () => {
    write('Chart.yaml', CHART);
    const res = await helmUpdateChart.run(
      {
        path: '.',
        charts: [{ repository: 'https://charts.example.com', name: 'chart1', version: '1.0.0' }],
      },
      stepContext(dir),
    );
    expect(read('Chart.yaml')).toBe(CHART);
    expect(res).toEqual({});
  });

  test('missing Chart.yaml', async () => {
    mkdirSync(path.join(dir, 'charts'));
    await expect(
      helmUpdateChart.run({ path: 'charts', charts: [] }, stepContext(dir)),
    ).rejects.toThrow(/charts\/Chart.yaml: no Chart.yaml in charts/);
  });

  test('a chart that is not a dependency is named', async () => {
    write('Chart.yaml', CHART);
    await expect(
      helmUpdateChart.run(
        {
          path: '.',
          charts: [{ repository: 'https://charts.example.com', name: 'chart9', version: '1.0.0' }],
        },
        stepContext(dir),
      ),
    ).rejects.toThrow(
      'helm-update-chart: charts[0]: no dependency in Chart.yaml matches repository "https://charts.example.com" and name "chart9"',
    );
    // The repository must match too (Kargo matches name and repository).
    await expect(
      helmUpdateChart.run(
        {
          path: '.',
          charts: [{ repository: 'https://other.example.com', name: 'chart1', version: '1.0.0' }],
        },
        stepContext(dir),
      ),
    ).rejects.toThrow(/name "chart1"/);
    expect(read('Chart.yaml')).toBe(CHART);
  });

  test('no version and no freight chart', async () => {
    write('Chart.yaml', CHART);
    await expect(
      helmUpdateChart.run(
        { path: '.', charts: [{ repository: 'https://charts.example.com', name: 'chart1' }] },
        stepContext(dir, { freightCollection: [] }),
      ),
    ).rejects.toThrow(/charts\[0\]: no version given and no freight/);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['no path', { charts: [] }, /path: must be a non-empty string/],
    ['unknown field', { path: '.', chart: [] }, /chart: is not a field/],
    ['charts not a list', { path: '.', charts: {} }, /charts: must be a list/],
    ['no name', { path: '.', charts: [{ repository: 'x' }] }, /charts\[0\]\.name/],
    [
      'bad origin',
      { path: '.', charts: [{ repository: 'x', name: 'y', fromOrigin: { kind: 'Stage' } }] },
      /fromOrigin\.kind: must be Warehouse/,
    ],
  ])('config error: %s', async (_, cfg, re) => {
    write('Chart.yaml', CHART);
    await expect(helmUpdateChart.run(cfg, stepContext(dir))).rejects.toThrow(re);
    await expect(helmUpdateChart.run(cfg, stepContext(dir))).rejects.toThrow(ConfigError);
  });

  test('path outside the checkout is refused', async () => {
    await expect(
      helmUpdateChart.run({ path: '../x', charts: [] }, stepContext(dir)),
    ).rejects.toThrow(ConfigError);
  });
});

describe('updateChartDependencies', () => {
  test('a numeric version in the file reads as written', () => {
    const text = 'dependencies:\n- name: a\n  repository: r\n  version: 1.10\n';
    const res = updateChartDependencies(
      text,
      [{ repository: 'r', name: 'a', version: '1.10' }],
      [],
      'Chart.yaml',
    );
    expect(res.text).toBe(text);
    expect(res.changes.size).toBe(0);
  });

  test('a version that would read as a number is quoted', () => {
    const text = 'dependencies:\n- name: a\n  repository: r\n  version: 1.0.0\n';
    const res = updateChartDependencies(
      text,
      [{ repository: 'r', name: 'a', version: '1.1' }],
      [],
      'Chart.yaml',
    );
    expect(res.text).toBe('dependencies:\n- name: a\n  repository: r\n  version: "1.1"\n');
  });
});
