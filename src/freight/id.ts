/**
 * The freight ID: Kargo's recipe (`pkg/api/freight.go: GenerateFreightID`), so the same artifacts
 * from the same warehouse get the same 40-hex ID in Kargo and in gantry.
 *
 *   commit: normalizeGit(repoURL) + (":" + tag)? + ":" + id + (":" + subscriptionName)?
 *   image:  repoURL + ":" + tag + "@" + digest + (":" + subscriptionName)?   (repoURL as given)
 *   chart:  goPathJoin(normalizeChart(repoURL), name) + ":" + version + (":" + subscriptionName)?
 *   id = hex(SHA-1("Warehouse/" + origin.name + ":" + sortedBytewise(parts).join("|")))
 */
import { createHash } from 'node:crypto';
import { normalizeChartURL, normalizeGitURL } from '../urls/index.js';
import type { FreightArtifacts, FreightOrigin } from './types.js';

/** Go's `path.Clean`: collapse slashes, resolve `.` and `..`, drop a trailing slash. */
function goCleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined === '' ? '.' : joined;
}

/** Go's `path.Join`: empty elements are ignored, the result is cleaned, all-empty gives "". */
function goPathJoin(...elems: string[]): string {
  const parts = elems.filter((e) => e !== '');
  return parts.length === 0 ? '' : goCleanPath(parts.join('/'));
}

function withSubscription(part: string, subscriptionName: string | undefined): string {
  return subscriptionName ? `${part}:${subscriptionName}` : part;
}

/** The strings that are hashed, one per artifact, sorted byte-wise (exported for diagnostics). */
export function freightIdParts(artifacts: FreightArtifacts): string[] {
  const parts: string[] = [];
  for (const c of artifacts.commits) {
    const base = c.tag
      ? `${normalizeGitURL(c.repoURL)}:${c.tag}:${c.id}`
      : `${normalizeGitURL(c.repoURL)}:${c.id}`;
    parts.push(withSubscription(base, c.subscriptionName));
  }
  for (const i of artifacts.images) {
    parts.push(withSubscription(`${i.repoURL}:${i.tag}@${i.digest}`, i.subscriptionName));
  }
  for (const ch of artifacts.charts) {
    parts.push(
      withSubscription(
        `${goPathJoin(normalizeChartURL(ch.repoURL), ch.name)}:${ch.version}`,
        ch.subscriptionName,
      ),
    );
  }
  // Go sorts strings by bytes (UTF-8), which JS's default UTF-16 order does not always match.
  return parts.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** 40 lowercase hex characters identifying the artifacts from this origin. */
export function freightId(origin: FreightOrigin, artifacts: FreightArtifacts): string {
  const text = `${origin.kind}/${origin.name}:${freightIdParts(artifacts).join('|')}`;
  return createHash('sha1').update(text, 'utf8').digest('hex');
}
