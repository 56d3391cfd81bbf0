/**
 * Kargo's `kustomize-build` step: `{path, outPath, outputFormat?, plugin?: {helm?: {apiVersions?,
 * kubeVersion?}}}` renders the kustomization at `path` with a real renderer, the `kustomize`
 * binary when PATH has one, else `kubectl kustomize`, with the options Kargo's builder uses:
 * `--load-restrictor LoadRestrictionsNone --enable-helm`, plus `--helm-api-versions` and
 * `--helm-kube-version` when `plugin.helm` gives them (no alpha, exec or function plugins).
 *
 * Kargo runs kustomize on a filesystem rooted at its work directory, so with the load restrictor
 * off a kustomization still cannot read outside it. A real binary can, so before it runs every
 * local file a kustomization names (resources, components, bases, patches, generators' files and
 * envs, replacements, helm values files, …) is checked with safePath, following the kustomization
 * directories it names: an absolute path, a `..` that climbs out of the checkout or a link that
 * leads outside it fails the step, naming the kustomization file and the field.
 *
 * Output: `outPath` ending in .yaml/.yml is one multi-document file (kustomize's stdout);
 * otherwise a directory with one file per resource, named as Kargo names them for `outputFormat`
 * (`kargo`: `[<namespace>-]<kind>-<name>.yaml`; `kustomize`: kustomize's own `-o dir/` names,
 * `<group>_<version>_<kind>_<name>.yaml`, with `<namespace>_` in front when the build spans
 * several namespaces). Files in the directory that the build does not produce are left alone,
 * as in Kargo (run git-clear first for a fully rendered branch).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError, OperationError } from '../../util/errors.js';
import { fieldError, isRecord, onlyKeys } from './config-check.js';
import { checkFields, requireString } from './engine.js';
import { KUSTOMIZATION_FILE_NAMES } from './kustomize-set-image.js';
import {
  checkFileName,
  checkOutPath,
  isFileOutPath,
  listTree,
  MissingBinaryError,
  removeLeftovers,
  runProgram,
  splitDocuments,
  stderrTail,
  writeOutput,
  type OutFile,
  type ProgramResult,
  type RenderedDoc,
} from './render.js';
import { normalizeRelative, safePath } from './safe-path.js';
import { nonEmpty } from './schema-parts.js';
import type { StepContext, StepDefinition } from './types.js';

const STEP = 'kustomize-build';

const schema = {
  type: 'object',
  description:
    'Renders a kustomization with kustomize (or kubectl kustomize) into one file or one file per resource.',
  additionalProperties: false,
  required: ['path', 'outPath'],
  properties: {
    path: nonEmpty('The directory holding the kustomization file, relative to the checkout.'),
    outPath: nonEmpty(
      'Where to write: a path ending in .yaml or .yml is one multi-document file; anything else a directory with one file per resource.',
    ),
    outputFormat: {
      enum: ['kargo', 'kustomize'],
      description:
        'File names in a directory outPath: `kargo` (default), `[<namespace>-]<kind>-<name>.yaml`; `kustomize`, `<group>_<version>_<kind>_<name>.yaml` as `kustomize build -o dir/` names them.',
    },
    plugin: {
      type: 'object',
      description: "Options of kustomize's Helm chart inflator (`helmCharts:`).",
      additionalProperties: false,
      properties: {
        helm: {
          type: 'object',
          description: 'Passed as --helm-api-versions and --helm-kube-version.',
          additionalProperties: false,
          properties: {
            apiVersions: {
              type: 'array',
              items: nonEmpty('An API version, `monitoring.coreos.com/v1`.'),
              description: 'API versions the charts see as available (`.Capabilities`).',
            },
            kubeVersion: nonEmpty('The Kubernetes version the charts see, `1.30.0`.'),
          },
        },
      },
    },
  },
};

/** Kinds kustomize does not put in a namespace (its built-in schema's cluster-scoped kinds). */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** Kargo's name for a resource: `<namespace>-<kind>-<name>.yaml`, namespace only when set. */
export function kargoFileName(doc: RenderedDoc): string {
  const parts = doc.namespace ? [doc.namespace, doc.kind, doc.name] : [doc.kind, doc.name];
  return `${parts.join('-')}.yaml`.toLowerCase();
}

