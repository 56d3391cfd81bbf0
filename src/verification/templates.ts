/**
 * `${{ }}` templates in a metric: every string of the provider configuration, and the two
 * conditions, are rendered with Kargo's template rules (src/expr renderTemplate) before the
 * provider checks its configuration, in this environment:
 *
 * - `ctx`: `{project, stage, freight: {id, alias}, commit}` — what is being verified (`commit`
 *   is the promotion commit, or nil when it is not known);
 * - `env`: the environment the adapter passes in (the verify step's `env:`), which is how
 *   secrets get in: `Authorization: Bearer ${{ env.PROM_TOKEN }}`.
 *
 * Every `env.NAME` a template reads is registered as a secret, so its value never reaches a
 * message or a log line. Reading a variable that is not set is an error (a header of
 * `Bearer null` would only fail later and less clearly), unless the expression gives a
 * fallback with `??` or `default(`.
 */
import {
  ANY,
  hasExpression,
  renderTemplate,
  renderTemplates,
  structOf,
  type EvalOptions,
  type StaticType,
} from '../expr/index.js';
import { ConfigError, errorMessage } from '../util/errors.js';
import type { VerificationMetric } from '../pipeline/types.js';
import type { ProviderContext } from './types.js';

export type TemplateEnvVars = Readonly<Record<string, string | undefined>>;

/** The expressions inside `${{ … }}` and `${% … %}` of a string. */
function expressionsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}|\$\{%([\s\S]*?)%\}/g)) {
    out.push(m[1] ?? m[2] ?? '');
  }
  return out;
}

function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 100) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  }
  return out;
}

/** `env.NAME` and `env["NAME"]` read by the expressions of `value`'s strings. */
export function envReferences(value: unknown): { name: string; fallback: boolean }[] {
  const found = new Map<string, boolean>();
  for (const text of stringsOf(value)) {
    for (const expr of expressionsOf(text)) {
      const fallback = /\?\?|\bdefault\s*\(/.test(expr);
      const re =
        /\benv\s*(?:\?\.|\.)\s*([A-Za-z_][A-Za-z0-9_]*)|\benv\s*(?:\?\.)?\[\s*(["'`])(.*?)\2\s*\]/g;
      for (const m of expr.matchAll(re)) {
        const name = m[1] ?? m[3] ?? '';
        found.set(name, (found.get(name) ?? true) && fallback);
      }
    }
  }
  return [...found].map(([name, fallback]) => ({ name, fallback }));
}

/** What `gantry lint` knows of `ctx` in templateEnv (keep them in step). */
export const METRIC_CTX_TYPE: StaticType = structOf('ctx', {
  project: ANY,
  stage: ANY,
  freight: structOf('freight', { id: ANY, alias: ANY }),
  commit: ANY,
});

export function templateEnv(
  target: ProviderContext['target'],
  env: TemplateEnvVars,
): Record<string, unknown> {
  return {
    ctx: {
      project: target.project,
      stage: target.stage,
      freight: { id: target.freightId, alias: target.freightAlias },
      commit: target.commit ?? null,
    },
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
  };
}

export interface RenderedMetric {
  config: unknown;
  successCondition?: string;
  failureCondition?: string;
  /** Values of the environment variables the templates read: secrets from now on. */
  secrets: string[];
}

/** The parts of a metric that hold templates: its provider's config and its conditions. */
export function metricParts(
  metric: Pick<VerificationMetric, 'provider' | 'successCondition' | 'failureCondition'>,
): MetricParts {
  return {
    config: metric.provider.config,
    ...(metric.successCondition !== undefined && { successCondition: metric.successCondition }),
    ...(metric.failureCondition !== undefined && { failureCondition: metric.failureCondition }),
  };
}

export interface MetricParts {
  config: unknown;
  successCondition?: string;
  failureCondition?: string;
}

/**
 * Render a metric's provider configuration and conditions. Throws ConfigError naming `where`
 * (e.g. `verification metric "smoke"`) when an expression fails or reads an unset variable.
 */
export function renderMetric(
  where: string,
  parts: MetricParts,
  target: ProviderContext['target'],
  env: TemplateEnvVars,
  /**
   * `functions`: `imageFrom()`, `chartFrom()`, `commitFrom()` over the freight being verified;
   * `interrupt`: ends a long evaluation (the run's deadline).
   */
  opts: Pick<EvalOptions, 'functions' | 'interrupt'> = {},
): RenderedMetric {
  const all = [parts.config, parts.successCondition, parts.failureCondition];
  const secrets: string[] = [];
  for (const { name, fallback } of envReferences(all)) {
    const value = env[name];
    if (value !== undefined) secrets.push(value);
    else if (!fallback) {
      throw new ConfigError(
        `${where}: env.${name} is not set: pass it to the verify step (env: ${name}: \${{ secrets.${name} }}), or give a fallback with ??`,
      );
    }
  }
  const vars = templateEnv(target, env);
  const render = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw new ConfigError(`${where}: ${what}: ${errorMessage(err)}`);
    }
  };
  const config = render('provider', () => renderTemplates(parts.config, vars, opts));
  const condition = (field: 'successCondition' | 'failureCondition'): string | undefined => {
    const source = parts[field];
    if (source === undefined || !hasExpression(source)) return source;
    const value = render(field, () => renderTemplate(source, vars, opts));
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const successCondition = condition('successCondition');
  const failureCondition = condition('failureCondition');
  return {
    config,
    ...(successCondition !== undefined && { successCondition }),
    ...(failureCondition !== undefined && { failureCondition }),
    secrets,
  };
}
