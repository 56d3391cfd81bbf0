/**
 * Kargo's `kustomize-set-image` step, without a kustomize binary.
 *
 * Config (Kargo's field names): `{path, images?: [{image, name?, tag?, digest?, useDigest?,
 * newName?, fromOrigin?}]}`. `path` is the directory holding the kustomization file
 * (`kustomization.yaml`, `kustomization.yml` or `Kustomization`; exactly one of them, a regular
 * file, not a symbolic link, as in Kargo). `path` goes through `safePath`.
 *
 * - Explicit images: `digest` wins over `tag`, as in Kargo's code (setting both is a config error
 *   here, as Kargo's JSON schema's `oneOf` makes it). With neither, the version comes from the
 *   freight collection: the image whose `repoURL` is `image` (from the warehouse `fromOrigin`
 *   names, when given), its digest with `useDigest: true`, else its tag. `name` is the image name
 *   in the kustomization (defaults to `image`); `newName` renames it, `"*"` keeps the current one.
 * - Automatic (no `images`, or an empty list): every image of the freight collection, keyed by its
 *   `repoURL`, with `newTag` and `digest` as the freight has them (Kargo sets both when both are
 *   known; kustomize then writes `name:tag@digest`). An image repository that more than one
 *   freight provides is ambiguous: configure `images` (Kargo refuses the same way).
 * - The `images` list is merged as Kargo's `mergeImages` does: an entry for a targeted name is
 *   replaced by the target (`"*"` in `newName`, `newTag` or `digest` keeps the current value), other
 *   entries are kept, and the list is sorted by name.
 *
 * Formatting: Kargo re-encodes the whole file. gantry edits only the `images` list: when its
 * entries stay the same names in the same order (the usual tag bump), only the changed values'
 * bytes change (via `setYamlValues`); otherwise the list's lines are rewritten in place from the
 * YAML document model, which keeps the comments attached to its entries. Everything outside the
 * list stays byte for byte. A missing `images` key is appended at the end of the file; a flow-style
 * or empty `images` value is the one case where the whole file is re-serialised.
 *
 * Outputs: `commitMessage` exactly as Kargo's (`Updated <path> to use new image(s)` and one
 * `- name:tag` / `- name@digest` line per target image, sorted by name).
 */
import { flag, nonEmpty, originSchema, text } from './schema-parts.js';
import { fieldError, isRecord, onlyKeys, requireField } from './config-check.js';
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
} from 'yaml';
import type { Freight, FreightImage } from '../../freight/types.js';
import { ConfigError, OperationError } from '../../util/errors.js';
import { plainSafe, setYamlValues, type ValueUpdate } from '../yaml-edit.js';
import { normalizeRelative, safePath } from './safe-path.js';
import type { StepContext, StepDefinition, StepResult } from './types.js';

const STEP = 'kustomize-set-image';

/** kustomize's names for a kustomization file (`konfig.RecognizedKustomizationFileNames`). */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** Kargo's `preserveSeparator`: a target value of `*` keeps the current one. */
const PRESERVE = '*';

/** An entry of a kustomization's `images` list (kustomize's `types.Image`). */
export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** Kept as found on entries gantry does not target. */
  tagSuffix?: string;
}

/** Field order kustomize writes (and gantry uses for new entries). */
const IMAGE_FIELDS = ['name', 'newName', 'newTag', 'digest', 'tagSuffix'] as const;

export interface KustomizeSetImageImageConfig {
  image: string;
  name?: string;
  tag?: string;
  digest?: string;
  useDigest?: boolean;
  newName?: string;
  fromOrigin?: { kind: 'Warehouse'; name: string };
}

export interface KustomizeSetImageConfig {
  path: string;
  images?: KustomizeSetImageImageConfig[];
}

