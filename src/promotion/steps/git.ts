/**
 * Kargo's git steps, for real: `git-clone`, `git-commit`, `git-push`, `git-tag` act on the
 * promotion's workspace (src/promotion/workspace.ts), with Kargo's fields and outputs
 * (notes/kargo-steps.md has the reference). A template without `git-clone` has no workspace:
 * gantry checks out the stage's branch and commits it itself, and there `git-commit` only gives
 * the commit its message (gantry's short form, unchanged); the others need a checkout and say so.
 */
import type { Freight } from '../../freight/types.js';
import { normalizeGitURL } from '../../urls/index.js';
import type { GitIdentity } from '../../git/index.js';
import { maskUserinfo } from '../../git/remote.js';
import { ConfigError } from '../../util/errors.js';
import type { CloneSpec } from '../workspace.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { flag, KARGO_ONLY, nonEmpty, originSchema, providerSchema, text } from './schema-parts.js';
import type { StepContext, StepDefinition } from './types.js';

const AUTHOR = {
  type: 'object',
  description: 'Who commits and tags in this clone; default gantry[bot].',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: {
    name: nonEmpty('Name.'),
    email: nonEmpty('Email address.'),
    signingKey: text('Not supported: gantry signs through GitHub (sign-commits) instead.'),
  },
};

const INSECURE = flag('Skip TLS certificate verification for this repository.');

function workspaceOf(ctx: StepContext, step: string) {
  if (!ctx.workspace) {
    throw new ConfigError(
      `${step} works on a checkout that git-clone made, and this template has no git-clone step: without one gantry checks out the stage's branch and commits and pushes it itself`,
    );
  }
  return ctx.workspace;
}

function author(step: string, v: unknown): GitIdentity | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new ConfigError(`${step}: author must be a map with name and email`);
  }
  const a = v as Record<string, unknown>;
  checkFields(`${step}: author`, a, ['name', 'email', 'signingKey']);
  if (a['signingKey'] !== undefined) {
    throw new ConfigError(
      `${step}: author.signingKey: gantry does not sign with GPG keys; set the promote action's sign-commits input to have GitHub sign the stage's commits`,
    );
  }
  return {
    name: requireString(`${step}: author`, a, 'name'),
    email: requireString(`${step}: author`, a, 'email'),
  };
}

function optionalString(step: string, config: Record<string, unknown>, field: string) {
  const v = config[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    throw new ConfigError(`${step}: ${field} must be a string, got ${JSON.stringify(v)}`);
  }
  return v;
}

