import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  parseVersion,
  require_semver
} from "./KKJNXGQK.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/semver/constraint.ts
var import_semver = __toESM(require_semver(), 1);
var OPS = [
  // Longest first.
  ["!=", "!="],
  [">=", ">="],
  ["=>", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["~>", "~"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["~", "~"],
  ["^", "^"]
];
var PART = "(?:[0-9]+|[xX*])";
var IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
var VERSION_SOURCE = `v?(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?`;
var VERSION = new RegExp(`^${VERSION_SOURCE}`);
var PLAIN_VERSION = `v?${PART}(?:\\.${PART}){0,2}(?:-${IDENTIFIERS})?(?:\\+${IDENTIFIERS})?`;
var HYPHEN_RANGE = new RegExp(`(${PLAIN_VERSION})\\s+-\\s+(${PLAIN_VERSION})`, "g");
var ConstraintSyntaxError = class extends Error {
};
function isWild(part) {
  return part === void 0 || part === "x" || part === "X" || part === "*";
}
function toNumber(part) {
  const n = Number(part);
  if (!Number.isSafeInteger(n))
    throw new ConstraintSyntaxError(`version number too large: ${part}`);
  return n;
}
function parseComparator(text, segment) {
  let rest = text;
  let op = "=";
  for (const [spelling, meaning] of OPS) {
    if (rest.startsWith(spelling)) {
      op = meaning;
      rest = rest.slice(spelling.length).trimStart();
      break;
    }
  }
  const m = VERSION.exec(rest);
  if (!m) throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  rest = rest.slice(m[0].length);
  if (rest !== "" && !/^[\s,]/.test(rest))
    throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  const [, major, minor, patch, pre] = m;
  let wild = null;
  const nums = [0, 0, 0];
  if (isWild(major)) wild = "major";
  else {
    nums[0] = toNumber(major ?? "");
    if (isWild(minor)) wild = "minor";
    else {
      nums[1] = toNumber(minor ?? "");
      if (isWild(patch)) wild = "patch";
      else nums[2] = toNumber(patch ?? "");
    }
  }
  let con;
  try {
    con = new import_semver.default(`${nums.join(".")}${pre !== void 0 ? `-${pre}` : ""}`);
  } catch {
    throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  }
  return [{ op, con, wild, hasPre: pre !== void 0 }, rest];
}
function parseAnd(segment) {
  const out = [];
  let rest = segment.trim();
  if (rest === "") throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
  for (; ; ) {
    const [comparator, after] = parseComparator(rest, segment);
    out.push(comparator);
    rest = after.trimStart();
    if (rest === "") return out;
    if (rest.startsWith(",")) {
      rest = rest.slice(1).trimStart();
      if (rest === "") throw new ConstraintSyntaxError(`improper constraint: ${segment}`);
    }
  }
}
function sameTildeRange(v, c) {
  if (c.wild === "major") return true;
  if (c.wild === null && c.con.major === 0 && c.con.minor === 0 && c.con.patch === 0) return true;
  if (v.major !== c.con.major) return false;
  return c.wild === "minor" || v.minor === c.con.minor;
}
function check(v, c) {
  const vPre = v.prerelease.length > 0;
  if (vPre && !c.hasPre && !(c.op === "!=" && c.wild === null)) return false;
  const cmp = v.compare(c.con);
  switch (c.op) {
    case "=":
      if (c.wild === null) return cmp === 0;
      return cmp >= 0 && sameTildeRange(v, c);
    case "~":
      return cmp >= 0 && sameTildeRange(v, c);
    case "!=":
      if (c.wild === null) return cmp !== 0;
      if (c.wild === "major") return false;
      return !(v.major === c.con.major && (c.wild === "minor" || v.minor === c.con.minor));
    case ">":
      if (c.wild === null) return cmp > 0;
      if (c.wild === "major") return false;
      if (c.wild === "minor") return v.major > c.con.major;
      return v.major > c.con.major || v.major === c.con.major && v.minor > c.con.minor;
    case "<":
      if (c.wild === "major") return false;
      return cmp < 0;
    case ">=":
      return cmp >= 0;
    case "<=":
      if (c.wild === null) return cmp <= 0;
      if (c.wild === "major") return true;
      if (c.wild === "minor") return v.major <= c.con.major;
      return v.major < c.con.major || v.major === c.con.major && v.minor <= c.con.minor;
    case "^":
      if (cmp < 0) return false;
      if (c.wild === "major") return true;
      if (c.con.major > 0 || c.wild === "minor") return v.major === c.con.major;
      if (v.major !== 0) return false;
      if (c.con.minor > 0 || c.wild === "patch") return v.minor === c.con.minor;
      return v.minor === 0 && v.patch === c.con.patch;
  }
}
function parseConstraint(text) {
  let ors;
  try {
    const rewritten = text.replace(HYPHEN_RANGE, " >=$1, <=$2 ");
    ors = rewritten.split("||").map(parseAnd);
  } catch (err) {
    if (err instanceof ConstraintSyntaxError) {
      throw new Error(`error parsing semver constraint ${JSON.stringify(text)}: ${err.message}`, {
        cause: err
      });
    }
    throw err;
  }
  return {
    text,
    matches(v) {
      const version = typeof v === "string" ? parseVersion(v, false)?.version : v;
      if (!version) return false;
      return ors.some((and) => and.every((c) => check(version, c)));
    }
  };
}

export {
  parseConstraint
};
