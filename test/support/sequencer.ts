import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, heaviest first, in seconds of one run of the whole suite on the
 * two-core machine when it was otherwise idle (git-discovery.test.ts halved since: its histories
 * are now built by fast-import). vitest orders by the durations it cached on an earlier run, and
 * by file size when it has none, as on CI's fresh clone: there the long process-driven files
 * (crash, contention, concurrency) are small and would start last, leaving one worker busy alone
 * at the end. Starting them first lets the short files fill in around them; crash.test.ts first
 * also starts the run's one bundle build (test/support/bundle-once.ts) while the other worker has
 * work. Only the order comes from here; a stale figure costs time, never a check.
 */
const SLOW: Record<string, number> = {
  'test/integration/crash.test.ts': 67.2,
  'test/integration/promote-concurrency.test.ts': 51.6,
  'test/integration/workspace-edges.test.ts': 48.4,
  'test/integration/kargo-manifests.test.ts': 26.8,
  'test/integration/contention.test.ts': 26.5,
  'test/docs/docs-examples.test.ts': 24.5,
  'test/integration/workspace-pr-resume.test.ts': 14.8,
  'test/integration/state-index.test.ts': 14.7,
  'test/integration/workspace-pr.test.ts': 11.1,
  'test/actions/bundle.test.ts': 10.7,
  'test/integration/concurrency.test.ts': 10.7,
  'test/integration/metadata.test.ts': 10.6,
  'test/integration/registry.test.ts': 10.2,
  'test/integration/kargo-docs-promote.test.ts': 9.9,
  'test/integration/workspace.test.ts': 9.4,
  'test/integration/promote-github.test.ts': 8.4,
  'test/e2e/loop.test.ts': 8.3,
  'test/actions/output.test.ts': 7.1,
  'test/unit/discovery/helm-index.test.ts': 6.8,
  'test/integration/verify.test.ts': 6.4,
  'test/integration/argocd-update-promote.test.ts': 6.3,
  'test/cli/strict.test.ts': 5.6,
  'test/unit/state/lock.test.ts': 4.9,
  'test/cli/demo.test.ts': 4.8,
  'test/integration/state.test.ts': 4.5,
  'test/integration/gate.test.ts': 4.3,
  'test/integration/state-edges.test.ts': 4.2,
  'test/integration/git-discovery.test.ts': 4,
  'test/cli/init.test.ts': 4,
  'test/integration/dashboard.test.ts': 3.6,
  'test/install.test.ts': 3.5,
  'test/integration/github-merge.test.ts': 3.2,
  'test/cli/pipe.test.ts': 3.2,
  'test/integration/discover-matrix.test.ts': 3.2,
  'test/actions/promote-many.test.ts': 3.1,
  'test/integration/verification/http.test.ts': 3.1,
  'test/cli/expression-context.test.ts': 3,
  'test/cli/cli.test.ts': 2.7,
  'test/integration/promote-named.test.ts': 2.7,
  'test/integration/registry-faults.test.ts': 2.6,
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
