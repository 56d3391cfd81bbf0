/**
 * Names of the refs that hold gantry's state in the GitOps repository. Everything of one project
 * lives under one prefix, so a single ref-prefix listing reads all of it.
 */

export type StateRefKind = 'freight' | 'verified' | 'approved';

export interface StateRef {
  kind: StateRefKind;
  project: string;
  /** For verified and approved refs. */
  stage?: string;
  freightId: string;
}

export const projectRefPrefix = (project: string): string => `refs/tags/gantry/${project}/`;

export function stateRefName(ref: StateRef): string {
  const base = projectRefPrefix(ref.project);
  return ref.kind === 'freight'
    ? `${base}freight/${ref.freightId}`
    : `${base}${ref.kind}/${ref.stage ?? ''}/${ref.freightId}`;
}

const PATTERN =
  /^refs\/tags\/gantry\/([^/]+)\/(?:(freight)\/([0-9a-f]{40})|(verified|approved)\/([^/]+)\/([0-9a-f]{40}))$/;

export function parseStateRef(name: string): StateRef | undefined {
  const m = PATTERN.exec(name);
  if (!m) return undefined;
  const project = m[1] as string;
  if (m[2]) return { kind: 'freight', project, freightId: m[3] as string };
  return {
    kind: m[4] as 'verified' | 'approved',
    project,
    stage: m[5] as string,
    freightId: m[6] as string,
  };
}

export const stateFilePath = (project: string, stage: string): string =>
  `.gantry/state/${project}/${stage}.yaml`;
