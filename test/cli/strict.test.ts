/**
 * Strict expressions, step schemas and Kargo's yaml-update semantics, through the command line
 * on real git repositories: `gantry lint` finds the mistake with its line and column before
 * anything runs, and `gantry promote` (dry run or not) refuses what lint could not know, with
 * nothing committed.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';
import { seedFreight } from '../support/seed-freight.js';

const APP = 'https://github.com/acme/app';
const NOW = new Date('2026-11-03T12:00:00Z');

const VALUES = `image:
  repository: ghcr.io/acme/app
  tag: v1.1.0
replicas: 1
`;

const SETTINGS = `{
  "image": {"tag": "v1.1.0", "pull": {"policy": "IfNotPresent"}},
  "replicas": 1
}
`;

/** A project whose dev stage runs `steps` (YAML lines at the steps' indentation). */
function project(steps: string, extra = ''): string {
  return `project: app
warehouses:
  - name: app
    subscriptions:
      - git: {repoURL: ${APP}}
  # No freight is ever recorded from this one: imageFrom() of its image is nil.
  - name: images
    subscriptions:
      - image: {repoURL: ghcr.io/acme/none}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: app}
        sources: {direct: true}
      - origin: {kind: Warehouse, name: images}
        sources: {direct: true}
    promotionTemplate:
      vars:
        - {name: app, value: ${APP}}
      steps:
${steps}${extra}`;
}

const freight: Freight = {
  ...makeFreight('v1.2.0', { warehouse: 'app', createdAt: '2026-11-03T09:00:00.000Z' }),
  images: [],
  commits: [{ repoURL: APP, id: 'a'.repeat(40), tag: 'v1.2.0' }],
};

const tmp = tempDir('gantry-strict-');
afterAll(() => tmp.cleanup());
const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
let n = 0;

/** A GitOps repository holding `projectText`, the values files, and one freight. */
async function gitops(projectText: string): Promise<string> {
  const name = `gitops-${++n}`;
  const bare = createBareRepo(tmp.path, name, {
    '.gantry/app.yaml': projectText,
    'env/dev/values.yaml': VALUES,
    'env/dev/settings.json': SETTINGS,
  });
  await seedFreight(bare, 'app', [freight], { now: new Date('2026-11-03T10:00:00Z') });
  return bare;
}

const cli = (args: string[]) => runGantry(args, env, () => NOW);
const lint = (bare: string) => cli(['lint', '--repo', `file://${bare}`]);
const promote = (bare: string, ...more: string[]) =>
  cli(['promote', '--stage', 'dev', '--repo', `file://${bare}`, '--by', 'tester', ...more]);
const head = (bare: string) => git(bare, ['rev-parse', 'main'], env).trim();
const show = (bare: string, path: string) => git(bare, ['show', `main:${path}`], env);

/** 1-based line and column of `needle` in `text` (the `at`-th occurrence). */
function where(text: string, needle: string, at = 1): string {
  let i = -1;
  for (let k = 0; k < at; k++) i = text.indexOf(needle, i + 1);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return `${line}:${i - before.lastIndexOf('\n')}`;
}

const yamlUpdate = (key: string, value: string, more = '') => `        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates:
              - {key: ${key}, value: '${value}'${more}}
`;

