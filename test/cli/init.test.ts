import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { makeFreight } from '../support/freight.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { seedFreight } from '../support/seed-freight.js';
import { parseGitHubWorkflow } from '../unit/init/workflow-parser.js';
import { runGantry } from '../support/cli.js';

const FILES = [
  '.gantry/echo.yaml',
  '.github/workflows/gantry-discover.yml',
  '.github/workflows/gantry-promote.yml',
  'env/dev/values.yaml',
  'env/staging/values.yaml',
  'env/prod/values.yaml',
];

describe('gantry init', () => {
  const tmp = tempDir();
  const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
  afterAll(() => tmp.cleanup());

  const cli = (args: string[]) => runGantry(args, env, () => new Date('2026-11-02T00:00:00Z'));

  /** A fresh clone-like repository whose origin is on github.com. */
  function repo(name: string): string {
    const dir = join(tmp.path, name);
    mkdirSync(dir, { recursive: true });
    git(dir, ['init', '-q', '-b', 'main'], env);
    git(dir, ['remote', 'add', 'origin', 'git@github.com:acme/gitops.git'], env);
    return dir;
  }

  const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

  test('writes the project, the workflows and the values files, and says what comes next', async () => {
    const dir = repo('fresh');
    const r = await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of FILES) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(r.out).toMatch(new RegExp(`^wrote {2}${f.replace(/\./g, '\\.')} `, 'm'));
    }
    expect(r.out).toContain('Next steps:');
    expect(r.out).toContain(`git -C ${dir} add ${FILES.join(' ')}`);
    expect(r.out).toContain(
      'Settings → Environments → New environment "prod" → Required reviewers',
    );
    expect(r.out).toContain('gh workflow run gantry-discover.yml');
    // The origin names the repository, so the ping in the comments is ready to copy.
    expect(read(dir, '.github/workflows/gantry-discover.yml')).toContain(
      'gh api repos/acme/gitops/dispatches -f event_type=gantry-discover',
    );
    for (const wf of ['gantry-discover.yml', 'gantry-promote.yml']) {
      const parsed = await parseGitHubWorkflow(wf, read(dir, `.github/workflows/${wf}`));
      expect(parsed.errors).toEqual([]);
    }
    const lint = await cli(['lint', '--repo', dir]);
    // github.com cannot be reached from the tests: the files are linted, the state tags not.
    expect(lint.err).toMatch(
      /^ok: 1 project \(echo\)\nwarning: could not check the state tags of echo at git@github\.com:acme\/gitops\.git: /,
    );
    expect(lint.code).toBe(0);
  });

  test('lint sees the promote workflow: the generated one follows the project, a hand-edited one that drifted is named in both files', async () => {
    const dir = repo('drift');
    expect((await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo'])).code).toBe(0);
    // The team gives production an environment of its own, as the README's example does.
    const projectPath = join(dir, '.gantry/echo.yaml');
    const project = read(dir, '.gantry/echo.yaml').replace(
      /^( {2}- name: prod\n)/m,
      '$1    environment: production\n',
    );
    expect(project).toContain('environment: production');
    writeFileSync(projectPath, project);
    const envLine = project.split('\n').indexOf('    environment: production') + 1;
    // The workflow gantry init wrote takes the environment from the project: nothing to edit.
    const clean = await cli(['lint', '--repo', dir]);
    expect(clean.code).toBe(0);
    expect(clean.err).toMatch(/^ok: 1 project \(echo\)\n/);

    // By hand, the job goes back to running under the stage's name: prod, not production.
    const wfPath = join(dir, '.github/workflows/gantry-promote.yml');
    const wf = read(dir, '.github/workflows/gantry-promote.yml').replace(
      'environment: ${{ needs.environment.outputs.name }}',
      'environment: ${{ inputs.stage }}',
    );
    writeFileSync(wfPath, wf);
    const wfLine =
      wf.split('\n').findIndex((l) => l.includes('environment: ${{ inputs.stage }}')) + 1;
    const drift = await cli(['lint', '--repo', dir]);
    expect(drift.code).toBe(2);
    expect(drift.out).toContain(
      `.github/workflows/gantry-promote.yml:${wfLine}:18: job promote promotes stage prod of echo under environment prod, but .gantry/echo.yaml:${envLine} names environment production`,
    );
    expect(drift.err).toBe('gantry: 1 problem in the project and workflow files\n');

    // A stage added to the project and not to the workflow's choices.
    writeFileSync(
      wfPath,
      read(dir, '.github/workflows/gantry-promote.yml').replace(
        'options: [dev, staging, prod]',
        'options: [dev, prod]',
      ),
    );
    const choices = await cli(['lint', '--repo', dir]);
    expect(choices.out).toContain(
      'the stage choices ["dev","prod"] are not the stages of .gantry/echo.yaml:',
    );
    expect(choices.out).toContain('missing staging');
  });

  test('refuses to overwrite without --force and then writes nothing at all; --force overwrites but keeps values files', async () => {
    const dir = repo('again');
    expect((await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo'])).code).toBe(0);
    writeFileSync(join(dir, '.github/workflows/gantry-promote.yml'), 'name: mine\n');
    writeFileSync(join(dir, 'env/dev/values.yaml'), 'image:\n  tag: 1.2.3 # mine\n');
    rmSync(join(dir, '.github/workflows/gantry-discover.yml'));
    rmSync(join(dir, 'env/prod/values.yaml'));

    const refused = await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo']);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toBe(
      [
        'gantry: nothing was written: these files exist:',
        '  .gantry/echo.yaml',
        '  .github/workflows/gantry-promote.yml',
        'Run again with --force to overwrite them; existing values files are never overwritten.',
        '',
      ].join('\n'),
    );
    // Not a partial set: the missing files are still missing.
    expect(existsSync(join(dir, '.github/workflows/gantry-discover.yml'))).toBe(false);
    expect(existsSync(join(dir, 'env/prod/values.yaml'))).toBe(false);
    expect(read(dir, '.github/workflows/gantry-promote.yml')).toBe('name: mine\n');

    const forced = await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo', '--force']);
    expect(forced.err).toBe('');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^overwrote {2}\.gantry\/echo\.yaml /m);
    expect(forced.out).toMatch(/^overwrote {2}\.github\/workflows\/gantry-promote\.yml /m);
    expect(forced.out).toMatch(/^wrote {2}\.github\/workflows\/gantry-discover\.yml /m);
    expect(forced.out).toMatch(/^wrote {2}env\/prod\/values\.yaml /m);
    expect(forced.out).toContain(
      'kept   env/dev/values.yaml (it exists; promotions set image.tag in it)',
    );
    expect(read(dir, '.github/workflows/gantry-promote.yml')).toContain('name: gantry promote');
    expect(read(dir, 'env/dev/values.yaml')).toBe('image:\n  tag: 1.2.3 # mine\n');
  });

  test('a second project: workflows init wrote and nobody edited are rewritten for both without --force; an edited one needs it', async () => {
    const dir = repo('two');
    expect((await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo'])).code).toBe(0);
    const api = [
      'init',
      '--dir',
      dir,
      '--image',
      'ghcr.io/acme/api',
      '--stages',
      'dev,prod',
      '--values-path',
      'api/{stage}.yaml',
    ];
    const added = await cli(api);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^wrote {2}\.gantry\/api\.yaml /m);
    expect(added.out).toMatch(/^updated {2}\.github\/workflows\/gantry-discover\.yml /m);
    expect(added.out).toMatch(
      /^updated {2}\.github\/workflows\/gantry-promote\.yml .*\(projects api, echo\)$/m,
    );
    const promote = parse(read(dir, '.github/workflows/gantry-promote.yml')) as {
      on: { workflow_dispatch: { inputs: Record<string, { options?: string[] }> } };
    };
    expect(promote.on.workflow_dispatch.inputs.project?.options).toEqual(['api', 'echo']);
    expect(promote.on.workflow_dispatch.inputs.stage?.options).toEqual(['dev', 'prod', 'staging']);
    // Two projects: discovery is the matrix workflow, one job per project listed by a first job.
    expect(read(dir, '.github/workflows/gantry-discover.yml')).toContain('matrix');
    expect(read(dir, '.gantry/echo.yaml')).toContain('project: echo'); // untouched
    expect((await cli(['lint', '--repo', dir])).code).toBe(0);

    // A third project, after someone edited the promote workflow: that edit is never lost silently.
    const wf = join(dir, '.github/workflows/gantry-promote.yml');
    const edited = read(dir, '.github/workflows/gantry-promote.yml') + '# ours\n';
    writeFileSync(wf, edited);
    const web = ['init', '--dir', dir, '--image', 'ghcr.io/acme/web', '--stages', 'dev,prod'];
    web.push('--values-path', 'web/{stage}.yaml');
    const refused = await cli(web);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('  .github/workflows/gantry-promote.yml\n');
    expect(refused.err).not.toContain('gantry-discover.yml');
    expect(refused.err).toContain(
      '(the workflows are then written for the projects api, echo, web)',
    );
    expect(read(dir, '.github/workflows/gantry-promote.yml')).toBe(edited);
    expect(existsSync(join(dir, '.gantry/web.yaml'))).toBe(false);
    const forced = await cli([...web, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^overwrote {2}\.github\/workflows\/gantry-promote\.yml /m);
    expect(forced.out).toMatch(/^updated {2}\.github\/workflows\/gantry-discover\.yml /m);
    expect((await cli(['lint', '--repo', dir])).code).toBe(0);
  });

  test.each([
    [
      'an image with a tag',
      ['--image', 'ghcr.io/acme/echo:1.0'],
      'gantry: --image "ghcr.io/acme/echo:1.0" names the tag "1.0"; gantry watches the repository and picks new tags itself (SemVer by default): --image ghcr.io/acme/echo\n',
    ],
    [
      'a bad stage name',
      ['--image', 'ghcr.io/acme/echo', '--stages', 'dev,Staging,prod'],
      `gantry: --stages: stage name "Staging" must be a lowercase DNS label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters (it names git tags and the GitHub environment); try "staging"\n`,
    ],
    [
      'no image',
      [],
      /^gantry: init needs --image: .*\n {2}gantry init --image ghcr\.io\/acme\/echo /,
    ],
    [
      'a values path shared by every stage',
      ['--image', 'ghcr.io/acme/echo', '--values-path', 'values.yaml'],
      /has no \{stage\}/,
    ],
    [
      'a misspelled flag',
      ['--imag', 'x'],
      /^gantry init: unknown option --imag \(did you mean --image\?\)\n/,
    ],
  ])('explains %s, exit 2, and writes nothing', async (_, args, want) => {
    const dir = repo(`bad-${Math.random().toString(36).slice(2)}`);
    const r = await cli(['init', '--dir', dir, ...args]);
    expect(r.code).toBe(2);
    if (typeof want === 'string') expect(r.err).toBe(want);
    else expect(r.err).toMatch(want);
    expect(existsSync(join(dir, '.gantry'))).toBe(false);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  test('prints what docs/init.md shows', async () => {
    const dir = repo('docs');
    mkdirSync(join(dir, 'env/staging'), { recursive: true });
    writeFileSync(join(dir, 'env/staging/values.yaml'), 'image:\n  tag: 1.0.0\n');
    const r = await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo']);
    expect(r.code).toBe(0);
    const shown = r.out.replaceAll(`git -C ${dir}`, 'git').replaceAll(` --repo ${dir}`, '');
    const doc = readFileSync(join(import.meta.dirname, '../../docs/init.md'), 'utf8');
    const block = /```console\n\$ gantry init --image ghcr\.io\/acme\/echo\n([\s\S]*?)```/.exec(
      doc,
    );
    expect(block?.[1]).toBe(shown);
  });

  test('wants the root of the repository, and a directory that exists', async () => {
    const dir = repo('nested');
    mkdirSync(join(dir, 'apps'));
    const nested = await cli(['init', '--dir', join(dir, 'apps'), '--image', 'ghcr.io/acme/echo']);
    expect(nested.code).toBe(2);
    expect(nested.err).toContain(`is inside the git repository ${dir}, not its root`);
    expect(existsSync(join(dir, 'apps', '.gantry'))).toBe(false);
    const missing = await cli([
      'init',
      '--dir',
      join(tmp.path, 'nope'),
      '--image',
      'ghcr.io/acme/echo',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
  });

  test('in a directory that is not a git repository yet, says to make it one', async () => {
    const dir = join(tmp.path, 'plain');
    mkdirSync(dir);
    const r = await cli(['init', '--dir', dir, '--image', 'ghcr.io/acme/echo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Make this directory a clone of your GitOps repository');
    expect(read(dir, '.github/workflows/gantry-discover.yml')).toContain(
      'repos/OWNER/REPO/dispatches',
    );
    // Lint reads the files before there is a repository (no state to check yet).
    const lint = await cli(['lint', '--repo', dir]);
    expect(lint).toMatchObject({ code: 0, err: 'ok: 1 project (echo)\n' });
    writeFileSync(join(dir, '.gantry/echo.yaml'), 'project: echo\nstages: 3\n');
    const bad = await cli(['lint', '--repo', dir]);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/^\.gantry\/echo\.yaml:2:\d+: stages/m);
  });
});

describe('a project gantry init wrote, promoted for real', () => {
  const tmp = tempDir();
  const env = {
    ...testGitEnv(tmp.path),
    GANTRY_CACHE_DIR: join(tmp.path, 'cache'),
    USER: 'alice',
  };
  let bare: string;
  let clone: string;
  const f1 = makeFreight('1.4.2', { createdAt: '2026-11-01T10:00:00.000Z' });

  const cli = (args: string[]) => runGantry(args, env, () => new Date('2026-11-02T00:00:00Z'));

  function onMain(path: string): string {
    return git(bare, ['show', `main:${path}`], env);
  }

  beforeAll(async () => {
    bare = createBareRepo(tmp.path, 'gitops', { 'README.md': '# gitops\n' });
    clone = join(tmp.path, 'clone');
    git(tmp.path, ['clone', '-q', bare, clone], env);
    const init = await cli([
      'init',
      '--dir',
      clone,
      '--image',
      'ghcr.io/acme/echo',
      '--stages',
      'qa,prod',
      '--values-path',
      'apps/echo/{stage}.yaml',
    ]);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    git(clone, ['add', '.gantry', '.github', 'apps'], env);
    git(clone, ['commit', '-q', '-m', 'gantry: promote echo through qa, prod'], env);
    git(clone, ['push', '-q', 'origin', 'main'], env);
    await seedFreight(bare, 'echo', [f1]);
  });
  afterAll(() => tmp.cleanup());

  test('promote qa sets image.tag in apps/echo/qa.yaml; verify qa; then prod takes it', async () => {
    const repo = ['--repo', `file://${bare}`];
    const qa = await cli(['promote', '--stage', 'qa', ...repo]);
    expect(qa.err).toBe('');
    expect(qa.code).toBe(0);
    expect(qa.out).toMatch(/^step 1 \(yaml-update\): done\npromoted alias-1-4-2/);
    expect(parse(onMain('apps/echo/qa.yaml'))).toEqual({
      image: { repository: 'ghcr.io/acme/echo', tag: '1.4.2' },
    });
    // Only the value changed: the comment on it is still there.
    expect(onMain('apps/echo/qa.yaml')).toContain('tag: 1.4.2 # set by gantry');
    expect(onMain('apps/echo/prod.yaml')).toContain('tag: 0.0.0');

    const early = await cli(['promote', '--stage', 'prod', ...repo]);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/not verified in qa|no freight/);

    const verified = await cli(['verify', '--stage', 'qa', ...repo]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('verified alias-1-4-2');

    const prod = await cli(['promote', '--stage', 'prod', ...repo]);
    expect(prod.code).toBe(0);
    expect(prod.out).toContain('promoted alias-1-4-2');
    expect(parse(onMain('apps/echo/prod.yaml'))).toMatchObject({ image: { tag: '1.4.2' } });
  });
});