/** kustomize's `-o dir/` names: group, version and kind without empty parts, then the name. */
export function kustomizeFileNames(docs: readonly RenderedDoc[]): string[] {
  const namespaced = (d: RenderedDoc) => !CLUSTER_SCOPED.has(d.kind);
  const namespaces = new Set(docs.filter(namespaced).map((d) => d.namespace || 'default'));
  return docs.map((d) => {
    const slash = d.apiVersion.lastIndexOf('/');
    const group = slash >= 0 ? d.apiVersion.slice(0, slash) : '';
    const version = slash >= 0 ? d.apiVersion.slice(slash + 1) : d.apiVersion;
    const gvk = [group, version, d.kind].filter((p) => p !== '').join('_');
    const base = `${gvk}_${d.name}.yaml`.toLowerCase();
    return namespaces.size > 1 && namespaced(d)
      ? `${(d.namespace || 'default').toLowerCase()}_${base}`
      : base;
  });
}

/**
 * A reference kustomize fetches rather than reads from disk (a git or HTTP URL); those are not
 * paths in the checkout.
 */
function isRemote(ref: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ||
    /^git@/.test(ref) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref)
  );
}

/** The file in `dir` kustomize would read, or undefined. */
async function kustomizationFile(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const st = await stat(path.join(dir, name)).catch(() => undefined);
    if (st?.isFile()) return name;
  }
  return undefined;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** `[field, reference]` for every local file or directory a kustomization names. */
function references(k: Record<string, unknown>): [string, string][] {
  const refs: [string, string][] = [];
  const add = (field: string, v: unknown): void => {
    if (typeof v === 'string' && v !== '') refs.push([field, v]);
  };
  for (const field of [
    'resources',
    'components',
    'bases',
    'crds',
    'configurations',
    'generators',
    'transformers',
    'validators',
  ]) {
    for (const v of strings(k[field])) add(field, v);
  }
  // A strategic-merge patch may be inline YAML rather than a file name.
  for (const v of strings(k['patchesStrategicMerge'])) if (!v.includes('\n')) add('patches', v);
  for (const field of ['patches', 'patchesJson6902', 'replacements']) {
    const list = k[field];
    if (Array.isArray(list)) for (const p of list) if (isRecord(p)) add(field, p['path']);
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    const list = k[field];
    if (!Array.isArray(list)) continue;
    for (const g of list) {
      if (!isRecord(g)) continue;
      // `files` entries may be `key=path`.
      for (const f of strings(g['files']))
        add(field, f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
      for (const e of strings(g['envs'])) add(field, e);
      add(field, g['env']);
    }
  }
  const charts = k['helmCharts'];
  if (Array.isArray(charts)) {
    for (const c of charts) {
      if (!isRecord(c)) continue;
      add('helmCharts', c['valuesFile']);
      for (const v of strings(c['additionalValuesFiles'])) add('helmCharts', v);
    }
  }
  const globals = k['helmGlobals'];
  if (isRecord(globals)) {
    add('helmGlobals', globals['chartHome']);
    add('helmGlobals', globals['configHome']);
  }
  const openapi = k['openapi'];
  if (isRecord(openapi)) add('openapi', openapi['path']);
  return refs;
}

/**
 * Checks every local reference of the kustomization in `dirRel` (and of the kustomizations it
 * names) stays inside the checkout; see the module comment.
 */
async function checkKustomization(
  worktree: string,
  dirRel: string,
  seen: Set<string>,
): Promise<void> {
  if (seen.has(dirRel)) return;
  seen.add(dirRel);
  const dirAbs = await safePath(worktree, dirRel, `${STEP}: path`);
  const name = await kustomizationFile(dirAbs);
  if (!name) return;
  const fileRel = dirRel === '.' ? name : `${dirRel}/${name}`;
  const doc = parseDocument(await readFile(path.join(dirAbs, name), 'utf8'));
  // kustomize reports a malformed file itself, with its own words.
  if (doc.errors.length > 0) return;
  const k: unknown = doc.toJS();
  if (!isRecord(k)) return;
  for (const [field, ref] of references(k)) {
    if (isRemote(ref)) continue;
    if (path.isAbsolute(ref)) {
      throw new ConfigError(
        `${STEP}: ${fileRel}: ${field}: ${JSON.stringify(ref)} is an absolute path; the build may read only files inside the checkout`,
      );
    }
    const rel = normalizeRelative(path.posix.join(dirRel, ref.replace(/\\/g, '/')));
    if (rel === '..' || rel.startsWith('../')) {
      throw new ConfigError(
        `${STEP}: ${fileRel}: ${field}: ${JSON.stringify(ref)} leads outside the checkout`,
      );
    }
    const abs = await safePath(worktree, rel, `${STEP}: ${fileRel}: ${field}`);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) await checkKustomization(worktree, rel, seen);
  }
}

interface Renderer {
  label: string;
  result: ProgramResult;
}