describe('strict expressions', () => {
  const typo = project(yamlUpdate('image.tag', '${{ commitFrom(vars.app).Tga }}'));

  test('lint reports a field the struct does not have, at its line and column', async () => {
    const bare = await gitops(typo);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `.gantry/app.yaml:${where(typo, 'Tga')}: stages[0].promotionTemplate.steps[0].config.updates[0].value: type GitCommit has no field Tga (did you mean "Tag"?) (fields: RepoURL, ID, Branch, Tag, Message, Author, Committer) in \${{ commitFrom(vars.app).Tga }}\n`,
    );
  });

  test.each([[['--dry-run']], [[]]])(
    'promote %j fails on the typo and commits nothing',
    async (more) => {
      const bare = await gitops(typo);
      const before = head(bare);
      const r = await promote(bare, ...more);
      expect(r.code).toBe(2);
      expect(r.err).toContain('type GitCommit has no field Tga (did you mean "Tag"?)');
      expect(r.out).not.toContain('null');
      expect(head(bare)).toBe(before);
      expect(show(bare, 'env/dev/values.yaml')).toBe(VALUES);
    },
  );

  test('a field lint cannot see is still an error when the promotion runs', async () => {
    // get() hides the struct from the checker: only the run can tell.
    const text = project(
      yamlUpdate('image.tag', '${{ get({"c": commitFrom(vars.app)}, "c").Tga }}'),
    );
    const bare = await gitops(text);
    expect((await lint(bare)).code).toBe(0);
    const before = head(bare);
    const r = await promote(bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain('type GitCommit has no field Tga');
    expect(head(bare)).toBe(before);
  });

  test('?. and ?? still work for nil, and the right field promotes', async () => {
    const text = project(
      yamlUpdate(
        'image.tag',
        '${{ imageFrom("ghcr.io/acme/none")?.Tag ?? commitFrom(vars.app).Tag }}',
      ),
    );
    const bare = await gitops(text);
    expect(await lint(bare)).toMatchObject({ code: 0, out: '' });
    const r = await promote(bare);
    expect(r.code).toBe(0);
    expect(show(bare, 'env/dev/values.yaml')).toBe(VALUES.replace('tag: v1.1.0', 'tag: v1.2.0'));
  });

  test('lint reports syntax errors, unknown functions, argument counts, vars and outputs', async () => {
    const text = project(
      [
        '        - uses: compose-output',
        '          as: facts',
        "          config: {tag: '${{ commitFrom(vars.app).Tag }}'}",
        '        - uses: yaml-update',
        '          if: \'${{ outputs.fact.tag != "" }}\'',
        '          vars:',
        "            - {name: tag, value: '${{ outputs.facts.tag }}'}",
        '          config:',
        '            path: env/dev/values.yaml',
        '            updates:',
        "              - {key: image.tag, value: '${{ vars.tga }}'}",
        "              - {key: image.repository, value: '${{ upper(vars.app }}'}",
        "              - {key: replicas, value: '${{ lenn(vars.app) + semverDiff(vars.tag) }}'}",
        '',
      ].join('\n'),
    );
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    const at = (needle: string) => `.gantry/app.yaml:${where(text, needle)}: `;
    const steps = 'stages[0].promotionTemplate.steps[1]';
    expect(r.out.trim().split('\n')).toEqual([
      `${at('fact.tag')}${steps}.if: no earlier step has the alias "fact" (did you mean "facts"?) (earlier steps: facts) in \${{ outputs.fact.tag != "" }}`,
      `${at('tga')}${steps}.config.updates[0].value: unknown var "tga" (did you mean "tag"?) (vars here: app, tag) in \${{ vars.tga }}`,
      `${at("}}'}\n              - {key: replicas")}${steps}.config.updates[1].value: unexpected end of expression in \${{ upper(vars.app }}`,
      `${at('lenn')}${steps}.config.updates[2].value: unknown function lenn() (did you mean "len"?) in \${{ lenn(vars.app) + semverDiff(vars.tag) }}`,
      `${at('semverDiff')}${steps}.config.updates[2].value: semverDiff(): expected 2 arguments, got 1 in \${{ lenn(vars.app) + semverDiff(vars.tag) }}`,
    ]);
  });

  test('lint finds freight lookups that can only return nil: an unknown repository or warehouse', async () => {
    const value = '${{ commitFrom("https://github.com/acme/ap", warehouse("ap")).Tag }}';
    const text = project(
      yamlUpdate('image.tag', value) +
        yamlUpdate('image.repository', '${{ commitFrom("https://github.com/acme/app.git").ID }}'),
    );
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    const at = '.gantry/app.yaml:';
    const field = 'stages[0].promotionTemplate.steps[0].config.updates[0].value';
    expect(r.out.trim().split('\n')).toEqual([
      `${at}${where(text, 'commitFrom("https://github.com/acme/ap"')}: ${field}: no warehouse stage "dev" requests freight from subscribes to the git repository "https://github.com/acme/ap" (did you mean "${APP}"?), so commitFrom() would return nil (git repositories: ${APP}) in ${value}`,
      `${at}${where(text, 'warehouse("ap")')}: ${field}: stage "dev" requests no freight from warehouse "ap" (did you mean "app"?) (it requests: app, images) in ${value}`,
    ]);
  });

  test('lint reports an expression that is never closed', async () => {
    const text = project(yamlUpdate('image.tag', 'v${{ vars.app'));
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `.gantry/app.yaml:${where(text, " vars.app'")}: stages[0].promotionTemplate.steps[0].config.updates[0].value: unclosed expression: no closing delimiter for \${{ in \${{ vars.app }}\n`,
    );
  });

  test('lint checks verification templates against their own environment', async () => {
    const text = project(
      yamlUpdate('image.tag', '${{ commitFrom(vars.app).Tag }}'),
      [
        '    verification:',
        '      - name: running',
        '        successCondition: result.freight == "${{ ctx.freight.alais }}"',
        '        provider:',
        "          web: {url: 'http://127.0.0.1:1/${{ ctx.targetFreight.name }}'}",
        '',
      ].join('\n'),
    );
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n');
    expect(lines).toEqual([
      `.gantry/app.yaml:${where(text, 'alais')}: stages[0].verification[0].successCondition: type freight has no field alais (did you mean "alias"?) (fields: id, alias) in \${{ ctx.freight.alais }}`,
      `.gantry/app.yaml:${where(text, 'targetFreight')}: stages[0].verification[0].provider.web.url: type ctx has no field targetFreight (fields: project, stage, freight, commit) in \${{ ctx.targetFreight.name }}`,
    ]);
  });
});

