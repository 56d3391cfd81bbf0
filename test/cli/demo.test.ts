import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tempDir, testGitEnv } from '../support/repos.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/**
 * The README's first command, run as a user runs it: `npm run demo` is `node dist/cli/index.js
 * demo`, the committed bundle (rebuilt with `npm run bundle`). GANTRY_DEMO_CLI names another
 * entry point while the demo changes: `src/cli/main.ts` (run with tsx) or a bundle built
 * elsewhere with `node scripts/bundle.mjs --out DIR` (then DIR/cli/index.js).
 */
const entry = process.env.GANTRY_DEMO_CLI || 'dist/cli/index.js';
const command = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];

/** The section of the demo's output under the heading that starts with `title`. */
function section(out: string, title: string): string {
  const start = out.indexOf(`\n## ${title}`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = out.indexOf('\n## ', start + 1);
  return out.slice(start, end < 0 ? undefined : end);
}

/** The rows of the last `gantry get stages` table in `text`, by stage. */
function stages(text: string): Record<string, string[]> {
  const at = text.lastIndexOf('$ gantry get stages\n');
  expect(at, 'a stage table').toBeGreaterThanOrEqual(0);
  const lines = text.slice(at).split('\n').slice(1);
  expect(lines[0]).toMatch(/^NAME +FREIGHT +ID +VERIFIED +SINCE +BY$/);
  const rows: Record<string, string[]> = {};
  for (const line of lines.slice(1)) {
    if (!line.trim()) break;
    const cells = line.split(/ {2,}/).map((c) => c.trim());
    rows[cells[0] ?? ''] = cells.slice(1);
  }
  return rows;
}