export const kustomizeSetImage: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: "Sets images in a kustomization's `images`, without a kustomize binary.",
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: nonEmpty('The directory of the kustomization, relative to the checkout.'),
      images: {
        type: 'array',
        description: 'The images to set; none: every image of the freight.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['image'],
          properties: {
            image: nonEmpty('The image repository, as the freight has it.'),
            name: text('The name the kustomization matches; default: `image`.'),
            tag: text('The tag to set; default: the tag in the freight.'),
            digest: text('The digest to set (instead of a tag).'),
            useDigest: flag("Set the freight's digest instead of its tag."),
            newName: text('A new image name to set.'),
            fromOrigin: originSchema("Which warehouse's freight provides the image."),
          },
        },
      },
    },
  },
  async run(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
    const cfg = parseKustomizeSetImageConfig(config);
    const dir = await safePath(ctx.worktree, cfg.path, `${STEP}: path`);
    const file = await findKustomization(dir, cfg.path);
    const relFile = posix.join(normalizeRelative(cfg.path), file.slice(dir.length + 1));

    const targets =
      cfg.images && cfg.images.length > 0
        ? buildTargetImagesFromConfig(cfg.images, ctx.freightCollection)
        : buildTargetImagesAutomatically(ctx.freightCollection);

    const text = await readFile(file, 'utf8');
    const { text: out, before, after } = updateKustomization(text, targets, relFile);

    const result: StepResult = {};
    const message = kustomizeCommitMessage(cfg.path, targets);
    if (message) result.outputs = { commitMessage: message };
    if (out !== text) {
      await writeFile(file, out);
      result.changed = [relFile];
      result.summary = summaryLines(relFile, before, after);
    } else {
      ctx.log(`${STEP}: ${relFile} already uses these images`);
    }
    return result;
  },
};

// ---------------------------------------------------------------------------------------------
// Config

export function parseKustomizeSetImageConfig(
  config: Record<string, unknown>,
): KustomizeSetImageConfig {
  onlyKeys(STEP, config, ['path', 'images'], '');
  const path = requireField(STEP, config.path, 'path');
  if (config.images === undefined || config.images === null) return { path };
  if (!Array.isArray(config.images)) fieldError(STEP, 'images', 'must be a list');
  const images = config.images.map((raw, i) => parseImageConfig(raw, `images[${i}]`));
  return { path, images };
}

