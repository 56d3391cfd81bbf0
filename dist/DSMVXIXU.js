import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  error,
  getInput,
  info,
  maskBasic,
  maskToken,
  setFailed
} from "./VIZJHEKK.js";
import {
  Input,
  ROOT_COMMANDS
} from "./KSLJ7NS4.js";
import {
  githubRepoOnServer
} from "./XK25RJ5D.js";
import {
  maskUserinfo
} from "./J4XWRISY.js";
import {
  parseDuration
} from "./XEBSUSON.js";
import {
  ConfigError,
  errorMessage,
  formatProblem
} from "./HQMHHTDW.js";

// src/actions/run.ts
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

// src/actions/settings.ts
var NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function optionalPair(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function optional(read, name2) {
  const v = read(name2).trim();
  return v === "" ? void 0 : v;
}
function required(read, name2, action) {
  const v = optional(read, name2);
  if (v === void 0) throw new ConfigError(`input "${name2}" is required for ${action}`);
  return v;
}
function bool(read, name2, fallback = false) {
  const v = (optional(read, name2) ?? String(fallback)).toLowerCase();
  if (["true", "yes", "1", "on"].includes(v)) return true;
  if (["false", "no", "0", "off"].includes(v)) return false;
  throw new ConfigError(`input "${name2}" must be true or false, not "${v}"`);
}
function lines(read, name2) {
  return read(name2).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function duration(read, input, fallback) {
  const v = optional(read, input) ?? fallback;
  try {
    return parseDuration(v);
  } catch {
    throw new ConfigError(`input "${input}" must be a duration such as 30m or 1h30m, not "${v}"`);
  }
}
function name(read, input, action, isRequired) {
  const v = isRequired ? required(read, input, action) : optional(read, input);
  if (v !== void 0 && !NAME.test(v)) {
    throw new ConfigError(
      `input "${input}" must be a lowercase name such as "dev" (letters, digits, '-'), not "${v}"`
    );
  }
  return v;
}
function repositorySettings(read, ctx) {
  const raw = optional(read, Input.repository) ?? ctx.repository;
  if (!raw)
    throw new ConfigError(
      `input "${Input.repository}" is required outside GitHub Actions (owner/name or a git URL)`
    );
  const token = optional(read, Input.token);
  const project = name(read, Input.project, "this action", false);
  if (/^[\w.-]+\/[\w.-]+$/.test(raw)) {
    return {
      repositoryUrl: `${ctx.serverUrl.replace(/\/+$/, "")}/${raw}.git`,
      repository: raw,
      token,
      project
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*:[^/]*@|^https?:\/\/[^/]*@/i.test(raw)) {
    throw new ConfigError(
      `input "${Input.repository}" must not carry credentials in the URL: pass them in "${Input.token}"`
    );
  }
  if (!/^(?:https?|file|ssh):\/\/|^[\w.-]+@[\w.-]+:/i.test(raw)) {
    throw new ConfigError(
      `input "${Input.repository}" must be owner/name or a git URL, not "${maskUserinfo(raw)}"`
    );
  }
  const onServer = githubRepoOnServer(raw, { serverUrl: ctx.serverUrl });
  return {
    repositoryUrl: raw,
    ...onServer ? { repository: `${onServer.owner}/${onServer.repo}` } : {},
    token,
    project
  };
}
function readSettings(action, read, ctx) {
  const repo = repositorySettings(read, ctx);
  switch (action) {
    case "discover":
      return {
        action,
        ...repo,
        warehouse: name(read, Input.warehouse, action, false),
        dispatchWorkflow: optional(read, Input.dispatchWorkflow),
        dryRun: bool(read, Input.dryRun),
        registryCredentials: registryCredentials(read)
      };
    case "promote": {
      const mode = optional(read, Input.mode);
      if (mode !== void 0 && mode !== "direct" && mode !== "pull-request") {
        throw new ConfigError(
          `input "${Input.mode}" must be direct or pull-request, not "${mode}"`
        );
      }
      const downstreamOf = name(read, Input.downstreamOf, action, false);
      const stages = downstreamOf ? [] : required(read, Input.stage, action).split(",").map((x) => x.trim()).filter(Boolean).map((x) => name(() => x, Input.stage, action, true));
      if (downstreamOf && optional(read, Input.stage) !== void 0) {
        throw new ConfigError(
          `inputs "${Input.stage}" and "${Input.downstreamOf}" exclude each other: give one`
        );
      }
      return {
        action,
        ...repo,
        stage: downstreamOf ?? stages[0] ?? "",
        stages,
        ...optionalPair("downstreamOf", downstreamOf),
        freight: optional(read, Input.freight),
        mode,
        signCommits: bool(read, Input.signCommits),
        deployments: bool(read, Input.deployments, true),
        dryRun: bool(read, Input.dryRun),
        ...optionalPair("argocdServer", optional(read, Input.argocdServer)),
        ...optionalPair("argocdToken", optional(read, Input.argocdToken)),
        ...resumeInput(optional(read, Input.resumePullRequest))
      };
    }
    case "verify":
      return {
        action,
        ...repo,
        stage: name(read, Input.stage, action, true),
        freight: optional(read, Input.freight),
        dispatchWorkflow: optional(read, Input.dispatchWorkflow),
        timeoutMs: duration(read, Input.timeout, "30m")
      };
    case "approve":
      return {
        action,
        ...repo,
        stage: name(read, Input.stage, action, true),
        freight: required(read, Input.freight, action),
        reason: optional(read, Input.reason)
      };
    case "environment":
      return { action, ...repo, stage: name(read, Input.stage, action, true) };
    case "assemble": {
      const images = lines(read, Input.images);
      const charts = lines(read, Input.charts);
      const commits = lines(read, Input.commits);
      if (!images.length && !charts.length && !commits.length) {
        throw new ConfigError(
          `command assemble needs the versions: inputs "${Input.images}", "${Input.charts}" or "${Input.commits}", one a line`
        );
      }
      return {
        action,
        ...repo,
        warehouse: name(read, Input.warehouse, action, true),
        images,
        charts,
        commits,
        dryRun: bool(read, Input.dryRun),
        registryCredentials: registryCredentials(read)
      };
    }
  }
}
function registryCredentials(read) {
  const out = /* @__PURE__ */ new Map();
  read(Input.registryCredentials).split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const m = /^([^=\s]+)\s*=\s*([^:]+):(.+)$/.exec(line);
    if (!m?.[1] || !m[2] || !m[3]) {
      throw new ConfigError(
        `input "${Input.registryCredentials}", line ${i + 1}: expected host=username:password`
      );
    }
    out.set(m[1].replace(/^https?:\/\//, "").replace(/\/+$/, ""), {
      username: m[2].trim(),
      password: m[3]
    });
  });
  return out;
}
function readCommand(read) {
  const v = optional(read, Input.command);
  const allowed = ROOT_COMMANDS;
  if (!v)
    throw new ConfigError(`input "${Input.command}" is required: one of ${allowed.join(", ")}`);
  if (!allowed.includes(v))
    throw new ConfigError(
      `input "${Input.command}" must be one of ${allowed.join(", ")}, not "${v}"`
    );
  return v;
}
function resumeInput(v) {
  if (v === void 0) return {};
  if (!/^[1-9]\d*$/.test(v)) {
    throw new ConfigError(
      `input "${Input.resumePullRequest}" must be a pull request number, not "${v}"`
    );
  }
  return { resumePullRequest: Number(v) };
}

// src/actions/run.ts
async function execute(settings, ctx) {
  switch (settings.action) {
    case "discover":
      return (await import("./CLI52CN7.js")).discoverAction(settings, ctx);
    case "approve":
      return (await import("./CVYRVKRZ.js")).approveAction(settings, ctx);
    case "promote":
      return (await import("./TUKHBG32.js")).promoteAction(settings, ctx);
    case "verify":
      return (await import("./GV7GEOA7.js")).verifyAction(settings, ctx);
    case "environment":
      return (await import("./NMWIK54V.js")).environmentAction(settings, ctx);
    case "assemble":
      return (await import("./J5KDWOES.js")).assembleAction(settings, ctx);
  }
}
async function runAction(action) {
  let readingInputs = true;
  try {
    const read = (name3) => getInput(name3);
    const env = process.env;
    const serverUrl = env.GITHUB_SERVER_URL || "https://github.com";
    const ctx = {
      serverUrl,
      repository: env.GITHUB_REPOSITORY || void 0,
      apiUrl: env.GITHUB_API_URL || void 0,
      runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0,
      runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? "") ? Number(env.GITHUB_RUN_ID) : void 0,
      sha: /^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? "") ? env.GITHUB_SHA : void 0,
      // On pull_request events GITHUB_REF_NAME is `<n>/merge`; the branch the workflow file is on,
      // where a dispatch must start it, is the pull request's base.
      refBranch: env.GITHUB_EVENT_NAME?.startsWith("pull_request") ? env.GITHUB_BASE_REF || void 0 : env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME || void 0 : void 0,
      tempDir: env.RUNNER_TEMP || tmpdir(),
      dockerConfigPath: join(
        env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker"),
        "config.json"
      ),
      actor: env.GITHUB_ACTOR || void 0,
      env
    };
    const token = read(Input.token).trim();
    if (token) maskToken(token);
    const name2 = action === "root" ? readCommand(read) : action;
    if (name2 === "promote") {
      const argocdToken = read(Input.argocdToken).trim();
      if (argocdToken) maskToken(argocdToken);
    }
    if (name2 === "discover" || name2 === "assemble") {
      for (const line of read(Input.registryCredentials).split(/\r?\n/)) {
        const m = /^[^=]+=([^:]+):(.+)$/.exec(line.trim());
        if (m?.[1] && m[2]) maskBasic(m[1].trim(), m[2]);
      }
    }
    const settings = readSettings(name2, read, ctx);
    readingInputs = false;
    info(
      `gantry ${name2}: repository ${settings.repositoryUrl}${settings.project ? `, project ${settings.project}` : ""}`
    );
    await execute(settings, ctx);
  } catch (err) {
    if (err instanceof ConfigError && err.problems.length) {
      annotate(err.problems);
      const n = err.problems.length;
      const where = n === 1 ? "1 problem, shown on its file above" : `${n} problems, each shown on its file above`;
      setFailed(`${headline(err).replace(/:$/, "")}: ${where}`);
      return;
    }
    const prefix = err instanceof ConfigError && readingInputs ? "invalid input: " : "";
    setFailed(`${prefix}${errorMessage(err)}`);
  }
}
function annotate(problems) {
  for (const p of problems) {
    error(p.path ? `${p.path}: ${p.message}` : p.message, {
      title: "gantry project file",
      file: p.file,
      startLine: p.line,
      startColumn: p.column
    });
  }
}
function headline(err) {
  const appended = `
${err.problems.map(formatProblem).join("\n")}`;
  return err.message.endsWith(appended) ? err.message.slice(0, -appended.length) : err.message.split("\n")[0] ?? "";
}

export {
  runAction
};
