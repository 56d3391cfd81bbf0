import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeFreight } from '../../src/freight/document.js';
import type { Freight } from '../../src/freight/types.js';
import { makeFreight } from './freight.js';
import { git, testGitEnv } from './repos.js';

/**
 * Writes freight tags straight into a bare repository with git plumbing (one hash-object, one
 * update-ref, one pack-refs), as an older gantry or a hand would: no freight index is written. Thousands take
 * a second, where recording each through the store would take minutes.
 */
export function writeFreightTags(bare: string, project: string, freight: Freight[]): void {
  const env = testGitEnv(bare);
  const dir = mkdtempSync(join(bare, 'tmp-tags-'));
  try {
    const paths = freight.map((f, i) => {
      const p = join(dir, String(i));
      const seconds = Math.floor(new Date(f.createdAt).getTime() / 1000);
      writeFileSync(
        p,
        `object 4b825dc642cb6eb9a060e54bf8d69288fbee4904\ntype tree\ntag gantry/${project}/freight/${f.id}\ntagger t <t@example.test> ${seconds} +0000\n\n${serializeFreight(f)}`,
      );
      return p;
    });
    const oids = git(
      bare,
      ['hash-object', '-t', 'tag', '-w', '--stdin-paths'],
      env,
      paths.join('\n') + '\n',
    )
      .trim()
      .split('\n');
    git(
      bare,
      ['update-ref', '--stdin'],
      env,
      oids
        .map((o, i) => `create refs/tags/gantry/${project}/freight/${freight[i]?.id} ${o}\n`)
        .join(''),
    );
    // Packed, as a forge keeps a repository's refs after its gc: thousands of loose ref files
    // would make every later fetch and ls-remote of the fixture read them one by one (20 ms of
    // CPU each at 2,200 tags, 7 ms packed).
    git(bare, ['pack-refs', '--all'], env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `n` freight of warehouse `warehouse`, one minute apart from `start`, oldest first. */
export function manyFreight(
  n: number,
  start = Date.UTC(2026, 0, 1),
  warehouse = 'echo',
): Freight[] {
  return Array.from({ length: n }, (_, i) =>
    makeFreight(`1.${Math.floor(i / 1000)}.${i % 1000}`, {
      warehouse,
      createdAt: new Date(start + i * 60_000).toISOString(),
    }),
  );
}
