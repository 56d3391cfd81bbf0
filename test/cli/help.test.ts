/**
 * The command line explains itself: one line per command in `gantry help`, every flag of a
 * command explained in `gantry help CMD` (the same text as `CMD --help`), and usage errors in
 * gantry's words, never Node's parser's, with exit code 2.
 */
import { describe, expect, test } from 'vitest';
import { runGantry } from '../support/cli.js';

const cli = (args: string[]) => runGantry(args, {});

const COMMANDS = [
  'lint',
  'get',
  'discover',
  'freight',
  'promote',
  'verify',
  'approve',
  'init',
  'dashboard',
  'demo',
  'version',
  'help',
];

/** Flag → its explanation, from the Flags section of a command's help. */
function flagsOf(help: string): Map<string, string> {
  const section = /^Flags:\n((?: {2}.*\n)+)/m.exec(help)?.[1] ?? '';
  const flags = new Map<string, string>();
  let current: string | undefined;
  for (const line of section.split('\n')) {
    const m = /^ {2}(?:-\w, | {4})--([\w-]+)(?: \S+)? {2,}(\S.*)$/.exec(line);
    if (m) flags.set((current = m[1]!), m[2]!);
    else if (current && line.trim()) flags.set(current, `${flags.get(current)} ${line.trim()}`);
  }
  return flags;
}

/** Shell words of an example line (no quoting beyond plain double quotes is needed here). */
const words = (line: string) =>
  [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);

describe('gantry help', () => {
  test('lists every command, one line each, on stdout with exit 0; --help and -h too', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    const list = /^Commands:\n((?: {2}.*\n)+)/m.exec(r.out)?.[1] ?? '';
    const lines = list.trimEnd().split('\n');
    expect(lines.map((l) => /^ {2}(\w+) {2,}\S/.exec(l)?.[1])).toEqual(COMMANDS);
    expect(await cli(['--help'])).toEqual(r);
    expect(await cli(['-h'])).toEqual(r);
    const bare = await cli([]);
    expect(bare).toMatchObject({ code: 2, out: '' });
    expect(bare.err).toBe(r.out);
  });

  for (const name of COMMANDS) {
    test(`gantry help ${name} = gantry ${name} --help: usage, every flag explained, an example that parses`, async () => {
      const help = await cli(['help', name]);
      expect(help.code).toBe(0);
      expect(help.err).toBe('');
      expect(await cli([name, '--help'])).toEqual(help);
      expect(await cli([name, '-h'])).toEqual(help);
      const text = help.out;
      expect(text.startsWith(`gantry ${name}: `)).toBe(true);
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);

      const usage = /^Usage:\n((?: {2}.*\n)+)/m.exec(text)?.[1] ?? '';
      expect(usage).toMatch(new RegExp(`^ {2}gantry ${name}\\b`));
      const inUsage = new Set([...usage.matchAll(/--([\w-]+)/g)].map((m) => m[1]!));
      const explained = flagsOf(text);
      expect([...explained.keys()].sort()).toEqual([...inUsage, 'help'].sort());
      for (const [flag, words] of explained) {
        expect(words.split(' ').length, `--${flag}: ${words}`).toBeGreaterThanOrEqual(4);
      }

      const examples = /^Examples?:\n((?: {2}.*\n)+)/m.exec(text)?.[1] ?? '';
      expect(examples.trim()).not.toBe('');
      for (const line of examples.trim().split('\n')) {
        expect(line.trim()).toMatch(new RegExp(`^gantry ${name}\\b`));
        // The example uses only flags the command takes, each with a value where one is due.
        const r = await cli([...words(line.trim()), '--help']);
        expect(r, line).toMatchObject({ code: 0, err: '' });
      }
    });
  }

  test('promote explains --mode, --sign-commits and --no-deployments', async () => {
    const flags = flagsOf((await cli(['help', 'promote'])).out);
    expect(flags.get('mode')).toMatch(/direct.*pull-request.*pull request/s);
    expect(flags.get('sign-commits')).toMatch(/GitHub.*sign/);
    expect(flags.get('no-deployments')).toMatch(/deployment/);
  });

  test('an unknown command after help is a usage error with a suggestion', async () => {
    const r = await cli(['help', 'promot']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gantry: unknown command "promot" \(did you mean "promote"\?\)\n/);
  });
});

