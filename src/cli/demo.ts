import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStageServices, type StageServices } from '../demo/services.js';
import {
  createWorld,
  demoGitEnv,
  PROJECT,
  projectFile,
  release,
  seedGitOps,
  STAGES,
  valuesPath,
} from '../demo/world.js';
import { parseRemote } from '../git/index.js';
import { StateStore } from '../state/index.js';
import type { CliIO } from './io.js';

/**
 * The README's first command: a whole world on this machine, then gantry's real commands over it.
 *
 * An app repository whose tags are its releases, a GitOps repository (bare, plus a clone) with a
 * three-stage project, and one tiny HTTP service per stage that reports what the stage runs. Then
 * `gantry discover`, `promote`, `verify` and `approve` take the newest release through dev and
 * staging to production, where it waits for an approval; a new release follows into dev. The
 * stage table is printed after every step. No account, no network: everything is under `--dir`
 * (or a new temporary directory), the CLI's cache included, and the services stop at the end.
 */

export interface DemoOptions {
  dir?: string;
  io: CliIO;
  /** Runs a gantry command line; `env` is laid over the demo's environment. */
  cli: (args: string[], env?: Record<string, string>) => Promise<number>;
}

class DemoFailed extends Error {}

export async function runDemo(opts: DemoOptions): Promise<number> {
  const { io } = opts;
  const started = Date.now();
  const root = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), 'gantry-demo-'));
  if (existsSync(root) && readdirSync(root).length) {
    io.err(`gantry demo: ${root} is not empty; give --dir a new or empty directory\n`);
    return 2;
  }
  mkdirSync(root, { recursive: true });
  const bold = (t: string) => (io.color ? `\u001b[1m${t}\u001b[0m` : t);
  const dim = (t: string) => (io.color ? `\u001b[2m${t}\u001b[0m` : t);
  const say = (text: string) => io.out(`\n${bold(`## ${text}`)}\n`);

  const world = createWorld(root, io.env);
  // Everything gantry writes stays under the demo's directory (its cache too); the demo acts
  // as one person, whose name goes on promotions and approvals.
  const cliEnv = {
    GANTRY_CACHE_DIR: join(root, 'cache'),
    GIT_AUTHOR_NAME: 'gantry demo',
    GIT_AUTHOR_EMAIL: 'demo@example.test',
  };
  const repo = ['--repo', world.clone];
  /** One gantry command, shown as a user would type it (without `--repo`). */
  const gantry = async (args: string[], expect: 'ok' | 'refused' = 'ok') => {
    io.out(`${bold(`$ gantry ${args.map(quote).join(' ')}`)}\n`);
    const code = await opts.cli([...args, ...repo], cliEnv);
    if (expect === 'ok' && code !== 0) throw new DemoFailed(`gantry ${args[0]} exited ${code}`);
    if (expect === 'refused' && code === 0)
      throw new DemoFailed(`gantry ${args[0]} was expected to refuse`);
    return code;
  };
  const stages = async () => {
    io.out(`\n${dim('$ gantry get stages')}\n`);
    const code = await opts.cli(['get', 'stages', ...repo], cliEnv);
    if (code !== 0) throw new DemoFailed(`gantry get stages exited ${code}`);
  };

  let services: StageServices | undefined;
  try {
    say(`A world on this machine, in ${root}`);
    release(world, '1.0.0');
    release(world, '1.1.0');
    services = await startStageServices({
      gitDir: world.bare,
      branch: 'main',
      stages: STAGES,
      valuesPath,
      env: demoGitEnv(io.env),
    });
    const urls = Object.fromEntries(services.services.map((s) => [s.stage, s.url]));
    seedGitOps(world, projectFile(world, urls));
    io.out(
      [
        `app repository:    ${world.app} (releases: ${world.git(world.app, 'tag', '-l').trim().split('\n').join(', ')})`,
        `GitOps repository: ${world.bare}`,
        `  its clone:       ${world.clone} (every command below runs with --repo ${world.clone})`,
        `  the project:     ${join(world.clone, '.gantry', `${PROJECT}.yaml`)}`,
        ...services.services.map(
          (s) =>
            `service ${s.stage.padEnd(8)}   ${s.url} (reports what ${valuesPath(s.stage)} on main says)`,
        ),
        '',
      ].join('\n'),
    );

    say('Check the project file');
    await gantry(['lint']);
    await stages();

    say('Discover: the newest release of the app becomes freight');
    await gantry(['discover']);
    await stages();

    say('Promote into dev (auto-promotion would do this in a workflow)');
    await gantry(['promote', '--stage', 'dev']);
    await stages();

    say('Verify dev: ask its service what it runs');
    await gantry(['verify', '--stage', 'dev']);
    await stages();

    say('Promote into staging, which takes what dev verified, and verify it');
    await gantry(['promote', '--stage', 'staging']);
    await gantry(['verify', '--stage', 'staging']);
    await stages();

    // Aliases are made per freight; which one staging runs is in the state (`get stages`).
    const store = new StateStore({
      remote: parseRemote(world.bare),
      cacheDir: join(root, 'cache'),
      baseEnv: io.env,
    });
    const staged = (await store.stageStates(PROJECT, [{ name: 'staging' }])).get('staging');
    const alias = staged?.freight[0]?.alias;
    if (!alias) throw new DemoFailed('staging runs no freight');

    say('Production waits: staging verified it, but it must soak for an hour there first');
    const refusal = await gantry(['promote', '--stage', 'prod'], 'refused');
    io.out(dim(`(exit ${refusal}: the expected refusal; nothing was committed)\n`));
    await stages();

    say('A person approves it for production (Kargo\u2019s `kargo approve`)');
    await gantry(['approve', '--stage', 'prod', '--freight', alias, '--reason', 'demo']);
    await gantry(['promote', '--stage', 'prod']);
    await gantry(['verify', '--stage', 'prod']);
    await stages();

    say('A new release, v1.2.0, is tagged in the app repository');
    const commit = release(world, '1.2.0');
    io.out(`tagged v1.2.0 at ${commit}\n`);
    await gantry(['discover']);
    await gantry(['promote', '--stage', 'dev']);
    await gantry(['verify', '--stage', 'dev']);
    await stages();

    say('Where each freight has been');
    await gantry(['get', 'freight']);
    say('Every promotion');
    await gantry(['get', 'promotions']);
    say('History is plain git: the GitOps repository');
    io.out(`${bold('$ git log --oneline main')}\n`);
    io.out(world.git(world.bare, 'log', '--oneline', '--no-decorate', 'main'));
    io.out(
      `${bold(`$ git tag -l 'gantry/${PROJECT}/verified/*' 'gantry/${PROJECT}/approved/*'`)}\n`,
    );
    io.out(
      world.git(
        world.bare,
        'tag',
        '-l',
        `gantry/${PROJECT}/verified/*`,
        `gantry/${PROJECT}/approved/*`,
      ),
    );

    io.out(
      [
        '',
        `Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Look around:`,
        `  cat ${join(world.clone, '.gantry', `${PROJECT}.yaml`)}`,
        `  git -C ${world.bare} log -p -1 main`,
        `  git -C ${world.bare} tag -n1 -l 'gantry/*'`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (err) {
    if (!(err instanceof DemoFailed)) throw err;
    io.err(`gantry demo: ${err.message}; the world is left in ${root}\n`);
    return 1;
  } finally {
    await services?.close();
  }
}

function quote(arg: string): string {
  return /^[\w./:@=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