/** `kustomize build …`, or `kubectl kustomize …` when there is no kustomize binary. */
async function render(
  pathAbs: string,
  flags: readonly string[],
  ctx: StepContext,
): Promise<Renderer> {
  try {
    const result = await runProgram(
      'kustomize',
      ['build', ...flags, pathAbs],
      ctx.worktree,
      ctx.env,
    );
    return { label: 'kustomize', result };
  } catch (err) {
    if (!(err instanceof MissingBinaryError)) throw err;
  }
  try {
    const result = await runProgram(
      'kubectl',
      ['kustomize', ...flags, pathAbs],
      ctx.worktree,
      ctx.env,
    );
    return { label: 'kubectl kustomize', result };
  } catch (err) {
    if (err instanceof MissingBinaryError) {
      throw new ConfigError(
        `${STEP}: neither kustomize nor kubectl is on PATH; install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has kustomize built in`,
      );
    }
    throw err;
  }
}

export const kustomizeBuild: StepDefinition = {
  name: STEP,
  schema,
  async run(config, ctx) {
    checkFields(STEP, config, ['path', 'outPath', 'outputFormat', 'plugin']);
    const pathRel = normalizeRelative(requireString(STEP, config, 'path'));
    const outRel = normalizeRelative(requireString(STEP, config, 'outPath'));
    const format = config['outputFormat'] ?? 'kargo';
    if (format !== 'kargo' && format !== 'kustomize') {
      fieldError(STEP, 'outputFormat', 'must be "kargo" or "kustomize"');
    }
    const flags = ['--load-restrictor', 'LoadRestrictionsNone', '--enable-helm'];
    const plugin = config['plugin'];
    if (plugin !== undefined && plugin !== null) {
      if (!isRecord(plugin)) fieldError(STEP, 'plugin', 'must be a map');
      onlyKeys(STEP, plugin, ['helm'], 'plugin.');
      const helm = plugin['helm'];
      if (helm !== undefined && helm !== null) {
        if (!isRecord(helm)) fieldError(STEP, 'plugin.helm', 'must be a map');
        onlyKeys(STEP, helm, ['apiVersions', 'kubeVersion'], 'plugin.helm.');
        const apiVersions = helm['apiVersions'] ?? [];
        if (
          !Array.isArray(apiVersions) ||
          apiVersions.some((v) => typeof v !== 'string' || v === '')
        ) {
          fieldError(STEP, 'plugin.helm.apiVersions', 'must be a list of API versions');
        }
        for (const v of apiVersions as string[]) flags.push('--helm-api-versions', v);
        const kube = helm['kubeVersion'];
        if (kube !== undefined && kube !== null) {
          if (typeof kube !== 'string' || kube === '') {
            fieldError(STEP, 'plugin.helm.kubeVersion', 'must be a version such as 1.30.0');
          }
          flags.push('--helm-kube-version', kube);
        }
      }
    }
    const pathAbs = await safePath(ctx.worktree, pathRel, `${STEP}: path`);
    const outAbs = await safePath(ctx.worktree, outRel, `${STEP}: outPath`);
    const asFile = isFileOutPath(outRel);
    await checkOutPath(STEP, outAbs, outRel, asFile);
    const st = await stat(pathAbs).catch(() => undefined);
    if (!st?.isDirectory()) {
      throw new ConfigError(`${STEP}: path ${JSON.stringify(pathRel)}: no such directory`);
    }
    await checkKustomization(ctx.worktree, pathRel, new Set());

    const before = await listTree(pathAbs);
    const { label, result } = await render(pathAbs, flags, ctx);
    await removeLeftovers(pathAbs, before);
    if (result.code !== 0) {
      throw new OperationError(
        `${STEP}: ${label} build of ${JSON.stringify(pathRel)} failed (exit ${result.code ?? 'signal'}): ${stderrTail(result.stderr) || 'no message'}`,
      );
    }

    const docs = splitDocuments(result.stdout, `${STEP}: ${label}`);
    let files: OutFile[];
    if (asFile) files = [{ rel: '', data: result.stdout }];
    else {
      const names = format === 'kustomize' ? kustomizeFileNames(docs) : docs.map(kargoFileName);
      files = docs.map((d, i) => ({ rel: checkFileName(STEP, names[i] ?? ''), data: d.text }));
    }
    const changed = await writeOutput(STEP, ctx.worktree, outRel, files);
    const line = `- ${pathRel} → ${outRel}: ${docs.length} resource(s) rendered with ${label}`;
    ctx.log(`${STEP}: ${line.slice(2)}${changed.length ? '' : ' (no change)'}`);
    return { summary: changed.length ? [line] : [], changed };
  },
};
