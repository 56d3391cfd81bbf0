import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  compileRegex
} from "./JWBIZYSO.js";

// src/pipeline/auto-promotion.ts
function escapeRegex(s) {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}
function globRegex(glob) {
  let out = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\" && i + 1 < glob.length) out += escapeRegex(glob[++i]);
    else if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      const body = glob.slice(i + 1, end).replace(/^[!^]/, "^");
      out += `[${body.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "{") {
      depth++;
      out += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      out += ")";
    } else if (c === "," && depth > 0) out += "|";
    else out += escapeRegex(c);
  }
  return new RegExp(`^${out}$`);
}
var REGEX_PREFIX = /^regexp?:/;
function selectorNameProblem(pattern) {
  const regex = REGEX_PREFIX.exec(pattern);
  if (!regex) return void 0;
  try {
    compileRegex(pattern.slice(regex[0].length));
    return void 0;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
function nameMatches(pattern, name) {
  const regex = REGEX_PREFIX.exec(pattern);
  if (regex) {
    try {
      return compileRegex(pattern.slice(regex[0].length)).test(name);
    } catch {
      return false;
    }
  }
  if (pattern.startsWith("glob:")) {
    try {
      return globRegex(pattern.slice("glob:".length)).test(name);
    } catch {
      return false;
    }
  }
  return pattern === name;
}
function labelsMatch(selector, labels) {
  const want = selector.matchLabels ?? {};
  if (Object.entries(want).some(([k, v]) => labels[k] !== v)) return false;
  return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case "In":
        return has && values.includes(labels[key]);
      case "NotIn":
        return !has || !values.includes(labels[key]);
      case "Exists":
        return has;
      default:
        return !has;
    }
  });
}
function policyMatches(policy, stage) {
  const selector = policy.stageSelector;
  if (!selector) return policy.stage === stage.name;
  const { name } = selector;
  if (name !== void 0 && name !== "" && !nameMatches(name, stage.name)) return false;
  return labelsMatch(selector, stage.labels ?? {});
}
function matchingPolicy(policies, stage) {
  return policies.findIndex((p) => policyMatches(p, stage));
}
function holdReason(hold) {
  return `held since ${hold.since} by ${hold.by}: ${hold.reason}`;
}
function autoPromotionDecision(q) {
  if (!q.candidate) return { due: false, why: "none", reason: "no freight available" };
  const current = q.state?.freight.find((f) => f.origin.name === q.origin);
  if (current?.id === q.candidate.id) {
    return { due: false, why: "current", reason: `already runs ${q.candidate.alias}` };
  }
  if (!q.autoPromotion) {
    return { due: false, why: "off", reason: "auto-promotion is off: promote it by hand" };
  }
  const hold = q.state?.autoPromotionHold;
  if (hold) return { due: false, why: "held", reason: holdReason(hold) };
  return { due: true };
}

export {
  escapeRegex,
  selectorNameProblem,
  matchingPolicy,
  autoPromotionDecision
};
