/**
 * Freight assembly (Kargo's "assemble freight"): freight made of versions someone chose rather
 * than the newest discovery found, such as an earlier image beside today's chart. It is how a
 * warehouse with `freightCreationPolicy: Manual` gets freight at all.
 *
 * Each chosen version is matched to the subscription of the warehouse it belongs to and resolved
 * the way discovery resolves it (an image tag to its digest through the same registry client, a
 * git ref to its commit, a chart version checked against the repository's listing), then the
 * freight is built with discovery's recipe: the same versions give the same ID whichever way
 * they arrived, and recording it again writes nothing.
 */
import { freightAlias } from '../freight/alias.js';
import { freightId } from '../freight/id.js';
import type { Freight, FreightArtifacts } from '../freight/types.js';
import type {
  ChartSubscription,
  GitSubscription,
  ImageSubscription,
  Project,
  Subscription,
} from '../pipeline/index.js';
import type { StateStore } from '../state/index.js';
import { normalizeChartURL, normalizeGitURL } from '../urls/index.js';
import { ConfigError, OperationError } from '../util/errors.js';
import { publicURL } from './discover.js';
import { parseImageRepository, repositoryName } from './oci/reference.js';
import type { DiscoveredChart, DiscoveredCommit, DiscoveredImage } from './types.js';

/** What assembly asks of the outside world; the live sources implement it with discovery's. */
export interface AssemblySources {
  /** The image `tag` of the subscription's repository with its digest, or undefined if absent. */
  image(sub: ImageSubscription, tag: string): Promise<DiscoveredImage | undefined>;
  /** Every version the chart repository lists for the subscription's chart. */
  chartVersions(sub: ChartSubscription): Promise<DiscoveredChart[]>;
  /** The commit a full ID, branch or tag names in the subscription's repository. */
  commit(sub: GitSubscription, ref: string): Promise<DiscoveredCommit>;
}

/** The versions chosen, as the command line writes them. */
export interface AssemblyChoice {
  /** `REPO:TAG`, e.g. `ghcr.io/acme/echo:1.2.0`, `127.0.0.1:5000/demo/app:v2`. */
  images: readonly string[];
  /** `REPO/NAME:VERSION` for an HTTP(S) Helm repository; `oci://REPO/CHART:VERSION`. */
  charts: readonly string[];
  /** `REPO_URL@SHA|BRANCH|TAG`, e.g. `https://github.com/acme/app.git@v1.4.0`. */
  commits: readonly string[];
}

export interface AssembleOptions extends AssemblyChoice {
  project: Project;
  warehouse: string;
  store: StateStore;
  sources: AssemblySources;
  clock: () => Date;
  createdBy: string;
  /** Resolve and report; record nothing. */
  dryRun: boolean;
}

export interface AssembleResult {
  project: string;
  warehouse: string;
  freight: Freight;
  /** True when this call recorded the freight; false when it existed (or in a dry run). */
  created: boolean;
  dryRun: boolean;
}

/** `REPO:TAG`: the tag is after the last `:` that follows the last `/` (a port is not a tag). */
export function parseImageChoice(text: string): { repo: string; tag: string } {
  const slash = text.lastIndexOf('/');
  const colon = text.indexOf(':', slash + 1);
  if (text.includes('@') || colon < 0 || colon === text.length - 1) {
    throw new ConfigError(
      `--image ${JSON.stringify(text)}: write it as REPO:TAG (e.g. ghcr.io/acme/echo:1.2.0); gantry resolves the digest`,
    );
  }
  return { repo: text.slice(0, colon), tag: text.slice(colon + 1) };
}

/** `REPO/NAME:VERSION` or `oci://REPO/CHART:VERSION`. */
export function parseChartChoice(text: string): { chart: string; version: string } {
  const slash = text.lastIndexOf('/');
  const colon = text.indexOf(':', slash + 1);
  if (slash < 0 || colon < 0 || colon === text.length - 1) {
    throw new ConfigError(
      `--chart ${JSON.stringify(text)}: write it as REPO/NAME:VERSION (https://charts.example.com/podinfo:6.5.0) or oci://REPO/CHART:VERSION`,
    );
  }
  return { chart: text.slice(0, colon), version: text.slice(colon + 1) };
}

