import { homedir } from 'node:os';
import { join } from 'node:path';
import { promotionRegistryCredentials } from '../../discovery/credentials.js';
import { expressionDataFromEnv } from '../../promotion/expr-data.js';
import { promote, type PromoteOptions } from '../../promotion/promote.js';
import {
  downstreamStages,
  promoteMany,
  stageList,
  upstreamFreight,
} from '../../promotion/promote-many.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resumeAfterMerge, type ResumeOutcome } from '../../promotion/resume.js';
import { defaultRegistry } from '../../promotion/steps/registry.js';
import { openRepo } from '../../app/repo.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { promoteJson, promoteManyJson, promoteManyText, promoteText } from '../promote-output.js';
import {
  BY_FLAG,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  noPositionals,
  outputOf,
  progressOf,
  repoSettings,
  whoOf,
} from '../shared.js';
import { githubForRemote, oneProject } from '../shared-repo.js';

export const promoteCommand: Command = {
  name: 'promote',
  summary: "run a stage's promotion steps for a freight and push the result",
  flags: [
    {
      name: 'stage',
      type: 'string',
      value: 'S',
      help: 'the stage to promote, or several separated by commas (each promoted on its own,\nwith its own gates)',
    },
    {
      name: 'downstream-of',
      type: 'string',
      value: 'S',
      help: "promote every stage that requests freight from S (Kargo's promote to downstream);\nthe freight default is the one S runs",
    },
    {
      name: 'freight',
      type: 'string',
      value: 'ID|ALIAS',
      help: 'the freight to promote: an ID, a unique ID prefix of 7+ characters, or an alias;\ndefault: the newest freight available to the stage (approved for it, or verified upstream)',
    },
    PROJECT_FLAG,
    {
      name: 'dry-run',
      type: 'boolean',
      help: 'run the steps and print the commit they would make, diff included; push nothing',
    },
    OUTPUT_FLAG,
    {
      name: 'mode',
      type: 'string',
      value: 'direct|pull-request',
      help: "how the commit leaves, overriding the stage's promotionTemplate.mode: direct pushes to\nthe stage's branch; pull-request pushes to gantry/promote/<project>/<stage> and opens (or\nupdates) a pull request into it, whose merge is the promotion (needs the repository on\nGitHub and GITHUB_TOKEN)",
    },
    {
      name: 'sign-commits',
      type: 'boolean',
      help: 'have GitHub create and sign the commit (through its API) so that branch rules\nrequiring signed commits accept it; needs the repository on GitHub and GITHUB_TOKEN',
    },
    {
      name: 'no-deployments',
      type: 'boolean',
      help: "do not record the promotion as a GitHub deployment of the stage's environment (by\ndefault one is recorded when the repository is on GitHub and GITHUB_TOKEN is set)",
    },
    {
      name: 'resume-pull-request',
      type: 'string',
      value: 'N',
      help: "after pull request N merged: run the steps of its promotion's template that follow the\ngit-wait-for-pr it ended pending at (argocd-update, say); needs GITHUB_TOKEN",
    },
    BY_FLAG('promotes'),
    REPO_FLAG,
  ],
  description: `Refused (exit 1) when the freight is not available to the stage: neither approved for it nor
verified upstream. Progress is printed as the steps run (after the result with --output json).

With several stages (--stage a,b or --downstream-of S) each stage is promoted in turn, as if alone:
one refused or failed does not stop the others, every stage's result is printed, and the exit code
is 1 when any failed.`,
  examples: [
    'gantry promote --stage staging',
    'gantry promote --stage prod --freight calm-rhino --mode pull-request',
    'gantry promote --stage dev --dry-run',
    'gantry promote --stage qa,uat --freight calm-rhino',
    'gantry promote --downstream-of staging',
    'gantry promote --stage prod --resume-pull-request 42',
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, 'promote');
    noPositionals(args, 'promote');
    const stageText = args.string('stage');
    const downstreamOf = args.string('downstream-of');
    if (!stageText && !downstreamOf)
      throw new UsageError('promote needs --stage (or --downstream-of)', 'promote');
    if (stageText && downstreamOf)
      throw new UsageError('promote takes --stage or --downstream-of, not both', 'promote');
    const repo = await openRepo(repoSettings(args, ctx));
    const named = args.string('freight');
    const projectName = args.string('project');
    // The project and the freight named up front: the first fetch brings what the promotion reads.
    if (named !== undefined && projectName !== undefined)
      repo.store.promoteNamedAhead(projectName, named);
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
  },
};

function resumeJson(r: ResumeOutcome): Record<string, unknown> {
  return {
    pullRequest: r.pullRequest,
    ...(r.note ? { note: r.note } : {}),
    ...(r.freight ? { freight: { id: r.freight.id, alias: r.freight.alias } } : {}),
    ...(r.statuses ? { statuses: r.statuses } : {}),
  };
}
