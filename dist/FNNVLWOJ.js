import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  SPLIT_OVER
} from "./RQENKYE6.js";
import {
  PROJECT_DIR,
  loadProjectsFromDir
} from "./BHM3J3E7.js";
import {
  parseImageRepository
} from "./ITB33UA7.js";
import {
  EXIT,
  noPositionals
} from "./BOHIHDER.js";
import {
  githubRepoOf
} from "./XK25RJ5D.js";
import {
  Git
} from "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./FNZOKEBV.js";
import "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/cli/init.ts
import { lstat, mkdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

// src/init/settings.ts
var DEFAULT_STAGES = ["dev", "staging", "prod"];
var DEFAULT_VALUES_PATH = "env/{stage}/values.yaml";
var IMAGE_TAG_KEY = "image.tag";
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_RULE = "a lowercase DNS label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters";
function toDnsLabel(s) {
  return s.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-{2,}/g, "-").slice(0, 63).replace(/^-+|-+$/g, "");
}
function valuesPathFor(template, stage) {
  return template.replaceAll("{stage}", stage);
}
var IMAGE_EXAMPLE = "ghcr.io/acme/echo";
function checkImage(raw) {
  if (raw === void 0 || raw.trim() === "") {
    throw new ConfigError(
      [
        "init needs --image: the container image repository whose new tags gantry promotes, without a tag, e.g.",
        `  gantry init --image ${IMAGE_EXAMPLE}                 (GitHub Container Registry)`,
        "  gantry init --image docker.io/acme/echo               (Docker Hub; acme/echo works too)",
        "  gantry init --image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/echo   (Amazon ECR)",
        "Charts and git repositories can be added to the warehouse afterwards (docs/init.md)."
      ].join("\n")
    );
  }
  const image = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(image);
  if (scheme) {
    const rest = image.slice(scheme[0].length);
    throw new ConfigError(
      `--image ${JSON.stringify(image)}: write the repository without a URL scheme: --image ${rest.replace(/[:@].*$/, "") || IMAGE_EXAMPLE}`
    );
  }
  const at = image.indexOf("@");
  if (at >= 0) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)} names one digest; gantry watches the repository and picks new tags itself: --image ${image.slice(0, at)}`
    );
  }
  const colon = image.indexOf(":", image.lastIndexOf("/") + 1);
  if (colon >= 0) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)} names the tag ${JSON.stringify(image.slice(colon + 1))}; gantry watches the repository and picks new tags itself (SemVer by default): --image ${image.slice(0, colon)}`
    );
  }
  if (image !== image.toLowerCase()) {
    throw new ConfigError(
      `--image ${JSON.stringify(image)}: image repository names are lower case: --image ${image.toLowerCase()}`
    );
  }
  try {
    const parsed = parseImageRepository(image);
    return { image, registry: parsed.registry };
  } catch (err) {
    throw new ConfigError(`--image: ${errorMessage(err)}`);
  }
}
function checkStages(raw) {
  if (raw === void 0) return [...DEFAULT_STAGES];
  const names = raw.split(",").map((s) => s.trim());
  if (names.every((n) => n === "")) {
    throw new ConfigError(
      "--stages is empty: list the stages in pipeline order, e.g. --stages dev,staging,prod"
    );
  }
  const seen = /* @__PURE__ */ new Set();
  names.forEach((name, i) => {
    if (name === "") {
      throw new ConfigError(
        `--stages ${JSON.stringify(raw)}: stage ${i + 1} is empty; list names separated by single commas, e.g. --stages dev,staging,prod`
      );
    }
    if (!DNS_LABEL.test(name) || name.length > 63) {
      const fixed = toDnsLabel(name);
      throw new ConfigError(
        `--stages: stage name ${JSON.stringify(name)} must be ${DNS_RULE} (it names git tags and the GitHub environment)${fixed ? `; try ${JSON.stringify(fixed)}` : ""}`
      );
    }
    if (seen.has(name)) {
      throw new ConfigError(
        `--stages: stage ${JSON.stringify(name)} is listed twice; each stage comes once, in pipeline order`
      );
    }
    seen.add(name);
  });
  if (names.length > 20) {
    throw new ConfigError(
      `--stages lists ${names.length} stages; gantry init writes a chain of at most 20 (edit the project file for larger pipelines)`
    );
  }
  return names;
}
function checkValuesPath(raw, stages) {
  if (raw === void 0) return DEFAULT_VALUES_PATH;
  const path = raw.trim();
  const hint = `e.g. --values-path '${DEFAULT_VALUES_PATH}'`;
  if (path === "") throw new ConfigError(`--values-path is empty: ${hint}`);
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)} must be relative to the repository root: ${hint}`
    );
  }
  if (path.includes("\\")) {
    throw new ConfigError(`--values-path ${JSON.stringify(path)}: use / between directories`);
  }
  const other = /\{(?!stage\})[^}]*\}/.exec(path);
  if (other) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: unknown placeholder ${other[0]}; the only one is {stage}`
    );
  }
  if (stages.length > 1 && !path.includes("{stage}")) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)} has no {stage}: every stage would edit the same file, so promoting ${stages[0]} would change ${stages[stages.length - 1]} too; put {stage} where the stage name goes, ${hint}`
    );
  }
  const segments = path.split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "")) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: no empty, "." or ".." parts; a path inside the repository, ${hint}`
    );
  }
  const first = segments[0];
  if (first === ".git" || first === PROJECT_DIR || first === ".github") {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: ${first}/ belongs to ${first === PROJECT_DIR ? "gantry" : first === ".git" ? "git" : "GitHub"}; put the values files with your manifests, ${hint}`
    );
  }
  if (!/\.ya?ml$/i.test(path)) {
    throw new ConfigError(
      `--values-path ${JSON.stringify(path)}: the generated yaml-update step edits a YAML file (.yaml or .yml); for kustomize or JSON, generate with a YAML values path and change the step afterwards (docs/init.md)`
    );
  }
  return path;
}
function checkProject(raw, image) {
  if (raw !== void 0) {
    const name2 = raw.trim();
    if (!DNS_LABEL.test(name2) || name2.length > 63) {
      const fixed = toDnsLabel(name2);
      throw new ConfigError(
        `--project ${JSON.stringify(raw)} must be ${DNS_RULE} (it names the file ${PROJECT_DIR}/<project>.yaml and git tags)${fixed ? `; try --project ${fixed}` : ""}`
      );
    }
    return name2;
  }
  const last = image.split("/").pop() ?? "";
  const name = toDnsLabel(last);
  if (!name) {
    throw new ConfigError(
      `cannot make a project name of ${JSON.stringify(last)} (from --image): give one with --project, e.g. --project echo`
    );
  }
  return name;
}
function initSettings(flags) {
  const { image, registry } = checkImage(flags.image);
  const stages = checkStages(flags.stages);
  const valuesPath = checkValuesPath(flags.valuesPath, stages);
  const project = checkProject(flags.project, image);
  return { project, image, registry, stages, valuesPath };
}

// src/init/text.ts
var RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
var NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;
var SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/;
function scalar(s) {
  if (SAFE_PLAIN.test(s) && !RESERVED.test(s) && !NUMBER_LIKE.test(s) && !/:$/.test(s)) return s;
  return JSON.stringify(s);
}
function flowList(items) {
  return `[${items.map(scalar).join(", ")}]`;
}
function example(lines, active) {
  if (active) return [...lines];
  const indent = Math.min(...lines.map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => `${" ".repeat(indent)}# ${l.slice(indent)}`);
}
function text(lines) {
  return lines.join("\n").replace(/\n*$/, "\n");
}

