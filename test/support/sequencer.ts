import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, heaviest first, in seconds of one run of the whole suite on the
 * two-core machine when it was otherwise idle. vitest orders by the durations it cached on an
 * earlier run, and by file size when it has none, as on CI's fresh clone: there the long
 * process-driven files (crash, contention, concurrency) are small and would start last, leaving
 * one worker busy alone at the end. Starting them first lets the short files fill in around them.
 * crash.test.ts (31 s) is pinned first: it starts the run's one bundle build
 * (test/support/bundle-once.ts) and waits for it while the other worker has work. Only the order
 * comes from here; a stale figure costs time, never a check.
 */
const SLOW: Record<string, number> = {
  'test/integration/crash.test.ts': Infinity,
  'test/integration/promote-concurrency.test.ts': 40.3,
  'test/integration/workspace-edges.test.ts': 32.0,
  'test/docs/docs-examples.test.ts': 13.2,
  'test/integration/workspace-pr.test.ts': 12.4,
  'test/integration/contention.test.ts': 12.2,
  'test/actions/bundle.test.ts': 9.6,
  'test/unit/discovery/helm-index.test.ts': 8.9,
  'test/integration/registry.test.ts': 7.7,
  'test/integration/state-index.test.ts': 7.7,
  'test/integration/concurrency.test.ts': 7.6,
  'test/integration/kargo-docs-promote.test.ts': 7.6,
  'test/integration/promote-processes.test.ts': 7.5,
  'test/integration/metadata.test.ts': 6.5,
  'test/integration/workspace.test.ts': 6.4,
  'test/actions/output.test.ts': 6.2,
  'test/integration/promote-github.test.ts': 6.1,
  'test/integration/kargo-manifests.test.ts': 5.6,
  'test/e2e/loop.test.ts': 5.1,
  'test/integration/verify.test.ts': 4.8,
  'test/unit/state/lock.test.ts': 4.4,
  'test/cli/init.test.ts': 3.9,
  'test/integration/state.test.ts': 3.8,
  'test/cli/demo.test.ts': 3.8,
  'test/cli/strict.test.ts': 3.7,
  'test/integration/git-discovery.test.ts': 3.5,
  'test/integration/state-edges.test.ts': 3.5,
  'test/integration/discover-core.test.ts': 3.3,
  'test/integration/state-reads-processes.test.ts': 3.2,
  'test/integration/verification/http.test.ts': 3.0,
  'test/install.test.ts': 2.9,
  'test/integration/registry-faults.test.ts': 2.8,
  'test/integration/discover-matrix.test.ts': 2.7,
  'test/integration/gate.test.ts': 2.7,
  'test/integration/registry-tag-ranges.test.ts': 2.6,
  'test/integration/github-push.test.ts': 2.6,
  'test/cli/pipe.test.ts': 2.6,
  'test/integration/dashboard.test.ts': 2.6,
  'test/integration/freight-assemble.test.ts': 2.5,
  'test/integration/workspace-pr-resume.test.ts': 2.4,
};

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const weight = (f: TestSpecification) => {
      const rel = f.moduleId.slice(f.project.config.root.length + 1);
      return SLOW[rel] ?? 0;
    };
    // A stable sort: the files without a figure keep vitest's own order after the slow ones.
    return base.sort((a, b) => weight(b) - weight(a));
  }
}
