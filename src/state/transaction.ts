/**
 * The promotion write transaction of gantry's short form (a template without git-clone): one
 * checkout of the stage's branch, the steps' edits and the stage's state file in one commit, pushed
 * or published, retried on a new tip when the push loses a race. The reads live in store.ts; the
 * workspace form (Kargo's git steps) in src/promotion/workspace.ts.
 */
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { configText } from '../git/config-file.js';
import { GitError, shallowCommitsOf } from '../git/index.js';
import { looseRef } from '../git/ref-file.js';
import { ConfigError, OperationError, errorMessage } from '../util/errors.js';
import { retry } from '../util/retry.js';
import {
  metadataChanged,
  nextStageState,
  parseRawDiff,
  promotionMessage,
  pushRaceLost,
  RaceLostError,
  stageChange,
  type Built,
  type PromotionResult,
  type PromotionWrite,
  type WorkspaceHost,
} from './store.js';
import { initRepository } from './cache.js';
import { gitBlobId, stageStateRef, stateFilePath } from './refs.js';
import { parseStageState, serializeStageState } from './stage-state.js';

/** What the transaction uses of the store. */
export type TransactionHost = WorkspaceHost & { defaultBranch: () => Promise<string> };

/**
 * One promotion, one commit: the edited manifests and the stage's state file together, pushed
 * to the stage's branch. A push that loses a race is tried again on the new tip, with jittered
 * backoff, within a bounded number of tries and time; nothing is ever force-pushed. When none of
 * the files the promotion read or wrote changed on the new tip, its commit is replayed there
 * (the same file contents on the new parent) instead of running the steps again: others'
 * promotions of other stages do not make it start over.
 */
