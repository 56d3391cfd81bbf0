import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  StateStore
} from "./W4ICZBQF.js";
import "./TBULFJPZ.js";
import "./HLO4W42S.js";
import {
  parseRemote
} from "./J4XWRISY.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/cli/demo.ts
import { existsSync, mkdirSync as mkdirSync2, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, resolve } from "node:path";

// src/demo/services.ts
var import_yaml = __toESM(require_dist(), 1);
import { execFile } from "node:child_process";
import { createServer } from "node:http";
function readValues(o, stage) {
  return new Promise((resolve2, reject) => {
    execFile(
      "git",
      ["--git-dir", o.gitDir, "show", `${o.branch}:${o.valuesPath(stage)}`],
      { env: o.env, encoding: "utf8", timeout: 1e4 },
      (err, stdout) => err ? reject(err) : resolve2(stdout)
    );
  });
}
async function stageStatus(o, stage) {
  const values2 = (0, import_yaml.parse)(await readValues(o, stage));
  return {
    stage,
    version: values2?.image?.tag ?? null,
    freight: values2?.podAnnotations?.["gantry.io/freight"] ?? null,
    healthy: true
  };
}
function listen(server) {
  return new Promise((resolve2, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve2(server.address().port));
  });
}
async function startStageServices(o) {
  const servers = [];
  const close = async () => {
    await Promise.all(
      servers.splice(0).map(
        (s) => new Promise((resolve2) => {
          s.close(() => resolve2());
          s.closeAllConnections();
        })
      )
    );
  };
  const services = [];
  try {
    for (const stage of o.stages) {
      const server = createServer((req, res) => {
        req.resume();
        stageStatus(o, stage).then(
          (status) => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify(status));
          },
          (err) => {
            res.writeHead(503, { "content-type": "application/json" });
            res.end(
              JSON.stringify({
                stage,
                healthy: false,
                error: err instanceof Error ? err.message.split("\n")[0] : String(err)
              })
            );
          }
        );
      });
      servers.push(server);
      const port = await listen(server);
      services.push({ stage, url: `http://127.0.0.1:${port}/` });
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { services, close };
}

// src/demo/world.ts
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
var PROJECT = "echo";
var STAGES = ["dev", "staging", "prod"];
var valuesPath = (stage) => `env/${stage}/values.yaml`;
function demoGitEnv(baseEnv) {
  const elsewhere = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX)$/;
  return Object.fromEntries(Object.entries(baseEnv).filter(([k]) => !elsewhere.test(k)));
}
function createWorld(root, baseEnv) {
  const env = {
    ...demoGitEnv(baseEnv),
    GIT_AUTHOR_NAME: "gantry demo",
    GIT_AUTHOR_EMAIL: "demo@example.test",
    GIT_COMMITTER_NAME: "gantry demo",
    GIT_COMMITTER_EMAIL: "demo@example.test"
  };
  const fixed = ["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.hooksPath="];
  const git = (cwd, ...args) => execFileSync("git", [...fixed, ...args], {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"]
  });
  const app = join(root, "app");
  const bare = join(root, "gitops.git");
  const clone = join(root, "gitops");
  git(root, "init", "-q", "-b", "main", app);
  git(app, "config", "uploadpack.allowFilter", "true");
  git(root, "init", "-q", "--bare", "-b", "main", bare);
  git(bare, "config", "uploadpack.allowFilter", "true");
  git(bare, "config", "uploadpack.allowAnySHA1InWant", "true");
  return { root, app, appURL: pathToFileURL(app).href, bare, clone, git };
}
function release(world, version) {
  writeFileSync(join(world.app, "VERSION"), `${version}
`);
  writeFileSync(
    join(world.app, "README.md"),
    `# echo

A tiny service that answers with its version. Releases are the tags v*.
`
  );
  world.git(world.app, "add", "VERSION", "README.md");
  world.git(world.app, "commit", "-q", "-m", `echo ${version}`);
  world.git(world.app, "tag", "-a", `v${version}`, "-m", `echo ${version}`);
  return world.git(world.app, "rev-parse", "--short", "HEAD").trim();
}
function projectFile(world, services) {
  const verification = (stage, comment = "") => `    verification:
${comment}      - name: running
        count: 1
        successCondition: result.healthy && result.freight == "\${{ ctx.freight.alias }}"
        provider:
          http: {url: '${services[stage] ?? ""}', timeoutSeconds: 5}
`;
  return `# yaml-language-server: $schema=https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json
# The app's releases (the tags v* of its repository) flow dev -> staging -> prod.
project: ${PROJECT}
warehouses:
  - name: echo
    subscriptions:
      - git:
          repoURL: ${world.appURL}
          commitSelectionStrategy: SemVer
          semverConstraint: ^1.0.0
          discoveryLimit: 5
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    autoPromotion: true
    # Every stage promotes the same way (the YAML anchor shares it): the release goes into
    # image.tag, and the freight's alias into an annotation that the running service reports.
    promotionTemplate: &promotion
      vars:
        - {name: app, value: '${world.appURL}'}
      steps:
        - uses: yaml-update
          config:
            path: env/\${{ ctx.stage }}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ commitFrom(vars.app).Tag }}'}
              - {key: 'podAnnotations.gantry\\.io/freight', value: '\${{ ctx.targetFreight.alias }}'}
${verification(
    "dev",
    `      # Ask the stage's service once: does it run this freight, and is it healthy?
`
  )}  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    autoPromotion: true
    promotionTemplate: *promotion
${verification("staging")}  - name: prod
    environment: production # in a workflow, this GitHub environment's rules gate the job
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        # What staging verified, after an hour there; or what someone approved for prod.
        sources: {stages: [staging], requiredSoakTime: 1h}
    promotionTemplate: *promotion
${verification("prod")}`;
}
var values = (stage) => `# Helm values for echo in ${stage}. gantry's promotion steps set image.tag and the
# freight annotation; Argo CD (here: the demo's service for ${stage}) deploys what this file says.
image:
  repository: ghcr.io/acme/echo
  tag: v0.9.0
podAnnotations:
  gantry.io/freight: none
replicas: ${stage === "prod" ? 3 : 1}
`;
function seedGitOps(world, project) {
  const { git, clone } = world;
  git(world.root, "init", "-q", "-b", "main", clone);
  const files = { [`.gantry/${PROJECT}.yaml`]: project };
  for (const s of STAGES) files[valuesPath(s)] = values(s);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    writeFileSync(join(clone, path), text);
  }
  git(clone, "add", "-A");
  git(clone, "commit", "-q", "-m", `GitOps repo for ${PROJECT}, with a gantry project`);
  git(clone, "remote", "add", "origin", world.bare);
  git(clone, "push", "-q", "-u", "origin", "main");
}

