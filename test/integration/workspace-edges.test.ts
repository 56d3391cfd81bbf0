/**
 * The promotion workspace at its edges, on real git (file:// and smart HTTP with auth): a source
 * checked out at the freight's commit (not its branch's tip), a push that loses a race to another
 * writer, the guarantees (no push around a pull request, no force, no path out of the workspace,
 * no GitOps token sent to another repository), tags, sparse checkouts, dry runs, and Kargo's
 * Skipped status of a git-commit with nothing to commit.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote, type Remote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore, stateFilePath } from '../../src/state/index.js';
import type { RetryPolicy } from '../../src/util/retry.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

/** A freight of a warehouse subscribed to a Git repository: one commit, no images. */
function commitFreight(repoURL: string, id: string, n: number): Freight {
  return {
    id: createHash('sha1').update(`src:${id}`).digest('hex'),
    alias: `commit-${n}`,
    origin: { kind: 'Warehouse', name: 'src' },
    images: [],
    charts: [],
    commits: [{ repoURL, id, branch: 'main' }],
    createdAt: new Date(Date.UTC(2026, 10, 1, n)).toISOString(),
    createdBy: 'test',
  };
}

/** Trailers of every commit in `range` naming a stage: one per promotion commit. */
function promotionCommits(bare: string, range: string): string[] {
  return git(bare, ['log', '--format=%(trailers:key=Gantry-Stage,valueonly)', range])
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** A local endpoint for the template's `http` steps, recording what it was asked. */
async function startHook(handle: (path: string) => void) {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    calls.push(path);
    try {
      handle(path);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

interface Harness {
  tmp: string;
  remote: Remote;
  raceRetry?: RetryPolicy;
  /**
   * The project as the first promotion read it from the repository. The tests here never change
   * it, so later promotions take it from here instead of reading it again: four git processes
   * (HEAD, its tree, the file's blob) less for each, none of them what a test asks about.
   */
  project?: Promise<Project>;
}

let jobs = 0;
async function promoteWith(
  h: Harness,
  stage: string,
  freight: string,
  opts: { dryRun?: boolean; log?: string[] } = {},
) {
  const store = new StateStore({
    remote: h.remote,
    cacheDir: join(h.tmp, `job-${++jobs}`),
    baseEnv: testGitEnv(h.tmp),
    ...(h.raceRetry ? { raceRetry: h.raceRetry } : {}),
  });
  h.project ??= store.projectFiles().then(async (files) => {
    const { projects, problems } = await loadProjectsFromFiles(files);
    expect(problems).toEqual([]);
    return projects[0] as Project;
  });
  return promote({
    project: await h.project,
    stage,
    freight,
    store,
    registry: defaultRegistry(),
    dryRun: opts.dryRun ?? false,
    promotedBy: 'alice',
    clock: () => new Date('2026-11-02T00:00:00Z'),
    fetch,
    log: (l) => opts.log?.push(l),
  });
}

describe('the source at the freight’s commit, rendered into the stage’s branch', () => {
  const tmp = tempDir('gantry-ws-src-');
  let gitops: string;
  let src: string;
  let srcURL: string;
  let old: string;
  let tip: string;
  let h: Harness;
  let f: Freight;

  const project = (gitopsURL: string) => `project: demo
warehouses:
  - name: src
    subscriptions:
      - git: {repoURL: '${srcURL}'}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      vars:
        - {name: srcRepo, value: '${srcURL}'}
      steps:
        - uses: git-clone
          as: source
          config:
            repoURL: \${{ vars.srcRepo }}
            checkout:
              - {commit: '\${{ commitFrom(vars.srcRepo).ID }}', path: ./src}
        - uses: git-clone
          as: target
          config:
            repoURL: ${gitopsURL}
            checkout:
              - {branch: 'stage/\${{ ctx.stage }}', create: true, path: ./out, as: rendered}
        - uses: git-clear
          config: {path: ./out}
        - uses: copy
          config: {inPath: ./src/app, outPath: ./out/app}
        - uses: git-commit
          as: commit
          config:
            path: ./out
            message: 'render \${{ outputs.source.commits["./src"] }} onto \${{ outputs.target.commits.rendered }}'
        - uses: git-push
          config: {path: ./out}
  - name: short
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: '${srcURL}'
            checkout: [{commit: '${old.slice(0, 7)}', path: ./src}]
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout: [{branch: stage/short, create: true, path: ./out}]
        - uses: copy
          config: {inPath: ./src/app, outPath: ./out/app}
        - uses: git-commit
          config: {path: ./out, message: short}
        - uses: git-push
          config: {path: ./out}
  - name: tagged
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: '${srcURL}'
            checkout: [{tag: v1, path: ./src}]
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout: [{branch: stage/tagged, create: true, path: ./out}]
        - uses: copy
          config: {inPath: ./src/app, outPath: ./out/app}
        - uses: git-commit
          config: {path: ./out, message: tagged}
        - uses: git-push
          config: {path: ./out}
  - name: nodefault
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout:
              - {path: ./base}
              - {branch: stage/nodefault, create: true, path: ./out}
        - uses: copy
          config: {inPath: ./base/README.md, outPath: ./out/README.md}
        - uses: git-commit
          config: {path: ./out, message: from the default branch}
        - uses: git-push
          config: {path: ./out}
  - name: twosteps
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout: [{branch: main, path: ./base}]
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}/
            checkout: [{branch: stage/twosteps, create: true, path: ./out}]
        - uses: git-clone
          config:
            repoURL: '${srcURL.replace(/\.git$/, '')}'
            checkout: [{fromFreight: true, path: ./src}]
        - uses: copy
          config: {inPath: ./base/README.md, outPath: ./out/README.md}
        - uses: copy
          config: {inPath: ./src/app, outPath: ./out/app}
        - uses: git-commit
          config: {path: ./out, message: two}
        - uses: git-push
          config: {path: ./out}
  - name: twice
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout: [{branch: main, path: ./a}, {branch: main, path: ./b}, {branch: stage/twice, create: true, path: ./out}]
        - uses: copy
          config: {inPath: ./b/README.md, outPath: ./out/README.md}
        - uses: git-commit
          config: {path: ./out, message: two}
        - uses: git-push
          config: {path: ./out}
  - name: qa
    requestedFreight:
      - origin: {kind: Warehouse, name: src}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: '${srcURL}'
            checkout:
              - {fromFreight: true, fromOrigin: {kind: Warehouse, name: src}, path: ./src, sparse: [app]}
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout:
              - {branch: stage/qa, create: true, path: ./out}
        - uses: copy
          config: {inPath: ./src, outPath: ./out/tree, ignore: .git}
        - uses: git-commit
          config: {path: ./out, message: from freight}
        - uses: git-push
          config: {path: ./out}
`;

  beforeAll(async () => {
    src = createBareRepo(tmp.path, 'source', {
      'app/config.yaml': 'version: old\n',
      'docs/readme.md': 'docs\n',
    });
    srcURL = `file://${src}`;
    old = git(src, ['rev-parse', 'main']).trim();
    // v1 (annotated) marks the older commit; main moves on.
    git(src, ['tag', '-a', 'v1', '-m', 'one', old], testGitEnv(tmp.path));
    tip = commitToBare(src, 'main', { 'app/config.yaml': 'version: tip\n' }, 'newer');
    gitops = createBareRepo(tmp.path, 'gitops', { 'README.md': 'gitops\n' });
    const gitopsURL = `file://${gitops}`;
    commitToBare(gitops, 'main', { '.gantry/demo.yaml': project(gitopsURL) }, 'project');
    h = { tmp: tmp.path, remote: parseRemote(gitopsURL) };
    f = commitFreight(srcURL, old, 1);
    const store = new StateStore({
      remote: h.remote,
      cacheDir: join(tmp.path, 'rec'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('demo', f);
  });
  afterAll(() => tmp.cleanup());

  test('commit: checks out the freight’s (older) commit, not the tip; outputs name checkouts by as or path', async () => {
    expect(old).not.toBe(tip);
    const out = await promoteWith(h, 'dev', f.id);
    expect(out.result?.changed).toBe(true);
    expect(git(gitops, ['show', 'stage/dev:app/config.yaml'])).toBe('version: old\n');
    expect(git(gitops, ['ls-tree', '-r', '--name-only', 'stage/dev']).trim().split('\n')).toEqual([
      '.gantry/state/demo/dev.yaml',
      'app/config.yaml',
    ]);
    const initial = git(gitops, ['rev-parse', 'stage/dev^']).trim();
    const subject = git(gitops, ['log', '-1', '--format=%s', 'stage/dev']).trim();
    // `commits` keys: the path as written ("./src"), and the checkout's `as` ("rendered").
    expect(subject).toBe(`render ${old} onto ${initial}`);
    expect(git(gitops, ['show', `stage/dev:${stateFilePath('demo', 'dev')}`])).toContain(f.id);
  });

  test('an annotated tag: its commit, not the branch tip', async () => {
    await promoteWith(h, 'tagged', f.id);
    expect(git(gitops, ['show', 'stage/tagged:app/config.yaml'])).toBe('version: old\n');
  });

  test('an abbreviated commit SHA is refused, saying a full one is needed; nothing pushed', async () => {
    const before = git(gitops, ['for-each-ref']);
    await expect(promoteWith(h, 'short', f.id)).rejects.toThrow(
      `git-clone: checkout[0]: commit "${old.slice(0, 7)}" is abbreviated; give the full SHA`,
    );
    expect(git(gitops, ['for-each-ref'])).toBe(before);
  });

  test("a checkout that names no branch, commit or tag gets the repository's default branch", async () => {
    await promoteWith(h, 'nodefault', f.id);
    expect(git(gitops, ['show', 'stage/nodefault:README.md'])).toBe(
      git(gitops, ['show', 'main:README.md']),
    );
  });

  test('two checkouts, one through each spelling of a URL: the source by fromFreight, a second clone step of the GitOps repository', async () => {
    const out = await promoteWith(h, 'twosteps', f.id);
    expect(out.result?.changed).toBe(true);
    expect(git(gitops, ['show', 'stage/twosteps:README.md'])).toBe('gitops\n');
    expect(git(gitops, ['show', 'stage/twosteps:app/config.yaml'])).toBe('version: old\n');
  });

  test('one branch checked out twice: a clear error naming both paths, nothing pushed', async () => {
    const before = git(gitops, ['for-each-ref']);
    const err = await promoteWith(h, 'twice', f.id).then(
      () => new Error('promoted'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toContain('(git-clone): checkout path "./b": branch main of file://');
    expect(err.message).toContain(
      'is checked out at ./a already; a branch has one checkout per promotion',
    );
    expect(git(gitops, ['for-each-ref'])).toBe(before);
  });

  test('fromFreight (sparse): the freight’s commit, only the sparse directory, state in the commit', async () => {
    const out = await promoteWith(h, 'qa', f.id);
    expect(out.result?.changed).toBe(true);
    expect(git(gitops, ['show', 'stage/qa:tree/app/config.yaml'])).toBe('version: old\n');
    // The whole of ./src was copied: docs/ was never checked out.
    expect(git(gitops, ['ls-tree', '-r', '--name-only', 'stage/qa']).trim().split('\n')).toEqual([
      '.gantry/state/demo/qa.yaml',
      'tree/app/config.yaml',
    ]);
  });
});

const VALUES = 'image:\n  tag: 0.1.0\n';

/** A template on the stage's existing branch; `extra` steps run between the edit and the commit. */
function imageStage(name: string, gitopsURL: string, extra = '', cloneExtra = '') {
  return `  - name: ${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${gitopsURL}
            checkout:
              - {branch: stage/${name}, path: ./out${cloneExtra}}
        - uses: yaml-update
          config:
            path: ./out/env/${name}/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
${extra}        - uses: git-commit
          as: commit
          config: {path: ./out, message: 'deploy \${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
        - uses: git-push
          config: {path: ./out}
`;
}

const ECHO = `warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
`;

describe.each([{ transport: 'file://' }, { transport: 'smart HTTP with auth' }])(
  'a push that loses a race to another writer of the stage’s branch ($transport)',
  ({ transport }) => {
    const tmp = tempDir('gantry-ws-race-');
    const AUTH = { username: 'gantry-bot', password: 'race-token' };
    let server: GitHttpServer | undefined;
    let gitops: string;
    let h: Harness;
    let hook: Awaited<ReturnType<typeof startHook>>;
    const f = makeFreight('1.0.0');

    beforeAll(async () => {
      // Between the clone and the push (the template's http step), someone else commits.
      // Each branch but stage/budget moves once; stage/newrace is created by the other writer.
      const seen = new Map<string, number>();
      hook = await startHook((path) => {
        const branch = path.slice(1);
        const n = (seen.get(branch) ?? 0) + 1;
        seen.set(branch, n);
        if (branch !== 'stage/budget' && branch !== 'moving' && n > 1) return;
        if (branch === 'stage/newrace') git(gitops, ['branch', branch, 'main']);
        else commitToBare(gitops, branch, { [`other-${n}.txt`]: 'x\n' }, 'someone else');
      });
      const race = `        - uses: http
          config: {method: POST, url: '${'${{ vars.hook }}'}'}
`;
      const files: Record<string, string> = {};
      for (const s of ['race', 'budget', 'after', 'afterbudget', 'tagrace'])
        files[`env/${s}/values.yaml`] = VALUES;
      gitops = createBareRepo(tmp.path, 'gitops', files, [
        'stage/race',
        'stage/budget',
        'stage/after',
        'stage/afterbudget',
        'stage/tagrace',
        'notes',
        'moving',
      ]);
      if (transport !== 'file://')
        server = await startGitHttpServer({ root: tmp.path, auth: AUTH });
      const url = server ? `${server.url}/gitops.git` : `file://${gitops}`;
      const withHook = (name: string) =>
        imageStage(name, url, race).replace(
          '    promotionTemplate:\n',
          `    promotionTemplate:\n      vars:\n        - {name: hook, value: '${hook.url}/stage/${name}'}\n`,
        );
      const newrace = `  - name: newrace
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
              - {branch: stage/newrace, create: true, path: ./out}
        - uses: git-clear
          config: {path: ./out}
        - uses: copy
          config: {inPath: ./src/env/race, outPath: ./out/env}
        - uses: yaml-update
          config:
            path: ./out/env/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: http
          config: {method: POST, url: '${hook.url}/stage/newrace'}
        - uses: git-commit
          config: {path: ./out, message: rendered}
        - uses: git-push
          config: {path: ./out}
`;
      // The tag is pushed before the branch, and the branch's push then loses a race.
      const tagrace = `  - name: tagrace
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout: [{branch: stage/tagrace, path: ./out}]
        - uses: yaml-update
          config:
            path: ./out/env/tagrace/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: deploy}
        - uses: git-tag
          config: {path: ./out, tag: release-1, message: release}
        - uses: git-push
          as: tag
          config: {path: ./out, tag: release-1}
        - uses: http
          config: {method: POST, url: '${hook.url}/stage/tagrace'}
        - uses: git-push
          config: {path: ./out}
`;
      // The stage's push lands, then a later push (another branch) loses its race.
      const after = (name: string, notes: string) => `  - name: ${name}
    branch: stage/${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: ${url}
            checkout:
              - {branch: stage/${name}, path: ./out}
              - {branch: ${notes}, path: ./notes}
        - uses: yaml-update
          config:
            path: ./out/env/after/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: deploy}
        - uses: git-push
          config: {path: ./out}
        - uses: yaml-update
          config:
            path: ./notes/env/after/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: http
          config: {method: POST, url: '${hook.url}/${notes}'}
        - uses: git-commit
          config: {path: ./notes, message: noted}
        - uses: git-push
          config: {path: ./notes}
`;
      commitToBare(
        gitops,
        'main',
        {
          '.gantry/demo.yaml': `project: demo\n${ECHO}${withHook('race')}${withHook('budget')}${newrace}${after('after', 'notes')}${after('afterbudget', 'moving')}${tagrace}`,
        },
        'project',
      );
      h = {
        tmp: tmp.path,
        remote: parseRemote(url, server ? { kind: 'basic', ...AUTH } : undefined),
        raceRetry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      };
      const store = new StateStore({
        // Set-up, not the subject: straight into the bare repository, not over HTTP.
        remote: parseRemote(`file://${gitops}`),
        cacheDir: join(tmp.path, 'rec'),
        baseEnv: testGitEnv(tmp.path),
      });
      await store.recordFreight('demo', f);
    });
    afterAll(async () => {
      await hook.close();
      await server?.close();
      tmp.cleanup();
    });

    test('the template runs again at the new tip: both commits land, one promotion, attempts 2', async () => {
      const before = git(gitops, ['rev-parse', 'stage/race']).trim();
      const out = await promoteWith(h, 'race', f.id);
      expect(out.result?.attempts).toBe(2);
      expect(out.result?.changed).toBe(true);
      expect(hook.calls.filter((c) => c === '/stage/race')).toHaveLength(2);
      const log = git(gitops, ['log', '--format=%s', `${before}..stage/race`])
        .trim()
        .split('\n');
      expect(log).toEqual(['deploy 1.0.0', 'someone else']);
      expect(promotionCommits(gitops, `${before}..stage/race`)).toEqual(['race']);
      expect(git(gitops, ['rev-parse', 'stage/race']).trim()).toBe(out.result?.commit);
      expect(git(gitops, ['show', 'stage/race:env/race/values.yaml'])).toContain('tag: 1.0.0');
      expect(git(gitops, ['rev-list', '--merges', 'stage/race']).trim()).toBe('');
    });

    test('two first promotions: the other writer creates the branch first, ours lands on top of it', async () => {
      const out = await promoteWith(h, 'newrace', f.id);
      expect(out.result?.attempts).toBe(2);
      const main = git(gitops, ['rev-parse', 'main']).trim();
      expect(git(gitops, ['rev-parse', 'stage/newrace^']).trim()).toBe(main);
      expect(promotionCommits(gitops, `main..stage/newrace`)).toEqual(['newrace']);
      expect(git(gitops, ['log', '--format=%s', 'stage/newrace'])).not.toContain('Initial commit');
      expect(git(gitops, ['show', 'stage/newrace:env/values.yaml'])).toContain('tag: 1.0.0');
    });

    test('a later push loses its race after the stage’s landed: the rerun finishes it, the promotion is reported', async () => {
      const stageBefore = git(gitops, ['rev-parse', 'stage/after']).trim();
      const notesBefore = git(gitops, ['rev-parse', 'notes']).trim();
      const out = await promoteWith(h, 'after', f.id);
      expect(out.result?.attempts).toBe(2);
      expect(promotionCommits(gitops, `${stageBefore}..stage/after`)).toEqual(['after']);
      const landed = git(gitops, ['rev-parse', 'stage/after']).trim();
      expect(out.result?.changed).toBe(true);
      expect(out.result?.commit).toBe(landed);
      expect(out.result?.changes.length).toBeGreaterThan(0);
      expect(
        git(gitops, ['log', '--format=%s', `${notesBefore}..notes`])
          .trim()
          .split('\n'),
      ).toEqual(['noted', 'someone else']);
    });

    test('a tag pushed before the branch whose push then loses: the tag ends on the commit that landed', async () => {
      const before = git(gitops, ['rev-parse', 'stage/tagrace']).trim();
      const out = await promoteWith(h, 'tagrace', f.id);
      expect(out.result?.attempts).toBe(2);
      expect(promotionCommits(gitops, `${before}..stage/tagrace`)).toEqual(['tagrace']);
      const tip = git(gitops, ['rev-parse', 'stage/tagrace']).trim();
      expect(git(gitops, ['rev-parse', 'release-1^{commit}']).trim()).toBe(tip);
      // Promoted again with nothing to change: the stage's push is a no-op, the tag still goes.
      git(gitops, ['tag', '-d', 'release-1']);
      const again = await promoteWith(h, 'tagrace', f.id);
      expect(again.result?.changed).toBe(false);
      expect(git(gitops, ['rev-parse', 'stage/tagrace']).trim()).toBe(tip);
      expect(git(gitops, ['rev-parse', 'release-1^{commit}']).trim()).toBe(tip);
    });

    test('a later push that keeps losing: the error says the promotion itself landed', async () => {
      const before = git(gitops, ['rev-parse', 'stage/afterbudget']).trim();
      const err = await promoteWith(h, 'afterbudget', f.id).catch((e: unknown) => e as Error);
      const landed = git(gitops, ['rev-parse', 'stage/afterbudget']).trim();
      expect(promotionCommits(gitops, `${before}..stage/afterbudget`)).toEqual(['afterbudget']);
      expect((err as Error).message).toMatch(
        new RegExp(
          `was promoted into afterbudget \\(it landed on stage/afterbudget as ${landed.slice(0, 7)}\\), but a later push of its template kept losing races for 3 tries`,
        ),
      );
    });

    test('a branch that keeps moving: a clear error after the budget, no promotion pushed', async () => {
      const before = git(gitops, ['rev-parse', 'stage/budget']).trim();
      await expect(promoteWith(h, 'budget', f.id)).rejects.toThrow(
        /could not promote .* into budget: the branches its template pushes kept moving for 3 tries/,
      );
      expect(hook.calls.filter((c) => c === '/stage/budget')).toHaveLength(3);
      expect(promotionCommits(gitops, `${before}..stage/budget`)).toEqual([]);
      expect(
        git(gitops, ['log', '--format=%s', `${before}..stage/budget`])
          .trim()
          .split('\n'),
      ).toEqual(['someone else', 'someone else', 'someone else']);
      expect(git(gitops, ['show', 'stage/budget:env/budget/values.yaml'])).toBe(VALUES);
    });
  },
);

describe('guarantees: credentials over smart HTTP with auth, the rest over file://', () => {
  const tmp = tempDir('gantry-ws-guard-');
  const AUTH = { username: 'gantry-bot', password: 'gitops-token-123' };
  const LIB_AUTH = { username: 'lib-reader', password: 'lib-pw' };
  let gitopsServer: GitHttpServer;
  let openServer: GitHttpServer;
  let lockedServer: GitHttpServer;
  let gitops: string;
  let local: string;
  let h: Harness;
  let hl: Harness;
  let hook: Awaited<ReturnType<typeof startHook>>;
  const f = makeFreight('1.0.0');
  const outside = join(tmp.path, 'outside');

  const cloneSecond = (name: string, url: string) => `  - name: ${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: '${url}'
            checkout: [{branch: main, path: ./lib}]
        - uses: git-clone
          config:
            repoURL: GITOPS
            checkout: [{branch: stage/${name}, create: true, path: ./out}]
        - uses: copy
          config: {inPath: ./lib/lib.txt, outPath: ./out/lib.txt}
        - uses: git-commit
          config: {path: ./out, message: lib}
        - uses: git-push
          config: {path: ./out}
`;

  const runtimeGuard = (name: string, push: string) => `  - name: ${name}
    branch: stage/${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: compose-output
          as: names
          config: {branch: stage/${name}, force: true}
        - uses: git-clone
          config:
            repoURL: GITOPS
            checkout: [{branch: stage/${name}, path: ./out}]
        - uses: yaml-update
          config:
            path: ./out/env/${name}/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
        - uses: git-commit
          config: {path: ./out, message: m}
${push}`;

  beforeAll(async () => {
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'values.yaml'), VALUES);
    writeFileSync(join(outside, 'secret.txt'), 'runner secret\n');
    hook = await startHook(() => undefined);
    const root = join(tmp.path, 'srv');
    const libRoot = join(tmp.path, 'lib-srv');
    gitopsServer = await startGitHttpServer({ root, auth: AUTH });
    openServer = await startGitHttpServer({ root: libRoot });
    lockedServer = await startGitHttpServer({ root: libRoot, auth: LIB_AUTH });
    createBareRepo(libRoot, 'lib', { 'lib.txt': 'shared\n' });
    createBareRepo(root, 'other', { 'lib.txt': 'other\n' });
    const url = `${gitopsServer.url}/gitops.git`;
    const files: Record<string, string> = { 'other/keep.txt': 'keep\n' };
    const existing = [
      'tagged',
      'sparse',
      'escape',
      'link',
      'skip',
      'rtbypass',
      'rtforce',
      'twocommits',
    ];
    for (const s of existing) {
      files[`env/${s}/values.yaml`] = VALUES;
    }
    gitops = createBareRepo(
      root,
      'gitops',
      files,
      existing.map((s) => `stage/${s}`),
    );
    // stage/link holds a symbolic link out of any checkout, where a step then writes.
    const work = join(tmp.path, 'seed-link');
    git(tmp.path, ['clone', '-q', '--branch', 'stage/link', gitops, work], testGitEnv(tmp.path));
    symlinkSync(outside, join(work, 'env', 'away'));
    git(work, ['add', '-A'], testGitEnv(tmp.path));
    git(work, ['commit', '-q', '-m', 'link'], testGitEnv(tmp.path));
    git(work, ['push', '-q', 'origin', 'stage/link'], testGitEnv(tmp.path));

    const tagSteps = `        - uses: git-tag
          config: {path: ./out, tag: 'tagged-\${{ imageFrom("ghcr.io/acme/echo").Tag }}', message: released}
        - uses: git-push
          config: {path: ./out, tag: 'tagged-\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`;
    const skipSteps = `        - uses: http
          if: \${{ status('commit') == 'Skipped' }}
          config: {method: POST, url: '${hook.url}/skipped'}
        - uses: http
          if: \${{ status('commit') != 'Skipped' }}
          config: {method: POST, url: '${hook.url}/committed'}
`;
    const stages = [
      imageStage('tagged', url) + tagSteps,
      imageStage('sparse', url, '', ', sparse: [env/sparse]'),
      // The path is known only when it runs (from the freight): lint cannot see that it climbs out.
      imageStage('escape', url).replace(
        'path: ./out/env/escape/values.yaml',
        `path: '../\${{ imageFrom("ghcr.io/acme/echo").Tag }}/values.yaml'`,
      ),
      imageStage('link', url).replace('env/link/values.yaml', 'env/away/values.yaml'),
      imageStage('skip', url) + skipSteps,
      imageStage(
        'twocommits',
        url,
        `        - uses: git-commit
          config: {path: ./out, message: first}
        - uses: yaml-update
          config:
            path: ./out/env/twocommits/values.yaml
            updates: [{key: image.tag, value: second}]
`,
      ),
      cloneSecond('lib', `${openServer.url}/lib.git`),
      cloneSecond('locked', `${lockedServer.url}/lib.git`),
      cloneSecond('neighbour', `${gitopsServer.url}/other.git`),
      cloneSecond(
        'keyed',
        `${lockedServer.url.replace('//', `//${LIB_AUTH.username}:${LIB_AUTH.password}@`)}/lib.git`,
      ),
      cloneSecond('fresh', `${openServer.url}/lib.git`),
      // A rendered template on the branch that holds the project and other stages' state.
      `  - name: onmain
    branch: main
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: GITOPS
            checkout: [{branch: main, path: ./out}]
        - uses: git-clone
          config:
            repoURL: '${openServer.url}/lib.git'
            checkout: [{branch: main, path: ./lib}]
        - uses: git-clear
          config: {path: ./out}
        - uses: copy
          config: {inPath: ./lib/lib.txt, outPath: ./out/lib.txt}
        - uses: git-commit
          config: {path: ./out, message: rendered into main}
        - uses: git-push
          config: {path: ./out}
  - name: shortmain
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/skip/values.yaml
            updates: [{key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}]
`,
      // What lint cannot know (it comes from a step's outputs) is refused when the push runs.
      runtimeGuard(
        'rtbypass',
        `        - uses: git-push
          config: {path: ./out, targetBranch: '\${{ outputs.names.branch }}'}
        - uses: git-open-pr
          config: {repoURL: GITOPS, sourceBranch: x, targetBranch: '\${{ outputs.names.branch }}'}
`,
      ),
      runtimeGuard(
        'rtforce',
        `        - uses: git-push
          config: {path: ./out, force: '\${{ outputs.names.force }}'}
`,
      ),
    ];
    const project = `project: demo\n${ECHO}${stages.join('')}`.replaceAll('GITOPS', url);
    commitToBare(gitops, 'main', { '.gantry/demo.yaml': project }, 'project');
    h = { tmp: tmp.path, remote: parseRemote(url, { kind: 'basic', ...AUTH }) };
    const store = new StateStore({
      // Set-up, not the subject: straight into the bare repository, not over HTTP.
      remote: parseRemote(`file://${gitops}`),
      cacheDir: join(tmp.path, 'rec'),
      baseEnv: testGitEnv(tmp.path),
    });
    await store.recordFreight('demo', f);
    // The same repository by file://, for the tests whose subject is neither the transport nor
    // whom credentials reach: over HTTP each fetch and push also starts a CGI and a git per
    // request, twice a promotion's processes.
    local = join(tmp.path, 'local', 'gitops.git');
    cpSync(gitops, local, { recursive: true });
    const localURL = `file://${local}`;
    commitToBare(
      local,
      'main',
      { '.gantry/demo.yaml': project.replaceAll(url, localURL) },
      'project',
    );
    hl = { tmp: tmp.path, remote: parseRemote(localURL) };
  });
  afterAll(async () => {
    await hook.close();
    await Promise.all([gitopsServer, openServer, lockedServer].map((s) => s.close()));
    tmp.cleanup();
  });

  const refs = (repo: string) => git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']);

  test('git-tag then git-push tag: an annotated tag on the promotion commit in the GitOps repository', async () => {
    const out = await promoteWith(hl, 'tagged', f.id);
    expect(out.result?.changed).toBe(true);
    expect(git(local, ['cat-file', '-t', 'refs/tags/tagged-1.0.0']).trim()).toBe('tag');
    expect(git(local, ['rev-parse', 'tagged-1.0.0^{commit}']).trim()).toBe(
      git(local, ['rev-parse', 'stage/tagged']).trim(),
    );
    expect(git(local, ['tag', '-l', '--format=%(contents:subject)', 'tagged-1.0.0']).trim()).toBe(
      'released',
    );
  });

  test('a sparse checkout of the stage’s branch: the state rides in the commit, nothing else is lost', async () => {
    const out = await promoteWith(hl, 'sparse', f.id);
    expect(out.result?.changed).toBe(true);
    const files = git(local, ['ls-tree', '-r', '--name-only', 'stage/sparse']).trim().split('\n');
    expect(files).toContain('.gantry/state/demo/sparse.yaml');
    expect(files).toContain('other/keep.txt');
    expect(files).toContain('env/tagged/values.yaml');
    expect(git(local, ['diff', '--name-only', 'stage/sparse^', 'stage/sparse']).trim()).toBe(
      '.gantry/state/demo/sparse.yaml\nenv/sparse/values.yaml',
    );
  });

  test.each([
    ['escape', /leads outside the checkout/],
    ['link', /env\/away is a symbolic link that leads outside the checkout/],
  ])('a step path out of the workspace (%s) is refused, nothing pushed', async (stage, message) => {
    const before = refs(local);
    await expect(promoteWith(hl, stage, f.id)).rejects.toThrow(message);
    expect(refs(local)).toBe(before);
  });

  test.each([
    ['rtbypass', /opens a pull request, so it may not push to the stage's branch stage\/rtbypass/],
    ['rtforce', /gantry never force-pushes a branch that others may write \(stage\/rtforce\)/],
  ])('a push lint could not judge (%s) is refused when it runs, nothing pushed', async (s, m) => {
    const before = refs(local);
    await expect(promoteWith(hl, s, f.id)).rejects.toThrow(m);
    expect(refs(local)).toBe(before);
  });

  test('another repository on another server: no Authorization ever reaches it', async () => {
    const out = await promoteWith(h, 'lib', f.id);
    expect(out.result?.changed).toBe(true);
    expect(git(gitops, ['show', 'stage/lib:lib.txt'])).toBe('shared\n');
    expect(openServer.requests.length).toBeGreaterThan(0);
    expect(openServer.requests.filter((q) => q.authorizationHeaders > 0)).toEqual([]);
  });

  test.each([
    ['locked', () => lockedServer, '/lib.git'],
    ['neighbour', () => gitopsServer, '/other.git'],
  ])(
    'a repository that needs other credentials (%s): the clone fails, the GitOps token is not offered',
    async (stage, server, prefix) => {
      const before = refs(gitops);
      await expect(promoteWith(h, stage, f.id)).rejects.toThrow(
        new RegExp(
          `git-clone: http://127\\.0\\.0\\.1:\\d+${prefix.replace('.', '\\.')} asks for credentials, and gantry sends its token only to the GitOps repository`,
        ),
      );
      const asked = server().requests.filter((q) => q.path.startsWith(prefix));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((q) => q.authorizationHeaders > 0)).toEqual([]);
      expect(refs(gitops)).toBe(before);
    },
  );

  test('credentials in another repository’s URL reach only it, and never a log line', async () => {
    const log: string[] = [];
    const seen = lockedServer.requests.length;
    const out = await promoteWith(h, 'keyed', f.id, { log });
    expect(out.result?.changed).toBe(true);
    const asked = lockedServer.requests.slice(seen);
    expect(asked.filter((q) => q.authorizationHeaders > 0).every((q) => q.authorized)).toBe(true);
    expect(log.join('\n')).toContain('git-clone: ');
    expect(log.join('\n')).not.toContain(LIB_AUTH.password);
    expect(JSON.stringify(out)).not.toContain(LIB_AUTH.password);
  });

  test('dry run of a template that creates its branch: nothing is created or pushed', async () => {
    const before = refs(local);
    const out = await promoteWith(hl, 'fresh', f.id, { dryRun: true });
    expect(out.result?.changed).toBe(true);
    expect(out.result?.diff).toContain('shared');
    expect(refs(local)).toBe(before);
  });

  test('dry run of a tag push pushes no tag', async () => {
    git(local, ['tag', '-d', 'tagged-1.0.0']);
    const before = refs(local);
    const log: string[] = [];
    await promoteWith(hl, 'tagged', makeFreight('1.0.0').id, { dryRun: true, log });
    expect(refs(local)).toBe(before);
    expect(log.join('\n')).toContain('tag tagged-1.0.0 not pushed');
  });

  test('git-commit with nothing to commit is Skipped, and a later step’s if reads it', async () => {
    const first = await promoteWith(hl, 'skip', f.id);
    expect(first.result?.changed).toBe(true);
    expect(hook.calls).toEqual(['/committed']);
    const tip = git(local, ['rev-parse', 'stage/skip']).trim();
    const again = await promoteWith(hl, 'skip', f.id);
    expect(again.result?.changed).toBe(false);
    expect(hook.calls).toEqual(['/committed', '/skipped']);
    expect(git(local, ['rev-parse', 'stage/skip']).trim()).toBe(tip);
  });

  test('two git-commits of the stage’s checkout before its push: one promotion commit with both', async () => {
    const before = git(local, ['rev-parse', 'stage/twocommits']).trim();
    const out = await promoteWith(hl, 'twocommits', f.id);
    expect(out.result?.changed).toBe(true);
    const range = `${before}..stage/twocommits`;
    expect(git(local, ['rev-list', range]).trim()).toBe(out.result?.commit);
    expect(promotionCommits(local, range)).toEqual(['twocommits']);
    const body = git(local, ['log', '-1', '--format=%B', 'stage/twocommits']);
    expect(body).toMatch(/^first\n\ndeploy 1\.0\.0\n/);
    expect(git(local, ['show', 'stage/twocommits:env/twocommits/values.yaml'])).toContain(
      'tag: second',
    );
    expect(
      git(local, ['show', `stage/twocommits:${stateFilePath('demo', 'twocommits')}`]),
    ).toContain(f.id);
  });

  test('git-clear of the GitOps default branch keeps .gantry/: the project and other stages’ state survive', async () => {
    await promoteWith(hl, 'shortmain', f.id);
    expect(git(local, ['ls-tree', '-r', '--name-only', 'main'])).toContain(
      '.gantry/state/demo/shortmain.yaml',
    );
    const out = await promoteWith(hl, 'onmain', f.id);
    expect(out.result?.changed).toBe(true);
    const files = git(local, ['ls-tree', '-r', '--name-only', 'main']).trim().split('\n');
    expect(files).toEqual([
      '.gantry/demo.yaml',
      '.gantry/state/demo/onmain.yaml',
      '.gantry/state/demo/shortmain.yaml',
      'lib.txt',
    ]);
  });
});

describe('templates lint refuses, and promote refuses before pushing anything', () => {
  const tmp = tempDir('gantry-ws-lint-');
  let gitops: string;
  let url: string;
  const f = makeFreight('1.0.0');

  const stage = (name: string, steps: string) => `  - name: ${name}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: GITOPS
            checkout: [{branch: stage/${name}, path: ./out}]
${steps}`;
  const COMMIT = `        - uses: git-commit
          config: {path: ./out, message: m}
`;
  const project = () =>
    `project: demo
${ECHO}${stage(
      'bypass',
      `${COMMIT}        - uses: git-push
          as: push
          config: {path: ./out}
        - uses: git-open-pr
          config: {repoURL: GITOPS, sourceBranch: other, targetBranch: stage/bypass}
`,
    )}${stage(
      'forced',
      `${COMMIT}        - uses: git-push
          config: {path: ./out, force: true}
`,
    )}${stage(
      'climb',
      `        - uses: copy
          config: {inPath: ./out/a, outPath: ../x}
${COMMIT}        - uses: git-push
          config: {path: ./out}
`,
    )}`.replaceAll('GITOPS', url);

  const env = () => ({ ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') });
  const cli = (args: string[]) =>
    runGantry([...args, '--repo', url], env(), () => new Date('2026-11-02T00:00:00Z'));
  const refs = () => git(gitops, ['for-each-ref', '--format=%(refname) %(objectname)']);

  beforeAll(async () => {
    gitops = createBareRepo(tmp.path, 'gitops', { 'a/x.yaml': 'x: 1\n' }, [
      'stage/bypass',
      'stage/forced',
      'stage/climb',
    ]);
    url = `file://${gitops}`;
    commitToBare(gitops, 'main', { '.gantry/demo.yaml': project() }, 'project');
    await new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, 'rec'),
      baseEnv: testGitEnv(tmp.path),
    }).recordFreight('demo', f);
  });
  afterAll(() => tmp.cleanup());

  test('lint names each problem with file and line', async () => {
    const r = await cli(['lint']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('3 problems');
    const lines = r.out.split('\n');
    const at = (text: RegExp) => lines.find((l) => text.test(l));
    expect(at(/pushes straight to stage\/bypass.*bypassed/)).toMatch(
      /\.gantry\/demo\.yaml:\d+:\d+: stages\[\d\]/,
    );
    expect(at(/never force-pushes/)).toMatch(/\.gantry\/demo\.yaml:\d+:\d+: stages\[\d\]/);
    expect(at(/outPath "\.\.\/x" leaves the workspace/)).toMatch(
      /\.gantry\/demo\.yaml:\d+:\d+: stages\[\d\]/,
    );
  });

  test('promote refuses the project before pushing anything', async () => {
    const before = refs();
    const r = await cli(['promote', '--stage', 'forced']);
    expect(r.err).toContain('the project files have problems');
    expect(r.code).not.toBe(0);
    expect(r.out).not.toContain('promoted');
    expect(refs()).toBe(before);
  });
});

describe('concurrent workspace promotions of stages sharing one branch, over smart HTTP', () => {
  const tmp = tempDir('gantry-ws-many-');
  const AUTH = { username: 'gantry-bot', password: 'many-token' };
  const STAGES = ['a', 'b', 'c', 'd', 'e', 'f'];
  let server: GitHttpServer;
  let gitops: string;
  let remote: Remote;
  const freight = STAGES.map((s, i) =>
    makeFreight(`2.0.${i}`, { createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }),
  );

  beforeAll(async () => {
    server = await startGitHttpServer({ root: tmp.path, auth: AUTH });
    const url = `${server.url}/gitops.git`;
    const files: Record<string, string> = {};
    for (const s of STAGES) files[`env/${s}/values.yaml`] = VALUES;
    gitops = createBareRepo(tmp.path, 'gitops', files);
    const stages = STAGES.map((s) =>
      imageStage(s, url).replace(
        `{branch: stage/${s}, path: ./out}`,
        '{branch: main, path: ./out}',
      ),
    );
    commitToBare(
      gitops,
      'main',
      { '.gantry/demo.yaml': `project: demo\n${ECHO}${stages.join('')}` },
      'p',
    );
    remote = parseRemote(url, { kind: 'basic', ...AUTH });
    const store = new StateStore({
      // Set-up, not the subject: straight into the bare repository, not over HTTP.
      remote: parseRemote(`file://${gitops}`),
      cacheDir: join(tmp.path, 'rec'),
      baseEnv: testGitEnv(tmp.path),
    });
    for (const f of freight) await store.recordFreight('demo', f);
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('every promotion lands once, history stays linear, each commit carries its own state', async () => {
    const before = git(gitops, ['rev-parse', 'main']).trim();
    const h: Harness = { tmp: tmp.path, remote };
    const outcomes = await Promise.all(
      STAGES.map((s, i) => promoteWith(h, s, (freight[i] as Freight).id)),
    );
    expect(outcomes.every((o) => o.result?.changed)).toBe(true);
    expect(outcomes.some((o) => (o.result?.attempts ?? 0) > 1)).toBe(true);
    expect(git(gitops, ['rev-list', '--merges', 'main']).trim()).toBe('');
    expect(promotionCommits(gitops, `${before}..main`).sort()).toEqual([...STAGES].sort());
    STAGES.forEach((s, i) => {
      const commit = outcomes[i]?.result?.commit as string;
      expect(git(gitops, ['show', `${commit}:env/${s}/values.yaml`])).toContain(`tag: 2.0.${i}`);
      expect(git(gitops, ['show', `${commit}:${stateFilePath('demo', s)}`])).toContain(
        (freight[i] as Freight).id,
      );
      // Every stage's manifests on main agree with its state.
      expect(git(gitops, ['show', `main:env/${s}/values.yaml`])).toContain(`tag: 2.0.${i}`);
    });
  });
});
