/**
 * The tar format, as much of it as the `tar` and `untar` steps need (Node has no tar module):
 * POSIX ustar headers, with pax extended headers for names and link targets too long for them;
 * reading also takes GNU long names (`L`/`K`), which GNU tar writes. Entry kinds: regular files,
 * directories and symbolic links; every other kind (hard links, devices, FIFOs) is reported as
 * `other` for the caller to skip, as Kargo's untar does.
 *
 * Reading works on the whole (decompressed) archive in memory: the steps cap archives at 100 MiB.
 */
import { ConfigError } from '../../util/errors.js';

const BLOCK = 512;

export type TarEntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface TarEntry {
  /** The path in the archive, `/`-separated, as written (a directory's trailing `/` removed). */
  name: string;
  kind: TarEntryKind;
  /** Permission bits. */
  mode: number;
  /** A symbolic link's target. */
  linkname: string;
  /** Seconds since the epoch. */
  mtime: number;
  /** A file's contents (empty for the other kinds). */
  data: Buffer;
}

function octal(buf: Buffer, offset: number, width: number, value: number): void {
  buf.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}

/** One pax record: `<len> key=value\n`, where len counts the whole record, itself included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return `${len}${body}`;
}

function header(
  name: string,
  type: string,
  size: number,
  mode: number,
  mtime: number,
  linkname: string,
  prefix = '',
): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.max(0, Math.floor(mtime)));
  h.write(type, 156, 1, 'ascii');
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

const padding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** A ustar name and prefix for `name`, or undefined when it needs a pax header. */
function splitName(name: string): { name: string; prefix: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '') {
      return { name: rest, prefix };
    }
  }
  return undefined;
}

/** The blocks of one entry (a directory's name gets its trailing `/`). */
export function encodeEntry(entry: Omit<TarEntry, 'data'> & { data?: Buffer }): Buffer[] {
  const data = entry.kind === 'file' ? (entry.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
  const name = entry.kind === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  // `other` is written as a character device: only tests make such entries.
  const type = { file: '0', dir: '5', symlink: '2', other: '3' }[entry.kind];
  const out: Buffer[] = [];
  const split = splitName(name);
  const longLink = Buffer.byteLength(entry.linkname) > 100;
  if (!split || longLink) {
    const records =
      (split ? '' : paxRecord('path', name)) +
      (longLink ? paxRecord('linkpath', entry.linkname) : '');
    const body = Buffer.from(records, 'utf8');
    out.push(
      header('PaxHeader', 'x', body.length, 0o644, entry.mtime, ''),
      body,
      padding(body.length),
    );
  }
  const shortName = split ?? { name: name.slice(0, 100), prefix: '' };
  out.push(
    header(
      shortName.name,
      type,
      data.length,
      entry.mode,
      entry.mtime,
      longLink ? '' : entry.linkname,
      shortName.prefix,
    ),
  );
  if (data.length) out.push(data, padding(data.length));
  return out;
}

/** The two zero blocks that end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

function text(buf: Buffer, offset: number, width: number): string {
  const field = buf.subarray(offset, offset + width);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? width : nul).toString('utf8');
}

function number(buf: Buffer, offset: number, width: number, what: string, at: number): number {
  if ((buf[offset] ?? 0) & 0x80) {
    throw new ConfigError(
      `${what}: the entry at byte ${at} uses a base-256 number (a file over 8 GiB)`,
    );
  }
  const s = text(buf, offset, width).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s))
    throw new ConfigError(`${what}: the entry at byte ${at} has a corrupt header`);
  return Number.parseInt(s, 8);
}

function parsePax(body: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number.parseInt(body.subarray(i, space).toString('ascii'), 10);
    if (!Number.isInteger(len) || len <= 0 || i + len > body.length) break;
    const record = body.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}

/**
 * The entries of an uncompressed archive. `what` names the archive in errors (`untar: inPath
 * "a.tgz"`). A truncated or corrupt archive is a ConfigError.
 */
export function* readTar(archive: Buffer, what: string): Generator<TarEntry> {
  let offset = 0;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const at = offset;
    const h = archive.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) return;
    const stored = text(h, 148, 8).trim();
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] as number);
    if (!/^[0-7]+$/.test(stored) || sum !== Number.parseInt(stored, 8)) {
      throw new ConfigError(`${what}: not a tar archive (bad header at byte ${offset})`);
    }
    const size = number(h, 124, 12, what, offset);
    const type = String.fromCharCode(h[156] ?? 0);
    const start = offset + BLOCK;
    const end = start + size;
    if (end > archive.length) {
      throw new ConfigError(
        `${what}: the archive is truncated (an entry at byte ${offset} runs past its end)`,
      );
    }
    const data = archive.subarray(start, end);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L' || type === 'K') {
      const value = data.toString('utf8').replace(/\0.*$/s, '');
      if (type === 'L') longName = value;
      else longLink = value;
      continue;
    }
    const magic = text(h, 257, 6);
    const prefix = magic.startsWith('ustar') ? text(h, 345, 155) : '';
    let name =
      pax.get('path') ?? longName ?? (prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100));
    const linkname = pax.get('linkpath') ?? longLink ?? text(h, 157, 100);
    pax = new Map();
    longName = undefined;
    longLink = undefined;
    const kind: TarEntryKind =
      type === '0' || type === '\0' || type === '7'
        ? 'file'
        : type === '5'
          ? 'dir'
          : type === '2'
            ? 'symlink'
            : 'other';
    // Old (v7) archives mark a directory only by the trailing slash of a file entry.
    const dir = kind === 'dir' || (kind === 'file' && name.endsWith('/'));
    if (name.length > 1) name = name.replace(/\/+$/, '');
    yield {
      name,
      kind: dir ? 'dir' : kind,
      mode: number(h, 100, 8, what, at) & 0o777,
      linkname,
      mtime: number(h, 136, 12, what, at),
      data: kind === 'file' ? data : Buffer.alloc(0),
    };
  }
  // Some writers stop after the last entry, without the zero blocks; Go's reader accepts that.
  if (offset === archive.length) return;
  throw new ConfigError(`${what}: the archive is truncated (it ends inside a header)`);
}
