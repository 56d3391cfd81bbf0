/**
 * What kustomize-build and helm-template share: running the renderer, naming one file per
 * rendered resource, and writing the result to `outPath` inside the checkout.
 *
 * A renderer runs to completion before anything is written, so a failing build leaves the
 * checkout as it was. Every file written goes through safePath, so a link already in the
 * destination cannot lead a write outside the checkout.
 */
import { spawn } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { launcher, launchHere, type Launcher } from '../../git/launch.js';
import { ConfigError, OperationError } from '../../util/errors.js';
import { safePath } from './safe-path.js';

/** The tail of a renderer's stderr put in an error: enough for kustomize's or helm's message. */
const STDERR_KEPT = 4000;
/**
 * How long a renderer may run. A promotion holds its stage's lock while it runs, so a renderer
 * stuck on the network (a chart download) must not hold it forever.
 */
export const RENDER_TIMEOUT_MS = 10 * 60 * 1000;
/** Rendered output larger than this is refused rather than held in memory. */
const STDOUT_LIMIT = 64 * 1024 * 1024;

export interface ProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Thrown by runProgram when the binary is not on PATH. */
export class MissingBinaryError extends Error {
  constructor(readonly binary: string) {
    super(`${binary}: not found`);
    this.name = 'MissingBinaryError';
  }
}

/**
 * Runs `binary args` in `cwd`, without a shell. `env` replaces the environment (and its PATH
 * finds the binary); without it the child inherits the process's.
 */
export function runProgram(
  binary: string,
  args: readonly string[],
  cwd: string,
  env?: Readonly<Record<string, string | undefined>>,
  timeoutMs = RENDER_TIMEOUT_MS,
): Promise<ProgramResult> {
  // A host that starts processes from a small process of its own (the test suite's workers, of
  // hundreds of MB, each fork of which copies their page tables) gets the renderers too. Only
  // with an environment to hand over: without one the child inherits this process's.
  const launch = launcher();
  if (launch !== launchHere && env) {
    return runLaunched(launch, binary, args, cwd, env, timeoutMs);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: stopping it stops what it started (helm's plugins, a shell's
      // children), which would otherwise hold the output pipes open.
      detached: true,
      ...(env ? { env: env as NodeJS.ProcessEnv } : {}),
    });
    const stop = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    timer.unref();
    const out: Buffer[] = [];
    let outBytes = 0;
    let tooBig = false;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > STDOUT_LIMIT) {
        if (!tooBig) stop();
        tooBig = true;
        return;
      }
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      err = (err + b.toString('utf8')).slice(-STDERR_KEPT * 2);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new MissingBinaryError(binary) : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new OperationError(
            `${binary} did not finish within ${timeoutMs / 1000} s and was stopped`,
          ),
        );
        return;
      }
      if (tooBig) {
        reject(
          new OperationError(
            `${binary} wrote more than ${STDOUT_LIMIT / 1024 / 1024} MiB of manifests; refusing to hold them`,
          ),
        );
        return;
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/**
 * runProgram through the launcher seam: the same answers and errors. The launcher stops the
 * renderer itself at the timeout, and the output's cap is checked once it is all in.
 */
async function runLaunched(
  launch: Launcher,
  binary: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<ProgramResult> {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) defined[k] = v;
  const res = await launch({
    file: binary,
    args: [...args],
    cwd,
    env: defined,
    input: '',
    timeoutMs,
  }).catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' || /\bENOENT\b/.test(String((e as Error).message))
      ? new MissingBinaryError(binary)
      : e;
  });
  if (res.exitCode === 124 && res.stderr.startsWith('timed out after')) {
    throw new OperationError(
      `${binary} did not finish within ${timeoutMs / 1000} s and was stopped`,
    );
  }
  if (res.stdoutBytes.length > STDOUT_LIMIT) {
    throw new OperationError(
      `${binary} wrote more than ${STDOUT_LIMIT / 1024 / 1024} MiB of manifests; refusing to hold them`,
    );
  }
  return {
    code: res.exitCode,
    stdout: res.stdoutBytes.toString('utf8'),
    stderr: res.stderr.slice(-STDERR_KEPT * 2),
  };
}

/** The last part of a renderer's stderr, trimmed, for an error message. */
export function stderrTail(stderr: string): string {
  // kubectl prefixes its messages with klog's `E1206 08:43:21.165957   20444 run.go:72] `.
  const t = stderr.replace(/^[EFIW]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\] /gm, '').trim();
  return t.length > STDERR_KEPT ? `…${t.slice(-STDERR_KEPT)}` : t;
}

/** Kargo's rule: an `outPath` ending in .yaml or .yml is one file, anything else a directory. */
export function isFileOutPath(outPath: string): boolean {
  return /\.ya?ml$/i.test(outPath);
}

