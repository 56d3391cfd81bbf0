import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // One worker more than there are cores: a file spends part of its time waiting on the git
    // processes and servers it started, and a third worker on the two-core machine fills those
    // waits (the suite took 122 s instead of 146 s, for the same CPU). More than that only adds
    // contention to the tests that time recoveries and races.
    maxWorkers: availableParallelism() + 1,
    // A worker loads src/ once for all the files it runs, instead of once per file: that
    // reloading was a third of the suite's CPU. Tests that change process-wide state (env, stdout
    // spies) restore it in their afterEach; test/support/setup.ts resets what @actions/core keeps
    // for the actions run in-process.
    isolate: false,
    // The long process-driven files first, so that the workers finish together.
    sequence: { sequencer: SlowestFirst },
    // Transformed sources kept on disk between runs (keyed by each file's content and the config):
    // a rerun skips most of the TypeScript transform, a quarter of a run of small files' CPU.
    // Under .tmp/ (ignored), not in node_modules, which may be a shared install.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.tmp/vitest-cache' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // A directory for the one bundle build a run shares (test/support/bundle-once.ts).
    globalSetup: ['./test/support/bundle-once.ts'],
    // Before every file: gantry's git commands start from a small process, not from the large
    // worker; @actions/core's cached state is reset after each test.
    setupFiles: ['./test/support/setup.ts'],
  },
});
