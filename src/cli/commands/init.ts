import type { Command } from '../command.js';
import { initCommand as init } from '../init.js';
import { noPositionals } from '../shared.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'write a first project file and the discover and promote workflows',
  flags: [
    {
      name: 'dir',
      type: 'string',
      value: 'DIR',
      help: 'the root of the GitOps repository clone to write into; default: the current directory',
    },
    {
      name: 'project',
      type: 'string',
      value: 'P',
      help: "the project's name; default: the image repository's last path segment",
    },
    {
      name: 'image',
      type: 'string',
      value: 'REPO',
      help: 'the container image repository whose new tags gantry promotes, without a tag\n(ghcr.io/acme/echo); init cannot run without it',
    },
    {
      name: 'stages',
      type: 'string',
      value: 'LIST',
      help: 'the stages in pipeline order, comma-separated (default: dev,staging,prod)',
    },
    {
      name: 'values-path',
      type: 'string',
      value: 'PATH',
      help: "each stage's Helm values file, whose image.tag the promotion sets; {stage} is\nreplaced by the stage's name (default: env/{stage}/values.yaml)",
    },
    {
      name: 'force',
      type: 'boolean',
      help: 'overwrite the project file and workflows when they exist (without it init writes\nnothing then); values files are never overwritten',
    },
  ],
  description: `Writes .gantry/<project>.yaml and the workflows under .github/workflows/, then prints
what to commit and what to set up on GitHub. Nothing is written when anything is wrong.`,
  examples: ['gantry init --image ghcr.io/acme/echo --stages dev,prod'],
  run(args, { io }) {
    noPositionals(args, 'init');
    return init({
      dir: args.string('dir') ?? '.',
      project: args.string('project'),
      image: args.string('image'),
      stages: args.string('stages'),
      valuesPath: args.string('values-path'),
      force: args.boolean('force'),
      io,
    });
  },
};
