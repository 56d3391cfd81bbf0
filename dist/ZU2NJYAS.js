import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  openCacheRepo,
  repairRepo,
  withDirLock
} from "./TBULFJPZ.js";
import {
  GitError
} from "./HLO4W42S.js";
import "./J4XWRISY.js";
import {
  retry
} from "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./2II5XYTM.js";
import {
  parseConstraint
} from "./3CCVSSJR.js";
import {
  ExprTime,
  compileExpr,
  evaluateBool
} from "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import {
  compareVersionsDesc,
  parseVersion
} from "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/discovery/git.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/discovery/git-select.ts
function shortenString(s, length) {
  const chars = [...s];
  if (chars.length <= length) return s;
  return chars.slice(0, length - 3).join("") + "...";
}
function parseLsRemote(stdout) {
  const out = { symrefs: /* @__PURE__ */ new Map(), refs: /* @__PURE__ */ new Map(), peeled: /* @__PURE__ */ new Map() };
  for (const line of stdout.split("\n")) {
    if (!line) continue;
    const tab = line.indexOf("	");
    if (tab < 0) continue;
    const left = line.slice(0, tab);
    const name = line.slice(tab + 1);
    if (left.startsWith("ref: ")) out.symrefs.set(name, left.slice(5));
    else if (name.endsWith("^{}")) out.peeled.set(name.slice(0, -3), left);
    else out.refs.set(name, left);
  }
  return out;
}
function remoteTags(ls) {
  const out = [];
  for (const [name, oid] of ls.refs) {
    if (!name.startsWith("refs/tags/")) continue;
    out.push({ tag: name.slice("refs/tags/".length), oid, commit: ls.peeled.get(name) ?? oid });
  }
  return out;
}
function compileRegexes(list) {
  return list.map((r) => {
    try {
      return compileRegex(r);
    } catch (err) {
      throw new ConfigError(err instanceof Error ? err.message : String(err));
    }
  });
}
function tagSelector(sub) {
  const allow = compileRegexes(sub.allowTagsRegexes);
  const ignore = compileRegexes(sub.ignoreTagsRegexes);
  let constraint;
  if (sub.commitSelectionStrategy === "SemVer" && sub.semverConstraint) {
    try {
      constraint = parseConstraint(sub.semverConstraint);
    } catch (err) {
      throw new ConfigError(err instanceof Error ? err.message : String(err));
    }
  }
  const byName = (tag) => {
    if (ignore.some((r) => r.test(tag))) return false;
    return allow.length === 0 || allow.some((r) => r.test(tag));
  };
  const semver = (tag) => {
    const v = parseVersion(tag, sub.strictSemvers);
    if (!v || constraint && !constraint.matches(v.version)) return null;
    return v;
  };
  const matchesTag = (tag) => byName(tag) && (sub.commitSelectionStrategy !== "SemVer" || semver(tag) !== null);
  return {
    matchesTag,
    matchesRef: (ref) => ref.startsWith("refs/tags/") && matchesTag(ref.slice(10)),
    candidates(tags) {
      const named = tags.filter((t) => byName(t.tag));
      switch (sub.commitSelectionStrategy) {
        case "SemVer": {
          const parsed = [];
          for (const t of named) {
            const v = semver(t.tag);
            if (v) parsed.push({ t, v });
          }
          return parsed.sort((a, b) => compareVersionsDesc(a.v, b.v)).map((p) => p.t);
        }
        case "Lexical":
          return named.sort((a, b) => compareBytes(b.tag, a.tag));
        default:
          return named;
      }
    }
  };
}
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function sortByCreatorDate(tags) {
  return [...tags].sort((a, b) => {
    const d = Date.parse(b.creatorDate) - Date.parse(a.creatorDate);
    return d !== 0 ? d : compareBytes(a.tag, b.tag);
  });
}
function exprTime(iso) {
  const ms = Date.parse(iso);
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  const offset = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new ExprTime(ms, offset);
}
function commitEnv(c) {
  return {
    id: c.id,
    commitDate: exprTime(c.commitDate),
    author: c.author,
    committer: c.committer,
    subject: c.subject
  };
}
function tagEnv(t) {
  return {
    tag: t.tag,
    id: t.id,
    creatorDate: exprTime(t.creatorDate),
    author: t.author,
    committer: t.committer,
    subject: t.subject,
    tagger: t.tagger,
    annotation: t.annotation
  };
}
function compileFilter(source) {
  if (!source?.trim()) return void 0;
  try {
    return compileExpr(source);
  } catch (err) {
    throw new ConfigError(`error compiling filter expression: ${errorMessage(err)}`);
  }
}
function commitFilter(source) {
  const compiled = compileFilter(source);
  if (!compiled) return () => true;
  return (c) => {
    try {
      return evaluateBool(compiled, commitEnv(c));
    } catch (err) {
      throw new ConfigError(
        `error selecting relevant commits from branch: error evaluating filter expression on commit ${c.id.slice(0, 7)}: ${errorMessage(err)}`
      );
    }
  };
}
function tagFilter(source) {
  const compiled = compileFilter(source);
  if (!compiled) return () => true;
  return (t) => {
    try {
      return evaluateBool(compiled, tagEnv(t));
    } catch (err) {
      throw new ConfigError(
        `error filtering tags by expression (tag ${t.tag}): ${errorMessage(err)}`
      );
    }
  };
}
function commitToDiscovered(c, branch) {
  return {
    id: c.id,
    branch,
    message: shortenString(c.subject, 80),
    author: c.author,
    committer: c.committer,
    createdAt: isoUtc(c.commitDate)
  };
}
function tagToDiscovered(t) {
  return {
    id: t.id,
    tag: t.tag,
    message: shortenString(t.subject, 80),
    author: t.author,
    committer: t.committer,
    createdAt: isoUtc(t.creatorDate)
  };
}
function isoUtc(s) {
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : s;
}
var LOG_FORMAT = "--format=%x01%H%x00%cI%x00%an <%ae>%x00%cn <%ce>%x00%s%x00";
function parseLog(stdout) {
  const out = [];
  for (const rec of stdout.split("")) {
    if (!rec) continue;
    const parts = rec.split("\0");
    const [id = "", commitDate = "", author = "", committer = "", subject = ""] = parts;
    if (!/^[0-9a-f]{40,64}$/.test(id)) continue;
    const paths = parts.slice(5).map((p) => p.replace(/^\n/, "")).filter((p) => p !== "");
    out.push({ id, commitDate, author, committer, subject, paths });
  }
  return out;
}
var TAG_FORMAT = "--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(creatordate:iso-strict)%00%(authorname) %(authoremail)%00%(committername) %(committeremail)%00%(subject)%00%(*authorname) %(*authoremail)%00%(*committername) %(*committeremail)%00%(*subject)%00%(taggername) %(taggeremail)%00%(contents)%01";
function parseTagRefs(stdout) {
  const out = [];
  for (let rec of stdout.split("")) {
    rec = rec.replace(/^\n/, "");
    if (!rec) continue;
    const f = rec.split("\0");
    const [ref = "", oid = "", type = "", peeledOid = "", peeledType = "", date = ""] = f;
    if (!ref.startsWith("refs/tags/")) continue;
    const tag = ref.slice("refs/tags/".length);
    const trim = (s) => (s ?? "").trim();
    if (type === "commit") {
      out.push({
        tag,
        oid,
        id: oid,
        creatorDate: date,
        author: trim(f[6]),
        committer: trim(f[7]),
        subject: f[8] ?? "",
        tagger: "",
        annotation: ""
      });
    } else if (type === "tag" && peeledType === "commit") {
      out.push({
        tag,
        oid,
        id: peeledOid,
        creatorDate: date,
        author: trim(f[9]),
        committer: trim(f[10]),
        subject: f[11] ?? "",
        tagger: trim(f[12]),
        annotation: (f[13] ?? "").replace(/\n$/, "")
      });
    }
  }
  return out;
}

