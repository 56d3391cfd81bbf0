import { existsSync } from 'node:fs';
import { OperationError } from '../util/errors.js';
import { Redactor } from '../util/redact.js';
import { launcher } from './launch.js';
import { basicPair, isHttpRemote, type Remote } from './remote.js';

export interface GitIdentity {
  name: string;
  email: string;
}

export interface GitOptions {
  /** Environment the adapter hands down (PATH, HOME, proxies); gantry's own settings are laid over it. */
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** The remote this git talks to; its credentials go into each command's environment only. */
  remote?: Remote;
  identity?: GitIdentity;
  redactor?: Redactor;
  /** Kill a git process that runs longer than this. */
  timeoutMs?: number;
  binary?: string;
  /** Called after each git command with what ran and how long it took (`GANTRY_DEBUG=1`). */
  trace?: (line: string) => void;
}

export interface RunOptions {
  cwd?: string;
  input?: string;
  /** Extra environment for this command (e.g. GIT_INDEX_FILE). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  /** stdout as bytes, for binary-safe parsing (`cat-file --batch` sizes are in bytes). */
  stdoutBytes: Buffer;
  stderr: string;
}

export type GitFailureKind =
  'non-fast-forward' | 'already-exists' | 'auth' | 'not-found' | 'network' | 'timeout' | 'other';

/** A git command that failed: says which command, why, and what kind of failure it was. */
export class GitError extends OperationError {
  override name = 'GitError';
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
    readonly kind: GitFailureKind,
    /** What went wrong in plain words, said before git's own message (which can mislead). */
    explanation?: string,
  ) {
    const why = stderr.trim() || `exit code ${exitCode}`;
    super(explanation ? `${explanation} (${command} failed: ${why})` : `${command} failed: ${why}`);
  }
}

// Settings that keep gantry's git predictable whatever the user's global config says:
// no hooks, no signing prompts, no background maintenance, protocol v2 for ref-prefix listing.
const FIXED_CONFIG: [string, string][] = [
  ['core.hooksPath', '/dev/null'],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['fetch.writeCommitGraph', 'false'],
  ['advice.detachedHead', 'false'],
  ['init.defaultBranch', 'main'],
  ['protocol.version', '2'],
  ['core.askPass', ''],
  ['credential.interactive', 'false'],
];

/**
 * The one door through which gantry runs git. Every command gets a controlled environment
 * (no prompts, C locale, fixed config), the remote's credentials through GIT_CONFIG_* variables
 * scoped to the remote's URL, and errors that name the command with secrets redacted.
 */
export class Git {
  readonly redactor: Redactor;
  private readonly env: Record<string, string>;

  constructor(private readonly opts: GitOptions) {
    this.redactor = opts.redactor ?? new Redactor();
    this.env = this.buildEnv();
  }

  get remote(): Remote | undefined {
    return this.opts.remote;
  }

