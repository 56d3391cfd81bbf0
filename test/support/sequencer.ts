import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, heaviest first, in seconds of one run on the shared two-core
 * machine (load 5 to 10; dist.test.ts from a run where dist/ was current). vitest orders by the durations it cached on an earlier run, and by file size when it has none,
 * as on CI's fresh clone: there the long process-driven files (crash, contention, concurrency)
 * are small and would start last, leaving one worker busy alone at the end. Starting them first
 * lets the short files fill in around them. Only the order comes from here; a stale figure costs
 * time, never a check.
 */
const SLOW: Record<string, number> = {
  'test/integration/crash.test.ts': 140,
  'test/integration/workspace-edges.test.ts': 125,
  'test/integration/promote-concurrency.test.ts': 47,
  'test/docs/docs-examples.test.ts': 46,
  'test/integration/git-discovery.test.ts': 38,
  'test/integration/kargo-manifests.test.ts': 35,
  'test/integration/concurrency.test.ts': 32,
  'test/integration/contention.test.ts': 31,
  'test/integration/workspace-pr.test.ts': 30,
  'test/integration/metadata.test.ts': 25,
  'test/integration/workspace.test.ts': 25,
  'test/actions/bundle.test.ts': 22,
  'test/e2e/loop.test.ts': 22,
  'test/integration/registry.test.ts': 21,
  'test/integration/state-index.test.ts': 20,
  'test/integration/verify.test.ts': 17,
  'test/actions/output.test.ts': 16,
  'test/integration/workspace-pr-resume.test.ts': 15,
  'test/integration/promote-github.test.ts': 14,
  'test/cli/demo.test.ts': 14,
  'test/dist.test.ts': 14,
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
