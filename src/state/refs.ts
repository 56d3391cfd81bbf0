/**
 * Names of the refs that hold gantry's state in the GitOps repository. Everything of one project
 * lives under one prefix, so a single ref-prefix listing reads all of it.
 */
import { createHash } from 'node:crypto';

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

/**
 * The ref that names the blob of a stage's state file as gantry's last promotion of the stage
 * committed it, pushed in the same atomic push as that commit. A reader asks for these refs in
 * the fetch that brings the default branch's tip: a blob a fetch names by ID comes in spite of
 * `--filter=blob:none`, so the states are known one round trip earlier. A hint only: a reader
 * takes the blob when the branch's tree has that very blob at stateFilePath, else reads the file.
 * The ref ends in `/state` so that one refspec pattern (a single `*`) lists every project's, and
 * so that no stage name can make it end in `/freight-index`: the freight indexes' fetch pattern
 * (freightIndexRef('*')) would take it for a project's index.
 */
export const stageStateRef = (project: string, stage: string): string =>
  `refs/gantry/${project}/stage/${stage}/state`;

/** The refspec pattern of stageStateRef: one project's, or every project's. */
export const stageStateRefs = (project?: string): string =>
  project === undefined ? 'refs/gantry/*/state' : `refs/gantry/${project}/stage/*/state`;

export function parseStageStateRef(name: string): { project: string; stage: string } | undefined {
  const m = /^refs\/gantry\/([^/]+)\/stage\/([^/]+)\/state$/.exec(name);
  return m ? { project: m[1] as string, stage: m[2] as string } : undefined;
}

/**
 * The ID git gives a blob of `content`: the hash of `blob <size>\0<content>`, SHA-1 in a
 * repository whose object IDs are 40 hex digits, SHA-256 in one whose are 64.
 */
export function gitBlobId(content: string | Buffer, idLength: number): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
