export const id = 2829;
export const ids = [2829];
export const modules = {

/***/ 572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ init_initCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/discovery/oci/reference.ts
var reference = __webpack_require__(2289);
// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var src_git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/pipeline/index.ts + 2 modules
var pipeline = __webpack_require__(5785);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/init/settings.ts
/**
 * `gantry init`'s flags, checked and completed with defaults. Every error says what to type
 * instead, because the person reading it is setting gantry up for the first time.
 */



const DEFAULT_STAGES = ['dev', 'staging', 'prod'];
const DEFAULT_VALUES_PATH = 'env/{stage}/values.yaml';
/** The key the generated `yaml-update` steps set in each stage's values file. */
const IMAGE_TAG_KEY = 'image.tag';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_RULE = "a lowercase DNS label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters";
/** `Echo_App` → `echo-app`: the closest DNS label, or '' when nothing is left. */
function toDnsLabel(s) {
    return s
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .slice(0, 63)
        .replace(/^-+|-+$/g, '');
}
/** The values file of one stage: `{stage}` replaced. */
function valuesPathFor(template, stage) {
    return template.replaceAll('{stage}', stage);
}
const IMAGE_EXAMPLE = 'ghcr.io/acme/echo';
function checkImage(raw) {
    if (raw === undefined || raw.trim() === '') {
        throw new errors/* ConfigError */.xL([
            'init needs --image: the container image repository whose new tags gantry promotes, without a tag, e.g.',
            `  gantry init --image ${IMAGE_EXAMPLE}                 (GitHub Container Registry)`,
            '  gantry init --image docker.io/acme/echo               (Docker Hub; acme/echo works too)',
            '  gantry init --image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/echo   (Amazon ECR)',
            'Charts and git repositories can be added to the warehouse afterwards (docs/init.md).',
        ].join('\n'));
    }
    const image = raw.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(image);
    if (scheme) {
        const rest = image.slice(scheme[0].length);
        throw new errors/* ConfigError */.xL(`--image ${JSON.stringify(image)}: write the repository without a URL scheme: --image ${rest.replace(/[:@].*$/, '') || IMAGE_EXAMPLE}`);
    }
    const at = image.indexOf('@');
    if (at >= 0) {
        throw new errors/* ConfigError */.xL(`--image ${JSON.stringify(image)} names one digest; gantry watches the repository and picks new tags itself: --image ${image.slice(0, at)}`);
    }
    // A `:` after the last `/` starts a tag; one before it is a registry port (`localhost:5000/echo`).
    const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
    if (colon >= 0) {
        throw new errors/* ConfigError */.xL(`--image ${JSON.stringify(image)} names the tag ${JSON.stringify(image.slice(colon + 1))}; gantry watches the repository and picks new tags itself (SemVer by default): --image ${image.slice(0, colon)}`);
    }
    if (image !== image.toLowerCase()) {
        throw new errors/* ConfigError */.xL(`--image ${JSON.stringify(image)}: image repository names are lower case: --image ${image.toLowerCase()}`);
    }
    try {
        const parsed = (0,reference/* parseImageRepository */.fb)(image);
        return { image, registry: parsed.registry };
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(`--image: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
function checkStages(raw) {
    if (raw === undefined)
        return [...DEFAULT_STAGES];
    const names = raw.split(',').map((s) => s.trim());
    if (names.every((n) => n === '')) {
        throw new errors/* ConfigError */.xL('--stages is empty: list the stages in pipeline order, e.g. --stages dev,staging,prod');
    }
    const seen = new Set();
    names.forEach((name, i) => {
        if (name === '') {
            throw new errors/* ConfigError */.xL(`--stages ${JSON.stringify(raw)}: stage ${i + 1} is empty; list names separated by single commas, e.g. --stages dev,staging,prod`);
        }
        if (!DNS_LABEL.test(name) || name.length > 63) {
            const fixed = toDnsLabel(name);
            throw new errors/* ConfigError */.xL(`--stages: stage name ${JSON.stringify(name)} must be ${DNS_RULE} (it names git tags and the GitHub environment)${fixed ? `; try ${JSON.stringify(fixed)}` : ''}`);
        }
        if (seen.has(name)) {
            throw new errors/* ConfigError */.xL(`--stages: stage ${JSON.stringify(name)} is listed twice; each stage comes once, in pipeline order`);
        }
        seen.add(name);
    });
    if (names.length > 20) {
        throw new errors/* ConfigError */.xL(`--stages lists ${names.length} stages; gantry init writes a chain of at most 20 (edit the project file for larger pipelines)`);
    }
    return names;
}
function checkValuesPath(raw, stages) {
    if (raw === undefined)
        return DEFAULT_VALUES_PATH;
    const path = raw.trim();
    const hint = `e.g. --values-path '${DEFAULT_VALUES_PATH}'`;
    if (path === '')
        throw new errors/* ConfigError */.xL(`--values-path is empty: ${hint}`);
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)} must be relative to the repository root: ${hint}`);
    }
    if (path.includes('\\')) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)}: use / between directories`);
    }
    const other = /\{(?!stage\})[^}]*\}/.exec(path);
    if (other) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)}: unknown placeholder ${other[0]}; the only one is {stage}`);
    }
    if (stages.length > 1 && !path.includes('{stage}')) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)} has no {stage}: every stage would edit the same file, so promoting ${stages[0]} would change ${stages[stages.length - 1]} too; put {stage} where the stage name goes, ${hint}`);
    }
    const segments = path.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s === '')) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)}: no empty, "." or ".." parts; a path inside the repository, ${hint}`);
    }
    const first = segments[0];
    if (first === '.git' || first === pipeline/* PROJECT_DIR */.u7 || first === '.github') {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)}: ${first}/ belongs to ${first === pipeline/* PROJECT_DIR */.u7 ? 'gantry' : first === '.git' ? 'git' : 'GitHub'}; put the values files with your manifests, ${hint}`);
    }
    if (!/\.ya?ml$/i.test(path)) {
        throw new errors/* ConfigError */.xL(`--values-path ${JSON.stringify(path)}: the generated yaml-update step edits a YAML file (.yaml or .yml); for kustomize or JSON, generate with a YAML values path and change the step afterwards (docs/init.md)`);
    }
    return path;
}
function checkProject(raw, image) {
    if (raw !== undefined) {
        const name = raw.trim();
        if (!DNS_LABEL.test(name) || name.length > 63) {
            const fixed = toDnsLabel(name);
            throw new errors/* ConfigError */.xL(`--project ${JSON.stringify(raw)} must be ${DNS_RULE} (it names the file ${pipeline/* PROJECT_DIR */.u7}/<project>.yaml and git tags)${fixed ? `; try --project ${fixed}` : ''}`);
        }
        return name;
    }
    const last = image.split('/').pop() ?? '';
    const name = toDnsLabel(last);
    if (!name) {
        throw new errors/* ConfigError */.xL(`cannot make a project name of ${JSON.stringify(last)} (from --image): give one with --project, e.g. --project echo`);
    }
    return name;
}
/** Check the flags and fill in the defaults; a ConfigError says what to type instead. */
function initSettings(flags) {
    const { image, registry } = checkImage(flags.image);
    const stages = checkStages(flags.stages);
    const valuesPath = checkValuesPath(flags.valuesPath, stages);
    const project = checkProject(flags.project, image);
    return { project, image, registry, stages, valuesPath };
}

;// CONCATENATED MODULE: ./src/init/text.ts
/** Small helpers for writing YAML by hand, comments and all. */
// Plain scalars that YAML 1.1 or 1.2 readers (GitHub's among them) would take for something else.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;
const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/;
/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(s) {
    if (SAFE_PLAIN.test(s) && !RESERVED.test(s) && !NUMBER_LIKE.test(s) && !/:$/.test(s))
        return s;
    return JSON.stringify(s);
}
/** A flow sequence of scalars: `[dev, staging, prod]`. */
function flowList(items) {
    return `[${items.map(scalar).join(', ')}]`;
}
/**
 * An optional example: the lines as they would be written, commented out (`# ` after the
 * indentation of the first line) unless `active`. Tests turn examples on to prove they are valid.
 */