export async function commitPromotion(
  host: TransactionHost,
  w: PromotionWrite,
  /** A checkout of the branch opened ahead (openCheckout), while the reads went on. */
  opened?: Promise<OpenCheckout>,
): Promise<PromotionResult> {
  const early = await opened?.catch((err: unknown) => {
    host.log(`the checkout opened ahead failed (${errorMessage(err)}); opening another`);
    return undefined;
  });
  let plan: CheckoutPlan;
  try {
    plan = checkoutPlan(w, w.branch ?? (await host.defaultBranch()));
  } catch (err) {
    await early?.remove();
    throw err;
  }
  const { branch, statePath, readSet, sparse } = plan;
  // One opened for another branch or paths than this write's is of no use.
  const reuse = early?.plan.key === plan.key;
  if (early && !reuse) await early.remove();
  const checkout = reuse && early ? early : await openCheckout(host, plan);
  const dir = checkout.dir;
  const git = (args: string[], input?: string) => host.git.run(args, { cwd: dir, input });
  try {
    const now = host.retryHooks?.now ?? Date.now;
    const started = now();
    const count = { attempts: 0, replays: 0, reruns: 0, transient: 0 };
    // Commits this call tried to push. A push can land and still report failure (a connection
    // reset after the server took it); if the tip is one of ours, the promotion happened.
    const pushed = new Map<string, Built>();
    // The last commit built, when its push lost a race: replayed on the new tip if it can be.
    let lost: Built | undefined;
    // The tip checked out from the read cache's objects serves the first try only: a lost race
    // must see the branch as it is now.
    let seededTip = checkout.tip;
    const fetchTip = async () => {
      await fetchInto(
        host,
        dir,
        ['--depth=1', '--filter=blob:none', `+refs/heads/${branch}:refs/remotes/origin/${branch}`],
        branch,
      );
      return (await git(['rev-parse', `refs/remotes/origin/${branch}`])).stdout.trim();
    };
    const result = (b: Built, commit = b.commit): PromotionResult => ({
      changed: true,
      commit,
      branch,
      previous: b.previous,
      changes: b.changes,
      edits: b.edits,
      attempts: count.attempts,
      ...(count.replays ? { replays: count.replays } : {}),
    });

    // Cleared when the remote will not take the stage's state ref (see stateRefRefused).
    let withStateRef = true;
    const push = async (b: Built): Promise<PromotionResult> => {
      pushed.set(b.commit, b);
      // The checkout may have been opened while the reads still fetched into the cache (the
      // freight index): its shallow commits as they are now.
      if (checkout.borrowed) await borrowShallow(dir, checkout.borrowed);
      // The stage's state ref goes with the commit, all or nothing (see stageStateRef). Forced:
      // a ref to a blob never fast-forwards; the server still checks its old value, and the
      // branch's own update is what orders promotions.
      const stateRef = stageStateRef(w.project, w.stage);
      const pushArgs = (ref: boolean) => [
        'push',
        '--porcelain',
        '--atomic',
        'origin',
        `${b.commit}:refs/heads/${branch}`,
        ...(ref && b.stateBlob ? [`+${b.stateBlob}:${stateRef}`] : []),
      ];
      let args = pushArgs(withStateRef);
      let res = await host.git.tryRun(args, { cwd: dir });
      if (
        res.exitCode !== 0 &&
        withStateRef &&
        b.stateBlob &&
        stateRefRefused(res, stateRef, b.stateBlob)
      ) {
        // The ref is a shortcut for readers, who check it against the branch's tree: a server
        // that refuses it (a hook, a host that takes no ref to a blob) or a blob git stored
        // otherwise (a clean filter on the state file) costs them the shortcut, not the
        // promotion. The first push landed nothing, so the commit goes again alone.
        host.log(
          `the remote did not take ${stateRef} (${refusal(res, stateRef)}); pushing the promotion without it`,
        );
        withStateRef = false;
        args = pushArgs(false);
        res = await host.git.tryRun(args, { cwd: dir });
      }
      if (res.exitCode === 0) return result(b);
      const err = host.git.error(args, res);
      if (pushRaceLost(res)) {
        lost = b;
        host.log(`push to ${branch} lost a race (try ${count.attempts}); retrying on the new tip`);
        const why = (err.stderr || res.stdout).trim() || `exit code ${err.exitCode}`;
        throw new RaceLostError(`${err.command} failed: ${why}`);
      }
      throw err;
    };

    const attempt = async (): Promise<PromotionResult> => {
      count.attempts++;
      const previousTry = lost;
      lost = undefined;
      if (previousTry) {
        const tip = await fetchTip();
        const landed = pushed.get(tip);
        if (landed) return result(landed, tip);
        const replayed = await replay(host, dir, previousTry, tip, sparse ? readSet : undefined);
        if (replayed) {
          count.replays++;
          return push(replayed);
        }
        host.log(`${branch} changed what this promotion reads; running its steps again`);
      }
      if (count.attempts > 1) count.reruns++;
      let tip = seededTip;
      seededTip = undefined;
      if (tip === undefined) {
        tip = await fetchTip();
        await git(['checkout', '-q', '--force', '-B', branch, tip]);
      }
      // What an earlier try's steps left; the first try starts in a fresh directory.
      if (count.attempts > 1) await git(['clean', '-q', '-fdx']);
      const landed = pushed.get(tip);
      if (landed) return result(landed, tip);
      const previousText = await readFile(join(dir, statePath), 'utf8').catch(() => undefined);
      const previous =
        previousText === undefined
          ? undefined
          : parseStageState(previousText, `${branch}:${statePath}`);
      const { before, changes } = stageChange(w, previous);
      // A fresh (or cleaned) sparse checkout holds tracked files only: what is here now is what
      // `git commit -a` stages when changed or deleted.
      const tracked = sparse ? await workTreeFiles(dir) : undefined;
      const editLines = (await w.edit?.(dir, previous)) ?? [];
      const state = nextStageState(w, previous, host.now());
      // Freight the stage already runs, and an edit that changed nothing: no commit at all.
      if (before?.id === w.freight.id && !metadataChanged(previous, state)) {
        const dirty = (await git(['status', '--porcelain'])).stdout.trim();
        if (!dirty)
          return {
            changed: false,
            commit: tip,
            branch,
            previous,
            changes: [],
            edits: [],
            attempts: count.attempts,
          };
      }
      await mkdir(dirname(join(dir, statePath)), { recursive: true });
      const stateText = serializeStageState(state);
      await writeFile(join(dir, statePath), stateText);
      // Only a file the steps (or the stage's first state file) added needs a `git add` of its
      // own; changes and deletions of tracked files ride on the commit.
      const added = !tracked || [...(await workTreeFiles(dir))].some((f) => !tracked.has(f));
      if (added) await git(['add', '--sparse', '-A']);
      const message = promotionMessage(w, changes, editLines);
      await git(['commit', '-q', ...(added ? [] : ['-a']), '-F', '-'], message);
      const commit = await branchHead(dir, branch);
      const built: Built = {
        commit,
        parent: tip,
        message,
        previous,
        changes,
        edits: editLines,
        // The blob git made of the state file, its ID computed here instead of asked of git.
        stateBlob: gitBlobId(stateText, commit.length),
      };
      if (w.dryRun) {
        const diff = (await git(['show', '--format=%B', '--stat', '--patch', 'HEAD'])).stdout;
        return { ...result(built), diff };
      }
      if (w.publish) {
        if (checkout.borrowed) await borrowShallow(dir, checkout.borrowed);
        try {
          const published = await w.publish({
            dir,
            commit,
            parent: tip,
            branch,
            message,
            changes,
            edits: editLines,
            git,
          });
          return {
            ...result(built, published.commit),
            ...(published.pullRequest ? { pullRequest: published.pullRequest } : {}),
          };
        } catch (err) {
          if (err instanceof RaceLostError) {
            host.log(`${err.message} (try ${count.attempts}); retrying on the new tip`);
          }
          throw err;
        }
      }
      return push(built);
    };

    const racePolicy = host.racePolicy;
    return await retry(
      attempt,
      (err) => {
        if (err instanceof RaceLostError) return true;
        // A flaky network gets the tries of the push policy, not the longer budget of races.
        return host.isTransient(err) && ++count.transient < host.transientTries;
      },
      racePolicy,
      host.retryHooks,
    ).catch((err: unknown) => {
      if (err instanceof RaceLostError) {
        const seconds = ((now() - started) / 1000).toFixed(1);
        const limit = `at most ${racePolicy.attempts} tries${racePolicy.maxElapsedMs === undefined ? '' : ` or ${Math.round(racePolicy.maxElapsedMs / 1000)} s`}`;
        throw new OperationError(
          `could not push the promotion of ${w.freight.alias} into ${w.stage} to ${branch}: the branch kept moving for ${count.attempts} tries in ${seconds} s (${count.replays} replayed on a new tip, ${count.reruns} ran the steps again; ${limit}); nothing was pushed, run the promotion again (${err.message})`,
        );
      }
      throw err;
    });
  } finally {
    await checkout.remove();
  }
}

