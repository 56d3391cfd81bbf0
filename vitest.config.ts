import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests start real git servers and processes; two cores here, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // A directory for the one bundle build a run shares (test/support/bundle-once.ts).
    globalSetup: ['./test/support/bundle-once.ts'],
  },
});
