/**
 * `gantry lint --kargo DIR`: before a team switches, what gantry will do with each resource of
 * its Kargo directory and what it cannot do. The reading is the Kargo reader's own (kargoImport),
 * and the step and metric checks are lint's, so the answer is the one the switch would meet.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { kargoImport, type ImportEntry } from '../pipeline/kargo.js';
import type { ProviderRegistry } from '../verification/index.js';
import type { StepRegistry } from '../promotion/steps/engine.js';
import { runtimeProblems } from './lint.js';
import { tidyProblems } from '../pipeline/source.js';
import { formatProblem, type Problem } from '../util/errors.js';

export interface KargoImportReport {
  entries: ImportEntry[];
  problems: Problem[];
  /** The projects gantry would read (only when nothing stops it). */
  projects: string[];
}

async function yamlFiles(root: string, dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  const items = await readdir(dir, { withFileTypes: true });
  items.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of items) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(root, path)));
    else if (/\.ya?ml$/i.test(e.name)) {
      out.push({
        file: relative(root, path).replace(/\\/g, '/'),
        text: await readFile(path, 'utf8'),
      });
    }
  }
  return out;
}

/**
 * Read every `*.yaml`/`*.yml` under `dir` (paths shown relative to `cwd`) and check it as a
 * gantry file pointing at it would be checked.
 */
export async function checkKargoDir(
  dir: string,
  cwd: string,
  steps: StepRegistry,
  providers: ProviderRegistry,
): Promise<KargoImportReport> {
  const root = resolve(cwd, dir);
  // Shown as the user wrote the directory: `kargo/stages.yaml`, `/srv/kargo/stages.yaml`.
  const shown = dir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  const files = (await yamlFiles(root, root)).map((f) => ({
    ...f,
    file: shown && shown !== '.' ? `${shown}/${f.file}` : f.file,
  }));
  // The name the gantry file would give `kargo:`; a path outside the repository stays a label.
  const label = relative(cwd, root).replace(/\\/g, '/');
  const safe = label && !label.startsWith('..') && !label.startsWith('/') ? label : 'kargo';
  const { entries, projects, problems } = kargoImport(safe, files);
  const runtime = runtimeProblems(
    projects.map((p) => ({ file: p.file, text: `kargo: ${safe}\n` })),
    projects,
    steps,
    providers,
  );
  return {
    entries,
    problems: tidyProblems([...problems, ...runtime]),
    projects: projects.map((p) => p.name),
  };
}

/** The report for a terminal: each resource, what gantry does, ignored fields, then problems. */
export function kargoImportText(r: KargoImportReport): string {
  const lines: string[] = [];
  for (const e of r.entries) {
    lines.push(`${e.file}:${e.line}: ${e.kind} ${e.name || '(unnamed)'}: ${e.does}`);
    for (const i of e.ignored) lines.push(`    ignored: ${i}`);
  }
  if (r.problems.length) {
    lines.push('', 'cannot be done as written:');
    lines.push(...r.problems.map(formatProblem));
  }
  return lines.join('\n') + '\n';
}