/** `REPO_URL@REF`: the ref is after the last `@` (an scp-style `git@host:` comes before it). */
export function parseCommitChoice(text: string): { repo: string; ref: string } {
  const at = text.lastIndexOf('@');
  const repo = text.slice(0, at).trim();
  const ref = text.slice(at + 1).trim();
  // `git@host:o/r` alone has its `@` before the path: that is no ref.
  if (at <= 0 || !repo || !ref || ref.includes(':') || ref.includes('/')) {
    throw new ConfigError(
      `--commit ${JSON.stringify(publicURL(text))}: write it as REPO_URL@SHA|BRANCH|TAG (e.g. https://github.com/acme/app.git@main)`,
    );
  }
  return { repo, ref };
}

const imageKey = (repo: string): string => repositoryName(parseImageRepository(repo));
const chartKey = (sub: ChartSubscription): string =>
  normalizeChartURL(sub.name ? `${sub.repoURL.replace(/\/+$/, '')}/${sub.name}` : sub.repoURL);

function describeSub(s: Subscription): string {
  if (s.kind === 'image') return `image ${s.image.repoURL}`;
  if (s.kind === 'git') return `git ${publicURL(s.git.repoURL)}`;
  return `chart ${publicURL(s.chart.name ? `${s.chart.repoURL.replace(/\/+$/, '')}/${s.chart.name}` : s.chart.repoURL)}`;
}

/**
 * The subscription a chosen artifact belongs to: exactly one of the warehouse's subscriptions
 * of that kind and repository, or an error that lists what the warehouse subscribes to.
 */
function subscriptionFor<S extends Subscription>(
  project: Project,
  warehouse: string,
  subs: readonly Subscription[],
  kind: S['kind'],
  flag: string,
  given: string,
  matches: (s: S) => boolean,
): S {
  const found = subs.filter((s): s is S => s.kind === kind && matches(s as S));
  if (found.length === 1) return found[0] as S;
  const list = subs.map(describeSub).join(', ');
  if (!found.length) {
    throw new ConfigError(
      `${flag} ${given}: warehouse ${warehouse} of project ${project.name} has no ${kind} subscription for it (it subscribes to ${list})`,
    );
  }
  throw new ConfigError(
    `${flag} ${given}: warehouse ${warehouse} subscribes to that repository ${found.length} times; gantry cannot tell which subscription it is for`,
  );
}

/**
 * Resolve the chosen versions against the warehouse's subscriptions and record the freight they
 * make, unless it exists. Every subscription of the warehouse needs exactly one version, as in
 * freight discovery records; nothing is written when any choice is refused.
 */