// src/cli/demo.ts
var DemoFailed = class extends Error {
};
async function runDemo(opts) {
  const { io } = opts;
  const started = Date.now();
  const root = opts.dir ? resolve(opts.dir) : mkdtempSync(join2(tmpdir(), "gantry-demo-"));
  if (existsSync(root) && readdirSync(root).length) {
    io.err(`gantry demo: ${root} is not empty; give --dir a new or empty directory
`);
    return 2;
  }
  mkdirSync2(root, { recursive: true });
  const bold = (t) => io.color ? `\x1B[1m${t}\x1B[0m` : t;
  const dim = (t) => io.color ? `\x1B[2m${t}\x1B[0m` : t;
  const say = (text) => io.out(`
${bold(`## ${text}`)}
`);
  const world = createWorld(root, io.env);
  const cliEnv = {
    GANTRY_CACHE_DIR: join2(root, "cache"),
    GIT_AUTHOR_NAME: "gantry demo",
    GIT_AUTHOR_EMAIL: "demo@example.test"
  };
  const repo = ["--repo", world.clone];
  const gantry = async (args, expect = "ok") => {
    io.out(`${bold(`$ gantry ${args.map(quote).join(" ")}`)}
`);
    const code = await opts.cli([...args, ...repo], cliEnv);
    if (expect === "ok" && code !== 0) throw new DemoFailed(`gantry ${args[0]} exited ${code}`);
    if (expect === "refused" && code === 0)
      throw new DemoFailed(`gantry ${args[0]} was expected to refuse`);
    return code;
  };
  const stages = async () => {
    io.out(`
${dim("$ gantry get stages")}
`);
    const code = await opts.cli(["get", "stages", ...repo], cliEnv);
    if (code !== 0) throw new DemoFailed(`gantry get stages exited ${code}`);
  };
  let services;
  try {
    say(`A world on this machine, in ${root}`);
    release(world, "1.0.0");
    release(world, "1.1.0");
    services = await startStageServices({
      gitDir: world.bare,
      branch: "main",
      stages: STAGES,
      valuesPath,
      env: demoGitEnv(io.env)
    });
    const urls = Object.fromEntries(services.services.map((s) => [s.stage, s.url]));
    seedGitOps(world, projectFile(world, urls));
    io.out(
      [
        `app repository:    ${world.app} (releases: ${world.git(world.app, "tag", "-l").trim().split("\n").join(", ")})`,
        `GitOps repository: ${world.bare}`,
        `  its clone:       ${world.clone} (every command below runs with --repo ${world.clone})`,
        `  the project:     ${join2(world.clone, ".gantry", `${PROJECT}.yaml`)}`,
        ...services.services.map(
          (s) => `service ${s.stage.padEnd(8)}   ${s.url} (reports what ${valuesPath(s.stage)} on main says)`
        ),
        ""
      ].join("\n")
    );
    say("Check the project file");
    await gantry(["lint"]);
    await stages();
    say("Discover: the newest release of the app becomes freight");
    await gantry(["discover"]);
    await stages();
    say("Promote into dev (auto-promotion would do this in a workflow)");
    await gantry(["promote", "--stage", "dev"]);
    await stages();
    say("Verify dev: ask its service what it runs");
    await gantry(["verify", "--stage", "dev"]);
    await stages();
    say("Promote into staging, which takes what dev verified, and verify it");
    await gantry(["promote", "--stage", "staging"]);
    await gantry(["verify", "--stage", "staging"]);
    await stages();
    const store = new StateStore({
      remote: parseRemote(world.bare),
      cacheDir: join2(root, "cache"),
      baseEnv: io.env
    });
    const staged = (await store.stageStates(PROJECT, [{ name: "staging" }])).get("staging");
    const alias = staged?.freight[0]?.alias;
    if (!alias) throw new DemoFailed("staging runs no freight");
    say("Production waits: staging verified it, but it must soak for an hour there first");
    const refusal = await gantry(["promote", "--stage", "prod"], "refused");
    io.out(dim(`(exit ${refusal}: the expected refusal; nothing was committed)
`));
    await stages();
    say("A person approves it for production (Kargo\u2019s `kargo approve`)");
    await gantry(["approve", "--stage", "prod", "--freight", alias, "--reason", "demo"]);
    await gantry(["promote", "--stage", "prod"]);
    await gantry(["verify", "--stage", "prod"]);
    await stages();
    say("A new release, v1.2.0, is tagged in the app repository");
    const commit = release(world, "1.2.0");
    io.out(`tagged v1.2.0 at ${commit}
`);
    await gantry(["discover"]);
    await gantry(["promote", "--stage", "dev"]);
    await gantry(["verify", "--stage", "dev"]);
    await stages();
    say("Where each freight has been");
    await gantry(["get", "freight"]);
    say("Every promotion");
    await gantry(["get", "promotions"]);
    say("History is plain git: the GitOps repository");
    io.out(`${bold("$ git log --oneline main")}
`);
    io.out(world.git(world.bare, "log", "--oneline", "--no-decorate", "main"));
    io.out(
      `${bold(`$ git tag -l 'gantry/${PROJECT}/verified/*' 'gantry/${PROJECT}/approved/*'`)}
`
    );
    io.out(
      world.git(
        world.bare,
        "tag",
        "-l",
        `gantry/${PROJECT}/verified/*`,
        `gantry/${PROJECT}/approved/*`
      )
    );
    io.out(
      [
        "",
        `Done in ${((Date.now() - started) / 1e3).toFixed(1)} s. Look around:`,
        `  cat ${join2(world.clone, ".gantry", `${PROJECT}.yaml`)}`,
        `  git -C ${world.bare} log -p -1 main`,
        `  git -C ${world.bare} tag -n1 -l 'gantry/*'`,
        ""
      ].join("\n")
    );
    return 0;
  } catch (err) {
    if (!(err instanceof DemoFailed)) throw err;
    io.err(`gantry demo: ${err.message}; the world is left in ${root}
`);
    return 1;
  } finally {
    await services?.close();
  }
}
function quote(arg) {
  return /^[\w./:@=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// src/cli/commands/demo.ts
var demoCommand = {
  name: "demo",
  summary: "run a whole pipeline (discover, promote, verify, approve) on this machine",
  flags: [
    {
      name: "dir",
      type: "string",
      value: "DIR",
      help: "a new or empty directory for everything the demo makes; default: a new temporary one"
    }
  ],
  description: `An app repository whose tags are its releases, a GitOps repository with a three-stage project
and one small service per stage are made under the directory; gantry's own commands then take
a release through the stages. No account and no network needed.`,
  examples: ["gantry demo --dir /tmp/gantry-demo"],
  run(args, ctx) {
    const { io } = ctx;
    return runDemo({
      dir: args.string("dir"),
      io,
      cli: (argv, env) => ctx.runCli(argv, env ? { ...io, env: { ...io.env, ...env } } : io)
    });
  }
};
export {
  demoCommand
};
