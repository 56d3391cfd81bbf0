import pkg from '../../../package.json' with { type: 'json' };
import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { noPositionals } from '../shared.js';

export const VERSION: string = pkg.version;

export const versionCommand: Command = {
  name: 'version',
  summary: "print gantry's version",
  flags: [],
  examples: ['gantry version'],
  run(args, { io }) {
    noPositionals(args, 'version');
    io.out(`gantry ${VERSION}\n`);
    return Promise.resolve(EXIT.ok);
  },
};
