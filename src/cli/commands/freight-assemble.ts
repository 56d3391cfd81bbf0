import { assembleFreight, type AssembleResult } from '../../discovery/assemble.js';
import { versionsOf } from '../../status/views.js';
import { openRepo } from '../../app/repo.js';
import { cliCreatedBy, cliSources } from '../discover.js';
import type { Subcommand } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { OUTPUT_FLAG, PROJECT_FLAG, REPO_FLAG, outputOf, repoSettings } from '../shared.js';
import { oneProject } from '../shared-repo.js';

export const freightAssemble: Subcommand = {
  name: 'assemble',
  summary: 'record freight from chosen versions',
  flags: [
    {
      name: 'warehouse',
      type: 'string',
      value: 'W',
      required: true,
      help: 'the warehouse the freight comes from; every version must belong to one of its subscriptions',
    },
    {
      name: 'image',
      type: 'string',
      value: 'REPO:TAG',
      multiple: true,
      help: 'an image of an image subscription, by tag; its digest is read from the registry',
    },
    {
      name: 'chart',
      type: 'string',
      value: 'REPO/NAME:VERSION',
      multiple: true,
      help: 'a chart version of a chart subscription: https://charts.example.com/podinfo:6.5.0, or\noci://ghcr.io/acme/charts/podinfo:6.5.0; it must be listed by the repository',
    },
    {
      name: 'commit',
      type: 'string',
      value: 'REPO_URL@SHA|REF',
      multiple: true,
      help: 'a commit of a git subscription: a full commit ID, a branch or a tag (resolved on the\nremote)',
    },
    PROJECT_FLAG,
    {
      name: 'dry-run',
      type: 'boolean',
      help: 'resolve the versions and print the freight; record nothing',
    },
    OUTPUT_FLAG,
    REPO_FLAG,
  ],
  description: `assemble: records freight from the versions named, one for each subscription of the
warehouse, the way discovery records the newest ones (same freight ID for the same versions, the
registry's digest for each image, the remote's commit for each ref). A version that belongs to no
subscription of the warehouse is refused and nothing is written. Assembling the same versions again
records nothing and prints the freight that exists. This is how a warehouse with
freightCreationPolicy: Manual gets freight, and how an earlier version goes back into a pipeline.`,
  examples: [
    'gantry freight assemble --warehouse echo --image ghcr.io/acme/echo:1.4.0',
    'gantry freight assemble --warehouse app --commit https://github.com/acme/cfg@main',
  ],
  async run(args, ctx) {
    const { io } = ctx;
    const output = outputOf(args, 'freight');
    const warehouse = args.string('warehouse');
    if (!warehouse) throw new UsageError('freight assemble needs --warehouse', 'freight');
    const images = args.strings('image');
    const charts = args.strings('chart');
    const commits = args.strings('commit');
    if (!images.length && !charts.length && !commits.length) {
      throw new UsageError(
        'freight assemble needs the versions: --image, --chart or --commit, one for each subscription of the warehouse',
        'freight',
      );
    }
    const settings = repoSettings(args, ctx);
    const repo = await openRepo(settings);
    const project = await oneProject(repo, args.string('project'), 'freight');
    const { sources } = cliSources(io, settings.cacheDir, settings.trace);
    let result: AssembleResult;
    try {
      result = await assembleFreight({
        project,
        warehouse,
        images,
        charts,
        commits,
        store: repo.store,
        sources: sources.assembly,
        clock: ctx.now,
        createdBy: cliCreatedBy(io.env),
        dryRun: args.boolean('dry-run'),
      });
    } finally {
      await sources.close();
    }
    if (output === 'json') {
      io.out(
        JSON.stringify(
          { created: result.created, dryRun: result.dryRun, freight: result.freight },
          null,
          2,
        ) + '\n',
      );
    } else {
      const f = result.freight;
      const what = result.dryRun
        ? 'would record'
        : result.created
          ? 'recorded'
          : 'already recorded';
      io.out(
        `${what}: freight ${f.alias} (${f.id.slice(0, 7)}) from warehouse ${result.warehouse}: ${versionsOf(f)}\n`,
      );
    }
    return EXIT.ok;
  },
};
