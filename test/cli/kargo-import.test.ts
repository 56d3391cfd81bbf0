/**
 * `gantry lint --kargo DIR`: the import check a team runs before switching. Each resource with
 * what gantry does with it, ignored fields with why, refusals with the alternative; exit 2 only
 * when something cannot be done as written.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const QUICKSTART = resolve(import.meta.dirname, '../fixtures/kargo/quickstart/kargo');

const EXTRA = `apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata:
  name: kargo-demo
  namespace: kargo-demo
spec:
  promotionWindows: [{kind: deny}]
  promotionPolicies:
    - stageSelector: {name: "glob:*"}
      autoPromotionEnabled: true
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: demo-test
spec: {}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
`;

describe('gantry lint --kargo DIR', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('the quickstart: every resource and what gantry does with it; exit 0', async () => {
    const r = await runGantry(['lint', '--kargo', QUICKSTART], {});
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const at = (kind: string, name: string) =>
      lines.find((l) => l.includes(`: ${kind} ${name}: `)) ?? '';
    expect(at('Warehouse', 'kargo-demo')).toMatch(
      /\/warehouse\.yaml:1: Warehouse kargo-demo: warehouse: gantry discover watches image and records freight as tags$/,
    );
    expect(at('Stage', 'test')).toMatch(
      /takes kargo-demo directly; gantry promote runs \d+ steps; auto-promotion on$/,
    );
    expect(at('Stage', 'prod')).toMatch(
      /takes kargo-demo via uat; .*gantry verify measures 1 metric; auto-promotion off$/,
    );
    expect(at('Secret', 'kargo-demo-repo')).toMatch(
      /skipped: credentials: give gantry them through the workflow/,
    );
    expect(r.err).toBe(`ok: gantry reads kargo-demo from ${QUICKSTART} as it is\n`);
  });

  test('ignored fields say why; refused ones say what to do instead, positioned; exit 2', async () => {
    const dir = join(tmp.path, 'kargo');
    mkdirSync(dir, { recursive: true });
    cpSync(QUICKSTART, dir, { recursive: true });
    // A second policy file would be a second ProjectConfig: replace the quickstart's.
    const project = `apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata:
  name: kargo-demo
`;
    writeFileSync(join(dir, 'project.yaml'), project);
    writeFileSync(join(dir, 'extra.yaml'), EXTRA);
    writeFileSync(
      join(dir, 'warehouse.yaml'),
      `apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: kargo-demo
  namespace: kargo-demo
spec:
  shard: east
  subscriptions:
    - image:
        repoURL: public.ecr.aws/nginx/nginx
        cacheByTag: true
        constraint: ^1.26.0
`,
    );
    writeFileSync(
      join(dir, 'verification', 'smoke-test.yaml'),
      `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: smoke-test
  namespace: kargo-demo
spec:
  args: [{name: host}]
  metrics:
    - name: test
      provider:
        job:
          spec: {template: {spec: {containers: [{name: t, image: alpine}]}}}
`,
    );
    const r = await runGantry(['lint', '--kargo', dir], {});
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      `${dir}/extra.yaml:1: ProjectConfig kargo-demo: promotion policies (1): decide which stages auto-promote\n    ignored: spec.promotionWindows: no promotion windows: gate the stage’s GitHub environment`,
    );
    expect(r.out).toContain(
      `${dir}/extra.yaml:12: Application demo-test: skipped: Argo CD’s own; argocd-update steps reach it through Argo CD’s API`,
    );
    expect(r.out).toContain(
      `${dir}/extra.yaml:18: ConfigMap settings: skipped: configMap() reads GANTRY_CONFIGMAP_*`,
    );
    expect(r.out).toMatch(
      /warehouse\.yaml:1: Warehouse kargo-demo: .*\n {4}ignored: spec\.shard: Kargo’s controller shards; gantry runs in your workflows\n {4}ignored: spec\.subscriptions\[0\]\.image\.cacheByTag: gantry resolves the digest of a tag on every discovery\n/,
    );
    // The project is not read while a problem stands: the stages say so rather than guess.
    expect(r.out).toMatch(/Stage prod: stage \(not read: see the problems below\)\n/);
    expect(r.out).toMatch(/\ncannot be done as written:\n/);
    expect(r.out).toMatch(
      /verification\/smoke-test\.yaml:11:9: spec\.metrics\[0\]\.provider\.job: a job metric runs a Kubernetes Job; gantry has no cluster: use a command metric/,
    );
    expect(r.err).toMatch(
      /^gantry: \d+ problems? to solve before gantry can run these manifests\n$/,
    );
  });

  test('with nothing refused, a glob policy shows in the stages it names', async () => {
    const dir = join(tmp.path, 'glob');
    cpSync(QUICKSTART, dir, { recursive: true });
    writeFileSync(
      join(dir, 'project.yaml'),
      `apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata:
  name: kargo-demo
---
apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata:
  name: kargo-demo
  namespace: kargo-demo
spec:
  promotionPolicies:
    - stageSelector: {name: "regex:^(uat|prod)$"}
      autoPromotionEnabled: true
`,
    );
    const r = await runGantry(['lint', '--kargo', dir], {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Stage test: .*auto-promotion off\n/);
    expect(r.out).toMatch(/Stage uat: .*auto-promotion on\n/);
    expect(r.out).toMatch(/Stage prod: .*auto-promotion on\n/);
  });

  test('a directory that does not exist is a usage error', async () => {
    const r = await runGantry(['lint', '--kargo', join(tmp.path, 'nope')], {});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kargo \S+nope: no such directory/);
  });
});
