/**
 * The two workflows `gantry init` writes into `.github/workflows/`: discover (on a schedule, by
 * hand, or pinged by image CI) and promote (one stage per run, under that stage's environment,
 * then verify, which starts the next stage). docs/init.md walks through them.
 */
import { SPLIT_OVER } from '../pipeline/discover-matrix.js';
import { DOCS_URL, type RenderOptions } from './project-file.js';
import { example, flowList, scalar, text } from './text.js';

/** `uses:` of the actions; the owner is the one the README and the action reference use. */
export const ACTION_REPO = 'gantry-dev/gantry';
export const ACTION_REF = 'v1';
export const DISCOVER_WORKFLOW = 'gantry-discover.yml';
export const PROMOTE_WORKFLOW = 'gantry-promote.yml';
/** The `repository_dispatch` event type image CI sends to start discovery. */
export const DISCOVER_EVENT = 'gantry-discover';
/** Scheduled discovery: every 15 minutes, off the full hour (GitHub delays runs at :00 most). */
export const DISCOVER_CRON = '7,22,37,52 * * * *';

/** What the workflows need to know about the repository's projects (the new one included). */
export interface WorkflowProject {
  name: string;
  stages: string[];
  /** Registry hosts of the projects' image subscriptions (`ghcr.io`, `docker.io`, …). */
  registries: string[];
}

export interface WorkflowContext {
  /** Every project of the repository after init, in the order their files sort. */
  projects: WorkflowProject[];
  /** The GitHub repository the clone's origin points at, to fill into the comments. */
  github?: { owner: string; repo: string; apiUrl: string };
}

const uses = (action: string): string => `${ACTION_REPO}/${action}@${ACTION_REF}`;
/** The command line of the same release, for `npx` in a workflow step. */
export const CLI_PACKAGE = `github:${ACTION_REPO}#${ACTION_REF}`;

/** Every stage name of every project, each once, in pipeline order where they agree. */
export function allStages(projects: readonly WorkflowProject[]): string[] {
  const out: string[] = [];
  for (const p of projects) for (const s of p.stages) if (!out.includes(s)) out.push(s);
  return out;
}

function header(lines: string[]): string[] {
  return [
    ...lines.map((l) => (l ? `# ${l}` : '#')),
    '# Written by `gantry init`; it is yours to edit. What each part does:',
    `# ${DOCS_URL}/init.md`,
  ];
}

/** `.github/workflows/gantry-discover.yml`. */
export function renderDiscoverWorkflow(ctx: WorkflowContext, o: RenderOptions = {}): string {
  const active = o.activeExamples ?? false;
  const registries = [...new Set(ctx.projects.flatMap((p) => p.registries))].sort();
  const ghcr = registries.includes('ghcr.io');
  const others = registries.filter((r) => r !== 'ghcr.io');
  const repo = ctx.github ? `${ctx.github.owner}/${ctx.github.repo}` : 'OWNER/REPO';
  const api = ctx.github?.apiUrl ?? 'https://api.github.com';
  const loginRegistry = others[0] ?? 'registry.example.com';
  const many = ctx.projects.length > 1;
  return text([
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
          `        # with more than ${SPLIT_OVER} warehouses gets a job per warehouse (--split-over N to change).`,
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
    ...example(
      [
        '      - uses: docker/login-action@v3',
        '        with:',
        `          registry: ${scalar(loginRegistry)}`,
        '          username: ${{ vars.REGISTRY_USERNAME }}',
        '          password: ${{ secrets.REGISTRY_TOKEN }}',
      ],
      active,
    ),
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
export function renderPromoteWorkflow(ctx: WorkflowContext, o: RenderOptions = {}): string {
  const active = o.activeExamples ?? false;
  const stages = allStages(ctx.projects);
  const projects = ctx.projects.map((p) => p.name);
  const many = projects.length > 1;
  const where = many ? '${{ inputs.project }}/${{ inputs.stage }}' : '${{ inputs.stage }}';
  const last = ctx.projects[0]?.stages.at(-1) ?? 'prod';
  const projectWith = many ? ['          project: ${{ inputs.project }}'] : [];
  return text([
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
    ...example(
      [
        '        env:',
        '          ARGOCD_SERVER: ${{ vars.ARGOCD_SERVER }}',
        '          ARGOCD_AUTH_TOKEN: ${{ secrets.ARGOCD_AUTH_TOKEN }}',
      ],
      active,
    ),
    `      - uses: ${uses('verify')}`,
    '        with:',
    '          project: ${{ steps.target.outputs.project }}',
    '          stage: ${{ steps.target.outputs.stage }}',
    `          dispatch-workflow: ${PROMOTE_WORKFLOW}`,
    ...example(['        env:', '          PROM_TOKEN: ${{ secrets.PROM_TOKEN }}'], active),
  ]);
}
