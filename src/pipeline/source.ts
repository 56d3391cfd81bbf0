/**
 * Positions in a parsed project file: from a field path (`['stages', 1, 'name']`) to the YAML node
 * it came from, and from there to a 1-based line and column.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Problem } from '../util/errors.js';

export type PathSegment = string | number;

export interface SourceFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The whole file's text, when the document is one of several in it (node ranges index it). */
  text?: string;
  /**
   * For data built from other files (a project read from Kargo's manifests): where the field at
   * a path of the built data was written. Problems and positions follow it; undefined keeps the
   * path in this file.
   */
  redirect?: (segments: readonly PathSegment[]) => Located | undefined;
}

/** A path in a given file. */
export interface Located {
  src: SourceFile;
  segments: PathSegment[];
}

/** Where the field at `segments` of `src`'s data is written (following `redirect`). */
export function locate(src: SourceFile, segments: readonly PathSegment[]): Located {
  return src.redirect?.(segments) ?? { src, segments: [...segments] };
}

/** `stages[1].requestedFreight[0].origin.name`; odd keys are quoted: `config["a.b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * Segments of a JSON pointer (as ajv's `instancePath`), numbers where the data at that point is an
 * array, so that `/stages/1/name` becomes `['stages', 1, 'name']`.
 */
export function pointerToSegments(pointer: string, data: unknown): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const index = Number(key);
      out.push(index);
      cur = cur[index];
    } else {
      out.push(key);
      cur =
        cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

interface Found {
  /** The node at the path, when the whole path exists. */
  value?: Node;
  /** The key node of the last segment, when its parent is a mapping that has it. */
  key?: Node;
  /** The deepest node that exists along the path (the document's root at worst). */
  nearest?: Node;
}

function deref(src: SourceFile, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(src.doc) ?? undefined;
  return isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
}

export function findNode(src: SourceFile, segments: readonly PathSegment[]): Found {
  let cur = deref(src, src.doc.contents);
  let nearest = cur;
  let key: Node | undefined;
  for (const seg of segments) {
    key = undefined;
    let next: unknown;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair) {
        key = isScalar(pair.key) ? pair.key : undefined;
        // A key with no value (`name:`) has a null scalar; fall back to the key for positions.
        next = pair.value ?? pair.key;
      }
    } else if (isSeq(cur) && typeof seg === 'number') {
      next = cur.items[seg];
    }
    const node = deref(src, next);
    if (!node) return { nearest, key };
    cur = node;
    nearest = node;
  }
  return { value: cur, key, nearest };
}

export function positionOf(
  src: SourceFile,
  node: Node | undefined,
): { line: number; column: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = src.lineCounter.linePos(offset);
  return { line, column: col };
}

export type Anchor = 'value' | 'key';

/**
 * A problem about the field at `segments`: positioned at its value (default) or at its key, falling
 * back to the nearest enclosing node that exists.
 */
export function problemAt(
  src: SourceFile,
  segments: readonly PathSegment[],
  message: string,
  anchor: Anchor = 'value',
): Problem {
  if (src.redirect) {
    const at = locate(src, segments);
    if (at.src !== src) return problemAt(at.src, at.segments, message, anchor);
  }
  const found = findNode(src, segments);
  const node =
    anchor === 'key' ? (found.key ?? found.value ?? found.nearest) : (found.value ?? found.nearest);
  return { file: src.file, ...positionOf(src, node), path: formatPath(segments), message };
}

/** Line of the node at `segments` (for "first defined at line N"). */
export function lineOf(src: SourceFile, segments: readonly PathSegment[]): number {
  if (src.redirect) {
    const at = locate(src, segments);
    if (at.src !== src) return lineOf(at.src, at.segments);
  }
  const found = findNode(src, segments);
  return positionOf(src, found.value ?? found.nearest).line;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.path.localeCompare(b.path) ||
    a.message.localeCompare(b.message)
  );
}

/** Sorted by position, exact duplicates removed. */
export function tidyProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of [...problems].sort(compareProblems)) {
    const id = `${p.file}\0${p.line}\0${p.column}\0${p.path}\0${p.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  return out;
}
