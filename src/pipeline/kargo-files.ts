/**
 * Telling a gantry file for Kargo's manifests (`kargo: <dir>`) from an ordinary project file, and
 * which directories such files name: what loading needs before it knows whether any Kargo
 * manifest is there. Kept apart from ./kargo.ts, whose validators and schemas (most of the
 * pipeline's code) load only when one is.
 */
import { isMap, parseDocument } from 'yaml';

export interface TextFile {
  file: string;
  text: string;
}

/** `./kargo/` → `kargo`: the form file paths under the directory start with. */
export function normalizeKargoDir(dir: string): string {
  return dir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

/**
 * Whether a `.gantry/` file is a gantry file for Kargo's manifests (a top-level `kargo:` key),
 * even one whose directory is invalid: its own checks say why.
 */
export function isKargoFile(text: string): boolean {
  return /^kargo\s*:/m.test(text);
}

/**
 * The manifests directory a `.gantry/` file names with `kargo:` (normalized), or undefined for
 * an ordinary project file. Cheap enough to call on every file before choosing how to read it.
 */
export function kargoDirOf(text: string): string | undefined {
  if (!isKargoFile(text)) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const value: unknown = doc.get('kargo');
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const dir = normalizeKargoDir(value.trim());
  // An unsafe path is not read; the gantry file's schema reports it.
  return dir === '' || dir.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(dir) ? undefined : dir;
}

/** Every manifests directory the given `.gantry/` files name. */
export function kargoDirsOf(files: readonly TextFile[]): string[] {
  const dirs = files.map((f) => kargoDirOf(f.text)).filter((d): d is string => d !== undefined);
  return [...new Set(dirs)].sort();
}
