/**
 * Kargo's `helm-template` step: renders the local chart at `path` with the `helm` binary, as
 * Kargo's Helm SDK call does:
 *
 *   helm template <releaseName> <path> --namespace <namespace, default the project>
 *     [-f <valuesFile>]… [--set k=v]… [--set-literal k=v]… [--include-crds] [--no-hooks]
 *     [--skip-tests] [--kube-version v] [--api-versions v]…
 *
 * Helm merges values files, then `--set`, then `--set-literal`, whatever the order of
 * `setValues`: Kargo's values options merge the same way. `buildDependencies` runs
 * `helm dependency build <path>` first when Chart.yaml declares dependencies; a `file://`
 * dependency must lie inside the checkout. What helm downloads into the chart (`charts/*.tgz`, a
 * new Chart.lock) is removed after rendering, so it is not committed.
 *
 * Output: `outPath` ending in .yaml/.yml is one file (helm's stdout); otherwise a directory,
 * laid out as `helm template --output-dir` does (`outLayout: helm`, the default:
 * `<chart>/templates/<file>.yaml`, `--release-name` with `useReleaseName`) or one file per
 * resource (`outLayout: flat`: `[<group>-]<kind>[-<namespace>]-<name>.yaml`, the group's dots as
 * underscores, lower-cased; a document without kind or name is `resource-<i>.yaml`).
 * `valuesFiles` are relative to the checkout (not the chart), and mapped from Kargo's workspace
 * paths like `path`.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError, OperationError } from '../../util/errors.js';
import { fieldError, isRecord, onlyKeys } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
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
import { flag, nonEmpty } from './schema-parts.js';
import type { StepContext, StepDefinition } from './types.js';

const STEP = 'helm-template';

const FIELDS = [
  'path',
  'releaseName',
  'outPath',
  'outLayout',
  'useReleaseName',
  'namespace',
  'valuesFiles',
  'ignoreMissingValueFiles',
  'setValues',
  'buildDependencies',
  'includeCRDs',
  'disableHooks',
  'skipTests',
  'kubeVersion',
  'apiVersions',
];

const schema = {
  type: 'object',
  description: 'Renders a local Helm chart with `helm template` into one file or a directory.',
  additionalProperties: false,
  required: ['path', 'releaseName', 'outPath'],
  properties: {
    path: nonEmpty('The chart directory (holding Chart.yaml), relative to the checkout.'),
    releaseName: nonEmpty('The release name (`.Release.Name`).'),
    outPath: nonEmpty(
      'Where to write: a path ending in .yaml or .yml is one file; anything else a directory laid out per `outLayout`.',
    ),
    outLayout: {
      enum: ['helm', 'flat'],
      description:
        "A directory outPath's layout: `helm` (default), as `helm template --output-dir` writes it; `flat`, one file per resource.",
    },
    useReleaseName: flag(
      'With the `helm` layout, put the files under a directory named after the release (`--release-name`).',
    ),
    namespace: nonEmpty('`.Release.Namespace`. Default: the project name, as in Kargo.'),
    valuesFiles: {
      type: 'array',
      items: nonEmpty('A values file, relative to the checkout (not to the chart).'),
      description: "Values files merged in order after the chart's own values.yaml (`-f`).",
    },
    ignoreMissingValueFiles: flag('Leave out values files that do not exist instead of failing.'),
    setValues: {
      type: 'array',
      description: 'Values set on the command line: `--set key=value`, or `--set-literal`.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'value'],
        properties: {
          key: nonEmpty('Dotted key path, `image.tag`.'),
          value: {
            type: ['string', 'number', 'boolean'],
            description: 'The value; helm infers its type unless `literal`.',
          },
          literal: flag(
            'Pass it with `--set-literal`: no parsing, always a string. Literal values are applied after all others.',
          ),
        },
      },
    },
    buildDependencies: flag(
      "Run `helm dependency build` first, filling the chart's `charts/` from Chart.yaml (and Chart.lock).",
    ),
    includeCRDs: flag("Include the chart's `crds/` (`--include-crds`)."),
    disableHooks: flag('Leave out hook manifests (`--no-hooks`).'),
    skipTests: flag('Leave out test hooks (`--skip-tests`).'),
    kubeVersion: nonEmpty('The Kubernetes version charts see (`--kube-version`).'),
    apiVersions: {
      type: 'array',
      items: nonEmpty('An API version, `monitoring.coreos.com/v1`.'),
      description: 'API versions charts see as available (`--api-versions`).',
    },
  },
};

function optionalString(config: Record<string, unknown>, field: string): string | undefined {
  const v = config[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') fieldError(STEP, field, 'must be a non-empty string');
  return v;
}

function stringList(config: Record<string, unknown>, field: string): string[] {
  const v = config[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
    fieldError(STEP, field, 'must be a list of non-empty strings');
  }
  return v as string[];
}

/** Kargo's flat-layout name: `[<group>-]<kind>[-<namespace>]-<name>.yaml`, lower-cased. */
export function flatFileName(doc: RenderedDoc, index: number): string {
  if (doc.kind === '' || doc.name === '') return `resource-${index}.yaml`;
  const slash = doc.apiVersion.lastIndexOf('/');
  const group = slash >= 0 ? doc.apiVersion.slice(0, slash).replace(/\./g, '_') : '';
  const parts = [group, doc.kind, doc.namespace, doc.name].filter((p) => p !== '');
  return `${parts.join('-')}.yaml`.toLowerCase();
}

