import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSync } from './git-launcher.js';

/** An environment for git in tests: no user config, fixed identity and dates. */
export function testGitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
  };
}

/**
 * The directory test fixtures go under: GANTRY_TEST_TMPDIR when set, else a tmpfs at /dev/shm
 * when there is one that runs executables and has room, else the system's. The suite's git
 * repositories, caches and workspaces are thousands of small files written, fsynced (packs, refs)
 * and deleted within seconds; on a disk file system that kernel work was a fifth of a git-heavy
 * file's CPU (state-index: 9.4 s of system time, 7.0 s on tmpfs), and wall time waited on it.
 */
let scratch: string | undefined;
export function scratchRoot(): string {
  scratch ??= process.env.GANTRY_TEST_TMPDIR || shm() || tmpdir();
  return scratch;
}

function shm(): string | undefined {
  const dir = '/dev/shm';
  try {
    // Docker's default /dev/shm is 64 MB and noexec: fixtures with scripts and big histories
    // would fail there, so only a roomy one that runs programs will do.
    const mount = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .find((f) => f[1] === dir);
    if (mount?.[2] !== 'tmpfs' || (mount[3] ?? '').split(',').includes('noexec')) return undefined;
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < 2 * 1024 ** 3) return undefined;
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    return undefined;
  }
}

export function tempDir(prefix = 'gantry-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(scratchRoot(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function git(
  cwd: string,
  args: string[],
  env?: Record<string, string>,
  input?: string,
): string {
  return gitSync(cwd, args, env ?? testGitEnv(cwd), input).toString('utf8');
}

/**
 * One git command run to completion, its output returned and a failure thrown as execFileSync
 * throws it (`Command failed: …` and git's stderr, with `status`, `stdout` and `stderr`), but
 * started by the worker's small launcher process (test/support/git-launcher.ts `runSync`), not by
 * forking the worker.
 */
function gitSync(
  cwd: string,
  args: string[],
  env: Record<string, string>,
  input?: string | Uint8Array,
): Buffer {
  const r = runSync('git', args, { cwd, env, ...(input === undefined ? {} : { input }) });
  if (r.status === 0) return r.stdout;
  const stderr = r.stderr.toString('utf8');
  throw Object.assign(new Error(`Command failed: git ${args.join(' ')}\n${stderr}`), {
    status: r.status,
    stdout: r.stdout.toString('utf8'),
    stderr,
  });
}

/**
 * fast-import keeps the pack it wrote: below fastimport.unpackLimit (100 objects, every fixture
 * commit) it would start `git unpack-objects` to explode it into loose objects, a second process
 * for each fixture commit that leaves the same objects behind.
 */
const KEEP_PACK = ['-c', 'fastimport.unpackLimit=0'];

