/**
 * Kargo's `copy` step: `{inPath, outPath, ignore?}` copies a file, or a directory's contents
 * recursively (merged into an existing destination, existing files overwritten). As in Kargo,
 * symbolic links in the source are skipped and `.git` is ignored; `ignore` takes `.gitignore`
 * patterns (`#` comments, `!` negation, trailing `/` for directories, a `/` inside anchors the
 * pattern to `inPath`, `*`, `?`, `[…]`, `**`), evaluated after the `.git` default.
 *
 * Both paths go through safePath, and so does every file written, so neither the source nor a
 * link already in the destination can lead outside the checkout. Files whose content is already
 * the same are left alone and not reported as changed.
 */
import { fieldError } from './config-check.js';
import { chmod, lstat, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { compileRegex, type Regex } from '../../util/regex.js';
import { checkFields, requireString } from './engine.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { nonEmpty, text } from './schema-parts.js';
import type { StepDefinition } from './types.js';

export interface IgnoreRule {
  negate: boolean;
  dirOnly: boolean;
  anchored: boolean;
  re: Regex;
}

/**
 * A `.gitignore`-style glob as an RE2 expression source (`*`, `?`, `[…]`, `**`); see
 * compileGlob. Patterns come from configuration and subjects from the repository, so they are
 * matched with RE2, which cannot backtrack (`*a*a*a*…` against a long name).
 */
export function globToRegExp(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (glob[i + 2] === '/') {
            re += '(?:.*/)?';
            i += 2;
          } else {
            re += '.*';
            i += 1;
          }
          continue;
        }
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = classEnd(glob, i);
      if (end < 0) re += '\\[';
      else {
        let cls = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += (glob[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return re;
}

/** Where the class opened at `open` closes (a `]` right after `[` is literal), or -1. */
function classEnd(glob: string, open: number): number {
  let j = open + 1;
  if (glob[j] === ']') j++;
  while (j < glob.length) {
    if (glob[j] === ']') return j;
    // `[:alpha:]` inside a class is one item; its `]` does not close the class.
    const posix = glob.startsWith('[:', j) ? glob.indexOf(':]', j + 2) : -1;
    j = posix >= 0 ? posix + 2 : j + 1;
  }
  return -1;
}

/** The glob anchored to the whole path, compiled. */
export function compileGlob(glob: string): Regex {
  // (?s): `**` spans any character, newlines included.
  return compileRegex(`(?s)^${globToRegExp(glob)}$`);
}

/** Trailing whitespace is dropped, except one space escaped with a backslash. */
function trimTrailing(line: string): string {
  let start = line.length;
  // A loop rather than /\s+$/, which is quadratic on a long run of spaces before other text.
  while (start > 0 && /\s/.test(line[start - 1] ?? '')) start--;
  if (start > 0 && start < line.length && line[start - 1] === '\\') start++;
  return line.slice(0, start);
}

/** Parse `.gitignore`-style text into rules (last match wins). */
export function parseIgnore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = trimTrailing(raw);
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ negate, dirOnly, anchored, re: compileGlob(line) });
  }
  return rules;
}

/** Is `rel` (relative to the copy's root, `/`-separated) ignored? */
/** A step's optional `ignore` field (.gitignore patterns, one a line): tar and untar. */
export function ignoreOption(step: string, config: Record<string, unknown>): IgnoreRule[] {
  const text = config['ignore'];
  if (text !== undefined && text !== null && typeof text !== 'string') {
    fieldError(step, 'config.ignore', 'must be a string of .gitignore patterns, one a line');
  }
  return typeof text === 'string' ? parseIgnore(text) : [];
}

export function isIgnored(rules: readonly IgnoreRule[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (r.re.test(r.anchored ? rel : base)) ignored = !r.negate;
  }
  return ignored;
}

const DEFAULT_IGNORE = '.git/\n';

/** Files (relative to `root`) to copy, skipping symbolic links and ignored entries. */
async function listFiles(root: string, rules: readonly IgnoreRule[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        if (!isIgnored(rules, childRel, true)) await walk(path.join(dir, e.name), childRel);
      } else if (e.isFile() && !isIgnored(rules, childRel, false)) out.push(childRel);
    }
  };
  await walk(root, '');
  return out;
}

async function sameContent(file: string, data: Buffer): Promise<boolean> {
  try {
    const st = await lstat(file);
    if (!st.isFile() || st.size !== data.length) return false;
    return (await readFile(file)).equals(data);
  } catch {
    return false;
  }
}

export const copy: StepDefinition = {
  name: 'copy',
  schema: {
    type: 'object',
    description: 'Copies a file or a directory inside the checkout.',
    additionalProperties: false,
    required: ['inPath', 'outPath'],
    properties: {
      inPath: nonEmpty('What to copy, relative to the checkout.'),
      outPath: nonEmpty('Where to copy it, relative to the checkout.'),
      ignore: text('.gitignore patterns, one a line, of files not to copy.'),
    },
  },
  async run(config, ctx) {
    checkFields('copy', config, ['inPath', 'outPath', 'ignore']);
    const inPath = requireString('copy', config, 'inPath');
    const outPath = requireString('copy', config, 'outPath');
    const ignore = config['ignore'];
    if (ignore !== undefined && ignore !== null && typeof ignore !== 'string') {
      throw new ConfigError('copy: ignore must be a string of .gitignore patterns, one a line');
    }
    const rules = parseIgnore(DEFAULT_IGNORE + (typeof ignore === 'string' ? ignore : ''));
    const src = await safePath(ctx.worktree, inPath, 'copy: inPath');
    await safePath(ctx.worktree, outPath, 'copy: outPath');
    const inRel = normalizeRelative(inPath);
    const outRel = normalizeRelative(outPath);

    let srcStat;
    try {
      srcStat = await stat(src);
    } catch {
      throw new ConfigError(`copy: inPath ${JSON.stringify(inRel)}: no such file or directory`);
    }
    // [path relative to the source root, path relative to the worktree]
    const plan: [string, string][] = srcStat.isDirectory()
      ? (await listFiles(src, rules)).map((f) => [f, outRel === '.' ? f : `${outRel}/${f}`])
      : [['', outRel]];
    if (!srcStat.isDirectory() && outRel === '.') {
      throw new ConfigError('copy: outPath "." names the checkout itself; give a file path');
    }

    const changed: string[] = [];
    for (const [from, toRel] of plan) {
      const fromAbs = from === '' ? src : path.join(src, from);
      const toAbs = await safePath(ctx.worktree, toRel, 'copy: outPath');
      const data = await readFile(fromAbs);
      if (await sameContent(toAbs, data)) continue;
      await mkdir(path.dirname(toAbs), { recursive: true });
      const existing = await stat(toAbs).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new ConfigError(
          `copy: cannot copy ${JSON.stringify(from || inRel)} over the directory ${JSON.stringify(toRel)}`,
        );
      }
      await writeFile(toAbs, data);
      await chmod(toAbs, (await stat(fromAbs)).mode & 0o777);
      changed.push(toRel);
    }
    return {
      summary: changed.length ? [`- copied ${inRel} → ${outRel} (${changed.length} file(s))`] : [],
      changed,
    };
  },
};
