/**
 * Many writers on one GitOps repository at once, as many Actions jobs would be: discovery-style
 * writers (read the project's freight, record a new freight tag) and promotions into a few stages
 * that all deploy from one branch, over smart HTTP with basic auth. Each writer has its own
 * StateStore and cache directory; every git command is a process of its own. Used by the
 * contention integration test and by `npm run bench -- writers`.
 */
import { join } from 'node:path';
import YAML from 'yaml';
import type { Freight } from '../../src/freight/types.js';
import { parseRemote } from '../../src/git/index.js';
import { loadProjectsFromFiles, type Project } from '../../src/pipeline/index.js';
import { promote } from '../../src/promotion/promote.js';
import { defaultRegistry } from '../../src/promotion/steps/registry.js';
import { parseStageState, StateStore, stateFilePath } from '../../src/state/index.js';
import { errorMessage } from '../../src/util/errors.js';
import type { RetryPolicy } from '../../src/util/retry.js';
import { makeFreight } from './freight.js';
import { startGitHttpServer } from './git-server.js';
import { createBareRepo, git, nonFastForwards, readBlobs, testGitEnv } from './repos.js';

const AUTH = { username: 'gantry-bot', password: 'contention-s3cret' };
export const stageName = (s: number) => `s${s}`;
export const valuesPath = (s: number) => `env/${stageName(s)}/values.yaml`;
export const VALUES =
  '# echo\nimage:\n  repository: ghcr.io/acme/echo\n  tag: 0.1.0 # set by gantry\n';

/**
 * `stages` stages, all taking freight straight from the warehouse, each setting one values file;
 * on one branch (main), or each on a branch of its own.
 */
export function projectFile(stages: number, branchPerStage = false): string {
  const list = Array.from(
    { length: stages },
    (_, s) => `  - name: ${stageName(s)}
${branchPerStage ? `    branch: stage/${stageName(s)}\n` : ''}    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: ${valuesPath(s)}
            updates:
              - {key: image.tag, value: '\${{ imageFrom("ghcr.io/acme/echo").Tag }}'}
`,
  );
  return `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
${list.join('')}`;
}

export interface ContentionOptions {
  /** A fresh directory for the repository, the caches and the server's root. */
  root: string;
  discoverers: number;
  promoters: number;
  /** Stages the promotions go to, round robin; all deploy from `main`. */
  stages: number;
  raceRetry?: RetryPolicy;
}

export interface WriterOutcome {
  kind: 'discover' | 'promote';
  index: number;
  /** Landed: the freight tag exists, or the promotion commit was pushed. */
  ok: boolean;
  /** From the start of the run to this writer's answer. */
  ms: number;
  freightId: string;
  stage?: string;
  commit?: string;
  attempts?: number;
  replays?: number;
  /** What it spent waiting out backoffs (lost races, transient failures). */
  waitedMs: number;
  error?: string;
}

export interface ContentionRun {
  outcomes: WriterOutcome[];
  elapsedMs: number;
  /** What is wrong with the remote after the run; empty when every check holds. */
  problems: string[];
}

