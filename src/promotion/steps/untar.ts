/**
 * Kargo's `untar` step: extracts the tar archive `inPath` (gzip-compressed or not, told by its
 * first bytes) into the directory `outPath`, which is replaced whole when it exists.
 * `stripComponents` drops leading path components (an entry with no more than that many is
 * skipped); `ignore` takes .gitignore lines matched against the (stripped) entry paths. Regular
 * files (with their permission bits, never set-id or sticky), directories and symbolic links are
 * extracted; other kinds (hard links, devices) are skipped, as in Kargo. As in Kargo, a file over
 * 50 MiB or more than 100 MiB in all fails the step.
 *
 * Safety, where gantry is stricter than Kargo (which skips such entries quietly): an entry whose
 * path is absolute, climbs with `..`, or names a `.git` directory, and a symbolic link whose
 * target is absolute or leads out of `outPath`, fail the step, naming the entry. Extraction goes
 * into a temporary directory of the checkout, every write checked component by component
 * (safePath: nothing reaches outside through a link made by an earlier entry), and every link is
 * resolved once all are made; only then does the result replace `outPath`. A failure leaves the
 * checkout as it was.
 */
import { randomBytes } from 'node:crypto';
import {
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ConfigError, errorMessage } from '../../util/errors.js';
import { fieldError } from './config-check.js';
import { ignoreOption } from './copy.js';
import { checkFields, requireString } from './engine.js';
import { writablePath } from './file-write.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { nonEmpty, text } from './schema-parts.js';
import { MAX_TAR_FILE_BYTES, MAX_TAR_TOTAL_BYTES, ignoredWithParents } from './tar.js';
import { readTar } from './tar-format.js';
import type { StepDefinition } from './types.js';

const STEP = 'untar';

/** Headers and padding on top of the 100 MiB of contents. */
const MAX_ARCHIVE_BYTES = MAX_TAR_TOTAL_BYTES + (16 << 20);

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Every symbolic link under `dir`, as absolute paths. */
async function links(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isSymbolicLink()) out.push(abs);
    else if (e.isDirectory()) out.push(...(await links(abs)));
  }
  return out;
}

/**
 * Where a dangling link leads, resolved as the kernel would: component by component from the
 * link's real directory, `..` taken after any link before it is followed (a lexical resolve
 * would turn `a/..` into `.` even when `a` is a link elsewhere). Past the first component that
 * does not exist, the rest is appended as written (the kernel would stop there).
 */
async function danglingTarget(link: string, depth = 0): Promise<string> {
  if (depth > 40) return path.sep; // a loop: treated as leading nowhere safe
  const target = await readlink(link);
  let current = path.isAbsolute(target) ? path.sep : await realpath(path.dirname(link));
  const parts = target.split(/[/]+/).filter((p) => p !== '' && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '..') {
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    const st = await lstat(next).catch(() => undefined);
    if (!st) return path.join(next, ...parts.slice(i + 1));
    if (st.isSymbolicLink()) {
      current =
        (await realpath(next).catch(() => undefined)) ?? (await danglingTarget(next, depth + 1));
    } else current = next;
  }
  return current;
}

