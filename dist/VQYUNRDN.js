import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  dispatchPromotion
} from "./XRG2AIG3.js";
import {
  discover
} from "./T4V6IIFZ.js";
import {
  table
} from "./WIC3XBMV.js";
import {
  NotFoundError,
  registryClientFor
} from "./623JK2D2.js";
import {
  parseImageRepository,
  repositoryName
} from "./ITB33UA7.js";
import {
  mdTable,
  tableCell
} from "./W4ICZBQF.js";
import {
  Git
} from "./HLO4W42S.js";
import {
  parseRemote
} from "./J4XWRISY.js";
import {
  parseConstraint
} from "./3CCVSSJR.js";
import {
  tracedFetch
} from "./HSUCJ5W4.js";
import {
  compareVersionsDesc,
  parseVersion
} from "./KKJNXGQK.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/discovery/report.ts
var MAX_CANDIDATES = 5;
function candidates(list) {
  if (!list.length) return "-";
  const shown = list.slice(0, MAX_CANDIDATES).join(", ");
  return list.length > MAX_CANDIDATES ? `${shown}, \u2026 (${list.length})` : shown;
}
function freightState(f) {
  if (!f.recorded) return "not recorded";
  return f.new ? "new" : "recorded before";
}
var repo = (s) => s.name ? `${s.repoURL} (${s.name})` : s.repoURL;
function discoverText(run) {
  const out = [];
  for (const r of run.results) {
    for (const w of r.warehouses) {
      out.push(`${r.project}/${w.name}${w.freightCreationPolicy === "Manual" ? " (Manual)" : ""}`);
      out.push(
        table(
          ["KIND", "REPOSITORY", "STRATEGY", "SELECTED", "CANDIDATES"],
          w.subscriptions.map((s) => [
            s.kind,
            repo(s),
            s.strategy,
            s.selected ?? (s.error ? "error" : "-"),
            candidates(s.candidates)
          ])
        ).trimEnd()
      );
      if (w.freight) {
        out.push(
          `freight ${w.freight.alias} (${w.freight.id.slice(0, 7)}) ${freightState(w.freight)}`
        );
      }
      if (w.note) out.push(w.note);
      out.push("");
    }
    const due = r.dryRun ? "would be due" : "due";
    for (const p of r.promotions) {
      out.push(
        `${due}: promote ${p.alias} (${p.freight.slice(0, 7)}) into ${r.project}/${p.stage}`
      );
    }
    for (const s of r.skipped) out.push(`skipped: ${r.project}/${s.stage}: ${s.reason}`);
  }
  for (const d of run.dispatched) {
    out.push(
      d.error ? `dispatch failed: ${d.workflow} for ${d.stage}: ${d.error}` : `dispatched: ${d.workflow} stage=${d.stage} freight=${d.alias}`
    );
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}
function discoverMarkdown(run, opts) {
  const md = [`## gantry discover${opts.dryRun ? " (dry run)" : ""}`, ""];
  for (const r of run.results) {
    for (const w of r.warehouses) {
      md.push(`### ${r.project} / ${w.name}`, "");
      md.push(
        ...mdTable(
          ["subscription", "strategy", "selected", "candidates"],
          w.subscriptions.map((s) => [
            `${s.kind} \`${repo(s)}\``,
            s.strategy,
            s.selected ? `\`${s.selected}\`` : s.error ? `:x: ${s.error}` : "\u2014",
            candidates(s.candidates)
          ])
        ),
        ""
      );
      if (w.freight) {
        const f = w.freight;
        const label = f.new && f.recorded ? "**New freight**" : "Freight";
        md.push(`${label} **${f.alias}** (\`${f.id.slice(0, 7)}\`): ${freightState(f)}.`);
      }
      if (w.note) md.push("", `_${tableCell(w.note)}_`);
      md.push("");
    }
    if (r.promotions.length || r.skipped.length) {
      const rows = [];
      for (const p of r.promotions) {
        const d = run.dispatched.find(
          (x) => x.project === p.project && x.stage === p.stage && x.freight === p.freight
        );
        const status = d ? d.error ? `:x: ${d.error}` : `started \`${d.workflow}\`` : opts.dryRun ? "would be due" : "due";
        rows.push([p.stage, `**${p.alias}** (\`${p.freight.slice(0, 7)}\`)`, status]);
      }
      for (const s of r.skipped) rows.push([s.stage, "\u2014", `skipped: ${s.reason}`]);
      md.push("#### Auto-promotions", "", ...mdTable(["stage", "freight", ""], rows), "");
    }
  }
  return md.join("\n");
}

// src/discovery/run.ts
async function runDiscover(o) {
  const projects = o.warehouse ? o.projects.filter((p) => p.warehouses.some((w) => w.name === o.warehouse)) : o.projects;
  if (o.warehouse && !projects.length) {
    throw new ConfigError(`no project has a warehouse named ${o.warehouse}`);
  }
  const results = [];
  for (const project of projects) {
    results.push(
      await discover({
        project,
        warehouses: o.warehouse ? [o.warehouse] : void 0,
        store: o.store,
        sources: o.sources,
        dryRun: o.dryRun,
        clock: o.clock,
        createdBy: o.createdBy,
        log: o.log
      })
    );
  }
  const dispatched = [];
  if (o.dispatch && !o.dryRun) {
    for (const p of results.flatMap((r) => r.promotions)) {
      const report = { ...p, workflow: o.dispatch.workflow };
      const error = await dispatchPromotion(o.dispatch, p);
      if (error === void 0) {
        o.log.info(`started ${o.dispatch.workflow} for ${p.stage} with ${p.alias}`);
      } else {
        report.error = error;
        o.log.warn(`could not start ${o.dispatch.workflow} for ${p.stage}: ${error}`);
      }
      dispatched.push(report);
    }
  }
  return { results, dispatched };
}
function promotionsMatrix(results, dryRun) {
  return { include: dryRun ? [] : results.flatMap((r) => r.promotions) };
}
function runFailures(run) {
  return [
    ...run.results.flatMap(
      (r) => r.warehouses.flatMap(
        (w) => w.subscriptions.filter((x) => x.error).map((x) => `subscription failed: ${r.project}/${w.name}: ${x.repoURL}: ${x.error}`)
      )
    ),
    ...run.dispatched.filter((d) => d.error).map((d) => `could not start ${d.workflow} for ${d.stage}: ${d.error}`)
  ];
}

// src/discovery/images.ts
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/discovery/image-select.ts
var ALL_TAGS = { matches: () => true };
function filterTags(tags, filter) {
  return tags.filter((t) => filter.matches(t));
}
function semverMatcher(opts) {
  const constraint = opts.constraint ? parseConstraint(opts.constraint) : null;
  const parse = (tag) => {
    if (!opts.filter.matches(tag)) return null;
    const v = parseVersion(tag, opts.strictSemvers);
    if (!v) return null;
    return !constraint || constraint.matches(v.version) ? v : null;
  };
  return { parse, matches: (tag) => parse(tag) !== null };
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortLexicalTags(tags) {
  return [...tags].sort((a, b) => compareStrings(b, a));
}
function sortNewestBuild(images) {
  const time = (i) => {
    const t = i.createdAt ? Date.parse(i.createdAt) : NaN;
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...images].sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return tb > ta ? 1 : -1;
    return compareStrings(b.tag, a.tag);
  });
}
function parsePlatform(s) {
  const parts = s.split("/");
  if (parts.length < 2) throw new Error(`error parsing platform constraint ${JSON.stringify(s)}`);
  const [os = "", arch = "", ...rest] = parts;
  return { os, arch, variant: rest.join("/") };
}
function platformMatches(p, os, arch, variant) {
  return p.os === os && p.arch === arch && p.variant === (variant ?? "");
}
function mergeAnnotations(base, platforms, constraint) {
  const out = base ? { ...base } : void 0;
  if (!constraint) return out;
  const p = platforms.find((e) => platformMatches(constraint, e.os, e.arch, e.variant));
  if (!p) return out;
  return { ...out ?? {}, ...p.annotations ?? {} };
}