export const gitClone: StepDefinition = {
  name: 'git-clone',
  schema: {
    type: 'object',
    description:
      "Clones a repository into the workspace and checks out branches, commits or tags at the paths later steps use. Output `commits`: each checkout's HEAD, by `as` or path.",
    additionalProperties: false,
    required: ['repoURL', 'checkout'],
    properties: {
      repoURL: nonEmpty(
        'The repository. The GitOps repository gets the credentials gantry was given; any other is reached with what its URL holds.',
      ),
      insecureSkipTLSVerify: INSECURE,
      blobless: flag(
        'Accepted: gantry always clones without blobs, fetching those a checkout needs.',
      ),
      recurseSubmodules: flag('Check out submodules (same credentials rules).'),
      author: AUTHOR,
      checkout: {
        type: 'array',
        minItems: 1,
        description: 'The checkouts, each a worktree of the clone.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path'],
          properties: {
            path: nonEmpty('Where later steps find the checkout (`./out`), inside the workspace.'),
            as: nonEmpty(
              'Key of this checkout in the `commits` output (default: `path` as written).',
            ),
            branch: nonEmpty('A branch (the worktree is on it, so git-commit and git-push work).'),
            create: flag(
              'Start the branch when it is missing: an orphan branch with one empty commit, pushed with the promotion.',
            ),
            commit: nonEmpty(
              'A commit SHA, checked out detached (`${{ commitFrom(vars.repo).ID }}`).',
            ),
            tag: nonEmpty('A tag, checked out detached.'),
            fromFreight: flag(
              "Check out the commit the freight holds for this repository (Kargo's older form of `commit: ${{ commitFrom(repoURL).ID }}`).",
            ),
            fromOrigin: originSchema(
              'With fromFreight: the warehouse whose freight holds the commit.',
            ),
            sparse: {
              type: 'array',
              minItems: 1,
              items: nonEmpty('A directory (cone mode: no globs).'),
              description: 'Check out only these directories (and top-level files).',
            },
          },
        },
      },
    },
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, 'git-clone');
    checkFields('git-clone', config, [
      'repoURL',
      'insecureSkipTLSVerify',
      'blobless',
      'recurseSubmodules',
      'author',
      'checkout',
    ]);
    const repoURL = requireString('git-clone', config, 'repoURL');
    const list = config['checkout'];
    if (!Array.isArray(list) || list.length === 0) {
      throw new ConfigError('git-clone: checkout must list at least one {path, branch|commit|tag}');
    }
    const seen = new Set<string>();
    const checkout: CloneSpec['checkout'] = list.map((raw: unknown, i) => {
      const where = `git-clone: checkout[${i}]`;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new ConfigError(`${where} must be a map with path`);
      }
      const c = raw as Record<string, unknown>;
      checkFields(where, c, [
        'path',
        'as',
        'branch',
        'create',
        'commit',
        'tag',
        'fromFreight',
        'fromOrigin',
        'sparse',
      ]);
      const path = requireString(where, c, 'path');
      let commit = optionalString(where, c, 'commit');
      if (optionalBool(where, c, 'fromFreight')) {
        commit = freightCommit(where, repoURL, c['fromOrigin'], ctx.freightCollection);
      }
      const refs = [c['branch'], commit, c['tag']].filter((v) => v !== undefined && v !== '');
      if (refs.length > 1) {
        throw new ConfigError(`${where}: set at most one of branch, commit and tag`);
      }
      if (commit !== undefined && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit)) {
        // A server hands out commits by their full name only: an abbreviation cannot be fetched.
        throw new ConfigError(
          /^[0-9a-f]{4,63}$/i.test(commit)
            ? `${where}: commit ${JSON.stringify(commit)} is abbreviated; give the full SHA (40 hex characters, as commitFrom(...).ID gives it)`
            : `${where}: commit ${JSON.stringify(commit)} is not a commit SHA`,
        );
      }
      const key = optionalString(where, c, 'as') ?? path;
      if (seen.has(key))
        throw new ConfigError(`${where}: two checkouts are both named ${JSON.stringify(key)}`);
      seen.add(key);
      const sparse = c['sparse'];
      if (sparse !== undefined) {
        if (
          !Array.isArray(sparse) ||
          !sparse.length ||
          sparse.some((s) => typeof s !== 'string' || !s || /^\.\.|^\/|[*?[]/.test(s))
        ) {
          throw new ConfigError(
            `${where}: sparse must list directories relative to the repository, without "..", globs or a leading "/"`,
          );
        }
      }
      const branch = optionalString(where, c, 'branch');
      const tag = optionalString(where, c, 'tag');
      const as = optionalString(where, c, 'as');
      return {
        path,
        ...(as !== undefined ? { as } : {}),
        ...(branch !== undefined ? { branch } : {}),
        create: optionalBool(where, c, 'create') ?? false,
        ...(commit !== undefined ? { commit } : {}),
        ...(tag !== undefined ? { tag } : {}),
        ...(Array.isArray(sparse) ? { sparse: sparse as string[] } : {}),
      };
    });
    const who = author('git-clone', config['author']);
    const commits = await ws.clone({
      repoURL,
      insecureSkipTLSVerify: optionalBool('git-clone', config, 'insecureSkipTLSVerify') ?? false,
      recurseSubmodules: optionalBool('git-clone', config, 'recurseSubmodules') ?? false,
      ...(who ? { author: who } : {}),
      checkout,
    });
    // The URL may hold another repository's credentials: the log names it without them.
    ctx.log(
      `git-clone: ${maskUserinfo(repoURL)}: ${Object.entries(commits)
        .map(([k, v]) => `${k} at ${v.slice(0, 7)}`)
        .join(', ')}`,
    );
    return { outputs: { commits } };
  },
};

/** fromFreight: the commit of `repoURL` in the freight (of `fromOrigin`'s warehouse). */
function freightCommit(
  where: string,
  repoURL: string,
  origin: unknown,
  collection: readonly Freight[],
): string {
  const name =
    origin && typeof origin === 'object' ? (origin as Record<string, unknown>)['name'] : undefined;
  const pool =
    typeof name === 'string' ? collection.filter((f) => f.origin.name === name) : collection;
  const want = normalizeGitURL(repoURL);
  const found = pool
    .map((f) => f.commits.find((c) => c.repoURL === repoURL || normalizeGitURL(c.repoURL) === want))
    .filter((c) => c !== undefined);
  if (found.length !== 1) {
    throw new ConfigError(
      `${where}: fromFreight: ${found.length ? 'several freight hold' : 'no freight holds'} a commit of ${repoURL}${found.length ? '; name the warehouse in fromOrigin' : ''}`,
    );
  }
  return (found[0] as { id: string }).id;
}

