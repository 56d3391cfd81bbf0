import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ActionLog, type LogSink } from '../../src/actions/log.js';
import { runAction } from '../../src/actions/run.js';
import type { ActionName } from '../../src/actions/constants.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

/**
 * What an action writes to the runner's log, run in this process as the runner would run it:
 * INPUT_* variables, GITHUB_OUTPUT and the summary file, and stdout read as workflow commands.
 */

const tmp = tempDir();
const TOKEN = 'ghs_output0test0TOKEN0value';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let server: GitHttpServer;
let web: Server;
let webUrl = '';

beforeAll(async () => {
  server = await startGitHttpServer({
    root: tmp.path,
    auth: { username: 'x-access-token', password: TOKEN },
  });
  web = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
    void req;
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((r) => web.close(r));
  tmp.cleanup();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  // core.setFailed sets it; the test reads the log instead.
  process.exitCode = undefined;
});

/** Runs one action in this process; returns its stdout lines and outputs. */
async function run(
  action: ActionName,
  inputs: Record<string, string>,
  debug = true,
  extraEnv: Record<string, string> = {},
) {
  const out = join(tmp.path, `out-${Math.random().toString(36).slice(2)}`);
  writeFileSync(out, '');
  writeFileSync(`${out}-summary`, '');
  const env: Record<string, string> = {
    ...testGitEnv(tmp.path),
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: `${out}-summary`,
    GITHUB_REPOSITORY: 'acme/gitops',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: join(tmp.path, `rt-${action}`),
    RUNNER_DEBUG: debug ? '1' : '',
    GITHUB_RUN_ID: '',
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  for (const [k, v] of Object.entries(inputs)) vi.stubEnv(`INPUT_${k.toUpperCase()}`, v);
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  await runAction(action);
  vi.restoreAllMocks();
  return { lines: stdout.split('\n'), stdout, output: readFileSync(out, 'utf8') };
}

const project = (extra = '') => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: echo}, sources: {direct: true}}]
    promotionTemplate:
      steps:
        - uses: yaml-update
          as: bump
          config: {path: values.yaml, updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]}
        - uses: yaml-update
          as: again
          config: {path: values.yaml, updates: [{key: image.repo, value: ghcr.io/acme/echo}]}
${extra}`;

async function seeded(name: string, files: Record<string, string>) {
  const bare = createBareRepo(tmp.path, name, files);
  const f = makeFreight('2.0.0');
  await seedFreight(bare, 'echo', [f]);
  return { bare, url: `${server.url}/${name}.git`, freight: f };
}

/** The lines between `::group::name` and the next `::endgroup::`. */
function fold(lines: string[], name: string): string[] {
  const start = lines.indexOf(`::group::${name}`);
  expect(start, `no fold ${name} in\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('::endgroup::', start);
  expect(end).toBeGreaterThan(start);
  expect(lines.slice(start + 1, end).some((l) => l.startsWith('::group::'))).toBe(false);
  return lines.slice(start + 1, end);
}

