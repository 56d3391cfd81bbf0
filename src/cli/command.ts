import { parseArgs } from 'node:util';
import { suggest } from '../util/suggest.js';
import { UsageError, type CliIO } from './io.js';

/** One flag of one command, with the words its help prints. */
export interface Flag {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the usage line: `S`, `ID|ALIAS`. */
  value?: string;
  /** Shown as `[--flag]` unless the command cannot run without it. */
  required?: boolean;
  default?: string;
  /** A string flag that may be given several times (`--image a:1 --image b:2`). */
  multiple?: boolean;
  /** What the flag does, for `gantry help CMD`; may run over several lines. */
  help: string;
}

/** The command line as one command reads it: its own flags only, already checked. */
export interface Args {
  positionals: string[];
  help: boolean;
  string(name: string): string | undefined;
  /** Every value of a `multiple` flag, in the order given. */
  strings(name: string): string[];
  boolean(name: string): boolean;
  /** Whether the flag was on the command line (a default does not count). */
  given(name: string): boolean;
}

/** What every command gets besides its arguments. */
export interface CommandContext {
  io: CliIO;
  now: () => Date;
  /** Lines for stderr held back until the command's result (or error) is printed. */
  later: string[];
  /** Runs another gantry command line (the demo drives the CLI through it). */
  runCli: (argv: string[], io: CliIO) => Promise<number>;
}

export interface Command {
  name: string;
  /** One line for `gantry help`. */
  summary: string;
  /** The positional part of the usage line, e.g. `stages|freight|promotions`. */
  positional?: string;
  flags: readonly Flag[];
  /** A paragraph or two for `gantry help CMD`, between the usage and the flags. */
  description?: string;
  examples: readonly string[];
  run(args: Args, ctx: CommandContext): Promise<number>;
}

export const HELP_FLAG: Flag = {
  name: 'help',
  type: 'boolean',
  short: 'h',
  help: 'print this help and exit',
};

/**
 * The command's flags from the command line, in gantry's words: a flag of another command is
 * refused by name, a misspelt one gets a suggestion, a string flag needs its value.
 */
export function parseCommandArgs(
  command: Command,
  argv: readonly string[],
  allCommands: readonly Command[],
): Args {
  const flags = [...command.flags, HELP_FLAG];
  const byName = new Map(flags.map((f) => [f.name, f]));
  // Not strict: the tokens are checked here, so that no message is Node's parser's.
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      flags.map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}) }]),
    ),
  });
  const fail = (message: string) =>
    new UsageError(`gantry ${command.name}${message}`, command.name, true);
  const strings = new Map<string, string>();
  const many = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const isShort = !t.rawName.startsWith('--');
    // A known short flag comes back under its long name; an unknown one under its letter.
    const flag = byName.get(t.name);
    if (!flag) throw fail(unknownFlag(command, t.rawName, t.name, isShort, allCommands));
    if (flag.type === 'boolean') {
      if (t.value !== undefined) throw fail(`: ${t.rawName} takes no value, got "${t.value}"`);
      booleans.add(flag.name);
      continue;
    }
    if (t.value === undefined) throw fail(`: ${t.rawName} needs a value (${flagUsage(flag)})`);
    // `--stage --dry-run` is a forgotten value far more often than a stage named "--dry-run".
    if (!t.inlineValue && t.value.startsWith('-')) {
      throw fail(
        `: ${t.rawName} needs a value, and "${t.value}" looks like a flag; write ${t.rawName}=${t.value} if it is the value`,
      );
    }
    if (flag.multiple) many.set(flag.name, [...(many.get(flag.name) ?? []), t.value]);
    else {
      // The last of two would win silently: `promote --stage dev --stage prod` must not promote
      // prod because the stage was given again further along a long command line.
      const had = strings.get(flag.name);
      if (had !== undefined)
        throw fail(`: --${flag.name} given twice ("${had}", then "${t.value}"); give it once`);
      strings.set(flag.name, t.value);
    }
  }
  return {
    positionals,
    help: booleans.has('help'),
    string: (name) => {
      const flag = byName.get(name);
      if (flag?.type !== 'string') throw new Error(`${command.name} has no string flag --${name}`);
      return strings.get(name) ?? flag.default;
    },
    strings: (name) => {
      const flag = byName.get(name);
      if (flag?.type !== 'string' || !flag.multiple)
        throw new Error(`${command.name} has no repeatable flag --${name}`);
      return many.get(name) ?? [];
    },
    boolean: (name) => {
      if (byName.get(name)?.type !== 'boolean')
        throw new Error(`${command.name} has no boolean flag --${name}`);
      return booleans.has(name);
    },
    given: (name) => {
      if (!byName.has(name)) throw new Error(`${command.name} has no flag --${name}`);
      return booleans.has(name) || strings.has(name) || many.has(name);
    },
  };
}

