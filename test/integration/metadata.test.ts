/**
 * Kargo's set-metadata and set-freight-alias, and freightMetadata()/stageMetadata(), on real git:
 * each step from its reference page's example, what a promotion sets read by the next one, stage
 * metadata in the state file of the promotion's commit, freight records as new tags (the freight
 * tag never changes), aliases unique in a project, records of a promotion that lost a push race
 * written once (and never by a promotion that gave up), and secrets refused.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { PromotionNotesRecorder } from '../../src/promotion/notes.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { StateStore, type FreightNote } from '../../src/state/index.js';
import type { RetryPolicy } from '../../src/util/retry.js';
import { runGantry } from '../support/cli.js';
import { makeFreight } from '../support/freight.js';
import { commitToBare, createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';

const IMAGE = 'ghcr.io/acme/echo';
const direct = `
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}`;

/** dev and staging take Kargo's two set-metadata examples; production its set-freight-alias one. */
const PROJECT = (hook: string) => `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${IMAGE}}
stages:
  - name: dev${direct}
    promotionTemplate:
      steps:
        - uses: set-metadata
          config:
            updates:
              - kind: Stage
                name: \${{ ctx.stage }}
                values:
                  foo: "hello"
                  bar: 42
              - kind: Freight
                name: \${{ ctx.targetFreight.name }}
                values:
                  baz: true
                  qux: ["a", "b", "c"]
        - uses: http
          config:
            method: GET
            url: ${hook}/moved
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${IMAGE}").Tag }}'}
              - {key: seen, create: true, value: '\${{ stageMetadata(ctx.stage).foo }}-\${{ freightMetadata(ctx.targetFreight.name).qux[1] }}'}
    verification:
      - name: tagged
        successCondition: result.ok == true
        provider:
          http:
            url: \${{ '${hook}/check?foo=' + stageMetadata(ctx.stage).foo + '&qux=' + join(freightMetadata(ctx.freight.id).qux, ',') }}
  - name: staging${direct}
    promotionTemplate:
      steps:
        - uses: set-metadata
          config:
            updates:
              - kind: Stage
                name: staging
                values:
                  foo:
                    nested: "value"
                    numbers: [1, 2, 3]
                    items:
                      - name: "item1"
                        value: "abc"
                      - name: "item2"
                        value: "xyz"
                  bar:
                    alpha: "one"
                    beta: "two"
        - uses: yaml-update
          config:
            path: env/staging/values.yaml
            updates:
              - {key: fromDev, create: true, value: '\${{ stageMetadata("dev").bar }}'}
              - {key: baz, create: true, value: '\${{ freightMetadata(ctx.targetFreight.name).baz }}'}
              - {key: keyed, create: true, value: '\${{ freightMetadata(ctx.targetFreight.name, "qux")[0] }}'}
              - {key: nested, create: true, value: '\${{ stageMetadata(ctx.stage)?.foo?.items[1].value }}'}
              - {key: missing, create: true, value: '\${{ stageMetadata("production")?.x ?? "none" }}'}
              - {key: unknownFreight, create: true, value: '\${{ freightMetadata("${'0'.repeat(40)}") ?? "nil" }}'}
  - name: production${direct}
    promotionTemplate:
      steps:
        - uses: set-freight-alias
          config:
            name: \${{ ctx.targetFreight.name }}
            alias: \${{ imageFrom('${IMAGE}').Tag }}
        - uses: http
          config:
            method: GET
            url: ${hook}/moved
        - uses: yaml-update
          config:
            path: env/production/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${IMAGE}").Tag }}'}
  - name: qa${direct}
    promotionTemplate:
      steps:
        - uses: set-metadata
          config:
            updates:
              - kind: Freight
                name: \${{ ctx.targetFreight.name }}
                values: {token: '\${{ secret("slack").token }}'}
        - uses: yaml-update
          config:
            path: env/qa/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${IMAGE}").Tag }}'}
  - name: regional${direct}
    promotionTemplate:
      steps:
        - uses: set-metadata
          config:
            updates:
              - {kind: Stage, name: regional, values: {region: '\${{ configMap("app").region }}'}}
  - name: other${direct}
    promotionTemplate:
      steps:
        - uses: set-metadata
          config:
            updates:
              - {kind: Stage, name: dev, values: {foo: bye}}
`;