export const gitClear: StepDefinition = {
  name: 'git-clear',
  schema: {
    type: 'object',
    description:
      "Empties a checkout (everything but `.git`, and `.gantry/` in the GitOps repository: the project files and the stages' state), so that later steps write a rendered branch's whole content. Without git-clone: the stage's checkout.",
    additionalProperties: false,
    required: ['path'],
    properties: { path: nonEmpty('The checkout (`./out`); `.` without git-clone.') },
  },
  async run(config, ctx) {
    checkFields('git-clear', config, ['path']);
    const where = requireString('git-clear', config, 'path');
    if (!ctx.workspace) return clearStageCheckout(where, ctx);
    const removed = await ctx.workspace.clear(where);
    ctx.log(`git-clear: ${where}: removed ${removed} top-level entr${removed === 1 ? 'y' : 'ies'}`);
    return { summary: removed ? [`- cleared ${where}`] : [] };
  },
};

/** gantry's short form: the one checkout is the stage's branch, and `.gantry/` stays. */
async function clearStageCheckout(where: string, ctx: StepContext) {
  const { readdir, rm } = await import('node:fs/promises');
  const path = await import('node:path');
  const { normalizeRelative } = await import('./safe-path.js');
  if (normalizeRelative(where) !== '.') {
    throw new ConfigError(
      `git-clear: path ${JSON.stringify(where)}: without git-clone the only checkout is the stage's branch; clear it with path "."`,
    );
  }
  const removed: string[] = [];
  for (const e of await readdir(ctx.worktree, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === '.gantry') continue;
    await rm(path.join(ctx.worktree, e.name), { recursive: true, force: true });
    removed.push(e.name);
  }
  ctx.log(
    `git-clear: removed ${removed.length} top-level entr${removed.length === 1 ? 'y' : 'ies'}`,
  );
  return {
    summary: removed.length ? [`- cleared the checkout (${removed.length} top-level entries)`] : [],
    changed: removed,
  };
}

export const gitCommit: StepDefinition = {
  name: 'git-commit',
  schema: {
    type: 'object',
    description:
      "Commits everything in a checkout when anything changed (status Skipped otherwise). In the stage's checkout the stage's state file rides in the commit and gantry's record (versions, trailers) follows the message; a second git-commit there before the push amends that commit, since a promotion is one commit. Output `commit`.",
    additionalProperties: false,
    properties: {
      path: nonEmpty('The checkout to commit (`./out`).'),
      message: text(
        "The commit message. Without git-clone: goes into the promotion commit's body.",
      ),
      messageFromSteps: {
        type: 'array',
        items: nonEmpty('A step alias.'),
        description: 'Aliases of steps whose `commitMessage` outputs make the message.',
      },
      author: { ...AUTHOR, description: "Deprecated in Kargo: git-clone's author instead." },
    },
  },
  async run(config, ctx) {
    checkFields('git-commit', config, ['path', 'message', 'messageFromSteps', 'author']);
    const message = commitMessage(config, ctx);
    if (!ctx.workspace) {
      // The short form: gantry's one commit takes the message (engine.ts reads this output).
      return message !== undefined ? { outputs: { message } } : {};
    }
    const path = requireString('git-commit', config, 'path');
    if (message === undefined) {
      throw new ConfigError(
        'git-commit: message is required (or messageFromSteps naming steps with a commitMessage)',
      );
    }
    const who = author('git-commit', config['author']);
    const made = await ctx.workspace.commit(path, message, ctx.summary ?? [], who);
    ctx.log(
      made.committed
        ? `git-commit: ${path}: ${made.commit.slice(0, 7)}`
        : `git-commit: ${path}: nothing to commit`,
    );
    return {
      outputs: { commit: made.commit },
      ...(made.committed ? {} : { status: 'Skipped' as const }),
    };
  },
};

function commitMessage(config: Record<string, unknown>, ctx: StepContext): string | undefined {
  const fromSteps = config['messageFromSteps'];
  if (Array.isArray(fromSteps)) {
    const parts = fromSteps
      .map((alias) => ctx.outputs?.[String(alias)]?.['commitMessage'])
      .filter((m): m is string => typeof m === 'string' && m !== '');
    if (parts.length) return parts.join('\n\n');
  }
  const m = config['message'];
  if (m === undefined || m === null || m === '') return undefined;
  if (typeof m !== 'string') throw new ConfigError(`git-commit: message must be a string`);
  return m;
}

