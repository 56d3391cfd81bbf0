import { parseDuration } from '../../pipeline/duration.js';
import { defaultProviders } from '../../verification/index.js';
import { verifyJson, verifyText } from '../../verification/report.js';
import { verify } from '../../verification/verify.js';
import { openRepo } from '../../app/repo.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
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

export const verifyCommand: Command = {
  name: 'verify',
  summary: "run a stage's verification (its analysis metrics) and record the verdict",
  flags: [
    { name: 'stage', type: 'string', value: 'S', required: true, help: 'the stage to verify' },
    {
      name: 'freight',
      type: 'string',
      value: 'ID|ALIAS',
      help: "the freight to verify, by ID, ID prefix or alias; default: the freight of the stage's\nlatest promotion",
    },
    PROJECT_FLAG,
    {
      name: 'timeout',
      type: 'string',
      value: 'DURATION',
      default: '30m',
      help: 'give up on the verification after this long (30s, 10m, 1h)',
    },
    OUTPUT_FLAG,
    BY_FLAG('verifies'),
    REPO_FLAG,
  ],
  description: `A passed verification lets the freight move on to the stages downstream. Exit 1 when the
verification failed or was inconclusive.`,
  examples: [
    'gantry verify --stage staging',
    'gantry verify --stage dev --timeout 10m --output json',
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, 'verify');
    noPositionals(args, 'verify');
    const stage = args.string('stage');
    if (!stage) throw new UsageError('verify needs --stage', 'verify');
    const timeout = args.string('timeout') ?? '30m';
    let timeoutMs: number;
    try {
      timeoutMs = parseDuration(timeout);
    } catch {
      throw new UsageError(`--timeout must be a duration such as 30m, not "${timeout}"`, 'verify');
    }
    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string('project'), 'verify');
    const api = await githubForRemote(io.env, repo.store.remoteUrl);
    const outcome = await verify({
      project,
      stage,
      freight: args.string('freight'),
      store: repo.store,
      providers: defaultProviders(),
      verifiedBy: whoOf(args, io.env),
      fetch,
      env: io.env,
      secrets: [io.env.GITHUB_TOKEN, io.env.GANTRY_TOKEN].filter((t): t is string => !!t),
      clock: ctx.now,
      timeoutMs,
      log: progressOf(output, ctx),
      ...(api ? { github: api } : {}),
    });
    io.out(
      output === 'json' ? JSON.stringify(verifyJson(outcome), null, 2) + '\n' : verifyText(outcome),
    );
    return outcome.verified ? EXIT.ok : EXIT.failed;
  },
};
