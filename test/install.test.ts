/**
 * The install paths the README gives, as a new user meets them: the package tarball installed in
 * an empty directory with no dev dependencies and no registry, and `npx github:<owner>/gantry`,
 * which npm serves from the committed tree (GitHub's tarball of the commit, packed by `files`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { git, tempDir, testGitEnv } from './support/repos.js';

const root = join(import.meta.dirname, '..');

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  publishConfig?: { access?: string };
  repository?: { url?: string };
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

// pacote (npm's fetcher) runs a full install with dev dependencies in a git clone that has any of
// these scripts before packing it: `npx github:…` would then download the whole toolchain.
const GIT_PREPARE_SCRIPTS = ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall'];

describe('package.json is ready to publish and to install from the repository', () => {
  test('a scoped public package whose bin is the committed CLI bundle', () => {
    expect(pkg.name).toBe('@gantry-dev/gantry');
    expect(pkg.private).toBeUndefined();
    expect(pkg.publishConfig?.access).toBe('public');
    expect(pkg.repository?.url).toMatch(/github\.com\/gantry-dev\/gantry\.git$/);
    expect(pkg.bin).toEqual({ gantry: 'dist/cli/index.js' });
    expect(
      readFileSync(join(root, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n'),
    ).toBe(true);
  });

  test('nothing to build or fetch on install: no runtime dependencies, no install-time scripts', () => {
    // The bundles carry every module they load (Node built-ins aside); a runtime dependency would
    // make an install reach the registry for code that never runs.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(GIT_PREPARE_SCRIPTS.filter((s) => s in pkg.scripts)).toEqual([]);
  });
});

describe('the package tarball, installed in an empty directory with no registry', () => {
  const tmp = tempDir('gantry-install-');
  const out = join(tmp.path, 'pack');
  const app = join(tmp.path, 'app');
  const home = join(tmp.path, 'home');
  // An npm that asks any registry fails at once: everything must come from the tarball.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    npm_config_cache: join(tmp.path, 'npm-cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  let files: string[] = [];
  let tarball = '';

  beforeAll(() => {
    mkdirSync(out);
    mkdirSync(app);
    mkdirSync(home);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
        cwd: root,
        env,
        encoding: 'utf8',
      }),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = join(out, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path).sort();
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--omit=dev', '--offline', tarball], {
      cwd: app,
      env,
      encoding: 'utf8',
    });
  }, 120_000);
  afterAll(() => tmp.cleanup());

  test('holds the bundle (the CLI starts it; its chunks sit at dist/) and the documents, and nothing else', () => {
    const bundle = git(root, ['ls-files', '--', 'dist']).trim().split('\n');
    expect(bundle).toContain('dist/cli/index.js');
    expect(bundle).toContain('dist/index.js');
    expect(files).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', ...bundle].sort(),
    );
  });

  test('every file in it is committed, so npx github:gantry-dev/gantry runs without a build', () => {
    const untracked = files.filter(
      (f) => f !== 'package.json' && git(root, ['ls-files', '--', f]).trim() !== f,
    );
    expect(untracked).toEqual([]);
  });

  test('installs only itself', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/@gantry-dev/gantry']);
  });

  test('gantry version, then init and lint in a fresh clone with no remote', () => {
    const bin = join(app, 'node_modules', '.bin', 'gantry');
    expect(existsSync(bin)).toBe(true);
    const run = (args: string[], cwd: string) => {
      const r = spawnSync(bin, args, {
        cwd,
        env: { ...env, ...testGitEnv(home) },
        encoding: 'utf8',
      });
      expect(r.status, `gantry ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout + r.stderr;
    };
    expect(run(['version'], app)).toBe(`gantry ${pkg.version}\n`);

    const gitops = join(tmp.path, 'gitops');
    mkdirSync(gitops);
    git(gitops, ['init', '-q'], testGitEnv(home));
    const init = run(['init', '--image', 'ghcr.io/acme/echo', '--stages', 'dev,prod'], gitops);
    expect(init).toContain('wrote  .gantry/echo.yaml');
    expect(existsSync(join(gitops, '.github/workflows/gantry-promote.yml'))).toBe(true);
    expect(run(['lint'], gitops)).toBe('ok: 1 project (echo)\n');
  });
});