describe('step configs checked by schema', () => {
  test('an unknown field is caught by lint with a did-you-mean, at its line', async () => {
    const text = project(`        - uses: yaml-update
          config:
            pth: env/dev/values.yaml
            updates:
              - {key: image.tag, value: v1, creat: true}
        - uses: kustomize-set-image
          config:
            path: '\${{ vars.app }}'
            images: [{image: app, useDigest: 'yes'}]
`);
    const bare = await gitops(text);
    const r = await lint(bare);
    expect(r.code).toBe(2);
    const s = 'stages[0].promotionTemplate.steps';
    expect(r.out.trim().split('\n')).toEqual([
      // Not also `missing required field "path"`: the misspelling is the one problem.
      `.gantry/app.yaml:${where(text, 'pth')}: ${s}[0].config.pth: yaml-update: unknown field "pth" (did you mean "path"?)`,
      `.gantry/app.yaml:${where(text, 'creat')}: ${s}[0].config.updates[0].creat: yaml-update: unknown field "creat" (did you mean "create"?)`,
      `.gantry/app.yaml:${where(text, "'yes'")}: ${s}[1].config.images[0].useDigest: kustomize-set-image: expected true or false, got the string "yes" (write true)`,
    ]);
  });
});

describe("yaml-update: Kargo's semantics", () => {
  test('a missing key fails, names the key and the file, and commits nothing', async () => {
    const bare = await gitops(project(yamlUpdate('image.tga', 'v1.2.0')));
    const before = head(bare);
    const r = await promote(bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain('env/dev/values.yaml: yaml-update failed');
    expect(r.err).toContain(
      'env/dev/values.yaml:2:3: image.tga: key path not found: there is no key "tga" under "image" (did you mean "tag"?)',
    );
    expect(head(bare)).toBe(before);
  });

  test('create: true adds the key on purpose', async () => {
    const bare = await gitops(project(yamlUpdate('image.pullPolicy', 'Always', ', create: true')));
    const r = await promote(bare);
    expect(r.code).toBe(0);
    expect(show(bare, 'env/dev/values.yaml')).toBe(
      VALUES.replace('  tag: v1.1.0\n', '  tag: v1.1.0\n  pullPolicy: Always\n'),
    );
  });

  test('a key that holds a mapping is not replaced', async () => {
    const bare = await gitops(project(yamlUpdate('image', 'v1.2.0')));
    const before = head(bare);
    const r = await promote(bare, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'env/dev/values.yaml:1:1: image: key path does not address a scalar node: it holds a mapping (keys: repository, tag)',
    );
    expect(head(bare)).toBe(before);
  });

  test('null or "" over a value is refused, naming the key and the expression', async () => {
    const value = '${{ imageFrom("ghcr.io/acme/none")?.Tag }}';
    const bare = await gitops(project(yamlUpdate('image.tag', value)));
    expect((await lint(bare)).code).toBe(0);
    const before = head(bare);
    const r = await promote(bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `yaml-update: updates[0]: key "image.tag" in env/dev/values.yaml would become null (it holds "v1.1.0"); the value comes from ${value}. Fix the expression, or set allowEmpty: true`,
    );
    expect(head(bare)).toBe(before);

    const allowed = await gitops(project(yamlUpdate('image.tag', value, ', allowEmpty: true')));
    expect(await promote(allowed)).toMatchObject({ code: 0 });
    expect(show(allowed, 'env/dev/values.yaml')).toContain('  tag: null\n');
  });
});

describe("json-update: Kargo's documented behaviour", () => {
  const jsonUpdate = (key: string, value: string) => `        - uses: json-update
          config:
            path: env/dev/settings.json
            updates:
              - {key: ${key}, value: ${value}}
`;

  test('a scalar is set in place; a missing key is created (sjson)', async () => {
    const bare = await gitops(
      project(
        jsonUpdate('image.tag', "'${{ commitFrom(vars.app).Tag }}'") +
          jsonUpdate('image.digest', 'sha256:00'),
      ),
    );
    const r = await promote(bare);
    expect(r.code).toBe(0);
    expect(show(bare, 'env/dev/settings.json')).toBe(
      SETTINGS.replace('"v1.1.0"', '"v1.2.0"').replace(
        '"IfNotPresent"}}',
        '"IfNotPresent"}, "digest": "sha256:00"}',
      ),
    );
  });

  test('an object is not overwritten, and a non-scalar value is refused', async () => {
    const bare = await gitops(project(jsonUpdate('image.pull', 'Always')));
    const before = head(bare);
    const r = await promote(bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'json-update: key "image.pull": the value there is an object (keys: policy), not a scalar; json-update updates scalar values only',
    );
    expect(head(bare)).toBe(before);

    const list = await gitops(project(jsonUpdate('replicas', "'${{ [1, 2] }}'")));
    const r2 = await promote(list);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('value for key "replicas" is not a scalar type');
  });
});