/** Where a promotion's commit is made: the branch, and the paths checked out. */
export interface CheckoutPlan {
  branch: string;
  statePath: string;
  /** The paths the edit reads or writes, the state file first: the sparse checkout's. */
  readSet: string[];
  sparse: boolean;
  /** The plan as one string: a checkout opened ahead serves the write of the same plan only. */
  key: string;
}

export function checkoutPlan(
  w: Pick<PromotionWrite, 'project' | 'stage' | 'paths' | 'sparse'>,
  branch: string,
): CheckoutPlan {
  const statePath = stateFilePath(w.project, w.stage);
  const readSet = [
    statePath,
    ...(w.paths ?? []).map((p) => posix.normalize(p).replace(/^\/+|\/+$/g, '')),
  ];
  const sparse = w.sparse !== false;
  return { branch, statePath, readSet, sparse, key: JSON.stringify([branch, readSet, sparse]) };
}

/** A scratch repository for a promotion's commit; `tip`: the seeded tip it has checked out. */
export interface OpenCheckout {
  dir: string;
  remove: () => Promise<void>;
  plan: CheckoutPlan;
  tip?: string;
  /** The read cache's object directory it borrows (objects/info/alternates), when seeded. */
  borrowed?: string;
}

/**
 * The scratch repository of a promotion's commit, with the branch checked out at the tip this
 * command's reads fetched (the state it decided from) from the read cache's objects, when they
 * hold it: the first try builds on it instead of fetching the same commit and trees again. A
 * promotion opens it while its reads of freight go on (they do not change what is checked out);
 * without a seed, or when its checkout fails, the transaction fetches the branch itself.
 */
