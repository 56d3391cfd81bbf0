import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitError, parseRemote } from '../../src/git/index.js';
import { StateStore, parsePromotionCommit } from '../../src/state/index.js';
import { OperationError, ConfigError } from '../../src/util/errors.js';
import { makeFreight } from '../support/freight.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-server.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';

const noSleep = { sleep: async () => undefined };

function store(
  tmp: string,
  url: string,
  extra: Partial<ConstructorParameters<typeof StateStore>[0]> = {},
) {
  return new StateStore({
    remote: parseRemote(url),
    cacheDir: join(tmp, 'cache'),
    baseEnv: testGitEnv(tmp),
    clock: () => new Date('2026-11-02T12:00:00Z'),
    retryHooks: noSleep,
    ...extra,
  });
}

/** All refs of a bare repository, to prove a failed operation left it as it was. */
const refsOf = (bare: string) => git(bare, ['for-each-ref', '--format=%(refname) %(objectname)']);

describe('state over file://', () => {
  const tmp = tempDir();
  let bare: string;
  let url: string;
  beforeAll(() => {
    bare = createBareRepo(
      tmp.path,
      'gitops',
      {
        '.gantry/echo.yaml': 'project: echo\n',
        'env/dev/values.yaml': 'image:\n  tag: 0.9.0 # pinned by gantry\n',
      },
      ['release'],
    );
    url = `file://${bare}`;
  });
  afterAll(() => tmp.cleanup());

  test('freight is an annotated tag on the empty tree; recording it twice changes nothing', async () => {
    const s = store(tmp.path, url);
    const f = makeFreight('1.0.0');
    expect(await s.recordFreight('echo', f)).toEqual({
      created: true,
      ref: `refs/tags/gantry/echo/freight/${f.id}`,
    });
    const before = refsOf(bare);
    expect(
      await s.recordFreight('echo', { ...f, createdAt: '2026-11-05T00:00:00.000Z' }),
    ).toMatchObject({ created: false });
    expect(refsOf(bare)).toBe(before);
    expect(git(bare, ['cat-file', '-t', `gantry/echo/freight/${f.id}`]).trim()).toBe('tag');
    expect(git(bare, ['rev-parse', `gantry/echo/freight/${f.id}^{}`]).trim()).toBe(
      '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    );
    const snap = await s.snapshot('echo');
    expect(snap.freight).toEqual([f]);
  });

  test('snapshot lists freight newest first with verifications and approvals', async () => {
    const s = store(tmp.path, url);
    const f2 = makeFreight('1.1.0', { createdAt: '2026-11-03T10:00:00.000Z' });
    await s.recordFreight('echo', f2);
    await s.recordVerification({
      project: 'echo',
      stage: 'dev',
      freightId: f2.id,
      alias: f2.alias,
      verifiedAt: '2026-11-03T11:00:00.000Z',
      verifiedBy: 'https://ci/run/1',
      summary: ['http: Successful'],
    });
    await s.recordApproval({
      project: 'echo',
      stage: 'prod',
      freightId: f2.id,
      alias: f2.alias,
      approvedAt: '2026-11-03T12:00:00.000Z',
      approvedBy: 'alice',
      reason: 'hotfix',
    });
    // Another project's state is not read.
    await s.recordFreight('other', makeFreight('9.9.9'));
    const snap = await s.snapshot('echo');
    expect(snap.freight.map((f) => f.images[0]?.tag)).toEqual(['1.1.0', '1.0.0']);
    expect(snap.verifications).toEqual([
      expect.objectContaining({ stage: 'dev', freightId: f2.id, summary: ['http: Successful'] }),
    ]);
    expect(snap.approvals).toEqual([
      expect.objectContaining({ stage: 'prod', approvedBy: 'alice', reason: 'hotfix' }),
    ]);
  });

  test('a promotion is one commit with the manifests, the state file and trailers', async () => {
    const s = store(tmp.path, url);
    const f = makeFreight('1.0.0');
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: f,
      promotedBy: 'alice',
      run: 'https://ci/run/2',
      paths: ['env/dev/'],
      edit: async (dir) => {
        const p = join(dir, 'env/dev/values.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace('0.9.0', '1.0.0'));
        return ['- env/dev/values.yaml: image.tag'];
      },
    });
    expect(res).toMatchObject({ changed: true, branch: 'main', attempts: 1 });
    expect(res.changes).toEqual([
      { artifact: 'ghcr.io/acme/echo', kind: 'image', from: undefined, to: '1.0.0' },
    ]);
    const files = git(bare, ['show', '--name-only', '--format=', res.commit])
      .trim()
      .split('\n')
      .sort();
    expect(files).toEqual(['.gantry/state/echo/dev.yaml', 'env/dev/values.yaml']);
    expect(git(bare, ['show', `${res.commit}:env/dev/values.yaml`])).toBe(
      'image:\n  tag: 1.0.0 # pinned by gantry\n',
    );
    const message = git(bare, ['log', '-1', '--format=%B', res.commit]);
    expect(message).toContain('promote(echo/dev): alias-1-0-0');
    expect(message).toContain(`Gantry-Freight: ${f.id}`);
    expect(
      git(bare, [
        'log',
        '-1',
        '--format=%(trailers:key=Gantry-Stage,valueonly)',
        res.commit,
      ]).trim(),
    ).toBe('dev');
    // Only main moved, and only by one commit.
    expect(git(bare, ['rev-parse', 'main~1']).trim()).toBe(
      git(bare, ['rev-parse', 'release']).trim(),
    );

    const states = await s.stageStates('echo', [
      { name: 'dev' },
      { name: 'prod', branch: 'release' },
    ]);
    expect(states.get('dev')).toMatchObject({
      project: 'echo',
      stage: 'dev',
      promotedBy: 'alice',
      run: 'https://ci/run/2',
      freight: [{ id: f.id }],
    });
    expect(states.get('prod')).toBeUndefined();
  });

  test('promoting freight the stage already has makes no commit', async () => {
    const s = store(tmp.path, url);
    const tip = git(bare, ['rev-parse', 'main']).trim();
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.0.0'),
      promotedBy: 'bob',
    });
    expect(res).toMatchObject({ changed: false, commit: tip });
    expect(git(bare, ['rev-parse', 'main']).trim()).toBe(tip);
  });

  test('the next promotion records the version change old → new and keeps other origins', async () => {
    const s = store(tmp.path, url);
    await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('abc', { warehouse: 'tools' }),
      promotedBy: 'bob',
    });
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'dev',
      freight: makeFreight('1.1.0'),
      promotedBy: 'bob',
      approvedBy: ['carol'],
    });
    expect(res.changes).toEqual([
      { artifact: 'ghcr.io/acme/echo', kind: 'image', from: '1.0.0', to: '1.1.0' },
    ]);
    expect(git(bare, ['log', '-1', '--format=%B', 'main'])).toContain(
      '- ghcr.io/acme/echo: 1.0.0 → 1.1.0',
    );
    const state = (await s.stageStates('echo', [{ name: 'dev' }])).get('dev');
    expect(state?.freight.map((f) => f.origin.name)).toEqual(['echo', 'tools']);
    expect(state?.approvedBy).toEqual(['carol']);
    const promos = await s.promotions('echo', ['main']);
    expect(promos.map((p) => [p.stage, p.alias, p.promotedBy])).toEqual([
      ['dev', 'alias-1-1-0', 'bob'],
      ['dev', 'alias-abc', 'bob'],
      ['dev', 'alias-1-0-0', 'alice'],
    ]);
    expect(promos[0]?.approvedBy).toEqual(['carol']);
  });

  test('project files are read from the remote without a checkout', async () => {
    const s = store(tmp.path, url);
    expect(await s.projectFiles()).toEqual([
      { file: '.gantry/echo.yaml', text: 'project: echo\n' },
    ]);
  });

  test('a branch that does not exist is a clear error to write, and no state to read', async () => {
    const s = store(tmp.path, url);
    const before = refsOf(bare);
    await expect(
      s.commitPromotion({
        project: 'echo',
        stage: 'dev',
        branch: 'nope',
        freight: makeFreight('2.0.0'),
        promotedBy: 'x',
      }),
    ).rejects.toThrow(ConfigError);
    expect(refsOf(bare)).toBe(before);
    // A stage whose branch is not there yet has no state; the other stages read as usual.
    await s.commitPromotion({
      project: 'echo',
      stage: 'staging',
      freight: makeFreight('2.0.0'),
      promotedBy: 'x',
    });
    const states = await s.stageStates('echo', [
      { name: 'dev', branch: 'nope' },
      { name: 'staging' },
    ]);
    expect(states.get('dev')).toBeUndefined();
    expect(states.get('staging')?.freight[0]?.id).toBe(makeFreight('2.0.0').id);
    const history = await s.promotions('echo', ['nope', 'main']);
    expect(history[0]).toMatchObject({ stage: 'staging', branch: 'main' });
    expect(history.every((p) => p.branch === 'main')).toBe(true);
    expect(
      refsOf(bare)
        .split('\n')
        .filter((l) => l.includes('nope')),
    ).toEqual([]);
  });

  test('a push that keeps losing the race on the same stage fails after its tries, says so, and lands nothing', async () => {
    const s = store(tmp.path, url, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const rival = join(tmp.path, 'rival');
    git(tmp.path, ['clone', '-q', url, rival]);
    let edits = 0;
    const err = await s
      .commitPromotion({
        project: 'echo',
        stage: 'dev',
        freight: makeFreight('3.0.0'),
        promotedBy: 'x',
        paths: ['env/dev'],
        edit: async () => {
          edits++;
          // Another writer changes the stage's directory between our fetch and our push, every
          // time: what this promotion read has changed, so it cannot be replayed on the new tip.
          git(rival, ['pull', '-q', '--rebase']);
          writeFileSync(join(rival, 'env/dev/rival.txt'), `rival ${edits}\n`);
          git(rival, ['add', '-A']);
          git(rival, ['commit', '-q', '-m', `rival ${edits}`]);
          git(rival, ['push', '-q', 'origin', 'main']);
          return [];
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /branch kept moving for 3 tries in \d+\.\d s \(0 replayed on a new tip, 2 ran the steps again; at most 3 tries\); nothing was pushed/,
    );
    expect(edits).toBe(3);
    const log = git(bare, ['log', '--format=%s', '-4', 'main']).trim().split('\n');
    expect(log.slice(0, 3)).toEqual(['rival 3', 'rival 2', 'rival 1']);
    expect(git(bare, ['log', '--format=%s', 'main'])).not.toContain('alias-3-0-0');
    // Put the stage back as the other tests expect it.
    git(rival, ['rm', '-q', 'env/dev/rival.txt']);
    git(rival, ['commit', '-q', '-m', 'rival cleanup']);
    git(rival, ['push', '-q', 'origin', 'main']);
  });

  test('a promotion that lost its push to a commit of other files is replayed on the new tip, without running its steps again', async () => {
    const s = store(tmp.path, url, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const rival = join(tmp.path, 'rival-other');
    git(tmp.path, ['clone', '-q', url, rival]);
    let edits = 0;
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'replayed',
      freight: makeFreight('3.1.0'),
      promotedBy: 'x',
      paths: ['env/dev'],
      edit: async (dir) => {
        edits++;
        writeFileSync(join(dir, 'env/dev/values.yaml'), 'image:\n  tag: 3.1.0\n');
        // Another stage's promotion lands between our fetch and our push.
        git(rival, ['pull', '-q', '--rebase']);
        writeFileSync(join(rival, `other-${edits}.txt`), 'x\n');
        git(rival, ['add', '-A']);
        git(rival, ['commit', '-q', '-m', `other stage ${edits}`]);
        git(rival, ['push', '-q', 'origin', 'main']);
        return ['- env/dev/values.yaml: image.tag 0.9.0 → 3.1.0'];
      },
    });
    expect(edits).toBe(1);
    expect(res).toMatchObject({ changed: true, attempts: 2 });
    expect(res.edits).toEqual(['- env/dev/values.yaml: image.tag 0.9.0 → 3.1.0']);
    // Linear, on top of the rival's commit, with both changes in the tree.
    expect(git(bare, ['rev-parse', 'main']).trim()).toBe(res.commit);
    expect(git(bare, ['log', '--format=%s', '-2', 'main']).trim().split('\n')).toEqual([
      'promote(echo/replayed): alias-3-1-0',
      'other stage 1',
    ]);
    expect(git(bare, ['rev-list', '--parents', '-1', 'main']).trim().split(' ')).toHaveLength(2);
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe('image:\n  tag: 3.1.0\n');
    expect(git(bare, ['show', 'main:other-1.txt'])).toBe('x\n');
    expect(git(bare, ['show', 'main:.gantry/state/echo/replayed.yaml'])).toContain(
      makeFreight('3.1.0').id,
    );
    // Everything else of the tree is the rival's tip's.
    expect(git(bare, ['diff', '--name-only', 'main~1', 'main']).trim().split('\n').sort()).toEqual([
      '.gantry/state/echo/replayed.yaml',
      'env/dev/values.yaml',
    ]);
    // Put the file back as the other tests expect it.
    git(rival, ['pull', '-q', '--rebase']);
    writeFileSync(join(rival, 'env/dev/values.yaml'), 'image:\n  tag: 0.9.0 # pinned by gantry\n');
    git(rival, ['commit', '-q', '-am', 'restore']);
    git(rival, ['push', '-q', 'origin', 'main']);
  });

  test('a replayed promotion keeps the files its steps deleted deleted', async () => {
    const rival = join(tmp.path, 'rival-delete');
    git(tmp.path, ['clone', '-q', url, rival]);
    mkdirSync(join(rival, 'env/old'), { recursive: true });
    writeFileSync(join(rival, 'env/old/a.yaml'), 'a: 1\n');
    writeFileSync(join(rival, 'env/old/b.yaml'), 'b: 1\n');
    git(rival, ['add', '-A']);
    git(rival, ['commit', '-q', '-m', 'old env']);
    git(rival, ['push', '-q', 'origin', 'main']);
    const s = store(tmp.path, url, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    let edits = 0;
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'cleanup',
      freight: makeFreight('3.3.0'),
      promotedBy: 'x',
      paths: ['env/old/'],
      edit: async (dir) => {
        edits++;
        rmSync(join(dir, 'env/old/a.yaml'));
        git(rival, ['pull', '-q', '--rebase']);
        writeFileSync(join(rival, 'elsewhere.txt'), `${edits}\n`);
        git(rival, ['add', '-A']);
        git(rival, ['commit', '-q', '-m', 'elsewhere']);
        git(rival, ['push', '-q', 'origin', 'main']);
        return [];
      },
    });
    expect(edits).toBe(1);
    expect(res).toMatchObject({ changed: true, attempts: 2, replays: 1 });
    expect(git(bare, ['ls-tree', '-r', '--name-only', 'main', 'env/old']).trim()).toBe(
      'env/old/b.yaml',
    );
    expect(git(bare, ['show', 'main:elsewhere.txt'])).toBe('1\n');
  });

  test('a promotion whose read files changed on the new tip runs its steps again there', async () => {
    const s = store(tmp.path, url, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const rival = join(tmp.path, 'rival-same');
    git(tmp.path, ['clone', '-q', url, rival]);
    const seen: string[] = [];
    const res = await s.commitPromotion({
      project: 'echo',
      stage: 'rerun',
      freight: makeFreight('3.2.0'),
      promotedBy: 'x',
      paths: ['env/dev/values.yaml'],
      edit: async (dir) => {
        const text = readFileSync(join(dir, 'env/dev/values.yaml'), 'utf8');
        seen.push(text);
        writeFileSync(join(dir, 'env/dev/values.yaml'), text.replace(/tag: \S+/, 'tag: 3.2.0'));
        if (seen.length === 1) {
          // Someone adds a line to the very file this promotion edits: keeping our copy would lose it.
          git(rival, ['pull', '-q', '--rebase']);
          writeFileSync(join(rival, 'env/dev/values.yaml'), `${text}replicas: 3\n`);
          git(rival, ['commit', '-q', '-am', 'scale']);
          git(rival, ['push', '-q', 'origin', 'main']);
        }
        return [];
      },
    });
    expect(seen).toHaveLength(2);
    expect(res).toMatchObject({ changed: true, attempts: 2 });
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toBe(
      'image:\n  tag: 3.2.0 # pinned by gantry\nreplicas: 3\n',
    );
    git(rival, ['pull', '-q', '--rebase']);
    writeFileSync(join(rival, 'env/dev/values.yaml'), 'image:\n  tag: 0.9.0 # pinned by gantry\n');
    git(rival, ['commit', '-q', '-am', 'restore']);
    git(rival, ['push', '-q', 'origin', 'main']);
  });

  test('an unreadable tag is skipped with one warning that names it; the rest is read', async () => {
    const warnings: string[] = [];
    const s = new StateStore({
      remote: parseRemote(url),
      cacheDir: join(tmp.path, 'cache-unreadable'),
      baseEnv: testGitEnv(tmp.path),
      warn: (l) => warnings.push(l),
    });
    const badId = 'f'.repeat(40);
    const work = join(tmp.path, 'bad');
    git(tmp.path, ['clone', '-q', url, work]);
    git(work, [
      'tag',
      '-a',
      '-m',
      'freight oops\n\nthis is not a document',
      `gantry/broken/freight/${badId}`,
    ]);
    git(work, ['push', '-q', 'origin', `gantry/broken/freight/${badId}`]);
    const snap = await s.snapshot('broken');
    expect(snap.freight).toEqual([]);
    expect(snap.unreadable).toEqual([
      {
        tag: `gantry/broken/freight/${badId}`,
        message: expect.stringContaining(
          `unreadable freight document in tag gantry/broken/freight/${badId}: invalid JSON`,
        ) as string,
      },
    ]);
    await s.snapshot('broken');
    expect(warnings).toEqual([snap.unreadable?.[0]?.message]);
    expect(warnings[0]).toMatch(
      new RegExp(
        `; skipped it \\(delete it: git push origin :refs/tags/gantry/broken/freight/${badId}\\)$`,
      ),
    );
    git(work, ['tag', `gantry/light/freight/${badId}`]);
    git(work, ['push', '-q', 'origin', `gantry/light/freight/${badId}`]);
    expect((await s.snapshot('light')).unreadable?.[0]?.message).toMatch(/lightweight tag/);
  });

  test('an unreachable remote is a clear error and nothing is written', async () => {
    const s = store(tmp.path, 'http://127.0.0.1:9/gitops.git', {
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const err = await s.snapshot('echo').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).kind).toBe('network');
    await expect(s.recordFreight('echo', makeFreight('x'))).rejects.toThrow(/127\.0\.0\.1:9/);
  });

  test('parsePromotionCommit reads trailers only from the last paragraph', () => {
    const body =
      'promote(echo/dev): x\n\nGantry-Stage: quoted in the body\n\nGantry-Project: echo\nGantry-Stage: dev\nGantry-Freight: abc\n';
    expect(parsePromotionCommit(`sha\0${'2026-01-01T00:00:00Z'}\0${body}`, 'main')).toMatchObject({
      stage: 'dev',
      freightId: 'abc',
    });
    expect(parsePromotionCommit('sha\0date\0an ordinary commit\n', 'main')).toBeUndefined();
  });
});