describe('the actions in the runner log', () => {
  test('a bad project file is an error annotation on its file, line and column', async () => {
    const bad = project().replace('sources: {direct: true}', 'sources: {direct: maybe}');
    const { url } = await seeded('bad', { '.gantry/echo.yaml': bad, 'values.yaml': 'a: 1\n' });
    const r = await run('promote', { stage: 'dev', repository: url, token: TOKEN });
    const errors = r.lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error title=gantry project file,file=\.gantry\/echo\.yaml,line=8,col=\d+::stages\[0\]\.requestedFreight\[0\]\.sources\.direct: /,
    );
    // The failure itself names the files' problems once, without repeating each.
    const failed = r.lines.filter((l) => l.startsWith('::error::'));
    expect(failed).toEqual([
      '::error::the project files have problems (run gantry lint): 1 problem, shown on its file above',
    ]);
    expect(process.exitCode).toBe(1);
  });

  test('promote folds each step; git commands are debug lines without the token; its base64 forms are masked', async () => {
    const { url, freight } = await seeded('good', {
      '.gantry/echo.yaml': project(),
      'values.yaml': 'image:\n  tag: 0.1.0\n  repo: x\n',
    });
    const r = await run('promote', { stage: 'dev', repository: url, token: TOKEN });
    expect(r.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(r.output).toContain(freight.id);
    for (const secret of [TOKEN, b64(TOKEN), b64(`x-access-token:${TOKEN}`)]) {
      expect(r.lines).toContain(`::add-mask::${secret}`);
    }
    // Nothing but the masks shows the token, in any form.
    const shown = r.lines.filter((l) => !l.startsWith('::add-mask::'));
    for (const secret of [TOKEN, b64(`x-access-token:${TOKEN}`)]) {
      expect(shown.filter((l) => l.includes(secret))).toEqual([]);
    }
    const debugGit = r.lines.filter((l) => l.startsWith('::debug::git '));
    expect(debugGit.length).toBeGreaterThan(3);
    expect(debugGit.some((l) => l.includes('push'))).toBe(true);
    expect(debugGit.every((l) => / exit \d+ in \d+ ms$/.test(l))).toBe(true);
    expect(fold(r.lines, 'step 1 (yaml-update "bump")')).toContain(
      'step 1 (yaml-update "bump"): done',
    );
    expect(fold(r.lines, 'step 2 (yaml-update "again")')).toContain(
      'step 2 (yaml-update "again"): done',
    );
    const opened = r.lines.filter((l) => l.startsWith('::group::')).length;
    expect(r.lines.filter((l) => l === '::endgroup::')).toHaveLength(opened);
  });

  test('without step debug logging, no git or HTTP lines', async () => {
    const { url } = await seeded('quiet', {
      '.gantry/echo.yaml': project(),
      'values.yaml': 'image:\n  tag: 0.1.0\n  repo: x\n',
    });
    const r = await run('promote', { stage: 'dev', repository: url, token: TOKEN }, false);
    expect(r.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(r.lines.filter((l) => l.startsWith('::debug::'))).toEqual([]);
    expect(r.lines).toContain('::group::step 1 (yaml-update "bump")');
  });

  test('verify folds each metric and shows each HTTP request, query values redacted', async () => {
    const metrics = `    verification:
      - name: alive
        successCondition: result.ok == true
        provider: {http: {url: "${webUrl}/healthz?key=hunter2secret"}}
      - name: ready
        successCondition: result.ok == true
        provider: {http: {url: "${webUrl}/ready"}}
`;
    const { url } = await seeded('verify', {
      '.gantry/echo.yaml': project(metrics),
      'values.yaml': 'image:\n  tag: 0.1.0\n  repo: x\n',
    });
    const p = await run('promote', { stage: 'dev', repository: url, token: TOKEN });
    expect(p.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
    const r = await run('verify', { stage: 'dev', repository: url, token: TOKEN });
    expect(r.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(r.stdout).not.toContain('hunter2secret');
    const alive = fold(r.lines, 'metric alive');
    expect(alive).toContainEqual(
      expect.stringMatching(
        /^::debug::GET http:\/\/127\.0\.0\.1:\d+\/healthz\?key=\*\*\* → 200 in \d+ ms$/,
      ),
    );
    expect(alive.some((l) => l.includes('/ready'))).toBe(false);
    expect(fold(r.lines, 'metric ready')).toContainEqual(
      expect.stringMatching(/^::debug::GET http:\/\/127\.0\.0\.1:\d+\/ready → 200/),
    );
  });

  test('discover folds each warehouse', async () => {
    const src = createBareRepo(tmp.path, 'app', { 'README.md': 'app\n' });
    execFileSync('git', ['tag', 'v1.0.0', 'main'], { cwd: src, env: testGitEnv(tmp.path) });
    const docs = createBareRepo(tmp.path, 'docs', { 'index.md': 'docs\n' });
    const file = `project: echo
warehouses:
  - name: app
    subscriptions:
      - git: {repoURL: "file://${src}", commitSelectionStrategy: SemVer}
  - name: docs
    subscriptions:
      - git: {repoURL: "file://${docs}", commitSelectionStrategy: NewestFromBranch, branch: main}
stages:
  - name: dev
    requestedFreight: [{origin: {kind: Warehouse, name: app}, sources: {direct: true}}]
    promotionTemplate: {steps: [{uses: yaml-update, config: {path: v.yaml, updates: [{key: a, value: b}]}}]}
`;
    const bare = createBareRepo(tmp.path, 'disc', { '.gantry/echo.yaml': file });
    const docker = join(tmp.path, 'docker');
    mkdirSync(docker, { recursive: true });
    writeFileSync(
      join(docker, 'config.json'),
      JSON.stringify({ auths: { 'other.test': { auth: b64('dock:d0ckerPassw0rd') } } }),
    );
    const r = await run(
      'discover',
      {
        repository: `${server.url}/disc.git`,
        token: TOKEN,
        'registry-credentials': 'registry.acme.test = bot:inputPassw0rd',
      },
      true,
      { DOCKER_CONFIG: docker },
    );
    expect(r.lines.filter((l) => l.startsWith('::error'))).toEqual([]);
    // Both the input's and the Docker config's credentials, in the form they are sent.
    for (const secret of [
      'inputPassw0rd',
      b64('bot:inputPassw0rd'),
      'd0ckerPassw0rd',
      b64('dock:d0ckerPassw0rd'),
    ]) {
      expect(r.lines).toContain(`::add-mask::${secret}`);
    }
    // The two warehouses are queried at once; each fold holds its own git commands only.
    const repoOf = { app: src, docs };
    for (const [w, own] of Object.entries(repoOf)) {
      const lines = fold(r.lines, `warehouse ${w} of echo`);
      const other = w === 'app' ? docs : src;
      expect(lines.some((l) => l.startsWith('::debug::git ') && l.includes(`${own} `))).toBe(true);
      expect(lines.some((l) => l.includes(`${other} `) || l.includes(`${other}/`))).toBe(false);
    }
    expect(git(bare, ['tag', '-l', 'gantry/*']).trim()).not.toBe('');
  });
});

describe('ActionLog', () => {
  function recorder() {
    const lines: string[] = [];
    const sink: LogSink = {
      info: (l) => lines.push(l),
      warning: (l) => lines.push(`warning: ${l}`),
      debug: (l) => lines.push(`debug: ${l}`),
      startGroup: (n) => lines.push(`[${n}`),
      endGroup: () => lines.push(']'),
    };
    return { lines, log: new ActionLog(sink) };
  }
  const tick = () => new Promise((r) => setTimeout(r, 1));

  test('folds that run at once are written one after the other, each line in its own', async () => {
    const { lines, log } = recorder();
    await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        log.group(n, async () => {
          for (let i = 0; i < 3; i++) {
            log.info(`${n}${i}`);
            await tick();
          }
          log.debug(`${n} done`);
        }),
      ),
    );
    expect(lines).toEqual([
      '[a',
      'a0',
      'a1',
      'a2',
      'debug: a done',
      ']',
      '[b',
      'b0',
      'b1',
      'b2',
      'debug: b done',
      ']',
      '[c',
      'c0',
      'c1',
      'c2',
      'debug: c done',
      ']',
    ]);
  });

  test('a fold opened later goes live when the first closes; lines from outside wait', async () => {
    const { lines, log } = recorder();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = log.group('first', async () => {
      log.info('1');
      await gate;
    });
    const second = log.group('second', async () => {
      log.info('2a');
      await tick();
      await tick();
      await tick();
      log.info('2b');
    });
    log.warn('outside');
    await tick();
    release();
    await first;
    // `second` is still running: it went live with what it held so far.
    expect(lines).toEqual(['[first', '1', ']', 'warning: outside', '[second', '2a']);
    await second;
    expect(lines.slice(-2)).toEqual(['2b', ']']);
    log.info('after');
    expect(lines.at(-1)).toBe('after');
  });

  test('a fold inside a fold stays in the outer one, and an error closes the fold', async () => {
    const { lines, log } = recorder();
    await expect(
      log.group('outer', async () => {
        await log.group('inner', async () => log.info('x'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(lines).toEqual(['[outer', 'x', ']']);
  });
});
