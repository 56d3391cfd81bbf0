/**
 * `gantry lint` on argocd-update steps as Kargo's reference page writes them: the examples load
 * with no problem, and the step's schema catches what Kargo's would, at the field's line.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runGantry } from '../support/cli.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function lint(steps: string): Promise<string> {
  const text = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
      - chart: {repoURL: https://charts.example.com, name: my-chart}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      vars:
        - {name: chartRepo, value: https://charts.example.com}
        - {name: imageRepo, value: ghcr.io/acme/echo}
      steps:
${steps}`;
  n++;
  const bare = createBareRepo(join(tmp.path, `r${n}`), 'gitops', { '.gantry/echo.yaml': text });
  const r = await runGantry(['lint', '--repo', `file://${bare}`], {
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, `cache${n}`),
  });
  return r.out + r.err;
}

describe('argocd-update in gantry lint', () => {
  test("Kargo's reference examples: target revision, Kustomize image, Helm image", async () => {
    expect(
      await lint(`        - uses: argocd-update
          config:
            apps:
              - name: my-app
                sources:
                  - repoURL: \${{ vars.chartRepo }}
                    chart: my-chart
                    desiredRevision: \${{ chartFrom(vars.chartRepo, "my-chart").Version }}
                    updateTargetRevision: true
        - uses: argocd-update
          config:
            apps:
              - name: my-app
                sources:
                  - repoURL: https://github.com/example/repo.git
                    kustomize:
                      images:
                        - repoURL: \${{ vars.imageRepo }}
                          tag: \${{ imageFrom(vars.imageRepo).Tag }}
        - uses: argocd-update
          config:
            apps:
              - name: my-app
                namespace: team-a
                sources:
                  - repoURL: https://github.com/example/repo.git
                    helm:
                      images:
                        - key: image.tag
                          value: \${{ imageFrom(vars.imageRepo).Tag }}
`),
    ).toContain('ok: 1 project (echo)');
  });

  test('a misspelt field, neither name nor selector, and an image without repoURL, each at its line', async () => {
    const problems = await lint(`        - uses: argocd-update
          config:
            apps:
              - name: my-app
                sources:
                  - repoURL: https://github.com/example/repo.git
                    desiredRevison: abc
              - namespace: argocd
              - name: other
                sources:
                  - repoURL: https://github.com/example/repo.git
                    kustomize:
                      images:
                        - tag: "1.0"
`);
    expect(problems).toContain(
      '.gantry/echo.yaml:23:21: stages[0].promotionTemplate.steps[0].config.apps[0].sources[0].desiredRevison: argocd-update: unknown field "desiredRevison" (did you mean "desiredRevision"?)',
    );
    expect(problems).toContain(
      '.gantry/echo.yaml:24:17: stages[0].promotionTemplate.steps[0].config.apps[1]: argocd-update: needs name or selector (one of them, as in Kargo)',
    );
    expect(problems).toContain(
      '.gantry/echo.yaml:30:27: stages[0].promotionTemplate.steps[0].config.apps[2].sources[0].kustomize.images[0]: argocd-update: missing required field "repoURL"',
    );
  });
});
