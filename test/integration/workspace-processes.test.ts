/**
 * The git commands of a promotion in its own workspace (Kargo's git steps), counted after the
 * reads: each checkout made by one `reset --hard` in a worktree gantry writes itself (the branch
 * with it, HEAD known without asking; `worktree add` would start three more gits), git-commit as `add` then `commit` (no status when new freight changes the
 * state file anyway, no rev-parse: the ref file says what HEAD is), git-clear without `git rm`
 * outside sparse checkouts. A repeat that comes back fails here. Over file:// and smart HTTP.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRemote, type Remote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore } from '../../src/state/index.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const AUTH = { username: 'bot', password: 'ws-proc-secret-77' };

function project(url: string) {
  return `project: demo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: tagged
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout: [{branch: stage/tagged, path: ./out}]
        - uses: yaml-update
          config:
            path: ./out/env/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: 'deploy \${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
        - uses: git-tag
          config: {path: ./out, tag: 'tagged-\${{ imageFrom("ghcr.io/acme/echo").Tag }}', message: released}
        - uses: git-push
          config: {path: ./out, tag: 'tagged-\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
        - uses: git-push
          config: {path: ./out}
  - name: render
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout:
              - {branch: main, path: ./src}
              - {branch: stage/render, create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out}
        - uses: copy
          config: {inPath: ./src/env/values.yaml, outPath: ./out/values.yaml}
        - uses: yaml-update
          config:
            path: ./out/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: rendered}
        - uses: git-push
          config: {path: ./out}
  - name: side
    branch: stage/side
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout:
              - {branch: stage/side, path: ./out}
              - {branch: notes, path: ./notes}
        - uses: git-commit
          as: idle
          config: {path: ./notes, message: idle}
        - uses: yaml-update
          if: \${{ status('idle') == 'Skipped' }}
          config:
            path: ./out/env/values.yaml
            updates: [{key: idle, value: '\${{ outputs.idle.commit }}', create: true}]
        - uses: yaml-update
          config:
            path: ./notes/env/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./notes, message: noted}
        - uses: git-push
          config: {path: ./notes}
        - uses: yaml-update
          config:
            path: ./out/env/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: side}
        - uses: git-push
          config: {path: ./out}
`;
}

/** `git <command>` of a traced line, with the first word after it when that is a subcommand. */
function command(line: string): string {
  const m = /^git (?:-c \S+ )*(\S+)(?: (add|set))?/.exec(line);
  return m ? `${m[1]}${m[2] ? ` ${m[2]}` : ''}` : line;
}