export async function openCheckout(
  host: TransactionHost,
  plan: CheckoutPlan,
): Promise<OpenCheckout> {
  const seeded = host.seed?.(plan.branch);
  const checkout = await host.scratch();
  const dir = checkout.dir;
  try {
    const cone = plan.sparse ? conePatterns(plan.readSet) : undefined;
    // The repository is written as files, with its settings in the same config file: a `git init`,
    // a `git remote add` and a `git config` per key would each cost a process.
    await initWorkTree(
      dir,
      configText({
        core: {
          sparseCheckout: plan.sparse ? 'true' : 'false',
          ...(cone ? { sparseCheckoutCone: 'true' } : {}),
          // A scratch repository, removed when the promotion ends: the blobs its checkout fetches
          // need not reach the disk before git goes on (index-pack's fsyncs cost more than the
          // fetch on a busy runner), and its lazy fetches need not list the read cache's refs
          // (a for-each-ref process; the promisor fetch negotiates nothing with them).
          fsync: 'none',
          alternateRefsCommand: 'true',
        },
        // A sparse index holds one entry per directory outside the cone instead of one per file:
        // checkout, add, status and commit then cost what is checked out, not the whole tree.
        ...(cone ? { index: { sparse: 'true' } } : {}),
        'remote.origin': {
          url: host.remoteUrl,
          fetch: '+refs/heads/*:refs/remotes/origin/*',
          promisor: 'true',
          partialclonefilter: 'blob:none',
        },
      }),
    );
    await writeFile(
      join(dir, '.git', 'info', 'sparse-checkout'),
      cone ?? plan.readSet.map((p) => `/${p}`).join('\n') + '\n',
    );
    const out: OpenCheckout = { ...checkout, plan };
    if (!seeded) return out;
    await writeFile(join(dir, '.git', 'objects', 'info', 'alternates'), `${seeded.objects}\n`);
    // One commit deep, as a fetch with --depth=1 would have left it; and the read cache's other
    // shallow commits (the freight index's, say) as shallow here too, or the push would fetch
    // their missing parents.
    await writeFile(join(dir, '.git', 'shallow'), `${seeded.tip}\n`);
    await borrowShallow(dir, seeded.objects);
    out.borrowed = seeded.objects;
    // The tip by its ID: no ref of it is written for the checkout to read.
    const co = await host.git.tryRun(['checkout', '-q', '--force', '-B', plan.branch, seeded.tip], {
      cwd: dir,
    });
    // The read cache's objects are shared with other gantry processes: should they have lost the
    // tip, the transaction fetches the branch as it would have without them.
    if (co.exitCode === 0) out.tip = seeded.tip;
    else host.log(`could not check out ${plan.branch} from the read cache; fetching it`);
    return out;
  } catch (err) {
    await checkout.remove();
    throw err;
  }
}

/**
 * A new repository with a work tree at `dir` (initRepository), `config` appended to its core
 * settings. Its refs are loose files (no extensions.refStorage), which branchHead reads.
 */
async function initWorkTree(dir: string, config: string): Promise<void> {
  await initRepository(join(dir, '.git'), { bare: false });
  await appendFile(join(dir, '.git', 'config'), config);
}