/** One YAML document of rendered output, with what its file name is made of. */
export interface RenderedDoc {
  /** The document's text, without its `---` separator. */
  text: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The documents of a renderer's multi-document stream, skipping empty ones (only comments, or
 * nothing). kustomize and helm put each `---` at the start of a line, where YAML content cannot
 * continue a previous document, so the stream is split there and each part's text (helm's
 * `# Source:` comment included) kept as it was written. `source` names the renderer for the
 * error when a part is not YAML.
 */
export function splitDocuments(stream: string, source: string): RenderedDoc[] {
  const parts: string[] = [];
  let current: string[] = [];
  for (const line of stream.split('\n')) {
    if (/^---(\s|$)/.test(line)) {
      parts.push(current.join('\n'));
      current = [];
      const rest = line.slice(3).trim();
      if (rest !== '') current.push(rest);
    } else current.push(line);
  }
  parts.push(current.join('\n'));
  const out: RenderedDoc[] = [];
  for (const part of parts) {
    const doc = parseDocument(part);
    if (doc.errors.length > 0) {
      throw new OperationError(
        `${source} produced output that is not YAML: ${doc.errors[0]?.message ?? 'parse error'}`,
      );
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const obj = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
      string,
      unknown
    >;
    const meta = (
      typeof obj['metadata'] === 'object' && obj['metadata'] !== null ? obj['metadata'] : {}
    ) as Record<string, unknown>;
    const text = part.replace(/^\s*\n/, '').trimEnd() + '\n';
    out.push({
      text,
      apiVersion: str(obj['apiVersion']),
      kind: str(obj['kind']),
      name: str(meta['name']),
      namespace: str(meta['namespace']),
    });
  }
  return out;
}

/**
 * A generated file name must be a plain name in the output directory: a resource named
 * `../x` (kustomize and helm allow odd names in some kinds) must not place a file elsewhere.
 */
export function checkFileName(step: string, name: string): string {
  if (
    name === '' ||
    name === '.' ||
    name === '..' ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('.yaml')
  ) {
    throw new OperationError(
      `${step}: a rendered resource would be written as ${JSON.stringify(name)}, which is not a plain file name`,
    );
  }
  return name;
}

/** A file to write: its path relative to outPath (`/`-separated), and its content. */
export interface OutFile {
  rel: string;
  data: string;
}

/**
 * Writes `files` under `outRel` (a file when `outRel` itself is the one file), creating parent
 * directories; files already holding the same content are left alone. Returns the paths
 * (relative to the checkout) that changed.
 */
export async function writeOutput(
  step: string,
  worktree: string,
  outRel: string,
  files: readonly OutFile[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const f of files) {
    const rel = f.rel === '' ? outRel : outRel === '.' ? f.rel : `${outRel}/${f.rel}`;
    // Rendered files written at the checkout's root (Kargo's rendered branches) never replace
    // gantry's own records.
    if (rel.split('/')[0] === '.gantry') {
      throw new ConfigError(
        `${step}: outPath: ${JSON.stringify(rel)} is inside .gantry/, which holds gantry's records`,
      );
    }
    const abs = await safePath(worktree, rel, `${step}: outPath`);
    const existing = await lstat(abs).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new ConfigError(
        `${step}: outPath: cannot write ${JSON.stringify(rel)}: a directory is in the way`,
      );
    }
    if (existing?.isFile() && (await readFile(abs, 'utf8')) === f.data) continue;
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, f.data);
    changed.push(rel);
  }
  return changed;
}

/** Refuses a directory outPath that is an existing file, before the renderer runs. */
export async function checkOutPath(
  step: string,
  abs: string,
  rel: string,
  asFile: boolean,
): Promise<void> {
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return;
  if (asFile && st.isDirectory()) {
    throw new ConfigError(`${step}: outPath ${JSON.stringify(rel)} is a directory, not a file`);
  }
  if (!asFile && !st.isDirectory()) {
    throw new ConfigError(
      `${step}: outPath ${JSON.stringify(rel)} is a file; an outPath not ending in .yaml or .yml is a directory`,
    );
  }
}

/** Every entry under `dir`, relative to it; empty when it does not exist. */
export async function listTree(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir, { recursive: true }));
  } catch {
    return new Set();
  }
}

/**
 * Renderers download what they need into the directory they render (kustomize's helm inflator
 * pulls charts into `charts/`, `helm dependency build` writes `charts/*.tgz`). gantry commits
 * what the checkout holds, so what a build added under `dir` is removed again: Kargo renders
 * from a checkout it never pushes.
 */
export async function removeLeftovers(dir: string, before: ReadonlySet<string>): Promise<void> {
  const after = await listTree(dir);
  const added = [...after].filter((p) => !before.has(p)).sort((a, b) => a.length - b.length);
  const removed: string[] = [];
  for (const p of added) {
    if (removed.some((r) => p.startsWith(`${r}${path.sep}`))) continue;
    await rm(path.join(dir, p), { recursive: true, force: true });
    removed.push(p);
  }
}
