/**
 * helm-template. No helm binary can be installed where these tests are written, so a stand-in
 * `helm` script is put alone on the step's PATH: it writes the arguments it receives to a file
 * the tests read (one per line, `--end--` after each call) and prints fixed manifests, the way
 * `helm template` lays them out on stdout and under `--output-dir`. The tests assert the exact
 * command lines Kargo's Helm SDK call corresponds to.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep } from '../../../../src/pipeline/types.js';
import { runSteps } from '../../../../src/promotion/steps/engine.js';
import { helmTemplate } from '../../../../src/promotion/steps/helm-template.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { ConfigError, OperationError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext } from '../../../support/steps.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: dev
spec:
  replicas: 1
`;
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
`;
const STDOUT = `---
# Source: my-chart/templates/deployment.yaml
${DEPLOYMENT}---
# Source: my-chart/templates/ingress.yaml
${INGRESS}---
# Source: my-chart/templates/notes.yaml
# nothing but a comment
---
# Source: my-chart/templates/odd.yaml
value: 1
`;

const HELM = `#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a"; done >> "$HELM_ARGS"
echo --end-- >> "$HELM_ARGS"
if [ "$1" = dependency ]; then
  mkdir -p "$3/charts" && echo tgz > "$3/charts/dep-1.0.0.tgz" && echo lock > "$3/Chart.lock"
  exit 0
fi
if [ -n "$HELM_FAIL" ]; then echo "Error: $HELM_FAIL" >&2; exit 1; fi
out=""; rel=""; release="$2"
while [ $# -gt 0 ]; do
  case "$1" in
    --output-dir) out="$2"; shift ;;
    --release-name) rel=1 ;;
  esac
  shift
done
if [ -z "$out" ]; then cat "$HELM_STDOUT"; exit 0; fi
[ -n "$rel" ] && out="$out/$release"
mkdir -p "$out/my-chart/templates"
printf -- '---\\n# Source: my-chart/templates/deployment.yaml\\n' > "$out/my-chart/templates/deployment.yaml"
cat "$HELM_DEPLOYMENT" >> "$out/my-chart/templates/deployment.yaml"
echo "wrote $out/my-chart/templates/deployment.yaml"
`;

let wt: string;
let bin: string;
let cleanup: () => void;
let cleanupBin: () => void;
beforeEach(() => {
  ({ dir: wt, cleanup } = realTempDir());
  ({ dir: bin, cleanup: cleanupBin } = realTempDir('gantry-bin-'));
  writeFileSync(path.join(bin, 'helm'), HELM);
  chmodSync(path.join(bin, 'helm'), 0o755);
  writeFileSync(path.join(bin, 'stdout.yaml'), STDOUT);
  writeFileSync(path.join(bin, 'deployment.yaml'), DEPLOYMENT);
  mkdirSync(path.join(wt, 'charts/my-chart/templates'), { recursive: true });
  writeFileSync(
    path.join(wt, 'charts/my-chart/Chart.yaml'),
    'apiVersion: v2\nname: my-chart\nversion: 0.1.0\n',
  );
  writeFileSync(path.join(wt, 'charts/my-chart/values.yaml'), 'replicas: 1\n');
  writeFileSync(path.join(wt, 'charts/my-chart/dev-values.yaml'), 'replicas: 2\n');
});
afterEach(() => {
  cleanup();
  cleanupBin();
});

const env = (extra: Record<string, string> = {}) => ({
  // The stand-in's own tools (cat, mkdir) come after it.
  PATH: `${bin}:/usr/bin:/bin`,
  HELM_ARGS: path.join(bin, 'args'),
  HELM_STDOUT: path.join(bin, 'stdout.yaml'),
  HELM_DEPLOYMENT: path.join(bin, 'deployment.yaml'),
  ...extra,
});

/** The argument lists of each call of the stand-in, in order. */
function calls(): string[][] {
  const text = readFileSync(path.join(bin, 'args'), 'utf8');
  return text
    .split('--end--\n')
    .slice(0, -1)
    .map((c) => c.split('\n').slice(0, -1));
}

const step = (uses: string, config: Record<string, unknown>): PromotionStep => ({
  uses,
  config,
  continueOnError: false,
  vars: [],
});

const run = (steps: PromotionStep[], extra: Record<string, string> = {}) => {
  const { index: _index, ...ctx } = stepContext(wt, { env: env(extra) });
  return runSteps({ mode: 'direct', vars: [], steps }, ctx, defaultRegistry());
};

