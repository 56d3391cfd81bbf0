import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  appendFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { configText } from '../git/config-file.js';
import { GitError, type Git } from '../git/index.js';
import { withDirLock } from './lock.js';
import { currentOwner, liveness, readOwner, serializeOwner } from './owner.js';

/**
 * Local state that a `kill -9` at any instant must leave usable: the cache repositories (built
 * under a temporary name and renamed into place, so a half-configured one is never seen), git's
 * own lock files a killed git leaves inside them, and the scratch checkouts promotions make.
 */

/**
 * Opens (creating it when needed) a bare repository at `path` whose config holds `settings`.
 * One that exists without them (left by an older gantry killed mid-creation, or edited by hand)
 * is rebuilt. True when it was made (or rebuilt) now: it holds no object.
 */
export async function openCacheRepo(
  git: Git,
  path: string,
  settings: readonly (readonly [string, string])[],
): Promise<boolean> {
  let created = false;
  await withDirLock(
    path,
    async () => {
      if (await isConfigured(git, path, settings)) return;
      created = true;
      await removeScratchRepos(path);
      const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
      await initBare(tmp);
      // One append instead of a `git config` process per setting.
      await appendFile(join(tmp, 'config'), configText(sections(settings)));
      await rm(path, { recursive: true, force: true });
      await rename(tmp, path);
    },
    { recover: () => repairRepo(path) },
  );
  return created;
}

/**
 * An empty repository, written as `git init` leaves one minus its sample hooks and description
 * (gitrepository-layout: HEAD, config, objects/, refs/): `git init` would cost a process, and
 * copying its templates, on every cold start. `gitDir` is the repository itself when `bare`, else
 * the `.git` of a work tree. Like git init, it asks the file system whether names differing in
 * case are one file (macOS, Windows): work trees made there must know it, or a file renamed in
 * case only would show as deleted and added.
 */
export async function initRepository(gitDir: string, o: { bare: boolean }): Promise<void> {
  for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags', 'info'])
    await mkdir(join(gitDir, sub), { recursive: true });
  await writeFile(join(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
  const core = `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = ${o.bare}\n`;
  await writeFile(join(gitDir, 'config'), core);
  if (existsSync(join(gitDir, 'CoNfIg')))
    await appendFile(join(gitDir, 'config'), '\tignorecase = true\n');
}

/** An empty bare repository (initRepository). */
export const initBare = (dir: string): Promise<void> => initRepository(dir, { bare: true });

/** `remote.origin.url` → section `remote.origin`, key `url` (the last dot splits them). */
function sections(
  settings: readonly (readonly [string, string])[],
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [k, v] of settings) {
    const dot = k.lastIndexOf('.');
    (out[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
  }
  return out;
}

async function isConfigured(
  git: Git,
  path: string,
  settings: readonly (readonly [string, string])[],
): Promise<boolean> {
  if (!existsSync(join(path, 'HEAD')) || !existsSync(join(path, 'objects'))) return false;
  // The file as gantry and git write it is read here; anything else is left to git to read.
  let have = readSimpleConfig(await readFile(join(path, 'config'), 'utf8').catch(() => ''));
  if (!have) {
    const res = await git.tryRun(['config', '--file', join(path, 'config'), '--list']);
    if (res.exitCode !== 0) return false;
    have = new Map<string, string>();
    for (const line of res.stdout.split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) have.set(line.slice(0, i).toLowerCase(), line.slice(i + 1));
    }
  }
  return settings.every(([k, v]) => have.get(k.toLowerCase()) === v);
}

/**
 * A git config file's `key → value` (keys lowercased, the last value of a key wins), as
 * `git config --list` would give them, when every line is of the plain forms gantry and git
 * write: `[section]`, `[section "sub"]`, `key = value` (a value unquoted, or wholly quoted with
 * `\\` and `\"` escapes), comments. Undefined for anything else (a key without a value, a line
 * continued, other escapes): git reads those. Spares a warm command a `git config` per cache.
 */
export function readSimpleConfig(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let section: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\[\\"])*)")?\]$/.exec(line);
    if (head) {
      const sub = head[2]?.replace(/\\(.)/g, '$1');
      section = sub === undefined ? head[1] : `${head[1]}.${sub}`;
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (!kv || section === undefined) return undefined;
    const v = kv[2] as string;
    const quoted = /^"((?:[^"\\]|\\[\\"])*)"$/.exec(v);
    let value: string;
    if (quoted) value = (quoted[1] as string).replace(/\\(.)/g, '$1');
    else if (/^[^"\\#;]*$/.test(v)) value = v.trim();
    else return undefined;
    out.set(`${section}.${kv[1]}`.toLowerCase(), value);
  }
  return out;
}

/** Repositories a killed process was building (`<path>.tmp-*`); only made under the lock we hold. */
async function removeScratchRepos(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const n of names.filter((x) => x.startsWith(prefix)))
    await rm(join(dirname(path), n), { recursive: true, force: true });
}

/**
 * After a holder of the cache lock died: git's own lock files (`shallow.lock`, `packed-refs.lock`,
 * `refs/…/x.lock`) left by a git it was running would make every later fetch fail with "File
 * exists". No git runs in the cache without our lock, so each of them is dead.
 */
export async function repairRepo(path: string): Promise<void> {
  await removeScratchRepos(path);
  const top = await readdir(path).catch(() => [] as string[]);
  for (const n of top.filter((x) => x.endsWith('.lock'))) await rm(join(path, n), { force: true });
  const refs = await readdir(join(path, 'refs'), { recursive: true }).catch(() => [] as string[]);
  for (const n of refs.filter((x) => x.endsWith('.lock')))
    await rm(join(path, 'refs', n), { force: true });
}

/** git's words for a local repository it cannot use as it is; a fresh one fixes each of them. */
export function isBrokenCache(err: unknown): boolean {
  if (!(err instanceof GitError)) return false;
  return /not a git repository|bad object|is corrupt|object file \S+ is empty|too short to be a packfile|packfile \S+ does not match index|not a packfile|bad packed object|bad tree|unable to read tree|inflate|index-pack failed|unable to create '[^']*\.lock': file exists|shallow file has changed|invalid (?:object|sha1 pointer)|missing (?:blob|tree|commit) object|did not send all necessary objects/i.test(
    err.stderr,
  );
}

