/**
 * bench/state: how long `gantry get freight` and `gantry get stages` take on a GitOps repository
 * with many freight tags and a long promotion history, and how that changes with 10× the history.
 *
 *   npm run bench -- state            (or: npx tsx bench/state.ts [--runs N] [--tags N] [--commits N])
 *
 * Builds the repositories with git plumbing (hash-object, update-ref, fast-import) in a temp dir,
 * then times the bundled CLI (dist/cli/index.js) as a user runs it, cold (empty cache, as in a
 * fresh Actions job) and warm (cache kept, as on a laptop), next to `git ls-remote` of the same
 * refs as the floor any git-based tool pays.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    tags: { type: 'string', default: '10000' },
    commits: { type: 'string', default: '2000' },
    files: { type: 'string', default: '5000' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const root = mkdtempSync(join(tmpdir(), 'gantry-bench-state-'));
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: root,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(root, '.gitconfig'),
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.test',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.test',
};
const git = (cwd: string, args: string[], input?: string | Buffer) =>
  execFileSync('git', args, { cwd, env, input, maxBuffer: 1 << 30, encoding: 'utf8' });

const STAGES = ['dev', 'qa', 'staging', 'prod-eu', 'prod-us'];
const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${STAGES.map(
  (s, i) => `  - name: ${s}
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: ${i === 0 ? '{direct: true}' : `{stages: [${STAGES[i - 1]}]}`}
    promotionTemplate:
      steps:
        - uses: yaml-update
`,
).join('')}`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const freightDoc = (i: number) => {
  const id = sha1(`freight-${i}`);
  const tag = `1.${Math.floor(i / 100)}.${i % 100}`;
  const doc = {
    id,
    alias: `bench-${i}`,
    origin: { kind: 'Warehouse', name: 'echo' },
    images: [
      {
        repoURL: 'ghcr.io/acme/echo',
        tag,
        digest: `sha256:${createHash('sha256').update(tag).digest('hex')}`,
      },
    ],
    charts: [],
    commits: [],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    createdBy: 'bench',
  };
  return { id, tag, doc };
};

/** A bare repository with `files` manifests, `commits` promotion commits and `tags` freight tags. */
function buildRepo(name: string, tags: number, commits: number, files: number): string {
  const bare = join(root, `${name}.git`);
  git(root, ['init', '-q', '--bare', '-b', 'main', bare]);
  git(bare, ['config', 'uploadpack.allowFilter', 'true']);
  // History: one commit with the manifests and the project file, then the promotions.
  const lines: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}`;
  lines.push(
    'commit refs/heads/main',
    'committer bench <bench@example.test> 1767225600 +0000',
    data('initial manifests'),
  );
  lines.push(`M 100644 inline .gantry/echo.yaml\n${data(PROJECT)}`);
  for (let f = 0; f < files; f++) {
    lines.push(
      `M 100644 inline apps/app-${Math.floor(f / 50)}/manifest-${f}.yaml\n${data(`kind: ConfigMap\nmetadata: {name: cm-${f}}\ndata: {n: "${f}"}\n`)}`,
    );
  }
  for (let c = 0; c < commits; c++) {
    const stage = STAGES[c % STAGES.length] as string;
    const { id, tag, doc } = freightDoc(c % Math.max(tags, 1));
    const state = `project: echo\nstage: ${stage}\nfreight:\n  - id: ${id}\n    alias: ${doc.alias}\n    origin: {kind: Warehouse, name: echo}\n    images: [{repoURL: ghcr.io/acme/echo, tag: "${tag}", digest: "${doc.images[0]?.digest}"}]\n    charts: []\n    commits: []\npromotedAt: "2026-01-01T00:00:00Z"\npromotedBy: bench\napprovedBy: []\n`;
    const msg = `promote(echo/${stage}): ${doc.alias}\n\nGantry-Project: echo\nGantry-Stage: ${stage}\nGantry-Freight: ${id}\nGantry-Alias: ${doc.alias}\nGantry-Warehouse: echo\nGantry-Promoted-By: bench\n`;
    lines.push(
      'commit refs/heads/main',
      `committer bench <bench@example.test> ${1767225600 + c * 60} +0000`,
      data(msg),
    );
    lines.push(`M 100644 inline .gantry/state/echo/${stage}.yaml\n${data(state)}`);
    lines.push(
      `M 100644 inline apps/app-${c % 100}/values.yaml\n${data(`image: {tag: "${tag}"}\n`)}`,
    );
  }
  git(bare, ['fast-import', '--quiet'], lines.join('\n') + '\n');
  // Freight tags: tag objects written in one hash-object process, refs in one update-ref process.
  const tagDir = join(root, `${name}-tags`);
  mkdirSync(tagDir);
  const emptyTree = git(bare, ['mktree'], '').trim();
  const paths: string[] = [];
  const ids: string[] = [];
  for (let t = 0; t < tags; t++) {
    const { id, doc } = freightDoc(t);
    const body = `object ${emptyTree}\ntype tree\ntag gantry/echo/freight/${id}\ntagger bench <bench@example.test> ${1767225600 + t * 60} +0000\n\nfreight ${doc.alias}\n\n${JSON.stringify(doc, null, 2)}\n`;
    const p = join(tagDir, `${t}`);
    writeFileSync(p, body);
    paths.push(p);
    ids.push(id);
  }
  if (tags) {
    const oids = git(
      bare,
      ['hash-object', '-t', 'tag', '-w', '--stdin-paths'],
      paths.join('\n') + '\n',
    )
      .trim()
      .split('\n');
    git(
      bare,
      ['update-ref', '--stdin'],
      oids.map((o, t) => `create refs/tags/gantry/echo/freight/${ids[t]} ${o}\n`).join(''),
    );
    // A verified tag for the current freight of each stage, as verify leaves them.
    git(bare, ['pack-refs', '--all']);
    git(bare, ['repack', '-adq']);
  }
  rmSync(tagDir, { recursive: true, force: true });
  return bare;
}

function time(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(label: string, bare: string) {
  const url = `file://${bare}`;
  const rows: [string, number][] = [];
  const floor = median(
    Array.from({ length: RUNS }, () => time('git', ['ls-remote', url, 'refs/tags/gantry/echo/'])),
  );
  rows.push(['git ls-remote (floor)', floor]);
  for (const kind of ['freight', 'stages', 'promotions']) {
    const cold = median(
      Array.from({ length: RUNS }, () => {
        const cache = mkdtempSync(join(root, 'cache-'));
        const ms = time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
          GANTRY_CACHE_DIR: cache,
        });
        rmSync(cache, { recursive: true, force: true });
        return ms;
      }),
    );
    const warmCache = mkdtempSync(join(root, 'cache-'));
    time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
      GANTRY_CACHE_DIR: warmCache,
    });
    const warm = median(
      Array.from({ length: RUNS }, () =>
        time(process.execPath, [CLI, 'get', kind, '--repo', url, '-o', 'json'], {
          GANTRY_CACHE_DIR: warmCache,
        }),
      ),
    );
    rows.push([`gantry get ${kind} (cold cache)`, cold], [`gantry get ${kind} (warm cache)`, warm]);
  }
  console.log(`\n${label}`);
  for (const [name, ms] of rows)
    console.log(`  ${name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms`);
  return new Map(rows);
}