  private buildEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.opts.baseEnv)) {
      // Inherited GIT_* settings (GIT_DIR from a hook, a caller's GIT_CONFIG_COUNT) would point
      // gantry's git somewhere else; proxies and SSH settings are the user's and are kept.
      if (v === undefined) continue;
      if (
        /^GIT_/.test(k) &&
        !/^GIT_(SSH|SSH_COMMAND|SSL_CAINFO|SSL_NO_VERIFY|PROXY_COMMAND|EXEC_PATH|TRACE.*)$/.test(k)
      )
        continue;
      if (k === 'SSH_ASKPASS' || k === 'GCM_INTERACTIVE') continue;
      env[k] = v;
    }
    env.GIT_TERMINAL_PROMPT = '0';
    env.GCM_INTERACTIVE = 'never';
    env.LC_ALL = 'C';
    env.LANGUAGE = 'C';
    if (this.opts.identity) {
      env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = this.opts.identity.name;
      env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = this.opts.identity.email;
    }
    const config = [...FIXED_CONFIG];
    const remote = this.opts.remote;
    if (remote?.credentials && isHttpRemote(remote.url)) {
      const { username, password } = basicPair(remote.credentials);
      this.redactor.addBasicAuth(username, password);
      const header = `Authorization: Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      // Scoped to the remote's URL prefix, so another host (a submodule, say) never sees it.
      const prefix = remote.url.replace(/\/+$/, '');
      // One entry: git sends every matching extraHeader, and two Authorization headers are a 400
      // at strict proxies.
      config.push([`http.${prefix}.extraHeader`, header]);
      // git reads extraHeader once, for the URL it was given; after a redirect its next requests
      // would carry the header to wherever the redirect pointed. With credentials, follow none.
      config.push(['http.followRedirects', 'false']);
    }
    env.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([k, v], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = k;
      env[`GIT_CONFIG_VALUE_${i}`] = v;
    });
    return env;
  }

  private sshChecked?: Promise<void>;

  /**
   * ssh must not prompt (for a passphrase or a host key) in a job nobody watches. Batch mode is
   * set only when the user has not chosen an ssh command (GIT_SSH, GIT_SSH_COMMAND or
   * core.sshCommand): a deploy-key wrapper of theirs wins.
   */
  private checkSsh(): Promise<void> {
    this.sshChecked ??= (async () => {
      const url = this.opts.remote?.url ?? '';
      if (!url || /^(?:https?|file):\/\//i.test(url)) return;
      if (this.env.GIT_SSH || this.env.GIT_SSH_COMMAND) return;
      const configured = await this.spawn(['config', '--get', 'core.sshCommand'], {});
      if (configured.exitCode !== 0 || !configured.stdout.trim())
        this.env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
    })();
    return this.sshChecked;
  }

  /** Runs git and throws GitError when it exits non-zero. */
  async run(args: string[], options: RunOptions = {}): Promise<GitResult> {
    const result = await this.exec(args, options);
    if (result.exitCode !== 0) throw this.error(args, result);
    return result;
  }

  /** Runs git where failure is an expected answer (does this ref exist?). */
  async tryRun(args: string[], options: RunOptions = {}): Promise<GitResult> {
    return this.exec(args, options);
  }

  error(args: string[], result: GitResult): GitError {
    const command = this.redactor.redact(`git ${args.join(' ')}`);
    // Push reports rejections on stdout with --porcelain; keep them, redacted like the rest.
    const stderr = this.redactor.redact(result.stderr.trim() || result.stdout);
    const kind = classify(result.exitCode, result.stderr);
    const explanation =
      kind === 'auth'
        ? authProblem(result.stderr, this.opts.remote, Boolean(this.opts.remote?.credentials))
        : undefined;
    return new GitError(command, result.exitCode, stderr, kind, explanation);
  }

  private async exec(args: string[], options: RunOptions): Promise<GitResult> {
    await this.checkSsh();
    if (!this.opts.trace) return this.spawn(args, options);
    const started = performance.now();
    const result = await this.spawn(args, options);
    const ms = (performance.now() - started).toFixed(0);
    this.opts.trace(
      this.redactor.redact(
        `git ${args.join(' ')} (${options.cwd ?? '.'}) exit ${result.exitCode} in ${ms} ms`,
      ),
    );
    return result;
  }

  private async spawn(args: string[], options: RunOptions): Promise<GitResult> {
    try {
      const { exitCode, stdoutBytes, stderr } = await launcher()({
        file: this.opts.binary ?? 'git',
        args,
        cwd: options.cwd,
        env: options.env ? { ...this.env, ...options.env } : this.env,
        input: options.input ?? '',
        timeoutMs: options.timeoutMs ?? this.opts.timeoutMs ?? 120_000,
      });
      // Decoded when first read: a caller that parses the bytes (a 10 MB listing) never pays
      // for the string.
      let text: string | undefined;
      return {
        exitCode,
        get stdout() {
          return (text ??= stdoutBytes.toString('utf8'));
        },
        stdoutBytes,
        stderr,
      };
    } catch (e) {
      const why =
        options.cwd && !existsSync(options.cwd)
          ? `the directory ${options.cwd} does not exist`
          : `${(e as Error).message}; is git installed and on PATH?`;
      throw new OperationError(`could not run git ${args[0] ?? ''}: ${why}`);
    }
  }
}

/** The host of a remote URL (https://, ssh://, scp-style user@host:path), without credentials. */
function hostOf(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      return new URL(url).host || undefined;
    } catch {
      return undefined;
    }
  }
  return /^(?:[^@/]+@)?([^:/]+):/.exec(url)?.[1];
}

/**
 * An auth failure in plain words, naming the host. With credentials and no terminal, git reports
 * a rejected password as "could not read Username … terminal prompts disabled" (it wanted to ask
 * for another one), which reads as if no credentials had been given at all.
 */
function authProblem(
  stderr: string,
  remote: Remote | undefined,
  sentCredentials: boolean,
): string | undefined {
  const s = stderr.toLowerCase();
  // "Permission denied" alone is as often a local file's: only the server's answers are explained.
  if (
    !/authentication failed|could not read (?:username|password)|terminal prompts disabled|returned error: 40[13]|http 40[13]|permission denied \(publickey/.test(
      s,
    )
  )
    return undefined;
  const quoted = /'((?:https?|ssh):\/\/[^']+)'/i.exec(stderr)?.[1];
  const host = (remote && hostOf(remote.url)) ?? (quoted && hostOf(quoted)) ?? 'the git server';
  if (/permission denied \(publickey/.test(s))
    return `${host} refused the ssh key (check the deploy key or ssh agent for it)`;
  if (/returned error: 403|http 403/.test(s)) {
    return sentCredentials
      ? `${host} refused access (HTTP 403): the credentials gantry sent do not grant access to this repository (a push needs write access)`
      : `${host} refused access (HTTP 403) without credentials: give gantry a token for it`;
  }
  if (sentCredentials)
    return `${host} rejected the credentials gantry sent (HTTP 401): the token or password is wrong, expired or revoked`;
  if (/authentication failed/.test(s))
    return `${host} rejected the credentials git found for it (HTTP 401; from a credential helper or the URL): they are wrong, expired or revoked`;
  return `${host} asks for credentials and gantry was given none for it: set GANTRY_TOKEN (or GITHUB_TOKEN for GitHub) on the command line, the token input in an action, or configure a git credential helper`;
}

function classify(exitCode: number, stderr: string): GitFailureKind {
  const s = stderr.toLowerCase();
  if (exitCode === 124 && s.startsWith('timed out')) return 'timeout';
  if (
    // Push races only: a local "cannot lock ref" (a fetch into a directory/file conflict) is not one.
    /\[rejected\].*\(fetch first\)|non-fast-forward|\(stale info\)|remote: error: cannot lock ref|\[remote rejected\].*(?:failed to update ref|incorrect old value|cannot lock ref)/.test(
      s,
    )
  )
    return 'non-fast-forward';
  if (/\(already exists\)/.test(s)) return 'already-exists';
  if (
    /authentication failed|could not read username|could not read password|permission denied|http 401|http 403|returned error: 40[13]|terminal prompts disabled/.test(
      s,
    )
  )
    return 'auth';
  if (
    /repository .* not found|does not appear to be a git repository|returned error: 404|http 404|couldn't find remote ref|not a git repository/.test(
      s,
    )
  )
    return 'not-found';
  if (
    /could not resolve host|connection refused|failed to connect|timed out|network is unreachable|connection reset|early eof|the remote end hung up|returned error: 5\d\d|http 5\d\d/.test(
      s,
    )
  )
    return 'network';
  return 'other';
}
