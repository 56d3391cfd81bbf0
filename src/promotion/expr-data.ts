/**
 * Kargo's `secret()`, `sharedSecret()`, `configMap()` and `sharedConfigMap()` without a cluster.
 *
 * Kargo reads Kubernetes Secrets and ConfigMaps from the project's namespace (or the shared
 * one). A GitHub workflow has its own two stores for the same purposes: `secrets.*` (masked by the
 * runner) and configuration variables `vars.*`. The workflow hands them to gantry explicitly, as
 * environment variables of the promote step named by convention; nothing else reaches the
 * functions, so a template can only read what the workflow chose to expose:
 *
 *   GANTRY_SECRET_<NAME>=<JSON object>          secret('<name>') is the object
 *   GANTRY_SECRET_<NAME>__<KEY>=<value>         secret('<name>').<KEY>, one key per variable
 *   GANTRY_SHARED_SECRET_…                      sharedSecret()
 *   GANTRY_CONFIGMAP_… / GANTRY_SHARED_CONFIGMAP_…  configMap() / sharedConfigMap()
 *
 * `<NAME>` is the name the template passes, upper-cased, every character other than a letter or
 * a digit becoming `_` (`secret('slack-bot')` reads GANTRY_SECRET_SLACK_BOT*); `<KEY>` is kept
 * as written, since Kargo's keys are case-sensitive. Both forms of one name merge, the per-key
 * variables winning. As in Kargo, a name nothing provides is an empty map (its keys read as nil).
 *
 * The adapters build these maps from the environment they were given (core never reads
 * process.env); every secret value is masked in the runner's log and replaced by `***` in
 * gantry's own messages (see the engine).
 */
import { expectArgs, type ExprFunctions, type FunctionSignatures } from '../expr/index.js';
import { ConfigError } from '../util/errors.js';

/** Maps by name (normalized: see `dataName`), each of keys to string values. */
export type NamedMaps = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface ExpressionData {
  secrets: NamedMaps;
  sharedSecrets: NamedMaps;
  configMaps: NamedMaps;
  sharedConfigMaps: NamedMaps;
}

export const NO_EXPRESSION_DATA: ExpressionData = {
  secrets: {},
  sharedSecrets: {},
  configMaps: {},
  sharedConfigMaps: {},
};

/** The environment variable prefix of each function; each is no prefix of another. */
const PREFIXES = {
  secrets: 'GANTRY_SECRET_',
  sharedSecrets: 'GANTRY_SHARED_SECRET_',
  configMaps: 'GANTRY_CONFIGMAP_',
  sharedConfigMaps: 'GANTRY_SHARED_CONFIGMAP_',
} as const satisfies Record<keyof ExpressionData, string>;

const FUNCTION_OF: Record<keyof ExpressionData, string> = {
  secrets: 'secret',
  sharedSecrets: 'sharedSecret',
  configMaps: 'configMap',
  sharedConfigMaps: 'sharedConfigMap',
};

/** How a name a template passes is spelt in a variable's name: `slack-bot` → `SLACK_BOT`. */
export function dataName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * The four maps from `env` (the adapter's environment). A whole-map variable that is not a JSON
 * object of scalars is refused, naming the variable and never echoing its value.
 */
export function expressionDataFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ExpressionData {
  const out: Record<keyof ExpressionData, Record<string, Record<string, string>>> = {
    secrets: {},
    sharedSecrets: {},
    configMaps: {},
    sharedConfigMaps: {},
  };
  // Whole maps first, so that the per-key variables override them whatever the env's order.
  const perKey: [keyof ExpressionData, string, string, string][] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined) continue;
    for (const [kind, prefix] of Object.entries(PREFIXES) as [keyof ExpressionData, string][]) {
      if (!variable.startsWith(prefix)) continue;
      const rest = variable.slice(prefix.length);
      const cut = rest.indexOf('__');
      if (cut > 0 && cut + 2 < rest.length) {
        perKey.push([kind, dataName(rest.slice(0, cut)), rest.slice(cut + 2), value]);
      } else if (rest !== '' && cut < 0) {
        const name = dataName(rest);
        out[kind][name] = { ...out[kind][name], ...parseWholeMap(variable, kind, value) };
      } else {
        throw new ConfigError(
          `environment variable ${variable}: expected ${prefix}<NAME> (a JSON object) or ${prefix}<NAME>__<KEY> (one value)`,
        );
      }
    }
  }
  for (const [kind, name, key, value] of perKey) {
    out[kind][name] = { ...out[kind][name], [key]: value };
  }
  return out;
}

function parseWholeMap(
  variable: string,
  kind: keyof ExpressionData,
  raw: string,
): Record<string, string> {
  const refuse = (): never => {
    // The value may be a secret: the message names the variable only.
    throw new ConfigError(
      `environment variable ${variable} must hold a JSON object of keys to strings (${FUNCTION_OF[kind]}() reads it), like {"token": "…"}; for a single value use ${variable}__<KEY>`,
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return refuse();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse();
  const map: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'string') map[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') map[k] = String(v);
    else return refuse();
  }
  return map;
}

/** Every secret value, for masking. */
export function secretValues(data: ExpressionData): string[] {
  return [data.secrets, data.sharedSecrets].flatMap((maps) =>
    Object.values(maps).flatMap((m) => Object.values(m)),
  );
}

/** What `gantry lint` knows of the functions below. */
export const DATA_SIGNATURES: FunctionSignatures = {
  secret: { min: 1, max: 1 },
  sharedSecret: { min: 1, max: 1 },
  configMap: { min: 1, max: 1 },
  sharedConfigMap: { min: 1, max: 1 },
};

/**
 * The four functions over `data`. A name nothing provides returns an empty map, as Kargo does for
 * a Secret that does not exist; `log` hears once per name which variable would provide it, since
 * on a runner the likelier cause is a workflow that did not map it.
 */
export function dataFunctions(data: ExpressionData, log?: (line: string) => void): ExprFunctions {
  const told = new Set<string>();
  const lookUp = (kind: keyof ExpressionData) => (args: readonly unknown[]) => {
    const fn = FUNCTION_OF[kind];
    const [name] = expectArgs(fn, args, ['string']) as [string];
    if (name === '') throw new Error(`${fn}(): the name must not be empty`);
    const found = data[kind][dataName(name)];
    if (found) return { ...found };
    const variable = `${PREFIXES[kind]}${dataName(name)}`;
    if (log && !told.has(variable)) {
      told.add(variable);
      log(
        `${fn}(${JSON.stringify(name)}): nothing provides it, so it is empty; set ${variable} (a JSON object) or ${variable}__<KEY> in the promote step's env`,
      );
    }
    return {};
  };
  return {
    secret: lookUp('secrets'),
    sharedSecret: lookUp('sharedSecrets'),
    configMap: lookUp('configMaps'),
    sharedConfigMap: lookUp('sharedConfigMaps'),
  };
}
