/**
 * `gantry init`'s flags, checked and completed with defaults. Every error says what to type
 * instead, because the person reading it is setting gantry up for the first time.
 */
import { parseImageRepository } from '../discovery/oci/reference.js';
import { PROJECT_DIR } from '../pipeline/index.js';
import { ConfigError, errorMessage } from '../util/errors.js';

export const DEFAULT_STAGES = ['dev', 'staging', 'prod'] as const;
export const DEFAULT_VALUES_PATH = 'env/{stage}/values.yaml';
/** The key the generated `yaml-update` steps set in each stage's values file. */
export const IMAGE_TAG_KEY = 'image.tag';

/** The flags as the command line hands them over (strings, unchecked). */
export interface InitFlags {
  project?: string;
  image?: string;
  /** Comma-separated stage names, in pipeline order. */
  stages?: string;
  /** Values file per stage; `{stage}` is replaced by the stage name. */
  valuesPath?: string;
}

export interface InitSettings {
  project: string;
  /** The image repository as the user wrote it, without tag or digest: `ghcr.io/acme/echo`. */
  image: string;
  /** Registry host as references name it: `ghcr.io`, `docker.io`, `127.0.0.1:5000`. */
  registry: string;
  stages: string[];
  /** The `--values-path` template, `{stage}` not yet replaced. */
  valuesPath: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_RULE =
  "a lowercase DNS label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters";

/** `Echo_App` → `echo-app`: the closest DNS label, or '' when nothing is left. */
export function toDnsLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
}

/** The values file of one stage: `{stage}` replaced. */
export function valuesPathFor(template: string, stage: string): string {
  return template.replaceAll('{stage}', stage);
}

const IMAGE_EXAMPLE = 'ghcr.io/acme/echo';

function checkImage(raw: string | undefined): { image: string; registry: string } {
  if (raw === undefined || raw.trim() === '') {
    throw new ConfigError(
      [
        'init needs --image: the container image repository whose new tags gantry promotes, without a tag, e.g.',
        `  gantry init --image ${IMAGE_EXAMPLE}                 (GitHub Container Registry)`,
        '  gantry init --image docker.io/acme/echo               (Docker Hub; acme/echo works too)',
        '  gantry init --image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/echo   (Amazon ECR)',
        'Charts and git repositories can be added to the warehouse afterwards (docs/init.md).',
      ].join('\n'),
    );
  }
  const image = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(image);
  if (scheme) {
    const rest = image.slice(scheme[0].length);
    throw new ConfigError(
      `--image ${JSON.stringify(image)}: write the repository without a URL scheme: --image ${rest.replace(/[:@].*$/, '') || IMAGE_EXAMPLE}`,
    );
  }
  const at = image.indexOf('@');
  if (at >= 0) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)} names one digest; gantry watches the repository and picks new tags itself: --image ${image.slice(0, at)}`,
    );
  }
  // A `:` after the last `/` starts a tag; one before it is a registry port (`localhost:5000/echo`).
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  if (colon >= 0) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)} names the tag ${JSON.stringify(image.slice(colon + 1))}; gantry watches the repository and picks new tags itself (SemVer by default): --image ${image.slice(0, colon)}`,
    );
  }
  if (image !== image.toLowerCase()) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)}: image repository names are lower case: --image ${image.toLowerCase()}`,
    );
  }
  try {
    const parsed = parseImageRepository(image);
    return { image, registry: parsed.registry };
  } catch (err) {
    throw new ConfigError(`--image: ${errorMessage(err)}`);
  }
}

function checkStages(raw: string | undefined): string[] {
  if (raw === undefined) return [...DEFAULT_STAGES];
  const names = raw.split(',').map((s) => s.trim());
  if (names.every((n) => n === '')) {
    throw new ConfigError(
      '--stages is empty: list the stages in pipeline order, e.g. --stages dev,staging,prod',
    );
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') {
      throw new ConfigError(
        `--stages ${JSON.stringify(raw)}: stage ${i + 1} is empty; list names separated by single commas, e.g. --stages dev,staging,prod`,
      );
    }
    if (!DNS_LABEL.test(name) || name.length > 63) {
      const fixed = toDnsLabel(name);
      throw new ConfigError(
        `--stages: stage name ${JSON.stringify(name)} must be ${DNS_RULE} (it names git tags and the GitHub environment)${fixed ? `; try ${JSON.stringify(fixed)}` : ''}`,
      );
    }
    if (seen.has(name)) {
      throw new ConfigError(
        `--stages: stage ${JSON.stringify(name)} is listed twice; each stage comes once, in pipeline order`,
      );
    }
    seen.add(name);
  });
  if (names.length > 20) {
    throw new ConfigError(
      `--stages lists ${names.length} stages; gantry init writes a chain of at most 20 (edit the project file for larger pipelines)`,
    );
  }
  return names;
}

function checkValuesPath(raw: string | undefined, stages: readonly string[]): string {
  if (raw === undefined) return DEFAULT_VALUES_PATH;
  const path = raw.trim();
  const hint = `e.g. --values-path '${DEFAULT_VALUES_PATH}'`;
  if (path === '') throw new ConfigError(`--values-path is empty: ${hint}`);
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)} must be relative to the repository root: ${hint}`,
    );
  }
  if (path.includes('\\')) {
    throw new ConfigError(`--values-path ${JSON.stringify(path)}: use / between directories`);
  }
  const other = /\{(?!stage\})[^}]*\}/.exec(path);
  if (other) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: unknown placeholder ${other[0]}; the only one is {stage}`,
    );
  }
  if (stages.length > 1 && !path.includes('{stage}')) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)} has no {stage}: every stage would edit the same file, so promoting ${stages[0]} would change ${stages[stages.length - 1]} too; put {stage} where the stage name goes, ${hint}`,
    );
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: no empty, "." or ".." parts; a path inside the repository, ${hint}`,
    );
  }
  const first = segments[0];
  if (first === '.git' || first === PROJECT_DIR || first === '.github') {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: ${first}/ belongs to ${first === PROJECT_DIR ? 'gantry' : first === '.git' ? 'git' : 'GitHub'}; put the values files with your manifests, ${hint}`,
    );
  }
  if (!/\.ya?ml$/i.test(path)) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: the generated yaml-update step edits a YAML file (.yaml or .yml); for kustomize or JSON, generate with a YAML values path and change the step afterwards (docs/init.md)`,
    );
  }
  return path;
}

function checkProject(raw: string | undefined, image: string): string {
  if (raw !== undefined) {
    const name = raw.trim();
    if (!DNS_LABEL.test(name) || name.length > 63) {
      const fixed = toDnsLabel(name);
      throw new ConfigError(
        `--project ${JSON.stringify(raw)} must be ${DNS_RULE} (it names the file ${PROJECT_DIR}/<project>.yaml and git tags)${fixed ? `; try --project ${fixed}` : ''}`,
      );
    }
    return name;
  }
  const last = image.split('/').pop() ?? '';
  const name = toDnsLabel(last);
  if (!name) {
    throw new ConfigError(
      `cannot make a project name of ${JSON.stringify(last)} (from --image): give one with --project, e.g. --project echo`,
    );
  }
  return name;
}

/** Check the flags and fill in the defaults; a ConfigError says what to type instead. */
export function initSettings(flags: InitFlags): InitSettings {
  const { image, registry } = checkImage(flags.image);
  const stages = checkStages(flags.stages);
  const valuesPath = checkValuesPath(flags.valuesPath, stages);
  const project = checkProject(flags.project, image);
  return { project, image, registry, stages, valuesPath };
}
