import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Freight } from '../../src/freight/types.js';
import type { StepContext } from '../../src/promotion/steps/types.js';

/** A temp directory by its real path (macOS-style /tmp links would confuse path-safety checks). */
export function realTempDir(prefix = 'gantry-steps-'): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A freight with one image, one chart and one commit, for step tests. */
export function stepFreight(over: Partial<Freight> = {}): Freight {
  return {
    id: 'f'.repeat(40),
    alias: 'lucky-jaguar',
    origin: { kind: 'Warehouse', name: 'echo' },
    images: [{ repoURL: 'ghcr.io/acme/echo', tag: '1.2.0', digest: 'sha256:abc' }],
    charts: [{ repoURL: 'https://charts.example.com', name: 'echo', version: '0.3.1' }],
    commits: [
      {
        repoURL: 'https://github.com/acme/config.git',
        id: 'c'.repeat(40),
        branch: 'main',
        message: 'bump',
        author: 'A <a@example.com>',
      },
    ],
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

/** A step context on `worktree` with that freight; no network. */
export function stepContext(worktree: string, over: Partial<StepContext> = {}): StepContext {
  const f = stepFreight();
  return {
    worktree,
    project: 'echo',
    stage: 'dev',
    freight: f,
    freightCollection: [f],
    index: 0,
    fetch: () => Promise.reject(new Error('no network in tests')),
    log: () => undefined,
    ...over,
  };
}