export const untar: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: 'Extracts a tar archive (gzip-compressed or not) into a directory, replacing it.',
    additionalProperties: false,
    required: ['inPath', 'outPath'],
    properties: {
      inPath: nonEmpty('The archive, relative to the checkout.'),
      outPath: nonEmpty(
        'The directory to extract into, relative to the checkout; replaced whole when it exists.',
      ),
      stripComponents: {
        type: 'integer',
        minimum: 0,
        description:
          'Leading path components dropped from each entry, as `tar --strip-components`.',
      },
      ignore: text(
        'Entries to leave out, one .gitignore pattern a line, matched against entry paths.',
      ),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['inPath', 'outPath', 'stripComponents', 'ignore']);
    const inRel = requireString(STEP, config, 'inPath');
    const outRel = requireString(STEP, config, 'outPath');
    const strip = config['stripComponents'] ?? 0;
    if (typeof strip !== 'number' || !Number.isInteger(strip) || strip < 0) {
      fieldError(
        STEP,
        'config.stripComponents',
        `must be a whole number, 0 or more, got ${JSON.stringify(strip)}`,
      );
    }
    const rules = ignoreOption(STEP, config);
    const inAbs = await safePath(ctx.worktree, inRel, `${STEP}: inPath`);
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP}: outPath`);
    const inShown = normalizeRelative(inRel);
    const outShown = normalizeRelative(outRel);
    if (outShown === '.') fieldError(STEP, 'config.outPath', 'would replace the whole checkout');
    const what = `${STEP}: inPath ${JSON.stringify(inShown)}`;

    const st = await lstat(inAbs).catch(() => undefined);
    if (!st) fieldError(STEP, 'config.inPath', `${JSON.stringify(inShown)}: no such file`);
    if (!st.isFile()) fieldError(STEP, 'config.inPath', `${JSON.stringify(inShown)} is not a file`);
    if (st.size > MAX_ARCHIVE_BYTES) {
      fieldError(
        STEP,
        'config.inPath',
        `${JSON.stringify(inShown)} is larger than the step extracts`,
      );
    }
    let archive = await readFile(inAbs);
    if (archive[0] === 0x1f && archive[1] === 0x8b) {
      try {
        archive = gunzipSync(archive, { maxOutputLength: MAX_ARCHIVE_BYTES });
      } catch (err) {
        throw new ConfigError(
          (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
            ? `${what}: decompresses to more than the 100 MiB the step extracts`
            : `${what}: not a valid gzip file: ${errorMessage(err)}`,
        );
      }
    }

    const root = await realpath(ctx.worktree);
    const tempRel = `.gantry-untar-${randomBytes(6).toString('hex')}`;
    const temp = path.join(root, tempRel);
    await mkdir(temp);
    let count = 0;
    try {
      let total = 0;
      for (const entry of readTar(archive, what)) {
        const shown = JSON.stringify(entry.name);
        const parts = entry.name
          .replace(/^(\.\/)+/, '')
          .split('/')
          .filter((p) => p !== '' && p !== '.');
        if (
          entry.name.startsWith('/') ||
          /^[A-Za-z]:/.test(entry.name) ||
          entry.name.includes('\\')
        ) {
          throw new ConfigError(
            `${what}: entry ${shown} has an absolute path; nothing was extracted`,
          );
        }
        if (parts.includes('..')) {
          throw new ConfigError(
            `${what}: entry ${shown} climbs out with ".."; nothing was extracted`,
          );
        }
        if (parts.some((p) => p.toLowerCase() === '.git')) {
          throw new ConfigError(
            `${what}: entry ${shown} is inside a .git directory; nothing was extracted`,
          );
        }
        if (entry.kind === 'other') {
          ctx.log(`${STEP}: ${entry.name}: not a file, directory or symbolic link; skipped`);
          continue;
        }
        if (parts.length <= strip) continue;
        const rel = parts.slice(strip).join('/');
        if (ignoredWithParents(rules, rel, entry.kind === 'dir')) continue;

        const field = `${STEP}: entry ${shown}`;
        const abs = await safePath(temp, rel, field);
        if (entry.kind === 'dir') {
          await mkdir(abs, { recursive: true });
        } else if (entry.kind === 'symlink') {
          const target = entry.linkname;
          const resolved = path.resolve(path.dirname(abs), target);
          if (path.isAbsolute(target) || target.includes('\\') || !isInside(temp, resolved)) {
            throw new ConfigError(
              `${what}: entry ${shown} is a symbolic link to ${JSON.stringify(target)}, outside ${JSON.stringify(outShown)}; nothing was extracted`,
            );
          }
          await mkdir(path.dirname(abs), { recursive: true });
          await rm(abs, { recursive: true, force: true });
          await symlink(target, abs);
        } else {
          if (entry.data.length > MAX_TAR_FILE_BYTES) {
            throw new ConfigError(
              `${what}: entry ${shown} is larger than 50 MiB, the most the step extracts per file`,
            );
          }
          total += entry.data.length;
          if (total > MAX_TAR_TOTAL_BYTES) {
            throw new ConfigError(
              `${what}: the archive holds more than 100 MiB, the most the step extracts`,
            );
          }
          await mkdir(path.dirname(abs), { recursive: true });
          // A link an earlier entry made is replaced, never written through.
          await rm(abs, { force: true });
          await writeFile(abs, entry.data, { mode: entry.mode & 0o777 });
          if (entry.mtime > 0) await utimes(abs, entry.mtime, entry.mtime);
        }
        count++;
      }
      // Links resolved with every entry in place: a chain of links that ends outside is refused.
      for (const link of await links(temp)) {
        const target =
          (await realpath(link).catch(() => undefined)) ?? (await danglingTarget(link));
        if (!isInside(temp, target)) {
          throw new ConfigError(
            `${what}: entry ${JSON.stringify(path.relative(temp, link))} is a symbolic link that leads outside ${JSON.stringify(outShown)}; nothing was extracted`,
          );
        }
      }
      await rm(outAbs, { recursive: true, force: true });
      await mkdir(path.dirname(outAbs), { recursive: true });
      await rename(temp, outAbs);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    ctx.log(`${STEP}: ${count} entries of ${inShown} extracted into ${outShown}`);
    return { summary: [`- extracted ${inShown} into ${outShown}`], changed: [outShown] };
  },
};
