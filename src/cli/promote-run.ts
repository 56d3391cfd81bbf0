/**
 * `gantry promote` once the repository is open (see ./commands/promote.ts): loaded on its own, after the
 * first fetch has started.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promotionRegistryCredentials } from '../discovery/credentials.js';
import { expressionDataFromEnv } from '../promotion/expr-data.js';
import { promote, type PromoteOptions } from '../promotion/promote.js';
import {
  downstreamStages,
  promoteMany,
  stageList,
  upstreamFreight,
} from '../promotion/promote-many.js';
import { resumeAfterMerge, type ResumeOutcome } from '../promotion/resume.js';
import { defaultRegistry } from '../promotion/steps/registry.js';
import type { RepoContext } from '../app/repo.js';
import type { Args, CommandContext } from './command.js';
import { EXIT, UsageError } from './io.js';
import { promoteJson, promoteManyJson, promoteManyText, promoteText } from './promote-output.js';
import { progressOf, whoOf } from './shared.js';
import { githubForRemote, oneProject } from './shared-repo.js';

export async function runPromote(
  args: Args,
  ctx: CommandContext,
  repo: RepoContext,
  given: { output: 'table' | 'json'; stageText?: string; downstreamOf?: string },
): Promise<number> {
  const { io } = ctx;
  const { output, stageText, downstreamOf } = given;
  const projectName = args.string('project');
  const project = await oneProject(repo, projectName, 'promote');
  const stages = downstreamOf
    ? downstreamStages(project, downstreamOf)
    : stageList(project, stageText ?? '');
  const freightRef =
    args.string('freight') ??
    (downstreamOf
      ? await upstreamFreight({ project, store: repo.store }, downstreamOf)
      : undefined);
  const who = whoOf(args, io.env);
  const mode = args.string('mode');
  if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request')
    throw new UsageError(`--mode must be direct or pull-request, not "${mode}"`, 'promote');
  const signCommits = args.boolean('sign-commits');
  const api = await githubForRemote(io.env, repo.store.remoteUrl);
  if ((signCommits || mode === 'pull-request') && !api) {
    throw new UsageError(
      `${signCommits ? '--sign-commits' : 'pull-request mode'} needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`,
      'promote',
    );
  }
  const dryRun = args.boolean('dry-run');
  const options: Omit<PromoteOptions, 'stage'> = {
    ...(mode ? { mode } : {}),
    ...(api
      ? {
          github: {
            repo: api,
            signCommits,
            deployments: !args.boolean('no-deployments'),
          },
        }
      : {}),
    project,
    freight: freightRef,
    store: repo.store,
    registry: defaultRegistry(),
    dryRun,
    promotedBy: who,
    clock: ctx.now,
    ...(io.sleep ? { sleep: io.sleep } : {}),
    fetch,
    log: progressOf(output, ctx),
    env: io.env,
    expressionData: expressionDataFromEnv(io.env),
    // oci-download and oci-push reach registries as `gantry discover` does.
    registryCredentials: promotionRegistryCredentials(
      {
        dockerConfigPath: join(
          io.env.DOCKER_CONFIG || join(io.env.HOME || homedir(), '.docker'),
          'config.json',
        ),
        githubToken: io.env.GANTRY_TOKEN || io.env.GITHUB_TOKEN || undefined,
        githubHost: new URL(io.env.GITHUB_SERVER_URL || 'https://github.com').host,
      },
      (l) => io.err(`warning: ${l}\n`),
    ),
  };
  const resume = args.string('resume-pull-request');
  if (resume !== undefined) {
    if (!/^[1-9]\d*$/.test(resume)) {
      throw new UsageError(
        `--resume-pull-request must be a pull request number, not "${resume}"`,
        'promote',
      );
    }
    if (!api) {
      throw new UsageError(
        `--resume-pull-request needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`,
        'promote',
      );
    }
    const stage = stages[0];
    if (stages.length !== 1 || downstreamOf || stage === undefined) {
      throw new UsageError(
        '--resume-pull-request goes on with one stage: the one whose promotion opened it',
        'promote',
      );
    }
    const scratch = await mkdtemp(join(tmpdir(), 'gantry-resume-'));
    try {
      // The rest of a template that already ran: no new deployment, the same everything else.
      const { freight: _freight, ...rest } = options;
      const r = await resumeAfterMerge(
        {
          ...rest,
          github: { repo: api, signCommits, deployments: false },
          stage,
          pullRequest: Number(resume),
        },
        scratch,
      );
      io.out(
        output === 'json'
          ? JSON.stringify(resumeJson(r), null, 2) + '\n'
          : `${r.note ?? `ran the ${r.statuses?.length ?? 0} steps after the wait of pull request #${r.pullRequest.number}: ${(r.statuses ?? []).join(', ')}`}\n`,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return EXIT.ok;
  }
  if (stages.length === 1 && !downstreamOf) {
    // One stage: its error is the command's, as it always was.
    const outcome = await promote({ ...options, stage: stages[0] as string });
    io.out(
      output === 'json'
        ? JSON.stringify(promoteJson(outcome), null, 2) + '\n'
        : promoteText(outcome, dryRun),
    );
    return EXIT.ok;
  }
  const results = await promoteMany(options, stages);
  io.out(output === 'json' ? promoteManyJson(results) : promoteManyText(results, dryRun));
  return results.some((r) => r.error) ? EXIT.failed : EXIT.ok;
}

function resumeJson(r: ResumeOutcome): Record<string, unknown> {
  return {
    pullRequest: r.pullRequest,
    ...(r.note ? { note: r.note } : {}),
    ...(r.freight ? { freight: { id: r.freight.id, alias: r.freight.alias } } : {}),
    ...(r.statuses ? { statuses: r.statuses } : {}),
  };
}
