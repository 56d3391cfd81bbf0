import { GantryError, formatProblem } from '../../util/errors.js';
import { GitError } from '../../git/index.js';
import { defaultProviders } from '../../verification/index.js';
import { defaultRegistry } from '../../promotion/steps/registry.js';
import { tidyProblems } from '../../pipeline/source.js';
import type { Project } from '../../pipeline/index.js';
import type { StateStore } from '../../state/index.js';
import {
  loadProjects,
  NoRemoteError,
  NotARepoError,
  openRepo,
  projectFileTexts,
  workflowFileTexts,
  type ProjectSource,
} from '../../app/repo.js';
import { runtimeProblems } from '../../status/lint.js';
import { workflowProblems } from '../../status/workflow-lint.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { checkKargoDir, kargoImportText } from '../../status/kargo-import.js';
import { REPO_FLAG, noPositionals, repoSettings } from '../shared.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check the project files and workflows (and that the state tags at origin read)',
  flags: [
    REPO_FLAG,
    {
      name: 'kargo',
      type: 'string',
      value: 'DIR',
      help: "an import check of a Kargo project's manifests before switching: for each resource,\nwhat gantry will do with it, the fields it ignores and why, and what it cannot do (with\nthe alternative)",
    },
  ],
  description: `Every problem is printed as file:line:column with the field and what to do, and the exit
code is 2. A clone without a remote is linted all the same; an unreachable remote is a warning.

--kargo DIR reads the manifests under DIR (no gantry file, no repository needed) as a gantry file
with kargo: DIR would, and exits 2 only when something cannot be done as written.`,
  examples: [
    'gantry lint',
    'gantry lint --repo https://github.com/acme/gitops.git',
    'gantry lint --kargo ./kargo',
  ],
  async run(args, ctx) {
    noPositionals(args, 'lint');
    const { io } = ctx;
    const kargoDir = args.string('kargo');
    if (kargoDir !== undefined) {
      const report = await checkKargoDir(
        kargoDir,
        process.cwd(),
        defaultRegistry(),
        defaultProviders(),
      ).catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new UsageError(`--kargo ${kargoDir}: no such directory`, 'lint');
        throw err;
      });
      if (!report.entries.length && !report.problems.length)
        throw new UsageError(`--kargo ${kargoDir}: no *.yaml or *.yml files there`, 'lint');
      io.out(kargoImportText(report));
      const n = report.problems.length;
      io.err(
        n
          ? `gantry: ${n} problem${n === 1 ? '' : 's'} to solve before gantry can run these manifests\n`
          : `ok: gantry reads ${report.projects.join(', ')} from ${kargoDir} as it is\n`,
      );
      return n ? EXIT.usage : EXIT.ok;
    }
    const settings = repoSettings(args, ctx);
    let source: ProjectSource;
    try {
      source = await openRepo(settings);
    } catch (err) {
      // Lint reads the work tree: a clone without a remote (fresh from `git init`), or a
      // directory that is no repository yet (fresh from `gantry init`), has no state to check,
      // but its files can be linted all the same.
      if (err instanceof NoRemoteError) source = { localDir: err.localDir };
      else if (err instanceof NotARepoError) source = { localDir: err.dir };
      else throw err;
    }
    const loaded = await loadProjects(source);
    const { projects } = loaded;
    const texts = loaded.problems.length ? [] : await projectFileTexts(source);
    const problems = loaded.problems.length
      ? loaded.problems
      : tidyProblems([
          ...runtimeProblems(texts, projects, defaultRegistry(), defaultProviders()),
          ...workflowProblems(await workflowFileTexts(source), projects, texts),
        ]);
    if (problems.length) {
      io.out(problems.map(formatProblem).join('\n') + '\n');
      const where = problems.some((p) => p.file.startsWith('.github/'))
        ? 'the project and workflow files'
        : 'the project files';
      io.err(`gantry: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where}\n`);
      return EXIT.usage;
    }
    const unreadable = source.store
      ? await unreadableTags(source.store, projects, settings.warn)
      : 0;
    io.err(
      `ok: ${projects.length} project${projects.length === 1 ? '' : 's'} (${projects.map((p) => p.name).join(', ')})${unreadable ? `; warnings: ${unreadable} unreadable tag${unreadable === 1 ? '' : 's'}` : ''}\n`,
    );
    return EXIT.ok;
  },
};

/**
 * Lint's state check: the tags of each project that gantry cannot read (the store prints a
 * warning for each). A remote that cannot be reached is a warning too: lint is about the files.
 */
async function unreadableTags(
  store: StateStore,
  projects: readonly Project[],
  warn: (line: string) => void,
): Promise<number> {
  let count = 0;
  for (const p of projects) {
    try {
      count += (await store.snapshot(p.name)).unreadable?.length ?? 0;
    } catch (err) {
      if (!(err instanceof GantryError || err instanceof GitError)) throw err;
      warn(`could not check the state tags of ${p.name} at ${store.remoteUrl}: ${err.message}`);
      return count;
    }
  }
  return count;
}
