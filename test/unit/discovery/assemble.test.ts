import { describe, expect, test } from 'vitest';
import {
  assembleFreight,
  parseChartChoice,
  parseCommitChoice,
  parseImageChoice,
} from '../../../src/discovery/assemble.js';
import { parseProjectFile } from '../../../src/pipeline/parse.js';
import type { StateStore } from '../../../src/state/index.js';

describe('how the chosen versions are written', () => {
  test.each([
    ['ghcr.io/acme/echo:1.2.0', 'ghcr.io/acme/echo', '1.2.0'],
    ['127.0.0.1:5000/demo/app:v2', '127.0.0.1:5000/demo/app', 'v2'],
    ['nginx:1.25', 'nginx', '1.25'],
  ])('--image %s', (text, repo, tag) => {
    expect(parseImageChoice(text)).toEqual({ repo, tag });
  });
  test.each(['127.0.0.1:5000/demo/app', 'ghcr.io/a/b@sha256:00', 'ghcr.io/a/b:'])(
    '--image %s is refused',
    (text) => expect(() => parseImageChoice(text)).toThrow(/write it as REPO:TAG/),
  );
  test('--chart, HTTP and OCI', () => {
    expect(parseChartChoice('https://charts.example.com/podinfo:6.5.0')).toEqual({
      chart: 'https://charts.example.com/podinfo',
      version: '6.5.0',
    });
    expect(parseChartChoice('oci://127.0.0.1:5000/charts/app:1.0.0-rc.1')).toEqual({
      chart: 'oci://127.0.0.1:5000/charts/app',
      version: '1.0.0-rc.1',
    });
  });
  test.each([
    ['https://github.com/acme/app.git@main', 'https://github.com/acme/app.git', 'main'],
    ['git@github.com:acme/app.git@v1.0.0', 'git@github.com:acme/app.git', 'v1.0.0'],
    ['file:///srv/app.git@' + 'a'.repeat(40), 'file:///srv/app.git', 'a'.repeat(40)],
  ])('--commit %s', (text, repo, ref) => {
    expect(parseCommitChoice(text)).toEqual({ repo, ref });
  });
  test('--commit without a ref is refused, and a password in it is not repeated', () => {
    expect(() => parseCommitChoice('git@github.com:acme/app.git')).toThrow(/REPO_URL@SHA/);
    expect(() => parseCommitChoice('https://bot:hunter22@example.com/app.git')).toThrow(
      /^--commit "https:\/\/example\.com\/app\.git": write it as/,
    );
  });
});

test('a credential in a --commit URL never reaches the error; nothing is asked of any source', async () => {
  const { project } = parseProjectFile(
    '.gantry/echo.yaml',
    `project: echo
warehouses:
  - name: echo
    subscriptions:
      - git: {repoURL: https://example.com/app.git}
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate: {steps: [{uses: yaml-update}]}
`,
  );
  const asked: string[] = [];
  const never = (what: string) => () => {
    asked.push(what);
    return Promise.reject(new Error(what));
  };
  const run = assembleFreight({
    project: project!,
    warehouse: 'echo',
    images: [],
    charts: [],
    commits: ['https://bot:hunter22@example.org/other.git@main'],
    store: { snapshot: never('snapshot') } as unknown as StateStore,
    sources: { image: never('image'), chartVersions: never('charts'), commit: never('commit') },
    clock: () => new Date(),
    createdBy: 'test',
    dryRun: false,
  });
  await expect(run).rejects.toThrow(
    /^--commit https:\/\/example\.org\/other\.git@main: warehouse echo of project echo has no git subscription for it/,
  );
  await run.catch((err: Error) => expect(err.message).not.toContain('hunter22'));
  expect(asked).toEqual([]);
});