function example(lines, active) {
    if (active)
        return [...lines];
    const indent = Math.min(...lines.map((l) => /^ */.exec(l)?.[0].length ?? 0));
    return lines.map((l) => `${' '.repeat(indent)}# ${l.slice(indent)}`);
}
/** Lines joined with newlines, ending with one. */
function text_text(lines) {
    return lines.join('\n').replace(/\n*$/, '\n');
}

;// CONCATENATED MODULE: ./src/init/project-file.ts
/**
 * The project file `gantry init` writes: one warehouse watching the image, and the stages chained
 * in the order given, each setting the image tag in its own values file. Comments explain each
 * part, and the optional parts are there as commented-out examples.
 */


const SCHEMA_URL = 'https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json';
const DOCS_URL = 'https://github.com/gantry-dev/gantry/blob/main/docs';
function stageLines(s, i, active) {
    const name = s.stages[i] ?? '';
    const first = i === 0;
    const last = i === s.stages.length - 1 && s.stages.length > 1;
    const prev = s.stages[i - 1];
    const next = s.stages[i + 1];
    const auto = !last;
    const out = [`  - name: ${scalar(name)}`];
    if (last) {
        out.push('    # Where the stage can be reached, shown on its GitHub deployment:', ...example([`    environmentUrl: https://${s.project}.example.com`], active));
    }
    out.push('    requestedFreight:', `      - origin: { kind: Warehouse, name: ${scalar(s.project)} }`);
    if (first) {
        out.push('        sources: { direct: true } # every new freight, straight from the warehouse');
    }
    else {
        out.push('        sources:', `          stages: ${flowList([prev ?? ''])} # freight once it is verified in ${prev}`, ...example([`          requiredSoakTime: 1h # … and has run in ${prev} for at least an hour`], active));
    }
    if (first) {
        out.push('    # The discover workflow starts the promotion of each new freight by itself.');
    }
    else if (auto) {
        out.push(`    # Verifying ${prev} starts this promotion by itself.`);
    }
    else {
        out.push('    # Off for the last stage: promote it by hand, with "Run workflow" on the promote', `    # workflow or \`gantry promote --stage ${name}\`. Once the GitHub environment "${name}" has`, `    # required reviewers, true sends each freight verified in ${prev} there to wait for them.`);
    }
    out.push(`    autoPromotion: ${auto ? 'true' : 'false'}`);
    out.push('    promotionTemplate:');
    if (last) {
        out.push('      # Propose each promotion as a pull request instead of committing it; merging it', '      # promotes. The gate for private repositories without environment reviewers.', ...example(['      mode: pull-request'], active));
    }
    const path = valuesPathFor(s.valuesPath, name);
    out.push('      steps:');
    if (first) {
        out.push("        # Set the tag of the freight's image in the stage's values file. Only that value", '        # changes: comments, quoting and layout of the file stay as they are.');
    }
    out.push('        - uses: yaml-update', '          config:', `            path: ${scalar(path)}`, '            updates:', `              - key: ${IMAGE_TAG_KEY}`, `                value: '\${{ imageFrom("${s.image}").Tag }}'`);
    out.push(...(first
        ? [
            `    # Checks after each promotion: until they pass, ${next ? `${next} does not get the freight` : 'the freight is not verified'}.`,
            '    # Without any, freight counts as verified as soon as its promotion lands. For example:',
        ]
        : [
            `    # Checks after each promotion${next ? `: until they pass, ${next} does not get the freight` : ''}:`,
        ]), ...example([
        '    verification:',
        '      - name: healthz # any 2xx answer passes; a successCondition can judge the body',
        '        initialDelay: 1m # time for Argo CD or Flux to sync the change',
        '        interval: 30s',
        '        count: 4 # four answers, 30s apart; a single bad one fails the verification',
        '        provider:',
        '          http:',
        `            url: https://${name}.${s.project}.example.com/healthz`,
    ], active));
    return out;
}
/** `.gantry/<project>.yaml`. */
function renderProjectFile(s, o = {}) {
    const active = o.activeExamples ?? false;
    const chain = s.stages.join(' → ');
    return text_text([
        `# yaml-language-server: $schema=${SCHEMA_URL}`,
        '#',
        `# The gantry project "${s.project}", written by \`gantry init\`: where new versions come from (the`,
        `# warehouse) and the stages they are promoted through (${chain}). It is yours to edit;`,
        '# `gantry lint` checks it. Every field:',
        `# ${DOCS_URL}/reference/project-file.md`,
        `project: ${scalar(s.project)}`,
        '',
        '# A warehouse watches where artifacts are published. Each new version it finds becomes',
        `# freight: an immutable tag gantry/${s.project}/freight/<id> in this repository.`,
        'warehouses:',
        `  - name: ${scalar(s.project)}`,
        '    subscriptions:',
        '      - image:',
        `          repoURL: ${scalar(s.image)}`,
        '          # SemVer: the highest tag that is a version (1.4.2 or v1.4.2). Other tags (latest,',
        '          # main, sha-1a2b3c4) and pre-releases (2.0.0-rc.1) are left out.',
        '          imageSelectionStrategy: SemVer',
        '          # Stay on one major version, so that 2.0.0 waits until you change the constraint:',
        ...example(['          constraint: ^1.0.0'], active),
        '',
        '# The stages, in pipeline order. Each requests freight (from the warehouse, or once it is',
        '# verified upstream) and says how to promote it: the steps that edit this repository. The',
        '# promote workflow runs each promotion in the GitHub environment named after its stage, so',
        "# that environment's protection rules (required reviewers, wait timers) gate it.",
        'stages:',
        ...s.stages.flatMap((_, i) => stageLines(s, i, active)),
    ]);
}
/** The values file of a stage that has none yet: just enough for the first promotion's edit. */
function renderValuesFile(s, stage) {
    return text_text([
        `# Values for ${s.project} in ${stage}. gantry's promotions set ${IMAGE_TAG_KEY} (see .gantry/${s.project}.yaml).`,
        'image:',
        `  repository: ${scalar(s.image)}`,
        '  tag: 0.0.0 # set by gantry',
    ]);
}