describe.each(['file', 'http'])('a promotion in a workspace over %s', (kind) => {
  const tmp = tempDir();
  let server: GitHttpServer;
  let remote: Remote;
  let bare: string;
  beforeAll(async () => {
    server = await startGitHttpServer({ root: tmp.path, auth: AUTH });
    bare = createBareRepo(tmp.path, 'gitops', { 'env/values.yaml': 'image:\n  tag: old\n' }, [
      'stage/tagged',
      'stage/side',
      'notes',
    ]);
    const url = kind === 'file' ? `file://${bare}` : `${server.url}/gitops.git`;
    commitToBare(bare, 'main', { '.gantry/demo.yaml': project(url) }, 'project');
    remote = kind === 'file' ? parseRemote(url) : parseRemote(url, { kind: 'basic', ...AUTH });
    const s = new StateStore({
      remote,
      cacheDir: join(tmp.path, 'rec'),
      baseEnv: testGitEnv(tmp.path),
    });
    await s.recordFreight('demo', makeFreight('1.0.0'));
    await s.recordFreight('demo', makeFreight('1.1.0'));
    await s.recordFreight('demo', makeFreight('1.2.0'));
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });
  let n = 0;
  // Read from the repository by the first promotion only: the project does not change here, and
  // what is counted is the workspace's commands, not the reads.
  let loaded: Promise<Project> | undefined;
  /** The workspace's git commands (those run in the promotion's scratch directory). */
  const run = async (stage: string, version: string, env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const store = new StateStore({
      remote,
      cacheDir: join(tmp.path, `job-${++n}`),
      baseEnv: { ...testGitEnv(tmp.path), ...env },
      trace: (l) => lines.push(l),
    });
    loaded ??= store.projectFiles().then(async (files) => {
      const { projects, problems } = await loadProjectsFromFiles(files);
      expect(problems).toEqual([]);
      return projects[0] as Project;
    });
    const out = await promote({
      project: await loaded,
      stage,
      freight: makeFreight(version).id,
      store,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'alice',
      clock: () => new Date('2026-11-02T00:00:00Z'),
      fetch,
      log: () => undefined,
    });
    expect(out.result?.changed).toBe(true);
    const commands = lines.filter((l) => /\/promote-[^/)]+\//.test(l)).map(command);
    return { out, commands };
  };

  test('commit, tag, push the tag then the branch: a first promotion and a second', async () => {
    for (const version of ['1.0.0', '1.1.0']) {
      const { out, commands } = await run('tagged', version);
      // The branch the reads fetched is checked out from the read cache: no fetch, no listing.
      // The tag, asked for before the stage's commit left, leaves with it in one atomic push.
      expect(commands).toEqual(['reset', 'add', 'commit', 'tag', 'push']);
      const tip = git(bare, ['rev-parse', 'stage/tagged']).trim();
      expect(out.result?.commit).toBe(tip);
      expect(git(bare, ['rev-parse', `tagged-${version}^{commit}`]).trim()).toBe(tip);
      expect(git(bare, ['show', 'stage/tagged:env/values.yaml'])).toContain(`tag: ${version}`);
      expect(git(bare, ['show', 'stage/tagged:.gantry/state/demo/tagged.yaml'])).toContain(
        makeFreight(version).id,
      );
    }
  });

  test('a tag that exists already on the remote: nothing is pushed, the stage stays', async () => {
    const tip = git(bare, ['rev-parse', 'stage/tagged']).trim();
    git(bare, ['tag', 'tagged-1.2.0', 'main']);
    await expect(run('tagged', '1.2.0')).rejects.toThrow(
      /git-push: tag tagged-1\.2\.0 already exists in \S+; nothing was pushed/,
    );
    expect(git(bare, ['rev-parse', 'stage/tagged']).trim()).toBe(tip);
    expect(git(bare, ['rev-parse', 'tagged-1.2.0']).trim()).toBe(
      git(bare, ['rev-parse', 'main']).trim(),
    );
  });

  test('rendered into a branch it creates, from a second checkout: then onto that branch', async () => {
    const first = await run('render', '1.0.0');
    // stage/render does not exist yet: asked once whether it does (with main's tip), then started
    // with an empty commit. git-clear removes files from the disk only; the add stages it.
    expect(first.commands).toEqual([
      'ls-remote',
      'reset',
      'commit-tree',
      'reset',
      'add',
      'commit',
      'push',
    ]);
    expect(git(bare, ['ls-tree', '-r', '--name-only', 'stage/render']).trim().split('\n')).toEqual([
      '.gantry/state/demo/render.yaml',
      'values.yaml',
    ]);
    const second = await run('render', '1.1.0');
    expect(second.commands).toEqual(['reset', 'reset', 'add', 'commit', 'push']);
    expect(git(bare, ['show', 'stage/render:values.yaml'])).toContain('tag: 1.1.0');
    expect(second.out.result?.commit).toBe(git(bare, ['rev-parse', 'stage/render']).trim());
    expect(git(bare, ['rev-list', '--count', 'stage/render']).trim()).toBe('3');
  });

  test('another branch committed with nothing changed is Skipped by git-commit itself, then pushed', async () => {
    const notes = git(bare, ['rev-parse', 'notes']).trim();
    const { commands } = await run('side', '1.1.0');
    expect(commands).toEqual([
      // notes, which the template clones, came with the state read: no fetch of it here.
      'reset',
      'reset',
      'add',
      'commit',
      'add',
      'commit',
      'push',
      'add',
      'commit',
      'push',
    ]);
    // The Skipped commit's output is the checkout's HEAD, as it was cloned.
    expect(git(bare, ['show', 'stage/side:env/values.yaml'])).toContain(`idle: ${notes}`);
    expect(git(bare, ['rev-parse', 'notes^']).trim()).toBe(notes);
    expect(git(bare, ['show', 'notes:env/values.yaml'])).toContain('tag: 1.1.0');
    expect(git(bare, ['log', '-1', '--format=%s', 'notes']).trim()).toBe('noted');
  });

  test('the branch moved on the server under the atomic push (a lock race): the promotion runs again and lands', async () => {
    await new StateStore({
      remote,
      cacheDir: join(tmp.path, `rec-${++n}`),
      baseEnv: testGitEnv(tmp.path),
    }).recordFreight('demo', makeFreight('1.3.0'));
    // Once, between the push's look at the branch and its update: the branch moves to main's
    // commit, so the server's transaction finds another old value. Every ref then reads "atomic
    // transaction failed"; only stderr names the lock.
    const marker = join(tmp.path, `raced-${kind}`);
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      `#!/bin/sh\nif [ ! -e '${marker}' ]; then\n  touch '${marker}'\n  unset GIT_QUARANTINE_PATH\n  git update-ref refs/heads/stage/tagged "$(git rev-parse main)"\nfi\nexit 0\n`,
    );
    chmodSync(hook, 0o755);
    try {
      const { out } = await run('tagged', '1.3.0');
      const tip = git(bare, ['rev-parse', 'stage/tagged']).trim();
      expect(out.result?.commit).toBe(tip);
      expect(git(bare, ['rev-parse', `${tip}^`]).trim()).toBe(
        git(bare, ['rev-parse', 'main']).trim(),
      );
      expect(git(bare, ['rev-parse', 'tagged-1.3.0^{commit}']).trim()).toBe(tip);
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(hook);
    }
  });

  test("every git a checkout starts, git's own children counted: one reset each, no worktree add", async () => {
    // git's trace2 logs each git process as it starts, those git itself starts included.
    const events = join(tmp.path, `trace2-${n}.json`);
    await run('render', '1.2.0', { GIT_TRACE2_EVENT: events });
    const started = readFileSync(events, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"start"'))
      .map((l) =>
        (JSON.parse(l) as { argv: string[] }).argv.slice(1).find((a) => !a.startsWith('-')),
      );
    // main in ./src and stage/render in ./out: `worktree add` would add a branch --force,
    // symbolic-ref and reset of its own to each.
    expect(started.filter((c) => c === 'reset')).toHaveLength(2);
    expect(
      started.filter((c) => c === 'worktree' || c === 'symbolic-ref' || c === 'branch'),
    ).toEqual([]);
    expect(git(bare, ['show', 'stage/render:values.yaml'])).toContain('tag: 1.2.0');
  });
});