/** A path as fast-import reads it: C-style quoted when it holds a quote, a backslash or a newline. */
function fastImportPath(path: string): string {
  if (!/["\\\n]/.test(path)) return path;
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * A bare "GitOps" repository with one commit on `main` holding `files`, configured like a forge:
 * partial-clone filters allowed, pushes accepted over HTTP, unrelated refs not advertised.
 *
 * The commit goes in with one `git fast-import` (and the settings by a write to its config) rather
 * than a seed clone's add, commit and pushes: the same repository for a tenth of the processes,
 * which matters when ninety test fixtures make one.
 */
export function createBareRepo(
  root: string,
  name: string,
  files: Record<string, string>,
  branches: string[] = [],
): string {
  const bare = join(root, `${name}.git`);
  const env = testGitEnv(root);
  // What `git init --bare -b main` lays out, less its sample hooks and description: written here,
  // the repository costs fast-import's process alone.
  for (const dir of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags', 'hooks', 'info'])
    mkdirSync(join(bare, dir), { recursive: true });
  writeFileSync(join(bare, 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(
    join(bare, 'config'),
    '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n' +
      '[uploadpack]\n\tallowFilter = true\n\tallowAnySHA1InWant = true\n[http]\n\treceivepack = true\n[receive]\n\tautogc = false\n',
  );
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const message = 'initial\n';
  const chunks: Buffer[] = [
    Buffer.from(
      `commit refs/heads/main\nmark :1\n` +
        `author ${env.GIT_AUTHOR_NAME} <${env.GIT_AUTHOR_EMAIL}> ${when}\n` +
        `committer ${env.GIT_COMMITTER_NAME} <${env.GIT_COMMITTER_EMAIL}> ${when}\n` +
        `data ${Buffer.byteLength(message)}\n${message}`,
    ),
  ];
  for (const [path, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    chunks.push(Buffer.from(`M 100644 inline ${fastImportPath(path)}\ndata ${data.length}\n`));
    chunks.push(data, Buffer.from('\n'));
  }
  chunks.push(Buffer.from('\n'));
  for (const b of branches) chunks.push(Buffer.from(`reset refs/heads/${b}\nfrom :1\n\n`));
  gitSync(bare, [...KEEP_PACK, 'fast-import', '--quiet'], env, Buffer.concat(chunks));
  return bare;
}

/**
 * A commit on `branch` of a bare repository, as another writer would push it: on top of the
 * branch's tip with `files` changed, written by one `git fast-import` straight into the repository
 * (what a scratch clone, commit and push leave there, for two processes instead of a dozen).
 * Returns the new tip.
 */
export function commitToBare(
  bare: string,
  branch: string,
  files: Record<string, string>,
  message: string,
): string {
  const env = testGitEnv(bare);
  const who = `${env.GIT_COMMITTER_NAME} <${env.GIT_COMMITTER_EMAIL}>`;
  const text = `${message}\n`;
  const chunks: Buffer[] = [
    Buffer.from(
      `commit refs/heads/${branch}\nmark :1\nauthor ${who} now\ncommitter ${who} now\n` +
        `data ${Buffer.byteLength(text)}\n${text}from refs/heads/${branch}^0\n`,
    ),
  ];
  for (const [path, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    chunks.push(Buffer.from(`M 100644 inline ${fastImportPath(path)}\ndata ${data.length}\n`));
    chunks.push(data, Buffer.from('\n'));
  }
  chunks.push(Buffer.from('\n'));
  // The new commit's name from fast-import's marks file, not from a rev-parse process after it.
  const marks = join(bare, `commit-to-bare-${process.pid}.marks`);
  try {
    gitSync(
      bare,
      [...KEEP_PACK, 'fast-import', '--quiet', '--date-format=now', `--export-marks=${marks}`],
      env,
      Buffer.concat(chunks),
    );
    const tip = /^:1 ([0-9a-f]+)$/m.exec(readFileSync(marks, 'utf8'))?.[1];
    if (tip === undefined) throw new Error(`git fast-import left no commit on ${branch}`);
    return tip;
  } finally {
    rmSync(marks, { force: true });
  }
}

/**
 * The contents of `specs` (`<commit>:<path>`) in `repo`, by one `git cat-file --batch` instead of
 * a `git show` each; `undefined` for one that does not exist. Checks that read every file of every
 * commit a test made stay one process.
 */
export function readBlobs(repo: string, specs: string[]): (string | undefined)[] {
  const out = gitSync(
    repo,
    ['cat-file', '--batch'],
    testGitEnv(repo),
    specs.map((s) => `${s}\n`).join(''),
  );
  return parseBlobBatch(out, specs);
}

/** The blobs of `git cat-file --batch`'s output for `specs`, in order; `undefined` for a missing one. */
export function parseBlobBatch(out: Buffer, specs: string[]): (string | undefined)[] {
  const found: (string | undefined)[] = [];
  let at = 0;
  for (const spec of specs) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) {
      found.push(undefined);
      continue;
    }
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) throw new Error(`${spec}: git cat-file says ${header}`);
    found.push(out.subarray(at, at + Number(size)).toString('utf8'));
    at += Number(size) + 1;
  }
  return found;
}

/**
 * Whether `earlier` is `later` or one of its ancestors, in the graph `parents` holds (commit to its
 * parents); a commit the graph lacks has no known ancestors.
 */
export function ancestorTest(
  parents: ReadonlyMap<string, readonly string[]>,
): (earlier: string, later: string) => boolean {
  return (earlier, later) => {
    const seen = new Set<string>();
    const todo = [later];
    while (todo.length > 0) {
      const c = todo.pop() as string;
      if (c === earlier) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      todo.push(...(parents.get(c) ?? []));
    }
    return false;
  };
}

/**
 * Each update in `ref`'s reflog that was not a fast-forward (the earlier tip is not an ancestor of
 * the later), as `<earlier> -> <later>`. One rev-list of the graph answers for every pair what a
 * `git merge-base --is-ancestor` each did.
 */
export function nonFastForwards(repo: string, ref: string): string[] {
  const reflog = git(repo, ['reflog', 'show', '--format=%H', ref])
    .trim()
    .split('\n')
    .filter(Boolean);
  if (reflog.length === 0) return [];
  const parents = new Map<string, string[]>();
  for (const line of git(repo, ['rev-list', '--parents', ...new Set(reflog)])
    .trim()
    .split('\n')) {
    const [commit = '', ...of] = line.split(' ');
    parents.set(commit, of);
  }
  const isAncestor = ancestorTest(parents);
  const bad: string[] = [];
  for (let i = 0; i + 1 < reflog.length; i++) {
    const later = reflog[i] as string;
    const earlier = reflog[i + 1] as string;
    if (!isAncestor(earlier, later)) bad.push(`${earlier} -> ${later}`);
  }
  return bad;
}