async function helm(args: string[], ctx: StepContext): Promise<ProgramResult> {
  try {
    return await runProgram('helm', args, ctx.worktree, ctx.env);
  } catch (err) {
    if (err instanceof MissingBinaryError) {
      throw new ConfigError(
        `${STEP}: the helm binary is not on PATH; install Helm 3 (https://helm.sh/docs/intro/install/; GitHub's ubuntu runners have it)`,
      );
    }
    throw err;
  }
}

/** Chart.yaml's dependencies, with each `file://` one checked to lie inside the checkout. */
async function dependencies(ctx: StepContext, chartRel: string, chartAbs: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.join(chartAbs, 'Chart.yaml'), 'utf8');
  } catch {
    throw new ConfigError(`${STEP}: path ${JSON.stringify(chartRel)}: no Chart.yaml there`);
  }
  const chart: unknown = parseDocument(text).toJS();
  const deps = isRecord(chart) && Array.isArray(chart['dependencies']) ? chart['dependencies'] : [];
  for (const [i, d] of deps.entries()) {
    const repo = isRecord(d) ? d['repository'] : undefined;
    if (typeof repo !== 'string' || !repo.startsWith('file://')) continue;
    const local = repo.slice('file://'.length);
    const rel = normalizeRelative(path.posix.join(chartRel, local));
    if (path.isAbsolute(local) || rel === '..' || rel.startsWith('../')) {
      throw new ConfigError(
        `${STEP}: ${chartRel}/Chart.yaml: dependencies[${i}].repository ${JSON.stringify(repo)} leads outside the checkout`,
      );
    }
    await safePath(
      ctx.worktree,
      rel,
      `${STEP}: ${chartRel}/Chart.yaml: dependencies[${i}].repository`,
    );
  }
  return deps.length;
}

function failed(what: string, result: ProgramResult): OperationError {
  return new OperationError(
    `${STEP}: ${what} failed (exit ${result.code ?? 'signal'}): ${stderrTail(result.stderr) || 'no message'}`,
  );
}

