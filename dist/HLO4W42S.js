import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  basicPair,
  isHttpRemote
} from "./J4XWRISY.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  OperationError
} from "./HQMHHTDW.js";

// src/git/git.ts
import { existsSync } from "node:fs";

// src/git/launch.ts
import { spawn } from "node:child_process";
function timedOut(timeoutMs) {
  return {
    exitCode: 124,
    stdoutBytes: Buffer.alloc(0),
    stderr: `timed out after ${timeoutMs} ms`
  };
}
var launchHere = (request) => new Promise((resolve, reject) => {
  const child = spawn(request.file, request.args, {
    cwd: request.cwd,
    env: request.env,
    stdio: [request.input ? "pipe" : "ignore", "pipe", "pipe"]
  });
  const out = [];
  const err = [];
  let done = false;
  const timer = setTimeout(() => {
    done = true;
    child.kill("SIGKILL");
    child.stdout.destroy();
    child.stderr.destroy();
    resolve(timedOut(request.timeoutMs));
  }, request.timeoutMs);
  child.stdout.on("data", (d) => out.push(d));
  child.stderr.on("data", (d) => err.push(d));
  child.on("error", (e) => {
    clearTimeout(timer);
    if (done) return;
    done = true;
    reject(e);
  });
  child.on("close", (code) => {
    clearTimeout(timer);
    if (done) return;
    done = true;
    resolve({
      exitCode: code ?? 1,
      stdoutBytes: Buffer.concat(out),
      stderr: Buffer.concat(err).toString("utf8")
    });
  });
  if (child.stdin) {
    child.stdin.on("error", () => {
    });
    child.stdin.end(request.input);
  }
});
var current = launchHere;
function launcher() {
  return current;
}

