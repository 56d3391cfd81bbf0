import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  configText,
  initRepository,
  isBrokenCache,
  makeCheckout,
  openCacheRepo,
  repairRepo,
  sweepCheckouts,
  withDirLock
} from "./TBULFJPZ.js";
import {
  Git,
  GitError,
  shallowCommitsOf
} from "./HLO4W42S.js";
import {
  DEFAULT_PUSH_RETRY,
  DEFAULT_RACE_RETRY,
  retry
} from "./6DZPHH7F.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/state/freight-index.ts
var freightIndexRef = (project) => `refs/gantry/${project}/freight-index`;
var SHARD_LINES = 500;
var ZERO = "0".repeat(40);
function xorOids(oids, start = ZERO) {
  const acc = new Uint32Array(5);
  for (let i = 0; i < 5; i++) acc[i] = parseInt(start.slice(i * 8, i * 8 + 8), 16);
  for (const oid of oids)
    for (let i = 0; i < 5; i++)
      acc[i] = acc[i] ^ parseInt(oid.slice(i * 8, i * 8 + 8), 16);
  return [...acc].map((w) => w.toString(16).padStart(8, "0")).join("");
}
function headOf(oids) {
  return { count: oids.length, xor: xorOids(oids) };
}
var sameHead = (a, b) => a.count === b.count && a.xor === b.xor;
var field = (s) => s.replace(/[\t\r\n]/g, " ");
function formatEntry(e) {
  return [e.createdAt, e.freightId, e.tagOid, field(e.warehouse), field(e.alias)].join("	");
}
function parseShard(text, where) {
  const out = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (!line) continue;
    const [createdAt = "", freightId = "", tagOid = "", warehouse = "", alias = ""] = line.split("	");
    if (!/^[0-9a-f]{40}$/.test(freightId) || !/^[0-9a-f]{40}$/.test(tagOid)) {
      throw new OperationError(
        `freight index ${where}, line ${i + 1}: expected "createdAt<TAB>id<TAB>tag object<TAB>warehouse<TAB>alias"`
      );
    }
    out.push({ createdAt, freightId, tagOid, warehouse, alias });
  }
  return out;
}
function formatHeadMessage(project, head, what) {
  return `freight index of ${project}: ${what}

count ${head.count}
xor ${head.xor}
`;
}
function parseHeadMessage(message) {
  const count = /^count (\d+)$/m.exec(message)?.[1];
  const xor = /^xor ([0-9a-f]{40})$/m.exec(message)?.[1];
  return count !== void 0 && xor ? { count: Number(count), xor } : void 0;
}
var shardName = (n) => String(n).padStart(6, "0");
function toShards(entries) {
  const shards = [];
  for (let i = 0; i < entries.length; i += SHARD_LINES)
    shards.push(
      entries.slice(i, i + SHARD_LINES).map((e) => formatEntry(e) + "\n").join("")
    );
  return shards;
}
var compareText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function byNewest(a, b) {
  return compareText(b.createdAt, a.createdAt) || compareText(b.freightId, a.freightId);
}

// src/util/settle.ts
async function settleAll(promises) {
  const results = await Promise.allSettled(promises);
  for (const r of results) if (r.status === "rejected") throw r.reason;
  return results.map((r) => r.value);
}
function settled(p) {
  return p.then(
    (value) => ({ value }),
    (error) => ({ error })
  );
}

// src/util/markdown.ts
function tableCell(s) {
  return s.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
function markdownText(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/[&<>"'|\\`*_[\]~#!]/g, (c) => `&#${c.charCodeAt(0)};`);
}
var RULE = {
  none: "---",
  left: ":--",
  center: ":-:",
  right: "--:"
};
function mdTable(headers, rows, align = []) {
  const line = (cells) => `| ${headers.map((_, i) => tableCell(cells[i] ?? "")).join(" | ")} |`;
  return [
    line(headers),
    `| ${headers.map((_, i) => RULE[align[i] ?? "none"]).join(" | ")} |`,
    ...rows.map(line)
  ];
}

// src/freight/changes.ts
var shortSha = (sha) => sha.slice(0, 7);
function versions(f) {
  const m = /* @__PURE__ */ new Map();
  for (const i of f?.images ?? [])
    m.set(i.repoURL, { kind: "image", version: i.tag || `@${i.digest}` });
  for (const c of f?.charts ?? [])
    m.set(c.name ? `${c.repoURL.replace(/\/+$/, "")}/${c.name}` : c.repoURL, {
      kind: "chart",
      version: c.version
    });
  for (const c of f?.commits ?? [])
    m.set(c.repoURL, { kind: "git", version: c.tag ?? shortSha(c.id) });
  return m;
}
function versionChanges(previous, next) {
  const before = versions(previous);
  const after = versions(next);
  const out = [];
  for (const [artifact, { kind, version }] of after) {
    const old = before.get(artifact)?.version;
    if (old !== version) out.push({ artifact, kind, from: old, to: version });
  }
  for (const [artifact, { kind, version }] of before) {
    if (!after.has(artifact)) out.push({ artifact, kind, from: version });
  }
  return out;
}
function formatChange(c) {
  if (c.from === void 0) return `${c.artifact}: ${c.to}`;
  if (c.to === void 0) return `${c.artifact}: ${c.from} \u2192 removed`;
  return `${c.artifact}: ${c.from} \u2192 ${c.to}`;
}
function changesTable(changes) {
  return mdTable(
    ["artifact", "from", "to"],
    changes.map((c) => [
      `\`${c.artifact}\``,
      c.from ? `\`${c.from}\`` : "\u2014",
      c.to ? `\`${c.to}\`` : "removed"
    ])
  );
}

// src/state/store.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir as mkdir2, mkdtemp, readFile as readFile3, rm, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join3, resolve } from "node:path";

// src/freight/document.ts
var SUBJECT_PREFIX = "freight ";
function definedOnly(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function serializeFreight(f) {
  const doc = definedOnly({
    id: f.id,
    alias: f.alias,
    origin: { kind: f.origin.kind, name: f.origin.name },
    images: f.images.map(
      (i) => definedOnly({
        repoURL: i.repoURL,
        tag: i.tag,
        digest: i.digest,
        subscriptionName: i.subscriptionName
      })
    ),
    charts: f.charts.map(
      (c) => definedOnly({
        repoURL: c.repoURL,
        name: c.name,
        version: c.version,
        subscriptionName: c.subscriptionName
      })
    ),
    commits: f.commits.map(
      (c) => definedOnly({
        repoURL: c.repoURL,
        id: c.id,
        branch: c.branch,
        tag: c.tag,
        message: c.message,
        author: c.author,
        committer: c.committer,
        subscriptionName: c.subscriptionName
      })
    ),
    createdAt: f.createdAt,
    createdBy: f.createdBy
  });
  return `${SUBJECT_PREFIX}${f.alias}

${JSON.stringify(doc, null, 2)}
`;
}
var Reader = class {
  constructor(fail) {
    this.fail = fail;
  }
  fail;
  object(v, path) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      this.fail(`${path} must be a mapping`);
    }
    return v;
  }
  array(o, key, path) {
    if (!Object.hasOwn(o, key)) this.fail(`missing field ${path}${key}`);
    const v = o[key];
    if (!Array.isArray(v)) this.fail(`field ${path}${key} must be a list`);
    return v;
  }
  string(o, key, path, opts = {}) {
    if (!Object.hasOwn(o, key) || o[key] === null) this.fail(`missing field ${path}${key}`);
    const v = o[key];
    if (typeof v !== "string") this.fail(`field ${path}${key} must be a string`);
    if (!opts.empty && v === "") this.fail(`field ${path}${key} must not be empty`);
    return v;
  }
  optionalString(o, key, path) {
    if (!Object.hasOwn(o, key) || o[key] === null) return void 0;
    return this.string(o, key, path, { empty: true });
  }
};
function parseFreight(text, where, expectedId) {
  const source = /\s/.test(where) ? where : `tag ${where}`;
  const fail = (problem) => {
    throw new OperationError(`unreadable freight document in ${source}: ${problem}`);
  };
  const r = new Reader(fail);
  let message = text.replace(/\r\n/g, "\n");
  const signature = /^-----BEGIN (?:PGP|SSH) SIGNATURE-----$/m.exec(message);
  if (signature) message = message.slice(0, signature.index);
  const newline = message.indexOf("\n");
  const subject = newline < 0 ? message : message.slice(0, newline);
  if (!subject.startsWith(SUBJECT_PREFIX) || subject.length === SUBJECT_PREFIX.length) {
    fail(`the first line must be "freight <alias>", not ${JSON.stringify(subject.slice(0, 80))}`);
  }
  const subjectAlias = subject.slice(SUBJECT_PREFIX.length).trim();
  const rest = newline < 0 ? "" : message.slice(newline + 1);
  if (!rest.startsWith("\n")) fail("a blank line must follow the first line");
  const json = rest.slice(1);
  if (json.trim() === "") fail("the document is empty");
  let value;
  try {
    value = JSON.parse(json);
  } catch (err) {
    fail(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (value === null) fail("the document is empty");
  const d = r.object(value, "the document");
  const id = r.string(d, "id", "");
  if (!/^[0-9a-f]{40}$/.test(id))
    fail(`field id must be 40 lowercase hex characters, not ${JSON.stringify(id)}`);
  if (expectedId !== void 0 && id !== expectedId) {
    fail(`its id ${id} is not the tag's ${expectedId}`);
  }
  const alias = r.string(d, "alias", "");
  if (alias !== subjectAlias)
    fail(
      `field alias ${JSON.stringify(alias)} differs from the first line's ${JSON.stringify(subjectAlias)}`
    );
  if (!Object.hasOwn(d, "origin")) fail("missing field origin");
  const o = r.object(d.origin, "field origin");
  const kind = r.string(o, "kind", "origin.");
  if (kind !== "Warehouse")
    fail(`field origin.kind must be "Warehouse", not ${JSON.stringify(kind)}`);
  const origin = { kind: "Warehouse", name: r.string(o, "name", "origin.") };
  const images = r.array(d, "images", "").map((raw, n) => {
    const p = `images[${n}].`;
    const i = r.object(raw, `field images[${n}]`);
    return definedOnly({
      repoURL: r.string(i, "repoURL", p),
      tag: r.string(i, "tag", p, { empty: true }),
      digest: r.string(i, "digest", p, { empty: true }),
      subscriptionName: r.optionalString(i, "subscriptionName", p)
    });
  });
  const charts = r.array(d, "charts", "").map((raw, n) => {
    const p = `charts[${n}].`;
    const c = r.object(raw, `field charts[${n}]`);
    return definedOnly({
      repoURL: r.string(c, "repoURL", p),
      name: r.string(c, "name", p, { empty: true }),
      version: r.string(c, "version", p),
      subscriptionName: r.optionalString(c, "subscriptionName", p)
    });
  });
  const commits = r.array(d, "commits", "").map((raw, n) => {
    const p = `commits[${n}].`;
    const c = r.object(raw, `field commits[${n}]`);
    return definedOnly({
      repoURL: r.string(c, "repoURL", p),
      id: r.string(c, "id", p),
      branch: r.optionalString(c, "branch", p),
      tag: r.optionalString(c, "tag", p),
      message: r.optionalString(c, "message", p),
      author: r.optionalString(c, "author", p),
      committer: r.optionalString(c, "committer", p),
      subscriptionName: r.optionalString(c, "subscriptionName", p)
    });
  });
  const createdAt = r.string(d, "createdAt", "");
  if (!/^\d{4}-\d{2}-\d{2}T/.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    fail(`field createdAt is not a time: ${JSON.stringify(createdAt)}`);
  const createdBy = r.optionalString(d, "createdBy", "");
  return definedOnly({ id, alias, origin, images, charts, commits, createdAt, createdBy });
}

// src/state/transaction.ts
import { appendFile, mkdir, readdir, readFile as readFile2, writeFile } from "node:fs/promises";
import { dirname, join as join2, posix } from "node:path";

// src/git/ref-file.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function looseRef(gitDir, ref) {
  const text = await readFile(join(gitDir, ref), "utf8").catch(() => "");
  const oid = text.trim();
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid) ? oid : void 0;
}

// src/state/refs.ts
import { createHash } from "node:crypto";
var projectRefPrefix = (project) => `refs/tags/gantry/${project}/`;
function stateRefName(ref) {
  const base = projectRefPrefix(ref.project);
  return ref.kind === "freight" ? `${base}freight/${ref.freightId}` : `${base}${ref.kind}/${ref.stage ?? ""}/${ref.freightId}`;
}
var PATTERN = /^refs\/tags\/gantry\/([^/]+)\/(?:(freight)\/([0-9a-f]{40})|(verified|approved)\/([^/]+)\/([0-9a-f]{40}))$/;
function parseStateRef(name) {
  const m = PATTERN.exec(name);
  if (!m) return void 0;
  const project = m[1];
  if (m[2]) return { kind: "freight", project, freightId: m[3] };
  return {
    kind: m[4],
    project,
    stage: m[5],
    freightId: m[6]
  };
}
var stateFilePath = (project, stage) => `.gantry/state/${project}/${stage}.yaml`;
var stageStateRef = (project, stage) => `refs/gantry/${project}/stage/${stage}/state`;
var stageStateRefs = (project) => project === void 0 ? "refs/gantry/*/state" : `refs/gantry/${project}/stage/*/state`;
function parseStageStateRef(name) {
  const m = /^refs\/gantry\/([^/]+)\/stage\/([^/]+)\/state$/.exec(name);
  return m ? { project: m[1], stage: m[2] } : void 0;
}
function gitBlobId(content, idLength) {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return createHash(idLength === 64 ? "sha256" : "sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

// src/state/stage-state.ts
var import_yaml = __toESM(require_dist(), 1);

// src/state/plain-yaml.ts
var NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
var KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
var INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
var Unsupported = class extends Error {
};
var no = () => {
  throw new Unsupported();
};
function readPlainYaml(text) {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let i = 0;
  while (i < lines.length && (lines[i] ?? "").startsWith("#")) i++;
  if (i >= lines.length) return void 0;
  try {
    const { value, next } = block(lines, i, 0);
    if (next !== lines.length) return void 0;
    return value;
  } catch (err) {
    if (err instanceof Unsupported) return void 0;
    throw err;
  }
}
function indentOf(line) {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  if (line.length === n || line.charCodeAt(n) === 9 || line.endsWith(" ") || line.endsWith("\r"))
    no();
  return n;
}
function block(lines, at, indent) {
  const first = lines[at] ?? "";
  if (indentOf(first) !== indent) no();
  return first.startsWith("- ", indent) ? sequence(lines, at, indent) : mapping(lines, at, indent);
}
function sequence(lines, at, indent) {
  const out = [];
  let i = at;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent || !line.startsWith("- ", indent)) no();
    const rest = line.slice(indent + 2);
    if (rest.startsWith("- ") || rest === "-") no();
    if (isEntry(rest)) {
      const copy = lines.slice();
      copy[i] = " ".repeat(indent + 2) + rest;
      const m = mappingIn(copy, lines, i, indent + 2);
      out.push(m.value);
      i = m.next;
    } else {
      out.push(scalar(rest));
      i++;
    }
  }
  return { value: out, next: i };
}
function isEntry(s) {
  const colon = s.indexOf(":");
  if (colon <= 0 || colon > 200 || !(s.length === colon + 1 || s[colon + 1] === " ")) return false;
  const key = s.slice(0, colon);
  return KEY.test(key) && !NOT_A_STRING.test(key);
}
function mapping(lines, at, indent) {
  return mappingIn(lines, lines, at, indent);
}
function mappingIn(view, lines, at, indent) {
  const out = {};
  let i = at;
  while (i < lines.length) {
    const line = i === at ? view[i] ?? "" : lines[i] ?? "";
    const n = indentOf(line);
    if (n < indent) break;
    if (n > indent) no();
    const s = line.slice(indent);
    if (!isEntry(s)) no();
    const colon = s.indexOf(":");
    const key = s.slice(0, colon);
    if (key === "__proto__" || Object.prototype.hasOwnProperty.call(out, key)) no();
    if (s.length === colon + 1) {
      const next = lines[i + 1];
      if (next === void 0) return no();
      const d = indentOf(next);
      if (!(d > indent || d === indent && next.startsWith("- ", indent))) no();
      const b = block(lines, i + 1, d);
      out[key] = b.value;
      i = b.next;
    } else {
      out[key] = scalar(s.slice(colon + 2));
      i++;
    }
  }
  return { value: out, next: i };
}
function scalar(s) {
  if (s === "[]") return [];
  if (s === "{}") return {};
  if (s.startsWith('"')) return doubleQuoted(s);
  if (s.startsWith("'")) return singleQuoted(s);
  if (!s || INDICATOR.test(s) || NOT_A_STRING.test(s) || s.includes(": ") || s.includes(" #") || s.endsWith(":") || s.includes("	"))
    return no();
  return s;
}
function doubleQuoted(s) {
  if (s.length < 2 || !s.endsWith('"')) return no();
  const body = s.slice(1, -1);
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '"') return no();
    if (c === "\\") {
      const e = body[k + 1];
      if (e === void 0 || !'"\\/bfnrtu'.includes(e)) return no();
      k++;
    }
  }
  try {
    return JSON.parse(s);
  } catch {
    return no();
  }
}
function singleQuoted(s) {
  if (s.length < 2 || !s.endsWith("'")) return no();
  const body = s.slice(1, -1);
  if (body.replace(/''/g, "").includes("'")) return no();
  return body.replace(/''/g, "'");
}