const VALUES = 'image:\n  tag: 0.9.0\n';

/** Tags of the bare repository under `gantry/echo/<kind>/`. */
function tags(bare: string, kind: string): string[] {
  return git(bare, ['tag', '-l', `gantry/echo/${kind}/*`])
    .split('\n')
    .filter(Boolean);
}

/** A commit on main of a bare repository, as another writer. */
function commitTo(bare: string, files: Record<string, string>, message: string): void {
  commitToBare(bare, 'main', files, message);
}

describe('set-metadata, set-freight-alias, freightMetadata() and stageMetadata()', () => {
  const tmp = tempDir('gantry-meta-');
  let bare: string;
  let store: StateStore;
  /**
   * How many times the hook moves the branch under the promotion, and the file it writes
   * (`elsewhere/…`: the commit is replayed; a file the steps read: they run again).
   */
  let moves = 0;
  let moved = 0;
  let moveFile = (n: number) => `elsewhere/${n}.txt`;
  const server = createServer((req, res) => {
    if (moved < moves) {
      moved++;
      commitTo(
        bare,
        { [moveFile(moved)]: `# ${moved}\nimage:\n  tag: 0.9.0\n` },
        `another writer ${moved}`,
      );
    }
    calls.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok": true}');
  });
  const calls: string[] = [];
  const f1 = makeFreight('1.0.0', { createdAt: '2026-11-01T10:00:00.000Z', alias: 'calm-rhino' });
  const f2 = makeFreight('1.1.0', { createdAt: '2026-11-01T11:00:00.000Z', alias: 'lucky-jaguar' });
  const env = (extra: Record<string, string> = {}) => ({
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
    ...extra,
  });
  const cli = (args: string[], extra: Record<string, string> = {}) =>
    runGantry(
      [...args, '--repo', `file://${bare}`],
      env(extra),
      () => new Date('2026-11-02T00:00:00Z'),
    );

  let jobs = 0;
  /** A promotion in this process, with its own cache, as a separate job would run it. */
  const promoteIn = async (stage: string, freight: string, raceRetry?: RetryPolicy) => {
    const s = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, `job-${++jobs}`),
      baseEnv: testGitEnv(tmp.path),
      ...(raceRetry ? { raceRetry } : {}),
    });
    const { projects } = await loadProjectsFromFiles(await s.projectFiles());
    const log: string[] = [];
    const outcome = await promote({
      project: projects[0] as Project,
      stage,
      freight,
      store: s,
      registry: defaultRegistry(),
      dryRun: false,
      promotedBy: 'alice',
      clock: () => new Date(),
      fetch,
      log: (l) => log.push(l),
    });
    return { outcome, log };
  };

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': PROJECT(hook),
      ...Object.fromEntries(
        ['dev', 'staging', 'production', 'qa'].map((s) => [`env/${s}/values.yaml`, VALUES]),
      ),
    });
    store = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(tmp.path, 'w'),
      baseEnv: testGitEnv(tmp.path),
    });
    await seedFreight(bare, 'echo', [f1, f2]);
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    tmp.cleanup();
  });

  test('lint knows both functions and both steps', async () => {
    const r = await cli(['lint']);
    expect({ code: r.code, out: r.out, err: r.err }).toEqual({
      code: 0,
      out: '',
      err: 'ok: 1 project (echo)\n',
    });
  });

  test("Kargo's common example: stage metadata in the promotion's state file, freight metadata a new tag, both read by later steps", async () => {
    const freightTag = git(bare, ['rev-parse', `refs/tags/gantry/echo/freight/${f2.id}`]);
    const r = await cli(['promote', '--stage', 'dev', '--freight', f2.alias]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // One commit: manifests and the state file with the metadata.
    expect(
      git(bare, ['show', '--name-only', '--format=', 'main']).trim().split('\n').sort(),
    ).toEqual(['.gantry/state/echo/dev.yaml', 'env/dev/values.yaml']);
    const state = YAML.parse(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])) as {
      metadata: unknown;
    };
    expect(state.metadata).toEqual({ foo: 'hello', bar: 42 });
    expect(git(bare, ['log', '-1', '--format=%B', 'main'])).toContain('- stage metadata: foo, bar');
    // The later step saw both, in the same promotion.
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toContain('seen: hello-b');
    // The freight's metadata: one new tag; the freight tag itself is unchanged.
    const records = tags(bare, 'metadata');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatch(
      new RegExp(`^gantry/echo/metadata/${f2.id}/\\d{8}T\\d{9}Z-[0-9a-f]{8}$`),
    );
    expect(git(bare, ['rev-parse', `refs/tags/gantry/echo/freight/${f2.id}`])).toBe(freightTag);
    const doc = git(bare, ['tag', '-l', '--format=%(contents)', records[0] as string]);
    expect(doc.split('\n')[0]).toBe(`metadata baz, qux of freight ${f2.id.slice(0, 7)}`);
    const json = JSON.parse((await cli(['get', 'freight', '-o', 'json'])).out) as {
      freight: { id: string; status: { metadata?: unknown } }[];
    };
    expect(json.freight.find((f) => f.id === f2.id)?.status.metadata).toEqual({
      baz: true,
      qux: ['a', 'b', 'c'],
    });
    expect(json.freight.find((f) => f.id === f1.id)?.status.metadata).toBeUndefined();
  });

  test('verification reads what the promotion set', async () => {
    const r = await cli(['verify', '--stage', 'dev']);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(calls).toContain('/check?foo=hello&qux=a,b,c');
  });

  test("Kargo's complex example, and the next promotion reads what the last one set", async () => {
    const r = await cli(['promote', '--stage', 'staging', '--freight', f2.id]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const values = YAML.parse(git(bare, ['show', 'main:env/staging/values.yaml'])) as Record<
      string,
      unknown
    >;
    expect(values).toMatchObject({
      fromDev: 42,
      baz: true,
      keyed: 'a',
      nested: 'xyz',
      missing: 'none',
      unknownFreight: 'nil',
    });
    const state = YAML.parse(git(bare, ['show', 'main:.gantry/state/echo/staging.yaml'])) as {
      metadata: unknown;
    };
    expect(state.metadata).toEqual({
      foo: {
        nested: 'value',
        numbers: [1, 2, 3],
        items: [
          { name: 'item1', value: 'abc' },
          { name: 'item2', value: 'xyz' },
        ],
      },
      bar: { alpha: 'one', beta: 'two' },
    });
    const stages = JSON.parse((await cli(['get', 'stages', '-o', 'json'])).out) as {
      stages: { name: string; metadata?: unknown }[];
    };
    expect(stages.stages.find((s) => s.name === 'dev')?.metadata).toEqual({
      foo: 'hello',
      bar: 42,
    });
  });

  test('promoting the same freight again keeps the stage metadata and records nothing new', async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const r = await cli(['promote', '--stage', 'dev', '--freight', f2.id]);
    expect(r.code).toBe(0);
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
    // The same values again: a second record, which changes nothing a reader sees.
    const json = JSON.parse((await cli(['get', 'freight', '-o', 'json'])).out) as {
      freight: { id: string; status: { metadata?: unknown } }[];
    };
    expect(json.freight.find((f) => f.id === f2.id)?.status.metadata).toEqual({
      baz: true,
      qux: ['a', 'b', 'c'],
    });
  });

  test('the same freight again with other stage metadata: a commit of the state file alone', async () => {
    const promoteWith = (region: string) =>
      cli(['promote', '--stage', 'regional', '--freight', f2.id], {
        GANTRY_CONFIGMAP_APP__region: region,
      });
    const metadata = () =>
      (
        YAML.parse(git(bare, ['show', 'main:.gantry/state/echo/regional.yaml'])) as {
          metadata: unknown;
        }
      ).metadata;
    expect((await promoteWith('eu-west-1')).code).toBe(0);
    expect(metadata()).toEqual({ region: 'eu-west-1' });
    const first = git(bare, ['rev-parse', 'main']);
    expect((await promoteWith('eu-west-1')).code).toBe(0);
    expect(git(bare, ['rev-parse', 'main'])).toBe(first);
    expect((await promoteWith('us-east-1')).code).toBe(0);
    expect(git(bare, ['rev-parse', 'main'])).not.toBe(first);
    expect(git(bare, ['show', '--name-only', '--format=', 'main']).trim()).toBe(
      '.gantry/state/echo/regional.yaml',
    );
    expect(metadata()).toEqual({ region: 'us-east-1' });
  });

  test("another stage's metadata is refused: only a stage's own promotions write its state file", async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const r = await cli(['promote', '--stage', 'other', '--freight', f2.id]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'set-metadata: stage "dev" is not the stage being promoted (other); gantry keeps a stage\'s metadata in its state file',
    );
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
  });

  test("a secret's value in metadata is refused, and nothing is written", async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const records = tags(bare, 'metadata');
    const r = await cli(['promote', '--stage', 'qa', '--freight', f2.id], {
      GANTRY_SECRET_SLACK__token: 'xoxb-very-secret',
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'set-metadata: updates[0].values.token holds the value of a secret (secret() or sharedSecret()); gantry keeps secrets out of commits, tags, state files and pull requests',
    );
    expect(r.err + r.out).not.toContain('xoxb-very-secret');
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
    expect(tags(bare, 'metadata')).toEqual(records);
  });

  test("Kargo's set-freight-alias example, through a lost push race: one record, the freight tag unchanged, the alias resolves", async () => {
    const freightTag = git(bare, ['rev-parse', `refs/tags/gantry/echo/freight/${f2.id}`]);
    moves = 1;
    moved = 0;
    const { outcome, log } = await promoteIn('production', f2.id);
    expect(moved).toBe(1);
    // The first push lost to the other writer; the second landed.
    expect(outcome.result?.attempts).toBe(2);
    expect(log.filter((l) => l.startsWith('recorded '))).toHaveLength(1);
    expect(outcome.result?.changed).toBe(true);
    expect(outcome.warnings).toEqual([]);
    expect(tags(bare, 'alias')).toHaveLength(1);
    expect(git(bare, ['rev-parse', `refs/tags/gantry/echo/freight/${f2.id}`])).toBe(freightTag);
    const table = (await cli(['get', 'freight'])).out;
    expect(table).toMatch(new RegExp(`${f2.id.slice(0, 7)}\\s+1\\.1\\.0\\s`));
    expect(table).not.toContain('lucky-jaguar');
    // The stages that run it show the new alias too (their state files keep the old one).
    expect((await cli(['get', 'stages'])).out).toMatch(/^production\s+1\.1\.0\s/m);
    // The new alias names the freight everywhere freight is named.
    const r = await cli(['promote', '--stage', 'dev', '--freight', '1.1.0', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`1.1.0 (${f2.id.slice(0, 7)})`);
  });

  test('a promotion that lost its race and ran its steps again records once', async () => {
    moves = 1;
    moved = 0;
    moveFile = () => 'env/production/values.yaml';
    const records = tags(bare, 'alias');
    const { outcome, log } = await promoteIn('production', f1.id);
    expect(moved).toBe(1);
    expect(outcome.result?.attempts).toBe(2);
    expect(outcome.result?.replays ?? 0).toBe(0);
    expect(log.filter((l) => l.startsWith('step 1 (set-freight-alias): done'))).toHaveLength(2);
    expect(tags(bare, 'alias')).toHaveLength(records.length + 1);
    expect(git(bare, ['show', 'main:env/production/values.yaml'])).toBe(
      '# 1\nimage:\n  tag: 1.0.0\n',
    );
    expect((await cli(['get', 'freight'])).out).toMatch(
      new RegExp(`${f1.id.slice(0, 7)}\\s+1\\.0\\.0\\s`),
    );
  });

  test('a promotion that gives up on its races writes no record at all', async () => {
    moves = 100;
    moved = 0;
    // A file the steps read: each attempt runs them again, and the hook moves the branch again.
    moveFile = () => 'env/dev/values.yaml';
    const records = tags(bare, 'metadata');
    const before = git(bare, ['show', 'main:.gantry/state/echo/dev.yaml']);
    await expect(
      promoteIn('dev', f1.id, { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 }),
    ).rejects.toThrow(/kept moving for 2 tries/);
    moves = 0;
    expect(tags(bare, 'metadata')).toEqual(records);
    expect(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])).toBe(before);
  });

  /** Freight whose image has f2's tag: production would give it f2's alias. */
  const f3: Freight = {
    ...makeFreight('1.2.0', { createdAt: '2026-11-01T12:00:00.000Z', alias: 'brave-otter' }),
    images: f2.images,
  };

  test('an alias another freight holds is refused, and nothing is written', async () => {
    await store.recordFreight('echo', f3);
    const before = git(bare, ['rev-parse', 'main']);
    const records = tags(bare, 'alias');
    await expect(promoteIn('production', f3.id)).rejects.toThrow(
      `step 1 (set-freight-alias): set-freight-alias: alias "1.1.0" is already used by freight ${f2.id.slice(0, 7)} in project echo; aliases are unique in a project`,
    );
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
    expect(tags(bare, 'alias')).toEqual(records);
  });

  test('two writers claiming one alias at once: the first claim wins for every reader, the other is told', async () => {
    // This promotion read the project before another writer's claim landed.
    const stale = await store.snapshot('echo');
    const other: FreightNote = {
      kind: 'alias',
      record: {
        project: 'echo',
        freightId: f1.id,
        alias: 'golden',
        recordedAt: new Date().toISOString(),
        recordedBy: 'another job',
      },
    };
    await store.recordNotes([other]);
    const recorder = new PromotionNotesRecorder({
      project: 'echo',
      stage: 'production',
      stages: ['production'],
      snap: stale,
      states: new Map(),
      recordedBy: 'this job',
      now: () => new Date(),
    });
    recorder.setFreightAlias(f3.id, 'golden');
    const problems = await recorder.write(store, () => undefined);
    expect(problems).toEqual([
      `set-freight-alias: alias "golden" went to freight ${f1.id.slice(0, 7)}, which claimed it first; freight ${f3.id.slice(0, 7)} keeps brave-otter`,
    ]);
    const json = JSON.parse((await cli(['get', 'freight', '-o', 'json'])).out) as {
      freight: { id: string; alias: string }[];
    };
    const aliasOf = (id: string) => json.freight.find((f) => f.id === id)?.alias;
    expect([aliasOf(f1.id), aliasOf(f2.id), aliasOf(f3.id)]).toEqual([
      'golden',
      '1.1.0',
      'brave-otter',
    ]);
    // The alias f1 gave up is free again: f3 may take it.
    recorder.setFreightAlias(f3.id, 'brave-otter');
    const again = new PromotionNotesRecorder({
      project: 'echo',
      stage: 'production',
      stages: ['production'],
      snap: await store.snapshot('echo'),
      states: new Map(),
      recordedBy: 'this job',
      now: () => new Date(),
    });
    again.setFreightAlias(f3.id, '1.0.0');
    expect(await again.write(store, () => undefined)).toEqual([]);
    expect(
      (await cli(['promote', '--stage', 'dev', '--freight', '1.0.0', '--dry-run'])).out,
    ).toContain(`1.0.0 (${f3.id.slice(0, 7)})`);
  });
});