/**
 * The read cache's shallow commits (the freight index's, say) added to the checkout's, which
 * borrows the cache's objects: else a push walks from such a commit, reached through a ref the
 * remote advertises, to its parent, missing, and fetches it.
 */
async function borrowShallow(dir: string, objects: string): Promise<void> {
  const file = join(dir, '.git', 'shallow');
  const own = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const shallow = new Set([...own, ...(await shallowCommitsOf(objects))]);
  await writeFile(file, [...shallow].map((c) => `${c}\n`).join(''));
}

/** The files under `dir` (relative, `/`-separated), its `.git` left out. */
async function workTreeFiles(dir: string): Promise<Set<string>> {
  const files = new Set<string>();
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(rel ? join(dir, rel) : dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (!e.isDirectory()) files.add(path);
        else if (path !== '.git') await walk(path);
      }),
    );
  };
  await walk('');
  return files;
}

/**
 * The commit `branch` points at in a repository initWorkTree made: its loose ref file, which
 * `git commit` just wrote (nothing in such a repository packs refs), read without a `rev-parse`.
 */
async function branchHead(dir: string, branch: string): Promise<string> {
  const oid = await looseRef(join(dir, '.git'), `refs/heads/${branch}`);
  if (oid === undefined)
    throw new OperationError(`refs/heads/${branch} in ${dir} does not name a commit`);
  return oid;
}

/**
 * The paths as cone-mode sparse patterns (git sparse-checkout's own format), undefined when one
 * cannot be written as a plain directory name. Each path is taken whole as a directory and its
 * parent directories for the files directly in them: a path that names a file is then checked out
 * with the files beside it, since which paths are files is not known before the checkout and a
 * few small files more cost less than the full index of a non-cone checkout.
 */