// src/init/project-file.ts
var SCHEMA_URL = "https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json";
var DOCS_URL = "https://github.com/gantry-dev/gantry/blob/main/docs";
function stageLines(s, i, active) {
  const name = s.stages[i] ?? "";
  const first = i === 0;
  const last = i === s.stages.length - 1 && s.stages.length > 1;
  const prev = s.stages[i - 1];
  const next = s.stages[i + 1];
  const auto = !last;
  const out = [`  - name: ${scalar(name)}`];
  if (last) {
    out.push(
      "    # Where the stage can be reached, shown on its GitHub deployment:",
      ...example([`    environmentUrl: https://${s.project}.example.com`], active)
    );
  }
  out.push(
    "    requestedFreight:",
    `      - origin: { kind: Warehouse, name: ${scalar(s.project)} }`
  );
  if (first) {
    out.push("        sources: { direct: true } # every new freight, straight from the warehouse");
  } else {
    out.push(
      "        sources:",
      `          stages: ${flowList([prev ?? ""])} # freight once it is verified in ${prev}`,
      ...example(
        [`          requiredSoakTime: 1h # \u2026 and has run in ${prev} for at least an hour`],
        active
      )
    );
  }
  if (first) {
    out.push("    # The discover workflow starts the promotion of each new freight by itself.");
  } else if (auto) {
    out.push(`    # Verifying ${prev} starts this promotion by itself.`);
  } else {
    out.push(
      '    # Off for the last stage: promote it by hand, with "Run workflow" on the promote',
      `    # workflow or \`gantry promote --stage ${name}\`. Once the GitHub environment "${name}" has`,
      `    # required reviewers, true sends each freight verified in ${prev} there to wait for them.`
    );
  }
  out.push(`    autoPromotion: ${auto ? "true" : "false"}`);
  out.push("    promotionTemplate:");
  if (last) {
    out.push(
      "      # Propose each promotion as a pull request instead of committing it; merging it",
      "      # promotes. The gate for private repositories without environment reviewers.",
      ...example(["      mode: pull-request"], active)
    );
  }
  const path = valuesPathFor(s.valuesPath, name);
  out.push("      steps:");
  if (first) {
    out.push(
      "        # Set the tag of the freight's image in the stage's values file. Only that value",
      "        # changes: comments, quoting and layout of the file stay as they are."
    );
  }
  out.push(
    "        - uses: yaml-update",
    "          config:",
    `            path: ${scalar(path)}`,
    "            updates:",
    `              - key: ${IMAGE_TAG_KEY}`,
    `                value: '\${{ imageFrom("${s.image}").Tag }}'`
  );
  out.push(
    ...first ? [
      `    # Checks after each promotion: until they pass, ${next ? `${next} does not get the freight` : "the freight is not verified"}.`,
      "    # Without any, freight counts as verified as soon as its promotion lands. For example:"
    ] : [
      `    # Checks after each promotion${next ? `: until they pass, ${next} does not get the freight` : ""}:`
    ],
    ...example(
      [
        "    verification:",
        "      - name: healthz # any 2xx answer passes; a successCondition can judge the body",
        "        initialDelay: 1m # time for Argo CD or Flux to sync the change",
        "        interval: 30s",
        "        count: 4 # four answers, 30s apart; a single bad one fails the verification",
        "        provider:",
        "          http:",
        `            url: https://${name}.${s.project}.example.com/healthz`
      ],
      active
    )
  );
  return out;
}
function renderProjectFile(s, o = {}) {
  const active = o.activeExamples ?? false;
  const chain = s.stages.join(" \u2192 ");
  return text([
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    "#",
    `# The gantry project "${s.project}", written by \`gantry init\`: where new versions come from (the`,
    `# warehouse) and the stages they are promoted through (${chain}). It is yours to edit;`,
    "# `gantry lint` checks it. Every field:",
    `# ${DOCS_URL}/reference/project-file.md`,
    `project: ${scalar(s.project)}`,
    "",
    "# A warehouse watches where artifacts are published. Each new version it finds becomes",
    `# freight: an immutable tag gantry/${s.project}/freight/<id> in this repository.`,
    "warehouses:",
    `  - name: ${scalar(s.project)}`,
    "    subscriptions:",
    "      - image:",
    `          repoURL: ${scalar(s.image)}`,
    "          # SemVer: the highest tag that is a version (1.4.2 or v1.4.2). Other tags (latest,",
    "          # main, sha-1a2b3c4) and pre-releases (2.0.0-rc.1) are left out.",
    "          imageSelectionStrategy: SemVer",
    "          # Stay on one major version, so that 2.0.0 waits until you change the constraint:",
    ...example(["          constraint: ^1.0.0"], active),
    "",
    "# The stages, in pipeline order. Each requests freight (from the warehouse, or once it is",
    "# verified upstream) and says how to promote it: the steps that edit this repository. The",
    "# promote workflow runs each promotion in the GitHub environment named after its stage, so",
    "# that environment's protection rules (required reviewers, wait timers) gate it.",
    "stages:",
    ...s.stages.flatMap((_, i) => stageLines(s, i, active))
  ]);
}
function renderValuesFile(s, stage) {
  return text([
    `# Values for ${s.project} in ${stage}. gantry's promotions set ${IMAGE_TAG_KEY} (see .gantry/${s.project}.yaml).`,
    "image:",
    `  repository: ${scalar(s.image)}`,
    "  tag: 0.0.0 # set by gantry"
  ]);
}

