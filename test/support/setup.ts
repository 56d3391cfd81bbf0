// Runs before every test file, in the worker that runs it.
import { summary } from '@actions/core';
import { afterEach } from 'vitest';
import { setLauncher } from '../../src/git/launch.js';
import { sharedLauncher } from './git-launcher.js';

// gantry's in-process git commands start from one small launcher process per worker
// (test/support/git-launcher.ts), the same one whatever file loaded src/.
setLauncher(sharedLauncher());

// Actions run in-process share the worker with every other file: @actions/core keeps the step
// summary's path once it has looked it up, and a failed action sets the exit code. Neither may
// reach the next test.
afterEach(() => {
  (summary as unknown as { _filePath?: string })._filePath = undefined;
  summary.emptyBuffer();
  process.exitCode = undefined;
});