export function conePatterns(paths: readonly string[]): string | undefined {
  const clean = paths.filter((p) => p !== '' && p !== '.');
  if (clean.some((p) => /[\\*?[\]!#]|(^|\/)\.\.?(\/|$)/.test(p))) return undefined;
  const sorted = [...new Set(clean)].sort();
  // A directory inside another taken whole adds nothing.
  const whole = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}/`)));
  const parents = new Set<string>();
  for (const p of whole) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join('/'));
  }
  const lines = ['/*', '!/*/'];
  // Sorted, each parent's two lines before anything below it, as `git sparse-checkout` writes them.
  const entries = [
    ...[...parents].filter((p) => !whole.includes(p)).map((p) => ({ p, whole: false })),
    ...whole.map((p) => ({ p, whole: true })),
  ].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  for (const e of entries) {
    lines.push(`/${e.p}/`);
    if (!e.whole) lines.push(`!/${e.p}/*/`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The commit `b` made again on `tip`, when none of the files the promotion could read (`readSet`,
 * the sparse checkout's paths) nor those it changed differ between its parent and `tip`: then
 * running the steps on `tip` would write the very same files. undefined when they differ, or
 * when what the steps read is not known (a full checkout).
 */
async function replay(
  host: TransactionHost,
  dir: string,
  b: Built,
  tip: string,
  readSet: string[] | undefined,
): Promise<Built | undefined> {
  if (!readSet) return undefined;
  const git = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
    host.git.run(args, { cwd: dir, ...opts });
  if (tip === b.parent) return b;
  // Trees only: comparing two commits' trees needs no blobs and no history between them.
  const names = async (from: string, to: string) =>
    (await git(['diff-tree', '-r', '-z', '--no-renames', '--name-only', from, to])).stdout
      .split('\0')
      .filter(Boolean);
  const theirs = await names(b.parent, tip);
  // What this promotion changed stays the same from one replay to the next: read it once.
  b.files ??= parseRawDiff(
    (await git(['diff-tree', '-r', '-z', '--no-renames', b.parent, b.commit])).stdout,
  );
  const mine = b.files;
  const touched = (p: string) =>
    readSet.some((r) => p === r || p.startsWith(`${r}/`)) ||
    mine.some((m) => m.path === p || p.startsWith(`${m.path}/`) || m.path.startsWith(`${p}/`));
  if (theirs.some(touched)) return undefined;
  // The new tree: the tip's, with this promotion's files laid over it, built in an index of its
  // own so the checkout is left alone. --missing-ok: blobs outside the sparse paths were never
  // fetched, and need not be; the remote has them.
  const env = { GIT_INDEX_FILE: join(dir, '.git', 'gantry-replay-index') };
  await git(['read-tree', tip], { env });
  const info = mine
    .map((m) =>
      m.status === 'D' ? `0 ${'0'.repeat(40)}\t${m.path}` : `${m.mode} ${m.oid}\t${m.path}`,
    )
    .join('\0');
  await git(['update-index', '-z', '--index-info'], { env, input: info + '\0' });
  const tree = (await git(['write-tree', '--missing-ok'], { env })).stdout.trim();
  const commit = (
    await git(['commit-tree', tree, '-p', tip, '-F', '-'], { input: b.message })
  ).stdout.trim();
  return { ...b, commit, parent: tip };
}

async function fetchInto(
  host: TransactionHost,
  dir: string,
  args: string[],
  branch: string,
): Promise<void> {
  // No retry here: the promotion loop around this retries transient failures, and nested
  // retries would multiply into hours against a black-holed remote.
  try {
    await host.git.run(['fetch', '-q', '--no-tags', 'origin', ...args], { cwd: dir });
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr)) {
      throw new ConfigError(
        `branch ${branch} does not exist in ${host.remoteUrl}: create it, or set the stage's branch`,
      );
    }
    throw err;
  }
}

/**
 * Whether a push failed because of the stage's state ref alone: the server refused that ref while
 * the other refs' lines say only that the atomic push failed (git says "atomic push failure"
 * after an update hook's refusal, "atomic transaction failed" after a failed lock; a pre-receive
 * hook that declines the whole push refuses every ref with one reason, which is the branch's
 * refusal too), or git had no object `blob` to send (the state file stored through a filter, so
 * its blob is not the one computed from the text).
 */
export function stateRefRefused(
  res: { stdout: string; stderr: string },
  ref: string,
  blob: string,
): boolean {
  const lines = porcelainLines(res.stdout);
  const mine = (l: PorcelainLine) => l.refspec.endsWith(`:${ref}`);
  const line = lines.find(mine);
  if (
    line !== undefined &&
    line.summary.startsWith('[remote rejected]') &&
    !ATOMIC_FAILED.test(line.summary) &&
    lines.every((l) => mine(l) || l.flag !== '!' || ATOMIC_FAILED.test(l.summary))
  )
    return true;
  return (
    res.stderr.includes(`bad object ${blob}`) ||
    res.stderr.includes(`src refspec ${blob} does not match any`)
  );
}

/** How git marks the other refs of an atomic push one ref failed. */
const ATOMIC_FAILED = /\(atomic (?:transaction failed|push failure)\)/;

/** The server's or git's reason, for the log. */
function refusal(res: { stdout: string; stderr: string }, ref: string): string {
  const line = porcelainLines(res.stdout).find((l) => l.refspec.endsWith(`:${ref}`));
  return (line?.summary || res.stderr.trim().split('\n')[0] || '').trim() || 'no reason given';
}

interface PorcelainLine {
  flag: string;
  refspec: string;
  summary: string;
}

/** The ref status lines of `git push --porcelain` (`<flag>\t<from>:<to>\t<summary>`). */
const porcelainLines = (stdout: string): PorcelainLine[] =>
  stdout.split('\n').flatMap((l) => {
    const [flag, refspec, summary] = l.split('\t');
    return flag !== undefined && refspec !== undefined && summary !== undefined
      ? [{ flag, refspec, summary }]
      : [];
  });
