import type { Freight } from '../../../src/freight/types.js';
import { loadProjectsWith, type Project } from '../../../src/pipeline/index.js';
import type {
  ApprovalRecord,
  ProjectSnapshot,
  PromotionRecord,
  StageState,
  VerificationRecord,
} from '../../../src/state/index.js';
import { toStageFreight } from '../../../src/state/index.js';
import { buildStatus, type PipelineStatus } from '../../../src/status/pipeline.js';
import { makeFreight } from '../../support/freight.js';

export function loadProject(text: string): Project {
  const name = /^project: (\S+)/m.exec(text)?.[1] ?? 'p';
  const { projects, problems } = loadProjectsWith([{ file: `.gantry/${name}.yaml`, text }]);
  if (problems.length) throw new Error(JSON.stringify(problems, null, 2));
  return projects[0] as Project;
}

const step = `
    promotionTemplate:
      steps:
        - uses: yaml-update
          config: {path: values.yaml, updates: [{key: tag, value: x}]}`;

/** echo → dev → staging → prod. */
export const THREE_STAGES = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    autoPromotion: true
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}${step}
  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}${step}
  - name: prod
    environment: production
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [staging]}${step}
`;

export const f1 = makeFreight('1.0.0', {
  createdAt: '2026-11-01T10:00:00.000Z',
  alias: 'oaken-catfish',
});
export const f2 = makeFreight('1.1.0', {
  createdAt: '2026-11-01T11:00:00.000Z',
  alias: 'calm-rhino',
});
export const f3 = makeFreight('1.2.0', {
  createdAt: '2026-11-01T12:00:00.000Z',
  alias: 'lucky-jaguar',
});

export const verified = (stage: string, f: Freight, at: string): VerificationRecord => ({
  project: 'echo',
  stage,
  freightId: f.id,
  alias: f.alias,
  verifiedAt: at,
  verifiedBy: 'ci',
});

export const approved = (stage: string, f: Freight, by: string): ApprovalRecord => ({
  project: 'echo',
  stage,
  freightId: f.id,
  alias: f.alias,
  approvedAt: '2026-11-01T13:00:00.000Z',
  approvedBy: by,
});

export const state = (stage: string, f: Freight, extra: Partial<StageState> = {}): StageState => ({
  project: 'echo',
  stage,
  freight: [toStageFreight(f)],
  promotedAt: '2026-11-01T14:00:00.000Z',
  promotedBy: 'alice',
  approvedBy: [],
  ...extra,
});

export const promotion = (
  stage: string,
  f: Freight,
  commit: string,
  at: string,
  extra: Partial<PromotionRecord> = {},
): PromotionRecord => ({
  project: 'echo',
  stage,
  branch: 'main',
  freightId: f.id,
  alias: f.alias,
  commit,
  promotedAt: at,
  promotedBy: 'alice',
  approvedBy: [],
  subject: `promote(echo/${stage}): ${f.alias}`,
  ...extra,
});

/**
 * dev runs lucky-jaguar (not verified yet), staging runs calm-rhino (verified), prod runs
 * oaken-catfish (verified, auto-promotion held); calm-rhino is approved for prod.
 */
export function threeStageStatus(): { project: Project; status: PipelineStatus } {
  const project = loadProject(THREE_STAGES);
  const snap: ProjectSnapshot = {
    freight: [f3, f2, f1],
    verifications: [
      verified('dev', f1, '2026-11-01T10:30:00.000Z'),
      verified('staging', f1, '2026-11-01T10:40:00.000Z'),
      verified('prod', f1, '2026-11-01T10:50:00.000Z'),
      verified('dev', f2, '2026-11-01T11:30:00.000Z'),
      verified('staging', f2, '2026-11-01T11:40:00.000Z'),
    ],
    approvals: [approved('prod', f2, 'carol')],
  };
  const states = new Map<string, StageState | undefined>([
    ['dev', state('dev', f3)],
    ['staging', state('staging', f2, { run: 'https://github.com/acme/gitops/actions/runs/7' })],
    [
      'prod',
      state('prod', f1, {
        autoPromotionHold: { since: '2026-11-01T15:00:00.000Z', by: 'bob', reason: 'rollback' },
      }),
    ],
  ]);
  const promotions = [
    promotion('dev', f3, 'c'.repeat(40), '2026-11-01T12:05:00.000Z'),
    promotion('staging', f2, 'b'.repeat(40), '2026-11-01T11:45:00.000Z'),
    promotion('dev', f2, 'a'.repeat(40), '2026-11-01T11:05:00.000Z'),
    promotion('prod', f1, '9'.repeat(40), '2026-11-01T10:55:00.000Z'),
  ];
  const status = buildStatus(
    project,
    { snap, states, promotions },
    { repoWebUrl: 'https://github.com/acme/gitops' },
  );
  return { project, status };
}
