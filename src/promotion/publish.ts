/**
 * How a promotion commit leaves the checkout when it is not a plain `git push` to the stage's
 * branch: as a commit GitHub signs (GraphQL `createCommitOnBranch`), or through a pull request
 * (a branch per stage, one PR kept up to date; merging it is the promotion).
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Freight } from '../freight/types.js';
import { changesTable, formatChange, type VersionChange } from '../freight/changes.js';
import { StaleHeadError, type GitHubPort } from '../github/port.js';
import { RaceLostError, type PublishRequest, type Published } from '../state/index.js';
import { OperationError } from '../util/errors.js';
import { tableCell } from '../util/markdown.js';

/** The branch gantry keeps a stage's pull request on. Owned by gantry: it is rewritten freely. */
export function pullRequestBranch(project: string, stage: string): string {
  return `gantry/promote/${project}/${stage}`;
}

interface FileChanges {
  additions: { path: string; contents: Buffer }[];
  deletions: string[];
}

/** What the commit changes against its parent, with the new contents read from the checkout. */
async function fileChanges(p: PublishRequest): Promise<FileChanges> {
  const out = await p.git(['diff', '--name-status', '-z', '--no-renames', p.parent, p.commit]);
  const fields = out.stdout.split('\0').filter((f) => f !== '');
  const changes: FileChanges = { additions: [], deletions: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] ?? '';
    const path = fields[i + 1] ?? '';
    if (status === 'D') {
      changes.deletions.push(path);
      continue;
    }
    const abs = join(p.dir, path);
    // GitHub's API writes regular files only: a link or a mode change would be lost silently.
    if ((await lstat(abs)).isSymbolicLink()) {
      throw new OperationError(
        `${path} is a symbolic link, which a signed commit through GitHub's API cannot carry; promote without sign-commits`,
      );
    }
    changes.additions.push({ path, contents: await readFile(abs) });
  }
  return changes;
}

function splitMessage(message: string): { headline: string; body: string } {
  const nl = message.indexOf('\n');
  if (nl < 0) return { headline: message.trim(), body: '' };
  return { headline: message.slice(0, nl).trim(), body: message.slice(nl + 1).replace(/^\n+/, '') };
}

/** Applies the commit's changes on `branch` through GitHub, which signs the result. */
async function signedCommit(
  github: GitHubPort,
  p: PublishRequest,
  branch: string,
  changes?: FileChanges,
): Promise<string> {
  const { additions, deletions } = changes ?? (await fileChanges(p));
  const { headline, body } = splitMessage(p.message);
  try {
    const made = await github.createCommitOnBranch({
      branch,
      expectedHeadOid: p.parent,
      headline,
      body,
      additions,
      deletions,
    });
    return made.oid;
  } catch (err) {
    if (!(err instanceof StaleHeadError)) throw err;
    // The branch moved: someone else's commit, or ours, made by an earlier try whose answer was
    // lost. Ours has the promotion's parent and tree: then it is published, not a race.
    const landed = await ownCommitAt(p, branch);
    if (landed) return landed;
    throw new RaceLostError(`${branch} moved: ${err.message}`);
  }
}

/** Fetches a remote branch's tip and its parent (no blobs) into `ref` of the checkout. */
function fetchTip(p: PublishRequest, branch: string, ref: string): Promise<unknown> {
  const spec = `+refs/heads/${branch}:${ref}`;
  return p.git(['fetch', '-q', '--no-tags', '--depth=2', '--filter=blob:none', 'origin', spec]);
}

/** The branch's tip, when it is this promotion's commit as GitHub made it (same parent and tree). */
async function ownCommitAt(p: PublishRequest, branch: string): Promise<string | undefined> {
  try {
    const ref = `refs/gantry-published/${branch}`;
    await fetchTip(p, branch, ref);
    const [tip = '', parent = '', tree = ''] = (
      await p.git(['rev-parse', ref, `${ref}^`, `${ref}^{tree}`])
    ).stdout.split('\n');
    const ours = (await p.git(['rev-parse', `${p.commit}^{tree}`])).stdout.trim();
    return parent === p.parent && tree === ours ? tip : undefined;
  } catch {
    return undefined;
  }
}

/** Direct mode with signed commits: the commit lands on the stage's branch through GitHub. */
export function signedPublisher(github: GitHubPort): (p: PublishRequest) => Promise<Published> {
  return async (p) => ({ commit: await signedCommit(github, p, p.branch) });
}

export interface PullRequestOptions {
  github: GitHubPort;
  project: string;
  stage: string;
  freight: Freight;
  /** Link to the workflow run, for the body. */
  runUrl?: string;
  /** Sign the commit through GitHub's API instead of pushing it. */
  signed: boolean;
}

/** A marker that names the promotion, so a later run recognises its own pull request body. */
const MARKER = 'gantry:promotion';

/** The hidden line that names the promotion a pull request carries. */
export function promotionMarker(project: string, stage: string, freightId: string): string {
  return `<!-- ${MARKER} project=${project} stage=${stage} freight=${freightId} -->`;
}

