import { parseArgs } from 'node:util';
import { GitError } from '../git/index.js';
import { formatProblem, ConfigError, GantryError, errorMessage } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import { COMMAND_NAMES, loadCommand, loadCommands } from './commands/index.js';
import {
  commandHelp,
  HELP_FLAG,
  parseCommandArgs,
  type Args,
  type Command,
  type Flag,
} from './command.js';
import { EXIT, UsageError, type CliIO } from './io.js';

// What other modules and the tests have always imported from here.
export { EXIT, type CliIO } from './io.js';
export { githubTarget } from './shared.js';
export { VERSION } from './commands/version.js';

const helpCommand: Command = {
  name: 'help',
  summary: 'list the commands, or explain one: gantry help COMMAND (same as gantry COMMAND --help)',
  positional: '[COMMAND]',
  flags: [],
  examples: ['gantry help', 'gantry help promote'],
  async run(args, { io }) {
    const [name, ...more] = args.positionals;
    if (more.length)
      throw new UsageError(`help takes one command, got "${args.positionals.join(' ')}"`, 'help');
    if (name === undefined) {
      io.out(await globalHelp());
      return EXIT.ok;
    }
    io.out(commandHelp(await commandNamed(name)));
    return EXIT.ok;
  },
};

const allCommands = async (): Promise<Command[]> => [...(await loadCommands()), helpCommand];

async function commandNamed(name: string): Promise<Command> {
  const command = name === helpCommand.name ? helpCommand : await loadCommand(name);
  if (command) return command;
  const hint = suggest(name, [...COMMAND_NAMES, helpCommand.name]);
  throw new UsageError(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
}

async function globalHelp(): Promise<string> {
  const ALL = await allCommands();
  const width = Math.max(...ALL.map((c) => c.name.length)) + 2;
  return `gantry: continuous promotion for GitOps

Usage: gantry COMMAND [flags]

Commands:
${ALL.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

"gantry help COMMAND" or "gantry COMMAND --help" lists the command's flags, each explained, with
an example. A command refuses flags it does not take. "gantry --version" prints the version.

Environment:
  GANTRY_TOKEN      token for an https remote (sent as an HTTP header, never stored)
  GANTRY_CACHE_DIR  where gantry keeps its partial copy of remotes (default ~/.cache/gantry)
  GANTRY_DEBUG      set to 1 to print every git command gantry runs, with its duration
  GITHUB_TOKEN      for a remote on GitHub (GITHUB_SERVER_URL, default github.com): git access,
                    and for promote: pull requests, signed commits, deployments
  GITHUB_API_URL    GitHub's API (default https://api.github.com)

Exit codes: 0 done, 1 refused or failed, 2 bad usage or bad configuration.
`;
}

/**
 * The command line over gantry's core. Returns the exit code; never calls process.exit.
 *
 * The first line a failed command prints on stderr is its error: warnings, and the progress of a
 * command whose stdout is JSON, are held back and printed after the result or the error.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const later: string[] = [];
  try {
    return await dispatch(argv, io, later);
  } catch (err) {
    return reportError(err, io);
  } finally {
    if (later.length) io.err(later.join(''));
  }
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof UsageError && err.framed) {
    io.err(`${err.message}\nRun "gantry help ${err.command ?? ''}" for usage.\n`);
    return EXIT.usage;
  }
  if (err instanceof ConfigError) {
    io.err(
      `gantry: ${err.problems.length ? `${err.message.split('\n')[0]}\n${err.problems.map(formatProblem).join('\n')}` : err.message}\n`,
    );
    if (err instanceof UsageError)
      io.err(`Run "gantry help${err.command ? ` ${err.command}` : ''}" for usage.\n`);
    return EXIT.usage;
  }
  if (err instanceof GantryError || err instanceof GitError) {
    io.err(`gantry: ${err.message}\n`);
    return EXIT.failed;
  }
  io.err(
    `gantry: unexpected error: ${errorMessage(err)}\n${err instanceof Error ? (err.stack ?? '') : ''}\n`,
  );
  return EXIT.failed;
}

function scan(argv: readonly string[], flags: readonly Flag[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const f of flags) options[f.name] = { type: f.type, ...(f.short ? { short: f.short } : {}) };
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === 'positional');
  const before = tokens.filter((t) => t.kind === 'option' && (!first || t.index < first.index));
  return {
    index: first?.index ?? -1,
    help: tokens.some((t) => t.kind === 'option' && t.name === 'help'),
    // A flag before the command word may take a value that looks like a command.
    flagFirst: before.some((t) => t.kind === 'option' && t.name !== 'help'),
  };
}

/**
 * Where the command word is: the first positional, reading every command's flags when one comes
 * first (so that a value is never taken for the command, as in `gantry --repo . lint`).
 */
async function findCommand(argv: readonly string[]): Promise<{ index: number; help: boolean }> {
  const quick = scan(argv, [HELP_FLAG]);
  if (!quick.flagFirst) return quick;
  return scan(argv, [...(await allCommands()).flatMap((c) => c.flags), HELP_FLAG]);
}

/** What most command-line tools answer to: `gantry --version` runs `gantry version`. */
const VERSION_FLAGS = new Set(['--version', '-v', '-V']);

async function dispatch(argv: string[], io: CliIO, later: string[]): Promise<number> {
  if (argv.length === 1 && VERSION_FLAGS.has(argv[0]!)) argv = ['version'];
  const { index, help } = await findCommand(argv);
  if (index < 0) {
    if (help) {
      io.out(await globalHelp());
      return EXIT.ok;
    }
    // `gantry` alone is a usage error, and so are flags with no command: say which.
    const flags = argv.filter((a) => a.startsWith('-'));
    if (!flags.length) {
      io.err(await globalHelp());
      return EXIT.usage;
    }
    throw new UsageError(
      `no command given, only ${flags.length === 1 ? 'the flag' : 'the flags'} ${flags.join(' ')}: gantry COMMAND [flags]`,
    );
  }
  const command = await commandNamed(argv[index]!);
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  let args: Args;
  try {
    args = parseCommandArgs(command, rest, [command]);
  } catch (err) {
    // Refused: parsed again knowing every command, to say whose flag it was.
    if (!(err instanceof UsageError)) throw err;
    args = parseCommandArgs(command, rest, await allCommands());
  }
  if (args.help) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, {
    io,
    later,
    now: io.now ?? (() => new Date()),
    runCli,
  });
}
