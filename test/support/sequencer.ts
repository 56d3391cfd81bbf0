import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, heaviest first, in seconds of one run on a loaded two-core machine.
 * vitest orders by the durations it cached on an earlier run, and by file size when it has none,
 * as on CI's fresh clone: there the long process-driven files (crash, contention, concurrency)
 * are small and would start last, leaving one worker busy alone at the end. Starting them first
 * lets the short files fill in around them. Only the order comes from here; a stale figure costs
 * time, never a check.
 */
const SLOW: Record<string, number> = {
  'test/integration/crash.test.ts': 74,
  'test/integration/workspace-edges.test.ts': 58,
  'test/docs/docs-examples.test.ts': 47,
  'test/integration/promote-concurrency.test.ts': 40,
  'test/integration/concurrency.test.ts': 39,
  'test/integration/kargo-manifests.test.ts': 30,
  'test/integration/contention.test.ts': 25,
  'test/integration/metadata.test.ts': 24,
  'test/actions/bundle.test.ts': 23,
  'test/integration/git-discovery.test.ts': 21,
  'test/cli/pipe.test.ts': 18,
  'test/integration/kargo-docs-promote.test.ts': 16,
  'test/integration/verify.test.ts': 16,
  'test/integration/state.test.ts': 14,
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
