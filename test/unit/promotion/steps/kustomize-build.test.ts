/**
 * kustomize-build against a real renderer: `kubectl kustomize` (found on PATH, put alone on the
 * step's PATH so that a kustomize binary elsewhere does not take over), and a stand-in
 * `kustomize` first on PATH to prove it is preferred and given Kargo's flags. Without kubectl
 * these tests fail: they never skip.
 *
 * The fixtures are Kargo's documented examples (single file, per-resource files with kargo
 * names, with kustomize names), with the kustomizations under the stage's checkout, which is
 * what gantry checks out today.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep } from '../../../../src/pipeline/types.js';
import { runSteps } from '../../../../src/promotion/steps/engine.js';
import { kustomizeBuild } from '../../../../src/promotion/steps/kustomize-build.js';
import { launcher, setLauncher, type LaunchRequest } from '../../../../src/git/launch.js';
import { MissingBinaryError, runProgram } from '../../../../src/promotion/steps/render.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { ConfigError, OperationError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext } from '../../../support/steps.js';

/** The directory of `name` on the test process's PATH; the test fails without it. */
function onPath(name: string): string {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir !== '' && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error(`${name} is not on PATH: these tests need it (kubectl has kustomize built in)`);
}

let wt: string;
let bin: string;
let cleanup: () => void;
let cleanupBin: () => void;
beforeEach(() => {
  ({ dir: wt, cleanup } = realTempDir());
  ({ dir: bin, cleanup: cleanupBin } = realTempDir('gantry-bin-'));
  // Only kubectl on the step's PATH: the test runs kubectl kustomize even where kustomize exists.
  symlinkSync(onPath('kubectl'), path.join(bin, 'kubectl'));
  const files: Record<string, string> = {
    'src/base/kustomization.yaml':
      'resources:\n  - namespace.yaml\n  - deployment.yaml\n  - service.yaml\n',
    'src/base/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n',
    'src/base/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: echo',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: echo',
      '          image: ghcr.io/acme/echo:1.0.0',
      '',
    ].join('\n'),
    'src/base/service.yaml':
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: echo\nspec:\n  ports:\n    - port: 80\n',
    'src/stages/dev/kustomization.yaml': [
      'namespace: dev',
      'resources:',
      '  - ../../base',
      'images:',
      '  - name: ghcr.io/acme/echo',
      '    newTag: 1.2.0',
      '',
    ].join('\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
    writeFileSync(path.join(wt, rel), text);
  }
});
afterEach(() => {
  cleanup();
  cleanupBin();
});

const env = () => ({ PATH: bin, HOME: wt });

const step = (uses: string, config: Record<string, unknown>): PromotionStep => ({
  uses,
  config,
  continueOnError: false,
  vars: [],
});

const run = (steps: PromotionStep[]) => {
  const { index: _index, ...ctx } = stepContext(wt, { env: env() });
  return runSteps({ mode: 'direct', vars: [], steps }, ctx, defaultRegistry());
};

const RENDERED = `apiVersion: v1
kind: Namespace
metadata:
  name: dev
---
apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: dev
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
  namespace: dev
spec:
  template:
    spec:
      containers:
      - image: ghcr.io/acme/echo:1.2.0
        name: echo
`;