// EXTERNAL MODULE: ./src/pipeline/discover-matrix.ts
var discover_matrix = __webpack_require__(4389);
;// CONCATENATED MODULE: ./src/init/workflows.ts
/**
 * The two workflows `gantry init` writes into `.github/workflows/`: discover (on a schedule, by
 * hand, or pinged by image CI) and promote (one stage per run, under that stage's environment,
 * then verify, which starts the next stage). docs/init.md walks through them.
 */



/** `uses:` of the actions; the owner is the one the README and the action reference use. */
const ACTION_REPO = 'gantry-dev/gantry';
const ACTION_REF = 'v1';
const DISCOVER_WORKFLOW = 'gantry-discover.yml';
const PROMOTE_WORKFLOW = 'gantry-promote.yml';
/** The `repository_dispatch` event type image CI sends to start discovery. */
const DISCOVER_EVENT = 'gantry-discover';
/** Scheduled discovery: every 15 minutes, off the full hour (GitHub delays runs at :00 most). */
const DISCOVER_CRON = '7,22,37,52 * * * *';
const uses = (action) => `${ACTION_REPO}/${action}@${ACTION_REF}`;
/** The command line of the same release, for `npx` in a workflow step. */
const CLI_PACKAGE = `github:${ACTION_REPO}#${ACTION_REF}`;
/** Every stage name of every project, each once, in pipeline order where they agree. */
function allStages(projects) {
    const out = [];
    for (const p of projects)
        for (const s of p.stages)
            if (!out.includes(s))
                out.push(s);
    return out;
}
function header(lines) {
    return [
        ...lines.map((l) => (l ? `# ${l}` : '#')),
        '# Written by `gantry init`; it is yours to edit. What each part does:',
        `# ${DOCS_URL}/init.md`,
    ];
}
/** `.github/workflows/gantry-discover.yml`. */
function renderDiscoverWorkflow(ctx, o = {}) {
    const active = o.activeExamples ?? false;
    const registries = [...new Set(ctx.projects.flatMap((p) => p.registries))].sort();
    const ghcr = registries.includes('ghcr.io');
    const others = registries.filter((r) => r !== 'ghcr.io');
    const repo = ctx.github ? `${ctx.github.owner}/${ctx.github.repo}` : 'OWNER/REPO';
    const api = ctx.github?.apiUrl ?? 'https://api.github.com';
    const loginRegistry = others[0] ?? 'registry.example.com';
    const many = ctx.projects.length > 1;
    return text_text([
        ...header([
            'gantry discover: finds new versions of what the warehouses watch, records each new set as',
            'freight (a tag gantry/<project>/freight/<id> in this repository), and starts the promote',
            'workflow for every stage with autoPromotion that should take it.',
        ]),
        'name: gantry discover',
        '',
        'on:',
        '  schedule:',
        '    # Every 15 minutes, off the full hour, when GitHub delays scheduled runs the most. They',
        '    # can still start late, and GitHub turns schedules off in public repositories after 60',
        '    # days without activity: the ping below waits for neither.',
        `    - cron: '${DISCOVER_CRON}'`,
        `  # The "Run workflow" button, or: gh workflow run ${DISCOVER_WORKFLOW}`,
        '  workflow_dispatch:',
        "  # A ping from the image's CI right after it pushes, so that freight appears within a minute:",
        `  #   gh api repos/${repo}/dispatches -f event_type=${DISCOVER_EVENT}`,
        '  # or, without gh:',
        '  #   curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H "Accept: application/vnd.github+json" \\',
        `  #     ${api}/repos/${repo}/dispatches -d '{"event_type":"${DISCOVER_EVENT}"}'`,
        '  # The token needs Contents: write on this repository: a fine-grained token or a GitHub App',
        "  # installation token (another repository's GITHUB_TOKEN cannot dispatch here).",
        '  repository_dispatch:',
        `    types: [${DISCOVER_EVENT}]`,
        '',
        '# What the discover step needs, and nothing more.',
        'permissions:',
        '  contents: write # push freight tags',
        `  actions: write # start ${PROMOTE_WORKFLOW} for due promotions`,
        ...(ghcr
            ? [
                "  # read ghcr.io images with this workflow's token (a private package must grant this",
                '  # repository read access: Package settings → Manage Actions access)',
                '  packages: read',
            ]
            : []),
        '',
        ...(many
            ? [
                '# One discovery per project at a time (the concurrency of the discover job below), so',
                "# runs overlap freely: a project's ping during its run queues one more run of it, which",
                '# newer pings replace, and never holds the other projects up.',
                '',
                'jobs:',
                "  # The projects, as gantry reads them from the repository's .gantry/ files: adding a",
                '  # project file adds a job below, with nothing here to edit.',
                '  projects:',
                '    runs-on: ubuntu-latest',
                '    timeout-minutes: 5',
                '    permissions:',
                '      contents: read',
                '    outputs:',
                '      matrix: ${{ steps.list.outputs.matrix }}',
                '    steps:',
                `      - uses: actions/checkout@v4`,
                '        with:',
                '          persist-credentials: false',
                '      - id: list',
                '        # The command line from the same release as the actions (a single file, no',
                '        # dependencies); the job fails on a project file gantry cannot read. A project',
                `        # with more than ${discover_matrix/* SPLIT_OVER */.y} warehouses gets a job per warehouse (--split-over N to change).`,
                '        run: |',
                `          matrix=$(npx --yes ${CLI_PACKAGE} get projects --output json | jq -c .matrix)`,
                '          echo "matrix=$matrix" >> "$GITHUB_OUTPUT"',
                '',
                '  # One job per project (or warehouse), side by side: a slow registry or a large project',
                "  # delays only its own, and each job summary is one project's. GitHub runs at most 256",
                "  # jobs of a matrix, and as many at once as your plan's concurrent jobs.",
                '  discover:',
                '    needs: projects',
                '    name: discover ${{ matrix.name }}',
                '    strategy:',
                '      fail-fast: false',
                '      matrix: ${{ fromJSON(needs.projects.outputs.matrix) }}',
                '    concurrency:',
                '      group: gantry-discover-${{ matrix.name }}',
                '      cancel-in-progress: false',
                '    runs-on: ubuntu-latest',
                '    timeout-minutes: 15',
                '    steps:',
            ]
            : [
                '# One discovery at a time: a ping during a run queues one more run, which newer pings replace.',
                'concurrency:',
                '  group: gantry-discover',
                '  cancel-in-progress: false',
                '',
                'jobs:',
                '  discover:',
                '    runs-on: ubuntu-latest',
                '    timeout-minutes: 15',
                '    steps:',
            ]),
        `      # Private images${ghcr ? ' outside ghcr.io' : ''}: log in first; discover reads the credentials that`,
        '      # docker/login-action (or aws-actions/amazon-ecr-login, …) leaves in the Docker config.',
        ...example([
            '      - uses: docker/login-action@v3',
            '        with:',
            `          registry: ${scalar(loginRegistry)}`,
            '          username: ${{ vars.REGISTRY_USERNAME }}',
            '          password: ${{ secrets.REGISTRY_TOKEN }}',
        ], active),
        '      - id: discover',
        `        uses: ${uses('discover')}`,
        '        with:',
        ...(many
            ? ['          project: ${{ matrix.project }}', '          warehouse: ${{ matrix.warehouse }}']
            : []),
        '          # Start the promote workflow (inputs stage and freight) for each auto-promotion due.',
        `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
    ]);
}
/** `.github/workflows/gantry-promote.yml`. */
function renderPromoteWorkflow(ctx, o = {}) {
    const active = o.activeExamples ?? false;
    const stages = allStages(ctx.projects);
    const projects = ctx.projects.map((p) => p.name);
    const many = projects.length > 1;
    const where = many ? '${{ inputs.project }}/${{ inputs.stage }}' : '${{ inputs.stage }}';
    const last = ctx.projects[0]?.stages.at(-1) ?? 'prod';
    const projectWith = many ? ['          project: ${{ inputs.project }}'] : [];
    return text_text([
        ...header([
            'gantry promote: moves freight into one stage, then verifies it there. Started by the',
            "discover workflow (new freight, for stages with autoPromotion), by this workflow's own",
            'verify step (freight verified upstream, for the next stage), or by hand: "Run workflow",',
            `or gh workflow run ${PROMOTE_WORKFLOW} -f stage=${last} -f freight=<alias>${many ? ` -f project=${projects[0]}` : ''}`,
        ]),
        'name: gantry promote',
        `run-name: \${{ github.event_name == 'pull_request' && format('verify the merge of {0}', github.event.pull_request.head.ref) || format('promote {0} into ${many ? '{1}/{2}' : '{1}'}', inputs.freight || 'the newest freight', ${many ? 'inputs.project, inputs.stage' : 'inputs.stage'}) }}`,
        '',
        'on:',
        '  # A promotion by pull request (promotionTemplate.mode: pull-request) happens when the pull',
        '  # request is merged: the verify-merged job below verifies it then.',
        '  pull_request:',
        '    types: [closed]',
        '  workflow_dispatch:',
        '    inputs:',
        ...(many
            ? [
                '      project:',
                '        description: Project (a file .gantry/<project>.yaml)',
                '        type: choice',
                '        required: true',
                `        options: ${flowList(projects)}`,
            ]
            : []),
        '      stage:',
        '        description: Stage to promote into',
        '        type: choice',
        '        required: true',
        `        options: ${flowList(stages)}`,
        '      freight:',
        '        description: Freight alias or ID (empty, the newest freight available to the stage)',
        '        type: string',
        '        required: false',
        "        default: ''",
        '',
        '# What the promote and verify steps need, and nothing more.',
        'permissions:',
        '  contents: write # the promotion commit, and the tag that marks freight verified',
        '  pull-requests: write # pull-request mode (promotionTemplate.mode) only',
        "  deployments: write # record each promotion as a deployment of the stage's environment",
        '  # start this workflow for the next stage; write includes read, which gantry uses to record',
        "  # who approved this run's environment (Approved-By)",
        '  actions: write',
        '  checks: read # verification with the github provider: check runs',
        '  statuses: read # … and commit statuses',
        '',
        '# One promotion per stage at a time. A running one is never cancelled (its verification would',
        '# be lost); a newer request waits, and one newer still takes its place.',
        'concurrency:',
        `  group: gantry-promote-\${{ github.event.pull_request.head.ref || ${many ? "format('{0}-{1}', inputs.project, inputs.stage)" : 'inputs.stage'} }}`,
        '  cancel-in-progress: false',
        '',
        'jobs:',
        "  # The environment that gates the stage, as the project file names it (a stage's environment",
        '  # field, default its name): the promote job runs under it, so there is no second place to',
        '  # keep in step, and the promote step refuses a run that did not pass that gate.',
        '  environment:',
        `    name: environment of ${where}`,
        "    if: github.event_name == 'workflow_dispatch'",
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: 10',
        '    outputs:',
        '      name: ${{ steps.stage.outputs.environment }}',
        '    steps:',
        '      - id: stage',
        `        uses: ${ACTION_REPO}@${ACTION_REF}`,
        '        with:',
        '          command: environment',
        ...projectWith,
        '          stage: ${{ inputs.stage }}',
        '',
        '  promote:',
        `    name: promote ${where}`,
        '    needs: environment',
        "    if: github.event_name == 'workflow_dispatch'",
        '    runs-on: ubuntu-latest',
        "    # The stage's GitHub environment: its protection rules gate the promotion. For production,",
        `    # Settings → Environments → the environment of ${last} → Required reviewers: the job then`,
        '    # waits until one of them approves, and gantry records who did. Wait timers and deployment',
        '    # branches gate the same way. (Private repositories need GitHub Enterprise for required',
        '    # reviewers; use promotionTemplate.mode: pull-request and a protected branch instead:',
        '    # docs/init.md.)',
        '    environment: ${{ needs.environment.outputs.name }}',
        "    timeout-minutes: 60 # approval waits do not count; verify's own limit is its timeout, 30m",
        '    steps:',
        '      - id: promote',
        `        uses: ${uses('promote')}`,
        '        with:',
        ...projectWith,
        '          stage: ${{ inputs.stage }}',
        '          freight: ${{ inputs.freight }}',
        '          # Commit through GitHub, signed, for branches whose rules require signed commits:',
        ...example(['          sign-commits: true'], active),
        '      # Verify what was promoted; success starts the next stages whose promotion is now due.',
        '      # Skipped when the promotion became a pull request: merging it promotes, and running this',
        '      # workflow again for the stage then verifies it (nothing is committed twice). Re-running',
        '      # a run whose verification failed verifies again.',
        '      - id: verify',
        "        if: steps.promote.outputs.pull-request-url == ''",
        `        uses: ${uses('verify')}`,
        '        with:',
        ...projectWith,
        '          stage: ${{ inputs.stage }}',
        '          freight: ${{ steps.promote.outputs.freight }}',
        `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
        '        # Secrets the verification reads as ${{ env.NAME }} in the project file:',
        ...example(['        env:', '          PROM_TOKEN: ${{ secrets.PROM_TOKEN }}'], active),
        '',
        '  # A merged gantry pull request (branch gantry/promote/<project>/<stage>) is a promotion:',
        '  # verify the stage, which also starts the next stages whose promotion is now due.',
        '  verify-merged:',
        '    name: verify ${{ github.event.pull_request.head.ref }}',
        '    if: >-',
        "      github.event_name == 'pull_request' && github.event.pull_request.merged &&",
        "      startsWith(github.event.pull_request.head.ref, 'gantry/promote/')",
        '    runs-on: ubuntu-latest',
        '    timeout-minutes: 60',
        '    steps:',
        '      - id: target',
        '        env:',
        '          HEAD_REF: ${{ github.event.pull_request.head.ref }}',
        '        run: |',
        '          rest="${HEAD_REF#gantry/promote/}"',
        '          echo "project=${rest%%/*}" >> "$GITHUB_OUTPUT"',
        '          echo "stage=${rest#*/}" >> "$GITHUB_OUTPUT"',
        '      # A Kargo template that waited on this pull request (git-wait-for-pr) goes on: the steps',
        '      # after the wait run now, with the merge commit as its output. Nothing to do otherwise.',
        `      - uses: ${uses('promote')}`,
        '        with:',
        '          project: ${{ steps.target.outputs.project }}',
        '          stage: ${{ steps.target.outputs.stage }}',
        '          resume-pull-request: ${{ github.event.pull_request.number }}',
        ...example([
            '        env:',
            '          ARGOCD_SERVER: ${{ vars.ARGOCD_SERVER }}',
            '          ARGOCD_AUTH_TOKEN: ${{ secrets.ARGOCD_AUTH_TOKEN }}',
        ], active),
        `      - uses: ${uses('verify')}`,
        '        with:',
        '          project: ${{ steps.target.outputs.project }}',
        '          stage: ${{ steps.target.outputs.stage }}',
        `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
        ...example(['        env:', '          PROM_TOKEN: ${{ secrets.PROM_TOKEN }}'], active),
    ]);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/init/plan.ts
/**
 * What `gantry init` writes, decided without touching the disk: the adapter says which files
 * exist and what the repository already holds; this says what to write, what to keep, and what
 * stops it. Nothing is written when any file would be overwritten without `force`: a partial set
 * of workflows and project files is worse than none.
 */






const WORKFLOW_DIR = '.github/workflows';
function projectPath(project) {
    return `${pipeline/* PROJECT_DIR */.u7}/${project}.yaml`;
}
/** Every path init would write for these settings, so the adapter can tell which exist. */
function candidatePaths(s) {
    return [
        projectPath(s.project),
        `${pipeline/* PROJECT_DIR */.u7}/${s.project}.yml`,
        `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
        `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
        ...s.stages.map((stage) => valuesPathFor(s.valuesPath, stage)),
    ];
}
function hasKey(yamlText, dotted) {
    let doc;
    try {
        doc = (0,dist.parse)(yamlText);
    }
    catch {
        return undefined;
    }
    let node = doc;
    for (const part of dotted.split('.')) {
        if (node === null || typeof node !== 'object' || Array.isArray(node))
            return false;
        if (!(part in node))
            return false;
        node = node[part];
    }
    return true;
}
/**
 * Decide the files. Throws a ConfigError (nothing to write) when files exist and `force` is off,
 * naming every one of them.
 */
function planInit(s, facts, o) {
    const warnings = [];
    const self = {
        name: s.project,
        stages: s.stages,
        registries: [s.registry],
    };
    const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    const others = facts.otherProjects.filter((p) => p.name !== s.project);
    const projects = [...others, self].sort(byName);
    const ctx = { projects, ...(facts.github ? { github: facts.github } : {}) };
    const ymlTwin = `${pipeline/* PROJECT_DIR */.u7}/${s.project}.yml`;
    const planned = [
        { path: projectPath(s.project), kind: 'project', text: renderProjectFile(s, o) },
        {
            path: `${WORKFLOW_DIR}/${DISCOVER_WORKFLOW}`,
            kind: 'workflow',
            text: renderDiscoverWorkflow(ctx, o),
        },
        {
            path: `${WORKFLOW_DIR}/${PROMOTE_WORKFLOW}`,
            kind: 'workflow',
            text: renderPromoteWorkflow(ctx, o),
        },
    ];
    // A workflow that is byte for byte what init renders for the other projects was written by init
    // and never edited: adding a project must regenerate it (one project's workflow becomes the
    // matrix one), and asking for --force there would teach users to pass it by habit.
    const before = {
        projects: [...others].sort(byName),
        ...(facts.github ? { github: facts.github } : {}),
    };
    const unedited = (f) => {
        if (f.kind !== 'workflow' || before.projects.length === 0)
            return false;
        const text = facts.existing.get(f.path);
        const render = f.path.endsWith(DISCOVER_WORKFLOW)
            ? renderDiscoverWorkflow
            : renderPromoteWorkflow;
        return text !== undefined && text === render(before, o);
    };
    for (const f of planned)
        if (unedited(f))
            f.regenerated = true;
    const conflicts = planned
        .filter((f) => facts.existing.has(f.path) && !f.regenerated)
        .map((f) => f.path);
    // `.gantry/echo.yml` is the same project as `.gantry/echo.yaml`: two files would not lint.
    if (facts.existing.has(ymlTwin))
        conflicts.push(ymlTwin);
    const kept = [];
    const seenValues = new Set();
    for (const stage of s.stages) {
        const path = valuesPathFor(s.valuesPath, stage);
        if (seenValues.has(path))
            continue;
        seenValues.add(path);
        const existing = facts.existing.get(path);
        if (existing === undefined) {
            planned.push({ path, kind: 'values', text: renderValuesFile(s, stage) });
            continue;
        }
        kept.push(path);
        const found = hasKey(existing, IMAGE_TAG_KEY);
        if (found === undefined) {
            warnings.push(`${path} is not valid YAML: the first promotion into ${stage} will fail until it is`);
        }
        else if (!found) {
            warnings.push(`${path} has no ${IMAGE_TAG_KEY}: the first promotion into ${stage} adds it; if your manifests read the tag from another key, change "key: ${IMAGE_TAG_KEY}" in ${projectPath(s.project)}`);
        }
    }
    if (conflicts.length && !o.force) {
        throw new errors/* ConfigError */.xL([
            `nothing was written: ${conflicts.length === 1 ? 'this file exists' : 'these files exist'}:`,
            ...conflicts.map((c) => `  ${c}`),
            conflicts.includes(ymlTwin)
                ? `${ymlTwin} holds project ${s.project} already; edit it, or choose another name with --project.`
                : `Run again with --force to overwrite ${conflicts.length === 1 ? 'it' : 'them'}${projects.length > 1
                    ? ` (the workflows are then written for the projects ${projects.map((p) => p.name).join(', ')})`
                    : ''}; existing values files are never overwritten.`,
        ].join('\n'));
    }
    if (conflicts.includes(ymlTwin)) {
        throw new errors/* ConfigError */.xL(`${ymlTwin} holds project ${s.project} already, and --force does not remove it: edit it, or choose another name with --project`);
    }
    const write = planned.map((f) => ({ ...f, overwrite: facts.existing.has(f.path) }));
    return { settings: s, write, kept, warnings, projects };
}

;// CONCATENATED MODULE: ./src/init/report.ts



function shellQuote(s) {
    return /^[A-Za-z0-9_./@:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function describe(plan, path, kind) {
    const s = plan.settings;
    switch (kind) {
        case 'project':
            return `the project: warehouse ${s.project} watching ${s.image}, stages ${s.stages.join(' → ')}`;
        case 'workflow':
            return path.endsWith(DISCOVER_WORKFLOW)
                ? 'discovery: every 15 minutes, by hand, or pinged by image CI'
                : `promotion: one stage per run under its environment, then verify${plan.projects.length > 1 ? ` (projects ${plan.projects.map((p) => p.name).join(', ')})` : ''}`;
        default:
            return `a values file with ${IMAGE_TAG_KEY}, for the first promotion to set`;
    }
}
/** How the freight moves, in words: `dev is promoted by itself, then staging once dev is verified; …`. */
function chainSentence(stages) {
    const [first = '', ...rest] = stages;
    const last = rest.pop();
    let out = `${first} is promoted by itself`;
    if (rest.length === 1)
        out += `, then ${rest[0]} once ${first} is verified`;
    if (rest.length > 1)
        out += `, then ${rest.join(', ')}, each once the stage before is verified`;
    if (last)
        out += `; ${last} when you run ${PROMOTE_WORKFLOW} for it`;
    return `${out}.`;
}
/**
 * The report after writing. `dir` is how the user named the repository (for the commands shown);
 * `isGitRepo` false adds a `git init` step.
 */
function initReport(plan, o) {
    const s = plan.settings;
    const width = Math.max(...plan.write.map((f) => f.path.length));
    const lines = [];
    for (const f of plan.write) {
        lines.push(`${f.regenerated ? 'updated' : f.overwrite ? 'overwrote' : 'wrote'}  ${f.path.padEnd(width)}  ${describe(plan, f.path, f.kind)}`);
    }
    for (const k of plan.kept)
        lines.push(`kept   ${k} (it exists; promotions set ${IMAGE_TAG_KEY} in it)`);
    for (const w of plan.warnings)
        lines.push(`warning: ${w}`);
    const git = o.dir === '.' ? 'git' : `git -C ${shellQuote(o.dir)}`;
    const paths = [...plan.write.map((f) => f.path)].map(shellQuote).join(' ');
    const first = s.stages[0] ?? '';
    const last = s.stages.at(-1) ?? '';
    const gated = s.stages.length > 1 ? last : first;
    const lint = o.dir === '.' ? 'gantry lint' : `gantry lint --repo ${shellQuote(o.dir)}`;
    let n = 0;
    const step = (text) => `  ${++n}. ${text}`;
    lines.push('', 'Next steps:', step(`Read .gantry/${s.project}.yaml and adjust it; check it with: ${lint}`), ...(o.isGitRepo
        ? []
        : [
            step(`Make this directory a clone of your GitOps repository (git init, git remote add …)`),
        ]), step('Commit and push (the workflows run from the default branch):'), `       ${git} add ${paths}`, `       ${git} commit -m ${shellQuote(`gantry: promote ${s.project} through ${s.stages.join(', ')}`)}`, `       ${git} push`, step(`On GitHub, Settings → Environments → New environment "${gated}" → Required reviewers, so that`), `     a person approves each promotion into ${gated} (public repositories, or GitHub Enterprise;`, `     otherwise use pull-request mode: ${DOCS_URL}/init.md#pull-request-mode). The other`, "     stages' environments are created by their first run.", step(`Start discovery: gh workflow run ${DISCOVER_WORKFLOW} (or Actions → gantry discover → Run workflow).`), `     ${chainSentence(s.stages)}`, step(`Watch: gantry get stages${o.dir === '.' ? '' : ` --repo ${shellQuote(o.dir)}`}`));
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/github/url.ts
var url = __webpack_require__(2450);
;// CONCATENATED MODULE: ./src/init/index.ts
/**
 * `gantry init`: the project file, the discover and promote workflows, and missing values files
 * for a GitOps repository, as text. The CLI adapter (src/cli/init.ts) reads the repository and
 * writes the files.
 */







// EXTERNAL MODULE: ./src/cli/io.ts
var io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/init.ts








/** Is `root` the top of a git work tree, and which GitHub repository is its origin? */
async function gitFacts(root, io) {
    const git = new src_git/* Git */.TU({ baseEnv: io.env, timeoutMs: 10_000 });
    let top;
    try {
        const r = await git.tryRun(['rev-parse', '--show-toplevel'], { cwd: root });
        if (r.exitCode !== 0)
            return { isGitRepo: false };
        top = r.stdout.trim();
    }
    catch {
        return { isGitRepo: false }; // no git binary: the files can still be written
    }
    if ((await (0,promises_.realpath)(top)) !== (await (0,promises_.realpath)(root))) {
        throw new errors/* ConfigError */.xL(`--dir ${root} is inside the git repository ${top}, not its root; GitHub reads workflows from .github/workflows and gantry reads .gantry/ at the root: run gantry init --dir ${top}`);
    }
    const origin = await git.tryRun(['remote', 'get-url', 'origin'], { cwd: root });
    const github = origin.exitCode === 0
        ? (0,url/* githubRepoOf */.hL)(origin.stdout, {
            serverUrl: io.env.GITHUB_SERVER_URL,
            apiUrl: io.env.GITHUB_API_URL,
        })
        : undefined;
    return { isGitRepo: true, ...(github ? { github } : {}) };
}
/** The repository's other projects, for the promote workflow's choices. */
async function otherProjects(root, self) {
    const { projects, problems } = await (0,pipeline/* loadProjectsFromDir */.ok)(root);
    const own = new Set([projectPath(self), `.gantry/${self}.yml`]);
    const unreadable = [
        ...new Set(problems.map((p) => p.file).filter((f) => !own.has(f) && /\.ya?ml$/.test(f))),
    ];
    const loaded = projects
        .filter((p) => p.name !== self && !own.has(p.file))
        .map((p) => ({
        name: p.name,
        stages: p.stages.map((s) => s.name),
        registries: p.warehouses.flatMap((w) => w.subscriptions.flatMap((sub) => {
            if (sub.kind !== 'image')
                return [];
            try {
                return [(0,reference/* parseImageRepository */.fb)(sub.image.repoURL).registry];
            }
            catch {
                return [];
            }
        })),
    }));
    return { projects: loaded, unreadable };
}
async function existingFiles(root, paths) {
    const existing = new Map();
    for (const path of paths) {
        const abs = (0,external_node_path_.join)(root, path);
        let info;
        try {
            info = await (0,promises_.lstat)(abs);
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                continue;
            throw err;
        }
        if (info.isDirectory()) {
            throw new errors/* ConfigError */.xL(`${path} is a directory; gantry init needs to write a file there`);
        }
        existing.set(path, info.isFile() ? await (0,promises_.readFile)(abs, 'utf8') : '');
    }
    return existing;
}
/** `gantry init`: the core decides (src/init); this reads the repository and writes the files. */
async function initCommand(o) {
    const settings = initSettings(o);
    const root = (0,external_node_path_.resolve)(o.dir);
    try {
        if (!(await (0,promises_.stat)(root)).isDirectory())
            throw new errors/* ConfigError */.xL(`--dir ${o.dir} is not a directory`);
    }
    catch (err) {
        if (err instanceof errors/* ConfigError */.xL)
            throw err;
        throw new errors/* ConfigError */.xL(`--dir ${o.dir} does not exist: run gantry init in a clone of your GitOps repository, or point --dir at one`);
    }
    const facts = await gitFacts(root, o.io);
    const others = await otherProjects(root, settings.project);
    const existing = await existingFiles(root, candidatePaths(settings));
    const plan = planInit(settings, {
        existing,
        otherProjects: others.projects,
        ...(facts.github ? { github: facts.github } : {}),
    }, { force: o.force });
    for (const file of others.unreadable) {
        plan.warnings.push(`${file} does not lint, so its stages are not among the promote workflow's choices (gantry lint says why; then run gantry init again with --force)`);
    }
    const created = [];
    try {
        for (const f of plan.write) {
            const abs = (0,external_node_path_.join)(root, f.path);
            if (!f.overwrite)
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
            await (0,promises_.writeFile)(abs, f.text, { flag: f.overwrite ? 'w' : 'wx' });
            if (!f.overwrite)
                created.push(abs);
        }
    }
    catch (err) {
        // All or nothing: take back the files this run created (overwritten ones cannot be).
        await Promise.all(created.map((abs) => (0,promises_.rm)(abs, { force: true })));
        throw new errors/* OperationError */.OK(`gantry init: could not write the files: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    o.io.out(initReport(plan, { dir: o.dir, isGitRepo: facts.isGitRepo }));
    return io/* EXIT */.d.ok;
}

// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
;// CONCATENATED MODULE: ./src/cli/commands/init.ts


const init_initCommand = {
    name: 'init',
    summary: 'write a first project file and the discover, promote and verify workflows',
    flags: [
        {
            name: 'dir',
            type: 'string',
            value: 'DIR',
            help: 'the root of the GitOps repository clone to write into; default: the current directory',
        },
        {
            name: 'project',
            type: 'string',
            value: 'P',
            help: "the project's name; default: the image repository's last path segment",
        },
        {
            name: 'image',
            type: 'string',
            value: 'REPO',
            help: 'the container image repository whose new tags gantry promotes, without a tag\n(ghcr.io/acme/echo); init cannot run without it',
        },
        {
            name: 'stages',
            type: 'string',
            value: 'LIST',
            help: 'the stages in pipeline order, comma-separated (default: dev,staging,prod)',
        },
        {
            name: 'values-path',
            type: 'string',
            value: 'PATH',
            help: "each stage's Helm values file, whose image.tag the promotion sets; {stage} is\nreplaced by the stage's name (default: env/{stage}/values.yaml)",
        },
        {
            name: 'force',
            type: 'boolean',
            help: 'overwrite the project file and workflows when they exist (without it init writes\nnothing then); values files are never overwritten',
        },
    ],
    description: `Writes .gantry/<project>.yaml and the workflows under .github/workflows/, then prints
what to commit and what to set up on GitHub. Nothing is written when anything is wrong.`,
    examples: ['gantry init --image ghcr.io/acme/echo --stages dev,prod'],
    run(args, { io }) {
        (0,shared/* noPositionals */.d0)(args, 'init');
        return initCommand({
            dir: args.string('dir') ?? '.',
            project: args.string('project'),
            image: args.string('image'),
            stages: args.string('stages'),
            valuesPath: args.string('values-path'),
            force: args.boolean('force'),
            io,
        });
    },
};


/***/ }),

/***/ 2289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ registryOrigin),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   fb: () => (/* binding */ parseImageRepository),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, DOCKER_HUB_API */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * Image repository references as subscriptions write them (`nginx`, `ghcr.io/acme/echo`,
 * `127.0.0.1:5000/demo/app`), read the way Docker reads them: a first path component with a `.` or
 * a `:`, or `localhost`, names a registry; anything else is a Docker Hub repository, where a single
 * name lives under `library/`. A subscription names a repository, so a tag or digest is an error.
 */

/** Docker Hub as references name it, and as credentials are keyed. */
const DOCKER_HUB = 'docker.io';
/** Where Docker Hub's registry API answers. */
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API]);
// Repository path components, as the distribution spec defines them.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
function bad(repoURL, why) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`invalid image repository ${JSON.stringify(repoURL)}: ${why}`);
}
function isRegistryHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
function validHost(host) {
    const m = /^(.*?)(?::([0-9]{1,5}))?$/.exec(host);
    const name = m?.[1] ?? '';
    if (m?.[2] !== undefined && Number(m[2]) > 65535)
        return false;
    return HOSTNAME.test(name) || IPV6.test(name);
}
/** Loopback hosts are reached over plain HTTP (Docker's default insecure registries). */
function isLoopbackHost(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return name === 'localhost' || name === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(name ?? '');
}
/** Fold the spellings of a registry host: Docker Hub's aliases become `docker.io`; lower case. */
function canonicalRegistry(host) {
    const lower = host.toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
/**
 * Parse a subscription's `repoURL`. Throws a ConfigError that says what is wrong, e.g. when the
 * reference carries a tag (`nginx:1.25`) or digest (`…@sha256:…`), or uses a URL scheme.
 */
function parseImageRepository(repoURL, opts = {}) {
    const ref = repoURL.trim();
    if (ref === '')
        throw bad(repoURL, 'it is empty');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
        throw bad(repoURL, 'write it without a URL scheme, e.g. `ghcr.io/acme/app`');
    }
    if (ref.includes('@')) {
        throw bad(repoURL, 'it names a digest; subscribe to the repository and let discovery pick');
    }
    const slash = ref.indexOf('/');
    const first = slash >= 0 ? ref.slice(0, slash) : '';
    let registry;
    let path;
    if (slash >= 0 && isRegistryHost(first)) {
        if (!validHost(first))
            throw bad(repoURL, `${JSON.stringify(first)} is not a registry host`);
        registry = canonicalRegistry(first);
        path = ref.slice(slash + 1);
    }
    else {
        registry = DOCKER_HUB;
        path = ref;
    }
    const lastSlash = path.lastIndexOf('/');
    const colon = path.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        const tag = path.slice(colon + 1);
        throw bad(repoURL, TAG.test(tag)
            ? `it names the tag ${JSON.stringify(tag)}; write the repository alone and choose tags with a selection strategy`
            : 'a `:` after the registry host is not allowed');
    }
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    for (const component of path.split('/')) {
        if (!COMPONENT.test(component)) {
            throw bad(repoURL, component === ''
                ? 'it has an empty path component'
                : `${JSON.stringify(component)} is not a valid repository name component (lower case letters, digits and . _ - separators)`);
        }
    }
    if (path.length > 255)
        throw bad(repoURL, 'the repository name is longer than 255 characters');
    return {
        registry,
        apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
        repository: path,
        scheme: isLoopbackHost(registry) ? 'http' : 'https',
        insecureSkipTLSVerify: opts.insecureSkipTLSVerify ?? false,
    };
}
/** `docker.io/library/nginx`, `127.0.0.1:5000/demo/app`: the full name, for messages and keys. */
function repositoryName(repo) {
    return `${repo.registry}/${repo.repository}`;
}
/** `https://ghcr.io`, `http://127.0.0.1:5000`: where the `/v2/` API of the registry lives. */
function registryOrigin(repo) {
    return `${repo.scheme}://${repo.apiHost}`;
}
const DIGEST_REF = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
/**
 * `registry/repo:tag`, `registry/repo@sha256:…`, either with `oci://` in front. A reference with
 * both a tag and a digest is read by its digest, as Docker does. `what` names the field.
 */
function parseImageReference(ref, what, opts = {}) {
    const helm = ref.startsWith('oci://');
    const body = helm ? ref.slice('oci://'.length) : ref;
    const bad = (why) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${what} ${JSON.stringify(ref)}: ${why}`);
    let rest = body;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_REF.test(digest))
            throw bad(`${JSON.stringify(digest)} is not a digest (sha256:<64 hex>)`);
    }
    let tag;
    // A colon after the last slash starts the tag; one before it belongs to the registry's port.
    const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`${JSON.stringify(tag)} is not a valid tag`);
    }
    if (tag === undefined && digest === undefined) {
        throw bad('name a tag (`repo:1.0.0`) or a digest (`repo@sha256:…`)');
    }
    let repo;
    try {
        repo = parseImageRepository(rest, opts);
    }
    catch (err) {
        throw bad(err instanceof Error ? err.message : String(err));
    }
    return { repo, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }), helm };
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ discoverMatrix),
/* harmony export */   y: () => (/* binding */ SPLIT_OVER)
/* harmony export */ });
/**
 * The discover workflow's job matrix (`gantry get projects --output json`, key `matrix`): one job
 * per project, and one per warehouse for a project with more than `splitOver` warehouses.
 *
 * Inside one job a project's warehouses are already queried at once, so a job takes about as long
 * as its slowest warehouse; splitting pays only when a project has so many warehouses that one
 * runner's requests (16 at a time per registry) and CPU hold them up, and it costs a runner start
 * per job. Hence a high default. Each entry's `name` is unique in the matrix and is the job's
 * concurrency group: jobs of two projects, or of two warehouses of one project, never wait for
 * each other (freight of one project written by two jobs at once both lands: the second push
 * finds the freight index moved and records again on the new tip).
 */
/** More warehouses than this and a project's discovery runs as one job per warehouse. */
const SPLIT_OVER = 10;
function discoverMatrix(projects, splitOver = SPLIT_OVER) {
    const include = projects.flatMap((p) => p.warehouses.length > splitOver
        ? p.warehouses.map((w) => ({ name: `${p.name}/${w}`, project: p.name, warehouse: w }))
        : [{ name: p.name, project: p.name, warehouse: '' }]);
    return { include };
}


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export DURATION_PATTERN */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */
/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
function parseDuration(text) {
    const found = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .scanDuration */ .y)(text);
    if (found.ok && found.sign === 1 && !/^[+-]/.test(text))
        return found.ns / 1e6;
    if (text === '') {
        throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
    }
    const rest = !found.ok && 'rest' in found ? found.rest : '';
    const hint = /^[0-9.]+$/.test(rest)
        ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
        : 'expected a duration such as 30m, 1h30m or 90s';
    throw new Error(`invalid duration "${text}": ${hint}`);
}
/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
function formatDuration(ms) {
    return (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms, 'short');
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   y: () => (/* binding */ scanDuration)
/* harmony export */ });
/**
 * Go's duration grammar (`time.ParseDuration`) and its written forms, in one place for the two
 * readers of durations: project files (milliseconds, never negative, gantry's own messages) and the
 * expression language (nanoseconds, signed, Go's exact messages). Each wraps `scanDuration` with
 * its own rules and words; neither re-implements the grammar.
 */
/** Nanoseconds per unit; `µs` is U+00B5 (micro sign), `μs` U+03BC (Greek mu): Go takes both. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
const TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;
/** Reads `[+-]` then `0`, or one or more `<number><unit>` terms (`1h30m`, `.5s`, `1.5h`). */
function scanDuration(text) {
    let s = text;
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        if (s.startsWith('-'))
            sign = -1;
        s = s.slice(1);
    }
    if (s === '0')
        return { ok: true, sign, ns: 0 };
    if (s === '')
        return { ok: false, reason: 'empty' };
    let ns = 0;
    while (s !== '') {
        const m = TERM.exec(s);
        const whole = m?.[1] ?? '';
        const fraction = m?.[2] ?? '';
        const unit = m?.[3] ?? '';
        if (!m || (whole === '' && fraction === ''))
            return { ok: false, reason: 'malformed', rest: s };
        if (unit === '')
            return { ok: false, reason: 'missing-unit', rest: s };
        const size = UNIT_NS[unit];
        if (size === undefined)
            return { ok: false, reason: 'unknown-unit', unit };
        ns += Number(`${whole || '0'}.${fraction || '0'}`) * size;
        s = s.slice(m[0].length);
    }
    return { ok: true, sign, ns };
}
function trimZeros(digits) {
    return digits.replace(/0+$/, '');
}
/** Go's `Duration.String()`: `1h30m0s`, `1.5s`, `250ms`, `-2µs`, `0s`. */
function goForm(ns) {
    if (ns === 0)
        return '0s';
    let u = Math.abs(Math.round(ns));
    let out;
    if (u < 1e9) {
        // Below a second: the largest of ns, µs, ms that keeps an integer part.
        const [unit, scale] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
        const whole = Math.floor(u / scale);
        const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, '0'));
        out = `${whole}${frac && scale > 1 ? `.${frac}` : ''}${unit}`;
    }
    else {
        const h = Math.floor(u / 3600e9);
        u -= h * 3600e9;
        const m = Math.floor(u / 60e9);
        u -= m * 60e9;
        const sec = Math.floor(u / 1e9);
        const frac = trimZeros(String(u - sec * 1e9).padStart(9, '0'));
        out = `${sec}${frac ? `.${frac}` : ''}s`;
        if (h > 0)
            out = `${h}h${m}m${out}`;
        else if (m > 0)
            out = `${m}m${out}`;
    }
    return ns < 0 ? `-${out}` : out;
}
/** The short form people read in logs and summaries: `1h30m`, `1m30s`, `500ms` (no zero parts). */
function shortForm(ms) {
    if (ms === 0)
        return '0s';
    const parts = [];
    let rest = ms;
    for (const [unit, size] of [
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000],
    ]) {
        if (rest >= size) {
            const n = Math.floor(rest / size);
            parts.push(`${n}${unit}`);
            rest -= n * size;
        }
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
/**
 * A duration written out: `go` as Go prints it (what the expression language's `string()` of a
 * duration gives; takes nanoseconds), `short` for people (takes milliseconds, the unit gantry
 * measures elapsed time in, so a measured `1500` stays exactly `1s500ms`).
 */
function formatDuration(value, style) {
    return style === 'go' ? goForm(value) : shortForm(value);
}


/***/ })

};
