import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** An environment for git in tests: no user config, fixed identity and dates. */
export function testGitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
  };
}

export function tempDir(prefix = 'gantry-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function git(
  cwd: string,
  args: string[],
  env?: Record<string, string>,
  input?: string,
): string {
  return execFileSync('git', args, {
    cwd,
    env: env ?? testGitEnv(cwd),
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * A bare "GitOps" repository with one commit on `main` holding `files`, configured like a forge:
 * partial-clone filters allowed, pushes accepted over HTTP, unrelated refs not advertised.
 */
export function createBareRepo(
  root: string,
  name: string,
  files: Record<string, string>,
  branches: string[] = [],
): string {
  const bare = join(root, `${name}.git`);
  const env = testGitEnv(root);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env });
  git(bare, ['config', 'uploadpack.allowFilter', 'true'], env);
  git(bare, ['config', 'uploadpack.allowAnySHA1InWant', 'true'], env);
  git(bare, ['config', 'http.receivepack', 'true'], env);
  const work = join(root, `${name}-seed`);
  mkdirSync(work, { recursive: true });
  git(work, ['init', '-q', '-b', 'main'], env);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  git(work, ['add', '-A'], env);
  git(work, ['commit', '-q', '--allow-empty', '-m', 'initial'], env);
  git(work, ['push', '-q', bare, 'main'], env);
  for (const b of branches) git(work, ['push', '-q', bare, `main:${b}`], env);
  rmSync(work, { recursive: true, force: true });
  return bare;
}
