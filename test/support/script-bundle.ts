/**
 * A TypeScript script a test starts as many processes, bundled once into one plain ES module:
 * each process then starts as fast as the shipped bundle does, instead of paying for tsx's loader
 * and a transform of every source file it imports (about four times the start-up CPU).
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** Bundles `entry` (and what it imports from src/) into `dir`; resolves with the file to run. */
export async function bundleScript(entry: string, dir: string): Promise<string> {
  const out = join(mkdtempSync(join(dir, 'script-')), 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The bundle lives outside the checkout, where node_modules cannot be found, so it carries
    // its dependencies; the CommonJS ones among them call require(), which an ES module lacks.
    banner: {
      js: "import { createRequire as gantryTestRequire } from 'node:module'; const require = gantryTestRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return out;
}
