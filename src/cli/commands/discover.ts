import { openRepo } from '../../app/repo.js';
import { discoverProjects } from '../../discovery/projects.js';
import type { Command } from '../command.js';
import { discoverCommand as discover } from '../discover.js';
import {
  OUTPUT_FLAG,
  PROJECT_FLAG,
  REPO_FLAG,
  noPositionals,
  outputOf,
  repoSettings,
} from '../shared.js';

export const discoverCommand: Command = {
  name: 'discover',
  summary: "look for new versions in each warehouse's subscriptions and record new freight",
  flags: [
    PROJECT_FLAG,
    {
      name: 'warehouse',
      type: 'string',
      value: 'W',
      help: 'look at this warehouse only; default: every warehouse of the project',
    },
    {
      name: 'dry-run',
      type: 'boolean',
      help: 'print what would be recorded (the commit, diff included) and push nothing',
    },
    OUTPUT_FLAG,
    REPO_FLAG,
  ],
  description: `New freight is pushed as state to origin; stages that auto-promote are then promoted.
Exit 1 when a subscription failed (the other warehouses are still recorded).`,
  examples: ['gantry discover --dry-run', 'gantry discover --project echo --warehouse echo'],
  async run(args, ctx) {
    const output = outputOf(args, 'discover');
    noPositionals(args, 'discover');
    const settings = repoSettings(args, ctx);
    const repo = await openRepo(settings);
    const projects = await discoverProjects(repo, args.string('project'));
    return discover(repo, projects, {
      warehouse: args.string('warehouse'),
      dryRun: args.boolean('dry-run'),
      output,
      io: ctx.io,
      cacheDir: settings.cacheDir,
      trace: settings.trace,
      now: ctx.now,
    });
  },
};