const chart = (rel = '') => path.join(wt, 'charts/my-chart', rel);

describe("helm-template: Kargo's examples", () => {
  test('render to a file (the example, with the releaseName its schema requires)', async () => {
    const res = await run([
      step('helm-template', {
        path: './charts/my-chart',
        releaseName: 'my-chart',
        valuesFiles: ['./charts/my-chart/${{ ctx.stage }}-values.yaml'],
        outPath: './manifests.yaml',
      }),
    ]);
    expect(res.errors).toEqual([]);
    expect(calls()).toEqual([
      ['template', 'my-chart', chart(), '--namespace', 'echo', '-f', chart('dev-values.yaml')],
    ]);
    expect(readFileSync(path.join(wt, 'manifests.yaml'), 'utf8')).toBe(STDOUT);
    expect(res.changed).toEqual(['manifests.yaml']);
    expect(res.summary).toEqual([
      '- charts/my-chart → manifests.yaml: 3 resource(s) rendered with helm template (release my-chart, namespace echo)',
    ]);
  });

  test("render to a directory: helm's --output-dir layout", async () => {
    // In today's single checkout the chart and the rendering share the stage's branch, so the
    // example's git-clear of ./out (which would remove the chart too) is left out.
    const ok = await run([
      step('helm-template', {
        path: './charts/my-chart',
        releaseName: 'my-chart',
        outPath: '.',
      }),
    ]);
    expect(ok.errors).toEqual([]);
    const args = calls().at(-1) ?? [];
    expect(args.slice(-2)[0]).toBe('--output-dir');
    expect(args.slice(0, -2)).toEqual(['template', 'my-chart', chart(), '--namespace', 'echo']);
    expect(readFileSync(path.join(wt, 'my-chart/templates/deployment.yaml'), 'utf8')).toBe(
      `---\n# Source: my-chart/templates/deployment.yaml\n${DEPLOYMENT}`,
    );
    expect(ok.changed).toEqual(['my-chart/templates/deployment.yaml']);
    // helm's scratch directory is gone.
    expect(existsSync(args.at(-1) ?? '/')).toBe(false);
  });
});