describe("kustomize-build: Kargo's examples, rendered by kubectl kustomize", () => {
  test('to a single file', async () => {
    const res = await run([
      step('kustomize-build', {
        path: './src/stages/${{ ctx.stage }}',
        outPath: './manifests.yaml',
      }),
    ]);
    expect(res.errors).toEqual([]);
    expect(readFileSync(path.join(wt, 'manifests.yaml'), 'utf8')).toBe(RENDERED);
    expect(res.changed).toEqual(['manifests.yaml']);
    expect(res.summary).toEqual([
      '- src/stages/dev → manifests.yaml: 3 resource(s) rendered with kubectl kustomize',
    ]);
  });

  test('to a directory, one file per resource with kargo names', async () => {
    const res = await run([
      step('kustomize-build', { path: './src/stages/dev', outPath: './rendered' }),
    ]);
    expect(res.errors).toEqual([]);
    const dir = path.join(wt, 'rendered');
    expect(readdirSync(dir).sort()).toEqual([
      'dev-deployment-echo.yaml',
      'dev-service-echo.yaml',
      'namespace-dev.yaml',
    ]);
    expect(readFileSync(path.join(dir, 'namespace-dev.yaml'), 'utf8')).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n',
    );
    expect(readFileSync(path.join(dir, 'dev-deployment-echo.yaml'), 'utf8')).toBe(
      RENDERED.split('---\n')[2],
    );
    expect(res.changed.sort()).toEqual([
      'rendered/dev-deployment-echo.yaml',
      'rendered/dev-service-echo.yaml',
      'rendered/namespace-dev.yaml',
    ]);
    // A second run renders the same files: nothing changes.
    const again = await run([
      step('kustomize-build', { path: './src/stages/dev', outPath: './rendered' }),
    ]);
    expect(again.changed).toEqual([]);
  });

  test("to a directory with kustomize's names, namespaced when the build spans several", async () => {
    const res = await run([
      step('kustomize-build', {
        path: './src/stages/dev',
        outPath: './rendered',
        outputFormat: 'kustomize',
      }),
    ]);
    expect(res.errors).toEqual([]);
    expect(readdirSync(path.join(wt, 'rendered')).sort()).toEqual([
      'apps_v1_deployment_echo.yaml',
      'v1_namespace_dev.yaml',
      'v1_service_echo.yaml',
    ]);

    writeFileSync(
      path.join(wt, 'src/base/other.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: ops\n',
    );
    writeFileSync(
      path.join(wt, 'src/base/kustomization.yaml'),
      'resources:\n  - namespace.yaml\n  - deployment.yaml\n  - other.yaml\n',
    );
    const multi = await run([
      step('kustomize-build', {
        path: './src/base',
        outPath: './multi',
        outputFormat: 'kustomize',
      }),
    ]);
    expect(multi.errors).toEqual([]);
    // The deployment has no namespace: kustomize files it under "default".
    expect(readdirSync(path.join(wt, 'multi')).sort()).toEqual([
      'default_apps_v1_deployment_echo.yaml',
      'ops_v1_configmap_extra.yaml',
      'v1_namespace_dev.yaml',
    ]);
  });
});

describe('kustomize-build: more of the real renderer', () => {
  test('plugin.helm options are flags kubectl kustomize accepts', async () => {
    const res = await kustomizeBuild.run(
      {
        path: 'src/stages/dev',
        outPath: 'm.yml',
        plugin: { helm: { apiVersions: ['monitoring.coreos.com/v1'], kubeVersion: '1.30.0' } },
      },
      stepContext(wt, { env: env() }),
    );
    expect(readFileSync(path.join(wt, 'm.yml'), 'utf8')).toBe(RENDERED);
    expect(res.changed).toEqual(['m.yml']);
  });

  test('files in the directory that the build does not produce are left alone, as in Kargo', async () => {
    mkdirSync(path.join(wt, 'rendered'));
    writeFileSync(path.join(wt, 'rendered/old.yaml'), 'kept: true\n');
    await kustomizeBuild.run(
      { path: 'src/stages/dev', outPath: 'rendered' },
      stepContext(wt, { env: env() }),
    );
    expect(readdirSync(path.join(wt, 'rendered')).sort()).toEqual([
      'dev-deployment-echo.yaml',
      'dev-service-echo.yaml',
      'namespace-dev.yaml',
      'old.yaml',
    ]);
  });

  test('a directory outPath that is a file is refused before the build', async () => {
    writeFileSync(path.join(wt, 'rendered'), 'x');
    await expect(
      kustomizeBuild.run(
        { path: 'src/stages/dev', outPath: 'rendered' },
        stepContext(wt, { env: env() }),
      ),
    ).rejects.toThrow(
      /kustomize-build: outPath "rendered" is a file; an outPath not ending in .yaml or .yml is a directory/,
    );
  });
});

