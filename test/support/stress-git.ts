/**
 * Git for the checks of the process-driven stress tests, run without blocking the worker. One
 * lane's checks run while other lanes' gantry commands run in this same process: a synchronous
 * git (repos.ts `git`) would stop their event loop for as long as it ran, and the time those
 * commands are held to would include it.
 */
import { sharedLauncher } from './git-launcher.js';
import { parseBlobBatch, testGitEnv } from './repos.js';

/** One git command in `cwd`, its output; a failure throws with git's stderr. */
export async function gitAsync(cwd: string, args: string[], input = ''): Promise<Buffer> {
  const r = await sharedLauncher()({
    file: 'git',
    args,
    cwd,
    env: testGitEnv(cwd),
    input,
    timeoutMs: 120_000,
  });
  if (r.exitCode === 0) return r.stdoutBytes;
  throw Object.assign(new Error(`Command failed: git ${args.join(' ')}\n${r.stderr}`), {
    status: r.exitCode,
    stderr: r.stderr,
  });
}

/** `gitAsync`'s output as text. */
export async function gitText(cwd: string, args: string[]): Promise<string> {
  return (await gitAsync(cwd, args)).toString('utf8');
}

/**
 * The contents of `specs` (`<commit>:<path>`) in `repo` by one `git cat-file --batch`, as repos.ts
 * `readBlobs` reads them; `undefined` for one that does not exist.
 */
export async function readBlobsAsync(
  repo: string,
  specs: string[],
): Promise<(string | undefined)[]> {
  const out = await gitAsync(repo, ['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  return parseBlobBatch(out, specs);
}