// src/init/workflows.ts
var ACTION_REPO = "gantry-dev/gantry";
var ACTION_REF = "v1";
var DISCOVER_WORKFLOW = "gantry-discover.yml";
var PROMOTE_WORKFLOW = "gantry-promote.yml";
var DISCOVER_EVENT = "gantry-discover";
var DISCOVER_CRON = "7,22,37,52 * * * *";
var uses = (action) => `${ACTION_REPO}/${action}@${ACTION_REF}`;
var CLI_PACKAGE = `github:${ACTION_REPO}#${ACTION_REF}`;
function allStages(projects) {
  const out = [];
  for (const p of projects) for (const s of p.stages) if (!out.includes(s)) out.push(s);
  return out;
}
function header(lines) {
  return [
    ...lines.map((l) => l ? `# ${l}` : "#"),
    "# Written by `gantry init`; it is yours to edit. What each part does:",
    `# ${DOCS_URL}/init.md`
  ];
}
function renderDiscoverWorkflow(ctx, o = {}) {
  const active = o.activeExamples ?? false;
  const registries = [...new Set(ctx.projects.flatMap((p) => p.registries))].sort();
  const ghcr = registries.includes("ghcr.io");
  const others = registries.filter((r) => r !== "ghcr.io");
  const repo = ctx.github ? `${ctx.github.owner}/${ctx.github.repo}` : "OWNER/REPO";
  const api = ctx.github?.apiUrl ?? "https://api.github.com";
  const loginRegistry = others[0] ?? "registry.example.com";
  const many = ctx.projects.length > 1;
  return text([
    ...header([
      "gantry discover: finds new versions of what the warehouses watch, records each new set as",
      "freight (a tag gantry/<project>/freight/<id> in this repository), and starts the promote",
      "workflow for every stage with autoPromotion that should take it."
    ]),
    "name: gantry discover",
    "",
    "on:",
    "  schedule:",
    "    # Every 15 minutes, off the full hour, when GitHub delays scheduled runs the most. They",
    "    # can still start late, and GitHub turns schedules off in public repositories after 60",
    "    # days without activity: the ping below waits for neither.",
    `    - cron: '${DISCOVER_CRON}'`,
    `  # The "Run workflow" button, or: gh workflow run ${DISCOVER_WORKFLOW}`,
    "  workflow_dispatch:",
    "  # A ping from the image's CI right after it pushes, so that freight appears within a minute:",
    `  #   gh api repos/${repo}/dispatches -f event_type=${DISCOVER_EVENT}`,
    "  # or, without gh:",
    '  #   curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H "Accept: application/vnd.github+json" \\',
    `  #     ${api}/repos/${repo}/dispatches -d '{"event_type":"${DISCOVER_EVENT}"}'`,
    "  # The token needs Contents: write on this repository: a fine-grained token or a GitHub App",
    "  # installation token (another repository's GITHUB_TOKEN cannot dispatch here).",
    "  repository_dispatch:",
    `    types: [${DISCOVER_EVENT}]`,
    "",
    "# What the discover step needs, and nothing more.",
    "permissions:",
    "  contents: write # push freight tags",
    `  actions: write # start ${PROMOTE_WORKFLOW} for due promotions`,
    ...ghcr ? [
      "  # read ghcr.io images with this workflow's token (a private package must grant this",
      "  # repository read access: Package settings \u2192 Manage Actions access)",
      "  packages: read"
    ] : [],
    "",
    ...many ? [
      "# One discovery per project at a time (the concurrency of the discover job below), so",
      "# runs overlap freely: a project's ping during its run queues one more run of it, which",
      "# newer pings replace, and never holds the other projects up.",
      "",
      "jobs:",
      "  # The projects, as gantry reads them from the repository's .gantry/ files: adding a",
      "  # project file adds a job below, with nothing here to edit.",
      "  projects:",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 5",
      "    permissions:",
      "      contents: read",
      "    outputs:",
      "      matrix: ${{ steps.list.outputs.matrix }}",
      "    steps:",
      `      - uses: actions/checkout@v4`,
      "        with:",
      "          persist-credentials: false",
      "      - id: list",
      "        # The command line from the same release as the actions (a single file, no",
      "        # dependencies); the job fails on a project file gantry cannot read. A project",
      `        # with more than ${SPLIT_OVER} warehouses gets a job per warehouse (--split-over N to change).`,
      "        run: |",
      `          matrix=$(npx --yes ${CLI_PACKAGE} get projects --output json | jq -c .matrix)`,
      '          echo "matrix=$matrix" >> "$GITHUB_OUTPUT"',
      "",
      "  # One job per project (or warehouse), side by side: a slow registry or a large project",
      "  # delays only its own, and each job summary is one project's. GitHub runs at most 256",
      "  # jobs of a matrix, and as many at once as your plan's concurrent jobs.",
      "  discover:",
      "    needs: projects",
      "    name: discover ${{ matrix.name }}",
      "    strategy:",
      "      fail-fast: false",
      "      matrix: ${{ fromJSON(needs.projects.outputs.matrix) }}",
      "    concurrency:",
      "      group: gantry-discover-${{ matrix.name }}",
      "      cancel-in-progress: false",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 15",
      "    steps:"
    ] : [
      "# One discovery at a time: a ping during a run queues one more run, which newer pings replace.",
      "concurrency:",
      "  group: gantry-discover",
      "  cancel-in-progress: false",
      "",
      "jobs:",
      "  discover:",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: 15",
      "    steps:"
    ],
    `      # Private images${ghcr ? " outside ghcr.io" : ""}: log in first; discover reads the credentials that`,
    "      # docker/login-action (or aws-actions/amazon-ecr-login, \u2026) leaves in the Docker config.",
    ...example(
      [
        "      - uses: docker/login-action@v3",
        "        with:",
        `          registry: ${scalar(loginRegistry)}`,
        "          username: ${{ vars.REGISTRY_USERNAME }}",
        "          password: ${{ secrets.REGISTRY_TOKEN }}"
      ],
      active
    ),
    "      - id: discover",
    `        uses: ${uses("discover")}`,
    "        with:",
    ...many ? ["          project: ${{ matrix.project }}", "          warehouse: ${{ matrix.warehouse }}"] : [],
    "          # Start the promote workflow (inputs stage and freight) for each auto-promotion due.",
    `          dispatch-workflow: ${PROMOTE_WORKFLOW}`
  ]);
}
function renderPromoteWorkflow(ctx, o = {}) {
  const active = o.activeExamples ?? false;
  const stages = allStages(ctx.projects);
  const projects = ctx.projects.map((p) => p.name);
  const many = projects.length > 1;
  const where = many ? "${{ inputs.project }}/${{ inputs.stage }}" : "${{ inputs.stage }}";
  const last = ctx.projects[0]?.stages.at(-1) ?? "prod";
  const projectWith = many ? ["          project: ${{ inputs.project }}"] : [];
  return text([
    ...header([
      "gantry promote: moves freight into one stage, then verifies it there. Started by the",
      "discover workflow (new freight, for stages with autoPromotion), by this workflow's own",
      'verify step (freight verified upstream, for the next stage), or by hand: "Run workflow",',
      `or gh workflow run ${PROMOTE_WORKFLOW} -f stage=${last} -f freight=<alias>${many ? ` -f project=${projects[0]}` : ""}`
    ]),
    "name: gantry promote",
    `run-name: \${{ github.event_name == 'pull_request' && format('verify the merge of {0}', github.event.pull_request.head.ref) || format('promote {0} into ${many ? "{1}/{2}" : "{1}"}', inputs.freight || 'the newest freight', ${many ? "inputs.project, inputs.stage" : "inputs.stage"}) }}`,
    "",
    "on:",
    "  # A promotion by pull request (promotionTemplate.mode: pull-request) happens when the pull",
    "  # request is merged: the verify-merged job below verifies it then.",
    "  pull_request:",
    "    types: [closed]",
    "  workflow_dispatch:",
    "    inputs:",
    ...many ? [
      "      project:",
      "        description: Project (a file .gantry/<project>.yaml)",
      "        type: choice",
      "        required: true",
      `        options: ${flowList(projects)}`
    ] : [],
    "      stage:",
    "        description: Stage to promote into",
    "        type: choice",
    "        required: true",
    `        options: ${flowList(stages)}`,
    "      freight:",
    "        description: Freight alias or ID (empty, the newest freight available to the stage)",
    "        type: string",
    "        required: false",
    "        default: ''",
    "",
    "# What the promote and verify steps need, and nothing more.",
    "permissions:",
    "  contents: write # the promotion commit, and the tag that marks freight verified",
    "  pull-requests: write # pull-request mode (promotionTemplate.mode) only",
    "  deployments: write # record each promotion as a deployment of the stage's environment",
    "  # start this workflow for the next stage; write includes read, which gantry uses to record",
    "  # who approved this run's environment (Approved-By)",
    "  actions: write",
    "  checks: read # verification with the github provider: check runs",
    "  statuses: read # \u2026 and commit statuses",
    "",
    "# One promotion per stage at a time. A running one is never cancelled (its verification would",
    "# be lost); a newer request waits, and one newer still takes its place.",
    "concurrency:",
    `  group: gantry-promote-\${{ github.event.pull_request.head.ref || ${many ? "format('{0}-{1}', inputs.project, inputs.stage)" : "inputs.stage"} }}`,
    "  cancel-in-progress: false",
    "",
    "jobs:",
    "  # The environment that gates the stage, as the project file names it (a stage's environment",
    "  # field, default its name): the promote job runs under it, so there is no second place to",
    "  # keep in step, and the promote step refuses a run that did not pass that gate.",
    "  environment:",
    `    name: environment of ${where}`,
    "    if: github.event_name == 'workflow_dispatch'",
    "    runs-on: ubuntu-latest",
    "    timeout-minutes: 10",
    "    outputs:",
    "      name: ${{ steps.stage.outputs.environment }}",
    "    steps:",
    "      - id: stage",
    `        uses: ${ACTION_REPO}@${ACTION_REF}`,
    "        with:",
    "          command: environment",
    ...projectWith,
    "          stage: ${{ inputs.stage }}",
    "",
    "  promote:",
    `    name: promote ${where}`,
    "    needs: environment",
    "    if: github.event_name == 'workflow_dispatch'",
    "    runs-on: ubuntu-latest",
    "    # The stage's GitHub environment: its protection rules gate the promotion. For production,",
    `    # Settings \u2192 Environments \u2192 the environment of ${last} \u2192 Required reviewers: the job then`,
    "    # waits until one of them approves, and gantry records who did. Wait timers and deployment",
    "    # branches gate the same way. (Private repositories need GitHub Enterprise for required",
    "    # reviewers; use promotionTemplate.mode: pull-request and a protected branch instead:",
    "    # docs/init.md.)",
    "    environment: ${{ needs.environment.outputs.name }}",
    "    timeout-minutes: 60 # approval waits do not count; verify's own limit is its timeout, 30m",
    "    steps:",
    "      - id: promote",
    `        uses: ${uses("promote")}`,
    "        with:",
    ...projectWith,
    "          stage: ${{ inputs.stage }}",
    "          freight: ${{ inputs.freight }}",
    "          # Commit through GitHub, signed, for branches whose rules require signed commits:",
    ...example(["          sign-commits: true"], active),
    "      # Verify what was promoted; success starts the next stages whose promotion is now due.",
    "      # Skipped when the promotion became a pull request: merging it promotes, and running this",
    "      # workflow again for the stage then verifies it (nothing is committed twice). Re-running",
    "      # a run whose verification failed verifies again.",
    "      - id: verify",
    "        if: steps.promote.outputs.pull-request-url == ''",
    `        uses: ${uses("verify")}`,
    "        with:",
    ...projectWith,
    "          stage: ${{ inputs.stage }}",
    "          freight: ${{ steps.promote.outputs.freight }}",
    `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
    "        # Secrets the verification reads as ${{ env.NAME }} in the project file:",
    ...example(["        env:", "          PROM_TOKEN: ${{ secrets.PROM_TOKEN }}"], active),
    "",
    "  # A merged gantry pull request (branch gantry/promote/<project>/<stage>) is a promotion:",
    "  # verify the stage, which also starts the next stages whose promotion is now due.",
    "  verify-merged:",
    "    name: verify ${{ github.event.pull_request.head.ref }}",
    "    if: >-",
    "      github.event_name == 'pull_request' && github.event.pull_request.merged &&",
    "      startsWith(github.event.pull_request.head.ref, 'gantry/promote/')",
    "    runs-on: ubuntu-latest",
    "    timeout-minutes: 60",
    "    steps:",
    "      - id: target",
    "        env:",
    "          HEAD_REF: ${{ github.event.pull_request.head.ref }}",
    "        run: |",
    '          rest="${HEAD_REF#gantry/promote/}"',
    '          echo "project=${rest%%/*}" >> "$GITHUB_OUTPUT"',
    '          echo "stage=${rest#*/}" >> "$GITHUB_OUTPUT"',
    "      # A Kargo template that waited on this pull request (git-wait-for-pr) goes on: the steps",
    "      # after the wait run now, with the merge commit as its output. Nothing to do otherwise.",
    `      - uses: ${uses("promote")}`,
    "        with:",
    "          project: ${{ steps.target.outputs.project }}",
    "          stage: ${{ steps.target.outputs.stage }}",
    "          resume-pull-request: ${{ github.event.pull_request.number }}",
    ...example(
      [
        "        env:",
        "          ARGOCD_SERVER: ${{ vars.ARGOCD_SERVER }}",
        "          ARGOCD_AUTH_TOKEN: ${{ secrets.ARGOCD_AUTH_TOKEN }}"
      ],
      active
    ),
    `      - uses: ${uses("verify")}`,
    "        with:",
    "          project: ${{ steps.target.outputs.project }}",
    "          stage: ${{ steps.target.outputs.stage }}",
    `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
    ...example(["        env:", "          PROM_TOKEN: ${{ secrets.PROM_TOKEN }}"], active)
  ]);
}