test('gantry demo runs discover, promote, verify and approve over a world of its own', () => {
  const home = join(tmp.path, 'home');
  const tmpdir = join(tmp.path, 'tmp');
  mkdirSync(home);
  mkdirSync(tmpdir);
  const dir = join(tmp.path, 'demo');
  const started = Date.now();
  const r = spawnSync(process.execPath, [...command, 'demo', '--dir', dir], {
    env: { ...testGitEnv(home), TMPDIR: tmpdir },
    encoding: 'utf8',
    // The demo stops its services at the end; a process that does not exit fails here.
    timeout: 120_000,
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`gantry demo took ${seconds.toFixed(1)} s`);
  expect(r.error).toBeUndefined();
  expect(r.stderr).not.toContain('unexpected error');
  expect(r.status, r.stderr).toBe(0);
  expect(seconds).toBeLessThan(60);
  const out = r.stdout;

  // The world: an app repo with releases as tags, a GitOps repo, a service per stage.
  const world = section(out, 'A world on this machine');
  expect(world).toContain('(releases: v1.0.0, v1.1.0)');
  expect(world).toMatch(/^service dev +http:\/\/127\.0\.0\.1:\d+\/ /m);
  expect(world).toMatch(/^service prod +http:\/\/127\.0\.0\.1:\d+\/ /m);

  expect(r.stderr).toContain('ok: 1 project (echo)');
  expect(stages(section(out, 'Check the project file'))).toEqual({
    dev: ['-', '-', '-', '-', '-'],
    staging: ['-', '-', '-', '-', '-'],
    prod: ['-', '-', '-', '-', '-'],
  });

  // discover picks the newest release by SemVer over the app's tags.
  const discover = section(out, 'Discover');
  expect(discover).toMatch(/^git +file:\/\/\S+\/app +SemVer +v1\.1\.0 +v1\.1\.0, v1\.0\.0$/m);
  const alias = /^freight ([a-z]+-[a-z]+) \([0-9a-f]{7}\) new$/m.exec(discover)?.[1] ?? '';
  expect(alias).not.toBe('');
  expect(discover).toContain(`due: promote ${alias} (`);

  const dev = section(out, 'Promote into dev');
  expect(dev).toMatch(/promoted \S+ \([0-9a-f]{7}\) into dev: commit [0-9a-f]{7} on main/);
  expect(dev).toContain('env/dev/values.yaml: image.tag v0.9.0 → v1.1.0');
  expect(stages(dev).dev).toEqual([
    alias,
    expect.stringMatching(/^[0-9a-f]{7}$/),
    'no',
    expect.any(String),
    'gantry demo',
  ]);
  expect(stages(dev).staging?.[0]).toBe('-');

  // Verification asks the stage's service, which reports what the values file says.
  const verifyDev = section(out, 'Verify dev');
  expect(verifyDev).toContain(`verified ${alias} (`);
  expect(verifyDev).toContain(`"version":"v1.1.0","freight":"${alias}","healthy":true`);
  expect(verifyDev).toMatch(new RegExp(`^next: staging: ${alias} \\([0-9a-f]{7}\\) is due$`, 'm'));
  expect(stages(verifyDev).dev?.[2]).toBe('yes');

  const staging = section(out, 'Promote into staging');
  expect(staging).toContain(`verified ${alias} (`);
  expect(staging).toMatch(/^next: prod: \S+ \([0-9a-f]{7}\) not due: needs 1h of soak time/m);
  expect(stages(staging).staging?.slice(0, 3)).toEqual([alias, expect.any(String), 'yes']);
  expect(stages(staging).prod?.[0]).toBe('-');

  // Production refuses: an hour of soak in staging first (the reason is on stderr).
  const waits = section(out, 'Production waits');
  expect(waits).toContain('$ gantry promote --stage prod\n');
  expect(waits).toContain('(exit 1: the expected refusal; nothing was committed)');
  expect(r.stderr).toMatch(
    new RegExp(
      `^gantry: no freight is available to prod; the newest, ${alias} \\([0-9a-f]{7}\\): needs 1h of soak time in staging`,
      'm',
    ),
  );
  expect(stages(waits).prod).toEqual(['-', '-', '-', '-', '-']);

  // An approval lets it through.
  const approved = section(out, 'A person approves it');
  expect(approved).toContain(`approved: ${alias} (`);
  expect(approved).toMatch(/promoted \S+ \([0-9a-f]{7}\) into prod: commit [0-9a-f]{7} on main/);
  expect(approved).toContain(`"stage":"prod","version":"v1.1.0"`);
  expect(stages(approved).prod?.slice(0, 3)).toEqual([alias, expect.any(String), 'yes']);

  // A new release goes to dev, and only dev.
  const next = section(out, 'A new release, v1.2.0');
  expect(next).toMatch(/^git +file:\/\/\S+\/app +SemVer +v1\.2\.0 +v1\.2\.0, v1\.1\.0, v1\.0\.0$/m);
  expect(next).toContain('env/dev/values.yaml: image.tag v1.1.0 → v1.2.0');
  expect(next).toContain('"stage":"dev","version":"v1.2.0"');
  const end = stages(next);
  const newer = end.dev?.[0] ?? '';
  expect(newer).not.toBe(alias);
  expect(end.dev?.[2]).toBe('yes');
  expect(end.staging?.[0]).toBe(alias);
  expect(end.prod?.[0]).toBe(alias);

  const freight = section(out, 'Where each freight has been');
  expect(freight).toMatch(
    new RegExp(`^[0-9a-f]{7} +${newer} +echo +app#v1\\.2\\.0 +\\S+ +dev✓$`, 'm'),
  );
  expect(freight).toMatch(
    new RegExp(`^[0-9a-f]{7} +${alias} +echo +app#v1\\.1\\.0 +\\S+ +staging✓,prod✓$`, 'm'),
  );
  const promotions = section(out, 'Every promotion');
  expect(
    promotions.match(/^(dev|staging|prod) +[a-z]+-[a-z]+ +[0-9a-f]{7} +gantry demo /gm),
  ).toHaveLength(4);
  const history = section(out, 'History is plain git');
  for (const s of [`promote(echo/dev): ${newer}`, `promote(echo/prod): ${alias}`])
    expect(history).toContain(s);
  expect(history).toContain(`gantry/echo/approved/prod/`);
  expect(out).toMatch(/^Done in \d+\.\d s\./m);

  // No colour codes when stdout is not a terminal.
  expect(out + r.stderr).not.toContain('\u001b[');
  // Everything it wrote is under --dir: nothing in HOME (the cache), nothing in TMPDIR.
  expect(readdirSync(tmp.path).sort()).toEqual(['demo', 'home', 'tmp']);
  expect(readdirSync(home)).toEqual([]);
  // (tsx keeps its cache in TMPDIR when the demo runs from source.)
  expect(readdirSync(tmpdir).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
  expect(readdirSync(dir).sort()).toEqual(['app', 'cache', 'gitops', 'gitops.git']);
}, 130_000);

test('gantry demo refuses a directory that is not empty', () => {
  const dir = join(tmp.path, 'full');
  mkdirSync(dir);
  mkdirSync(join(dir, 'something'));
  const r = spawnSync(process.execPath, [...command, 'demo', '--dir', dir], {
    env: testGitEnv(tmp.path),
    encoding: 'utf8',
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('is not empty; give --dir a new or empty directory');
  expect(readdirSync(dir)).toEqual(['something']);
});
