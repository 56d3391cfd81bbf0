// Every test file's in-process git commands start from one small launcher process per worker
// (test/support/git-launcher.ts). Kept on globalThis: files of the isolated project load
// src/git/launch.ts afresh, and one launcher serves them all.
import { setLauncher, type Launcher } from '../../src/git/launch.js';
import { processLauncher } from './git-launcher.js';

const KEY = Symbol.for('gantry.test.launcher');
const store = globalThis as { [KEY]?: Launcher };
setLauncher((store[KEY] ??= processLauncher()));