export async function runContention(o: ContentionOptions): Promise<ContentionRun> {
  const env = testGitEnv(o.root);
  const files: Record<string, string> = { '.gantry/echo.yaml': projectFile(o.stages) };
  for (let s = 0; s < o.stages; s++) files[valuesPath(s)] = VALUES;
  const bare = createBareRepo(o.root, 'gitops', files);
  git(bare, ['config', 'core.logAllRefUpdates', 'always']);
  const before = git(bare, ['rev-parse', 'main']).trim();
  const server = await startGitHttpServer({ root: o.root, auth: AUTH });
  try {
    const remote = parseRemote(`${server.url}/gitops.git`, { kind: 'basic', ...AUTH });
    const store = (name: string, waited: { ms: number }) =>
      new StateStore({
        remote,
        cacheDir: join(o.root, name),
        baseEnv: env,
        ...(o.raceRetry ? { raceRetry: o.raceRetry } : {}),
        retryHooks: { onRetry: (_try, ms) => void (waited.ms += ms) },
      });
    // The promotions' freight is discovered beforehand (untimed); the discoverers find new ones.
    const toPromote = Array.from({ length: o.promoters }, (_, i) =>
      makeFreight(`1.${i % o.stages}.${i}`, {
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      }),
    );
    // Recorded by the store's own code straight into the repository (file://): the writers' race
    // over HTTP is what is measured and checked, not the server's work for this setup.
    const recorder = new StateStore({
      remote: parseRemote(`file://${bare}`),
      cacheDir: join(o.root, 'recorder'),
      baseEnv: env,
    });
    for (let i = 0; i < toPromote.length; i += 10)
      await Promise.all(toPromote.slice(i, i + 10).map((f) => recorder.recordFreight('echo', f)));

    const started = Date.now();
    const discover = async (index: number): Promise<WriterOutcome> => {
      const f = makeFreight(`2.${index}.0`, {
        createdAt: new Date(Date.UTC(2026, 10, 2, 0, index)).toISOString(),
      });
      const waited = { ms: 0 };
      try {
        const s = store(`discover-${index}`, waited);
        await s.snapshot('echo');
        await s.recordFreight('echo', f);
        return {
          kind: 'discover',
          index,
          ok: true,
          ms: Date.now() - started,
          freightId: f.id,
          waitedMs: waited.ms,
        };
      } catch (err) {
        return {
          kind: 'discover',
          index,
          ok: false,
          ms: Date.now() - started,
          freightId: f.id,
          waitedMs: waited.ms,
          error: errorMessage(err),
        };
      }
    };
    const promoteOne = async (index: number, f: Freight): Promise<WriterOutcome> => {
      const stage = stageName(index % o.stages);
      const waited = { ms: 0 };
      try {
        const s = store(`promote-${index}`, waited);
        const { projects, problems } = await loadProjectsFromFiles(await s.projectFiles());
        if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
        const outcome = await promote({
          project: projects[0] as Project,
          stage,
          freight: f.id,
          store: s,
          registry: defaultRegistry(),
          dryRun: false,
          promotedBy: `job-${index}`,
          run: `https://github.com/acme/gitops/actions/runs/${1000 + index}`,
          clock: () => new Date(),
          fetch,
          log: () => undefined,
        });
        return {
          kind: 'promote',
          index,
          ok: Boolean(outcome.result?.changed),
          ms: Date.now() - started,
          freightId: f.id,
          stage,
          commit: outcome.result?.commit,
          attempts: outcome.result?.attempts,
          replays: outcome.result?.replays ?? 0,
          waitedMs: waited.ms,
        };
      } catch (err) {
        return {
          kind: 'promote',
          index,
          ok: false,
          ms: Date.now() - started,
          freightId: f.id,
          stage,
          waitedMs: waited.ms,
          error: errorMessage(err),
        };
      }
    };
    // Interleaved, so neither kind starts all at once ahead of the other.
    const jobs: Promise<WriterOutcome>[] = [];
    for (let i = 0; i < Math.max(o.discoverers, o.promoters); i++) {
      if (i < o.promoters) jobs.push(promoteOne(i, toPromote[i] as Freight));
      if (i < o.discoverers) jobs.push(discover(i));
    }
    const outcomes = await Promise.all(jobs);
    const elapsedMs = Date.now() - started;
    return { outcomes, elapsedMs, problems: checkRemote(bare, before, outcomes, o.stages) };
  } finally {
    await server.close();
  }
}

/**
 * Every writer's work is on the remote, and the remote is as gantry promises: history linear,
 * no force push, and in every commit each stage's manifest runs the freight its state file names.
 */