describe('state over HTTP with basic auth', () => {
  const tmp = tempDir();
  let server: GitHttpServer;
  const password = 'http-state-Pa55';
  beforeAll(async () => {
    createBareRepo(tmp.path, 'gitops', { 'README.md': 'x\n' });
    server = await startGitHttpServer({ root: tmp.path, auth: { username: 'bot', password } });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('writes and reads with credentials that never reach the cache config', async () => {
    const s = new StateStore({
      remote: parseRemote(`${server.url}/gitops.git`, { kind: 'basic', username: 'bot', password }),
      cacheDir: join(tmp.path, 'cache'),
      baseEnv: testGitEnv(tmp.path),
    });
    const f = makeFreight('1.0.0');
    await s.recordFreight('echo', f);
    await s.commitPromotion({ project: 'echo', stage: 'dev', freight: f, promotedBy: 'bot' });
    expect((await s.snapshot('echo')).freight).toHaveLength(1);
    expect((await s.stageStates('echo', [{ name: 'dev' }])).get('dev')?.freight[0]?.id).toBe(f.id);
    const configs = execFileSync('sh', ['-c', `cat ${join(tmp.path, 'cache')}/*.git/config`], {
      encoding: 'utf8',
    });
    expect(configs).toContain(`${server.url}/gitops.git`);
    expect(configs).not.toContain(password);
    expect(server.requests.every((r) => r.authorized)).toBe(true);
  });
});
