/**
 * Kargo's `tar` step: archives `inPath` (a directory's contents, or one file under its own name)
 * into `outPath`, gzip-compressed with `gzip: true`. `ignore` takes .gitignore lines, matched
 * against paths relative to `inPath`; an ignored directory is skipped whole. Directories, regular
 * files and symbolic links (stored as links, never followed) are archived, `.git` never. As in
 * Kargo: a file over 50 MiB, or more than 100 MiB in all, fails the step; `outPath` is replaced
 * when it exists, through a temporary file beside it, so a failure leaves no partial archive.
 * Entries carry the files' modes and modification times, owner 0.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, readlink, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError } from '../../util/errors.js';
import { fieldError } from './config-check.js';
import { ignoreOption, isIgnored, type IgnoreRule } from './copy.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { writablePath } from './file-write.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty, text } from './schema-parts.js';
import { END_OF_ARCHIVE, encodeEntry } from './tar-format.js';
import type { StepDefinition } from './types.js';

const STEP = 'tar';

/** Kargo's limits. */
export const MAX_TAR_FILE_BYTES = 50 << 20;
export const MAX_TAR_TOTAL_BYTES = 100 << 20;

/** `rel` or one of its parent directories is ignored. */
export function ignoredWithParents(
  rules: readonly IgnoreRule[],
  rel: string,
  isDir: boolean,
): boolean {
  if (rules.length === 0) return false;
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (isIgnored(rules, parts.slice(0, i).join('/'), true)) return true;
  }
  return isIgnored(rules, rel, isDir);
}

export const tar: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Archives a directory or a file into a tar file, gzip-compressed with `gzip: true`.',
    additionalProperties: false,
    required: ['inPath', 'outPath'],
    properties: {
      inPath: nonEmpty(
        'The directory (its contents are archived) or file, relative to the checkout.',
      ),
      outPath: nonEmpty('The archive to write, relative to the checkout; replaced when it exists.'),
      ignore: text('Paths to leave out, one .gitignore pattern a line, relative to `inPath`.'),
      gzip: flag('Compress the archive with gzip; default false.'),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['inPath', 'outPath', 'ignore', 'gzip']);
    const inRel = requireString(STEP, config, 'inPath');
    const outRel = requireString(STEP, config, 'outPath');
    const gzip = optionalBool(STEP, config, 'gzip') ?? false;
    const rules = ignoreOption(STEP, config);
    const inAbs = await safePath(ctx.worktree, inRel, `${STEP}: inPath`);
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP}: outPath`);
    const inShown = normalizeRelative(inRel);
    const outShown = normalizeRelative(outRel);
    const top = await lstat(inAbs).catch(() => undefined);
    if (!top)
      fieldError(STEP, 'config.inPath', `${JSON.stringify(inShown)}: no such file or directory`);
    if ((await lstat(outAbs).catch(() => undefined))?.isDirectory()) {
      fieldError(STEP, 'config.outPath', `${JSON.stringify(outShown)} is a directory`);
    }

    const blocks: Buffer[] = [];
    let total = 0;
    let count = 0;
    const add = async (abs: string, rel: string): Promise<void> => {
      const st = await lstat(abs);
      const mtime = Math.floor(st.mtimeMs / 1000);
      // The archive being written may sit inside inPath: it is not archived into itself.
      if (abs === outAbs) return;
      if (st.isSymbolicLink()) {
        blocks.push(
          ...encodeEntry({
            name: rel,
            kind: 'symlink',
            mode: 0o777,
            mtime,
            linkname: await readlink(abs),
          }),
        );
      } else if (st.isFile()) {
        if (st.size > MAX_TAR_FILE_BYTES) {
          throw new ConfigError(
            `${STEP}: ${rel} is larger than 50 MiB, the most the step archives per file`,
          );
        }
        total += st.size;
        if (total > MAX_TAR_TOTAL_BYTES) {
          throw new ConfigError(
            `${STEP}: ${JSON.stringify(inShown)} holds more than 100 MiB, the most the step archives`,
          );
        }
        blocks.push(
          ...encodeEntry({
            name: rel,
            kind: 'file',
            mode: st.mode & 0o777,
            mtime,
            linkname: '',
            data: await readFile(abs),
          }),
        );
      } else if (st.isDirectory()) {
        blocks.push(
          ...encodeEntry({ name: rel, kind: 'dir', mode: st.mode & 0o777, mtime, linkname: '' }),
        );
      } else return;
      count++;
    };
    const walk = async (absDir: string, relDir: string): Promise<void> => {
      const names = (await readdir(absDir)).sort();
      for (const name of names) {
        if (name === '.git') continue;
        const abs = path.join(absDir, name);
        const rel = relDir ? `${relDir}/${name}` : name;
        const st = await lstat(abs);
        if (ignoredWithParents(rules, rel, st.isDirectory())) continue;
        await add(abs, rel);
        if (st.isDirectory()) await walk(abs, rel);
      }
    };
    if (top.isDirectory()) await walk(inAbs, '');
    else if (!ignoredWithParents(rules, path.basename(inAbs), false))
      await add(inAbs, path.basename(inAbs));

    blocks.push(END_OF_ARCHIVE);
    const archive = Buffer.concat(blocks);
    const bytes = gzip ? gzipSync(archive) : archive;
    const before = await readFile(outAbs).catch(() => undefined);
    if (before?.equals(bytes)) {
      ctx.log(`${STEP}: ${outShown} already holds this archive of ${inShown}`);
      return { summary: [], changed: [] };
    }
    await mkdir(path.dirname(outAbs), { recursive: true });
    const temp = path.join(
      path.dirname(outAbs),
      `.${path.basename(outAbs)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, outAbs);
    } finally {
      await rm(temp, { force: true });
    }
    ctx.log(`${STEP}: ${count} entries of ${inShown} archived in ${outShown}`);
    return { summary: [`- archived ${inShown} in ${outShown}`], changed: [outShown] };
  },
};