export const gitPush: StepDefinition = {
  name: 'git-push',
  schema: {
    type: 'object',
    description:
      "Pushes a checkout's branch (or a tag). The push to the stage's branch is the promotion: a rejected push runs the template again on the new tip. Outputs `branch`, `commit`, `commitURL` (GitHub).",
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: nonEmpty('The checkout to push.'),
      targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
      generateTargetBranch: flag(
        "Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens.",
      ),
      tag: nonEmpty(
        "Push this tag (made by git-tag) instead of a branch; before the stage's commit has been pushed, the tag waits and goes with it, in one atomic push.",
      ),
      force: flag('Refused: gantry never force-pushes a branch others write.'),
      maxAttempts: {
        type: 'integer',
        minimum: 1,
        description:
          "Accepted; gantry's own bounded race retries apply (the whole template runs again).",
      },
      provider: providerSchema,
    },
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, 'git-push');
    checkFields('git-push', config, [
      'path',
      'targetBranch',
      'generateTargetBranch',
      'tag',
      'force',
      'maxAttempts',
      'provider',
    ]);
    const path = requireString('git-push', config, 'path');
    const targetBranch = optionalString('git-push', config, 'targetBranch');
    const generate = optionalBool('git-push', config, 'generateTargetBranch') ?? false;
    const tag = optionalString('git-push', config, 'tag');
    const force = optionalBool('git-push', config, 'force') ?? false;
    if ([targetBranch !== undefined, generate, tag !== undefined].filter(Boolean).length > 1) {
      throw new ConfigError(
        'git-push: set at most one of targetBranch, generateTargetBranch and tag',
      );
    }
    const out = await ws.push({
      path,
      ...(targetBranch !== undefined ? { targetBranch } : {}),
      generateTargetBranch: generate,
      ...(tag !== undefined ? { tag } : {}),
      force,
    });
    ctx.log(
      `git-push: ${path}: ${tag !== undefined ? `tag ${tag}` : `${out.commit.slice(0, 7)} to ${out.branch}`}`,
    );
    return { outputs: { ...out } };
  },
};

/**
 * Kargo's `github-push`: git-push whose stage commit GitHub makes through its API (GraphQL
 * createCommitOnBranch), so GitHub signs it (verified) whoever the token belongs to. The commit
 * keeps the checkout's tree and message; several local commits land as one (a promotion is one
 * commit on the stage's branch). With generateTargetBranch the generated branch is reset to the
 * stage's tip and the commit made on it. Kargo's push integration policies and trust analysis
 * have nothing to act on: a push that loses a race runs the template again on the new tip.
 */
export const githubPush: StepDefinition = {
  name: 'github-push',
  schema: {
    type: 'object',
    description:
      "Pushes a checkout's branch as git-push does, but the stage's commit is made by GitHub's API, which signs it. Outputs `branch`, `commit` (GitHub's), `commitURL`.",
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: nonEmpty('The checkout of the GitOps repository (on GitHub) to push.'),
      targetBranch: nonEmpty("The branch to push to; default: the checkout's branch."),
      generateTargetBranch: flag(
        "Push to gantry/promote/<project>/<stage> (gantry's own branch, replaced each time), the head of the pull request git-open-pr opens.",
      ),
      force: flag('Refused: gantry never force-pushes a branch others write.'),
      maxAttempts: {
        type: 'integer',
        minimum: 1,
        description:
          "Accepted; gantry's own bounded race retries apply (the whole template runs again).",
      },
      insecureSkipTLSVerify: flag(KARGO_ONLY),
    },
  },
  async run(config, ctx) {
    const step = 'github-push';
    const ws = workspaceOf(ctx, step);
    checkFields(step, config, [
      'path',
      'targetBranch',
      'generateTargetBranch',
      'force',
      'maxAttempts',
      'insecureSkipTLSVerify',
    ]);
    const path = requireString(step, config, 'path');
    const targetBranch = optionalString(step, config, 'targetBranch');
    const generate = optionalBool(step, config, 'generateTargetBranch') ?? false;
    const force = optionalBool(step, config, 'force') ?? false;
    if (targetBranch !== undefined && generate) {
      throw new ConfigError(`${step}: set at most one of targetBranch and generateTargetBranch`);
    }
    const out = await ws.push({
      path,
      ...(targetBranch !== undefined ? { targetBranch } : {}),
      generateTargetBranch: generate,
      force,
      viaGitHub: true,
    });
    ctx.log(`${step}: ${path}: ${out.commit.slice(0, 7)} to ${out.branch}`);
    return { outputs: { ...out } };
  },
};

export const gitTag: StepDefinition = {
  name: 'git-tag',
  schema: {
    type: 'object',
    description:
      "Tags a checkout's HEAD (annotated, local; push it with git-push `tag`). Output `commit`.",
    additionalProperties: false,
    required: ['path', 'tag', 'message'],
    properties: {
      path: nonEmpty('The checkout.'),
      tag: nonEmpty('The tag name.'),
      message: nonEmpty('The annotation.'),
      force: flag('Move the tag when it exists.'),
    },
  },
  async run(config, ctx) {
    const ws = workspaceOf(ctx, 'git-tag');
    checkFields('git-tag', config, ['path', 'tag', 'message', 'force']);
    const commit = await ws.tag(
      requireString('git-tag', config, 'path'),
      requireString('git-tag', config, 'tag'),
      requireString('git-tag', config, 'message'),
      optionalBool('git-tag', config, 'force') ?? false,
    );
    return { outputs: { commit } };
  },
};