// src/init/plan.ts
var import_yaml = __toESM(require_dist(), 1);
var WORKFLOW_DIR = ".github/workflows";
function projectPath(project) {
  return `${PROJECT_DIR}/${project}.yaml`;
}
function candidatePaths(s) {
  return [
    projectPath(s.project),
    `${PROJECT_DIR}/${s.project}.yml`,
    `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
    `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
    ...s.stages.map((stage) => valuesPathFor(s.valuesPath, stage))
  ];
}
function hasKey(yamlText, dotted) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(yamlText);
  } catch {
    return void 0;
  }
  let node = doc;
  for (const part of dotted.split(".")) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return false;
    if (!(part in node)) return false;
    node = node[part];
  }
  return true;
}
function planInit(s, facts, o) {
  const warnings = [];
  const self = {
    name: s.project,
    stages: s.stages,
    registries: [s.registry]
  };
  const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  const others = facts.otherProjects.filter((p) => p.name !== s.project);
  const projects = [...others, self].sort(byName);
  const ctx = { projects, ...facts.github ? { github: facts.github } : {} };
  const ymlTwin = `${PROJECT_DIR}/${s.project}.yml`;
  const planned = [
    { path: projectPath(s.project), kind: "project", text: renderProjectFile(s, o) },
    {
      path: `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
      kind: "workflow",
      text: renderDiscoverWorkflow(ctx, o)
    },
    {
      path: `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
      kind: "workflow",
      text: renderPromoteWorkflow(ctx, o)
    }
  ];
  const before = {
    projects: [...others].sort(byName),
    ...facts.github ? { github: facts.github } : {}
  };
  const unedited = (f) => {
    if (f.kind !== "workflow" || before.projects.length === 0) return false;
    const text2 = facts.existing.get(f.path);
    const render = f.path.endsWith(DISCOVER_WORKFLOW) ? renderDiscoverWorkflow : renderPromoteWorkflow;
    return text2 !== void 0 && text2 === render(before, o);
  };
  for (const f of planned) if (unedited(f)) f.regenerated = true;
  const conflicts = planned.filter((f) => facts.existing.has(f.path) && !f.regenerated).map((f) => f.path);
  if (facts.existing.has(ymlTwin)) conflicts.push(ymlTwin);
  const kept = [];
  const seenValues = /* @__PURE__ */ new Set();
  for (const stage of s.stages) {
    const path = valuesPathFor(s.valuesPath, stage);
    if (seenValues.has(path)) continue;
    seenValues.add(path);
    const existing = facts.existing.get(path);
    if (existing === void 0) {
      planned.push({ path, kind: "values", text: renderValuesFile(s, stage) });
      continue;
    }
    kept.push(path);
    const found = hasKey(existing, IMAGE_TAG_KEY);
    if (found === void 0) {
      warnings.push(
        `${path} is not valid YAML: the first promotion into ${stage} will fail until it is`
      );
    } else if (!found) {
      warnings.push(
        `${path} has no ${IMAGE_TAG_KEY}: the first promotion into ${stage} adds it; if your manifests read the tag from another key, change "key: ${IMAGE_TAG_KEY}" in ${projectPath(s.project)}`
      );
    }
  }
  if (conflicts.length && !o.force) {
    throw new ConfigError(
      [
        `nothing was written: ${conflicts.length === 1 ? "this file exists" : "these files exist"}:`,
        ...conflicts.map((c) => `  ${c}`),
        conflicts.includes(ymlTwin) ? `${ymlTwin} holds project ${s.project} already; edit it, or choose another name with --project.` : `Run again with --force to overwrite ${conflicts.length === 1 ? "it" : "them"}${projects.length > 1 ? ` (the workflows are then written for the projects ${projects.map((p) => p.name).join(", ")})` : ""}; existing values files are never overwritten.`
      ].join("\n")
    );
  }
  if (conflicts.includes(ymlTwin)) {
    throw new ConfigError(
      `${ymlTwin} holds project ${s.project} already, and --force does not remove it: edit it, or choose another name with --project`
    );
  }
  const write = planned.map((f) => ({ ...f, overwrite: facts.existing.has(f.path) }));
  return { settings: s, write, kept, warnings, projects };
}

