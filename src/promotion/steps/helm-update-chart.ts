/**
 * Kargo's `helm-update-chart` step, without a helm binary.
 *
 * Config (Kargo's field names): `{path, charts: [{repository, name, version?, fromOrigin?}]}`.
 * `path` is the chart's directory (through `safePath`; `Chart.yaml` must be a regular file); each
 * entry names a dependency in its `Chart.yaml` by `repository` and `name` (both exactly as
 * written there). The new version is `version`, or, when
 * it is left out, the version of the matching chart in the stage's freight collection (from the
 * warehouse `fromOrigin` names, when given), as Kargo did before it required `version`: for an
 * `oci://` repository the freight's chart is `<repository>/<name>` with an empty name, for an HTTP
 * repository it is `repository` and `name`.
 *
 * The versions are set in `Chart.yaml` with `setYamlValues` (keys `dependencies.<i>.version`), so
 * only the bytes of each version change. **`Chart.lock` is not regenerated and `charts/` is not
 * refreshed** (that needs helm and the chart repositories): when the chart has a `Chart.lock`, the
 * step's summary says it is stale, and a later `helm dependency build` with a lock file fails until
 * someone runs `helm dependency update`. Kargo runs `helm dependency update` here and reports the
 * changes it sees in `Chart.lock`; gantry reports the changes it made to `Chart.yaml`.
 *
 * Outputs: `commitMessage` in Kargo's form: `Updated chart dependencies for <path>` and one
 * `- <name>: <old> -> <new>` line per change (sorted by name here; Kargo's order is a Go map's).
 */
import { nonEmpty, originSchema, text } from './schema-parts.js';
import { fieldError, isRecord, onlyKeys, requireField } from './config-check.js';
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import type { Freight, FreightChart } from '../../freight/types.js';
import { ConfigError } from '../../util/errors.js';
import { setYamlValues, type ValueUpdate } from '../yaml-edit.js';
import { normalizeRelative, safePath } from './safe-path.js';
import type { StepContext, StepDefinition, StepResult } from './types.js';

const STEP = 'helm-update-chart';

export interface HelmUpdateChartChartConfig {
  repository: string;
  name: string;
  version?: string;
  fromOrigin?: { kind: 'Warehouse'; name: string };
}

export interface HelmUpdateChartConfig {
  path: string;
  charts: HelmUpdateChartChartConfig[];
}

/** A dependency as `Chart.yaml` lists it (the fields gantry reads). */
interface Dependency {
  name: string;
  repository: string;
  version: string;
}

export const helmUpdateChart: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description: "Sets dependency versions in a chart's `Chart.yaml`.",
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: nonEmpty('The chart directory, relative to the checkout.'),
      charts: {
        type: 'array',
        description: 'The dependencies to update.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['repository', 'name'],
          properties: {
            repository: nonEmpty("The dependency's `repository`, as `Chart.yaml` writes it."),
            name: nonEmpty("The dependency's `name`."),
            version: text('The version to set; default: the version in the freight.'),
            fromOrigin: originSchema("Which warehouse's freight provides the version."),
          },
        },
      },
    },
  },
  async run(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
    const cfg = parseHelmUpdateChartConfig(config);
    const dir = await safePath(ctx.worktree, cfg.path, `${STEP}: path`);
    const file = join(dir, 'Chart.yaml');
    const relDir = normalizeRelative(cfg.path);
    const relFile = posix.join(relDir, 'Chart.yaml');
    let text: string;
    try {
      if (!(await lstat(file)).isFile()) throw new Error('not a file');
      text = await readFile(file, 'utf8');
    } catch {
      throw new ConfigError(`${STEP}: ${relFile}: no Chart.yaml in ${cfg.path}`);
    }

    const { text: out, changes } = updateChartDependencies(
      text,
      cfg.charts,
      ctx.freightCollection,
      relFile,
    );

    const result: StepResult = {};
    const message = helmChartCommitMessage(cfg.path, changes);
    if (message) result.outputs = { commitMessage: message };
    if (out === text) {
      ctx.log(`${STEP}: ${relFile}: the dependencies already have these versions`);
      return result;
    }
    await writeFile(file, out);
    result.changed = [relFile];
    result.summary = [...changes].map(([name, change]) => `- ${relFile}: ${name} ${arrow(change)}`);
    const lock = join(dir, 'Chart.lock');
    if (await exists(lock)) {
      const note = `- ${posix.join(relDir, 'Chart.lock')}: not regenerated (gantry runs no helm); run \`helm dependency update\` to refresh it`;
      result.summary.push(note);
      ctx.log(`${STEP}: ${note.slice(2)}`);
    }
    return result;
  },
};

// ---------------------------------------------------------------------------------------------
// Config

export function parseHelmUpdateChartConfig(config: Record<string, unknown>): HelmUpdateChartConfig {
  onlyKeys(STEP, config, ['path', 'charts'], '');
  const path = requireField(STEP, config.path, 'path');
  if (config.charts === undefined || config.charts === null) return { path, charts: [] };
  if (!Array.isArray(config.charts)) fieldError(STEP, 'charts', 'must be a list');
  const charts = config.charts.map((raw, i) => {
    const field = `charts[${i}]`;
    if (!isRecord(raw)) fieldError(STEP, field, 'must be a mapping');
    onlyKeys(STEP, raw, ['repository', 'name', 'version', 'fromOrigin'], `${field}.`);
    const chart: HelmUpdateChartChartConfig = {
      repository: requireField(STEP, raw.repository, `${field}.repository`),
      name: requireField(STEP, raw.name, `${field}.name`),
    };
    if (raw.version !== undefined && raw.version !== null && raw.version !== '') {
      chart.version = requireField(STEP, raw.version, `${field}.version`);
    }
    if (raw.fromOrigin !== undefined && raw.fromOrigin !== null) {
      const o = raw.fromOrigin;
      if (!isRecord(o))
        fieldError(STEP, `${field}.fromOrigin`, 'must be a mapping with kind and name');
      onlyKeys(STEP, o, ['kind', 'name'], `${field}.fromOrigin.`);
      if (o.kind !== 'Warehouse') fieldError(STEP, `${field}.fromOrigin.kind`, 'must be Warehouse');
      chart.fromOrigin = {
        kind: 'Warehouse',
        name: requireField(STEP, o.name, `${field}.fromOrigin.name`),
      };
    }
    return chart;
  });
  return { path, charts };
}

