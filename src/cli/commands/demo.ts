import type { Command } from '../command.js';
import { runDemo } from '../demo.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run a whole pipeline (discover, promote, verify, approve) on this machine',
  flags: [
    {
      name: 'dir',
      type: 'string',
      value: 'DIR',
      help: 'a new or empty directory for everything the demo makes; default: a new temporary one',
    },
  ],
  description: `An app repository whose tags are its releases, a GitOps repository with a three-stage project
and one small service per stage are made under the directory; gantry's own commands then take
a release through the stages. No account and no network needed.`,
  examples: ['gantry demo --dir /tmp/gantry-demo'],
  run(args, ctx) {
    const { io } = ctx;
    return runDemo({
      dir: args.string('dir'),
      io,
      cli: (argv, env) => ctx.runCli(argv, env ? { ...io, env: { ...io.env, ...env } } : io),
    });
  },
};