// src/init/report.ts
function shellQuote(s) {
  return /^[A-Za-z0-9_./@:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function describe(plan, path, kind) {
  const s = plan.settings;
  switch (kind) {
    case "project":
      return `the project: warehouse ${s.project} watching ${s.image}, stages ${s.stages.join(" \u2192 ")}`;
    case "workflow":
      return path.endsWith(DISCOVER_WORKFLOW) ? "discovery: every 15 minutes, by hand, or pinged by image CI" : `promotion: one stage per run under its environment, then verify${plan.projects.length > 1 ? ` (projects ${plan.projects.map((p) => p.name).join(", ")})` : ""}`;
    default:
      return `a values file with ${IMAGE_TAG_KEY}, for the first promotion to set`;
  }
}
function chainSentence(stages) {
  const [first = "", ...rest] = stages;
  const last = rest.pop();
  let out = `${first} is promoted by itself`;
  if (rest.length === 1) out += `, then ${rest[0]} once ${first} is verified`;
  if (rest.length > 1) out += `, then ${rest.join(", ")}, each once the stage before is verified`;
  if (last) out += `; ${last} when you run ${PROMOTE_WORKFLOW} for it`;
  return `${out}.`;
}
function initReport(plan, o) {
  const s = plan.settings;
  const width = Math.max(...plan.write.map((f) => f.path.length));
  const lines = [];
  for (const f of plan.write) {
    lines.push(
      `${f.regenerated ? "updated" : f.overwrite ? "overwrote" : "wrote"}  ${f.path.padEnd(width)}  ${describe(plan, f.path, f.kind)}`
    );
  }
  for (const k of plan.kept)
    lines.push(`kept   ${k} (it exists; promotions set ${IMAGE_TAG_KEY} in it)`);
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  const git = o.dir === "." ? "git" : `git -C ${shellQuote(o.dir)}`;
  const paths = [...plan.write.map((f) => f.path)].map(shellQuote).join(" ");
  const first = s.stages[0] ?? "";
  const last = s.stages.at(-1) ?? "";
  const gated = s.stages.length > 1 ? last : first;
  const lint = o.dir === "." ? "gantry lint" : `gantry lint --repo ${shellQuote(o.dir)}`;
  let n = 0;
  const step = (text2) => `  ${++n}. ${text2}`;
  lines.push(
    "",
    "Next steps:",
    step(`Read .gantry/${s.project}.yaml and adjust it; check it with: ${lint}`),
    ...o.isGitRepo ? [] : [
      step(
        `Make this directory a clone of your GitOps repository (git init, git remote add \u2026)`
      )
    ],
    step("Commit and push (the workflows run from the default branch):"),
    `       ${git} add ${paths}`,
    `       ${git} commit -m ${shellQuote(`gantry: promote ${s.project} through ${s.stages.join(", ")}`)}`,
    `       ${git} push`,
    step(
      `On GitHub, Settings \u2192 Environments \u2192 New environment "${gated}" \u2192 Required reviewers, so that`
    ),
    `     a person approves each promotion into ${gated} (public repositories, or GitHub Enterprise;`,
    `     otherwise use pull-request mode: ${DOCS_URL}/init.md#pull-request-mode). The other`,
    "     stages' environments are created by their first run.",
    step(
      `Start discovery: gh workflow run ${DISCOVER_WORKFLOW} (or Actions \u2192 gantry discover \u2192 Run workflow).`
    ),
    `     ${chainSentence(s.stages)}`,
    step(`Watch: gantry get stages${o.dir === "." ? "" : ` --repo ${shellQuote(o.dir)}`}`)
  );
  return lines.join("\n") + "\n";
}

// src/cli/init.ts
async function gitFacts(root, io) {
  const git = new Git({ baseEnv: io.env, timeoutMs: 1e4 });
  let top;
  try {
    const r = await git.tryRun(["rev-parse", "--show-toplevel"], { cwd: root });
    if (r.exitCode !== 0) return { isGitRepo: false };
    top = r.stdout.trim();
  } catch {
    return { isGitRepo: false };
  }
  if (await realpath(top) !== await realpath(root)) {
    throw new ConfigError(
      `--dir ${root} is inside the git repository ${top}, not its root; GitHub reads workflows from .github/workflows and gantry reads .gantry/ at the root: run gantry init --dir ${top}`
    );
  }
  const origin = await git.tryRun(["remote", "get-url", "origin"], { cwd: root });
  const github = origin.exitCode === 0 ? githubRepoOf(origin.stdout, {
    serverUrl: io.env.GITHUB_SERVER_URL,
    apiUrl: io.env.GITHUB_API_URL
  }) : void 0;
  return { isGitRepo: true, ...github ? { github } : {} };
}
async function otherProjects(root, self) {
  const { projects, problems } = await loadProjectsFromDir(root);
  const own = /* @__PURE__ */ new Set([projectPath(self), `.gantry/${self}.yml`]);
  const unreadable = [
    ...new Set(problems.map((p) => p.file).filter((f) => !own.has(f) && /\.ya?ml$/.test(f)))
  ];
  const loaded = projects.filter((p) => p.name !== self && !own.has(p.file)).map((p) => ({
    name: p.name,
    stages: p.stages.map((s) => s.name),
    registries: p.warehouses.flatMap(
      (w) => w.subscriptions.flatMap((sub) => {
        if (sub.kind !== "image") return [];
        try {
          return [parseImageRepository(sub.image.repoURL).registry];
        } catch {
          return [];
        }
      })
    )
  }));
  return { projects: loaded, unreadable };
}
async function existingFiles(root, paths) {
  const existing = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const abs = join(root, path);
    let info;
    try {
      info = await lstat(abs);
    } catch (err) {
      const code = err.code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw err;
    }
    if (info.isDirectory()) {
      throw new ConfigError(`${path} is a directory; gantry init needs to write a file there`);
    }
    existing.set(path, info.isFile() ? await readFile(abs, "utf8") : "");
  }
  return existing;
}
async function initCommand(o) {
  const settings = initSettings(o);
  const root = resolve(o.dir);
  try {
    if (!(await stat(root)).isDirectory())
      throw new ConfigError(`--dir ${o.dir} is not a directory`);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(
      `--dir ${o.dir} does not exist: run gantry init in a clone of your GitOps repository, or point --dir at one`
    );
  }
  const facts = await gitFacts(root, o.io);
  const others = await otherProjects(root, settings.project);
  const existing = await existingFiles(root, candidatePaths(settings));
  const plan = planInit(
    settings,
    {
      existing,
      otherProjects: others.projects,
      ...facts.github ? { github: facts.github } : {}
    },
    { force: o.force }
  );
  for (const file of others.unreadable) {
    plan.warnings.push(
      `${file} does not lint, so its stages are not among the promote workflow's choices (gantry lint says why; then run gantry init again with --force)`
    );
  }
  const created = [];
  try {
    for (const f of plan.write) {
      const abs = join(root, f.path);
      if (!f.overwrite) await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, f.text, { flag: f.overwrite ? "w" : "wx" });
      if (!f.overwrite) created.push(abs);
    }
  } catch (err) {
    await Promise.all(created.map((abs) => rm(abs, { force: true })));
    throw new OperationError(`gantry init: could not write the files: ${errorMessage(err)}`);
  }
  o.io.out(initReport(plan, { dir: o.dir, isGitRepo: facts.isGitRepo }));
  return EXIT.ok;
}