// ---------------------------------------------------------------------------------------------
// The edit

export interface ChartUpdate {
  text: string;
  /** Dependency name ⇒ `old -> new` (Kargo's change strings), in the order of `charts`. */
  changes: Map<string, string>;
}

/** Sets the versions of `charts` among the dependencies of a `Chart.yaml`'s text. */
export function updateChartDependencies(
  text: string,
  charts: readonly HelmUpdateChartChartConfig[],
  freightCollection: readonly Freight[],
  where: string,
): ChartUpdate {
  const deps = readDependencies(text, where);
  const updates: ValueUpdate[] = [];
  const changes = new Map<string, string>();
  charts.forEach((chart, i) => {
    const index = deps.findIndex((d) => d.name === chart.name && d.repository === chart.repository);
    const dep = deps[index];
    if (!dep) {
      fieldError(
        STEP,
        `charts[${i}]`,
        `no dependency in ${where} matches repository "${chart.repository}" and name "${chart.name}"`,
      );
    }
    const version = chart.version ?? freightChartVersion(chart, freightCollection, `charts[${i}]`);
    if (dep.version === version) return;
    updates.push({ key: `dependencies.${index}.version`, value: version, create: true });
    changes.set(dep.name, dep.version ? `${dep.version} -> ${version}` : version);
  });
  return { text: setYamlValues(text, updates, where), changes };
}

function readDependencies(text: string, where: string): Dependency[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${STEP}: ${where}: not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  }
  const list = doc.get('dependencies', true);
  if (list === undefined || list === null) return [];
  const js = doc.toJS() as { dependencies?: unknown };
  if (!Array.isArray(js.dependencies)) {
    throw new ConfigError(`${STEP}: ${where}: dependencies must be a list`);
  }
  return js.dependencies.map((d: unknown, i) => {
    const rec = isRecord(d) ? d : {};
    const versionNode = doc.getIn(['dependencies', i, 'version'], true);
    return {
      name: typeof rec.name === 'string' ? rec.name : '',
      repository: typeof rec.repository === 'string' ? rec.repository : '',
      version: isScalar(versionNode) ? scalarText(versionNode) : '',
    };
  });
}

/** A scalar as Helm (decoding into a string) reads it: `1.10` stays `1.10`. */
function scalarText(s: Scalar): string {
  if (s.value === null || s.value === undefined) return '';
  if (typeof s.value === 'string') return s.value;
  return typeof s.source === 'string' ? s.source : String(s.value);
}

/** The version of the chart `chart` names in the freight collection (Kargo's `FindChart`). */
function freightChartVersion(
  chart: HelmUpdateChartChartConfig,
  collection: readonly Freight[],
  field: string,
): string {
  const oci = chart.repository.startsWith('oci://');
  const repoURL = oci ? `${trimSlash(chart.repository)}/${chart.name}` : chart.repository;
  const name = oci ? '' : chart.name;
  const hits: { chart: FreightChart; origin: string }[] = [];
  for (const freight of collection) {
    const o = chart.fromOrigin;
    if (o && (freight.origin.kind !== o.kind || freight.origin.name !== o.name)) continue;
    for (const c of freight.charts) {
      if (trimSlash(c.repoURL) === trimSlash(repoURL) && c.name === name) {
        hits.push({ chart: c, origin: `${freight.origin.kind}/${freight.origin.name}` });
      }
    }
  }
  const from = chart.fromOrigin ? ` from Warehouse/${chart.fromOrigin.name}` : '';
  const [first, ...rest] = hits;
  if (!first) {
    fieldError(
      STEP,
      field,
      `no version given and no freight${from} in the stage's freight collection has chart ${name ? `${repoURL} ${name}` : repoURL}`,
    );
  }
  if (rest.length > 0) {
    fieldError(
      STEP,
      field,
      `chart ${chart.name} is ambiguous: it comes from ${hits.map((h) => h.origin).join(', ')}; set fromOrigin or version`,
    );
  }
  return first.chart.version;
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Commit message

/**
 * Kargo's `generateCommitMessage` for `helm-update-chart`: `""` for no changes, else
 * `Updated chart dependencies for <path>` and one `- name: change` line per change, where an empty
 * change reads `removed` (an addition's change is just its version). Lines are sorted by name.
 */
export function helmChartCommitMessage(
  chartPath: string,
  changes: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string {
  const entries = changes instanceof Map ? [...changes] : Object.entries(changes);
  if (entries.length === 0) return '';
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let msg = `Updated chart dependencies for ${chartPath}\n`;
  for (const [name, change] of entries) msg += `\n- ${name}: ${change === '' ? 'removed' : change}`;
  return msg;
}

function arrow(change: string): string {
  return change.includes(' -> ') ? change.replace(' -> ', ' → ') : `→ ${change}`;
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