export async function assembleFreight(o: AssembleOptions): Promise<AssembleResult> {
  const { project } = o;
  const warehouse = project.warehouses.find((w) => w.name === o.warehouse);
  if (!warehouse) {
    throw new ConfigError(
      `project ${project.name} has no warehouse ${o.warehouse} (warehouses: ${project.warehouses.map((w) => w.name).join(', ')})`,
    );
  }
  const subs = warehouse.subscriptions;
  // Every choice is matched before any request, so a typo costs no registry round trip.
  const chosen = new Map<Subscription, () => Promise<void>>();
  const artifacts: FreightArtifacts = { images: [], charts: [], commits: [] };
  const claim = (sub: Subscription, flag: string, given: string, run: () => Promise<void>) => {
    if (chosen.has(sub)) {
      throw new ConfigError(
        `${flag} ${given}: ${describeSub(sub)} already has a version in this freight; freight holds one version per subscription`,
      );
    }
    chosen.set(sub, run);
  };

  for (const text of o.images) {
    const { repo, tag } = parseImageChoice(text);
    const key = imageKey(repo);
    const sub = subscriptionFor<Extract<Subscription, { kind: 'image' }>>(
      project,
      warehouse.name,
      subs,
      'image',
      '--image',
      text,
      (s) => imageKey(s.image.repoURL) === key,
    );
    claim(sub, '--image', text, async () => {
      const found = await o.sources.image(sub.image, tag);
      if (!found?.digest) {
        throw new OperationError(
          `--image ${text}: ${sub.image.repoURL} has no tag ${tag}${sub.image.platform ? ` for ${sub.image.platform}` : ''}`,
        );
      }
      artifacts.images.push({
        repoURL: publicURL(sub.image.repoURL),
        tag,
        digest: found.digest,
        ...(sub.image.name ? { subscriptionName: sub.image.name } : {}),
      });
    });
  }
  for (const text of o.charts) {
    const { chart, version } = parseChartChoice(text);
    const key = normalizeChartURL(chart);
    const sub = subscriptionFor<Extract<Subscription, { kind: 'chart' }>>(
      project,
      warehouse.name,
      subs,
      'chart',
      '--chart',
      text,
      (s) => chartKey(s.chart) === key,
    );
    claim(sub, '--chart', text, async () => {
      const listed = await o.sources.chartVersions(sub.chart);
      if (!listed.some((c) => c.version === version)) {
        throw new OperationError(
          `--chart ${text}: ${describeSub(sub).slice('chart '.length)} lists no version ${version}`,
        );
      }
      artifacts.charts.push({
        repoURL: publicURL(sub.chart.repoURL),
        name: sub.chart.name ?? '',
        version,
      });
    });
  }
  for (const given of o.commits) {
    const { repo, ref } = parseCommitChoice(given);
    // A URL with user:password@ is shown without them, as freight records it.
    const text = `${publicURL(repo)}@${ref}`;
    const key = normalizeGitURL(repo);
    const sub = subscriptionFor<Extract<Subscription, { kind: 'git' }>>(
      project,
      warehouse.name,
      subs,
      'git',
      '--commit',
      text,
      (s) => normalizeGitURL(s.git.repoURL) === key,
    );
    claim(sub, '--commit', text, async () => {
      const c = await o.sources.commit(sub.git, ref);
      artifacts.commits.push({
        repoURL: publicURL(sub.git.repoURL),
        id: c.id,
        ...(c.branch ? { branch: c.branch } : {}),
        ...(c.tag ? { tag: c.tag } : {}),
        ...(c.message ? { message: c.message } : {}),
        ...(c.author ? { author: c.author } : {}),
        ...(c.committer ? { committer: c.committer } : {}),
        ...(sub.git.name ? { subscriptionName: sub.git.name } : {}),
      });
    });
  }
  const missing = subs.filter((s) => !chosen.has(s));
  if (missing.length) {
    const flagOf = (s: Subscription) =>
      s.kind === 'image' ? '--image' : s.kind === 'chart' ? '--chart' : '--commit';
    throw new ConfigError(
      `freight of warehouse ${warehouse.name} holds one version of each subscription; choose one for ${missing.map((s) => `${describeSub(s)} (${flagOf(s)})`).join(', ')}`,
    );
  }
  // In the warehouse's order, whatever the order of the flags: the freight reads like discovery's.
  for (const sub of subs) await chosen.get(sub)?.();
  const order = (list: { repoURL: string }[], kind: Subscription['kind']) => {
    const urls = subs
      .filter((s) => s.kind === kind)
      .map((s) =>
        publicURL(
          s.kind === 'image'
            ? s.image.repoURL
            : s.kind === 'chart'
              ? s.chart.repoURL
              : s.git.repoURL,
        ),
      );
    return list.sort((a, b) => urls.indexOf(a.repoURL) - urls.indexOf(b.repoURL));
  };
  order(artifacts.images, 'image');
  order(artifacts.charts, 'chart');
  order(artifacts.commits, 'git');

  const origin = { kind: 'Warehouse' as const, name: warehouse.name };
  const id = freightId(origin, artifacts);
  const snapshot = await o.store.snapshot(project.name);
  const existing = snapshot.freight.find((f) => f.id === id);
  const base = { project: project.name, warehouse: warehouse.name, dryRun: o.dryRun };
  if (existing) return { ...base, freight: existing, created: false };
  const freight: Freight = {
    id,
    alias: freightAlias(id, new Set(snapshot.freight.map((f) => f.alias))),
    origin,
    ...artifacts,
    createdAt: o.clock().toISOString(),
    createdBy: o.createdBy,
  };
  if (o.dryRun) return { ...base, freight, created: false };
  const { created } = await o.store.recordFreight(project.name, freight);
  if (created) return { ...base, freight, created };
  // Another run recorded the same freight first: what is stored (its alias, its time) wins.
  const stored = (await o.store.snapshot(project.name)).freight.find((f) => f.id === id);
  return { ...base, freight: stored ?? freight, created: false };
}
