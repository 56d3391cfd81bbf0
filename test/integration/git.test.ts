import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Git, GitError, parseRemote } from '../../src/git/index.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, tempDir, testGitEnv } from '../support/repos.js';

const PASSWORD = 's3cret-Pa55word-xyz';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('Git over smart HTTP with basic auth', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  beforeAll(async () => {
    createBareRepo(tmp.path, 'deploy', { 'README.md': 'hello\n' });
    server = await startGitHttpServer({
      root: tmp.path,
      auth: { username: 'bot', password: PASSWORD },
    });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('credentials from the URL reach git in a header, and never the config or output', async () => {
    const remote = parseRemote(
      `${server.url.replace('http://', `http://bot:${PASSWORD}@`)}/deploy.git`,
    );
    expect(remote.url).toBe(`${server.url}/deploy.git`);
    const git = new Git({ baseEnv: testGitEnv(tmp.path), remote });
    const dest = join(tmp.path, 'clone');
    const res = await git.run(['clone', '-q', remote.url, dest]);
    expect(readFileSync(join(dest, 'README.md'), 'utf8')).toBe('hello\n');
    expect(res.stdout + res.stderr).not.toContain(PASSWORD);
    for (const f of allFiles(join(dest, '.git'))) {
      const content = readFileSync(f);
      expect(content.includes(PASSWORD), f).toBe(false);
      expect(content.includes(Buffer.from(`bot:${PASSWORD}`).toString('base64')), f).toBe(false);
    }
    expect(server.requests.some((r) => r.authorized)).toBe(true);
    expect(server.requests.filter((r) => !r.authorized)).toEqual([]);
    // Exactly one Authorization header per request: two make strict proxies answer 400.
    expect(server.requests.map((r) => r.authorizationHeaders)).toEqual(
      server.requests.map(() => 1),
    );
  });

  test('a wrong password fails as an auth error, with the password redacted', async () => {
    const remote = parseRemote(`${server.url}/deploy.git`, {
      kind: 'basic',
      username: 'bot',
      password: 'wrong-password-123',
    });
    const git = new Git({ baseEnv: testGitEnv(tmp.path), remote });
    const err = await git.run(['ls-remote', remote.url]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    const ge = err as GitError;
    expect(ge.kind).toBe('auth');
    expect(ge.message).toMatch(
      /^127\.0\.0\.1:\d+ rejected the credentials gantry sent \(HTTP 401\): .* \(git ls-remote http:\/\/127\.0\.0\.1:\d+\/deploy\.git failed: /,
    );
    expect(ge.message).not.toContain('wrong-password-123');
  });

  test('no credentials: no prompt, a clear auth failure', async () => {
    const remote = parseRemote(`${server.url}/deploy.git`);
    const git = new Git({
      baseEnv: { ...testGitEnv(tmp.path), GIT_ASKPASS: '/bin/false-does-not-exist' },
      remote,
    });
    const err = (await git.run(['ls-remote', remote.url]).catch((e: unknown) => e)) as GitError;
    expect(err.kind).toBe('auth');
  });

  test('a secret in an error message is redacted wherever it appears', async () => {
    const remote = parseRemote(`${server.url}/missing-${PASSWORD}.git`, {
      kind: 'basic',
      username: 'bot',
      password: PASSWORD,
    });
    const git = new Git({ baseEnv: testGitEnv(tmp.path), remote });
    const err = (await git.run(['ls-remote', remote.url]).catch((e: unknown) => e)) as GitError;
    expect(err).toBeInstanceOf(GitError);
    expect(err.message).not.toContain(PASSWORD);
    expect(err.message).toContain('***');
  });
});

describe('redirects', () => {
  test('credentials never follow a redirect to another host', async () => {
    const tmp = tempDir();
    createBareRepo(tmp.path, 'deploy', { 'README.md': 'x\n' });
    const elsewhere = await startGitHttpServer({ root: tmp.path });
    // "localhost" vs "127.0.0.1": another host as far as git's URL matching goes.
    const moved = await startGitHttpServer({
      root: tmp.path,
      redirectTo: elsewhere.url.replace('127.0.0.1', 'localhost'),
    });
    try {
      const remote = parseRemote(`${moved.url}/deploy.git`, {
        kind: 'token',
        token: 'ghs_REDIRECTsecret',
      });
      const git = new Git({ baseEnv: testGitEnv(tmp.path), remote });
      const res = await git.tryRun(['ls-remote', remote.url]);
      expect(res.exitCode).not.toBe(0);
      expect(elsewhere.requests.filter((r) => r.authorizationHeaders > 0)).toEqual([]);
    } finally {
      await moved.close();
      await elsewhere.close();
      tmp.cleanup();
    }
  });
});

describe('Git failures', () => {
  test('an unreachable remote is a network error naming the command', async () => {
    const tmp = tempDir();
    const git = new Git({
      baseEnv: testGitEnv(tmp.path),
      remote: parseRemote('http://127.0.0.1:9/nothing.git'),
    });
    const err = (await git
      .run(['ls-remote', 'http://127.0.0.1:9/nothing.git'])
      .catch((e: unknown) => e)) as GitError;
    expect(err.kind).toBe('network');
    expect(err.message).toContain('git ls-remote http://127.0.0.1:9/nothing.git failed');
    tmp.cleanup();
  });

  test('a command past its timeout is killed and reported as a timeout', async () => {
    const tmp = tempDir();
    const git = new Git({ baseEnv: testGitEnv(tmp.path), timeoutMs: 200 });
    // A shell alias that sleeps stands in for a server that never answers.
    const err = (await git
      .run(['-c', 'alias.nap=!sleep 5', 'nap'], { cwd: tmp.path })
      .catch((e: unknown) => e)) as GitError;
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('timed out after 200 ms');
    tmp.cleanup();
  });

  test('inherited GIT_DIR and friends do not redirect gantry', async () => {
    const tmp = tempDir();
    const git = new Git({
      baseEnv: { ...testGitEnv(tmp.path), GIT_DIR: '/nonexistent', GIT_WORK_TREE: '/nonexistent' },
    });
    await git.run(['init', '-q', join(tmp.path, 'r')]);
    const res = await git.run(['rev-parse', '--git-dir'], { cwd: join(tmp.path, 'r') });
    expect(res.stdout.trim()).toBe('.git');
    tmp.cleanup();
  });
});
