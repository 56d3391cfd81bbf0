import { openRepo, selectProjects } from '../../app/repo.js';
import type { Command } from '../command.js';
import { dashboardCommand as dashboard } from '../dashboard.js';
import { UsageError } from '../io.js';
import { PROJECT_FLAG, REPO_FLAG, noPositionals, repoSettings } from '../shared.js';

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: 'write a static status page (index.html and status.json) for any web host',
  flags: [
    {
      name: 'out',
      type: 'string',
      value: 'DIR',
      required: true,
      help: 'the directory to write index.html and status.json into',
    },
    PROJECT_FLAG,
    REPO_FLAG,
  ],
  description: `Commit links point at the repository's web page, taken from the remote, or from
GANTRY_REPO_WEB_URL when set.`,
  examples: ['gantry dashboard --out site'],
  async run(args, ctx) {
    noPositionals(args, 'dashboard');
    const out = args.string('out');
    if (!out) throw new UsageError('dashboard needs --out DIR', 'dashboard');
    const repo = await openRepo(repoSettings(args, ctx));
    const projects = await selectProjects(repo, args.string('project'));
    return dashboard({ ctx: repo, projects, out, io: ctx.io, now: ctx.now });
  },
};