// src/cli/commands/init.ts
var initCommand2 = {
  name: "init",
  summary: "write a first project file and the discover and promote workflows",
  flags: [
    {
      name: "dir",
      type: "string",
      value: "DIR",
      help: "the root of the GitOps repository clone to write into; default: the current directory"
    },
    {
      name: "project",
      type: "string",
      value: "P",
      help: "the project's name; default: the image repository's last path segment"
    },
    {
      name: "image",
      type: "string",
      value: "REPO",
      help: "the container image repository whose new tags gantry promotes, without a tag\n(ghcr.io/acme/echo); init cannot run without it"
    },
    {
      name: "stages",
      type: "string",
      value: "LIST",
      help: "the stages in pipeline order, comma-separated (default: dev,staging,prod)"
    },
    {
      name: "values-path",
      type: "string",
      value: "PATH",
      help: "each stage's Helm values file, whose image.tag the promotion sets; {stage} is\nreplaced by the stage's name (default: env/{stage}/values.yaml)"
    },
    {
      name: "force",
      type: "boolean",
      help: "overwrite the project file and workflows when they exist (without it init writes\nnothing then); values files are never overwritten"
    }
  ],
  description: `Writes .gantry/<project>.yaml and the workflows under .github/workflows/, then prints
what to commit and what to set up on GitHub. Nothing is written when anything is wrong.`,
  examples: ["gantry init --image ghcr.io/acme/echo --stages dev,prod"],
  run(args, { io }) {
    noPositionals(args, "init");
    return initCommand({
      dir: args.string("dir") ?? ".",
      project: args.string("project"),
      image: args.string("image"),
      stages: args.string("stages"),
      valuesPath: args.string("values-path"),
      force: args.boolean("force"),
      io
    });
  }
};
export {
  initCommand2 as initCommand
};
