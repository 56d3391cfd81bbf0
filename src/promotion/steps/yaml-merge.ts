/**
 * Kargo's `yaml-merge` step: `inFiles` merged in order into `outFile` (created or replaced), with
 * Kargo's rules (kustomize's merge2): maps merge key by key, recursively; a scalar or a list in a
 * later file replaces the earlier value whole (lists are not merged); a key set to null in a
 * later file removes the key; keys found in one file only are kept. A file that is empty (or holds
 * only comments) adds nothing; with `ignoreMissingFiles` a missing file is skipped, and when every
 * file is skipped `outFile` is written empty. Output `commitMessage` in Kargo's words.
 *
 * The merge works on the parsed documents, so the first file's comments, key order and scalar
 * styles survive, and a value taken from a later file brings its own comments. A file holding
 * several documents is refused (which one would merge is a guess).
 */
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isScalar, parseAllDocuments, visit, type Node, type Pair } from 'yaml';
import { ConfigError } from '../../util/errors.js';
import { fieldError } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { writablePath } from './file-write.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'yaml-merge';

const isNull = (n: unknown): boolean => n === null || (isScalar(n) && n.value === null);

const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);

/** `patch` applied over `base` (both parsed nodes); returns the merged node. */
function mergeNodes(base: Node, patch: Node): Node {
  if (!isMap(base) || !isMap(patch)) {
    // The replacing value keeps the comment of the one it replaces when it has none of its own.
    if (isScalar(base) && isScalar(patch) && !patch.comment && base.comment) {
      patch.comment = base.comment;
    }
    return patch;
  }
  for (const pair of patch.items) {
    const key = keyOf(pair);
    const at = base.items.findIndex((p) => keyOf(p) === key);
    if (isNull(pair.value)) {
      if (at >= 0) base.items.splice(at, 1);
      continue;
    }
    const existing = at >= 0 ? base.items[at] : undefined;
    if (!existing) {
      base.items.push(pair);
      continue;
    }
    existing.value =
      existing.value && !isNull(existing.value)
        ? mergeNodes(existing.value as Node, pair.value as Node)
        : pair.value;
  }
  return base;
}

/** The one document of a file, or undefined when it holds none; errors name file:line:col. */
function readDocument(rel: string, field: string, text: string): Document | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0) return undefined;
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw new ConfigError(
        `${STEP}: ${field}: ${at ? `${rel}:${at.line}:${at.col}` : rel}: not valid YAML: ${error.message.split('\n')[0]}`,
      );
    }
  }
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    throw new ConfigError(
      `${STEP}: ${field}: ${rel} holds ${docs.length} YAML documents (the second starts at line ${text.slice(0, second).split('\n').length}); yaml-merge merges files of one document`,
    );
  }
  const doc = docs[0];
  if (!doc || doc.contents === null || isNull(doc.contents)) return undefined;
  let aliases = false;
  visit(doc, {
    Alias() {
      aliases = true;
      return visit.BREAK;
    },
  });
  // Nodes move between documents; an alias would lose its anchor on the way, so a file with
  // aliases is merged by value (its comments are lost, its data is not).
  return aliases ? new Document(doc.toJS({ maxAliasCount: 100 })) : doc;
}

/** Kargo's commit message fragment for the files merged (the skipped ones not named). */
export function yamlMergeCommitMessage(inFiles: readonly string[], outFile: string): string {
  if (inFiles.length === 1) return `Wrote ${inFiles[0]} to ${outFile}`;
  return [
    `Merged ${inFiles.length} YAML files to ${outFile}`,
    ...inFiles.map((f) => `- ${f}`),
  ].join('\n');
}

export const yamlMerge: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Merges YAML files in order into one file: maps merge, scalars and lists from later files replace, null removes a key.',
    additionalProperties: false,
    required: ['inFiles', 'outFile'],
    properties: {
      inFiles: {
        type: 'array',
        minItems: 1,
        items: nonEmpty('A YAML file, relative to the checkout.'),
        description: 'The files to merge, first the base, then each file applied over the result.',
      },
      outFile: nonEmpty('The merged file, relative to the checkout; created or replaced.'),
      ignoreMissingFiles: flag(
        'Skip files of `inFiles` that do not exist (default false: a missing file fails the step).',
      ),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, ['inFiles', 'outFile', 'ignoreMissingFiles']);
    const inFiles = config['inFiles'];
    if (!Array.isArray(inFiles) || inFiles.length === 0) {
      fieldError(STEP, 'config.inFiles', 'is required: a list of at least one YAML file');
    }
    const outRel = requireString(STEP, config, 'outFile');
    const ignoreMissing = optionalBool(STEP, config, 'ignoreMissingFiles') ?? false;
    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP}: outFile`);
    const outShown = normalizeRelative(outRel);
    if ((await lstat(outAbs).catch(() => undefined))?.isDirectory()) {
      fieldError(STEP, 'config.outFile', `${JSON.stringify(outShown)} is a directory`);
    }

    // Every input is read and merged before anything is written.
    let merged: Document | undefined;
    // Kargo's commit message names the files as the config wrote them.
    const used: string[] = [];
    for (const [i, item] of (inFiles as unknown[]).entries()) {
      const field = `config.inFiles[${i}]`;
      const abs = await safePath(ctx.worktree, item, `${STEP}: ${field}`);
      const rel = normalizeRelative(item as string);
      let text: string;
      try {
        text = await readFile(abs, 'utf8');
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ENOENT' && ignoreMissing) {
          ctx.log(`${STEP}: ${rel} does not exist; skipped (ignoreMissingFiles)`);
          continue;
        }
        if (code === 'ENOENT') {
          fieldError(
            STEP,
            field,
            `${JSON.stringify(rel)}: no such file (set ignoreMissingFiles: true to skip missing files)`,
          );
        }
        if (code === 'EISDIR') fieldError(STEP, field, `${JSON.stringify(rel)} is a directory`);
        throw err;
      }
      used.push(item as string);
      const doc = readDocument(rel, field, text);
      if (!doc) continue;
      if (!merged) merged = doc;
      else merged.contents = mergeNodes(merged.contents as Node, doc.contents as Node);
    }

    const out = merged ? merged.toString() : '';
    const before = await readFile(outAbs, 'utf8').catch(() => undefined);
    const changed = before !== out;
    if (changed) {
      await mkdir(path.dirname(outAbs), { recursive: true });
      await writeFile(outAbs, out);
    }
    return {
      ...(used.length > 0 && { outputs: { commitMessage: yamlMergeCommitMessage(used, outRel) } }),
      summary: changed ? [`- merged ${used.length} YAML file(s) into ${outShown}`] : [],
      changed: changed ? [outShown] : [],
    };
  },
};
