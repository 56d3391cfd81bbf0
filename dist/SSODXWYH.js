import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  DISCOVERY_DEFAULTS,
  createSources,
  discoverText,
  runDiscover,
  runFailures
} from "./VQYUNRDN.js";
import {
  discoveryCredentials
} from "./TQZP5LUC.js";

// src/cli/discover.ts
import { homedir, userInfo } from "node:os";
import { join } from "node:path";
async function discoverCommand(ctx, projects, o) {
  const { io } = o;
  const env = io.env;
  const { sources, log } = cliSources(io, o.cacheDir, o.trace);
  try {
    const run = await runDiscover({
      projects,
      warehouse: o.warehouse,
      store: ctx.store,
      sources,
      dryRun: o.dryRun,
      clock: o.now,
      createdBy: cliCreatedBy(env),
      log
    });
    if (o.output === "json") {
      const doc = {
        freight: run.results.flatMap((r) => r.freight),
        promotions: run.results.flatMap((r) => r.promotions)
      };
      io.out(JSON.stringify(doc, null, 2) + "\n");
    } else {
      io.out(discoverText(run));
    }
    return runFailures(run).length ? 1 : 0;
  } finally {
    await sources.close();
  }
}
function cliSources(io, cacheDir, trace) {
  const env = io.env;
  const token = env.GANTRY_TOKEN || env.GITHUB_TOKEN || void 0;
  const creds = discoveryCredentials({
    dockerConfigPath: join(
      env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker"),
      "config.json"
    ),
    githubToken: token,
    githubHost: new URL(env.GITHUB_SERVER_URL || "https://github.com").host
  });
  const log = {
    info: (l) => io.err(`${l}
`),
    warn: (l) => io.err(`warning: ${l}
`)
  };
  const sources = createSources({
    ...creds,
    gitEnv: env,
    cacheDir: join(cacheDir, "discovery"),
    ...DISCOVERY_DEFAULTS,
    log,
    trace
  });
  return { sources, log };
}
function cliCreatedBy(env) {
  return `gantry CLI (${env.USER || safeUser()})`;
}
function safeUser() {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export {
  discoverCommand,
  cliSources,
  cliCreatedBy
};
