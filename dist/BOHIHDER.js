import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  githubRepoOnServer
} from "./XK25RJ5D.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/cli/io.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };
var UsageError = class extends ConfigError {
  constructor(message, command, framed = false) {
    super(message);
    this.command = command;
    this.framed = framed;
  }
  command;
  framed;
  name = "UsageError";
};

// src/cli/shared.ts
import { homedir } from "node:os";
import { join } from "node:path";
var REPO_FLAG = {
  name: "repo",
  type: "string",
  value: "DIR|URL",
  help: "a clone of the GitOps repository (its origin holds the state, its work tree the project\nfiles) or a remote URL (file://, https://, git@host:path); default: the current directory"
};
var OUTPUT_FLAG = {
  name: "output",
  type: "string",
  short: "o",
  value: "table|json",
  default: "table",
  help: "table for people, json (freight in Kargo's shape) for scripts"
};
var PROJECT_FLAG = {
  name: "project",
  type: "string",
  value: "P",
  help: "act on this project of .gantry/; default: every project, or the only one"
};
var BY_FLAG = (what) => ({
  name: "by",
  type: "string",
  value: "NAME",
  help: `who ${what}, as recorded; default: GIT_AUTHOR_NAME, else USER`
});
function outputOf(args, command) {
  const output = args.string("output");
  if (output !== "table" && output !== "json")
    throw new UsageError(`--output must be table or json, not "${output}"`, command);
  return output;
}
function noPositionals(args, command) {
  if (args.positionals.length)
    throw new UsageError(
      `${command} takes no arguments, got "${args.positionals.join(" ")}"`,
      command
    );
}
function repoSettings(args, ctx) {
  const { io, later } = ctx;
  return {
    repo: args.string("repo") ?? ".",
    cacheDir: io.env.GANTRY_CACHE_DIR || join(io.env.XDG_CACHE_HOME || join(io.env.HOME || homedir(), ".cache"), "gantry"),
    baseEnv: io.env,
    credentials: (url) => repoCredentials(io.env, url),
    warn: (line) => later.push(`warning: ${line}
`),
    trace: io.env.GANTRY_DEBUG ? (line) => io.err(`debug: ${line}
`) : void 0
  };
}
function progressOf(output, ctx) {
  return output === "table" ? (line) => ctx.io.out(`${line}
`) : (line) => ctx.later.push(`${line}
`);
}
var whoOf = (args, env) => args.string("by") || env.GIT_AUTHOR_NAME || env.USER || "unknown";
function githubTarget(env, url) {
  return githubRepoOnServer(url, {
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    ...env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}
  });
}
function repoCredentials(env, url) {
  if (env.GANTRY_TOKEN) return { kind: "token", token: env.GANTRY_TOKEN };
  if (!env.GITHUB_TOKEN) return void 0;
  try {
    const host = new URL(env.GITHUB_SERVER_URL || "https://github.com").host;
    return new URL(url).host === host ? { kind: "token", token: env.GITHUB_TOKEN } : void 0;
  } catch {
    return void 0;
  }
}

export {
  EXIT,
  UsageError,
  REPO_FLAG,
  OUTPUT_FLAG,
  PROJECT_FLAG,
  BY_FLAG,
  outputOf,
  noPositionals,
  repoSettings,
  progressOf,
  whoOf,
  githubTarget
};