export function pullRequestBody(
  o: Pick<PullRequestOptions, 'project' | 'stage' | 'freight' | 'runUrl'>,
  branch: string,
  changes: readonly VersionChange[],
  edits: readonly string[],
): string {
  const f = o.freight;
  const lines = [
    `Promotes freight **${tableCell(f.alias)}** (\`${f.id.slice(0, 7)}\`) from warehouse \`${f.origin.name}\` into stage **${o.stage}** of project \`${o.project}\`.`,
    '',
    `Merging this pull request is the promotion: \`${branch}\` then runs this freight. gantry updates this pull request when other freight is promoted into ${o.stage} before it is merged.`,
  ];
  if (changes.length) {
    lines.push('', ...changesTable(changes));
  }
  if (edits.length)
    lines.push(
      '',
      '<details><summary>Changes made by the steps</summary>',
      '',
      ...edits.map(tableCell),
      '',
      '</details>',
    );
  if (o.runUrl) lines.push('', `Opened by [this workflow run](${o.runUrl}).`);
  lines.push('', promotionMarker(o.project, o.stage, f.id));
  return lines.join('\n') + '\n';
}

/**
 * Pull-request mode: the commit (built on the stage branch's tip) goes to the stage's own
 * branch, and one pull request from there into the stage branch carries it. The PR branch is
 * rewritten on every promotion (it belongs to gantry; nothing else should commit to it); a run
 * that would write the same content on the same base leaves the branch and its reviews alone.
 */
export function pullRequestPublisher(
  o: PullRequestOptions,
): (p: PublishRequest) => Promise<Published> {
  const head = pullRequestBranch(o.project, o.stage);
  return async (p) => {
    const title = p.message.split('\n')[0]?.trim() ?? `promote ${o.stage}`;
    const body = pullRequestBody(o, p.branch, p.changes, p.edits);
    const existing = await o.github.findPullRequest({ head, base: p.branch });
    let commit = p.commit;
    if (existing && (await sameChange(p, head, existing, o.freight.id))) {
      commit = existing.headSha;
    } else if (o.signed) {
      // GitHub closes a pull request for good when its head branch stops having commits beyond
      // the base. So the signed commit is made on a scratch branch at the base's tip, and the
      // pull request's branch then moves to it in one step.
      const changes = await fileChanges(p);
      const scratch = `${head}-${p.commit.slice(0, 12)}`;
      await o.github.setBranch({ branch: scratch, sha: p.parent });
      try {
        commit = await signedCommit(o.github, { ...p, branch: scratch }, scratch, changes);
        await o.github.setBranch({ branch: head, sha: commit });
      } finally {
        await o.github.deleteBranch(scratch).catch(() => undefined);
      }
    } else {
      // Plain `git push --force` to gantry's own branch: the previous proposal is replaced.
      await p.git(['push', '--quiet', '--force', 'origin', `${p.commit}:refs/heads/${head}`]);
    }
    if (existing) {
      const updated = await o.github.updatePullRequest({ number: existing.number, title, body });
      return { commit, pullRequest: { number: updated.number, url: updated.url, created: false } };
    }
    const created = await o.github.createPullRequest({ head, base: p.branch, title, body });
    return { commit, pullRequest: { number: created.number, url: created.url, created: true } };
  };
}

/**
 * Whether the PR branch already proposes this freight on the same base with the same manifests.
 * The state file differs in any case (its promotedAt), so it alone does not count.
 */
async function sameChange(
  p: PublishRequest,
  head: string,
  existing: { headSha: string; body: string },
  freightId: string,
): Promise<boolean> {
  if (!existing.body.includes(`${MARKER} `) || !existing.body.includes(`freight=${freightId} `)) {
    return false;
  }
  try {
    await fetchTip(p, head, `refs/gantry-pr/${head}`);
    const theirs = (
      await p.git(['rev-parse', `refs/gantry-pr/${head}`, `refs/gantry-pr/${head}^`])
    ).stdout.split('\n');
    if (theirs[0] !== existing.headSha || theirs[1] !== p.parent) return false;
    const diff = await p.git(['diff', '--name-only', '-z', existing.headSha, p.commit]);
    const paths = diff.stdout.split('\0').filter((x) => x !== '');
    return paths.every((x) => x.startsWith('.gantry/state/'));
  } catch {
    // Unreadable: publish again rather than guess.
    return false;
  }
}

/** A deployment's one-line description: the alias and the versions (the client cuts it to fit). */
export function deploymentDescription(freight: Freight, changes: readonly VersionChange[]): string {
  const parts = changes.map((c) => formatChange(c).replace(/^.*\//, ''));
  return `${freight.alias}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** What a deployment carries: enough for a reader of the Environments view, or verify, to act. */
export function deploymentPayload(
  project: string,
  stage: string,
  freight: Freight,
  branch: string,
  changes: readonly VersionChange[],
): Record<string, unknown> {
  return {
    gantry: {
      project,
      stage,
      branch,
      freight: {
        id: freight.id,
        alias: freight.alias,
        warehouse: freight.origin.name,
        images: freight.images.map((i) => ({ repoURL: i.repoURL, tag: i.tag, digest: i.digest })),
        charts: freight.charts.map((c) => ({
          repoURL: c.repoURL,
          name: c.name,
          version: c.version,
        })),
        commits: freight.commits.map((c) => ({ repoURL: c.repoURL, id: c.id, tag: c.tag })),
      },
      changes,
    },
  };
}