// src/discovery/images.ts
var PLATFORM_PROBE_EXTRA = 20;
var NEWEST_BUILD_READS_PER_RUN = 1e4;
var CREATED_KEYS = ["org.opencontainers.image.created", "org.label-schema.build-date"];
var RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function parseTime(value) {
  if (typeof value !== "string" || !RFC3339.test(value)) return void 0;
  const t = Date.parse(value);
  if (Number.isNaN(t) || t <= Date.parse("0001-01-02T00:00:00Z")) return void 0;
  return new Date(t).toISOString();
}
function createdFrom(sources) {
  for (const source of sources) {
    if (!source) continue;
    for (const key of CREATED_KEYS) {
      const t = parseTime(source[key]);
      if (t) return t;
    }
  }
  return void 0;
}
function newest(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
var Inspector = class {
  constructor(client, repo2) {
    this.client = client;
    this.repo = repo2;
  }
  client;
  repo;
  byDigest = /* @__PURE__ */ new Map();
  /** Images described by earlier runs, by digest (a new tag for a known digest costs one GET). */
  known = /* @__PURE__ */ new Map();
  config(digest) {
    let p = this.byDigest.get(digest);
    if (!p) {
      p = this.client.getBlob(this.repo, digest).then((bytes) => {
        let cfg;
        try {
          cfg = JSON.parse(bytes.toString("utf8"));
        } catch {
          return {};
        }
        const facts = {};
        const labels = cfg.config?.Labels;
        const created = createdFrom([labels ?? void 0]) ?? parseTime(cfg.created);
        if (created) facts.createdAt = created;
        if (typeof cfg.os === "string" && typeof cfg.architecture === "string") {
          facts.platform = {
            os: cfg.os,
            arch: cfg.architecture,
            ...typeof cfg.variant === "string" && cfg.variant !== "" && { variant: cfg.variant }
          };
        }
        return facts;
      });
      this.byDigest.set(digest, p);
    }
    return p;
  }
  /** Build time of a platform manifest (by digest, once per run). */
  child(digest) {
    const key = `manifest:${digest}`;
    let p = this.byDigest.get(key);
    if (!p) {
      p = this.client.getManifest(this.repo, digest).then(async (m) => {
        if (m.kind !== "manifest") return {};
        const fromAnnotations = createdFrom([m.manifest.annotations]);
        if (fromAnnotations) return { createdAt: fromAnnotations };
        return this.config(m.manifest.config.digest);
      });
      this.byDigest.set(key, p);
    }
    return p;
  }
  /**
   * Describe a tag. The digest recorded for a multi-platform image is the index digest, even with
   * a platform filter: that is what Kargo records (pkg/image/repository_client.go,
   * getImageFromV1ImageIndex returns the index digest and uses the platforms only to decide
   * whether the image matches), and it keeps `repo@digest` pullable on every platform, so the
   * freight names the same artifact the tag did.
   *
   * `created`: compute the build time (for an index, the newest of its platform images, as
   * Kargo does: an index cannot be older than what it references). `platform`: learn the
   * platform of a single-platform image from its config.
   */
  async inspect(reference, want) {
    const m = await this.client.getManifest(this.repo, reference);
    const known = this.known.get(m.digest);
    if (known && (!want.created || known.createdAt) && (!want.platform || known.platforms))
      return known;
    if (m.kind === "index") {
      const entries = m.index.manifests.filter(
        (d) => d.platform && d.platform.os !== "" && d.platform.os !== "unknown" && d.platform.architecture !== "" && d.platform.architecture !== "unknown"
      );
      if (entries.length === 0) {
        throw new Error(
          `${repositoryName(this.repo)}:${reference} is an index without platform images (an artifact index?); image subscriptions need images`
        );
      }
      const info2 = {
        digest: m.digest,
        platforms: entries.map((d) => ({
          os: d.platform?.os ?? "",
          arch: d.platform?.architecture ?? "",
          ...d.platform?.variant && { variant: d.platform.variant },
          ...d.annotations && { annotations: d.annotations }
        }))
      };
      if (m.index.annotations) info2.annotations = m.index.annotations;
      if (want.created) {
        const times = await Promise.all(entries.map((d) => this.child(d.digest)));
        const createdAt = times.reduce(
          (acc, f) => newest(acc, f.createdAt),
          void 0
        );
        if (createdAt) info2.createdAt = createdAt;
      }
      return info2;
    }
    const info = { digest: m.digest };
    if (m.manifest.annotations) info.annotations = m.manifest.annotations;
    const fromAnnotations = createdFrom([m.manifest.annotations]);
    if (want.platform || want.created && !fromAnnotations) {
      const facts = await this.config(m.manifest.config.digest);
      if (facts.platform) info.platforms = [facts.platform];
      const createdAt = fromAnnotations ?? facts.createdAt;
      if (want.created && createdAt) info.createdAt = createdAt;
    } else if (fromAnnotations) {
      info.createdAt = fromAnnotations;
    }
    return info;
  }
};
var PLAIN_STRICT = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
var PLAIN_LOOSE = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?$/;
var hasPre = (t) => (t.parsed?.version.prerelease.length ?? 0) > 0;
function newerFirst(a, b) {
  if (a.parsed && b.parsed) return compareVersionsDesc(a.parsed, b.parsed);
  const main = Math.sign(b.major - a.major) || Math.sign(b.minor - a.minor) || Math.sign(b.patch - a.patch);
  if (main !== 0) return main;
  const aPre = hasPre(a);
  if (aPre !== hasPre(b)) return aPre ? 1 : -1;
  return a.original < b.original ? 1 : a.original > b.original ? -1 : 0;
}
function newestVersions(tags, keep, o) {
  const plain = o.strict ? PLAIN_STRICT : PLAIN_LOOSE;
  const best = [];
  let matching = 0;
  const all = keep >= tags.length;
  for (let i = tags.length - 1; i >= 0; i--) {
    const tag = tags[i];
    let ranked;
    const m = o.plainFastPath ? plain.exec(tag) : null;
    if (m) {
      if (!o.filter.matches(tag)) continue;
      const major = Number(m[1]);
      const minor = m[2] === void 0 ? 0 : Number(m[2]);
      const patch = m[3] === void 0 ? 0 : Number(m[3]);
      if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) continue;
      if (!Number.isSafeInteger(patch)) continue;
      const worst = best.length >= keep && !all ? best[best.length - 1] : void 0;
      if (worst && (worst.major > major || worst.major === major && (worst.minor > minor || worst.minor === minor && worst.patch > patch))) {
        matching++;
        continue;
      }
      ranked = { major, minor, patch, original: tag };
    } else {
      const parsed = o.matcher.parse(tag);
      if (!parsed) continue;
      const v = parsed.version;
      ranked = { major: v.major, minor: v.minor, patch: v.patch, parsed, original: tag };
    }
    matching++;
    if (all) {
      best.push(ranked);
      continue;
    }
    if (best.length >= keep && newerFirst(ranked, best[best.length - 1]) >= 0)
      continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (newerFirst(best[mid], ranked) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, ranked);
    if (best.length > keep) best.pop();
  }
  if (all) best.sort(newerFirst);
  return { ordered: best.map((t) => t.original), matching };
}
function matchesPlatform(info, pc) {
  if (!pc) return true;
  return (info.platforms ?? []).some((p) => platformMatches(pc, p.os, p.arch, p.variant));
}
function toDiscovered(tag, info, pc) {
  const out = { tag, digest: info.digest };
  if (info.createdAt) out.createdAt = info.createdAt;
  const annotations = mergeAnnotations(info.annotations, info.platforms ?? [], pc);
  if (annotations && Object.keys(annotations).length > 0) out.annotations = annotations;
  return out;
}
function configError(sub, err) {
  return new ConfigError(`image subscription ${sub.repoURL}: ${err.message}`);
}
async function discoverImages(sub, client, settings) {
  const repo2 = parseImageRepository(sub.repoURL, {
    insecureSkipTLSVerify: sub.insecureSkipTLSVerify
  });
  let pc;
  let filter = ALL_TAGS;
  const regexes = sub.allowTagsRegexes.length > 0 || sub.ignoreTagsRegexes.length > 0;
  const filters = regexes ? await import("./OPFIO4CE.js") : void 0;
  try {
    pc = sub.platform ? parsePlatform(sub.platform) : void 0;
    if (filters) filter = filters.compileTagFilter(sub.allowTagsRegexes, sub.ignoreTagsRegexes);
  } catch (err) {
    throw configError(sub, err);
  }
  const inspector = new Inspector(client, repo2);
  const parallel = Math.max(1, settings.concurrencyPerRegistry) * 2;
  const limitOf = (n) => sub.discoveryLimit > 0 ? Math.min(sub.discoveryLimit, n) : n;
  if (sub.imageSelectionStrategy === "Digest") {
    const tag = sub.constraint;
    if (!tag)
      throw configError(
        sub,
        new Error("the Digest strategy needs `constraint`: the tag to follow")
      );
    try {
      if (!pc) return [{ tag, digest: (await client.resolveDigest(repo2, tag)).digest }];
      const info = await inspector.inspect(tag, { created: false, platform: true });
      return matchesPlatform(info, pc) ? [toDiscovered(tag, info, pc)] : [];
    } catch (err) {
      if (err instanceof NotFoundError) {
        settings.log.warn(`${repositoryName(repo2)}: tag ${tag} not found`);
        return [];
      }
      throw err;
    }
  }
  const tags = await listTags(client, repo2, settings);
  if (sub.imageSelectionStrategy === "SemVer" || sub.imageSelectionStrategy === "Lexical") {
    let ordered;
    let matching;
    if (sub.imageSelectionStrategy === "SemVer") {
      let matcher;
      try {
        matcher = semverMatcher({
          filter,
          constraint: sub.constraint,
          strictSemvers: sub.strictSemvers
        });
      } catch (err) {
        throw configError(sub, err);
      }
      const keep = sub.discoveryLimit > 0 ? sub.discoveryLimit + (pc ? PLATFORM_PROBE_EXTRA : 0) : Number.POSITIVE_INFINITY;
      ({ ordered, matching } = newestVersions(tags, keep, {
        filter,
        matcher,
        strict: sub.strictSemvers,
        plainFastPath: !sub.constraint
      }));
    } else {
      ordered = sortLexicalTags(filterTags(tags, filter));
      matching = ordered.length;
    }
    const limit = limitOf(matching);
    const budget = Math.min(matching, limit + (pc ? PLATFORM_PROBE_EXTRA : 0));
    const wanted = settings.resolveAllCandidates ? limit : Math.min(1, limit);
    const out = [];
    let next = 0;
    const examine = async (tag) => {
      try {
        if (!pc) return { tag, digest: (await client.resolveDigest(repo2, tag)).digest };
        const info = await inspector.inspect(tag, { created: false, platform: true });
        return matchesPlatform(info, pc) ? toDiscovered(tag, info, pc) : null;
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    };
    while (out.length < wanted && next < budget) {
      const batch = ordered.slice(next, next + Math.min(wanted - out.length, budget - next));
      next += batch.length;
      const found = await mapLimit(batch, parallel, examine);
      for (const image of found) if (image) out.push(image);
    }
    if (out.length === 0 && next > 0) {
      settings.log.warn(
        `${repositoryName(repo2)}: none of the newest ${next} of ${matching} matching tags ${pc ? `has an image for platform ${sub.platform ?? ""}` : "resolves to an image"}; discovery examines at most discoveryLimit (${limit})${pc ? ` + ${PLATFORM_PROBE_EXTRA}` : ""} tags per run: raise discoveryLimit or narrow allowTagsRegexes`
      );
      return out;
    }
    if (!settings.resolveAllCandidates) {
      for (const tag of ordered.slice(next, next + Math.max(0, limit - out.length)))
        out.push({ tag });
    }
    return out;
  }
  return newestBuild(
    sub,
    client,
    repo2,
    inspector,
    filterTags(tags, filter),
    tags,
    pc,
    settings,
    parallel
  );
}
async function listTags(client, repo2, settings) {
  let lastPages = 0;
  const started = Date.now();
  const tags = await client.listTags(repo2, (count, pages) => {
    lastPages = pages;
    if (pages % 20 === 0)
      settings.log.info(`${repositoryName(repo2)}: ${count} tags so far (${pages} pages)`);
  });
  if (lastPages > 1) {
    settings.log.info(
      `${repositoryName(repo2)}: ${tags.length} tags in ${lastPages} pages (${Date.now() - started} ms)`
    );
  }
  return tags;
}
function cachePath(cacheDir, repo2, createHash) {
  const name = repositoryName(repo2);
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 16);
  return join(cacheDir, "images", `${name.replace(/[^A-Za-z0-9._-]+/g, "_")}-${hash}.json`);
}
function readCache(path, repo2, settings) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  try {
    const doc = JSON.parse(text);
    if (doc.version === 1 && doc.repository === repositoryName(repo2) && typeof doc.tags === "object")
      return doc;
  } catch {
  }
  settings.log.warn(`ignoring unreadable image cache ${path}`);
  return null;
}
function writeCache(path, doc) {
  mkdirSync(join(path, ".."), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, path);
}
async function newestBuild(sub, client, repo2, inspector, candidates2, allTags, pc, settings, parallel) {
  const { createHash } = await import("node:crypto");
  const path = cachePath(settings.cacheDir, repo2, createHash);
  const cache = readCache(path, repo2, settings);
  const tagListHash = createHash("sha256").update([...allTags].sort().join("\n")).digest("hex");
  const entries = /* @__PURE__ */ new Map();
  const present = new Set(allTags);
  let changed = !cache || cache.tagListHash !== tagListHash;
  if (cache) {
    for (const [tag, info] of Object.entries(cache.tags))
      if (present.has(tag)) entries.set(tag, info);
  }
  if (cache && cache.tagListHash !== tagListHash) {
    const recheck = cache.selected.filter((t) => entries.has(t));
    const digests = await mapLimit(recheck, parallel, async (tag) => {
      try {
        return (await client.resolveDigest(repo2, tag)).digest;
      } catch (err) {
        if (err instanceof NotFoundError) return "";
        throw err;
      }
    });
    recheck.forEach((tag, i) => {
      if (digests[i] !== entries.get(tag)?.digest) {
        settings.log.info(`${repositoryName(repo2)}: tag ${tag} was re-pushed; reading it again`);
        entries.delete(tag);
      }
    });
  }
  for (const info of entries.values()) inspector.known.set(info.digest, info);
  const absent = new Set((cache?.missing ?? []).filter((t) => present.has(t)));
  const unread = candidates2.filter((t) => !entries.has(t) && !absent.has(t));
  const cap = settings.newestBuildReadsPerRun ?? NEWEST_BUILD_READS_PER_RUN;
  const missing = unread.length > cap ? sortLexicalTags(unread).slice(0, cap) : unread;
  if (missing.length < unread.length) {
    settings.log.warn(
      `${repositoryName(repo2)}: NewestBuild reads at most ${cap} tags a run; ${unread.length - missing.length} of ${candidates2.length} tags are left for later runs (keep the cache directory between runs), so this run chooses among the tags read so far`
    );
  }
  if (missing.length > 0) {
    changed = true;
    if (missing.length > 50)
      settings.log.info(`${repositoryName(repo2)}: reading build times of ${missing.length} tags`);
    const infos = await mapLimit(missing, parallel, async (tag) => {
      try {
        return await inspector.inspect(tag, { created: true, platform: true });
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    });
    missing.forEach((tag, i) => {
      const info = infos[i];
      if (info) entries.set(tag, info);
      else absent.add(tag);
    });
  }
  const images = candidates2.map((tag) => ({ tag, info: entries.get(tag) })).filter(
    (e) => e.info !== void 0 && matchesPlatform(e.info, pc)
  ).map((e) => ({ tag: e.tag, createdAt: e.info.createdAt, info: e.info }));
  const sorted = sortNewestBuild(images);
  const selected = sorted.slice(0, sub.discoveryLimit > 0 ? sub.discoveryLimit : sorted.length);
  const selectedTags = selected.map((s) => s.tag);
  if (changed || !cache || cache.selected.join("\n") !== selectedTags.join("\n")) {
    try {
      writeCache(path, {
        version: 1,
        repository: repositoryName(repo2),
        tagListHash,
        selected: selectedTags,
        tags: Object.fromEntries(entries),
        ...absent.size > 0 && { missing: [...absent] }
      });
    } catch (err) {
      settings.log.warn(`cannot write image cache ${path}: ${err.message}`);
    }
  }
  return selected.map((s) => toDiscovered(s.tag, s.info, pc));
}

// src/discovery/sources.ts
var DISCOVERY_DEFAULTS = { requestTimeoutMs: 3e4, concurrencyPerRegistry: 16 };
function createSources(s) {
  const registry = registryClientFor(s);
  const charts = async (sub) => (await import("./UDZLCKDI.js")).discoverCharts(sub, {
    ...s.trace ? { fetch: tracedFetch(fetch, s.trace) } : {},
    timeoutMs: s.requestTimeoutMs,
    credentials: s.chartCredentials?.(sub.repoURL),
    log: s.log,
    listOciTags: (repository) => registry.listTags(parseImageRepository(repository))
  });
  const gitDeps = (repoURL) => ({
    git: new Git({
      baseEnv: s.gitEnv,
      remote: parseRemote(repoURL, s.gitCredentials?.(repoURL)),
      trace: s.trace
    }),
    cacheDir: s.cacheDir,
    log: s.log
  });
  return {
    images: (sub) => discoverImages(sub, registry, s),
    charts,
    commits: async (sub) => (await import("./ZU2NJYAS.js")).discoverCommits(sub, gitDeps(sub.repoURL)),
    assembly: {
      // The Digest strategy resolves exactly one tag, with the subscription's platform.
      image: async (sub, tag) => (await discoverImages(
        { ...sub, imageSelectionStrategy: "Digest", constraint: tag },
        registry,
        s
      ))[0],
      chartVersions: (sub) => {
        const { semverConstraint: _all, ...every } = sub;
        return charts({ ...every, discoveryLimit: 0 });
      },
      commit: async (sub, ref) => (await import("./ZU2NJYAS.js")).resolveCommit(sub, ref, gitDeps(sub.repoURL))
    },
    requestCounts: () => registry.requestCounts(),
    close: async () => registry.close()
  };
}

export {
  discoverText,
  discoverMarkdown,
  runDiscover,
  promotionsMatrix,
  runFailures,
  DISCOVERY_DEFAULTS,
  createSources
};
