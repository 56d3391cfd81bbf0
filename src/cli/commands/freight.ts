import { suggest } from '../../util/suggest.js';
import type { Command, Flag, Subcommand } from '../command.js';
import { UsageError } from '../io.js';
import { freightAssemble } from './freight-assemble.js';
import { freightPrune } from './freight-prune.js';

/** The freight family's subcommands: adding one is a module and a line here. */
const SUBCOMMANDS: readonly Subcommand[] = [freightAssemble, freightPrune];

/** Each flag once, from every subcommand: the command line is parsed before one is chosen. */
function allFlags(): Flag[] {
  const byName = new Map<string, Flag>();
  for (const s of SUBCOMMANDS)
    for (const f of s.flags) if (!byName.has(f.name)) byName.set(f.name, f);
  return [...byName.values()].map((f) => ({ ...f, required: false }));
}

export const freightCommand: Command = {
  name: 'freight',
  summary: SUBCOMMANDS.map((s) => `${s.name}: ${s.summary}`).join('; '),
  positional: SUBCOMMANDS.map((s) => s.name).join('|'),
  flags: allFlags(),
  description: SUBCOMMANDS.map((s) => s.description).join('\n\n'),
  examples: SUBCOMMANDS.flatMap((s) => s.examples),
  async run(args, ctx) {
    const [name, ...rest] = args.positionals;
    const sub = SUBCOMMANDS.find((s) => s.name === name);
    if (!sub || rest.length) {
      const names = SUBCOMMANDS.map((s) => s.name);
      const hint = name ? suggest(name, names) : undefined;
      throw new UsageError(
        `freight needs one of ${names.join(', ')}${name ? `, not "${args.positionals.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        'freight',
      );
    }
    // A flag of another subcommand is refused by name, as a flag of another command is.
    const own = new Set(sub.flags.map((f) => f.name));
    for (const f of freightCommand.flags) {
      if (args.given(f.name) && !own.has(f.name))
        throw new UsageError(`--${f.name} is not a flag of freight ${sub.name}`, 'freight');
    }
    return sub.run(args, ctx);
  },
};
