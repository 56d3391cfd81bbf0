/**
 * Argo CD deploys a rendered branch (`path: .`) as a directory source. What it reads of such a
 * source is decided by the repo server, in argoproj/argo-cd v3.5.1,
 * reposerver/repository/repository.go:
 *
 * - getPotentiallyValidManifests walks the source's path; without `directory.recurse` every
 *   subdirectory is skipped (filepath.SkipDir), with it every one is entered, hidden ones too;
 * - getPotentiallyValidManifestFile keeps files whose name matches `^.*\.(yaml|yml|json|jsonnet)$`,
 *   that `exclude` does not match and `include` (when set) does, and that do not contain the
 *   `+argocd:skip-file-rendering` marker;
 * - getObjsFromYAMLOrJSON decodes each YAML document into an unstructured object, which needs a
 *   `kind`; on the first document that does not decode, a file that gave objects before it fails
 *   the application, and a file that gave none fails it only when it contains all of
 *   `apiVersion:`, `kind:` and `metadata:` (otherwise it is "an unrelated YAML file" and skipped).
 *
 * `argoDirectory` below is that rule; the tests check it on hand-made trees, then check that a
 * branch gantry rendered and pushed gives Argo CD nothing from `.gantry/`, recursive or not, even
 * when the freight's commit message looks like a manifest.
 */
import { quickstartSteps } from '../support/kargo.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseRemote } from '../../src/git/index.js';
import { StateStore } from '../../src/state/index.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

interface DirectorySource {
  recurse?: boolean;
  include?: string;
  exclude?: string;
}

interface Read {
  /** `<file>: <Kind>/<name>` for every object Argo CD would apply. */
  objects: string[];
  /** Files Argo CD opened and parsed (whether or not they gave objects). */
  parsed: string[];
  /** Why Argo CD would fail to render the application, if it would. */
  error?: string;
}

const MANIFEST_FILE = /^.*\.(yaml|yml|json|jsonnet)$/;
const SKIP_MARKER = '+argocd:skip-file-rendering';

/** gobwas/glob compiled without separators, as util/glob does: `*` also matches `/`. */
function globMatch(pattern: string, path: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(path);
}

/** What Argo CD reads of `files` (paths relative to the source's path) as a directory source. */
function argoDirectory(files: Record<string, string>, source: DirectorySource = {}): Read {
  const read: Read = { objects: [], parsed: [] };
  for (const path of Object.keys(files).sort()) {
    if (!source.recurse && path.includes('/')) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!MANIFEST_FILE.test(name)) continue;
    if (source.exclude && globMatch(source.exclude, path)) continue;
    if (source.include && !globMatch(source.include, path)) continue;
    const text = files[path]!;
    if (text.includes(SKIP_MARKER)) continue;
    read.parsed.push(path);
    const objects: string[] = [];
    let failed = false;
    for (const doc of parseAllDocuments(text)) {
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) continue;
      const kind =
        typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)['kind']
          : undefined;
      if (typeof kind !== 'string' || !kind) {
        failed = true;
        break;
      }
      const meta = (value as { metadata?: { name?: string } }).metadata;
      objects.push(`${path}: ${kind}/${meta?.name ?? ''}`);
    }
    if (failed) {
      const looksLikeManifest = ['apiVersion:', 'kind:', 'metadata:'].every((w) =>
        text.includes(w),
      );
      if (objects.length || looksLikeManifest) {
        read.error ??= `Failed to unmarshal "${name}"`;
        continue;
      }
    }
    read.objects.push(...objects);
  }
  return read;
}

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo\n';
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hidden\n';

