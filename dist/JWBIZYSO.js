import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/regex-core.ts
var engine;
function useRegexEngine(e) {
  engine ??= e;
}
async function loadRegexEngine() {
  if (!engine) await import("./DOMVIXIN.js");
}
function loaded() {
  if (!engine)
    throw new Error(
      "the RE2 engine is not loaded: import util/regex.js, or await loadRegexEngine() before compiling a pattern"
    );
  return engine;
}
var NAMED_GROUP = /^\(\?P?<([A-Za-z0-9_]+)>/;
function dropRepeatedNames(pattern) {
  const seen = /* @__PURE__ */ new Set();
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "\\") {
      if (pattern[i + 1] === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
      } else {
        out += pattern.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") {
        if (pattern[j] === "\\") j += 2;
        else if (pattern.startsWith("[:", j)) {
          const end = pattern.indexOf(":]", j + 2);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
      }
      out += pattern.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const named = c === "(" ? NAMED_GROUP.exec(pattern.slice(i, i + 1024)) : null;
    if (named) {
      const name = named[1] ?? "";
      out += seen.has(name) ? "(" : named[0];
      seen.add(name);
      i += named[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
function compileRe2(pattern) {
  const { RE2JS, RE2JSException } = loaded();
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
    if (err instanceof RE2JSException && /duplicate capture group name/.test(err.message)) {
      return RE2JS.compile(dropRepeatedNames(pattern));
    }
    throw err;
  }
}
function compileRegex(pattern) {
  let re;
  loaded();
  try {
    re = compileRe2(pattern);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`error compiling regular expression ${JSON.stringify(pattern)}: ${reason}`, {
      cause: err
    });
  }
  return {
    source: pattern,
    test: (input) => re.test(input),
    exec: (input) => {
      const m = re.exec(input);
      return m ? Array.from(m, (g) => typeof g === "string" ? g : void 0) : null;
    }
  };
}

export {
  useRegexEngine,
  loadRegexEngine,
  compileRegex
};
