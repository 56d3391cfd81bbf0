import { expressionDataFromEnv } from '../../promotion/expr-data.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promote } from '../../promotion/promote.js';
import { resumeAfterMerge, type ResumeOutcome } from '../../promotion/resume.js';
import { defaultRegistry } from '../../promotion/steps/registry.js';
import { openRepo } from '../../status/repo.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { promoteJson, promoteText } from '../promote-output.js';
import {
  BY_FLAG,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  githubForRemote,
  noPositionals,
  oneProject,
  outputOf,
  progressOf,
  repoSettings,
  whoOf,
} from '../shared.js';

export const promoteCommand: Command = {
  name: 'promote',
  summary: "run a stage's promotion steps for a freight and push the result",
  flags: [
    { name: 'stage', type: 'string', value: 'S', required: true, help: 'the stage to promote' },
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
verified upstream. Progress is printed as the steps run (after the result with --output json).`,
  examples: [
    'gantry promote --stage staging',
    'gantry promote --stage prod --freight calm-rhino --mode pull-request',
    'gantry promote --stage dev --dry-run',
    'gantry promote --stage prod --resume-pull-request 42',
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, 'promote');
    noPositionals(args, 'promote');
    const stage = args.string('stage');
    if (!stage) throw new UsageError('promote needs --stage', 'promote');
    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string('project'), 'promote');
    const who = whoOf(args, io.env);
    const mode = args.string('mode');
    if (mode !== undefined && mode !== 'direct' && mode !== 'pull-request')
      throw new UsageError(`--mode must be direct or pull-request, not "${mode}"`, 'promote');
    const signCommits = args.boolean('sign-commits');
    const api = githubForRemote(io.env, repo.store.remoteUrl);
    if ((signCommits || mode === 'pull-request') && !api) {
      throw new UsageError(
        `${signCommits ? '--sign-commits' : 'pull-request mode'} needs a remote on GitHub (${io.env.GITHUB_SERVER_URL || 'https://github.com'}) and GITHUB_TOKEN`,
        'promote',
      );
    }
    const dryRun = args.boolean('dry-run');
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
      const scratch = await mkdtemp(join(tmpdir(), 'gantry-resume-'));
      try {
        const r = await resumeAfterMerge(
          {
            github: { repo: api, signCommits, deployments: false },
            project,
            stage,
            pullRequest: Number(resume),
            store: repo.store,
            registry: defaultRegistry(),
            dryRun,
            promotedBy: who,
            clock: ctx.now,
            fetch,
            log: progressOf(output, ctx),
            env: io.env,
            expressionData: expressionDataFromEnv(io.env),
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
    const outcome = await promote({
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
      stage,
      freight: args.string('freight'),
      store: repo.store,
      registry: defaultRegistry(),
      dryRun,
      promotedBy: who,
      clock: ctx.now,
      fetch,
      log: progressOf(output, ctx),
      env: io.env,
      expressionData: expressionDataFromEnv(io.env),
    });
    io.out(
      output === 'json'
        ? JSON.stringify(promoteJson(outcome), null, 2) + '\n'
        : promoteText(outcome, dryRun),
    );
    return EXIT.ok;
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