describe("Argo CD's directory source, as the repo server implements it", () => {
  test('without recurse only the files at the top are read; with it, hidden directories too', () => {
    const tree = {
      'deploy.yaml': DEPLOYMENT,
      '.gantry/cm.yaml': CONFIGMAP,
      'sub/cm.yml': CONFIGMAP,
    };
    expect(argoDirectory(tree).objects).toEqual(['deploy.yaml: Deployment/echo']);
    expect(argoDirectory(tree, { recurse: true }).objects).toEqual([
      '.gantry/cm.yaml: ConfigMap/hidden',
      'deploy.yaml: Deployment/echo',
      'sub/cm.yml: ConfigMap/hidden',
    ]);
    expect(argoDirectory(tree, { recurse: true, exclude: '.gantry/*' }).objects).toEqual([
      'deploy.yaml: Deployment/echo',
      'sub/cm.yml: ConfigMap/hidden',
    ]);
  });

  test('a YAML file without kind is skipped, unless it looks like a manifest; the marker skips any file', () => {
    expect(argoDirectory({ 'values.yaml': 'image:\n  tag: 1.0.0\n' })).toEqual({
      objects: [],
      parsed: ['values.yaml'],
    });
    const lookalike = 'apiVersion: v1\nmetadata: {}\nspec:\n  kind: none\n';
    expect(argoDirectory({ 'x.yaml': lookalike }).error).toBe('Failed to unmarshal "x.yaml"');
    expect(argoDirectory({ 'x.yaml': `# ${SKIP_MARKER}\n${lookalike}` })).toEqual({
      objects: [],
      parsed: [],
    });
    expect(argoDirectory({ 'x.yaml': `${DEPLOYMENT}---\nimage: {}\n` }).error).toBe(
      'Failed to unmarshal "x.yaml"',
    );
  });
});

describe('a branch gantry rendered (the quickstart) gives Argo CD nothing from .gantry/', () => {
  const tmp = tempDir('gantry-argocd-dir-');
  let bare: string;
  let url: string;
  const env = () => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  });
  const cli = (args: string[]) => runGantry([...args, '--repo', url], env());
  const record = (f: Freight) =>
    new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, 'w'),
      baseEnv: testGitEnv(tmp.path),
    }).recordFreight('demo', f);
  /** Every file of `branch`, as Argo CD's checkout of it holds them. */
  const tree = (branch: string): Record<string, string> => {
    const files: Record<string, string> = {};
    for (const p of git(bare, ['ls-tree', '-r', '--name-only', branch]).trim().split('\n')) {
      files[p] = git(bare, ['show', `${branch}:${p}`]);
    }
    return files;
  };

  beforeAll(() => {
    url = `file://${join(tmp.path, 'gitops.git')}`;
    const project = `project: demo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
      - git: {repoURL: https://github.com/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
${quickstartSteps(8, { repoURL: url })}        - uses: git-push
          config: {path: ./out}
`;
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/demo.yaml': project,
      'base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
      'base/deploy.yaml': `${DEPLOYMENT}spec:\n  template:\n    spec:\n      containers:\n        - name: echo\n          image: ghcr.io/acme/echo:0.1.0\n`,
      'stages/dev/kustomization.yaml': 'resources:\n  - ../../base\nnamespace: dev\n',
    });
  });
  afterAll(() => tmp.cleanup());

  test.each([
    ['an image and a plain commit', 'Fix the readiness probe'],
    // The state file carries the freight's commit message: one that reads like YAML of a
    // manifest must not make Argo CD take the file for a broken manifest.
    ['a commit message that reads like a manifest', 'Move apiVersion: and metadata: to v2'],
  ])('%s', async (_what, message) => {
    const tag = message.startsWith('Fix') ? '1.0.0' : '1.1.0';
    await record({
      ...makeFreight(tag, { createdAt: `2026-11-01T1${tag[2]}:00:00.000Z` }),
      commits: [{ repoURL: 'https://github.com/acme/echo', id: tag[2]!.repeat(40), message }],
    });
    const r = await cli(['promote', '--stage', 'dev']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = tree('stage/dev');
    // The check below means something only if the state file is there, with the message in it.
    expect(files['.gantry/state/demo/dev.yaml']).toContain(message);
    for (const recurse of [false, true]) {
      const read = argoDirectory(files, { recurse });
      expect(read.error, `recurse: ${recurse}`).toBeUndefined();
      expect(read.objects, `recurse: ${recurse}`).toEqual([
        'dev-deployment-echo.yaml: Deployment/echo',
      ]);
    }
  });
});
