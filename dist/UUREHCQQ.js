import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  ANY,
  hasExpression,
  renderTemplate,
  renderTemplates,
  structOf
} from "./TFABZY5Z.js";
import {
  ConfigError,
  errorMessage
} from "./HQMHHTDW.js";

// src/verification/templates.ts
function expressionsOf(text) {
  const out = [];
  for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}|\$\{%([\s\S]*?)%\}/g)) {
    out.push(m[1] ?? m[2] ?? "");
  }
  return out;
}
function stringsOf(value, out = [], depth = 0) {
  if (depth > 100) return out;
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out, depth + 1);
  else if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) stringsOf(v, out, depth + 1);
  }
  return out;
}
function envReferences(value) {
  const found = /* @__PURE__ */ new Map();
  for (const text of stringsOf(value)) {
    for (const expr of expressionsOf(text)) {
      const fallback = /\?\?|\bdefault\s*\(/.test(expr);
      const re = /\benv\s*(?:\?\.|\.)\s*([A-Za-z_][A-Za-z0-9_]*)|\benv\s*(?:\?\.)?\[\s*(["'`])(.*?)\2\s*\]/g;
      for (const m of expr.matchAll(re)) {
        const name = m[1] ?? m[3] ?? "";
        found.set(name, (found.get(name) ?? true) && fallback);
      }
    }
  }
  return [...found].map(([name, fallback]) => ({ name, fallback }));
}
var METRIC_CTX_TYPE = structOf("ctx", {
  project: ANY,
  stage: ANY,
  freight: structOf("freight", { id: ANY, alias: ANY }),
  commit: ANY
});
function templateEnv(target, env) {
  return {
    ctx: {
      project: target.project,
      stage: target.stage,
      freight: { id: target.freightId, alias: target.freightAlias },
      commit: target.commit ?? null
    },
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0))
  };
}
function metricParts(metric) {
  return {
    config: metric.provider.config,
    ...metric.successCondition !== void 0 && { successCondition: metric.successCondition },
    ...metric.failureCondition !== void 0 && { failureCondition: metric.failureCondition }
  };
}
function renderMetric(where, parts, target, env, opts = {}) {
  const all = [parts.config, parts.successCondition, parts.failureCondition];
  const secrets = [];
  for (const { name, fallback } of envReferences(all)) {
    const value = env[name];
    if (value !== void 0) secrets.push(value);
    else if (!fallback) {
      throw new ConfigError(
        `${where}: env.${name} is not set: pass it to the verify step (env: ${name}: \${{ secrets.${name} }}), or give a fallback with ??`
      );
    }
  }
  const vars = templateEnv(target, env);
  const render = (what, fn) => {
    try {
      return fn();
    } catch (err) {
      throw new ConfigError(`${where}: ${what}: ${errorMessage(err)}`);
    }
  };
  const config = render("provider", () => renderTemplates(parts.config, vars, opts));
  const condition = (field) => {
    const source = parts[field];
    if (source === void 0 || !hasExpression(source)) return source;
    const value = render(field, () => renderTemplate(source, vars, opts));
    return typeof value === "string" ? value : JSON.stringify(value);
  };
  const successCondition = condition("successCondition");
  const failureCondition = condition("failureCondition");
  return {
    config,
    ...successCondition !== void 0 && { successCondition },
    ...failureCondition !== void 0 && { failureCondition },
    secrets
  };
}

export {
  METRIC_CTX_TYPE,
  metricParts,
  renderMetric
};
