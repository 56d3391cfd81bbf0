import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/support/sequencer.js';

/**
 * Files that run the actions in-process: @actions/core keeps process-wide state between them (the
 * step summary's file, found once and cached; the exit code setFailed sets), so each gets a fresh
 * module graph.
 */
const ACTIONS_IN_PROCESS = [
  'test/actions/**/*.test.ts',
  'test/integration/dashboard.test.ts',
  'test/integration/stage-health-views.test.ts',
];

export default defineConfig({
  test: {
    // Tests start real git servers and processes; two cores here, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    // The long process-driven files first, so that the two workers finish together.
    sequence: { sequencer: SlowestFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // A directory for the one bundle build a run shares (test/support/bundle-once.ts).
    globalSetup: ['./test/support/bundle-once.ts'],
    // gantry's git commands start from a small process, not from the large worker.
    setupFiles: ['./test/support/setup-launcher.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ACTIONS_IN_PROCESS,
          // A worker loads src/ once for all the files it runs, instead of once per file: that
          // reloading was a third of the suite's CPU. Tests that change process-wide state (env,
          // stdout spies) restore it in their afterEach.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: ACTIONS_IN_PROCESS, isolate: true },
      },
    ],
  },
});