describe('helm-template: fields', () => {
  test('every option on the command line, literals after --set, flat layout names', async () => {
    const res = await helmTemplate.run(
      {
        path: 'charts/my-chart',
        releaseName: 'web',
        namespace: 'apps',
        outPath: 'flat',
        outLayout: 'flat',
        valuesFiles: ['charts/my-chart/values.yaml', 'charts/my-chart/dev-values.yaml'],
        setValues: [
          { key: 'image.tag', value: '1.2.0', literal: true },
          { key: 'replicas', value: 3 },
          { key: 'annotations.a', value: 'x,y' },
        ],
        includeCRDs: true,
        disableHooks: true,
        skipTests: true,
        kubeVersion: '1.30.0',
        apiVersions: ['monitoring.coreos.com/v1', 'v2'],
      },
      stepContext(wt, { env: env() }),
    );
    expect(calls()).toEqual([
      [
        'template',
        'web',
        chart(),
        '--namespace',
        'apps',
        '-f',
        chart('values.yaml'),
        '-f',
        chart('dev-values.yaml'),
        '--set',
        'replicas=3',
        '--set',
        'annotations.a=x,y',
        '--set-literal',
        'image.tag=1.2.0',
        '--include-crds',
        '--no-hooks',
        '--skip-tests',
        '--kube-version',
        '1.30.0',
        '--api-versions',
        'monitoring.coreos.com/v1',
        '--api-versions',
        'v2',
      ],
    ]);
    expect(readdirSync(path.join(wt, 'flat')).sort()).toEqual([
      'apps-deployment-dev-web.yaml',
      'networking_k8s_io-ingress-web.yaml',
      'resource-2.yaml',
    ]);
    expect(readFileSync(path.join(wt, 'flat/networking_k8s_io-ingress-web.yaml'), 'utf8')).toBe(
      `# Source: my-chart/templates/ingress.yaml\n${INGRESS}`,
    );
    expect(res.changed).toHaveLength(3);
  });

  test('useReleaseName puts the helm layout under the release', async () => {
    await helmTemplate.run(
      { path: 'charts/my-chart', releaseName: 'web', outPath: 'out', useReleaseName: true },
      stepContext(wt, { env: env() }),
    );
    expect(calls()[0]?.slice(-1)).toEqual(['--release-name']);
    expect(existsSync(path.join(wt, 'out/web/my-chart/templates/deployment.yaml'))).toBe(true);
  });

  test('buildDependencies runs helm dependency build first; what it downloads is not kept', async () => {
    writeFileSync(
      chart('Chart.yaml'),
      'apiVersion: v2\nname: my-chart\nversion: 0.1.0\ndependencies:\n  - name: dep\n    version: 1.0.0\n    repository: oci://ghcr.io/acme/charts\n',
    );
    await helmTemplate.run(
      { path: 'charts/my-chart', releaseName: 'web', outPath: 'm.yaml', buildDependencies: true },
      stepContext(wt, { env: env() }),
    );
    expect(calls().map((c) => c.slice(0, 3))).toEqual([
      ['dependency', 'build', chart()],
      ['template', 'web', chart()],
    ]);
    expect(readdirSync(chart()).sort()).toEqual([
      'Chart.yaml',
      'dev-values.yaml',
      'templates',
      'values.yaml',
    ]);
  });

  test('a file:// dependency outside the checkout is refused', async () => {
    writeFileSync(
      chart('Chart.yaml'),
      'apiVersion: v2\nname: my-chart\nversion: 0.1.0\ndependencies:\n  - name: dep\n    repository: file://../../../elsewhere\n',
    );
    await expect(
      helmTemplate.run(
        { path: 'charts/my-chart', releaseName: 'web', outPath: 'm.yaml', buildDependencies: true },
        stepContext(wt, { env: env() }),
      ),
    ).rejects.toThrow(
      /helm-template: charts\/my-chart\/Chart.yaml: dependencies\[0\].repository "file:\/\/..\/..\/..\/elsewhere" leads outside the checkout/,
    );
  });

  test('missing values files fail, unless ignoreMissingValueFiles leaves them out', async () => {
    const config = {
      path: 'charts/my-chart',
      releaseName: 'web',
      outPath: 'm.yaml',
      valuesFiles: ['charts/my-chart/prod-values.yaml', 'charts/my-chart/dev-values.yaml'],
    };
    await expect(helmTemplate.run(config, stepContext(wt, { env: env() }))).rejects.toThrow(
      /helm-template: valuesFiles\[0\] "charts\/my-chart\/prod-values.yaml": no such file/,
    );
    await helmTemplate.run(
      { ...config, ignoreMissingValueFiles: true },
      stepContext(wt, { env: env() }),
    );
    expect(calls()[0]?.slice(5)).toEqual(['-f', chart('dev-values.yaml')]);
    await expect(
      helmTemplate.run(
        { ...config, valuesFiles: ['../secret.yaml'] },
        stepContext(wt, { env: env() }),
      ),
    ).rejects.toThrow(/valuesFiles\[0\] "..\/secret.yaml": leads outside the checkout/);
  });

  test("a failing render: helm's message in the error, nothing written", async () => {
    const err = await helmTemplate
      .run(
        { path: 'charts/my-chart', releaseName: 'web', outPath: 'm.yaml' },
        stepContext(wt, {
          env: env({ HELM_FAIL: 'parse error at (my-chart/templates/x.yaml:3)' }),
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toBe(
      'helm-template: helm template of "charts/my-chart" failed (exit 1): Error: parse error at (my-chart/templates/x.yaml:3)',
    );
    expect(existsSync(path.join(wt, 'm.yaml'))).toBe(false);
  });

  test('no helm on PATH: an error naming the step and what to install', async () => {
    const empty = realTempDir('gantry-empty-');
    try {
      const err = await helmTemplate
        .run(
          { path: 'charts/my-chart', releaseName: 'web', outPath: 'm.yaml' },
          stepContext(wt, { env: { PATH: empty.dir } }),
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(
        /^helm-template: the helm binary is not on PATH; install Helm 3/,
      );
    } finally {
      empty.cleanup();
    }
  });

  test('unknown fields have a did-you-mean; releaseName is required', async () => {
    const ctx = stepContext(wt, { env: env() });
    await expect(
      helmTemplate.run({ path: 'charts/my-chart', releaseName: 'w', outpath: 'x' }, ctx),
    ).rejects.toThrow(/unknown field "outpath" \(did you mean "outPath"\?\)/);
    await expect(
      helmTemplate.run({ path: 'charts/my-chart', outPath: 'm.yaml' }, ctx),
    ).rejects.toThrow(/helm-template: releaseName is required/);
  });
});