describe('set-metadata in a workspace promotion (git-clone … git-push)', () => {
  const tmp = tempDir('gantry-meta-ws-');
  let bare: string;
  const f = makeFreight('2.0.0', { createdAt: '2026-11-01T10:00:00.000Z', alias: 'keen-lynx' });
  const stage = (name: string, before: boolean) => {
    const meta = `
        - uses: set-metadata
          config:
            updates:
              - {kind: Stage, name: '\${{ ctx.stage }}', values: {rendered: '\${{ imageFrom("${IMAGE}").Tag }}'}}
              - {kind: Freight, name: '\${{ ctx.targetFreight.name }}', values: {renderedIn: '\${{ ctx.stage }}'}}`;
    return `  - name: ${name}${direct}
    promotionTemplate:
      steps:
        - uses: git-clone
          config:
            repoURL: file://${bare}
            checkout:
              - {branch: main, path: ./out}
        - uses: yaml-update
          config:
            path: ./out/env/${name}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${IMAGE}").Tag }}'}${before ? meta : ''}
        - uses: git-commit
          config: {path: ./out, message: 'render ${name}'}${before ? '' : meta}
        - uses: git-push
          config: {path: ./out}
`;
  };
  const cli = (args: string[]) =>
    runGantry(
      [...args, '--repo', `file://${bare}`],
      { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), USER: 'alice' },
      () => new Date('2026-11-02T00:00:00Z'),
    );

  beforeAll(async () => {
    bare = join(tmp.path, 'gitops.git');
    createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${IMAGE}}
stages:
${stage('dev', true)}${stage('late', false)}${stage('failing', true)}        - uses: fail
          config: {message: 'after the push'}
`,
      'env/dev/values.yaml': VALUES,
      'env/late/values.yaml': VALUES,
      'env/failing/values.yaml': VALUES,
    });
    await seedFreight(bare, 'echo', [f]);
  });
  afterAll(() => tmp.cleanup());

  test("before git-commit: the stage's metadata rides in the pushed commit's state file; the freight's is a tag", async () => {
    const r = await cli(['promote', '--stage', 'dev']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(
      git(bare, ['show', '--name-only', '--format=', 'main']).trim().split('\n').sort(),
    ).toEqual(['.gantry/state/echo/dev.yaml', 'env/dev/values.yaml']);
    const state = YAML.parse(git(bare, ['show', 'main:.gantry/state/echo/dev.yaml'])) as {
      metadata: unknown;
    };
    expect(state.metadata).toEqual({ rendered: '2.0.0' });
    expect(tags(bare, 'metadata')).toHaveLength(1);
  });

  test('a step that fails after the push: the promotion landed, and so do its freight records', async () => {
    const records = tags(bare, 'metadata');
    const r = await cli(['promote', '--stage', 'failing']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      'fail: failed: after the push (the promotion itself happened before this step',
    );
    expect(tags(bare, 'metadata')).toHaveLength(records.length + 1);
    const state = YAML.parse(git(bare, ['show', 'main:.gantry/state/echo/failing.yaml'])) as {
      metadata: unknown;
    };
    expect(state.metadata).toEqual({ rendered: '2.0.0' });
  });

  test('after git-commit: refused, since the commit that records the promotion is made; nothing pushed', async () => {
    const before = git(bare, ['rev-parse', 'main']);
    const records = tags(bare, 'metadata');
    const r = await cli(['promote', '--stage', 'late']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(
      "set-metadata: stage late: git-commit already wrote the stage's state into its checkout; gantry keeps stage metadata in that state file, so set it before the git-commit of the stage's checkout",
    );
    expect(git(bare, ['rev-parse', 'main'])).toBe(before);
    expect(tags(bare, 'metadata')).toEqual(records);
  });
});

describe('the records of one promotion land together or not at all', () => {
  const tmp = tempDir('gantry-meta-atomic-');
  let bare: string;
  const f = makeFreight('3.0.0', { createdAt: '2026-11-01T10:00:00.000Z', alias: 'wise-heron' });

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', {
      '.gantry/echo.yaml': `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ${IMAGE}}
stages:
  - name: dev${direct}
    promotionTemplate:
      steps:
        - uses: set-freight-alias
          config: {name: '\${{ ctx.targetFreight.name }}', alias: 'release-3'}
        - uses: set-metadata
          config:
            updates:
              - {kind: Freight, name: '\${{ ctx.targetFreight.name }}', values: {ticket: OPS-1}}
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: image.tag, value: '\${{ imageFrom("${IMAGE}").Tag }}'}
`,
      'env/dev/values.yaml': VALUES,
    });
    await seedFreight(bare, 'echo', [f]);
    // The server refuses metadata tags (one ref of the push); the alias beside it must not land.
    writeFileSync(
      join(bare, 'hooks', 'update'),
      '#!/bin/sh\ncase "$1" in refs/tags/gantry/*/metadata/*) echo "metadata tags are protected" >&2; exit 1;; esac\nexit 0\n',
      { mode: 0o755 },
    );
  });
  afterAll(() => tmp.cleanup());

  test('a refused record: the promotion stands, no record of it lands, and the warning says so', async () => {
    const r = await runGantry(
      ['promote', '--stage', 'dev', '--repo', `file://${bare}`],
      { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache'), USER: 'alice' },
      () => new Date('2026-11-02T00:00:00Z'),
    );
    expect(r.code).toBe(0);
    expect(git(bare, ['show', 'main:env/dev/values.yaml'])).toContain('tag: 3.0.0');
    const commit = git(bare, ['rev-parse', '--short=7', 'main']).trim();
    expect(r.err + r.out).toContain(
      `warning: the promotion landed (${commit} on main), but its freight metadata and alias records were not written:`,
    );
    expect(tags(bare, 'alias')).toEqual([]);
    expect(tags(bare, 'metadata')).toEqual([]);
  });
});