export function checkRemote(
  bare: string,
  before: string,
  outcomes: WriterOutcome[],
  stages: number,
): string[] {
  const problems: string[] = [];
  const tags = new Set(
    git(bare, ['for-each-ref', '--format=%(refname)', 'refs/tags/gantry/echo/freight/'])
      .trim()
      .split('\n'),
  );
  for (const d of outcomes.filter((x) => x.kind === 'discover' && x.ok))
    if (!tags.has(`refs/tags/gantry/echo/freight/${d.freightId}`))
      problems.push(`discoverer ${d.index}: its freight tag is missing`);
  if (git(bare, ['rev-list', '--merges', 'main']).trim()) problems.push('main has merge commits');
  // Each new commit with its parents and trailers, by one log.
  const log = git(bare, [
    'log',
    '--format=%H %P%x1f%(trailers:key=Gantry-Stage,valueonly)%x1f%(trailers:key=Gantry-Freight,valueonly)%x1e',
    `${before}..main`,
  ])
    .split('\x1e')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [line = '', stage = '', freight = ''] = entry.split('\x1f');
      const [sha = '', ...parents] = line.split(' ');
      return { sha, parents, stage: stage.trim(), freight: freight.trim() };
    });
  const promoted = outcomes.filter((x) => x.kind === 'promote' && x.ok);
  if (log.length !== promoted.length)
    problems.push(`main has ${log.length} new commits for ${promoted.length} promotions`);
  // Every state and values file of every new commit, by one cat-file; a state file that is not
  // there reads as undefined.
  const perCommit = 2 * stages;
  const files = readBlobs(
    bare,
    log.flatMap(({ sha }) =>
      Array.from({ length: stages }, (_, s) => [
        `${sha}:${stateFilePath('echo', stageName(s))}`,
        `${sha}:${valuesPath(s)}`,
      ]).flat(),
    ),
  );
  const landed = new Map<string, { stage: string; freight: string }>();
  const indexOf = new Map(log.map(({ sha }, i) => [sha, i]));
  log.forEach(({ sha, parents, stage, freight }, i) => {
    if (parents.length !== 1) problems.push(`${sha} has ${parents.length} parents`);
    landed.set(sha, { stage, freight });
    const at = (s: number, commit = i) => ({
      state: files[commit * perCommit + 2 * s],
      values: files[commit * perCommit + 2 * s + 1],
    });
    // A promotion changes its own stage's state file and no other: a commit built on a stale
    // tree (a replay over the wrong base) would set another stage back to what it ran before,
    // consistently with its manifests, and so lose that stage's promotion without any other
    // check here seeing it. The parent's files are those of the commit before it in the log, or
    // none (no state files) at `before`.
    const parent = indexOf.get(parents[0] ?? '');
    if (parent === undefined && parents[0] !== before)
      problems.push(`${sha}: its parent ${parents[0]} is not on main`);
    for (let s = 0; s < stages; s++) {
      const was = parent === undefined ? undefined : at(s, parent).state;
      if (stageName(s) !== stage && at(s).state !== was)
        problems.push(
          `${sha} (a promotion into ${stage}) changed the state file of ${stageName(s)}`,
        );
    }
    const ownIndex = Array.from({ length: stages }, (_, s) => stageName(s)).indexOf(stage);
    const ownText = ownIndex < 0 ? undefined : at(ownIndex).state;
    if (ownText === undefined) {
      problems.push(`${sha}: no state file for the stage ${stage} of its trailer`);
      return;
    }
    const own = parseStageState(ownText, sha);
    if (own.freight[0]?.id !== freight)
      problems.push(`${sha}: the state file of ${stage} does not name the freight of its trailer`);
    for (let s = 0; s < stages; s++) {
      const path = stateFilePath('echo', stageName(s));
      const { state, values } = at(s);
      if (values === undefined) {
        problems.push(`${sha}: ${valuesPath(s)} is missing`);
        continue;
      }
      const tag = (YAML.parse(values) as { image: { tag: string } }).image.tag;
      if (state === undefined) {
        if (tag !== '0.1.0') problems.push(`${sha}: ${valuesPath(s)} changed without a promotion`);
        continue;
      }
      const st = parseStageState(state, `${sha}:${path}`);
      if (tag !== st.freight[0]?.images[0]?.tag)
        problems.push(`${sha}: ${valuesPath(s)} runs ${tag}, its state file names another freight`);
    }
  });
  for (const p of promoted) {
    const l = landed.get(p.commit ?? '');
    if (!l || l.stage !== p.stage || l.freight !== p.freightId)
      problems.push(`promotion ${p.index}: its commit is not on main as it reported`);
  }
  // At the tip, each stage runs the freight of the last promotion into it that landed.
  for (let s = 0; s < stages; s++) {
    const last = log.find((c) => c.stage === stageName(s));
    const text = log.length ? files[2 * s] : undefined;
    const id = text === undefined ? undefined : parseStageState(text, `main:${s}`).freight[0]?.id;
    if (id !== last?.freight)
      problems.push(`main: ${stageName(s)} runs ${id}, its last promotion was ${last?.freight}`);
  }
  for (const jump of nonFastForwards(bare, 'refs/heads/main'))
    problems.push(`main was force-pushed: ${jump}`);
  return problems;
}

/** The value at quantile q (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  ] as number;
}
