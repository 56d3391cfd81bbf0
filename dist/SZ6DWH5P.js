import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  expectArgs
} from "./TFABZY5Z.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/promotion/expr-data.ts
var NO_EXPRESSION_DATA = {
  secrets: {},
  sharedSecrets: {},
  configMaps: {},
  sharedConfigMaps: {}
};
var PREFIXES = {
  secrets: "GANTRY_SECRET_",
  sharedSecrets: "GANTRY_SHARED_SECRET_",
  configMaps: "GANTRY_CONFIGMAP_",
  sharedConfigMaps: "GANTRY_SHARED_CONFIGMAP_"
};
var FUNCTION_OF = {
  secrets: "secret",
  sharedSecrets: "sharedSecret",
  configMaps: "configMap",
  sharedConfigMaps: "sharedConfigMap"
};
function dataName(name) {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}
function expressionDataFromEnv(env) {
  const out = {
    secrets: {},
    sharedSecrets: {},
    configMaps: {},
    sharedConfigMaps: {}
  };
  const perKey = [];
  for (const [variable, value] of Object.entries(env)) {
    if (value === void 0) continue;
    for (const [kind, prefix] of Object.entries(PREFIXES)) {
      if (!variable.startsWith(prefix)) continue;
      const rest = variable.slice(prefix.length);
      const cut = rest.indexOf("__");
      if (cut > 0 && cut + 2 < rest.length) {
        perKey.push([kind, dataName(rest.slice(0, cut)), rest.slice(cut + 2), value]);
      } else if (rest !== "" && cut < 0) {
        const name = dataName(rest);
        out[kind][name] = { ...out[kind][name], ...parseWholeMap(variable, kind, value) };
      } else {
        throw new ConfigError(
          `environment variable ${variable}: expected ${prefix}<NAME> (a JSON object) or ${prefix}<NAME>__<KEY> (one value)`
        );
      }
    }
  }
  for (const [kind, name, key, value] of perKey) {
    out[kind][name] = { ...out[kind][name], [key]: value };
  }
  return out;
}
function parseWholeMap(variable, kind, raw) {
  const refuse = () => {
    throw new ConfigError(
      `environment variable ${variable} must hold a JSON object of keys to strings (${FUNCTION_OF[kind]}() reads it), like {"token": "\u2026"}; for a single value use ${variable}__<KEY>`
    );
  };
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return refuse();
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return refuse();
  const map = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === "string") map[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") map[k] = String(v);
    else return refuse();
  }
  return map;
}
function secretValues(data) {
  return [data.secrets, data.sharedSecrets].flatMap(
    (maps) => Object.values(maps).flatMap((m) => Object.values(m))
  );
}
var DATA_SIGNATURES = {
  secret: { min: 1, max: 1 },
  sharedSecret: { min: 1, max: 1 },
  configMap: { min: 1, max: 1 },
  sharedConfigMap: { min: 1, max: 1 }
};
function dataFunctions(data, log) {
  const told = /* @__PURE__ */ new Set();
  const lookUp = (kind) => (args) => {
    const fn = FUNCTION_OF[kind];
    const [name] = expectArgs(fn, args, ["string"]);
    if (name === "") throw new Error(`${fn}(): the name must not be empty`);
    const found = data[kind][dataName(name)];
    if (found) return { ...found };
    const variable = `${PREFIXES[kind]}${dataName(name)}`;
    if (log && !told.has(variable)) {
      told.add(variable);
      log(
        `${fn}(${JSON.stringify(name)}): nothing provides it, so it is empty; set ${variable} (a JSON object) or ${variable}__<KEY> in the promote step's env`
      );
    }
    return {};
  };
  return {
    secret: lookUp("secrets"),
    sharedSecret: lookUp("sharedSecrets"),
    configMap: lookUp("configMaps"),
    sharedConfigMap: lookUp("sharedConfigMaps")
  };
}

export {
  NO_EXPRESSION_DATA,
  expressionDataFromEnv,
  secretValues,
  DATA_SIGNATURES,
  dataFunctions
};