// ---- scratch checkouts ----------------------------------------------------------------------------

const CHECKOUT_PREFIX = 'promote-';
/** A checkout without an owner record was orphaned the instant it was made; this is generous. */
const OWNERLESS_AFTER_MS = 10 * 60_000;
/** An owner on another host cannot be asked; no promotion takes a day. */
const FOREIGN_AFTER_MS = 24 * 60 * 60_000;

/**
 * A fresh directory for one promotion's checkout, with an owner record beside it
 * (`<dir>.owner`: it cannot live inside, where `git clean` and `git add -A` would see it).
 */
export async function makeCheckout(cacheDir: string): Promise<{
  dir: string;
  remove: () => Promise<void>;
}> {
  // The PID is in the name because the directory exists before its owner record: a process killed
  // in between leaves a checkout only the name can tell the maker of.
  const dir = await mkdtemp(join(cacheDir, `${CHECKOUT_PREFIX}${process.pid}-`));
  const ownerFile = `${dir}.owner`;
  await writeFile(ownerFile, serializeOwner(currentOwner(basename(dir))));
  return {
    dir,
    remove: async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(ownerFile, { force: true });
    },
  };
}

/**
 * Removes the checkouts of promotions that were killed: those whose owner process is gone, those
 * without an owner record after ten minutes, those of another host after a day. A checkout whose
 * owner runs is never touched. Returns the names removed.
 */
export async function sweepCheckouts(cacheDir: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(CHECKOUT_PREFIX)) continue;
    const isOwnerFile = name.endsWith('.owner');
    const dirName = isOwnerFile ? name.slice(0, -'.owner'.length) : name;
    if (isOwnerFile && names.includes(dirName)) continue; // judged with its directory
    const dir = join(cacheDir, dirName);
    const owner = await readOwner(`${dir}.owner`);
    const age = await stat(isOwnerFile ? join(cacheDir, name) : dir).then(
      (s) => now - s.mtimeMs,
      () => undefined,
    );
    if (age === undefined) continue;
    let gone: boolean;
    if (!owner) {
      const maker = /^(\d+)-/.exec(dirName.slice(CHECKOUT_PREFIX.length));
      gone =
        age > OWNERLESS_AFTER_MS ||
        (maker !== null &&
          (await liveness({ token: dirName, pid: Number(maker[1]), host: hostname() })) === 'dead');
    } else {
      const state = await liveness(owner);
      gone = state === 'dead' || (state === 'unknown' && age > FOREIGN_AFTER_MS);
    }
    if (!gone) continue;
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.owner`, { force: true });
    removed.push(dirName);
  }
  return removed;
}
