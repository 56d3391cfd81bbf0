import YAML from 'yaml';
import type { Freight } from '../freight/types.js';
import { OperationError } from '../util/errors.js';
import { readPlainYaml } from './plain-yaml.js';

/** The freight a stage runs for one origin: the freight without its bookkeeping fields. */
export type StageFreight = Pick<
  Freight,
  'id' | 'alias' | 'origin' | 'images' | 'charts' | 'commits'
>;

/**
 * `.gantry/state/<project>/<stage>.yaml`: what the stage runs, written in the same commit as the
 * manifests that make it run, so the two never disagree.
 */
export interface StageState {
  project: string;
  stage: string;
  /** Current freight, one entry per origin (warehouse) the stage takes freight from. */
  freight: StageFreight[];
  promotedAt: string;
  promotedBy: string;
  approvedBy: string[];
  run?: string;
  /**
   * Set when someone promoted freight other than the newest by hand (a rollback): auto-promotion
   * leaves the stage alone until the newest freight is promoted again (Kargo's hold).
   */
  autoPromotionHold?: { since: string; by: string; reason: string };
  /**
   * Kargo's Stage metadata (`set-metadata` with `kind: Stage`): keys to JSON values, kept from one
   * promotion to the next, each key replaced when a promotion sets it. Absent in files written
   * before it existed, and when nothing set any.
   */
  metadata?: Record<string, unknown>;
}

// Argo CD's directory source with `recurse: true` reads every YAML file, hidden directories
// included, and fails the application on one that looks like a broken manifest (a freight's
// commit message can make this file look like one); its skip marker keeps it out.
const HEADER =
  '# Written by gantry with each promotion into this stage; `git log` of this file is its history.\n' +
  '# Do not edit by hand: promote with `gantry promote` or the promote action instead.\n' +
  '# +argocd:skip-file-rendering (a record, not a manifest: Argo CD skips this file)\n';

export function toStageFreight(f: Freight | StageFreight): StageFreight {
  return {
    id: f.id,
    alias: f.alias,
    origin: f.origin,
    images: f.images,
    charts: f.charts,
    commits: f.commits,
  };
}

export function serializeStageState(s: StageState): string {
  const doc = {
    project: s.project,
    stage: s.stage,
    freight: s.freight.map(toStageFreight),
    promotedAt: s.promotedAt,
    promotedBy: s.promotedBy,
    approvedBy: s.approvedBy,
    ...(s.run ? { run: s.run } : {}),
    ...(s.autoPromotionHold ? { autoPromotionHold: s.autoPromotionHold } : {}),
    ...(s.metadata && Object.keys(s.metadata).length ? { metadata: s.metadata } : {}),
  };
  return HEADER + YAML.stringify(doc, { lineWidth: 0 });
}

export function parseStageState(text: string, where: string): StageState {
  let doc: unknown;
  try {
    // The shape gantry writes is read directly; anything else (a hand edit) by the YAML library.
    doc = readPlainYaml(text) ?? YAML.parse(text);
  } catch (err) {
    throw new OperationError(`unreadable stage state ${where}: ${(err as Error).message}`);
  }
  const fail = (why: string): never => {
    throw new OperationError(`unreadable stage state ${where}: ${why}`);
  };
  if (typeof doc !== 'object' || doc === null) return fail('not a mapping');
  const d = doc as Record<string, unknown>;
  for (const k of ['project', 'stage', 'promotedAt', 'promotedBy'] as const) {
    if (typeof d[k] !== 'string') fail(`field "${k}" must be a string`);
  }
  if (!Array.isArray(d.freight)) fail('field "freight" must be a list');
  const freight = (d.freight as unknown[]).map((f, i) => {
    const e = f as Record<string, unknown> | null;
    if (
      !e ||
      typeof e.id !== 'string' ||
      typeof e.alias !== 'string' ||
      typeof e.origin !== 'object'
    ) {
      return fail(`freight[${i}] needs id, alias and origin`);
    }
    return {
      id: e.id,
      alias: e.alias,
      origin: e.origin as StageFreight['origin'],
      images: (e.images as StageFreight['images']) ?? [],
      charts: (e.charts as StageFreight['charts']) ?? [],
      commits: (e.commits as StageFreight['commits']) ?? [],
    };
  });
  const approvedBy = Array.isArray(d.approvedBy) ? d.approvedBy.map(String) : [];
  return {
    project: d.project as string,
    stage: d.stage as string,
    freight,
    promotedAt: d.promotedAt as string,
    promotedBy: d.promotedBy as string,
    approvedBy,
    run: typeof d.run === 'string' ? d.run : undefined,
    autoPromotionHold: parseHold(d.autoPromotionHold, fail),
    ...parseMetadata(d.metadata, fail),
  };
}

function parseMetadata(
  v: unknown,
  fail: (why: string) => never,
): { metadata?: Record<string, unknown> } {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return fail('field "metadata" must be a mapping');
  return { metadata: v as Record<string, unknown> };
}

function parseHold(v: unknown, fail: (why: string) => never): StageState['autoPromotionHold'] {
  if (v === undefined || v === null) return undefined;
  const h = v as Record<string, unknown>;
  if (
    typeof v !== 'object' ||
    typeof h.since !== 'string' ||
    typeof h.by !== 'string' ||
    typeof h.reason !== 'string'
  ) {
    return fail('field "autoPromotionHold" needs since, by and reason');
  }
  return { since: h.since, by: h.by, reason: h.reason };
}