// src/state/stage-state.ts
var HEADER = "# Written by gantry with each promotion into this stage; `git log` of this file is its history.\n# Do not edit by hand: promote with `gantry promote` or the promote action instead.\n# +argocd:skip-file-rendering (a record, not a manifest: Argo CD skips this file)\n";
function toStageFreight(f) {
  return {
    id: f.id,
    alias: f.alias,
    origin: f.origin,
    images: f.images,
    charts: f.charts,
    commits: f.commits
  };
}
function serializeStageState(s) {
  const doc = {
    project: s.project,
    stage: s.stage,
    freight: s.freight.map(toStageFreight),
    promotedAt: s.promotedAt,
    promotedBy: s.promotedBy,
    approvedBy: s.approvedBy,
    ...s.run ? { run: s.run } : {},
    ...s.autoPromotionHold ? { autoPromotionHold: s.autoPromotionHold } : {},
    ...s.metadata && Object.keys(s.metadata).length ? { metadata: s.metadata } : {}
  };
  return HEADER + import_yaml.default.stringify(doc, { lineWidth: 0 });
}
function parseStageState(text, where) {
  let doc;
  try {
    doc = readPlainYaml(text) ?? import_yaml.default.parse(text);
  } catch (err) {
    throw new OperationError(`unreadable stage state ${where}: ${err.message}`);
  }
  const fail = (why) => {
    throw new OperationError(`unreadable stage state ${where}: ${why}`);
  };
  if (typeof doc !== "object" || doc === null) return fail("not a mapping");
  const d = doc;
  for (const k of ["project", "stage", "promotedAt", "promotedBy"]) {
    if (typeof d[k] !== "string") fail(`field "${k}" must be a string`);
  }
  if (!Array.isArray(d.freight)) fail('field "freight" must be a list');
  const freight = d.freight.map((f, i) => {
    const e = f;
    if (!e || typeof e.id !== "string" || typeof e.alias !== "string" || typeof e.origin !== "object") {
      return fail(`freight[${i}] needs id, alias and origin`);
    }
    return {
      id: e.id,
      alias: e.alias,
      origin: e.origin,
      images: e.images ?? [],
      charts: e.charts ?? [],
      commits: e.commits ?? []
    };
  });
  const approvedBy = Array.isArray(d.approvedBy) ? d.approvedBy.map(String) : [];
  return {
    project: d.project,
    stage: d.stage,
    freight,
    promotedAt: d.promotedAt,
    promotedBy: d.promotedBy,
    approvedBy,
    run: typeof d.run === "string" ? d.run : void 0,
    autoPromotionHold: parseHold(d.autoPromotionHold, fail),
    ...parseMetadata(d.metadata, fail)
  };
}
function parseMetadata(v, fail) {
  if (v === void 0 || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) return fail('field "metadata" must be a mapping');
  return { metadata: v };
}
function parseHold(v, fail) {
  if (v === void 0 || v === null) return void 0;
  const h = v;
  if (typeof v !== "object" || typeof h.since !== "string" || typeof h.by !== "string" || typeof h.reason !== "string") {
    return fail('field "autoPromotionHold" needs since, by and reason');
  }
  return { since: h.since, by: h.by, reason: h.reason };
}