// src/discovery/path-filter.ts
function parsePathPattern(pattern) {
  if (pattern.startsWith("glob:")) {
    const re = compileGlob(pattern.slice("glob:".length));
    return { pattern, matches: (p) => re.test(p) };
  }
  for (const prefix of ["regex:", "regexp:"]) {
    if (pattern.startsWith(prefix)) {
      const re = compileRegex(pattern.slice(prefix.length));
      return { pattern, matches: (p) => re.test(p) };
    }
  }
  const base = cleanPath(pattern);
  return { pattern, matches: (p) => underBaseDir(base, p) };
}
function compilePathFilter(includePaths, excludePaths) {
  const compile = (list, which) => list.map((p) => {
    try {
      return parsePathPattern(p);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`error parsing ${which} path selectors: ${why}`);
    }
  });
  const include = compile(includePaths, "include");
  const exclude = compile(excludePaths, "exclude");
  return {
    active: include.length > 0 || exclude.length > 0,
    matches(paths) {
      for (const path of paths) {
        if (include.length && !include.some((m) => m.matches(path))) continue;
        if (exclude.some((m) => m.matches(path))) continue;
        return true;
      }
      return false;
    }
  };
}
function cleanPath(p) {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined || ".";
}
function underBaseDir(base, path) {
  const target = cleanPath(path);
  if (base.startsWith("/") !== target.startsWith("/")) return false;
  if (base === ".") return target !== ".." && !target.startsWith("../");
  if (target === base) return true;
  return target.startsWith(base === "/" ? "/" : `${base}/`);
}
var GlobSyntaxError = class extends Error {
};
var REGEX_SPECIAL = new Set("\\^$.*+?()[]{}|/");
function literal(ch) {
  return REGEX_SPECIAL.has(ch) ? `\\${ch}` : ch;
}
function compileGlob(pattern) {
  let source;
  try {
    source = new GlobTranslator(pattern).translate();
  } catch (err) {
    if (err instanceof GlobSyntaxError)
      throw new Error(`syntax error in pattern ${JSON.stringify(pattern)}: ${err.message}`, {
        cause: err
      });
    throw err;
  }
  return compileRegex(`(?s)^${source}$`);
}
var GlobTranslator = class {
  constructor(src) {
    this.src = src;
  }
  src;
  pos = 0;
  translate() {
    const out = this.sequence(false);
    if (this.pos < this.src.length) throw new GlobSyntaxError(`unexpected ${this.src[this.pos]}`);
    return finishDoubleStar(out);
  }
  /** Translates until the end, or (inside braces) until an unnested `,` or `}`. */
  sequence(inBraces) {
    let out = "";
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (inBraces && (c === "," || c === "}")) return out;
      switch (c) {
        case "*": {
          if (this.src[this.pos + 1] === "*") {
            out += this.doubleStar();
          } else {
            this.pos++;
            out += "[^/]*";
          }
          break;
        }
        case "?":
          this.pos++;
          out += "[^/]";
          break;
        case "[":
          out += this.charClass();
          break;
        case "{":
          out += this.braces();
          break;
        case "\\": {
          const next = this.src[this.pos + 1];
          if (next === void 0) throw new GlobSyntaxError("trailing backslash");
          this.pos += 2;
          out += literal(next);
          break;
        }
        default: {
          const cp = this.src.codePointAt(this.pos) ?? 0;
          const ch = String.fromCodePoint(cp);
          this.pos += ch.length;
          out += literal(ch);
        }
      }
    }
    return out;
  }
  /**
   * `**` spans directories only when it is a whole segment: `**` alone (anything), `**` + `/`
   * (zero or more directories), `/` + `**` at the end (the directory itself or anything below).
   * Elsewhere (`a**b`) it is a plain `*`.
   */
  doubleStar() {
    const start = this.pos;
    let end = start;
    while (this.src[end] === "*") end++;
    const before = start === 0 ? "/" : this.src[start - 1];
    const after = this.src[end];
    this.pos = end;
    const segmentStart = before === "/" || before === "{" || before === ",";
    if (!segmentStart) return "[^/]*";
    if (after === "/") {
      this.pos++;
      return "(?:[^/]*/)*";
    }
    if (after === void 0 || after === "}" || after === ",") {
      return "__DSTAR_END__";
    }
    return "[^/]*";
  }
  charClass() {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === "!" || this.src[this.pos] === "^") {
      negated = true;
      this.pos++;
    }
    const ranges = [];
    let first = true;
    for (; ; ) {
      const c = this.src[this.pos];
      if (c === void 0) throw new GlobSyntaxError(`unclosed [ at ${start}`);
      if (c === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      const lo = this.classChar();
      if (this.src[this.pos] === "-" && this.src[this.pos + 1] !== "]") {
        this.pos++;
        if (this.src[this.pos] === void 0) throw new GlobSyntaxError(`unclosed [ at ${start}`);
        const hi = this.classChar();
        if ((hi.codePointAt(0) ?? 0) < (lo.codePointAt(0) ?? 0))
          throw new GlobSyntaxError(`bad range ${lo}-${hi}`);
        ranges.push([lo.codePointAt(0) ?? 0, hi.codePointAt(0) ?? 0]);
      } else {
        const cp = lo.codePointAt(0) ?? 0;
        ranges.push([cp, cp]);
      }
    }
    if (negated) return `[^/${ranges.map(classRange).join("")}]`;
    const allowed = withoutSlash(ranges);
    return allowed.length ? `[${allowed.map(classRange).join("")}]` : "[^\\x00-\\x{10FFFF}]";
  }
  classChar() {
    if (this.src[this.pos] === "\\") {
      const next = this.src[this.pos + 1];
      if (next === void 0) throw new GlobSyntaxError("trailing backslash");
      this.pos += 2;
      return next;
    }
    const cp = this.src.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    return ch;
  }
  braces() {
    const start = this.pos;
    this.pos++;
    const alternatives = [];
    for (; ; ) {
      alternatives.push(this.sequence(true));
      const c = this.src[this.pos];
      if (c === void 0) throw new GlobSyntaxError(`unclosed { at ${start}`);
      this.pos++;
      if (c === "}") break;
    }
    return `(?:${alternatives.map(finishDoubleStar).join("|")})`;
  }
};
var SLASH = 47;
function withoutSlash(ranges) {
  const out = [];
  for (const [lo, hi] of ranges) {
    if (hi < SLASH || lo > SLASH) out.push([lo, hi]);
    else {
      if (lo < SLASH) out.push([lo, SLASH - 1]);
      if (hi > SLASH) out.push([SLASH + 1, hi]);
    }
  }
  return out;
}
function classRange([lo, hi]) {
  const hex = (cp) => `\\x{${cp.toString(16)}}`;
  return lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
}
function finishDoubleStar(source) {
  const marker = "__DSTAR_END__";
  if (!source.includes(marker)) return source;
  return source.split(marker).map((part, i, parts) => {
    if (i === parts.length - 1) return part;
    if (part.endsWith("\\/")) return `${part.slice(0, -2)}(?:/.*)?`;
    return `${part}.*`;
  }).join("");
}