const tags = Number(values.tags);
const commits = Number(values.commits);
const files = Number(values.files);
console.log(
  `bench/state: ${RUNS} runs each, median; node ${process.version}; ${git(root, ['--version']).trim()}`,
);
let t0 = Date.now();
const base = buildRepo('base', tags, commits, files);
console.log(
  `built base repo (${tags} freight tags, ${commits} promotion commits, ${files} manifests) in ${Date.now() - t0} ms`,
);
t0 = Date.now();
const deep = buildRepo('deep', tags, commits * 10, files);
console.log(
  `built 10x-history repo (${tags} freight tags, ${commits * 10} promotion commits) in ${Date.now() - t0} ms`,
);

const a = measure(`base: ${tags} tags, ${commits} commits`, base);
const b = measure(`10x history: ${tags} tags, ${commits * 10} commits`, deep);
console.log('\nratio 10x-history / base (target ≤ 1.3), and base under 1 s:');
let ok = true;
for (const [name, ms] of a) {
  if (name.startsWith('git')) continue;
  const ratio = (b.get(name) ?? NaN) / ms;
  const pass = ratio <= 1.3 && ms < 1000;
  ok &&= pass;
  console.log(`  ${name.padEnd(36)} ${ratio.toFixed(2)}x   ${pass ? 'ok' : 'OVER'}`);
}
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
process.exitCode = ok ? 0 : 1;