// src/state/transaction.ts
async function commitPromotion(host, w, opened) {
  const early = await opened?.catch((err) => {
    host.log(`the checkout opened ahead failed (${errorMessage(err)}); opening another`);
    return void 0;
  });
  let plan;
  try {
    plan = checkoutPlan(w, w.branch ?? await host.defaultBranch());
  } catch (err) {
    await early?.remove();
    throw err;
  }
  const { branch, statePath, readSet, sparse } = plan;
  const reuse = early?.plan.key === plan.key;
  if (early && !reuse) await early.remove();
  const checkout = reuse && early ? early : await openCheckout(host, plan);
  const dir = checkout.dir;
  const git = (args, input) => host.git.run(args, { cwd: dir, input });
  try {
    const now = host.retryHooks?.now ?? Date.now;
    const started = now();
    const count = { attempts: 0, replays: 0, reruns: 0, transient: 0 };
    const pushed = /* @__PURE__ */ new Map();
    let lost;
    let seededTip = checkout.tip;
    const fetchTip = async () => {
      await fetchInto(
        host,
        dir,
        ["--depth=1", "--filter=blob:none", `+refs/heads/${branch}:refs/remotes/origin/${branch}`],
        branch
      );
      return (await git(["rev-parse", `refs/remotes/origin/${branch}`])).stdout.trim();
    };
    const result = (b, commit = b.commit) => ({
      changed: true,
      commit,
      branch,
      previous: b.previous,
      changes: b.changes,
      edits: b.edits,
      attempts: count.attempts,
      ...count.replays ? { replays: count.replays } : {}
    });
    let withStateRef = true;
    const push = async (b) => {
      pushed.set(b.commit, b);
      if (checkout.borrowed) await borrowShallow(dir, checkout.borrowed);
      const stateRef = stageStateRef(w.project, w.stage);
      const pushArgs = (ref) => [
        "push",
        "--porcelain",
        "--atomic",
        "origin",
        `${b.commit}:refs/heads/${branch}`,
        ...ref && b.stateBlob ? [`+${b.stateBlob}:${stateRef}`] : []
      ];
      let args = pushArgs(withStateRef);
      let res = await host.git.tryRun(args, { cwd: dir });
      if (res.exitCode !== 0 && withStateRef && b.stateBlob && stateRefRefused(res, stateRef, b.stateBlob)) {
        host.log(
          `the remote did not take ${stateRef} (${refusal(res, stateRef)}); pushing the promotion without it`
        );
        withStateRef = false;
        args = pushArgs(false);
        res = await host.git.tryRun(args, { cwd: dir });
      }
      if (res.exitCode === 0) return result(b);
      const err = host.git.error(args, res);
      if (pushRaceLost(res)) {
        lost = b;
        host.log(`push to ${branch} lost a race (try ${count.attempts}); retrying on the new tip`);
        const why = (err.stderr || res.stdout).trim() || `exit code ${err.exitCode}`;
        throw new RaceLostError(`${err.command} failed: ${why}`);
      }
      throw err;
    };
    const attempt = async () => {
      count.attempts++;
      const previousTry = lost;
      lost = void 0;
      if (previousTry) {
        const tip2 = await fetchTip();
        const landed2 = pushed.get(tip2);
        if (landed2) return result(landed2, tip2);
        const replayed = await replay(host, dir, previousTry, tip2, sparse ? readSet : void 0);
        if (replayed) {
          count.replays++;
          return push(replayed);
        }
        host.log(`${branch} changed what this promotion reads; running its steps again`);
      }
      if (count.attempts > 1) count.reruns++;
      let tip = seededTip;
      seededTip = void 0;
      if (tip === void 0) {
        tip = await fetchTip();
        await git(["checkout", "-q", "--force", "-B", branch, tip]);
      }
      if (count.attempts > 1) await git(["clean", "-q", "-fdx"]);
      const landed = pushed.get(tip);
      if (landed) return result(landed, tip);
      const previousText = await readFile2(join2(dir, statePath), "utf8").catch(() => void 0);
      const previous = previousText === void 0 ? void 0 : parseStageState(previousText, `${branch}:${statePath}`);
      const { before, changes } = stageChange(w, previous);
      const tracked = sparse ? await workTreeFiles(dir) : void 0;
      const editLines = await w.edit?.(dir, previous) ?? [];
      const state = nextStageState(w, previous, host.now());
      if (before?.id === w.freight.id && !metadataChanged(previous, state)) {
        const dirty = (await git(["status", "--porcelain"])).stdout.trim();
        if (!dirty)
          return {
            changed: false,
            commit: tip,
            branch,
            previous,
            changes: [],
            edits: [],
            attempts: count.attempts
          };
      }
      await mkdir(dirname(join2(dir, statePath)), { recursive: true });
      const stateText = serializeStageState(state);
      await writeFile(join2(dir, statePath), stateText);
      const added = !tracked || [...await workTreeFiles(dir)].some((f) => !tracked.has(f));
      if (added) await git(["add", "--sparse", "-A"]);
      const message = promotionMessage(w, changes, editLines);
      await git(["commit", "-q", ...added ? [] : ["-a"], "-F", "-"], message);
      const commit = await branchHead(dir, branch);
      const built = {
        commit,
        parent: tip,
        message,
        previous,
        changes,
        edits: editLines,
        // The blob git made of the state file, its ID computed here instead of asked of git.
        stateBlob: gitBlobId(stateText, commit.length)
      };
      if (w.dryRun) {
        const diff = (await git(["show", "--format=%B", "--stat", "--patch", "HEAD"])).stdout;
        return { ...result(built), diff };
      }
      if (w.publish) {
        if (checkout.borrowed) await borrowShallow(dir, checkout.borrowed);
        try {
          const published = await w.publish({
            dir,
            commit,
            parent: tip,
            branch,
            message,
            changes,
            edits: editLines,
            git
          });
          return {
            ...result(built, published.commit),
            ...published.pullRequest ? { pullRequest: published.pullRequest } : {}
          };
        } catch (err) {
          if (err instanceof RaceLostError) {
            host.log(`${err.message} (try ${count.attempts}); retrying on the new tip`);
          }
          throw err;
        }
      }
      return push(built);
    };
    const racePolicy = host.racePolicy;
    return await retry(
      attempt,
      (err) => {
        if (err instanceof RaceLostError) return true;
        return host.isTransient(err) && ++count.transient < host.transientTries;
      },
      racePolicy,
      host.retryHooks
    ).catch((err) => {
      if (err instanceof RaceLostError) {
        const seconds = ((now() - started) / 1e3).toFixed(1);
        const limit = `at most ${racePolicy.attempts} tries${racePolicy.maxElapsedMs === void 0 ? "" : ` or ${Math.round(racePolicy.maxElapsedMs / 1e3)} s`}`;
        throw new OperationError(
          `could not push the promotion of ${w.freight.alias} into ${w.stage} to ${branch}: the branch kept moving for ${count.attempts} tries in ${seconds} s (${count.replays} replayed on a new tip, ${count.reruns} ran the steps again; ${limit}); nothing was pushed, run the promotion again (${err.message})`
        );
      }
      throw err;
    });
  } finally {
    await checkout.remove();
  }
}
function checkoutPlan(w, branch) {
  const statePath = stateFilePath(w.project, w.stage);
  const readSet = [
    statePath,
    ...(w.paths ?? []).map((p) => posix.normalize(p).replace(/^\/+|\/+$/g, ""))
  ];
  const sparse = w.sparse !== false;
  return { branch, statePath, readSet, sparse, key: JSON.stringify([branch, readSet, sparse]) };
}
async function openCheckout(host, plan) {
  const seeded = host.seed?.(plan.branch);
  const checkout = await host.scratch();
  const dir = checkout.dir;
  try {
    const cone = plan.sparse ? conePatterns(plan.readSet) : void 0;
    await initWorkTree(
      dir,
      configText({
        core: {
          sparseCheckout: plan.sparse ? "true" : "false",
          ...cone ? { sparseCheckoutCone: "true" } : {},
          // A scratch repository, removed when the promotion ends: the blobs its checkout fetches
          // need not reach the disk before git goes on (index-pack's fsyncs cost more than the
          // fetch on a busy runner), and its lazy fetches need not list the read cache's refs
          // (a for-each-ref process; the promisor fetch negotiates nothing with them).
          fsync: "none",
          alternateRefsCommand: "true"
        },
        // A sparse index holds one entry per directory outside the cone instead of one per file:
        // checkout, add, status and commit then cost what is checked out, not the whole tree.
        ...cone ? { index: { sparse: "true" } } : {},
        "remote.origin": {
          url: host.remoteUrl,
          fetch: "+refs/heads/*:refs/remotes/origin/*",
          promisor: "true",
          partialclonefilter: "blob:none"
        }
      })
    );
    await writeFile(
      join2(dir, ".git", "info", "sparse-checkout"),
      cone ?? plan.readSet.map((p) => `/${p}`).join("\n") + "\n"
    );
    const out = { ...checkout, plan };
    if (!seeded) return out;
    await writeFile(join2(dir, ".git", "objects", "info", "alternates"), `${seeded.objects}
`);
    await writeFile(join2(dir, ".git", "shallow"), `${seeded.tip}
`);
    await borrowShallow(dir, seeded.objects);
    out.borrowed = seeded.objects;
    const co = await host.git.tryRun(["checkout", "-q", "--force", "-B", plan.branch, seeded.tip], {
      cwd: dir
    });
    if (co.exitCode === 0) out.tip = seeded.tip;
    else host.log(`could not check out ${plan.branch} from the read cache; fetching it`);
    return out;
  } catch (err) {
    await checkout.remove();
    throw err;
  }
}
async function initWorkTree(dir, config) {
  await initRepository(join2(dir, ".git"), { bare: false });
  await appendFile(join2(dir, ".git", "config"), config);
}
async function borrowShallow(dir, objects) {
  const file = join2(dir, ".git", "shallow");
  const own = (await readFile2(file, "utf8").catch(() => "")).split("\n").filter(Boolean);
  const shallow = /* @__PURE__ */ new Set([...own, ...await shallowCommitsOf(objects)]);
  await writeFile(file, [...shallow].map((c) => `${c}
`).join(""));
}
async function workTreeFiles(dir) {
  const files = /* @__PURE__ */ new Set();
  const walk = async (rel) => {
    const entries = await readdir(rel ? join2(dir, rel) : dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (!e.isDirectory()) files.add(path);
        else if (path !== ".git") await walk(path);
      })
    );
  };
  await walk("");
  return files;
}
async function branchHead(dir, branch) {
  const oid = await looseRef(join2(dir, ".git"), `refs/heads/${branch}`);
  if (oid === void 0)
    throw new OperationError(`refs/heads/${branch} in ${dir} does not name a commit`);
  return oid;
}
function conePatterns(paths) {
  const clean = paths.filter((p) => p !== "" && p !== ".");
  if (clean.some((p) => /[\\*?[\]!#]|(^|\/)\.\.?(\/|$)/.test(p))) return void 0;
  const sorted = [...new Set(clean)].sort();
  const whole = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}/`)));
  const parents = /* @__PURE__ */ new Set();
  for (const p of whole) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join("/"));
  }
  const lines = ["/*", "!/*/"];
  const entries = [
    ...[...parents].filter((p) => !whole.includes(p)).map((p) => ({ p, whole: false })),
    ...whole.map((p) => ({ p, whole: true }))
  ].sort((a, b) => a.p < b.p ? -1 : a.p > b.p ? 1 : 0);
  for (const e of entries) {
    lines.push(`/${e.p}/`);
    if (!e.whole) lines.push(`!/${e.p}/*/`);
  }
  return lines.join("\n") + "\n";
}
async function replay(host, dir, b, tip, readSet) {
  if (!readSet) return void 0;
  const git = (args, opts = {}) => host.git.run(args, { cwd: dir, ...opts });
  if (tip === b.parent) return b;
  const names = async (from, to) => (await git(["diff-tree", "-r", "-z", "--no-renames", "--name-only", from, to])).stdout.split("\0").filter(Boolean);
  const theirs = await names(b.parent, tip);
  b.files ??= parseRawDiff(
    (await git(["diff-tree", "-r", "-z", "--no-renames", b.parent, b.commit])).stdout
  );
  const mine = b.files;
  const touched = (p) => readSet.some((r) => p === r || p.startsWith(`${r}/`)) || mine.some((m) => m.path === p || p.startsWith(`${m.path}/`) || m.path.startsWith(`${p}/`));
  if (theirs.some(touched)) return void 0;
  const env = { GIT_INDEX_FILE: join2(dir, ".git", "gantry-replay-index") };
  await git(["read-tree", tip], { env });
  const info = mine.map(
    (m) => m.status === "D" ? `0 ${"0".repeat(40)}	${m.path}` : `${m.mode} ${m.oid}	${m.path}`
  ).join("\0");
  await git(["update-index", "-z", "--index-info"], { env, input: info + "\0" });
  const tree = (await git(["write-tree", "--missing-ok"], { env })).stdout.trim();
  const commit = (await git(["commit-tree", tree, "-p", tip, "-F", "-"], { input: b.message })).stdout.trim();
  return { ...b, commit, parent: tip };
}
async function fetchInto(host, dir, args, branch) {
  try {
    await host.git.run(["fetch", "-q", "--no-tags", "origin", ...args], { cwd: dir });
  } catch (err) {
    if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr)) {
      throw new ConfigError(
        `branch ${branch} does not exist in ${host.remoteUrl}: create it, or set the stage's branch`
      );
    }
    throw err;
  }
}
function stateRefRefused(res, ref, blob) {
  const lines = porcelainLines(res.stdout);
  const mine = (l) => l.refspec.endsWith(`:${ref}`);
  const line = lines.find(mine);
  if (line !== void 0 && line.summary.startsWith("[remote rejected]") && !ATOMIC_FAILED.test(line.summary) && lines.every((l) => mine(l) || l.flag !== "!" || ATOMIC_FAILED.test(l.summary)))
    return true;
  return res.stderr.includes(`bad object ${blob}`) || res.stderr.includes(`src refspec ${blob} does not match any`);
}
var ATOMIC_FAILED = /\(atomic (?:transaction failed|push failure)\)/;
function refusal(res, ref) {
  const line = porcelainLines(res.stdout).find((l) => l.refspec.endsWith(`:${ref}`));
  return (line?.summary || res.stderr.trim().split("\n")[0] || "").trim() || "no reason given";
}
var porcelainLines = (stdout) => stdout.split("\n").flatMap((l) => {
  const [flag, refspec, summary] = l.split("	");
  return flag !== void 0 && refspec !== void 0 && summary !== void 0 ? [{ flag, refspec, summary }] : [];
});

// src/state/records.ts
function serializeVerification(r) {
  return `verified ${r.alias} in ${r.stage}

${JSON.stringify(r, null, 2)}
`;
}
function serializeApproval(r) {
  return `approved ${r.alias} for ${r.stage}

${JSON.stringify(r, null, 2)}
`;
}
function parseTagBody(message, where) {
  const start = message.indexOf("\n{");
  if (start < 0)
    throw new OperationError(
      `unreadable tag ${where}: its message has no JSON document after the subject line`
    );
  let value;
  try {
    value = JSON.parse(message.slice(start + 1));
  } catch (err) {
    throw new OperationError(`unreadable tag ${where}: ${err.message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new OperationError(`unreadable tag ${where}: the document is not an object`);
  }
  return value;
}
function str(doc, key, where, optional = false) {
  const v = doc[key];
  if (v === void 0 && optional) return void 0;
  if (typeof v !== "string" || !v)
    throw new OperationError(`unreadable tag ${where}: field "${key}" must be a non-empty string`);
  return v;
}
function parseVerification(message, where) {
  const d = parseTagBody(message, where);
  const summary = d.summary;
  if (summary !== void 0 && !(Array.isArray(summary) && summary.every((s) => typeof s === "string"))) {
    throw new OperationError(`unreadable tag ${where}: field "summary" must be a list of strings`);
  }
  return {
    project: str(d, "project", where),
    stage: str(d, "stage", where),
    freightId: str(d, "freightId", where),
    alias: str(d, "alias", where),
    verifiedAt: str(d, "verifiedAt", where),
    verifiedBy: str(d, "verifiedBy", where),
    run: str(d, "run", where, true),
    summary,
    ...typeof d.commit === "string" ? { commit: d.commit } : {}
  };
}
function parseApproval(message, where) {
  const d = parseTagBody(message, where);
  return {
    project: str(d, "project", where),
    stage: str(d, "stage", where),
    freightId: str(d, "freightId", where),
    alias: str(d, "alias", where),
    approvedAt: str(d, "approvedAt", where),
    approvedBy: str(d, "approvedBy", where),
    reason: str(d, "reason", where, true)
  };
}

// src/state/freight-notes.ts
import { randomBytes } from "node:crypto";
var NOTE_PATTERN = /^refs\/tags\/gantry\/([^/]+)\/(alias|metadata)\/([0-9a-f]{40})\/([^/]+)$/;
function parseNoteRef(name) {
  const m = NOTE_PATTERN.exec(name);
  if (!m) return void 0;
  return { project: m[1], kind: m[2], freightId: m[3] };
}
function noteStamp(at, random = randomBytes(4).toString("hex")) {
  return `${at.toISOString().replace(/[-:.]/g, "")}-${random}`;
}
function noteRefName(note, stamp) {
  const r = note.record;
  return `${projectRefPrefix(r.project)}${note.kind}/${r.freightId}/${stamp}`;
}
function serializeNote(note) {
  const r = note.record;
  const subject = note.kind === "alias" ? `alias ${note.record.alias} for freight ${r.freightId.slice(0, 7)}` : `metadata ${Object.keys(note.record.values).join(", ")} of freight ${r.freightId.slice(0, 7)}`;
  return `${subject}

${JSON.stringify(r, null, 2)}
`;
}
function parseNote(message, where, ref) {
  const d = parseTagBody(message, where);
  const fail = (why) => {
    throw new OperationError(`unreadable tag ${where}: ${why}`);
  };
  const str2 = (key, optional = false) => {
    const v = d[key];
    if (v === void 0 && optional) return void 0;
    if (typeof v !== "string" || v === "") return fail(`field "${key}" must be a non-empty string`);
    return v;
  };
  const common = {
    project: str2("project"),
    freightId: str2("freightId"),
    recordedAt: str2("recordedAt"),
    recordedBy: str2("recordedBy"),
    ...typeof d.stage === "string" ? { stage: d.stage } : {}
  };
  if (common.project !== ref.project || common.freightId !== ref.freightId) {
    fail(`its document names ${common.project}/${common.freightId}, not the tag's own`);
  }
  if (Number.isNaN(Date.parse(common.recordedAt))) fail('field "recordedAt" is not a time');
  if (ref.kind === "alias") {
    const previous = str2("previous", true);
    return {
      kind: "alias",
      record: {
        ...common,
        alias: str2("alias"),
        ...previous !== void 0 ? { previous } : {}
      }
    };
  }
  const values = d.values;
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    return fail('field "values" must be an object');
  }
  return { kind: "metadata", record: { ...common, values } };
}
var byTime = (a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
function resolveNotes(freight, notes) {
  const created = new Map(freight.map((f) => [f.id, Date.parse(f.createdAt)]));
  const claims = freight.map((f) => ({
    at: created.get(f.id),
    // A freight's own alias counts before a record made in the same millisecond.
    key: `0 ${f.id}`,
    id: f.id,
    alias: f.alias
  }));
  const meta = [];
  for (const { note, tag } of notes) {
    const born = created.get(note.record.freightId);
    if (born === void 0) continue;
    const at = Math.max(Date.parse(note.record.recordedAt), born);
    if (note.kind === "alias") {
      const r = note.record;
      claims.push({
        at,
        key: `1 ${tag}`,
        id: r.freightId,
        alias: r.alias,
        record: { record: r, tag }
      });
    } else meta.push({ at, key: tag, record: note.record });
  }
  claims.sort(byTime);
  const holder = /* @__PURE__ */ new Map();
  const current = /* @__PURE__ */ new Map();
  const denied = [];
  for (const c of claims) {
    const held = holder.get(c.alias);
    if (held !== void 0 && held !== c.id) {
      if (c.record) {
        denied.push({ ...c.record, heldBy: held });
        continue;
      }
      c.alias = `${c.alias}-${c.id.slice(0, 7)}`;
    }
    const before = current.get(c.id);
    if (before !== void 0 && holder.get(before) === c.id) holder.delete(before);
    holder.set(c.alias, c.id);
    current.set(c.id, c.alias);
  }
  const aliases = /* @__PURE__ */ new Map();
  for (const f of freight) {
    const now = current.get(f.id);
    if (now !== void 0 && now !== f.alias) aliases.set(f.id, now);
  }
  meta.sort(byTime);
  const metadata = /* @__PURE__ */ new Map();
  for (const { record } of meta) {
    metadata.set(record.freightId, mergeMetadata(metadata.get(record.freightId), record.values));
  }
  return { aliases, metadata, denied };
}
function mergeMetadata(base, values) {
  const out = {};
  for (const src of [base ?? {}, values]) {
    for (const [k, v] of Object.entries(src)) {
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
  }
  return out;
}
function tagMessage(body) {
  const text = body.toString("utf8");
  const i = text.indexOf("\n\n");
  return i < 0 ? "" : text.slice(i + 2);
}
function readNotes(refs, objects, skip) {
  const out = [];
  for (const { name, oid, note } of refs) {
    const tag = name.replace(/^refs\/tags\//, "");
    const obj = objects.get(oid);
    if (obj?.type !== "tag") {
      skip(name, `unreadable tag ${tag}: it is not an annotated tag`);
      continue;
    }
    try {
      out.push({ note: parseNote(tagMessage(obj.body), tag, note), tag });
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      skip(name, err.message);
    }
  }
  const at = new Map(out.map((n) => [n, Date.parse(n.note.record.recordedAt)]));
  return out.sort(
    (a, b) => byTime({ at: at.get(a), key: a.tag }, { at: at.get(b), key: b.tag })
  );
}
function applyNotes(snap, notes) {
  const resolved = resolveNotes(snap.freight, notes);
  const freightMetadata = {};
  for (const [id, m] of resolved.metadata) freightMetadata[id] = m;
  return {
    ...snap,
    freight: snap.freight.map((f) => {
      const alias = resolved.aliases.get(f.id);
      return alias === void 0 ? f : { ...f, alias };
    }),
    freightMetadata,
    notes,
    ...resolved.denied.length ? { deniedAliases: resolved.denied } : {}
  };
}
function nextStageMetadata(previous, set) {
  const merged = set ? mergeMetadata(previous?.metadata, set) : previous?.metadata;
  return merged && Object.keys(merged).length ? { metadata: merged } : {};
}

// src/state/store.ts
var EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
var DEFAULT_IDENTITY = {
  name: "gantry[bot]",
  email: "gantry[bot]@users.noreply.github.com"
};
var RaceLostError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RaceLostError";
  }
};
var PUSH_RACE = /\[rejected\]|\[remote rejected\].*(?:cannot lock|failed to update|incorrect old value)/;
function pushRaceLost(res) {
  return PUSH_RACE.test(res.stdout) || /\[remote rejected\] \(atomic transaction failed\)/.test(res.stdout) && /cannot lock ref|incorrect old value/.test(res.stderr);
}
var TRAILER = {
  project: "Gantry-Project",
  stage: "Gantry-Stage",
  freight: "Gantry-Freight",
  alias: "Gantry-Alias",
  warehouse: "Gantry-Warehouse",
  promotedBy: "Gantry-Promoted-By",
  run: "Gantry-Run",
  approvedBy: "Approved-By"
};
var INDEX_LOCAL = "refs/gantry-index/";
var StateStore = class {
  constructor(opts) {
    this.opts = opts;
    this.git = new Git({
      baseEnv: opts.baseEnv,
      remote: opts.remote,
      identity: opts.identity ?? DEFAULT_IDENTITY,
      timeoutMs: opts.gitTimeoutMs,
      trace: opts.trace
    });
    const key = createHash2("sha256").update(opts.remote.url).digest("hex").slice(0, 16);
    this.cache = join3(opts.cacheDir, `${key}.git`);
    this.tagCache = join3(opts.cacheDir, `${key}-tags.git`);
    this.policy = opts.retry ?? DEFAULT_PUSH_RETRY;
    this.now = opts.clock ?? (() => /* @__PURE__ */ new Date());
    this.log = opts.log ?? (() => void 0);
    this.warn = opts.warn ?? this.log;
  }
  opts;
  git;
  cache;
  tagCache;
  policy;
  now;
  log;
  warn;
  /** Unreadable tags already reported by this instance: one warning per tag and command. */
  warned = /* @__PURE__ */ new Set();
  cacheReady;
  /**
   * The tag cache was created by this instance: it held no object when this command started, so
   * asking it which tags it lacks would cost a process to learn "all of them".
   */
  tagCacheNew = false;
  /** Tag objects this instance fetched into the tag cache by ID (see lackedTags). */
  tagsFetched = /* @__PURE__ */ new Set();
  /** Branch tips fetched by this instance: one command reads each branch once. Writes clear it. */
  tipMemo = /* @__PURE__ */ new Map();
  /** Files read, by `<commit>:<path>`: a commit's files never change, so this never goes stale. */
  blobMemo = /* @__PURE__ */ new Map();
  /** Commits whose every state file is in blobMemo (read with the project files). */
  statesRead = /* @__PURE__ */ new Set();
  defaultBranchName;
  /**
   * A tag listing started ahead of the read that needs it (see listTagsAhead): the project it
   * covers (undefined: every project), and the projects whose read has taken it already.
   */
  ahead;
  /**
   * Freight indexes asked for ahead (see fetchIndexesAhead): `fetched` once the fetch of HEAD
   * brought every project's index too; `used`, the projects whose read has taken theirs.
   */
  indexesAhead;
  /** Shard texts read ahead (see fetchIndexesAhead), by blob ID: no git to read them again. */
  shardTexts = /* @__PURE__ */ new Map();
  /** See fetchStageRecordsAhead: the project asked for (undefined: every project). */
  recordsAheadFor;
  /** The fetch fetchStageRecordsAhead started: what it asked for, and when it is done. */
  recordsAhead;
  /** Called as the HEAD fetch's git process starts (see defaultBranchAhead). */
  headStarted;
  /**
   * The stage state refs (see stageStateRef) the HEAD fetch brought for fetchStageRecordsAhead:
   * the blob each names, by the state file's path. Their blobs are in the cache.
   */
  stateRefsAhead;
  /** The last freight write of each project from this instance (see recordFreight). */
  freightWrites = /* @__PURE__ */ new Map();
  get remoteUrl() {
    return this.opts.remote.url;
  }
  // ---- the cache repository -------------------------------------------------------------------
  ensureCache() {
    this.cacheReady ??= (async () => {
      await mkdir2(this.opts.cacheDir, { recursive: true });
      const origin = [["remote.origin.url", this.opts.remote.url]];
      await openCacheRepo(this.git, this.cache, [
        ...origin,
        ["remote.origin.promisor", "true"],
        ["remote.origin.partialclonefilter", "blob:none"],
        ["extensions.partialClone", "origin"]
      ]);
      this.tagCacheNew = await openCacheRepo(this.git, this.tagCache, origin);
    })().catch((err) => {
      this.cacheReady = void 0;
      throw err;
    });
    return this.cacheReady;
  }
  /**
   * Runs git against the cache under its lock: concurrent gantry processes may share it. A cache
   * git cannot use (damaged by a crash, a full disk, a hand) is rebuilt once, and `fn` run again.
   */
  async inCache(fn) {
    await this.ensureCache();
    const locked = () => withDirLock(this.cache, fn, { recover: () => repairRepo(this.cache) });
    try {
      return await locked();
    } catch (err) {
      if (!isBrokenCache(err)) throw err;
      this.log(`the cache ${this.cache} is damaged (${errorMessage(err)}); rebuilding it`);
      await withDirLock(this.cache, () => rm(this.cache, { recursive: true, force: true }));
      this.tipMemo.clear();
      this.cacheReady = void 0;
      await this.ensureCache();
      return locked();
    }
  }
  fetch(args) {
    return retry(
      () => this.git.run(["fetch", "-q", "--no-tags", "--no-write-fetch-head", "origin", ...args], {
        cwd: this.cache
      }),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks
    );
  }
  async defaultBranch() {
    this.defaultBranchName ??= this.resolveDefaultBranch().catch((err) => {
      this.defaultBranchName = void 0;
      throw err;
    });
    return this.defaultBranchName;
  }
  /**
   * Starts the fetch that names the default branch (with the freight indexes asked for ahead, see
   * fetchIndexesAhead) and resolves once its git process has started, or once it failed (the
   * read that needs the branch then reports it): the caller loads the code it runs next while
   * the fetch runs, instead of before it starts.
   */
  defaultBranchAhead() {
    let started = () => void 0;
    const spawned = new Promise((resolve2) => started = resolve2);
    this.headStarted = started;
    this.defaultBranchName ??= this.resolveDefaultBranch();
    this.defaultBranchName.catch(() => void 0).finally(started);
    return spawned;
  }
  async resolveDefaultBranch() {
    const named = await this.inCache(() => this.fetchHead()).catch(() => void 0);
    if (named) return named;
    const res = await this.withNetworkRetry(
      () => this.git.run(["ls-remote", "--symref", this.opts.remote.url, "HEAD"])
    );
    const m = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(res.stdout);
    if (m?.[1] && res.stdout.includes("	HEAD\n")) return m[1];
    const heads = await this.withNetworkRetry(
      () => this.git.run(["ls-remote", "--heads", this.opts.remote.url])
    );
    const branches = heads.stdout.split("\n").map((l) => l.split("	")[1]?.replace(/^refs\/heads\//, "")).filter((b) => Boolean(b));
    if (!branches.length) {
      throw new OperationError(
        `${this.opts.remote.url} has no branches: push the GitOps repository's first commit`
      );
    }
    if (branches.length === 1) return branches[0];
    for (const b of ["main", "master"]) if (branches.includes(b)) return b;
    throw new ConfigError(
      `${this.opts.remote.url}: HEAD names no existing branch${m?.[1] ? ` (${m[1]})` : ""}; its branches are ${branches.slice(0, 10).join(", ")}: set each stage's branch in the project file`
    );
  }
  /**
   * Names the default branch and fetches its tip in one request. The server's answer to a fetch
   * of HEAD carries HEAD's symref target, which git shows only in its packet trace; `ls-remote
   * --symref` would list every ref of the repository (every freight tag) to answer the same
   * question. Undefined when the trace does not say (an old server, HEAD detached or unborn): the
   * caller asks the slow way.
   */
  async fetchHead() {
    const ahead = this.indexesAhead;
    const states = this.recordsAheadFor && offersNoHaves(this.cache) ? this.recordsAheadFor : void 0;
    const trace = join3(this.opts.cacheDir, `head-${randomBytes2(6).toString("hex")}.trace`);
    try {
      this.namedAhead?.started();
      this.headStarted?.();
      const res = await this.git.tryRun(
        [
          "fetch",
          "-q",
          "--no-tags",
          "--no-write-fetch-head",
          "--depth=1",
          "--filter=blob:none",
          // Every project's freight index (commit and tree, no shard), in the same request, for
          // a page of freight; --prune drops the local copy of one deleted since.
          ...ahead || states ? ["--prune"] : [],
          "origin",
          `+HEAD:${HEAD_TIP}`,
          ...ahead ? [`+${freightIndexRef("*")}:${INDEX_LOCAL}*`] : [],
          ...states ? [stateRefspec(states.project)] : [],
          ...this.namedAhead?.refspecs ?? []
        ],
        { cwd: this.cache, env: { GIT_TRACE_PACKET: trace } }
      );
      if (res.exitCode !== 0) return void 0;
      if (ahead) ahead.fetched = true;
      const text = await readFile3(trace, "utf8").catch(() => "");
      if (ahead)
        for (const m of text.matchAll(/([0-9a-f]{40}) refs\/gantry\/([^\s]+)\/freight-index$/gm))
          ahead.commits.set(m[2], m[1]);
      if (states) {
        this.stateRefsAhead = /* @__PURE__ */ new Map();
        for (const m of text.matchAll(/([0-9a-f]{40,64}) (refs\/gantry\/\S+)$/gm)) {
          const ref = parseStageStateRef(m[2]);
          if (ref && (states.project ?? ref.project) === ref.project)
            this.stateRefsAhead.set(stateFilePath(ref.project, ref.stage), m[1]);
        }
      }
      if (this.namedAhead)
        await this.takeNamedListing(this.namedAhead, text).catch(() => void 0);
      const v2 = /([0-9a-f]{40,64}) HEAD symref-target:refs\/heads\/(\S+)/.exec(text);
      const name = v2?.[2] ?? /symref=HEAD:refs\/heads\/(\S+)/.exec(text)?.[1];
      if (!name) return void 0;
      const tip = v2?.[1] ?? (await this.git.run(["rev-parse", HEAD_TIP], { cwd: this.cache })).stdout.trim();
      this.tipMemo.set(name, tip);
      return name;
    } finally {
      await rm(trace, { force: true });
    }
  }
  withNetworkRetry(fn) {
    return retry(fn, isTransient, READ_RETRY(this.policy), this.opts.retryHooks);
  }
  /**
   * Fetches the tips of `branches` (no blobs, one commit deep) and returns each tip's commit.
   * With `allowMissing`, a branch the remote does not have is left out of the result (a stage
   * whose branch is created later has no state yet) instead of failing every stage's read.
   */
  async fetchTips(branches, allowMissing = false, also = []) {
    const tips = /* @__PURE__ */ new Map();
    for (const b of branches) {
      const known = this.tipMemo.get(b);
      if (known) tips.set(b, known);
    }
    let unique = [...new Set(branches)].filter((b) => !tips.has(b));
    if (!unique.length) return tips;
    const refspecs = () => [...unique.map((b) => `+refs/heads/${b}:${tipRef(b)}`), ...also];
    try {
      await this.fetch(["--depth=1", "--filter=blob:none", ...refspecs()]);
    } catch (err) {
      const missingRef = err instanceof GitError && /couldn't find remote ref/i.test(err.stderr);
      if (missingRef && allowMissing) {
        const heads = await this.git.run([
          "ls-remote",
          "--heads",
          this.opts.remote.url,
          ...unique.map((b) => `refs/heads/${b}`)
        ]);
        const present = new Set(
          heads.stdout.split("\n").map((l) => l.split("	")[1]?.replace(/^refs\/heads\//, "")).filter((b) => Boolean(b))
        );
        unique = unique.filter((b) => present.has(b));
        if (!unique.length) return tips;
        await this.fetch(["--depth=1", "--filter=blob:none", ...refspecs()]);
      } else if (missingRef && err instanceof GitError) {
        const ref = /couldn't find remote ref (\S+)/i.exec(err.stderr)?.[1] ?? unique.join(", ");
        throw new OperationError(
          `branch ${ref.replace(/^refs\/heads\//, "")} does not exist in ${this.opts.remote.url}`
        );
      } else throw err;
    }
    const res = await this.git.run(
      ["for-each-ref", "--format=%(refname:lstrip=2) %(objectname)", ...unique.map(tipRef)],
      { cwd: this.cache }
    );
    for (const line of res.stdout.split("\n").filter(Boolean)) {
      const [encoded, sha] = line.split(" ");
      const branch = encoded === void 0 ? void 0 : decodeURIComponent(encoded);
      if (branch && sha && unique.includes(branch)) {
        tips.set(branch, sha);
        this.tipMemo.set(branch, sha);
      }
    }
    const lost = unique.filter((b) => !tips.has(b));
    if (lost.length)
      throw new OperationError(
        `fetched ${lost.join(", ")} but found no tip in the cache ${this.cache}`
      );
    return tips;
  }
  /**
   * Reads files at `<commit>:<path>` from trees fetched without blobs: resolves the blob ids from the
   * local trees, fetches the missing blobs in one request (git skips the network when none are
   * missing), then reads them all through one `cat-file --batch`.
   */
  async readBlobs(specs) {
    const out = /* @__PURE__ */ new Map();
    const byCommit = /* @__PURE__ */ new Map();
    for (const spec of specs) {
      out.set(spec, this.blobMemo.get(spec));
      if (this.knownBlob(spec)) continue;
      const i = spec.indexOf(":");
      const commit = spec.slice(0, i);
      byCommit.set(commit, [...byCommit.get(commit) ?? [], spec.slice(i + 1)]);
    }
    const ids = /* @__PURE__ */ new Map();
    for (const [commit, paths] of byCommit) {
      const res = await this.git.run(["ls-tree", "-z", commit, "--", ...paths], {
        cwd: this.cache
      });
      for (const entry of res.stdout.split("\0").filter(Boolean)) {
        const m = /^\d+ blob ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
        if (m?.[1] && m[2]) ids.set(`${commit}:${m[2]}`, m[1]);
      }
    }
    if (!ids.size) return out;
    const contents = await this.readBlobContents([...new Set(ids.values())]);
    for (const [spec, oid] of ids) out.set(spec, contents.get(oid));
    return out;
  }
  /**
   * Whether readBlobs answers `<commit>:<path>` without git: read already, or a state file that
   * was not among the commit's state files read with its project files, so does not exist (a
   * stage never promoted).
   */
  knownBlob(spec) {
    if (this.blobMemo.has(spec)) return true;
    const i = spec.indexOf(":");
    const path = spec.slice(i + 1);
    if (!path.startsWith(`${PROJECT_DIR}/`) || !STATE_FILE.test(path.slice(PROJECT_DIR.length + 1)))
      return false;
    const tip = spec.slice(0, i);
    return this.statesRead.has(tip) || this.statesRead.has(`${tip}:${path.split("/")[2]}`);
  }
  /**
   * The texts of files of commit `tip` whose blob IDs are known (path → ID): fetched in one
   * request, read in one process, and remembered for readBlobs (a commit's files never change).
   */
  async readBlobIds(tip, ids, also, shards = []) {
    const out = /* @__PURE__ */ new Map();
    const contents = await this.readBlobContents([.../* @__PURE__ */ new Set([...ids.values(), ...shards])], also);
    for (const oid of shards) {
      const text = contents.get(oid);
      if (text !== void 0) this.shardTexts.set(oid, text);
    }
    for (const [path, oid] of ids) {
      const text = contents.get(oid);
      if (text === void 0) continue;
      out.set(path, text);
      this.blobMemo.set(`${tip}:${path}`, text);
    }
    return out;
  }
  /** Blobs by ID, fetched (git skips the network when none are missing) and read as text. */
  async readBlobContents(blobs, also) {
    if (!blobs.length) return /* @__PURE__ */ new Map();
    const ahead = this.namedShardsAhead();
    await this.fetchObjects(this.cache, [...blobs, ...ahead]);
    const objects = await this.readObjects(this.cache, [
      ...blobs,
      ...this.namedObjectsAhead(ahead),
      ...also?.revs ?? []
    ]);
    for (const rev of also?.revs ?? []) {
      const o = objects.get(rev);
      if (o) also?.into.set(rev, o);
      objects.delete(rev);
    }
    this.keepNamedObjects(objects);
    return new Map([...objects].map(([oid, o]) => [oid, o.body.toString("utf8")]));
  }
  // ---- reads ----------------------------------------------------------------------------------
  /** Every freight, verification and approval of a project: one ref listing, one object read. */
  async snapshot(project) {
    return (await this.readAll(await this.listProject(project))).snap;
  }
  /**
   * The project's tags as the remote lists them now: names and object IDs, no objects. Tags of
   * kinds gantry does not know (another tool's, a newer gantry's) are left out.
   */
  async listProject(project, peeled = true) {
    const raw = await this.listProjectText(project, peeled);
    return parseListing(raw.text, project, raw.peeled);
  }
  /** The `ls-remote` text listProject parses: the one listed ahead when it fits, else a new one. */
  async listProjectText(project, peeled = true) {
    const ahead = this.ahead;
    if (ahead && (ahead.project ?? project) === project && !ahead.used.has(project) && (ahead.peeled || !peeled)) {
      ahead.used.add(project);
      return { text: await ahead.stdout, peeled: ahead.peeled };
    }
    return { text: await this.lsTags(projectRefPrefix(project), peeled), peeled };
  }
  /**
   * `ls-remote` of the tags under `prefix`: the server sends refs/tags/ only, the pattern narrows.
   * Without `peeled`, `--refs`: no peeled line after each annotated tag, half the lines to read.
   */
  async lsTags(prefix, peeled = true) {
    const dir = resolve(this.opts.cacheDir);
    await mkdir2(dir, { recursive: true });
    const ready = this.ensureCache();
    ready.catch(() => void 0);
    const ls = await this.lsRemoteTags(prefix, peeled, {
      cwd: dir,
      env: { GIT_CEILING_DIRECTORIES: dirname2(dir) }
    });
    await ready;
    return ls;
  }
  /** The `ls-remote` of lsTags, retried, run where `where` says (a prune's runs in the cache). */
  async lsRemoteTags(prefix, peeled, where) {
    const args = ["ls-remote", "--tags", ...peeled ? [] : ["--refs"], this.opts.remote.url];
    const ls = await retry(
      () => this.git.run([...args, `${prefix}*`], where),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks
    );
    return ls.stdout;
  }
  /**
   * Starts listing the tags of `project` (of every project when undefined) now, so that the
   * listing, the slowest read of a page of freight, runs while the project files are fetched and
   * parsed instead of after. The next read of each project it covers takes it; a failure surfaces
   * there, as that read's own listing would.
   */
  listTagsAhead(project, opts = {}) {
    const peeled = opts.peeled ?? true;
    const stdout = this.lsTags(
      project === void 0 ? "refs/tags/gantry/" : projectRefPrefix(project),
      peeled
    );
    stdout.catch(() => void 0);
    this.ahead = { project, stdout, used: /* @__PURE__ */ new Set(), peeled };
  }
  /**
   * Has the fetch that names the default branch (the first read of a command) bring every
   * project's freight index with it, so that a page of freight reads its index without a fetch of
   * its own. Once per project: a later read (after a write) fetches afresh.
   */
  fetchIndexesAhead(page) {
    this.indexesAhead = {
      fetched: false,
      used: /* @__PURE__ */ new Set(),
      commits: /* @__PURE__ */ new Map(),
      objects: /* @__PURE__ */ new Map(),
      ...page ? { page } : {},
      pages: /* @__PURE__ */ new Map()
    };
  }
  /** An empty snapshot whose `skip` leaves a bad tag out and reports it once per command. */
  emptySnapshot() {
    const snap = { freight: [], verifications: [], approvals: [], unreadable: [] };
    const skip = (name, problem) => {
      const tag = name.replace(/^refs\/tags\//, "");
      const message = `${problem}; skipped it (delete it: git push origin :${name})`;
      snap.unreadable?.push({ tag, message });
      if (!this.warned.has(tag)) {
        this.warned.add(tag);
        this.warn(message);
      }
    };
    return { snap, skip };
  }
  /** Every record of the listing, read: fetches the tag objects the cache lacks, by ID. */
  async readAll(listing) {
    const { snap, skip } = this.emptySnapshot();
    const annotated = new Set(listing.annotated);
    const lightweight = [
      ...listing.refs.filter((r) => !annotated.has(r)).map((r) => r.name),
      ...listing.lightweightNotes
    ];
    for (const name of lightweight)
      skip(
        name,
        `unreadable tag ${name.replace(/^refs\/tags\//, "")}: it is a lightweight tag, gantry writes annotated tags`
      );
    const freightOids = /* @__PURE__ */ new Map();
    await this.readTags(listing.annotated, snap, skip, freightOids);
    snap.freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
    return { snap: await this.withNotes(snap, listing.notes, skip), freightOids };
  }
  /**
   * `snap` with the aliases and metadata set after its freight was recorded
   * (src/state/freight-notes.ts): reads the note tags given, fetching those the cache lacks.
   */
  async withNotes(snap, notes, skip, known) {
    if (!notes.length) return snap;
    const read = readNotes(notes, known ?? await this.tagObjects(notes), skip);
    return read.length ? applyNotes(snap, read) : snap;
  }
  /** The tag objects of `refs`: those the tag cache lacks fetched in one request, all read in one. */
  async tagObjects(refs, unknownTypes = false) {
    const oids = [...new Set(refs.map((r) => r.oid))];
    const missing = await this.lackedTags(oids);
    if (missing.length) await this.fetchObjects(this.tagCache, missing, unknownTypes);
    for (const o of missing) this.tagsFetched.add(o);
    return this.readObjects(this.tagCache, oids);
  }
  /**
   * Reads the tag objects of `refs` into `snap` (fetching, in one request, those the tag cache
   * lacks: tag objects are immutable and named by their hash). `freightOids` gets the tag object
   * of each freight read. `known`: the objects, read already.
   */
  async readTags(refs, snap, skip, freightOids, known) {
    if (!refs.length) return;
    const objects = known ?? await this.tagObjects(refs);
    for (const { name, oid, ref } of refs) {
      const where = name.replace(/^refs\/tags\//, "");
      const obj = objects.get(oid);
      if (obj?.type !== "tag") {
        skip(
          name,
          `unreadable tag ${where}: ${obj ? "it is a lightweight tag, gantry writes annotated tags" : "it is not an annotated tag"}`
        );
        continue;
      }
      const message = tagMessage2(obj.body);
      try {
        if (ref.kind === "freight") {
          snap.freight.push(parseFreight(message, where, ref.freightId));
          freightOids?.set(ref.freightId, oid);
        } else if (ref.kind === "verified")
          snap.verifications.push(checkRecord(parseVerification(message, where), ref, where));
        else snap.approvals.push(checkRecord(parseApproval(message, where), ref, where));
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        skip(name, err.message);
      }
    }
  }
  /**
   * Fetches the tags `names` (those that exist) and every tag under `notePrefixes` into the tag
   * cache's peek namespace; runs under the cache lock.
   */
  fetchRecords(names, notePrefixes) {
    const local = (n) => `${PEEK_PREFIX}${n.slice("refs/tags/".length)}`;
    const specs = stdinOrArgs([...names, ...notePrefixes].map((n) => `+${n}*:${local(n)}*`));
    return retry(
      () => this.git.run(
        [
          // Fetched as from a promisor remote, for this command only: git then trusts the
          // pack it receives instead of running a rev-list over it to check that it is
          // connected (the tags' trees are the empty tree, which every git has). With the
          // filter given here too, git writes neither into the cache's config: a tag cache
          // configured as a promisor would fetch each object it is asked about and lacks.
          "-c",
          "remote.origin.promisor=true",
          "-c",
          "remote.origin.partialclonefilter=tree:0",
          "fetch",
          "-q",
          "--no-tags",
          "--no-write-fetch-head",
          "--prune",
          "--filter=tree:0",
          "origin",
          ...specs.args
        ],
        { cwd: this.tagCache, ...specs.input }
      ),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks
    );
  }
  /**
   * Has the read of the project files (projectFiles), which brings every stage state file of the
   * default branch, start fetching the tags those states name (of `project`, or of every project)
   * at once: the fetch then runs while the project files are parsed. stageRecords takes it when
   * it asked for every tag a view needs, and fetches its own otherwise.
   */
  fetchStageRecordsAhead(project) {
    this.recordsAheadFor = { project };
  }
  /**
   * What a view of the stages needs and nothing more: the freight each stage runs, with its
   * verifications and approvals in that stage, fetched by tag name. The server lists only the
   * names asked for (protocol v2 ref prefixes), so the cost follows the stages, not the number of
   * freight ever recorded. `freight` holds the current freight (for health's metric templates).
   */
  async stageRecords(project, states) {
    const { names, notePrefixes } = recordNames(project, states);
    const { snap, skip } = this.emptySnapshot();
    if (!names.size) return snap;
    const ahead = this.recordsAhead;
    const covered = ahead !== void 0 && !ahead.used.has(project) && [...names].every((n) => ahead.names.has(n)) && [...notePrefixes].every((n) => ahead.notePrefixes.has(n));
    if (covered) ahead.used.add(project);
    const fetchedAhead = covered && "value" in await settled(ahead.fetched);
    const refs = await this.inCache(async () => {
      const local = (n) => `${PEEK_PREFIX}${n.slice("refs/tags/".length)}`;
      if (!fetchedAhead) await this.fetchRecords(names, notePrefixes);
      const listed = await this.peekedRefs([...names, ...notePrefixes].map(local));
      const found = [];
      const notes = [];
      for (const { oid, type, localName } of listed.refs) {
        const name = `refs/tags/${localName.slice(PEEK_PREFIX.length)}`;
        const note = parseNoteRef(name);
        const ref = note ? void 0 : parseStateRef(name);
        const wanted = note ? [...notePrefixes].some((p) => name.startsWith(p)) : ref !== void 0 && names.has(name);
        if (!wanted) continue;
        if (type !== "tag") {
          skip(
            name,
            `unreadable tag ${name.slice("refs/tags/".length)}: it is a lightweight tag, gantry writes annotated tags`
          );
          continue;
        }
        if (note) notes.push({ name, oid, note });
        else if (ref) found.push({ name, oid, ref });
      }
      return { found, notes, objects: listed.objects };
    });
    const oids = [...new Set([...refs.found, ...refs.notes].map((r) => r.oid))];
    const objects = refs.objects ?? (oids.length ? await this.readObjects(this.tagCache, oids) : /* @__PURE__ */ new Map());
    await this.readTags(refs.found, snap, skip, void 0, objects);
    return this.withNotes(snap, refs.notes, skip, objects);
  }
  /**
   * The refs of the tag cache that `patterns` name (a whole name, or a prefix ending in `/`),
   * with their objects read by the same process (for-each-ref's `%(raw)`, git 2.38 and later):
   * no second process to read the tags. An older git lists the refs only (`objects` undefined).
   */
  async peekedRefs(patterns) {
    const format = "%(objectname) %(objecttype) %(raw:size) %(refname)%0a%(raw)";
    const raw = await this.git.tryRun(["for-each-ref", `--format=${format}`, ...patterns], {
      cwd: this.tagCache
    });
    if (raw.exitCode === 0) {
      const bytes = raw.stdoutBytes;
      const refs2 = [];
      const objects = /* @__PURE__ */ new Map();
      for (let pos = 0; pos < bytes.length; ) {
        const nl = bytes.indexOf(10, pos);
        if (nl < 0) break;
        const head = bytes.subarray(pos, nl).toString("utf8");
        const [oid = "", type = "", size = "0"] = head.split(" ", 3);
        const localName = head.slice(oid.length + type.length + size.length + 3);
        const n = parseInt(size, 10);
        if (!oid || !localName || !Number.isFinite(n)) break;
        refs2.push({ oid, type, localName });
        objects.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
        pos = nl + 1 + n + 1;
      }
      return { refs: refs2, objects };
    }
    if (!/unknown field name/i.test(raw.stderr))
      throw this.git.error(["for-each-ref", `--format=${format}`, ...patterns], raw);
    const res = await this.git.run(
      ["for-each-ref", "--format=%(objectname) %(objecttype) %(refname)", ...patterns],
      { cwd: this.tagCache }
    );
    const refs = res.stdout.split("\n").flatMap((line) => {
      const [oid, type = "", localName] = line.split(" ");
      return oid && localName ? [{ oid, type, localName }] : [];
    });
    return { refs };
  }
  // ---- the freight index (see ./freight-index.ts) ------------------------------------------------
  /**
   * The project's freight index as the remote has it now; undefined when there is none. With
   * `shards`, the fetch brings every shard's blob too (the cache's blob:none filter lifted), for
   * a reader that needs all of them (readShards then reads them without fetching).
   */
  async readIndex(project, opts = {}) {
    const local = `${INDEX_LOCAL}${encodeURIComponent(project)}`;
    const ahead = this.indexesAhead;
    const fetched = !opts.shards && ahead?.fetched === true && !ahead.used.has(project);
    if (fetched) ahead.used.add(project);
    return this.inCache(async () => {
      try {
        if (!fetched)
          await this.fetch([
            "--depth=1",
            opts.shards ? "--no-filter" : "--filter=blob:none",
            `+${freightIndexRef(project)}:${local}`
          ]);
      } catch (err) {
        if (err instanceof GitError && /couldn't find remote ref/i.test(err.stderr))
          return void 0;
        throw err;
      }
      const named = fetched ? ahead.commits.get(project) : void 0;
      const early = named ? [ahead?.objects.get(named), ahead?.objects.get(`${named}^{tree}`)] : void 0;
      const [commit, tree] = early?.[0] && early[1] ? [
        { oid: named, ...early[0] },
        { oid: "", ...early[1] }
      ] : await this.readRevs(this.cache, [local, `${local}^{tree}`]);
      if (commit?.type !== "commit" || tree?.type !== "tree") return void 0;
      return indexStateOf(commit.oid, commit.body, tree.body);
    });
  }
  /**
   * The pages fetchIndexesAhead asked for, from the index commits and trees read beside the
   * project directory's listing (kept for readIndex): each project's index, when it has shards.
   */
  pagesToRead(ahead, read) {
    if ("error" in read || !ahead.page) return [];
    const commits = [...ahead.commits];
    read.value.forEach((o, i) => {
      const commit = commits[Math.floor(i / 2)]?.[1];
      if (o && commit) ahead.objects.set(i % 2 ? `${commit}^{tree}` : commit, o);
    });
    const { project: only, limit } = ahead.page;
    return commits.flatMap(([project, commit]) => {
      if (only !== void 0 && project !== only) return [];
      const [c, t] = [ahead.objects.get(commit), ahead.objects.get(`${commit}^{tree}`)];
      if (c?.type !== "commit" || t?.type !== "tree") return [];
      const index = indexStateOf(commit, c.body, t.body);
      return index?.shards.length ? [{ project, index, limit }] : [];
    });
  }
  /** Every line of every shard of `index` (none without one); `fetched` as for readShards. */
  async allEntries(index, fetched = false) {
    if (!index) return [];
    return (await this.readShards(
      index,
      index.shards.map((sh) => sh.name),
      fetched
    )).flat();
  }
  /**
   * Entries of the shards `names` (in that order), read in one fetch; `fetched`: the index was
   * read with its shards (readIndex's `shards`), so they are only read.
   */
  async readShards(index, names, fetched = false) {
    if (!names.length) return [];
    const oids = new Map(index.shards.map((sh) => [sh.name, sh.oid]));
    const early = names.map((n) => this.shardTexts.get(oids.get(n) ?? ""));
    if (early.every((t) => t !== void 0))
      return names.map((n, i) => shardEntries(index, n, early[i]));
    return this.inCache(async () => {
      const wanted = new Map(
        names.flatMap((n) => oids.has(n) ? [[n, oids.get(n)]] : [])
      );
      const blobs = fetched ? await this.readObjects(this.cache, [...wanted.values()]).then(
        (objects) => new Map(
          [...wanted].flatMap(([n, oid]) => {
            const body = objects.get(oid)?.body;
            return body ? [[n, body.toString("utf8")]] : [];
          })
        )
      ) : await this.readBlobIds(index.commit, wanted);
      return names.map((n) => shardEntries(index, n, blobs.get(n)));
    });
  }
  /**
   * Builds an index commit holding `shards` (name → text, or an existing blob ID), on top of
   * `parent`; the commit is in the cache, ready to push.
   */
  async makeIndexCommit(project, shards, head, parent, what) {
    return this.inCache(async () => {
      const sorted = [...shards].sort(([a], [b]) => compareText(a, b));
      const written = await this.writeBlobs(
        sorted.filter(([, sh]) => !sh.oid).map(([, sh]) => sh.text ?? "")
      );
      const lines = sorted.map(
        ([name, sh]) => `100644 blob ${sh.oid ?? written.shift()}	${name}
`
      );
      const tree = (
        // --missing: the shards not rewritten stay on the remote; the cache has only their IDs.
        (await this.git.run(["mktree", "--missing"], { cwd: this.cache, input: lines.join("") })).stdout.trim()
      );
      const date = `${Math.floor(this.now().getTime() / 1e3)} +0000`;
      const res = await this.git.run(
        [
          "commit-tree",
          tree,
          ...parent ? ["-p", parent] : [],
          "-m",
          formatHeadMessage(project, head, what)
        ],
        { cwd: this.cache, env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } }
      );
      return res.stdout.trim();
    });
  }
  /** Writes `texts` as blobs into the cache in one git process; returns their IDs in order. */
  async writeBlobs(texts) {
    if (!texts.length) return [];
    const dir = await mkdtemp(join3(this.opts.cacheDir, "blobs-"));
    try {
      const paths = await Promise.all(
        texts.map(async (t, i) => {
          const p = join3(dir, String(i));
          await writeFile2(p, t);
          return p;
        })
      );
      const res = await this.git.run(["hash-object", "-w", "--stdin-paths"], {
        cwd: this.cache,
        input: paths.join("\n") + "\n"
      });
      return res.stdout.trim().split("\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  /** An index commit of exactly `entries` (a rebuild), on top of `parent`. */
  makeFullIndex(project, entries, parent, what) {
    const sorted = [...entries].sort((a, b) => -byNewest(a, b));
    const shards = new Map(toShards(sorted).map((text, i) => [shardName(i), { text }]));
    return this.makeIndexCommit(project, shards, headOf(sorted.map((e) => e.tagOid)), parent, what);
  }
  /**
   * Pushes `refspecs` in one atomic push: all land or none. Returns git's porcelain report, and
   * the rejection when they did not land (network failures are retried, then thrown).
   */
  async pushAtomic(refspecs, options = []) {
    return retry(
      async () => {
        const args = [
          "push",
          "--atomic",
          "--porcelain",
          ...options,
          this.opts.remote.url,
          ...refspecs
        ];
        const res = await this.git.tryRun(args, { cwd: this.cache });
        if (res.exitCode === 0) return { porcelain: res.stdout };
        if (/\[(?:remote )?rejected\]/.test(res.stdout + res.stderr))
          return { rejected: this.git.error(args, res).message, porcelain: res.stdout };
        throw this.git.error(args, res);
      },
      isTransient,
      this.policy,
      this.opts.retryHooks
    );
  }
  /**
   * The project's freight index entries, every one, checked against the tag listing: an index
   * that does not match the tags is rebuilt from them (and written back when the remote takes
   * it; a read-only token only costs the next reader the same full read).
   */
  async checkedIndex(project, listing, index) {
    const actual = listing.freightHead;
    if (index && sameHead(index.head, actual)) return { index };
    if (!index && !actual.count) return {};
    const peeled = listing.peeled ? listing : parseListing(await this.lsTags(projectRefPrefix(project)), project);
    const full = await this.readAll(peeled);
    const entries = indexEntries(full, freightRefsOf(peeled));
    try {
      const commit = await this.makeFullIndex(
        project,
        entries,
        index?.commit,
        index ? "rebuilt (it did not match the tags)" : "created"
      );
      const { rejected } = await this.pushAtomic([`${commit}:${freightIndexRef(project)}`]);
      if (rejected) this.log(`the freight index of ${project} moved while being rebuilt; left it`);
    } catch (err) {
      this.log(`could not write the freight index of ${project}: ${errorMessage(err)}`);
    }
    return { full };
  }
  /**
   * A page of the project's freight, newest first: the index says which are the newest `limit`,
   * and only their tags (and their verifications and approvals) are read. `total` counts every
   * freight; `latest` holds the newest freight of each warehouse in `warehouses` (shards are read
   * further back until each is found). An index that does not match the tags is not used.
   *
   * The tag listing, the slowest read at tens of thousands of freight, runs while the index, its
   * newest shards and the page's freight tags are read: the page is only used once the listing
   * shows the index matches the tags, and is dropped (the tags read instead) when it does not.
   */
  async freightPage(project, opts) {
    const listed = settled(this.listProject(project, false));
    const stored = await settled(this.readIndex(project));
    const early = "value" in stored && stored.value ? this.pageReadAhead(project, stored.value, opts) ?? settled(this.pageOfIndex(stored.value, opts)) : void 0;
    const [listing, earlyPage] = await settleAll([
      listed.then(unwrap),
      early ?? Promise.resolve(void 0)
    ]);
    const checked = await this.checkedIndex(project, listing, unwrap(stored));
    const latestOf = (entries) => {
      const latest = /* @__PURE__ */ new Map();
      for (const e of [...entries].sort(byNewest))
        if (e.createdAt && !latest.has(e.warehouse))
          latest.set(e.warehouse, { id: e.freightId, alias: e.alias, createdAt: e.createdAt });
      return latest;
    };
    if (checked.full) {
      const { snap } = checked.full;
      const page2 = snap.freight.slice(0, opts.limit);
      const ids = new Set(page2.map((f) => f.id));
      return {
        snap: {
          ...snap,
          freight: page2,
          verifications: snap.verifications.filter((v) => ids.has(v.freightId)),
          approvals: snap.approvals.filter((a) => ids.has(a.freightId))
        },
        total: snap.freight.length,
        latest: latestOf(
          snap.freight.map((f) => ({
            createdAt: f.createdAt,
            freightId: f.id,
            tagOid: "",
            warehouse: f.origin.name,
            alias: f.alias
          }))
        )
      };
    }
    const index = checked.index;
    if (!index) return { snap: this.emptySnapshot().snap, total: 0, latest: /* @__PURE__ */ new Map() };
    const { loaded, page, objects } = unwrap(earlyPage);
    return {
      snap: await this.recordsOf(listing, new Set(page.map((e) => e.freightId)), objects),
      total: index.head.count,
      latest: latestOf(loaded)
    };
  }
  /** The page fetchIndexesAhead read for `project` from this very index; once. */
  pageReadAhead(project, index, opts) {
    const pages = this.indexesAhead?.pages;
    const page = pages?.get(project);
    if (!page || page.commit !== index.commit || page.limit !== opts.limit) return void 0;
    if (opts.warehouses?.length) return void 0;
    pages?.delete(project);
    return page.read;
  }
  /**
   * The page `index` names, read before the tag listing says whether the index can be used: the
   * newest shards until the page is full and each warehouse asked about has its newest, and the
   * page's freight tag objects (their IDs are in the index).
   */
  async pageOfIndex(index, opts) {
    const loaded = [];
    const want = new Set(opts.warehouses ?? []);
    for (let end = index.shards.length; end > 0; ) {
      const readable = loaded.filter((e) => e.createdAt).length;
      const seen = new Set(loaded.map((e) => e.warehouse));
      if (readable >= opts.limit && [...want].every((w) => seen.has(w))) break;
      const start = end === index.shards.length ? end - 1 : Math.max(0, end - 4);
      const batch = await this.readShards(
        index,
        index.shards.slice(start, end).map((s) => s.name)
      );
      for (const entries of batch) loaded.push(...entries);
      end = start;
    }
    const page = loaded.filter((e) => e.createdAt).sort(byNewest).slice(0, opts.limit);
    const objects = await this.tagObjects(page.map((e) => ({ oid: e.tagOid })));
    return { loaded, page, objects };
  }
  /**
   * The tags of the freight `ids` from `listing`, newest first, with their verifications and
   * approvals, every alias change (they are few) and the metadata of those freight only.
   */
  async recordsOf(listing, ids, known) {
    const { snap, skip } = this.emptySnapshot();
    const refs = listing.annotatedOf(ids);
    const notes = listing.notes.filter((n) => n.note.kind === "alias" || ids.has(n.note.freightId));
    const rest = [...refs, ...notes].filter((r) => !known?.has(r.oid));
    const objects = rest.length ? new Map([...known ?? [], ...await this.tagObjects(rest, !listing.peeled)]) : known ?? /* @__PURE__ */ new Map();
    await this.readTags(refs, snap, skip, void 0, objects);
    snap.freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
    return this.withNotes(snap, notes, skip, objects);
  }
  /**
   * Which tag objects of `oids` the tag cache lacks; all of them on the first read into a cache
   * this instance created (fetching one that another process fetched meanwhile costs nothing:
   * git skips what it has).
   */
  lackedTags(oids) {
    if (!this.tagCacheNew) return this.missingObjects(this.tagCache, oids);
    return Promise.resolve(oids.filter((o) => !this.tagsFetched.has(o)));
  }
  /**
   * The freight, verifications and approvals a promotion of one named freight decides from, read
   * without every freight tag: the freight index, checked against the tag listing, picks the IDs
   * (`pick`, see ./promote-reads.ts), and only their tags are read, with every alias tag and
   * their metadata tags. undefined when the index is missing or does not match the tags, or
   * `pick` cannot tell: the caller then reads everything (snapshot), as before the index.
   */
  async promotionRecords(project, pick) {
    const [listing, stored] = await settleAll([
      this.listProject(project),
      this.readWholeIndex(project)
    ]);
    if (!stored || !sameHead(stored.head, listing.freightHead)) return void 0;
    const ids = pick(stored.entries, aliasNoteIds(listing));
    return ids && this.recordsOf(listing, ids);
  }
  /**
   * Every entry of the project's freight index, commit and shards in one fetch (the cache's
   * blob:none filter lifted for it); undefined when there is no index.
   */
  async readWholeIndex(project) {
    const index = await this.readIndex(project, { shards: true });
    if (!index) return void 0;
    return { head: index.head, entries: await this.allEntries(index, true) };
  }
  /** Which of `oids` a plain (non-promisor) repository does not have. */
  async missingObjects(repo, oids) {
    const res = await this.git.run(["cat-file", "--buffer", "--batch-check=%(objectname)"], {
      cwd: repo,
      input: oids.join("\n") + "\n"
    });
    return res.stdout.split("\n").filter((l) => l.endsWith(" missing")).map((l) => l.slice(0, l.indexOf(" ")));
  }
  /**
   * Fetches objects by ID in one request; a no-op without network when all are present. With
   * `unknownTypes` (into the tag cache: IDs from a listing without peeled lines), an ID may be a
   * lightweight tag's commit: one commit deep and no trees, so that it cannot pull history in,
   * taken as from a promisor remote for this command only (as fetchRecords does).
   */
  fetchObjects(repo, oids, unknownTypes = false) {
    const specs = stdinOrArgs(oids);
    const bounded = unknownTypes ? ["-c", "remote.origin.promisor=true", "-c", "remote.origin.partialclonefilter=tree:0"] : [];
    const exclusive = (fn) => unknownTypes ? withDirLock(shallowLock(repo), fn, {
      recover: () => rm(join3(repo, "shallow.lock"), { force: true })
    }) : fn();
    return retry(
      () => exclusive(
        () => this.git.run(
          [
            ...bounded,
            "-c",
            "fetch.negotiationAlgorithm=noop",
            "fetch",
            "-q",
            "origin",
            "--no-tags",
            "--no-write-fetch-head",
            "--recurse-submodules=no",
            // The branch cache is a partial clone; the tag cache holds whole objects.
            ...repo === this.cache ? ["--filter=blob:none"] : [],
            ...unknownTypes ? ["--depth=1", "--filter=tree:0"] : [],
            ...specs.args
          ],
          { cwd: repo, ...specs.input }
        )
      ),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks
    );
  }
  /** Reads whole objects through one `cat-file --batch` (sizes are bytes, so parse bytes). */
  async readObjects(repo, oids) {
    const res = await this.git.run(["cat-file", "--buffer", "--batch"], {
      cwd: repo,
      input: oids.join("\n") + "\n"
    });
    const bytes = res.stdoutBytes;
    const out = /* @__PURE__ */ new Map();
    let pos = 0;
    for (const oid of oids) {
      const nl = bytes.indexOf(10, pos);
      const [, type = "missing", size = "0"] = bytes.subarray(pos, nl).toString("latin1").split(" ");
      if (type === "missing") {
        pos = nl + 1;
        continue;
      }
      const n = parseInt(size, 10);
      out.set(oid, { type, body: bytes.subarray(nl + 1, nl + 1 + n) });
      pos = nl + 1 + n + 1;
    }
    return out;
  }
  /**
   * Objects named by revisions (`<ref>`, `<ref>^{tree}`), in that order, through one
   * `cat-file --batch`: undefined for a name that resolves to nothing.
   */
  async readRevs(repo, revs) {
    const res = await this.git.run(["cat-file", "--batch"], {
      cwd: repo,
      input: revs.join("\n") + "\n"
    });
    const bytes = res.stdoutBytes;
    const out = [];
    let pos = 0;
    for (let i = 0; i < revs.length; i++) {
      const nl = bytes.indexOf(10, pos);
      if (nl < 0) break;
      const [oid = "", type = "missing", size = "0"] = bytes.subarray(pos, nl).toString("latin1").split(" ");
      if (type === "missing" || type === "ambiguous") {
        out.push(void 0);
        pos = nl + 1;
        continue;
      }
      const n = parseInt(size, 10);
      out.push({ oid, type, body: bytes.subarray(nl + 1, nl + 1 + n) });
      pos = nl + 1 + n + 1;
    }
    return out;
  }
  /** The branches `stages` deploy from, each once; a stage without one uses the default branch. */
  async stageBranches(stages) {
    const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : "";
    return [...new Set(stages.map((s) => s.branch ?? def))];
  }
  /** The commit a branch points at now (fetched without blobs, one commit deep). */
  async branchTip(branch) {
    const b = branch ?? await this.defaultBranch();
    return this.inCache(async () => {
      const tip = (await this.fetchTips([b])).get(b);
      if (!tip) throw new OperationError(`branch ${b} does not exist in ${this.opts.remote.url}`);
      return tip;
    });
  }
  /**
   * The remote's tips of `branches` now, by one `ls-remote` (nothing fetched): a check whether
   * anything was committed to them since an earlier read. A branch the remote lacks is absent.
   */
  async remoteTips(branches) {
    const unique = [...new Set(branches)];
    const res = await retry(
      () => this.git.run([
        "ls-remote",
        "--heads",
        this.opts.remote.url,
        ...unique.map((b) => `refs/heads/${b}`)
      ]),
      isTransient,
      READ_RETRY(this.policy),
      this.opts.retryHooks
    );
    const tips = /* @__PURE__ */ new Map();
    for (const line of res.stdout.split("\n")) {
      const [oid, ref] = line.split("	");
      const branch = ref?.replace(/^refs\/heads\//, "");
      if (oid && branch && unique.includes(branch)) tips.set(branch, oid);
    }
    return tips;
  }
  /**
   * stageStates read from the remote's tips now, not from the tips this store read before (a
   * check right before a write, after other writers may have moved them).
   */
  async stageStatesNow(project, stages) {
    for (const b of await this.stageBranches(stages)) this.tipMemo.delete(b);
    return this.stageStates(project, stages);
  }
  /** The state file of each stage at the tip of its branch (undefined: never promoted). */
  async stageStates(project, stages, alsoFetch = []) {
    const def = stages.some((s) => !s.branch) ? await this.defaultBranch() : "";
    const branchOf = (s) => s.branch ?? def;
    const branches = [...stages.map(branchOf), ...alsoFetch];
    const known = branches.every((br) => this.tipMemo.has(br)) && stages.every(
      (st) => this.knownBlob(`${this.tipMemo.get(branchOf(st))}:${stateFilePath(project, st.name)}`)
    );
    const read = async () => {
      const tips = await this.fetchTips(
        [...stages.map(branchOf), ...alsoFetch],
        true,
        offersNoHaves(this.cache) ? [stateRefspec(project)] : []
      );
      const specs = stages.map((s) => {
        const tip = tips.get(branchOf(s));
        return tip ? `${tip}:${stateFilePath(project, s.name)}` : void 0;
      });
      const present = specs.filter((x) => x !== void 0);
      return { specs, blobs: await this.readBlobs(present) };
    };
    const files = known ? await read() : await this.inCache(read);
    const out = /* @__PURE__ */ new Map();
    stages.forEach((s, i) => {
      const spec = files.specs[i];
      const text = spec === void 0 ? void 0 : files.blobs.get(spec);
      out.set(
        s.name,
        text === void 0 ? void 0 : parseStageState(text, `${branchOf(s)}:${stateFilePath(project, s.name)}`)
      );
    });
    return out;
  }
  /**
   * Project files (`.gantry/*.yaml`) at the tip of a branch, for remotes with no local checkout;
   * `dir` reads another directory's YAML files the same way (`.github/workflows`), and with
   * `recursive` those of its subdirectories too (Kargo's manifests). `only` names one project:
   * only its file (`<only>.yaml` or `.yml`) and its stages' state files are fetched and read, so
   * that a matrix job's read does not grow with the other projects of the repository.
   */
  async projectFiles(branch, dir = ".gantry", recursive = false, only) {
    const b = branch ?? await this.defaultBranch();
    let handOut;
    const early = new Promise((resolve2) => handOut = resolve2);
    const locked = this.inCache(async () => {
      const tip = (await this.fetchTips([b])).get(b);
      const withStates = dir === PROJECT_DIR && !recursive;
      const own = only === void 0 || !withStates ? void 0 : only;
      const ahead = this.indexesAhead;
      const indexes = ahead?.fetched && withStates && ahead.objects.size === 0 ? [...ahead.commits.values()].flatMap((c) => [c, `${c}^{tree}`]) : [];
      const indexesRead = ahead?.page && indexes.length ? settled(this.readRevs(this.cache, indexes)) : void 0;
      const viewed = withStates && !this.recordsAhead ? this.recordsAheadFor : void 0;
      const refStates = viewed ? this.stateRefsAhead : void 0;
      const refBlobs = refStates?.size ? settled(this.readObjects(this.cache, [...new Set(refStates.values())])) : void 0;
      const args = ["ls-tree", "-z", ...recursive || withStates ? ["-r"] : [], `${tip}:${dir}`];
      const ls = await this.git.tryRun(args, { cwd: this.cache });
      if (ls.exitCode !== 0) {
        await refBlobs;
        if (/not a valid object name|not a tree object/i.test(ls.stderr)) return [];
        throw this.git.error(args, ls);
      }
      const files = [];
      const blobs = /* @__PURE__ */ new Map();
      const states = [];
      for (const entry of ls.stdout.split("\0").filter(Boolean)) {
        const m = /^\d+ (\w+) ([0-9a-f]{40,64})\t(.*)$/s.exec(entry);
        const [, type, oid, name] = m ?? [];
        if (!name || !/\.ya?ml$/.test(name)) continue;
        if (withStates && name.includes("/")) {
          if (own !== void 0 && !name.startsWith(`state/${own}/`)) continue;
          if (type === "blob" && oid && STATE_FILE.test(name)) states.push(`${dir}/${name}`);
          if (type === "blob" && oid) blobs.set(`${dir}/${name}`, oid);
          continue;
        }
        if (own !== void 0 && name !== `${own}.yaml` && name !== `${own}.yml`) continue;
        files.push(`${dir}/${name}`);
        if (type === "blob" && oid) blobs.set(`${dir}/${name}`, oid);
      }
      const early2 = /* @__PURE__ */ new Map();
      const blobsRead = refBlobs && await refBlobs;
      if (refStates && blobsRead && "value" in blobsRead)
        for (const f of states) {
          const oid = blobs.get(f);
          const o = oid === void 0 ? void 0 : blobsRead.value.get(oid);
          if (o?.type === "blob" && refStates.get(f) === oid) early2.set(f, o.body.toString("utf8"));
        }
      const ofView = states.filter((f) => (viewed?.project ?? f.split("/")[2]) === f.split("/")[2]);
      const recordsEarly = early2.size && ofView.every((f) => early2.has(f)) ? recordsOfStates(viewed?.project, ofView, early2) : void 0;
      const fetchedEarly = recordsEarly && settled(this.fetchRecords(recordsEarly.names, recordsEarly.notePrefixes));
      const prefetch = withStates && states.length <= PREFETCH_STATES;
      const wanted = [...files, ...prefetch ? states.filter((f) => !early2.has(f)) : []];
      const pages = indexesRead && ahead ? this.pagesToRead(ahead, await indexesRead) : [];
      const texts = await this.readBlobIds(
        tip,
        new Map(wanted.flatMap((f) => blobs.has(f) ? [[f, blobs.get(f)]] : [])),
        indexes.length && ahead && !indexesRead ? { revs: indexes, into: ahead.objects } : void 0,
        pages.flatMap((p) => p.index.shards.slice(-1).map((sh) => sh.oid))
      ).catch(async (err) => {
        await fetchedEarly;
        throw err;
      });
      for (const { project, index, limit } of pages)
        ahead?.pages.set(project, {
          commit: index.commit,
          limit,
          read: settled(this.pageOfIndex(index, { limit }))
        });
      for (const [f, text] of early2) {
        texts.set(f, text);
        this.blobMemo.set(`${tip}:${f}`, text);
      }
      if (prefetch && states.every((f) => texts.has(f)))
        this.statesRead.add(own === void 0 ? tip : `${tip}:${own}`);
      const out = files.map((file) => ({ file, text: texts.get(file) ?? "" }));
      const records = recordsEarly ?? (prefetch && this.recordsAheadFor && !this.recordsAhead ? recordsOfStates(this.recordsAheadFor.project, states, texts) : void 0);
      if (records) {
        const fetched = fetchedEarly || settled(this.fetchRecords(records.names, records.notePrefixes));
        const done = fetched.then((r) => locked.then(() => unwrap(r)));
        done.catch(() => void 0);
        this.recordsAhead = { ...records, fetched: done, used: /* @__PURE__ */ new Set() };
        handOut?.(out);
        await fetched;
      }
      return out;
    });
    return Promise.race([early, locked]);
  }
  /**
   * The newest `limit` promotions of a project on the given branches, from commit trailers. Fetches
   * commit objects only (no trees), deepening until enough promotions are found or history ends,
   * so the cost follows `limit`, not the length of history.
   */
  async promotions(project, branches, limit = 20) {
    return (await this.promotionHistory(project, branches, { limit })).records;
  }
  /**
   * promotions, and how far back they are known: `horizon` (when some history was left unread:
   * a branch read to `maxDepth` commits, or to `limit` promotions, without reaching its root, or
   * promotions beyond `limit`) is the time of the oldest commit read there; a promotion at or
   * before it may be missing.
   */
  async promotionHistory(project, branches, opts) {
    const { limit } = opts;
    const clamp = opts.maxDepth ?? Infinity;
    const maxDepth = opts.maxDepth ?? MAX_HISTORY_DEPTH;
    const unique = [...new Set(branches.length ? branches : [await this.defaultBranch()])];
    return this.inCache(async () => {
      const tips = await this.fetchTips(unique, true);
      const found = /* @__PURE__ */ new Map();
      let horizon;
      const later = (t) => {
        if (t && (horizon === void 0 || t > horizon)) horizon = t;
      };
      for (const branch of unique.filter((b) => tips.has(b))) {
        for (let depth = Math.min(
          clamp,
          Math.max(64, 4 ** Math.ceil(Math.log(limit * 4) / Math.log(4)))
        ); ; depth = Math.min(clamp, depth * 4)) {
          await this.fetch([
            `--depth=${depth}`,
            "--filter=tree:0",
            `+refs/heads/${branch}:${tipRef(branch)}`
          ]);
          const res = await this.git.run(
            ["log", `--max-count=${depth}`, "--format=%H%x00%ct%x00%B%x00", tipRef(branch)],
            { cwd: this.cache }
          );
          const records2 = res.stdout.split("\0\n").filter(Boolean);
          let count = 0;
          for (const rec of records2) {
            const p = parsePromotionCommit(rec, branch);
            if (p?.project === project) {
              found.set(p.commit, p);
              count++;
            }
          }
          const reachedRoot = records2.length < depth;
          if (reachedRoot) break;
          if (count >= limit || depth >= maxDepth) {
            const oldest = Number(records2.at(-1)?.split("\0")[1]);
            later(Number.isFinite(oldest) ? new Date(oldest * 1e3).toISOString() : void 0);
            break;
          }
        }
      }
      const sorted = [...found.values()].sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
      later(sorted[limit]?.promotedAt);
      const records = sorted.slice(0, limit);
      return horizon === void 0 ? { records } : { records, horizon };
    });
  }
  // ---- writes ---------------------------------------------------------------------------------
  /** Writes the annotated tag object of `ref` into the cache (no ref): ready to push. */
  makeTag(ref, message, when) {
    const name = stateRefName(ref);
    const identity = this.opts.identity ?? DEFAULT_IDENTITY;
    const seconds = Math.floor(when.getTime() / 1e3);
    return this.inCache(async () => {
      await this.git.run(["mktree"], { cwd: this.cache, input: "" });
      const body = `object ${EMPTY_TREE}
type tree
tag ${name.replace(/^refs\/tags\//, "")}
tagger ${identity.name} <${identity.email}> ${seconds} +0000

${message}`;
      return (await this.git.run(["mktag"], { cwd: this.cache, input: body })).stdout.trim();
    });
  }
  /**
   * Records a state tag. Tags are immutable: if it exists, nothing changes and `created` is false
   * (two writers racing for the same freight both succeed, one of them as a no-op).
   */
  async writeTag(ref, message, when) {
    const name = stateRefName(ref);
    const tagObject = await this.makeTag(ref, message, when);
    return retry(
      async () => {
        const res = await this.git.tryRun(
          ["push", "--porcelain", this.opts.remote.url, `${tagObject}:${name}`],
          {
            cwd: this.cache
          }
        );
        if (res.exitCode === 0) return { created: !/^=\t/m.test(res.stdout), ref: name };
        const seen = await this.git.tryRun(["ls-remote", this.opts.remote.url, name], {
          cwd: this.cache
        });
        if (seen.exitCode === 0 && seen.stdout.includes(`	${name}`))
          return { created: false, ref: name };
        throw this.git.error(
          ["push", "--porcelain", this.opts.remote.url, `${tagObject}:${name}`],
          res
        );
      },
      isTransient,
      this.policy,
      this.opts.retryHooks
    );
  }
  /**
   * Records a freight: its tag and the index entry that lists it, in one atomic push, so the index
   * never lists a tag that is not there nor misses one gantry wrote. A lost race for the index
   * (another freight of the project recorded at the same moment) reads it again and retries.
   */
  recordFreight(project, freight) {
    const before = this.freightWrites.get(project) ?? Promise.resolve();
    const mine = before.then(
      () => this.recordFreightNow(project, freight),
      () => this.recordFreightNow(project, freight)
    );
    this.freightWrites.set(
      project,
      mine.catch(() => void 0)
    );
    return mine;
  }
  async recordFreightNow(project, freight) {
    const ref = { kind: "freight", project, freightId: freight.id };
    const name = stateRefName(ref);
    const tagObject = await this.makeTag(
      ref,
      serializeFreight(freight),
      new Date(freight.createdAt)
    );
    const entry = {
      createdAt: freight.createdAt,
      freightId: freight.id,
      tagOid: tagObject,
      warehouse: freight.origin.name,
      alias: freight.alias
    };
    const policy = this.opts.raceRetry ?? this.opts.retry ?? DEFAULT_RACE_RETRY;
    const attempt = async () => {
      const index = await this.readIndex(project);
      const last = index?.shards[index.shards.length - 1];
      const lastEntries = last && index ? (await this.readShards(index, [last.name]))[0] ?? [] : [];
      const listed = lastEntries.some((e) => e.freightId === freight.id);
      const refspecs = [`${tagObject}:${name}`];
      if (!listed) {
        const shards = new Map(
          (index?.shards ?? []).map((s) => [s.name, { oid: s.oid }])
        );
        const line = formatEntry(entry) + "\n";
        if (last && lastEntries.length < SHARD_LINES)
          shards.set(last.name, {
            text: lastEntries.map((e) => formatEntry(e) + "\n").join("") + line
          });
        else shards.set(shardName(index?.shards.length ?? 0), { text: line });
        const head = index ? { count: index.head.count + 1, xor: xorOids([tagObject], index.head.xor) } : headOf([tagObject]);
        const commit = await this.makeIndexCommit(
          project,
          shards,
          head,
          index?.commit,
          `+ ${freight.alias} (${freight.id.slice(0, 7)})`
        );
        refspecs.push(`${commit}:${freightIndexRef(project)}`);
      }
      const { rejected, porcelain } = await this.pushAtomic(refspecs);
      if (!rejected) return { created: !/^=\t/m.test(porcelain), ref: name };
      const seen = await this.git.tryRun(["ls-remote", this.opts.remote.url, name], {
        cwd: this.cache
      });
      if (seen.exitCode === 0 && seen.stdout.includes(`	${name}`))
        return { created: false, ref: name };
      this.log(`the freight index of ${project} moved while recording ${freight.alias}`);
      throw new IndexRaceError(`could not record freight ${freight.alias}: ${rejected}`);
    };
    return retry(attempt, (e) => e instanceof IndexRaceError, policy, this.opts.retryHooks);
  }
  /**
   * Deletes freight (`ids`) with every tag of the project that names it as its last segment
   * (verifications, approvals, and records of kinds added later) or as its note's freight, and
   * rewrites the index without them. Deletes only what the plan saw: it refuses, deleting nothing,
   * when the index does not match the tags read for the plan (`plan.head`: a freight was recorded
   * or deleted), or when a tag of a doomed freight is new or names another object than the plan's
   * `plan.tags` (an approval, a verification, a note made meanwhile). Each tag is deleted with a
   * lease on the object the plan saw, in the same atomic push as the index, so one that changes
   * after this check stays too and the push is refused.
   *
   * The pushes go in batches of PUSH_BATCH refs, each atomic with the index without its freight:
   * a refusal after the first leaves the earlier batches deleted and says so. `guard` is asked
   * right before each push which of the freight the plan's rules keep now (a promotion made
   * meanwhile): any aborts. After the last push (or a refusal) it is asked once more, and the
   * tags listed again: a deleted freight a stage started running in between, or that a record
   * written in between names (an approval whose writer read the freight before it went), comes
   * back (same tags, same objects, and its index line).
   */
  async deleteFreight(project, ids, plan, guard) {
    if (!ids.length) return { deleted: [], restored: [] };
    const gone = new Set(ids);
    const prefix = projectRefPrefix(project);
    const [ls, index] = await settleAll([
      this.lsRemoteTags(prefix, true, { cwd: this.cache }),
      this.readIndex(project)
    ]);
    if (!index || !sameHead(index.head, plan.head))
      throw new OperationError(
        `the freight of ${project} changed while planning the prune (or its index is missing); nothing was deleted; run it again`
      );
    const listed = listedTags(ls, prefix);
    const freightOf = recordFreightId;
    const tags = [...listed.keys()].filter((n) => gone.has(freightOf(n)));
    const unplanned = tags.filter((n) => plan.tags.get(n)?.oid !== listed.get(n)?.oid);
    if (unplanned.length)
      throw new OperationError(
        `the freight of ${project} changed while planning the prune: ${unplanned.length} tag${unplanned.length === 1 ? "" : "s"} of freight it would delete ${unplanned.length === 1 ? "is" : "are"} new or changed (${unplanned.slice(0, 3).map((n) => n.replace(/^refs\/tags\//, "")).join(", ")}${unplanned.length > 3 ? ", \u2026" : ""}); nothing was deleted; run it again`
      );
    const oidOf = (n) => listed.get(n)?.oid ?? "";
    const shards = new Map(
      (await this.readShards(
        index,
        index.shards.map((sh) => sh.name)
      )).map((entries, i) => [index.shards[i]?.name ?? "", entries])
    );
    const byFreight = /* @__PURE__ */ new Map();
    for (const t of tags) {
      const id = freightOf(t);
      byFreight.set(id, [...byFreight.get(id) ?? [], t]);
    }
    const keepable = tags.filter((n) => listed.get(n)?.annotated);
    if (keepable.length)
      await this.inCache(() => this.fetchObjects(this.cache, [...new Set(keepable.map(oidOf))]));
    const order = [...byFreight.keys()];
    const rewritten = /* @__PURE__ */ new Set();
    const removed = /* @__PURE__ */ new Map();
    let parent = index.commit;
    let head = index.head;
    const deleted = [];
    const deletedIds = [];
    for (let i = 0; i < order.length; ) {
      const batch = [];
      let refs = 0;
      while (i < order.length) {
        const n = byFreight.get(order[i])?.length ?? 0;
        if (batch.length && refs + n > PUSH_BATCH) break;
        batch.push(order[i]);
        refs += n;
        i++;
      }
      const out = new Set(batch);
      if (guard) {
        const kept = [...await guard.protectedNow(out)].filter((id) => out.has(id));
        if (kept.length) {
          const restored2 = await this.restoreRunning(project, deletedIds, removed, listed, guard);
          throw new OperationError(
            `the freight of ${project} changed while pruning: a stage runs or ran ${kept.length} of the freight it would delete since the plan was made (${kept.map((id) => id.slice(0, 7)).join(", ")}); ${deleted.length ? `${deleted.length} tags were deleted${restored2.length ? ` (${restored2.length} of their freight pushed back since: a stage runs them)` : ""}, the rest were not` : "nothing was deleted"}; run it again`
          );
        }
      }
      const removedOids = [];
      for (const [name, entries] of shards) {
        const left = entries.filter((e) => !out.has(e.freightId));
        if (left.length === entries.length) continue;
        for (const e of entries)
          if (out.has(e.freightId)) {
            removedOids.push(e.tagOid);
            removed.set(e.freightId, e);
          }
        shards.set(name, left);
        rewritten.add(name);
      }
      head = { count: head.count - removedOids.length, xor: xorOids(removedOids, head.xor) };
      const tree = /* @__PURE__ */ new Map();
      for (const sh of index.shards) {
        const now = shards.get(sh.name) ?? [];
        if (!now.length) continue;
        tree.set(
          sh.name,
          rewritten.has(sh.name) ? { text: now.map((e) => formatEntry(e) + "\n").join("") } : { oid: sh.oid }
        );
      }
      const commit = await this.makeIndexCommit(
        project,
        tree,
        head,
        parent,
        `pruned ${removedOids.length} freight`
      );
      const batchTags = batch.flatMap((id) => byFreight.get(id) ?? []);
      const { rejected, porcelain } = await this.pushAtomic(
        [...batchTags.map((t) => `:${t}`), `${commit}:${freightIndexRef(project)}`],
        batchTags.map((t) => `--force-with-lease=${t}:${oidOf(t)}`)
      );
      if (rejected) {
        const refused = porcelain.split("\n").filter((l) => l.startsWith("!") && !/atomic push failed/.test(l)).map((l) => l.split("	").slice(1).join(" ").replace("refs/tags/", ""));
        const restored2 = await this.restoreRunning(project, deletedIds, removed, listed, guard);
        throw new OperationError(
          `the freight of ${project} changed while pruning (${deleted.length ? `${deleted.length} tags were deleted${restored2.length ? ` (${restored2.length} of their freight pushed back since: a stage runs them)` : ""}, the rest were not` : "nothing was deleted"}); run it again: ${refused.length ? `refused ${refused.slice(0, 3).join(", ")}${refused.length > 3 ? `, and ${refused.length - 3} more` : ""}` : rejected}`
        );
      }
      deleted.push(...batchTags);
      deletedIds.push(...batch);
      parent = commit;
    }
    let restored;
    try {
      restored = await this.restoreRunning(project, deletedIds, removed, listed, guard);
    } catch (err) {
      throw new OperationError(
        `deleted ${deleted.length} tags of ${project}'s freight, then could not check whether a stage started running one of them meanwhile (or push it back): ${errorMessage(err)}`
      );
    }
    const back = new Set(restored);
    return {
      deleted: deleted.filter((t) => !back.has(freightOf(t))).map((t) => t.replace(/^refs\/tags\//, "")),
      restored
    };
  }
  /**
   * Of the freight `ids` just deleted, pushes back those the plan's rules keep now (`guard`: a
   * promotion that landed between the last check and the push runs one) and those a tag written
   * since names (an approval, a verification, an alias). Their tags come back
   * under the same names at the same objects (fetched into the cache before the delete), with
   * their index lines, in one atomic push; an index that moved meanwhile is read again. Returns
   * the freight restored.
   */
  async restoreRunning(project, ids, removed, listed, guard) {
    if (!ids.length) return [];
    const wanted = new Set(ids);
    const prefix = projectRefPrefix(project);
    const [protectedNow, ls] = await settleAll([
      guard ? guard.protectedNow(wanted) : Promise.resolve(/* @__PURE__ */ new Set()),
      this.lsRemoteTags(prefix, false, { cwd: this.cache })
    ]);
    const again = new Set([...protectedNow].filter((id) => wanted.has(id)));
    for (const name of listedTags(ls, prefix).keys())
      if (wanted.has(recordFreightId(name))) again.add(recordFreightId(name));
    if (!again.size) return [];
    const back = [...again];
    const refspecs = [];
    const lost = [];
    for (const [name, t] of listed) {
      if (!again.has(recordFreightId(name))) continue;
      if (t.annotated) refspecs.push(`${t.oid}:${name}`);
      else lost.push(name.replace(/^refs\/tags\//, ""));
    }
    if (lost.length)
      this.log(`could not restore lightweight tags (gantry never wrote them): ${lost.join(", ")}`);
    for (let attempt = 1; ; attempt++) {
      const index = await this.readIndex(project, { shards: true });
      const entries = await this.allEntries(index, true);
      const present = new Set(entries.map((e) => e.freightId));
      for (const id of back) {
        const e = removed.get(id);
        if (e && !present.has(id)) entries.push(e);
      }
      const commit = await this.makeFullIndex(
        project,
        entries,
        index?.commit,
        `restored ${back.length} freight a stage ran during a prune`
      );
      const { rejected } = await this.pushAtomic([
        ...refspecs,
        `${commit}:${freightIndexRef(project)}`
      ]);
      if (!rejected) {
        this.log(
          `kept ${back.length} freight of ${project} a stage started running, or a record named, during the prune: ${back.map((id) => id.slice(0, 7)).join(", ")}`
        );
        return back;
      }
      if (attempt >= 5)
        throw new OperationError(
          `the prune of ${project} deleted freight a stage now runs (${back.join(", ")}) and could not push them back: ${rejected}; push their tags back (git push origin <oid>:<tag>) from a clone that has them`
        );
    }
  }
  /**
   * Every freight of the project as the index lists it (no tag objects read), checked against the
   * tags as `freightPage` does. `head` and `tags` (every tag of the project, name to object) are
   * what a later deleteFreight expects to find.
   */
  async freightEntries(project) {
    const [raw, stored] = await settleAll([this.listProjectText(project), this.readIndex(project)]);
    const listing = parseListing(raw.text, project, raw.peeled);
    const tags = listedTags(raw.text, projectRefPrefix(project));
    const checked = await this.checkedIndex(project, listing, stored);
    const freightRefs = freightRefsOf(listing);
    const head = listing.freightHead;
    const { snap, skip } = this.emptySnapshot();
    await this.readTags(
      listing.annotated.filter((r) => r.ref.kind === "approved"),
      snap,
      skip
    );
    if (checked.full) return { entries: indexEntries(checked.full, freightRefs), head, tags, snap };
    const entries = await this.allEntries(checked.index);
    return { entries, head, tags, snap };
  }
  async recordVerification(r) {
    return this.writeTag(
      { kind: "verified", project: r.project, stage: r.stage, freightId: r.freightId },
      serializeVerification(r),
      new Date(r.verifiedAt)
    );
  }
  async recordApproval(r) {
    return this.writeTag(
      { kind: "approved", project: r.project, stage: r.stage, freightId: r.freightId },
      serializeApproval(r),
      new Date(r.approvedAt)
    );
  }
  /**
   * Records aliases and metadata of freight (src/state/freight-notes.ts): each a new tag, named
   * uniquely so that nothing is overwritten, all of them in one atomic push (all land or none).
   * Returns the tags' names.
   */
  async recordNotes(notes) {
    if (!notes.length) return [];
    const identity = this.opts.identity ?? DEFAULT_IDENTITY;
    const tags = await this.inCache(async () => {
      await this.git.run(["mktree"], { cwd: this.cache, input: "" });
      const out = [];
      for (const note of notes) {
        const at = new Date(note.record.recordedAt);
        const name = noteRefName(note, noteStamp(at));
        const body = `object ${EMPTY_TREE}
type tree
tag ${name.replace(/^refs\/tags\//, "")}
tagger ${identity.name} <${identity.email}> ${Math.floor(at.getTime() / 1e3)} +0000

${serializeNote(note)}`;
        const oid = (await this.git.run(["mktag"], { cwd: this.cache, input: body })).stdout.trim();
        out.push({ name, oid });
      }
      return out;
    });
    const args = [
      "push",
      "--atomic",
      "--porcelain",
      this.opts.remote.url,
      ...tags.map((t) => `${t.oid}:${t.name}`)
    ];
    await retry(
      // A retry after a push that landed but reported a network error finds the same objects
      // there already (`=`): success.
      () => this.git.run(args, { cwd: this.cache }),
      isTransient,
      this.policy,
      this.opts.retryHooks
    );
    return tags.map((t) => t.name.replace(/^refs\/tags\//, ""));
  }
  /**
   * Commits a promotion to the stage's branch: see src/state/transaction.ts, which holds the
   * write transaction apart from the reads above.
   */
  commitPromotion(w, opened) {
    return commitPromotion(
      { ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() },
      w,
      opened
    );
  }
  /** The checkout of a commitPromotion of `w`, opened while other reads go on (transaction.ts). */
  async openCheckout(w) {
    const plan = checkoutPlan(w, w.branch ?? await this.defaultBranch());
    return openCheckout(
      { ...this.workspaceHost(), defaultBranch: () => this.defaultBranch() },
      plan
    );
  }
  /**
   * What a promotion that runs Kargo's git steps in its own workspace (src/promotion/workspace.ts)
   * uses of the store: the git runner with the GitOps remote's credentials, a fresh scratch
   * directory (killed promotions' leftovers swept first), and the store's retry policies.
   */
  workspaceHost() {
    return {
      git: this.git,
      remoteUrl: this.opts.remote.url,
      gitOptions: {
        baseEnv: this.opts.baseEnv,
        identity: this.opts.identity ?? DEFAULT_IDENTITY,
        ...this.opts.gitTimeoutMs !== void 0 ? { timeoutMs: this.opts.gitTimeoutMs } : {},
        ...this.opts.trace ? { trace: this.opts.trace } : {}
      },
      seed: (branch) => {
        const tip = this.tipMemo.get(branch);
        return tip ? { tip, objects: join3(this.cache, "objects") } : void 0;
      },
      seeds: () => this.tipMemo.size ? { tips: new Map(this.tipMemo), objects: join3(this.cache, "objects") } : void 0,
      scratch: async () => {
        this.tipMemo.clear();
        await mkdir2(this.opts.cacheDir, { recursive: true });
        const swept = await sweepCheckouts(this.opts.cacheDir).catch(() => []);
        if (swept.length)
          this.log(
            `removed ${swept.length} checkout(s) left by killed promotions: ${swept.join(", ")}`
          );
        return makeCheckout(this.opts.cacheDir);
      },
      racePolicy: this.opts.raceRetry ?? this.opts.retry ?? DEFAULT_RACE_RETRY,
      transientTries: this.policy.attempts,
      ...this.opts.retryHooks ? { retryHooks: this.opts.retryHooks } : {},
      isTransient,
      now: this.now,
      log: this.log
    };
  }
  // ---- the promotion of named freight (src/promotion/promote.ts, `gantry promote --freight`) ---
  // Added for the promote path (h/promote4): the reads of a promotion of one named freight ride on
  // the fetch that names the default branch instead of listing every tag and fetching the freight
  // index on their own.
  /** What promoteNamedAhead asked the HEAD fetch for, and what that fetch brought. */
  namedAhead;
  /**
   * Has the fetch that names the default branch (the first read of a command) also list the
   * project's tags, bring its freight index (commit and tree; the shards come with the next blob
   * fetch, the project files') and the tags of freight `ref` when it is a full ID (the freight's,
   * its verifications' and approvals'): everything namedPromotionRecords reads for a promotion of
   * freight the newest of its warehouse. The listing is the fetch's own: in protocol v2 the server
   * lists every ref under the prefix a refspec pattern names, `refs/tags/gantry/<project>/*<id>`
   * names the whole project while matching only that freight's tags, and git's packet trace shows
   * the list. Once per command, before the first read. The fetch starts now: the promise resolves
   * once its git process has started (or the fetch failed: the first read that needs the branch
   * reports that), so that the caller loads the rest of the promotion's code while it runs.
   */
  promoteNamedAhead(project, ref) {
    const id = ref.trim().toLowerCase();
    const full = /^[0-9a-f]{40}$/.test(id) ? id : void 0;
    const suffix = full ?? NAMED_NONE;
    let started = () => void 0;
    const spawned = new Promise((resolve2) => started = resolve2);
    const local = `${NAMED_PREFIX}${encodeURIComponent(project)}/`;
    this.namedAhead = {
      project,
      ...full ? { fetchedId: full } : {},
      refspecs: [
        `+${projectRefPrefix(project)}*${suffix}:${local}*${suffix}`,
        // A pattern: a project without an index must not fail the fetch.
        `+${freightIndexRef(project)}*:${namedIndexRef(project)}*`
      ],
      shardsTaken: false,
      used: false,
      started
    };
    this.defaultBranchName ??= this.resolveDefaultBranch();
    this.defaultBranchName.catch(() => void 0).finally(started);
    return spawned;
  }
  /**
   * Reads the HEAD fetch's packet trace for what promoteNamedAhead asked: the project's tags as
   * the server listed them, and its freight index when the fetch brought it (its commit and tree
   * read now, so that the shards' blobs join the next blob fetch). Leaves both unset when the trace
   * does not show a v2 listing of the project (an old server): the promotion then lists the tags.
   */
  async takeNamedListing(named, trace) {
    const prefix = projectRefPrefix(named.project);
    if (!trace.includes(`ref-prefix ${prefix}
`)) return;
    const indexName = freightIndexRef(named.project);
    const listed = /* @__PURE__ */ new Map();
    let indexOid;
    for (const m of trace.matchAll(/[<>] ([0-9a-f]{40}) (refs\/\S+)([^\n]*)/g)) {
      const [, oid = "", name = "", rest = ""] = m;
      if (name === indexName) indexOid = oid;
      if (!name.startsWith(prefix) || listed.has(name)) continue;
      const peeled = / peeled:([0-9a-f]{40})/.exec(rest)?.[1];
      listed.set(name, { oid, ...peeled ? { peeled } : {} });
    }
    const names = [...listed.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    const text = names.map((n) => {
      const { oid, peeled } = listed.get(n);
      return `${oid}	${n}
${peeled ? `${peeled}	${n}^{}
` : ""}`;
    }).join("");
    named.listing = parseListing(text, named.project);
    this.ahead ??= {
      project: named.project,
      stdout: Promise.resolve(text),
      used: /* @__PURE__ */ new Set(),
      peeled: true
    };
    if (!indexOid) return;
    const local = namedIndexRef(named.project);
    const [commit, tree] = await this.readRevs(this.cache, [local, `${local}^{tree}`]);
    if (commit?.oid !== indexOid || commit.type !== "commit" || tree?.type !== "tree") return;
    const index = indexStateOf(commit.oid, commit.body, tree.body);
    if (index) named.index = index;
  }
  /**
   * What the read of the blobs the shards were fetched with reads too: the shards, and the named
   * freight's tags (the HEAD fetch brought them). Kept for namedPromotionRecords: no process of its
   * own to read them.
   */
  namedObjectsAhead(shards) {
    const named = this.namedAhead;
    if (!named?.listing || !shards.length) return [];
    const mine = named.fetchedId ? named.listing.annotatedOf(/* @__PURE__ */ new Set([named.fetchedId])) : [];
    named.objects = /* @__PURE__ */ new Map();
    return [...shards, ...new Set(mine.map((r) => r.oid))];
  }
  keepNamedObjects(objects) {
    const kept = this.namedAhead?.objects;
    if (!kept || kept.size) return;
    for (const [oid, o] of objects) kept.set(oid, o);
  }
  /** The index shards the next blob fetch brings along (once; see takeNamedListing). */
  namedShardsAhead() {
    const named = this.namedAhead;
    if (!named?.index || named.shardsTaken) return [];
    named.shardsTaken = true;
    return named.index.shards.map((sh) => sh.oid);
  }
  /**
   * promotionRecords from what the HEAD fetch brought (promoteNamedAhead): the listing and the
   * index checked against it, the named freight's tags read from the cache, other freight's tags
   * (the newer ones the rollback rule asks about) fetched by ID. Without that data (not asked for,
   * an old server, no index yet) it is promotionRecords itself. undefined as there: the index does
   * not match the tags, or `pick` cannot tell.
   */
  async namedPromotionRecords(project, pick) {
    const named = this.namedAhead;
    if (named && !named.listing && this.defaultBranchName)
      await this.defaultBranchName.catch(() => void 0);
    if (named?.project !== project || named.used || !named.listing || !named.index)
      return this.promotionRecords(project, pick);
    named.used = true;
    const { listing, index } = named;
    if (!sameHead(index.head, listing.freightHead)) return void 0;
    const mine = named.fetchedId ? listing.annotatedOf(/* @__PURE__ */ new Set([named.fetchedId])) : [];
    const wanted = [...index.shards.map((sh) => sh.oid), ...new Set(mine.map((r) => r.oid))];
    const kept = named.objects;
    const cached = kept && wanted.every((oid) => kept.has(oid)) ? kept : await this.inCache(() => this.readObjects(this.cache, wanted));
    const entries = index.shards.flatMap(
      (sh) => shardEntries(index, sh.name, cached.get(sh.oid)?.body.toString("utf8"))
    );
    const ids = pick(entries, aliasNoteIds(listing));
    if (!ids) return void 0;
    if (this.ahead?.project === project) this.ahead.used.add(project);
    return this.recordsOf(listing, ids, cached);
  }
};
var tipRef = (branch) => `refs/gantry-tips/${encodeURIComponent(branch)}`;
var PROJECT_DIR = ".gantry";
var STATE_FILE = /^state\/[^/]+\/[^/]+\.yaml$/;
var PREFETCH_STATES = 500;
var HEAD_TIP = "refs/gantry-head";
var MAX_HISTORY_DEPTH = 4096;
var READ_RETRY = (p) => ({ ...p, attempts: Math.min(p.attempts, 4) });
function parseRawDiff(text) {
  const fields = text.split("\0");
  const out = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, mode = "", , oid = "", status = ""] = (fields[i] ?? "").slice(1).split(" ");
    out.push({ mode, oid, status: status.charAt(0), path: fields[i + 1] ?? "" });
  }
  return out;
}
function sameOrigin(a, b) {
  return a.kind === b.kind && a.name === b.name;
}
function isTransient(err) {
  return err instanceof GitError && (err.kind === "network" || err.kind === "timeout");
}
function tagMessage2(body) {
  const text = body.toString("utf8");
  const i = text.indexOf("\n\n");
  return i < 0 ? "" : text.slice(i + 2);
}
function checkRecord(r, ref, where) {
  if (r.project !== ref.project || r.stage !== ref.stage || r.freightId !== ref.freightId) {
    throw new OperationError(
      `unreadable tag ${where}: its document names ${r.project}/${r.stage}/${r.freightId}, not the tag's own`
    );
  }
  return r;
}
function stageChange(w, previous) {
  const before = previous?.freight.find((f) => sameOrigin(f.origin, w.freight.origin));
  return { before, changes: versionChanges(before, w.freight) };
}
function nextStageState(w, previous, now) {
  return {
    project: w.project,
    stage: w.stage,
    freight: [
      ...previous?.freight.filter((f) => !sameOrigin(f.origin, w.freight.origin)) ?? [],
      toStageFreight(w.freight)
    ].sort((a, b) => a.origin.name.localeCompare(b.origin.name)),
    promotedAt: now.toISOString(),
    promotedBy: w.promotedBy,
    approvedBy: w.approvedBy ?? [],
    run: w.run,
    autoPromotionHold: w.autoPromotionHold === void 0 ? previous?.autoPromotionHold : w.autoPromotionHold ?? void 0,
    ...nextStageMetadata(previous, w.stageMetadata?.())
  };
}
function metadataChanged(previous, next) {
  return JSON.stringify(previous?.metadata ?? {}) !== JSON.stringify(next.metadata ?? {});
}
function promotionMessage(w, changes, editLines, heading) {
  const one = (v) => v.replace(/[\r\n]+/g, " ").trim();
  const lines = heading?.trim() ? [
    ...heading.trim().split(/\r?\n/).map((l) => l.trimEnd()),
    ""
  ] : [`promote(${w.project}/${w.stage}): ${one(w.freight.alias)}`, ""];
  lines.push(
    `Freight ${one(w.freight.alias)} (${w.freight.id.slice(0, 7)}) from warehouse ${w.freight.origin.name}.`
  );
  if (changes.length) {
    lines.push("");
    for (const c of changes) lines.push(`- ${one(formatChange(c))}`);
  }
  if (editLines.length) {
    lines.push("");
    for (const l of editLines) lines.push(one(l));
  }
  lines.push("");
  lines.push(`${TRAILER.project}: ${w.project}`);
  lines.push(`${TRAILER.stage}: ${w.stage}`);
  lines.push(`${TRAILER.freight}: ${w.freight.id}`);
  lines.push(`${TRAILER.alias}: ${one(w.freight.alias)}`);
  lines.push(`${TRAILER.warehouse}: ${w.freight.origin.name}`);
  lines.push(`${TRAILER.promotedBy}: ${one(w.promotedBy)}`);
  if (w.run) lines.push(`${TRAILER.run}: ${one(w.run)}`);
  for (const a of w.approvedBy ?? []) lines.push(`${TRAILER.approvedBy}: ${one(a)}`);
  return lines.join("\n") + "\n";
}
function parsePromotionCommit(record, branch) {
  const [sha = "", date = "", body = ""] = record.replace(/^\n+/, "").split("\0");
  if (!body.includes(`${TRAILER.stage}: `)) return void 0;
  const trailers = /* @__PURE__ */ new Map();
  const paragraphs = body.trimEnd().split(/\n\s*\n/);
  for (const line of (paragraphs[paragraphs.length - 1] ?? "").split("\n")) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== void 0)
      trailers.set(m[1], [...trailers.get(m[1]) ?? [], m[2].trim()]);
  }
  const one = (k) => trailers.get(k)?.[0];
  const project = one(TRAILER.project);
  const stage = one(TRAILER.stage);
  const freightId = one(TRAILER.freight);
  if (!project || !stage || !freightId) return void 0;
  return {
    project,
    stage,
    branch,
    freightId,
    alias: one(TRAILER.alias) ?? freightId.slice(0, 7),
    ...one(TRAILER.warehouse) ? { warehouse: one(TRAILER.warehouse) } : {},
    commit: sha,
    // Committer time as epoch seconds (%ct), shown in UTC: sorting the committers' own offsets
    // as text would put a Tokyo laptop's older promotion after a UTC runner's newer one.
    promotedAt: /^\d+$/.test(date) ? new Date(Number(date) * 1e3).toISOString() : date,
    promotedBy: one(TRAILER.promotedBy) ?? "",
    approvedBy: trailers.get(TRAILER.approvedBy) ?? [],
    run: one(TRAILER.run),
    subject: body.split("\n")[0] ?? ""
  };
}
function indexStateOf(commit, message, tree) {
  const head = parseHeadMessage(tagMessage2(message));
  if (!head) return void 0;
  const shards = treeEntries(tree).filter((e) => e.mode !== "40000" && e.mode !== "160000" && /^\d+$/.test(e.name)).map((e) => ({ name: e.name, oid: e.oid }));
  shards.sort((a, b) => compareText(a.name, b.name));
  return { commit, head, shards };
}
function shardEntries(index, name, text) {
  const commit = index.commit.slice(0, 7);
  if (text === void 0)
    throw new OperationError(`freight index ${commit}: shard ${name} is missing`);
  return parseShard(text, `${commit}:${name}`);
}
function aliasNoteIds(listing) {
  return listing.notes.filter((n) => n.note.kind === "alias").map((n) => n.note.freightId);
}
function unwrap(s) {
  if ("error" in s) throw s.error;
  return s.value;
}
var IndexRaceError = class extends OperationError {
};
function stdinOrArgs(specs) {
  const size = specs.reduce((n, sp) => n + sp.length + 1, 0);
  return size <= ARGS_BYTES ? { args: ["--", ...specs] } : { args: ["--stdin"], input: { input: specs.map((sp) => `${sp}
`).join("") } };
}
var ARGS_BYTES = 24 * 1024;
var shallowLock = (repo) => `${repo}-shallow`;
var PUSH_BATCH = 500;
function recordFreightId(name) {
  return parseNoteRef(name)?.freightId ?? name.slice(name.lastIndexOf("/") + 1);
}
function listedTags(text, prefix) {
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const tab = line.indexOf("	");
    if (tab < 0) continue;
    const name = line.slice(tab + 1);
    if (!name.startsWith(prefix)) continue;
    if (name.endsWith("^{}")) {
      const tag = out.get(name.slice(0, -3));
      if (tag) tag.annotated = true;
    } else out.set(name, { oid: line.slice(0, tab), annotated: false });
  }
  return out;
}
var NAMED_PREFIX = "refs/gantry-named/";
var NAMED_NONE = "/none";
var namedIndexRef = (project) => `${NAMED_PREFIX}${encodeURIComponent(project)}-freight-index`;
var PEEK_PREFIX = "refs/gantry-peek/";
function offersNoHaves(dir) {
  let packed = "";
  try {
    packed = readFileSync(join3(dir, "packed-refs"), "utf8");
  } catch {
  }
  if (packed.split("\n").some((l) => l !== "" && !l.startsWith("#"))) return false;
  const anyFile = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => e.isFile() || e.isDirectory() && anyFile(join3(d, e.name)));
  };
  return !anyFile(join3(dir, "refs"));
}
var STATE_LOCAL = "refs/gantry-state/";
var stateRefspec = (project) => {
  const pattern = stageStateRefs(project);
  return `+${pattern}:${pattern.replace(/^refs\/gantry\//, STATE_LOCAL)}`;
};
function recordsOfStates(project, files, texts) {
  const byProject = /* @__PURE__ */ new Map();
  for (const file of files) {
    const [, , p, name] = file.split("/");
    const text = texts.get(file);
    if (!p || !name || text === void 0 || project !== void 0 && p !== project) continue;
    try {
      const states = byProject.get(p) ?? /* @__PURE__ */ new Map();
      states.set(name.replace(/\.yaml$/, ""), parseStageState(text, file));
      byProject.set(p, states);
    } catch {
      continue;
    }
  }
  const wanted = { names: /* @__PURE__ */ new Set(), notePrefixes: /* @__PURE__ */ new Set() };
  for (const [p, states] of byProject) recordNames(p, states, wanted);
  return wanted.names.size ? wanted : void 0;
}
function recordNames(project, states, into = { names: /* @__PURE__ */ new Set(), notePrefixes: /* @__PURE__ */ new Set() }) {
  const { names, notePrefixes } = into;
  notePrefixes.add(`${projectRefPrefix(project)}alias/`);
  for (const [stage, st] of states) {
    for (const f of st?.freight ?? []) {
      notePrefixes.add(`${projectRefPrefix(project)}metadata/${f.id}/`);
      names.add(stateRefName({ kind: "freight", project, freightId: f.id }));
      names.add(stateRefName({ kind: "verified", project, stage, freightId: f.id }));
      names.add(stateRefName({ kind: "approved", project, stage, freightId: f.id }));
    }
  }
  return into;
}
function freightRefsOf(listing) {
  return listing.refs.filter((r) => r.ref.kind === "freight");
}
function indexEntries(full, freightRefs) {
  const byId = new Map(full.snap.freight.map((f) => [f.id, f]));
  return freightRefs.map((r) => {
    const f = full.freightOids.get(r.ref.freightId) === r.oid ? byId.get(r.ref.freightId) : void 0;
    return {
      createdAt: f?.createdAt ?? "",
      freightId: r.ref.freightId,
      tagOid: r.oid,
      warehouse: f?.origin.name ?? "",
      alias: f?.alias ?? ""
    };
  });
}
function parseListing(text, project, peeled = true) {
  const prefix = projectRefPrefix(project);
  const freightPrefix = `${prefix}freight/`;
  const freightName = freightPrefix.length + 40;
  const others = [];
  const othersAnnotated = [];
  const freight = [];
  let freightAnnotated = [];
  const notes = [];
  const lightweightNotes = [];
  let last;
  let lastNote;
  let lastLine = -1;
  let lastLength = -1;
  let lastIsFreight = false;
  const acc = new Uint32Array(5);
  const words = new Uint32Array(5);
  let count = 0;
  const freightLine = 41 + freightName;
  const idAt = freightPrefix.length + 41;
  for (let pos = 0; pos < text.length; ) {
    const fe = pos + freightLine;
    if ((fe === text.length || text.charCodeAt(fe) === 10) && text.charCodeAt(pos + 40) === 9 && text.startsWith(freightPrefix, pos + 41) && isHex40(text, pos + idAt) && hexWords(text, pos, words)) {
      if (lastNote) lightweightNotes.push(lastNote.name);
      last = void 0;
      lastNote = void 0;
      lastLine = pos;
      lastLength = freightName;
      lastIsFreight = true;
      freight.push(pos);
      for (let w = 0; w < 5; w++) acc[w] = acc[w] ^ words[w];
      count++;
      pos = fe + 1;
      continue;
    }
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const tab = pos + 40;
    const at = tab + 1;
    if (text.charCodeAt(tab) === 9 && text.startsWith(prefix, at)) {
      if (peeled && text.charCodeAt(end - 1) === 125 && text.charCodeAt(end - 2) === 123 && text.charCodeAt(end - 3) === 94) {
        const len = end - 3 - at;
        const peels = lastLength === len && sameText(text, lastLine + 41, at, len);
        if (peels && lastIsFreight) freightAnnotated.push(lastLine);
        else if (peels && last) othersAnnotated.push({ at: lastLine, ref: last });
        if (lastNote && peels) notes.push(lastNote);
        else if (lastNote) lightweightNotes.push(lastNote.name);
        last = void 0;
        lastNote = void 0;
        lastIsFreight = false;
        lastLength = -1;
      } else {
        if (lastNote) lightweightNotes.push(lastNote.name);
        last = void 0;
        lastNote = void 0;
        lastLine = pos;
        lastLength = end - at;
        lastIsFreight = lastLength === freightName && text.startsWith(freightPrefix, at) && isHex40(text, at + freightPrefix.length) && hexWords(text, pos, words);
        if (lastIsFreight) {
          freight.push(pos);
          for (let w = 0; w < 5; w++) acc[w] = acc[w] ^ words[w];
          count++;
        } else {
          const name = text.slice(at, end);
          const ref = parseStateRef(name);
          if (ref?.project === project) {
            last = { name, oid: text.slice(pos, tab), ref };
            others.push({ at: pos, ref: last });
            if (!peeled) othersAnnotated.push({ at: pos, ref: last });
          }
          const note = ref ? void 0 : parseNoteRef(name);
          if (note?.project === project) {
            const listed = { name, oid: text.slice(pos, tab), note };
            if (peeled) lastNote = listed;
            else notes.push(listed);
          }
          if (!last && !lastNote) lastLength = -1;
        }
      }
    }
    pos = end + 1;
  }
  if (lastNote) lightweightNotes.push(lastNote.name);
  if (!peeled) freightAnnotated = freight;
  const xor = [...acc].map((w) => w.toString(16).padStart(8, "0")).join("");
  const made = /* @__PURE__ */ new Map();
  const freightRef = (line) => {
    let ref = made.get(line);
    if (!ref) {
      const name = text.slice(line + 41, line + 41 + freightName);
      ref = {
        name,
        oid: text.slice(line, line + 40),
        ref: { kind: "freight", project, freightId: name.slice(freightPrefix.length) }
      };
      made.set(line, ref);
    }
    return ref;
  };
  const merged = (lines, rest) => {
    const out = [];
    let j = 0;
    for (const line of lines) {
      for (let r = rest[j]; r && r.at < line; r = rest[++j]) out.push(r.ref);
      out.push(freightRef(line));
    }
    for (const r of rest.slice(j)) out.push(r.ref);
    return out;
  };
  let refs;
  let annotated;
  return {
    get refs() {
      return refs ??= merged(freight, others);
    },
    get annotated() {
      return annotated ??= merged(freightAnnotated, othersAnnotated);
    },
    annotatedOf: (ids) => {
      const hits = new Uint8Array(65536);
      for (const id of ids) {
        const k = hex4(id, 0);
        if (k >= 0) hits[k] = 1;
      }
      return merged(
        freightAnnotated.filter((line) => {
          const k = hex4(text, line + idAt);
          return k >= 0 && hits[k] === 1 && ids.has(text.slice(line + idAt, line + idAt + 40));
        }),
        othersAnnotated.filter((r) => ids.has(r.ref.ref.freightId))
      );
    },
    notes,
    lightweightNotes,
    freightHead: { count, xor },
    peeled
  };
}
function sameText(s, a, b, len) {
  for (let i = len - 1; i >= 0; i--) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}
var HEX = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) t[97 + i] = 10 + i;
  return t;
})();
function hexDigit(c) {
  return c < 128 ? HEX[c] : -1;
}
function hex4(s, at) {
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const d = hexDigit(s.charCodeAt(i));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}
function isHex40(s, at) {
  for (let i = at; i < at + 40; i++) if (hexDigit(s.charCodeAt(i)) < 0) return false;
  return true;
}
function hexWords(s, at, out) {
  for (let w = 0; w < 5; w++) {
    let v = 0;
    for (let i = at + w * 8; i < at + w * 8 + 8; i++) {
      const d = hexDigit(s.charCodeAt(i));
      if (d < 0) return false;
      v = v * 16 + d;
    }
    out[w] = v;
  }
  return true;
}
function treeEntries(body) {
  const out = [];
  for (let pos = 0; pos < body.length; ) {
    const space = body.indexOf(32, pos);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > body.length) break;
    out.push({
      mode: body.subarray(pos, space).toString("latin1"),
      name: body.subarray(space + 1, nul).toString("utf8"),
      oid: body.subarray(nul + 1, nul + 21).toString("hex")
    });
    pos = nul + 21;
  }
  return out;
}

export {
  tableCell,
  markdownText,
  mdTable,
  formatChange,
  changesTable,
  compareText,
  settleAll,
  settled,
  looseRef,
  stateFilePath,
  serializeStageState,
  parseStageState,
  mergeMetadata,
  RaceLostError,
  PUSH_RACE,
  pushRaceLost,
  StateStore,
  MAX_HISTORY_DEPTH,
  stageChange,
  nextStageState,
  metadataChanged,
  promotionMessage
};