describe('kustomize-build: which renderer, and failures', () => {
  const standIn = (name: string, script: string): void => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };

  test('a kustomize binary on PATH is preferred, and given the flags Kargo uses', async () => {
    const args = path.join(wt, '..', `${path.basename(wt)}-args`);
    standIn(
      'kustomize',
      `for a in "$@"; do printf '%s\\n' "$a"; done > '${args}'\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: fixed\\n'`,
    );
    const ctx = stepContext(wt, { env: env() });
    const res = await kustomizeBuild.run(
      {
        path: 'src/stages/dev',
        outPath: 'out.yaml',
        plugin: {
          helm: { apiVersions: ['monitoring.coreos.com/v1', 'v2'], kubeVersion: '1.30.0' },
        },
      },
      ctx,
    );
    expect(readFileSync(args, 'utf8').split('\n').slice(0, -1)).toEqual([
      'build',
      '--load-restrictor',
      'LoadRestrictionsNone',
      '--enable-helm',
      '--helm-api-versions',
      'monitoring.coreos.com/v1',
      '--helm-api-versions',
      'v2',
      '--helm-kube-version',
      '1.30.0',
      path.join(wt, 'src/stages/dev'),
    ]);
    expect(res.summary).toEqual([
      '- src/stages/dev → out.yaml: 1 resource(s) rendered with kustomize',
    ]);
    expect(readFileSync(path.join(wt, 'out.yaml'), 'utf8')).toContain('name: fixed');
  });

  test("a failing build: the renderer's message in the error, nothing written", async () => {
    writeFileSync(
      path.join(wt, 'src/stages/dev/kustomization.yaml'),
      'resources:\n  - ../../base\n  - missing.yaml\n',
    );
    const err = await kustomizeBuild
      .run({ path: 'src/stages/dev', outPath: 'rendered' }, stepContext(wt, { env: env() }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /^kustomize-build: kubectl kustomize build of "src\/stages\/dev" failed \(exit 1\): .*missing\.yaml/s,
    );
    // kubectl's klog prefix (`E1206 08:43:21.165957   20444 run.go:72] `) is dropped.
    expect((err as Error).message).not.toMatch(/run\.go:\d+\]/);
    expect(existsSync(path.join(wt, 'rendered'))).toBe(false);
  });

  test('a long error message is cut, keeping its end', async () => {
    standIn(
      'kustomize',
      `i=0; while [ $i -lt 2000 ]; do printf 'noise ' >&2; i=$((i+1)); done; echo 'Error: the real cause' >&2; exit 1`,
    );
    const err = (await kustomizeBuild
      .run({ path: 'src/stages/dev', outPath: 'm.yaml' }, stepContext(wt, { env: env() }))
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('Error: the real cause');
    expect(err.message.length).toBeLessThan(4200);
    expect(existsSync(path.join(wt, 'm.yaml'))).toBe(false);
  });

  test('no renderer on PATH: an error naming the step and what to install', async () => {
    const empty = realTempDir('gantry-empty-');
    try {
      const err = await kustomizeBuild
        .run(
          { path: 'src/stages/dev', outPath: 'm.yaml' },
          stepContext(wt, { env: { PATH: empty.dir } }),
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(
        /^kustomize-build: neither kustomize nor kubectl is on PATH; install kustomize .* or kubectl/,
      );
    } finally {
      empty.cleanup();
    }
  });

  test('a kustomization that reads outside the checkout is refused before anything runs', async () => {
    const kfile = path.join(wt, 'src/stages/dev/kustomization.yaml');
    const cases: [string, RegExp][] = [
      [
        'secretGenerator:\n  - name: s\n    files: [key=/etc/hostname]\n',
        /src\/stages\/dev\/kustomization\.yaml: secretGenerator: "\/etc\/hostname" is an absolute path/,
      ],
      [
        'resources:\n  - ../../../../outside\n',
        /src\/stages\/dev\/kustomization\.yaml: resources: "..\/..\/..\/..\/outside" leads outside the checkout/,
      ],
      [
        // Through a kustomization it names.
        'resources:\n  - ../../base\n',
        /src\/base\/kustomization\.yaml: configMapGenerator: ".*" leads outside the checkout/,
      ],
    ];
    writeFileSync(
      path.join(wt, 'src/base/kustomization.yaml'),
      'resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: c\n    envs: [../../../x.env]\n',
    );
    for (const [text, message] of cases) {
      writeFileSync(kfile, text);
      const err = await kustomizeBuild
        .run({ path: 'src/stages/dev', outPath: 'm.yaml' }, stepContext(wt, { env: env() }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(message);
    }
    // A link inside the checkout that leads out is refused too.
    symlinkSync('/etc', path.join(wt, 'src/stages/dev/etc'));
    writeFileSync(kfile, 'configMapGenerator:\n  - name: c\n    files: [etc/hostname]\n');
    const err = await kustomizeBuild
      .run({ path: 'src/stages/dev', outPath: 'm.yaml' }, stepContext(wt, { env: env() }))
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/symbolic link that leads outside the checkout/);
    expect(existsSync(path.join(wt, 'm.yaml'))).toBe(false);
  });

  test('path and outPath stay inside the checkout; a file outPath cannot be a directory', async () => {
    const ctx = stepContext(wt, { env: env() });
    await expect(kustomizeBuild.run({ path: '../x', outPath: 'm.yaml' }, ctx)).rejects.toThrow(
      /kustomize-build: path "..\/x": leads outside the checkout/,
    );
    await expect(
      kustomizeBuild.run({ path: 'src/stages/dev', outPath: '.git/m.yaml' }, ctx),
    ).rejects.toThrow(/kustomize-build: outPath ".git\/m.yaml": steps may not touch the .git/);
    mkdirSync(path.join(wt, 'dir.yaml'));
    await expect(
      kustomizeBuild.run({ path: 'src/stages/dev', outPath: 'dir.yaml' }, ctx),
    ).rejects.toThrow(/outPath "dir.yaml" is a directory, not a file/);
    await expect(
      kustomizeBuild.run({ path: 'src/stages/dev', outPath: 'm.yaml', outpath: 'x' }, ctx),
    ).rejects.toThrow(/unknown field "outpath" \(did you mean "outPath"\?\)/);
  });

  test('charts kustomize pulls into the kustomization are not left in the checkout', async () => {
    // The chart's content reaches the output, which proves the stand-in wrote it.
    standIn(
      'kustomize',
      `mkdir -p "$PWD/src/stages/dev/charts/podinfo" && echo pulled > "$PWD/src/stages/dev/charts/podinfo/Chart.yaml" || exit 1\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s\\n' "$(cat "$PWD/src/stages/dev/charts/podinfo/Chart.yaml")"`,
    );
    await kustomizeBuild.run(
      { path: 'src/stages/dev', outPath: 'm.yaml' },
      stepContext(wt, { env: { PATH: `${bin}:/usr/bin:/bin` } }),
    );
    expect(readFileSync(path.join(wt, 'm.yaml'), 'utf8')).toContain('name: pulled');
    expect(existsSync(path.join(wt, 'src/stages/dev/charts'))).toBe(false);
    expect(readdirSync(path.join(wt, 'src/stages/dev'))).toEqual(['kustomization.yaml']);
  });
});

describe('runProgram', () => {
  test('a renderer that does not finish in time is stopped, with what it started', async () => {
    const started = Date.now();
    const err = await runProgram('/bin/sh', ['-c', 'sleep 30; echo late'], wt, undefined, 300)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toBe('/bin/sh did not finish within 0.3 s and was stopped');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("with an environment, a host's launcher starts the renderer, not this process", async () => {
    const installed = launcher();
    const seen: LaunchRequest[] = [];
    setLauncher((r) => {
      seen.push(r);
      return installed(r);
    });
    try {
      const env = { PATH: '/usr/bin:/bin', GREETING: 'hello' };
      const out = await runProgram('/bin/sh', ['-c', 'echo "$GREETING"; echo oops >&2'], wt, env);
      expect(out).toEqual({ code: 0, stdout: 'hello\n', stderr: 'oops\n' });
      expect(seen.map((r) => [r.file, r.args, r.cwd, r.env])).toEqual([
        ['/bin/sh', ['-c', 'echo "$GREETING"; echo oops >&2'], wt, env],
      ]);
      // Without an environment the renderer inherits this process's: started here.
      await runProgram('/bin/sh', ['-c', 'true'], wt);
      expect(seen).toHaveLength(1);
    } finally {
      setLauncher(installed);
    }
  });

  test('through the launcher: a missing binary and a renderer out of time fail as they do here', async () => {
    const env = { PATH: '/usr/bin:/bin' };
    await expect(runProgram('gantry-no-such-renderer', [], wt, env)).rejects.toBeInstanceOf(
      MissingBinaryError,
    );
    const started = Date.now();
    await expect(runProgram('/bin/sh', ['-c', 'exec sleep 30'], wt, env, 300)).rejects.toThrow(
      new OperationError('/bin/sh did not finish within 0.3 s and was stopped'),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