// src/git/git.ts
var GitError = class extends OperationError {
  constructor(command, exitCode, stderr, kind, explanation) {
    const why = stderr.trim() || `exit code ${exitCode}`;
    super(explanation ? `${explanation} (${command} failed: ${why})` : `${command} failed: ${why}`);
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.kind = kind;
  }
  command;
  exitCode;
  stderr;
  kind;
  name = "GitError";
};
var FIXED_CONFIG = [
  ["core.hooksPath", "/dev/null"],
  ["commit.gpgSign", "false"],
  ["tag.gpgSign", "false"],
  ["gc.auto", "0"],
  ["maintenance.auto", "false"],
  ["fetch.writeCommitGraph", "false"],
  ["advice.detachedHead", "false"],
  ["init.defaultBranch", "main"],
  ["protocol.version", "2"],
  ["core.askPass", ""],
  ["credential.interactive", "false"]
];
var Git = class {
  constructor(opts) {
    this.opts = opts;
    this.redactor = opts.redactor ?? new Redactor();
    this.env = this.buildEnv();
  }
  opts;
  redactor;
  env;
  get remote() {
    return this.opts.remote;
  }
  buildEnv() {
    const env = {};
    for (const [k, v] of Object.entries(this.opts.baseEnv)) {
      if (v === void 0) continue;
      if (/^GIT_/.test(k) && !/^GIT_(SSH|SSH_COMMAND|SSL_CAINFO|SSL_NO_VERIFY|PROXY_COMMAND|EXEC_PATH|TRACE.*)$/.test(k))
        continue;
      if (k === "SSH_ASKPASS" || k === "GCM_INTERACTIVE") continue;
      env[k] = v;
    }
    env.GIT_TERMINAL_PROMPT = "0";
    env.GCM_INTERACTIVE = "never";
    env.LC_ALL = "C";
    env.LANGUAGE = "C";
    if (this.opts.identity) {
      env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = this.opts.identity.name;
      env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = this.opts.identity.email;
    }
    const config = [...FIXED_CONFIG];
    const remote = this.opts.remote;
    if (remote?.credentials && isHttpRemote(remote.url)) {
      const { username, password } = basicPair(remote.credentials);
      this.redactor.addBasicAuth(username, password);
      const header = `Authorization: Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
      const prefix = remote.url.replace(/\/+$/, "");
      config.push([`http.${prefix}.extraHeader`, header]);
      config.push(["http.followRedirects", "false"]);
    }
    env.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([k, v], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = k;
      env[`GIT_CONFIG_VALUE_${i}`] = v;
    });
    return env;
  }
  sshChecked;
  /**
   * ssh must not prompt (for a passphrase or a host key) in a job nobody watches. Batch mode is
   * set only when the user has not chosen an ssh command (GIT_SSH, GIT_SSH_COMMAND or
   * core.sshCommand): a deploy-key wrapper of theirs wins.
   */
  checkSsh() {
    this.sshChecked ??= (async () => {
      const url = this.opts.remote?.url ?? "";
      if (!url || /^(?:https?|file):\/\//i.test(url)) return;
      if (this.env.GIT_SSH || this.env.GIT_SSH_COMMAND) return;
      const configured = await this.spawn(["config", "--get", "core.sshCommand"], {});
      if (configured.exitCode !== 0 || !configured.stdout.trim())
        this.env.GIT_SSH_COMMAND = "ssh -o BatchMode=yes";
    })();
    return this.sshChecked;
  }
  /** Runs git and throws GitError when it exits non-zero. */
  async run(args, options = {}) {
    const result = await this.exec(args, options);
    if (result.exitCode !== 0) throw this.error(args, result);
    return result;
  }
  /** Runs git where failure is an expected answer (does this ref exist?). */
  async tryRun(args, options = {}) {
    return this.exec(args, options);
  }
  error(args, result) {
    const command = this.redactor.redact(`git ${args.join(" ")}`);
    const stderr = this.redactor.redact(result.stderr.trim() || result.stdout);
    const kind = classify(result.exitCode, result.stderr);
    const explanation = kind === "auth" ? authProblem(result.stderr, this.opts.remote, Boolean(this.opts.remote?.credentials)) : void 0;
    return new GitError(command, result.exitCode, stderr, kind, explanation);
  }
  async exec(args, options) {
    await this.checkSsh();
    if (!this.opts.trace) return this.spawn(args, options);
    const started = performance.now();
    const result = await this.spawn(args, options);
    const ms = (performance.now() - started).toFixed(0);
    this.opts.trace(
      this.redactor.redact(
        `git ${args.join(" ")} (${options.cwd ?? "."}) exit ${result.exitCode} in ${ms} ms`
      )
    );
    return result;
  }
  async spawn(args, options) {
    try {
      const { exitCode, stdoutBytes, stderr } = await launcher()({
        file: this.opts.binary ?? "git",
        args,
        cwd: options.cwd,
        env: options.env ? { ...this.env, ...options.env } : this.env,
        input: options.input ?? "",
        timeoutMs: options.timeoutMs ?? this.opts.timeoutMs ?? 12e4
      });
      let text;
      return {
        exitCode,
        get stdout() {
          return text ??= stdoutBytes.toString("utf8");
        },
        stdoutBytes,
        stderr
      };
    } catch (e) {
      const why = options.cwd && !existsSync(options.cwd) ? `the directory ${options.cwd} does not exist` : `${e.message}; is git installed and on PATH?`;
      throw new OperationError(`could not run git ${args[0] ?? ""}: ${why}`);
    }
  }
};
function hostOf(url) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      return new URL(url).host || void 0;
    } catch {
      return void 0;
    }
  }
  return /^(?:[^@/]+@)?([^:/]+):/.exec(url)?.[1];
}
function authProblem(stderr, remote, sentCredentials) {
  const s = stderr.toLowerCase();
  if (!/authentication failed|could not read (?:username|password)|terminal prompts disabled|returned error: 40[13]|http 40[13]|permission denied \(publickey/.test(
    s
  ))
    return void 0;
  const quoted = /'((?:https?|ssh):\/\/[^']+)'/i.exec(stderr)?.[1];
  const host = (remote && hostOf(remote.url)) ?? (quoted && hostOf(quoted)) ?? "the git server";
  if (/permission denied \(publickey/.test(s))
    return `${host} refused the ssh key (check the deploy key or ssh agent for it)`;
  if (/returned error: 403|http 403/.test(s)) {
    return sentCredentials ? `${host} refused access (HTTP 403): the credentials gantry sent do not grant access to this repository (a push needs write access)` : `${host} refused access (HTTP 403) without credentials: give gantry a token for it`;
  }
  if (sentCredentials)
    return `${host} rejected the credentials gantry sent (HTTP 401): the token or password is wrong, expired or revoked`;
  if (/authentication failed/.test(s))
    return `${host} rejected the credentials git found for it (HTTP 401; from a credential helper or the URL): they are wrong, expired or revoked`;
  return `${host} asks for credentials and gantry was given none for it: set GANTRY_TOKEN (or GITHUB_TOKEN for GitHub) on the command line, the token input in an action, or configure a git credential helper`;
}
function classify(exitCode, stderr) {
  const s = stderr.toLowerCase();
  if (exitCode === 124 && s.startsWith("timed out")) return "timeout";
  if (
    // Push races only: a local "cannot lock ref" (a fetch into a directory/file conflict) is not one.
    /\[rejected\].*\(fetch first\)|non-fast-forward|\(stale info\)|remote: error: cannot lock ref|\[remote rejected\].*(?:failed to update ref|incorrect old value|cannot lock ref)/.test(
      s
    )
  )
    return "non-fast-forward";
  if (/\(already exists\)/.test(s)) return "already-exists";
  if (/authentication failed|could not read username|could not read password|permission denied|http 401|http 403|returned error: 40[13]|terminal prompts disabled/.test(
    s
  ))
    return "auth";
  if (/repository .* not found|does not appear to be a git repository|returned error: 404|http 404|couldn't find remote ref|not a git repository/.test(
    s
  ))
    return "not-found";
  if (/could not resolve host|connection refused|failed to connect|timed out|network is unreachable|connection reset|early eof|the remote end hung up|returned error: 5\d\d|http 5\d\d/.test(
    s
  ))
    return "network";
  return "other";
}

// src/git/shallow.ts
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function shallowCommitsOf(objects) {
  const text = await readFile(join(dirname(objects), "shallow"), "utf8").catch(() => "");
  return text.split("\n").filter((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l));
}

export {
  launchHere,
  launcher,
  GitError,
  Git,
  shallowCommitsOf
};