function unknownFlag(
  command: Command,
  raw: string,
  name: string,
  isShort: boolean,
  allCommands: readonly Command[],
): string {
  const own = [...command.flags, HELP_FLAG].map((f) => f.name);
  const hint = isShort ? undefined : suggest(name, own);
  const mean = hint && hint !== name ? ` (did you mean --${hint}?)` : '';
  const others = isShort
    ? []
    : allCommands.filter((c) => c !== command && c.flags.some((f) => f.name === name));
  if (others.length) {
    const who = others.map((c) => c.name);
    const list = who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} and ${who.at(-1)!}`;
    return ` takes no ${raw}${mean}: that is a flag of gantry ${list}`;
  }
  return `: unknown option ${raw}${mean}`;
}

function flagUsage(f: Flag): string {
  return f.type === 'string' ? `--${f.name} ${f.value ?? 'VALUE'}` : `--${f.name}`;
}

/** The usage line(s): required flags bare, the others in brackets, wrapped under the command. */
export function usageLines(c: Command, width = WIDTH - 2): string[] {
  const head = `gantry ${c.name}`;
  const words = [
    ...(c.positional ? [c.positional] : []),
    ...c.flags.filter((f) => f.required).map(flagUsage),
    ...c.flags.filter((f) => !f.required).map((f) => `[${flagUsage(f)}]${f.multiple ? '…' : ''}`),
  ];
  const lines: string[] = [];
  let line = head;
  for (const w of words) {
    if (line.length + 1 + w.length > width && line.length > head.length) {
      lines.push(line);
      line = ' '.repeat(head.length);
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines;
}

/** Help lines stay within this many columns. */
const WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** `gantry help CMD`: the usage, what it does, every flag explained, and examples. */
export function commandHelp(c: Command): string {
  const flags = [...c.flags, HELP_FLAG];
  const left = (f: Flag) =>
    `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
  const width = Math.max(...flags.map((f) => left(f).length)) + 2;
  const flagLines = flags.map((f) => {
    const text = [
      f.help.replace(/\s*\n\s*/g, ' '),
      ...(f.required ? ['(required)'] : []),
      ...(f.default !== undefined ? [`(default: ${f.default})`] : []),
    ].join(' ');
    const [first, ...more] = wrap(text, WIDTH - 2 - width);
    return [
      `  ${left(f).padEnd(width)}${first}`,
      ...more.map((m) => `  ${' '.repeat(width)}${m}`),
    ].join('\n');
  });
  return [
    `gantry ${c.name}: ${c.summary}`,
    '',
    'Usage:',
    ...usageLines(c).map((l) => `  ${l}`),
    '',
    ...(c.description
      ? c.description
          .trim()
          .split(/\n\s*\n/)
          .flatMap((para) => [...wrap(para.replace(/\s*\n\s*/g, ' '), WIDTH), ''])
      : []),
    'Flags:',
    ...flagLines,
    '',
    c.examples.length === 1 ? 'Example:' : 'Examples:',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** One subcommand of a command family (`gantry freight <name>`), in its own module with its own flags. */
export interface Subcommand {
  name: string;
  summary: string;
  flags: readonly Flag[];
  description: string;
  examples: readonly string[];
  run(args: Args, ctx: CommandContext): Promise<number>;
}