export const helmTemplate: StepDefinition = {
  name: STEP,
  schema,
  async run(config, ctx) {
    checkFields(STEP, config, FIELDS);
    const chartRel = normalizeRelative(requireString(STEP, config, 'path'));
    const releaseName = requireString(STEP, config, 'releaseName');
    const outRel = normalizeRelative(requireString(STEP, config, 'outPath'));
    const layout = config['outLayout'] ?? 'helm';
    if (layout !== 'helm' && layout !== 'flat') {
      fieldError(STEP, 'outLayout', 'must be "helm" or "flat"');
    }
    const namespace = optionalString(config, 'namespace') ?? ctx.project;
    const kubeVersion = optionalString(config, 'kubeVersion');
    const apiVersions = stringList(config, 'apiVersions');
    const valuesFiles = stringList(config, 'valuesFiles');
    const ignoreMissing = optionalBool(STEP, config, 'ignoreMissingValueFiles') ?? false;
    const flags = {
      useReleaseName: optionalBool(STEP, config, 'useReleaseName') ?? false,
      buildDependencies: optionalBool(STEP, config, 'buildDependencies') ?? false,
      includeCRDs: optionalBool(STEP, config, 'includeCRDs') ?? false,
      disableHooks: optionalBool(STEP, config, 'disableHooks') ?? false,
      skipTests: optionalBool(STEP, config, 'skipTests') ?? false,
    };
    const sets: string[] = [];
    const literals: string[] = [];
    const setValues = config['setValues'] ?? [];
    if (!Array.isArray(setValues)) fieldError(STEP, 'setValues', 'must be a list of {key, value}');
    for (const [i, sv] of (setValues as unknown[]).entries()) {
      if (!isRecord(sv)) fieldError(STEP, `setValues[${i}]`, 'must be a map with key and value');
      onlyKeys(STEP, sv, ['key', 'value', 'literal'], `setValues[${i}].`);
      const key = sv['key'];
      if (typeof key !== 'string' || key === '') {
        fieldError(STEP, `setValues[${i}].key`, 'must be a non-empty string');
      }
      const value = sv['value'];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        fieldError(STEP, `setValues[${i}].value`, 'must be a string (or a number or boolean)');
      }
      const literal = sv['literal'];
      if (literal !== undefined && literal !== null && typeof literal !== 'boolean') {
        fieldError(STEP, `setValues[${i}].literal`, 'must be true or false');
      }
      (literal === true ? literals : sets).push(`${key}=${String(value)}`);
    }

    const chartAbs = await safePath(ctx.worktree, chartRel, `${STEP}: path`);
    const chartStat = await stat(chartAbs).catch(() => undefined);
    if (!chartStat?.isDirectory()) {
      throw new ConfigError(`${STEP}: path ${JSON.stringify(chartRel)}: no such chart directory`);
    }
    const outAbs = await safePath(ctx.worktree, outRel, `${STEP}: outPath`);
    const asFile = isFileOutPath(outRel);
    await checkOutPath(STEP, outAbs, outRel, asFile);
    const valuesAbs: string[] = [];
    for (const [i, v] of valuesFiles.entries()) {
      const abs = await safePath(ctx.worktree, v, `${STEP}: valuesFiles[${i}]`);
      const st = await stat(abs).catch(() => undefined);
      if (st?.isFile()) valuesAbs.push(abs);
      else if (!ignoreMissing) {
        throw new ConfigError(
          `${STEP}: valuesFiles[${i}] ${JSON.stringify(normalizeRelative(v))}: no such file (set ignoreMissingValueFiles: true to leave missing ones out)`,
        );
      }
    }
    const depCount = await dependencies(ctx, chartRel, chartAbs);

    const args = ['template', releaseName, chartAbs, '--namespace', namespace];
    for (const v of valuesAbs) args.push('-f', v);
    for (const s of sets) args.push('--set', s);
    for (const s of literals) args.push('--set-literal', s);
    if (flags.includeCRDs) args.push('--include-crds');
    if (flags.disableHooks) args.push('--no-hooks');
    if (flags.skipTests) args.push('--skip-tests');
    if (kubeVersion !== undefined) args.push('--kube-version', kubeVersion);
    for (const v of apiVersions) args.push('--api-versions', v);
    const helmLayout = !asFile && layout === 'helm';
    const tmp = helmLayout ? await mkdtemp(path.join(tmpdir(), 'gantry-helm-')) : undefined;
    if (tmp !== undefined) {
      args.push('--output-dir', tmp);
      if (flags.useReleaseName) args.push('--release-name');
    }

    const before = await listTree(chartAbs);
    let files: OutFile[];
    let count: number;
    try {
      if (flags.buildDependencies && depCount > 0) {
        const built = await helm(['dependency', 'build', chartAbs], ctx);
        if (built.code !== 0)
          throw failed(`helm dependency build of ${JSON.stringify(chartRel)}`, built);
      }
      const result = await helm(args, ctx);
      if (result.code !== 0) throw failed(`helm template of ${JSON.stringify(chartRel)}`, result);
      if (tmp !== undefined) {
        files = [];
        for (const rel of [...(await listTree(tmp))].sort()) {
          const abs = path.join(tmp, rel);
          if (!(await stat(abs)).isFile()) continue;
          files.push({ rel: rel.split(path.sep).join('/'), data: await readFile(abs, 'utf8') });
        }
        count = files.reduce(
          (n, f) => n + splitDocuments(f.data, `${STEP}: helm`).filter((d) => d.kind).length,
          0,
        );
      } else {
        const docs = splitDocuments(result.stdout, `${STEP}: helm`);
        count = docs.length;
        if (asFile) {
          files = [{ rel: '', data: result.stdout.trimEnd() + '\n' }];
        } else {
          files = docs.map((d, i) => ({
            rel: checkFileName(STEP, flatFileName(d, i)),
            data: d.text,
          }));
        }
      }
    } finally {
      await removeLeftovers(chartAbs, before);
      if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
    }
    const changed = await writeOutput(STEP, ctx.worktree, outRel, files);
    const line = `- ${chartRel} → ${outRel}: ${count} resource(s) rendered with helm template (release ${releaseName}, namespace ${namespace})`;
    ctx.log(`${STEP}: ${line.slice(2)}${changed.length ? '' : ' (no change)'}`);
    return { summary: changed.length ? [line] : [], changed };
  },
};
