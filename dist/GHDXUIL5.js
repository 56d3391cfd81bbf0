import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  freightAlias,
  freightId,
  publicURL
} from "./T4V6IIFZ.js";
import {
  parseImageRepository,
  repositoryName
} from "./ITB33UA7.js";
import {
  normalizeChartURL,
  normalizeGitURL
} from "./KKJNXGQK.js";
import {
  ConfigError,
  OperationError
} from "./HQMHHTDW.js";

// src/discovery/assemble.ts
function parseImageChoice(text) {
  const slash = text.lastIndexOf("/");
  const colon = text.indexOf(":", slash + 1);
  if (text.includes("@") || colon < 0 || colon === text.length - 1) {
    throw new ConfigError(
      `--image ${JSON.stringify(text)}: write it as REPO:TAG (e.g. ghcr.io/acme/echo:1.2.0); gantry resolves the digest`
    );
  }
  return { repo: text.slice(0, colon), tag: text.slice(colon + 1) };
}
function parseChartChoice(text) {
  const slash = text.lastIndexOf("/");
  const colon = text.indexOf(":", slash + 1);
  if (slash < 0 || colon < 0 || colon === text.length - 1) {
    throw new ConfigError(
      `--chart ${JSON.stringify(text)}: write it as REPO/NAME:VERSION (https://charts.example.com/podinfo:6.5.0) or oci://REPO/CHART:VERSION`
    );
  }
  return { chart: text.slice(0, colon), version: text.slice(colon + 1) };
}
function parseCommitChoice(text) {
  const at = text.lastIndexOf("@");
  const repo = text.slice(0, at).trim();
  const ref = text.slice(at + 1).trim();
  if (at <= 0 || !repo || !ref || ref.includes(":") || ref.includes("/")) {
    throw new ConfigError(
      `--commit ${JSON.stringify(publicURL(text))}: write it as REPO_URL@SHA|BRANCH|TAG (e.g. https://github.com/acme/app.git@main)`
    );
  }
  return { repo, ref };
}
var imageKey = (repo) => repositoryName(parseImageRepository(repo));
var chartKey = (sub) => normalizeChartURL(sub.name ? `${sub.repoURL.replace(/\/+$/, "")}/${sub.name}` : sub.repoURL);
function describeSub(s) {
  if (s.kind === "image") return `image ${s.image.repoURL}`;
  if (s.kind === "git") return `git ${publicURL(s.git.repoURL)}`;
  return `chart ${publicURL(s.chart.name ? `${s.chart.repoURL.replace(/\/+$/, "")}/${s.chart.name}` : s.chart.repoURL)}`;
}
function subscriptionFor(project, warehouse, subs, kind, flag, given, matches) {
  const found = subs.filter((s) => s.kind === kind && matches(s));
  if (found.length === 1) return found[0];
  const list = subs.map(describeSub).join(", ");
  if (!found.length) {
    throw new ConfigError(
      `${flag} ${given}: warehouse ${warehouse} of project ${project.name} has no ${kind} subscription for it (it subscribes to ${list})`
    );
  }
  throw new ConfigError(
    `${flag} ${given}: warehouse ${warehouse} subscribes to that repository ${found.length} times; gantry cannot tell which subscription it is for`
  );
}
async function assembleFreight(o) {
  const { project } = o;
  const warehouse = project.warehouses.find((w) => w.name === o.warehouse);
  if (!warehouse) {
    throw new ConfigError(
      `project ${project.name} has no warehouse ${o.warehouse} (warehouses: ${project.warehouses.map((w) => w.name).join(", ")})`
    );
  }
  const subs = warehouse.subscriptions;
  const chosen = /* @__PURE__ */ new Map();
  const artifacts = { images: [], charts: [], commits: [] };
  const claim = (sub, flag, given, run) => {
    if (chosen.has(sub)) {
      throw new ConfigError(
        `${flag} ${given}: ${describeSub(sub)} already has a version in this freight; freight holds one version per subscription`
      );
    }
    chosen.set(sub, run);
  };
  for (const text of o.images) {
    const { repo, tag } = parseImageChoice(text);
    const key = imageKey(repo);
    const sub = subscriptionFor(
      project,
      warehouse.name,
      subs,
      "image",
      "--image",
      text,
      (s) => imageKey(s.image.repoURL) === key
    );
    claim(sub, "--image", text, async () => {
      const found = await o.sources.image(sub.image, tag);
      if (!found?.digest) {
        throw new OperationError(
          `--image ${text}: ${sub.image.repoURL} has no tag ${tag}${sub.image.platform ? ` for ${sub.image.platform}` : ""}`
        );
      }
      artifacts.images.push({
        repoURL: publicURL(sub.image.repoURL),
        tag,
        digest: found.digest,
        ...sub.image.name ? { subscriptionName: sub.image.name } : {}
      });
    });
  }
  for (const text of o.charts) {
    const { chart, version } = parseChartChoice(text);
    const key = normalizeChartURL(chart);
    const sub = subscriptionFor(
      project,
      warehouse.name,
      subs,
      "chart",
      "--chart",
      text,
      (s) => chartKey(s.chart) === key
    );
    claim(sub, "--chart", text, async () => {
      const listed = await o.sources.chartVersions(sub.chart);
      if (!listed.some((c) => c.version === version)) {
        throw new OperationError(
          `--chart ${text}: ${describeSub(sub).slice("chart ".length)} lists no version ${version}`
        );
      }
      artifacts.charts.push({
        repoURL: publicURL(sub.chart.repoURL),
        name: sub.chart.name ?? "",
        version
      });
    });
  }
  for (const given of o.commits) {
    const { repo, ref } = parseCommitChoice(given);
    const text = `${publicURL(repo)}@${ref}`;
    const key = normalizeGitURL(repo);
    const sub = subscriptionFor(
      project,
      warehouse.name,
      subs,
      "git",
      "--commit",
      text,
      (s) => normalizeGitURL(s.git.repoURL) === key
    );
    claim(sub, "--commit", text, async () => {
      const c = await o.sources.commit(sub.git, ref);
      artifacts.commits.push({
        repoURL: publicURL(sub.git.repoURL),
        id: c.id,
        ...c.branch ? { branch: c.branch } : {},
        ...c.tag ? { tag: c.tag } : {},
        ...c.message ? { message: c.message } : {},
        ...c.author ? { author: c.author } : {},
        ...c.committer ? { committer: c.committer } : {},
        ...sub.git.name ? { subscriptionName: sub.git.name } : {}
      });
    });
  }
  const missing = subs.filter((s) => !chosen.has(s));
  if (missing.length) {
    const flagOf = (s) => s.kind === "image" ? "--image" : s.kind === "chart" ? "--chart" : "--commit";
    throw new ConfigError(
      `freight of warehouse ${warehouse.name} holds one version of each subscription; choose one for ${missing.map((s) => `${describeSub(s)} (${flagOf(s)})`).join(", ")}`
    );
  }
  for (const sub of subs) await chosen.get(sub)?.();
  const order = (list, kind) => {
    const urls = subs.filter((s) => s.kind === kind).map(
      (s) => publicURL(
        s.kind === "image" ? s.image.repoURL : s.kind === "chart" ? s.chart.repoURL : s.git.repoURL
      )
    );
    return list.sort((a, b) => urls.indexOf(a.repoURL) - urls.indexOf(b.repoURL));
  };
  order(artifacts.images, "image");
  order(artifacts.charts, "chart");
  order(artifacts.commits, "git");
  const origin = { kind: "Warehouse", name: warehouse.name };
  const id = freightId(origin, artifacts);
  const snapshot = await o.store.snapshot(project.name);
  const existing = snapshot.freight.find((f) => f.id === id);
  const base = { project: project.name, warehouse: warehouse.name, dryRun: o.dryRun };
  if (existing) return { ...base, freight: existing, created: false };
  const freight = {
    id,
    alias: freightAlias(id, new Set(snapshot.freight.map((f) => f.alias))),
    origin,
    ...artifacts,
    createdAt: o.clock().toISOString(),
    createdBy: o.createdBy
  };
  if (o.dryRun) return { ...base, freight, created: false };
  const { created } = await o.store.recordFreight(project.name, freight);
  if (created) return { ...base, freight, created };
  const stored = (await o.store.snapshot(project.name)).freight.find((f) => f.id === id);
  return { ...base, freight: stored ?? freight, created: false };
}

export {
  assembleFreight
};