function parseImageConfig(raw: unknown, field: string): KustomizeSetImageImageConfig {
  if (!isRecord(raw)) fieldError(STEP, field, 'must be a mapping');
  onlyKeys(
    STEP,
    raw,
    ['image', 'name', 'tag', 'digest', 'useDigest', 'newName', 'fromOrigin'],
    `${field}.`,
  );
  const out: KustomizeSetImageImageConfig = {
    image: requireField(STEP, raw.image, `${field}.image`),
  };
  for (const k of ['name', 'tag', 'digest', 'newName'] as const) {
    const v = raw[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') fieldError(STEP, `${field}.${k}`, 'must be a string');
    out[k] = v;
  }
  if (out.tag !== undefined && out.digest !== undefined) {
    fieldError(STEP, field, 'set either tag or digest, not both');
  }
  if (raw.useDigest !== undefined && raw.useDigest !== null) {
    if (typeof raw.useDigest !== 'boolean')
      fieldError(STEP, `${field}.useDigest`, 'must be true or false');
    out.useDigest = raw.useDigest;
  }
  if (raw.fromOrigin !== undefined && raw.fromOrigin !== null) {
    out.fromOrigin = parseOrigin(raw.fromOrigin, `${field}.fromOrigin`);
  }
  return out;
}

function parseOrigin(raw: unknown, field: string): { kind: 'Warehouse'; name: string } {
  if (!isRecord(raw)) fieldError(STEP, field, 'must be a mapping with kind and name');
  onlyKeys(STEP, raw, ['kind', 'name'], `${field}.`);
  if (raw.kind !== 'Warehouse') fieldError(STEP, `${field}.kind`, 'must be Warehouse');
  return { kind: 'Warehouse', name: requireField(STEP, raw.name, `${field}.name`) };
}

// ---------------------------------------------------------------------------------------------
// Target images

/** Kargo's `buildTargetImagesFromConfig`, with the freight look-up of `image` when neither tag
 * nor digest is given. Keys are the kustomization image names. */
export function buildTargetImagesFromConfig(
  images: readonly KustomizeSetImageImageConfig[],
  freightCollection: readonly Freight[] = [],
): Map<string, KustomizeImage> {
  const targets = new Map<string, KustomizeImage>();
  images.forEach((img, i) => {
    const target: KustomizeImage = { name: img.name ?? img.image };
    if (img.newName) target.newName = img.newName;
    if (img.digest) {
      target.digest = img.digest;
    } else if (img.tag) {
      target.newTag = img.tag;
    } else {
      const found = findFreightImage(freightCollection, img.image, img.fromOrigin, `images[${i}]`);
      if (img.useDigest) {
        if (!found.digest) {
          fieldError(
            STEP,
            `images[${i}].useDigest`,
            `the freight's image ${img.image} has no digest`,
          );
        }
        target.digest = found.digest;
      } else {
        if (!found.tag)
          fieldError(STEP, `images[${i}]`, `the freight's image ${img.image} has no tag`);
        target.newTag = found.tag;
      }
    }
    targets.set(target.name, target);
  });
  return targets;
}

/** Kargo's `buildTargetImagesAutomatically`: every image of the freight collection. */
export function buildTargetImagesAutomatically(
  freightCollection: readonly Freight[],
): Map<string, KustomizeImage> {
  const providers = new Map<string, string[]>();
  const targets = new Map<string, KustomizeImage>();
  for (const freight of freightCollection) {
    for (const img of freight.images) {
      const seen = providers.get(img.repoURL) ?? [];
      seen.push(`${freight.origin.kind}/${freight.origin.name}`);
      providers.set(img.repoURL, seen);
      const target: KustomizeImage = { name: img.repoURL };
      if (img.tag) target.newTag = img.tag;
      if (img.digest) target.digest = img.digest;
      targets.set(img.repoURL, target);
    }
  }
  for (const [repoURL, origins] of providers) {
    if (origins.length > 1) {
      throw new ConfigError(
        `${STEP}: manual configuration required due to ambiguous result: image ${repoURL} comes from ${origins.join(', ')}; list it under images with fromOrigin`,
      );
    }
  }
  return targets;
}

function findFreightImage(
  collection: readonly Freight[],
  repoURL: string,
  origin: { kind: 'Warehouse'; name: string } | undefined,
  field: string,
): FreightImage {
  const hits: { image: FreightImage; origin: string }[] = [];
  for (const freight of collection) {
    if (origin && (freight.origin.kind !== origin.kind || freight.origin.name !== origin.name)) {
      continue;
    }
    for (const image of freight.images) {
      if (image.repoURL === repoURL) {
        hits.push({ image, origin: `${freight.origin.kind}/${freight.origin.name}` });
      }
    }
  }
  const from = origin ? ` from ${origin.kind}/${origin.name}` : '';
  const [first, ...rest] = hits;
  if (!first) {
    fieldError(
      STEP,
      field,
      `no freight${from} in the stage's freight collection has image ${repoURL}`,
    );
  }
  if (rest.length > 0) {
    fieldError(
      STEP,
      field,
      `image ${repoURL} is ambiguous: it comes from ${hits.map((h) => h.origin).join(', ')}; set fromOrigin, tag or digest`,
    );
  }
  return first.image;
}

// ---------------------------------------------------------------------------------------------
// Merging (Kargo's mergeImages)

/** Kargo's `mergeImages`: targets replace entries of the same name (`*` keeps a current value),
 * other entries stay, `*` left over becomes empty, and the result is sorted by name. */
export function mergeImages(
  current: readonly KustomizeImage[],
  targets: ReadonlyMap<string, KustomizeImage>,
): KustomizeImage[] {
  const merged = new Map<string, KustomizeImage>();
  for (const [k, v] of targets) merged.set(k, { ...v });
  for (const img of current) {
    const target = merged.get(img.name);
    if (target) {
      for (const field of ['newName', 'newTag', 'digest'] as const) {
        if (target[field] === PRESERVE) setField(target, field, img[field]);
      }
      continue;
    }
    merged.set(img.name, { ...img });
  }
  const out = [...merged.values()].map((v) => {
    for (const field of ['newName', 'newTag', 'digest'] as const) {
      if (v[field] === PRESERVE) setField(v, field, undefined);
    }
    return v;
  });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function setField(
  img: KustomizeImage,
  field: 'newName' | 'newTag' | 'digest',
  value: string | undefined,
): void {
  if (value) {
    img[field] = value;
    return;
  }
  if (field === 'newName') delete img.newName;
  else if (field === 'newTag') delete img.newTag;
  else delete img.digest;
}

// ---------------------------------------------------------------------------------------------
// Commit message

/** Kargo's `generateCommitMessage`: one line per target, sorted by its key. Empty for no targets. */
export function kustomizeCommitMessage(
  path: string,
  targets: ReadonlyMap<string, KustomizeImage>,
): string {
  if (targets.size === 0) return '';
  let msg = `Updated ${path} to use new image${targets.size > 1 ? 's' : ''}\n`;
  const keys = [...targets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const img = targets.get(key);
    if (img) msg += `\n- ${imageRef(img)}`;
  }
  return msg;
}

/** `newName:tag@digest`, each part when set (Kargo's commit-message reference). */
function imageRef(img: KustomizeImage): string {
  let ref = img.newName || img.name;
  if (img.newTag) ref += `:${img.newTag}`;
  if (img.digest) ref += `@${img.digest}`;
  return ref;
}

function summaryLines(
  file: string,
  before: readonly KustomizeImage[],
  after: readonly KustomizeImage[],
): string[] {
  const old = new Map(before.map((i) => [i.name, i]));
  const lines: string[] = [];
  for (const img of after) {
    const prev = old.get(img.name);
    if (prev && sameImage(prev, img)) continue;
    const ref = imageRef(img);
    lines.push(
      prev
        ? `- ${file}: ${img.name} ${imageRef(prev)} → ${ref}`
        : `- ${file}: ${img.name} → ${ref}`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The kustomization file

async function findKustomization(dir: string, path: string): Promise<string> {
  const found: string[] = [];
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const p = join(dir, name);
    try {
      if ((await lstat(p)).isFile()) found.push(p);
    } catch {
      // not there
    }
  }
  const [only, ...more] = found;
  if (!only) {
    throw new ConfigError(
      `${STEP}: could not discover kustomization file: could not find any Kustomization files in "${path}"`,
    );
  }
  if (more.length > 0) {
    throw new ConfigError(
      `${STEP}: could not discover kustomization file: ambiguous result: found multiple Kustomization files in "${path}": ${found.map((f) => f.slice(dir.length + 1)).join(', ')}`,
    );
  }
  return only;
}

export interface KustomizationUpdate {
  text: string;
  before: KustomizeImage[];
  after: KustomizeImage[];
}

/**
 * Merges `targets` into the `images` of a kustomization's text, changing as few bytes as it can
 * (see the module comment). `where` names the file in errors.
 */
export function updateKustomization(
  text: string,
  targets: ReadonlyMap<string, KustomizeImage>,
  where: string,
): KustomizationUpdate {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${STEP}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) {
    throw new ConfigError(`${STEP}: ${where}: a kustomization must be a mapping`);
  }
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'images');
  const node = pair?.value as Node | null | undefined;
  const current = readImages(node, where);
  const merged = mergeImages(current, targets);
  if (isDeepStrictEqual(current, merged)) return { text, before: current, after: merged };

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out: string;
  if (isSeq(node) && !node.flow && node.items.length > 0 && node.range) {
    out =
      sameNames(current, merged) && noRemovals(current, merged)
        ? scalarEdits(text, current, merged, where)
        : rewriteBlock(text, node, merged, eol);
  } else if (!pair) {
    const lines = renderItems(
      merged.map((m) => newItem(m)),
      0,
    );
    const base = text === '' || text.endsWith('\n') ? text : text + eol;
    out = `${base}images:${eol}${lines.join(eol)}${eol}`;
  } else {
    // `images:` with an empty, null or flow-style value: re-serialise the document.
    const seq = new YAMLSeq();
    seq.items = merged.map((m) => newItem(m));
    doc.set('images', seq);
    out = doc.toString({ indentSeq: false, lineWidth: 0 });
    if (eol === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  }

  const check = parseDocument(out);
  const got = readImages(
    isMap(check.contents) ? (check.contents.get('images', true) as Node | undefined) : undefined,
    where,
  );
  const rest = (t: string): unknown => {
    const js = (parseDocument(t).toJS() ?? {}) as Record<string, unknown>;
    delete js.images;
    return js;
  };
  if (!isDeepStrictEqual(got, merged) || !isDeepStrictEqual(rest(out), rest(text))) {
    throw new OperationError(
      `${STEP}: ${where}: the edited file does not read back as intended; nothing was changed. This is a gantry bug: please report it with the file.`,
    );
  }
  return { text: out, before: current, after: merged };
}

function readImages(node: Node | null | undefined, where: string): KustomizeImage[] {
  if (node === undefined || node === null) return [];
  if (isScalar(node) && (node.value === null || node.value === '')) return [];
  if (!isSeq(node)) throw new ConfigError(`${STEP}: ${where}: images must be a list`);
  return node.items.map((item, i) => {
    if (!isMap(item)) throw new ConfigError(`${STEP}: ${where}: images[${i}] must be a mapping`);
    const img: Partial<KustomizeImage> = {};
    for (const field of IMAGE_FIELDS) {
      const v = item.get(field, true);
      if (v === undefined || v === null) continue;
      if (!isScalar(v)) {
        throw new ConfigError(`${STEP}: ${where}: images[${i}].${field} must be a string`);
      }
      const s = scalarText(v);
      if (s !== '') img[field] = s;
    }
    if (!img.name) throw new ConfigError(`${STEP}: ${where}: images[${i}] has no name`);
    return img as KustomizeImage;
  });
}

/** A scalar as kustomize (Go, decoding into a string) reads it: `1.10` stays `1.10`. */
function scalarText(s: Scalar): string {
  if (s.value === null) return '';
  if (typeof s.value === 'string') return s.value;
  return typeof s.source === 'string' ? s.source : String(s.value);
}

function sameImage(a: KustomizeImage, b: KustomizeImage): boolean {
  return IMAGE_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}

function sameNames(a: readonly KustomizeImage[], b: readonly KustomizeImage[]): boolean {
  return a.length === b.length && a.every((img, i) => img.name === b[i]?.name);
}

function noRemovals(a: readonly KustomizeImage[], b: readonly KustomizeImage[]): boolean {
  return a.every((img, i) => IMAGE_FIELDS.every((f) => img[f] === undefined || b[i]?.[f]));
}

/** Same entries in the same order: change only the values (and add missing keys). */
function scalarEdits(
  text: string,
  current: readonly KustomizeImage[],
  merged: readonly KustomizeImage[],
  where: string,
): string {
  const updates: ValueUpdate[] = [];
  merged.forEach((img, i) => {
    for (const field of IMAGE_FIELDS) {
      const v = img[field];
      if (v !== undefined && v !== current[i]?.[field]) {
        updates.push({ key: `images.${i}.${field}`, value: v, create: true });
      }
    }
  });
  return setYamlValues(text, updates, where);
}

/** Replace the lines of a block `images` list with the merged list, keeping entries' comments. */
function rewriteBlock(
  text: string,
  seq: YAMLSeq,
  merged: readonly KustomizeImage[],
  eol: string,
): string {
  const range = seq.range;
  if (!range) return text;
  const byName = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (isMap(item)) {
      const name = item.get('name', true);
      if (isScalar(name)) byName.set(scalarText(name), item);
    }
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  const lastEnd = last?.range?.[1] ?? range[1];
  // Comments after the last entry stay where they are, whichever entry ends up last.
  if (last) delete last.comment;
  const start = text.lastIndexOf('\n', range[0] - 1) + 1;
  const indent = range[0] - start;
  const items = merged.map((m) => {
    const node = byName.get(m.name);
    if (!node) return newItem(m);
    for (const field of IMAGE_FIELDS) {
      const v = m[field];
      if (v === undefined) {
        node.delete(field);
        continue;
      }
      const prev = node.get(field, true);
      if (isScalar(prev) && scalarText(prev) === v) continue;
      node.set(field, stringScalar(v));
    }
    return node;
  });
  const lines = renderItems(items, indent);
  // The old block runs to the end of the last entry's line (its range ends past the line break,
  // or at the end of the text).
  let end = lastEnd;
  if (end > 0 && text[end - 1] !== '\n') {
    const nl = text.indexOf('\n', end);
    end = nl === -1 ? text.length : nl + 1;
  }
  const body = lines.join(eol) + (text[end - 1] === '\n' ? eol : '');
  return text.slice(0, start) + body + text.slice(end);
}

function newItem(img: KustomizeImage): YAMLMap {
  const map = new YAMLMap();
  for (const field of IMAGE_FIELDS) {
    const v = img[field];
    if (v !== undefined) map.set(stringScalar(field), stringScalar(v));
  }
  return map;
}

/** A string scalar that reads back as that string in YAML 1.1 and 1.2 (kustomize reads 1.1). */
function stringScalar(value: string): Scalar<string> {
  const s = new Scalar(value);
  if (!plainSafe(value, false)) s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

function renderItems(items: readonly YAMLMap[], indent: number): string[] {
  const seq = new YAMLSeq();
  seq.items = [...items];
  const doc = new Document(seq);
  const pad = ' '.repeat(indent);
  return doc
    .toString({ indentSeq: false, lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line));
}

// ---------------------------------------------------------------------------------------------
// Helpers
