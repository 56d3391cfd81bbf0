import { mdTable } from '../util/markdown.js';
import type { Freight } from './types.js';

export interface VersionChange {
  /** What changed: an image repository, `<chart repo>/<name>`, or a git repository. */
  artifact: string;
  kind: 'image' | 'chart' | 'git';
  from?: string;
  to?: string;
}

type Artifacts = Pick<Freight, 'images' | 'charts' | 'commits'>;

const shortSha = (sha: string): string => sha.slice(0, 7);

function versions(
  f: Artifacts | undefined,
): Map<string, { kind: VersionChange['kind']; version: string }> {
  const m = new Map<string, { kind: VersionChange['kind']; version: string }>();
  for (const i of f?.images ?? [])
    m.set(i.repoURL, { kind: 'image', version: i.tag || `@${i.digest}` });
  for (const c of f?.charts ?? [])
    m.set(c.name ? `${c.repoURL.replace(/\/+$/, '')}/${c.name}` : c.repoURL, {
      kind: 'chart',
      version: c.version,
    });
  for (const c of f?.commits ?? [])
    m.set(c.repoURL, { kind: 'git', version: c.tag ?? shortSha(c.id) });
  return m;
}

/** Version changes from what a stage ran to the freight it gets: `ghcr.io/acme/echo: 1.0.0 → 1.1.0`. */
export function versionChanges(previous: Artifacts | undefined, next: Artifacts): VersionChange[] {
  const before = versions(previous);
  const after = versions(next);
  const out: VersionChange[] = [];
  for (const [artifact, { kind, version }] of after) {
    const old = before.get(artifact)?.version;
    if (old !== version) out.push({ artifact, kind, from: old, to: version });
  }
  for (const [artifact, { kind, version }] of before) {
    if (!after.has(artifact)) out.push({ artifact, kind, from: version });
  }
  return out;
}

export function formatChange(c: VersionChange): string {
  if (c.from === undefined) return `${c.artifact}: ${c.to}`;
  if (c.to === undefined) return `${c.artifact}: ${c.from} → removed`;
  return `${c.artifact}: ${c.from} → ${c.to}`;
}

/** The version changes as a Markdown table (job summaries, pull request bodies). */
export function changesTable(changes: readonly VersionChange[]): string[] {
  return mdTable(
    ['artifact', 'from', 'to'],
    changes.map((c) => [
      `\`${c.artifact}\``,
      c.from ? `\`${c.from}\`` : '—',
      c.to ? `\`${c.to}\`` : 'removed',
    ]),
  );
}