describe('the version', () => {
  test.each([['--version'], ['-v'], ['-V']])('gantry %s = gantry version', async (flag) => {
    const [r, v] = await Promise.all([cli([flag]), cli(['version'])]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^gantry \d+\.\d+\.\d+/);
    expect(r.out).toBe(v.out);
  });
});

describe('flags a command does not take', () => {
  test('gantry version --stage dev --dry-run --force is refused, exit 2, nothing printed', async () => {
    const r = await cli(['version', '--stage', 'dev', '--dry-run', '--force']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe(
      'gantry version takes no --stage: that is a flag of gantry promote, verify and approve',
    );
    expect(r.err).toContain('Run "gantry help version" for usage.');
  });

  test.each([
    [['lint', '--stage', 'dev'], 'gantry lint takes no --stage'],
    [['init', '--repo', '.', '--image', 'x'], 'gantry init takes no --repo'],
    [
      ['get', 'stages', '--dry-run'],
      'gantry get takes no --dry-run: that is a flag of gantry discover, freight and promote',
    ],
    [
      ['verify', '--stage', 'dev', '--mode', 'direct'],
      'gantry verify takes no --mode: that is a flag of gantry promote',
    ],
    [['init', '--stage', 'dev'], 'gantry init takes no --stage (did you mean --stages?)'],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toContain(message);
  });
});

describe("usage errors in gantry's words", () => {
  test.each([
    [['promote', '--stag', 'dev'], 'gantry promote: unknown option --stag (did you mean --stage?)'],
    [
      ['get', 'stages', '--projekt', 'echo'],
      'gantry get: unknown option --projekt (did you mean --project?)',
    ],
    [['lint', '--nonsense'], 'gantry lint: unknown option --nonsense'],
    [['lint', '-x'], 'gantry lint: unknown option -x'],
    [['promote', '--stage'], 'gantry promote: --stage needs a value (--stage S)'],
    [
      ['promote', '--stage', '--dry-run'],
      'gantry promote: --stage needs a value, and "--dry-run" looks like a flag; write --stage=--dry-run if it is the value',
    ],
    [['init', '--force=yes'], 'gantry init: --force takes no value, got "yes"'],
    // The last of two would win: this would promote prod.
    [
      ['promote', '--stage', 'dev', '--stage', 'prod', '--dry-run'],
      'gantry promote: --stage given twice ("dev", then "prod"); give it once',
    ],
    [['--stag'], 'gantry: no command given, only the flag --stag: gantry COMMAND [flags]'],
    [
      ['--stage', 'dev', '--dry-run'],
      'gantry: no command given, only the flags --stage --dry-run: gantry COMMAND [flags]',
    ],
    // Flags that only some kinds of get read: refused where they would be ignored.
    [
      ['get', 'stages', '--limit', '5'],
      'gantry: --limit is for get freight and get promotions, not get stages',
    ],
    [
      ['get', 'warehouses', '--limit', '2'],
      'gantry: --limit is for get freight and get promotions, not get warehouses',
    ],
    [
      ['get', 'freight', '--split-over', '3'],
      'gantry: --split-over is for get projects, not get freight',
    ],
    [
      ['get', 'projects', '--limit', '1'],
      'gantry: --limit is for get freight and get promotions, not get projects',
    ],
    [['get', 'promotions', '--all'], 'gantry: --all is for get freight, not get promotions'],
    [
      ['get', 'freight', '--limit', '3', '--all'],
      'gantry: --limit and --all ask for two different pages: give one',
    ],
    // A repeatable flag of another freight subcommand counts as given.
    [
      ['freight', 'prune', '--image', 'a:b', '--keep', '1', '--older-than', '1d', '--dry-run'],
      'gantry: --image is not a flag of freight prune',
    ],
  ])('%j', async (args, first) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe(first);
    expect(r.err).not.toMatch(/Unknown option|To specify a positional|ambiguous|ERR_PARSE_ARGS/);
  });
});