// src/discovery/git.ts
var DEFAULT_RETRY = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2e3 };
var RESULT_CACHE_VERSION = 1;
var RESULT_CACHE_ENTRIES = 64;
function isTransient(err) {
  return err instanceof GitError && (err.kind === "network" || err.kind === "timeout");
}
var GitSource = class {
  constructor(sub, deps) {
    this.sub = sub;
    this.deps = deps;
    this.url = deps.git.remote?.url ?? sub.repoURL;
    this.key = createHash("sha256").update(this.url).digest("hex").slice(0, 16);
    this.root = join(deps.cacheDir, "git-discovery");
    this.tls = sub.insecureSkipTLSVerify ? ["-c", "http.sslVerify=false"] : [];
    this.policy = deps.retry ?? DEFAULT_RETRY;
  }
  sub;
  deps;
  url;
  key;
  root;
  tls;
  policy;
  info(line) {
    this.deps.log.info(line);
  }
  /** A local git command (in a mirror); TLS settings do not matter, but keep one shape. */
  run(args, options = {}) {
    return this.deps.git.run([...this.tls, ...args], options);
  }
  /** A command that talks to the remote: retried on network errors and timeouts. */
  remote(args, options = {}) {
    return retry(() => this.run(args, options), isTransient, this.policy);
  }
  async lsRemote(options, patterns = []) {
    const res = await this.remote(["ls-remote", ...options, this.url, ...patterns]);
    return parseLsRemote(res.stdout);
  }
  mirrorPath(kind) {
    return join(this.root, `${this.key}-${kind}.git`);
  }
  /**
   * Runs `fn` on an initialised mirror under its lock (other subscriptions, other processes). The
   * mirror is a cache like the state store's, with the same guarantees after a `kill -9`: it is
   * built under a temporary name and renamed into place (one missing its settings is rebuilt),
   * and the git lock files a dead holder of its lock left are removed before it is used.
   */
  async inMirror(kind, fn) {
    const dir = this.mirrorPath(kind);
    await mkdir(this.root, { recursive: true });
    await openCacheRepo(this.deps.git, dir, [
      ["remote.origin.url", this.url],
      ["remote.origin.promisor", "true"],
      ["remote.origin.partialclonefilter", kind === "paths" ? "blob:none" : "tree:0"],
      ["core.repositoryFormatVersion", "1"],
      ["extensions.partialClone", "origin"]
    ]);
    return withDirLock(dir, () => fn(dir), { recover: () => repairRepo(dir) });
  }
  fetch(dir, args, input) {
    return this.remote(
      [
        // By object id (`--stdin` with ids): say nothing of what the mirror has, as the state
        // cache does; for refspecs the default negotiation keeps incremental fetches small.
        ...args.includes("--stdin") ? ["-c", "fetch.negotiationAlgorithm=noop"] : [],
        "fetch",
        "-q",
        "--no-tags",
        "--no-write-fetch-head",
        "--recurse-submodules=no",
        "origin",
        ...args
      ],
      { cwd: dir, input }
    );
  }
  // ---- the answer cache -------------------------------------------------------------------------
  get resultsFile() {
    return join(this.root, `${this.key}-results.json`);
  }
  async readResults() {
    try {
      const doc = JSON.parse(await readFile(this.resultsFile, "utf8"));
      return doc.version === RESULT_CACHE_VERSION && doc.entries ? doc.entries : {};
    } catch {
      return {};
    }
  }
  async cachedAnswer(key) {
    return (await this.readResults())[key]?.commits;
  }
  async rememberAnswer(key, commits) {
    await mkdir(this.root, { recursive: true });
    const entries = await this.readResults();
    const now = (this.deps.clock?.() ?? /* @__PURE__ */ new Date()).toISOString();
    entries[key] = { at: now, commits };
    const kept = Object.entries(entries).sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, RESULT_CACHE_ENTRIES);
    const tmp = `${this.resultsFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(
      tmp,
      JSON.stringify({ version: RESULT_CACHE_VERSION, entries: Object.fromEntries(kept) })
    );
    await rename(tmp, this.resultsFile);
  }
  /** The key of an answer: everything about the subscription that shapes it, and the refs. */
  answerKey(refs) {
    const s = this.sub;
    return createHash("sha256").update(
      JSON.stringify({
        v: RESULT_CACHE_VERSION,
        url: this.url,
        strategy: s.commitSelectionStrategy,
        branch: s.branch ?? "",
        strict: s.strictSemvers,
        constraint: s.semverConstraint ?? "",
        allow: s.allowTagsRegexes,
        ignore: s.ignoreTagsRegexes,
        expr: s.expressionFilter ?? "",
        include: s.includePaths,
        exclude: s.excludePaths,
        limit: s.discoveryLimit,
        refs
      })
    ).digest("hex");
  }
};
async function discoverCommits(sub, deps) {
  const source = new GitSource(sub, deps);
  const limit = Math.max(1, sub.discoveryLimit);
  if (sub.commitSelectionStrategy === "NewestFromBranch") {
    const filter = compilePathFilter(sub.includePaths, sub.excludePaths);
    const accept2 = commitFilter(sub.expressionFilter);
    return discoverFromBranch(source, filter, accept2, limit);
  }
  const selector = tagSelector(sub);
  const accept = tagFilter(sub.expressionFilter);
  const paths = compilePathFilter(sub.includePaths, sub.excludePaths);
  return discoverFromTags(source, selector, accept, paths, limit);
}
async function resolveBranch(source) {
  const wanted = source.sub.branch?.trim();
  const ls = await source.lsRemote(["--symref"], wanted ? [`refs/heads/${wanted}`] : ["HEAD"]);
  if (wanted) {
    const tip = ls.refs.get(`refs/heads/${wanted}`);
    if (!tip) throw new OperationError(`branch ${wanted} does not exist in ${source.url}`);
    return { branch: wanted, tip };
  }
  const head = ls.symrefs.get("HEAD");
  if (head?.startsWith("refs/heads/")) {
    const tip = ls.refs.get("HEAD") ?? ls.refs.get(head);
    if (tip) return { branch: head.slice("refs/heads/".length), tip };
  }
  const heads = await source.lsRemote(["--heads"]);
  for (const name of ["main", "master"]) {
    const tip = heads.refs.get(`refs/heads/${name}`);
    if (tip) return { branch: name, tip };
  }
  throw new OperationError(
    `${source.url} has no default branch (is the repository empty?); set the subscription's branch`
  );
}
async function discoverFromBranch(source, paths, accept, limit) {
  const { branch, tip } = await resolveBranch(source);
  const key = source.answerKey({ branch, tip });
  const cached = await source.cachedAnswer(key);
  if (cached) {
    source.info(`${source.url}: ${branch} is still at ${tip.slice(0, 7)}; nothing to fetch`);
    return cached;
  }
  const filtered = paths.active || Boolean(source.sub.expressionFilter?.trim());
  const kind = paths.active ? "paths" : "commits";
  const commits = await source.inMirror(
    kind,
    (dir) => walkBranch(source, dir, { branch, tip, paths, accept, limit, filtered, kind })
  );
  const found = commits.map((c) => commitToDiscovered(c, branch));
  await source.rememberAnswer(key, found);
  return found;
}
async function readShallow(dir) {
  const text = await readFile(join(dir, "shallow"), "utf8").catch(() => "");
  return new Set(text.split("\n").filter(Boolean));
}
async function walkBranch(source, dir, w) {
  const ref = `refs/gantry/heads/${w.branch}`;
  const refspec = `+refs/heads/${w.branch}:${ref}`;
  const filter = `--filter=${w.kind === "paths" ? "blob:none" : "tree:0"}`;
  const local = await source.deps.git.tryRun(["rev-parse", "--verify", "-q", `${ref}^{commit}`], {
    cwd: dir
  });
  const localTip = local.exitCode === 0 ? local.stdout.trim() : void 0;
  if (localTip !== w.tip) {
    try {
      if (localTip) {
        await source.fetch(dir, [filter, refspec]);
      } else {
        const depth = w.filtered ? Math.max(2 * w.limit, 50) : w.limit;
        await source.fetch(dir, [filter, `--depth=${depth}`, refspec]);
      }
    } catch (err) {
      if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr))
        throw new OperationError(`branch ${w.branch} does not exist in ${source.url}`);
      throw err;
    }
  }
  let previous = -1;
  for (; ; ) {
    const shallow = await readShallow(dir);
    const args = ["log", LOG_FORMAT];
    if (w.kind === "paths") args.push("--no-renames", "--cc", "--name-only", "-z");
    else if (!w.filtered) args.push(`--max-count=${w.limit}`);
    args.push(ref, "--");
    const logged = parseLog((await source.run(args, { cwd: dir })).stdout);
    const selected = [];
    let blocked = false;
    for (const c of logged) {
      if (w.kind === "paths" && shallow.has(c.id)) {
        blocked = true;
        break;
      }
      if (!w.accept(c)) continue;
      if (w.paths.active && !w.paths.matches(c.paths)) continue;
      const { paths: _paths, ...info } = c;
      selected.push(info);
      if (selected.length >= w.limit) return selected;
    }
    const more = blocked || logged.some((c) => shallow.has(c.id));
    if (!more || logged.length === previous) return selected;
    previous = logged.length;
    const by = Math.max(logged.length, 50) * 3;
    source.info(
      `${source.url}: ${selected.length} of ${w.limit} commits on ${w.branch} pass the filters in the newest ${logged.length}; fetching ${by} more`
    );
    await source.fetch(dir, [filter, `--deepen=${by}`, refspec]);
  }
}
async function discoverFromTags(source, selector, accept, paths, limit) {
  const listed = remoteTags(await source.lsRemote(["--tags"]));
  const candidates = selector.candidates(listed);
  const key = source.answerKey(candidates.map((t) => `${t.oid} ${t.tag}`));
  const cached = await source.cachedAnswer(key);
  if (cached) {
    source.info(
      `${source.url}: the ${candidates.length} matching tags are unchanged; nothing to fetch`
    );
    return cached;
  }
  if (!candidates.length) {
    await source.rememberAnswer(key, []);
    return [];
  }
  const strategy = source.sub.commitSelectionStrategy;
  const selected = [];
  const keep = async (tags) => {
    const accepted = tags.filter(accept);
    return paths.active ? filterTagsByPaths(source, accepted, paths, limit - selected.length) : accepted;
  };
  await source.inMirror("tags", async (dir) => {
    if (strategy === "NewestTag") {
      const infos = await tagInfos(source, dir, candidates, listed);
      selected.push(...await keep(sortByCreatorDate(infos)));
      return;
    }
    const filtered = Boolean(source.sub.expressionFilter?.trim()) || paths.active;
    let batch = filtered ? Math.max(2 * limit, 20) : limit;
    for (let i = 0; i < candidates.length && selected.length < limit; batch *= 2) {
      const slice = candidates.slice(i, i + batch);
      i += slice.length;
      const infos = new Map((await tagInfos(source, dir, slice, listed)).map((t) => [t.tag, t]));
      const ordered = slice.flatMap((c) => infos.get(c.tag) ?? []);
      selected.push(...await keep(ordered));
    }
  });
  const found = selected.slice(0, limit).map(tagToDiscovered);
  await source.rememberAnswer(key, found);
  return found;
}
async function tagInfos(source, dir, wanted, listed) {
  const readLocal = async () => parseTagRefs(
    (await source.run(["for-each-ref", TAG_FORMAT, "refs/tags/"], { cwd: dir })).stdout
  );
  let local = new Map((await readLocal()).map((t) => [t.tag, t]));
  const missing = wanted.filter((t) => local.get(t.tag)?.oid !== t.oid);
  if (missing.length) {
    const remoteNames = new Set(listed.map((t) => t.tag));
    const stale = [...local.keys()].filter((t) => !remoteNames.has(t));
    if (stale.length) {
      await source.run(["update-ref", "--stdin"], {
        cwd: dir,
        input: stale.map((t) => `delete refs/tags/${t}
`).join("")
      });
    }
    source.info(`${source.url}: fetching ${missing.length} tag(s) (objects only, no trees)`);
    await source.fetch(
      dir,
      ["--filter=tree:0", "--depth=1", "--stdin"],
      [...new Set(missing.map((t) => t.oid))].join("\n") + "\n"
    );
    await source.run(["update-ref", "--stdin"], {
      cwd: dir,
      input: missing.map((t) => `update refs/tags/${t.tag} ${t.oid}
`).join("")
    });
    local = new Map((await readLocal()).map((t) => [t.tag, t]));
  }
  const out = [];
  for (const w of wanted) {
    const t = local.get(w.tag);
    if (t) out.push(t);
  }
  return out;
}
async function filterTagsByPaths(source, tags, paths, limit) {
  return source.inMirror("paths", async (dir) => {
    const out = [];
    for (let i = 0; i < tags.length && out.length < limit; ) {
      const slice = tags.slice(i, i + Math.max(limit, 20));
      i += slice.length;
      await source.fetch(
        dir,
        ["--filter=blob:none", "--depth=2", "--stdin"],
        [...new Set(slice.map((t) => t.oid))].join("\n") + "\n"
      );
      const res = await source.run(
        [
          "log",
          "--no-walk=unsorted",
          LOG_FORMAT,
          "--no-renames",
          "--cc",
          "--name-only",
          "-z",
          ...new Set(slice.map((t) => t.id)),
          "--"
        ],
        { cwd: dir }
      );
      const changed = new Map(parseLog(res.stdout).map((c) => [c.id, c.paths]));
      for (const t of slice) {
        if (paths.matches(changed.get(t.id) ?? [])) out.push(t);
        if (out.length >= limit) break;
      }
    }
    return out;
  });
}
async function resolveCommit(sub, ref, deps) {
  const source = new GitSource(sub, deps);
  const byTags = sub.commitSelectionStrategy !== "NewestFromBranch";
  let id;
  let tag;
  let branch;
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(ref)) {
    id = ref;
    if (byTags) {
      const tags = remoteTags(await source.lsRemote(["--tags"]));
      tag = tags.find((t) => t.commit === id)?.tag;
    } else branch = sub.branch;
  } else if (/^[0-9a-f]{4,39}$/.test(ref)) {
    throw new ConfigError(
      `${source.url}: "${ref}" looks like an abbreviated commit ID; give the full ID (40 hex digits), a branch or a tag`
    );
  } else {
    const ls = await source.lsRemote([], [`refs/tags/${ref}`, `refs/heads/${ref}`]);
    const tagRef = `refs/tags/${ref}`;
    if (ls.refs.has(tagRef)) {
      tag = ref;
      id = ls.peeled.get(tagRef) ?? ls.refs.get(tagRef);
    } else if (ls.refs.has(`refs/heads/${ref}`)) {
      branch = ref;
      id = ls.refs.get(`refs/heads/${ref}`);
    }
    if (!id) throw new OperationError(`${source.url} has no branch or tag named ${ref}`);
  }
  const commit = id;
  const info = await source.inMirror("assembly", async (dir) => {
    try {
      await source.fetch(dir, ["--filter=tree:0", "--depth=1", commit]);
    } catch (err) {
      if (err instanceof GitError && err.kind !== "network" && err.kind !== "timeout") {
        throw new OperationError(`${source.url} has no commit ${commit}`);
      }
      throw err;
    }
    return parseLog(
      (await source.run(["log", "-1", LOG_FORMAT, commit, "--"], { cwd: dir })).stdout
    )[0];
  });
  if (!info) throw new OperationError(`${source.url}: could not read commit ${commit}`);
  const found = commitToDiscovered(info, branch ?? "");
  if (!branch) delete found.branch;
  if (tag) found.tag = tag;
  return found;
}
export {
  discoverCommits,
  resolveCommit
};
