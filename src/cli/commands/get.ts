import { discoverMatrix, SPLIT_OVER } from '../../pipeline/discover-matrix.js';
import { newestFreight } from '../../freight/order.js';
import type { Freight } from '../../freight/types.js';
import type { Project, Subscription, Warehouse } from '../../pipeline/index.js';
import { settleAll } from '../../util/settle.js';
import { suggest } from '../../util/suggest.js';
import { age, table } from '../../util/table.js';
// Health (Argo CD's reader, the expression language) loads when get stages reads it: after the
// first fetch has started, while it runs.
import type { HealthSettings } from '../../health/index.js';
import {
  loadProjects,
  NoRemoteError,
  openRepo,
  pickProjects,
  selectProjects,
  type ProjectSource,
  type RepoContext,
  type RepoSettings,
} from '../../app/repo.js';
import { compareText } from '../../state/freight-index.js';
import { ConfigError } from '../../util/errors.js';
import { freightViews, promotionViews, stageViews, versionsOf } from '../../status/views.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { OUTPUT_FLAG, PROJECT_FLAG, REPO_FLAG, outputOf, repoSettings } from '../shared.js';

const GET_KINDS = ['stages', 'freight', 'promotions', 'warehouses', 'projects'] as const;
/** The flags that only some kinds read. */
const KIND_FLAGS: readonly (readonly [string, readonly string[]])[] = [
  ['limit', ['freight', 'promotions']],
  ['all', ['freight']],
  ['split-over', ['projects']],
];

export const getCommand: Command = {
  name: 'get',
  summary: 'list the stages, the freight, the latest promotions, the warehouses or the projects',
  positional: GET_KINDS.join('|'),
  flags: [
    PROJECT_FLAG,
    OUTPUT_FLAG,
    {
      name: 'limit',
      type: 'string',
      value: 'N',
      default: '20',
      help: 'get freight, get promotions: how many of the newest to list',
    },
    {
      name: 'all',
      type: 'boolean',
      help: 'get freight: list every freight (reads every freight tag: slow with thousands)',
    },
    {
      name: 'split-over',
      type: 'string',
      value: 'N',
      default: String(SPLIT_OVER),
      help: 'get projects: in the JSON matrix, a project with more than N warehouses gets one job per warehouse',
    },
    REPO_FLAG,
  ],
  description: `stages: what each stage runs, whether it is verified (and its Argo CD health when the
stage names Applications), since when and by whom. freight: every freight with its versions and the
stages it is in (✓ verified there), newest first, a page of --limit at a time (--all for every
one). promotions: the newest first, across projects. warehouses: each warehouse's subscriptions,
its freight creation policy, and its newest freight and when it was recorded. projects: each
project's name, stages, warehouses and file, read from the clone's work tree (no remote needed);
the discover workflow's matrix is its JSON.`,
  examples: [
    'gantry get stages',
    'gantry get freight --project echo --output json',
    'gantry get freight --limit 100',
    'gantry get promotions --limit 5',
    'gantry get warehouses --output json',
    'gantry get projects --output json',
  ],
  async run(args, ctx) {
    const output = outputOf(args, 'get');
    const rest = args.positionals;
    const kind = rest[0];
    if (!kind || !(GET_KINDS as readonly string[]).includes(kind) || rest.length > 1) {
      const hint = kind ? suggest(kind, [...GET_KINDS]) : undefined;
      throw new UsageError(
        `get needs one of ${GET_KINDS.join(', ')}${kind ? `, not "${rest.join(' ')}"` : ''}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        'get',
      );
    }
    // A flag that does nothing for this kind is refused, as --all always was: `get stages
    // --limit 5` would otherwise print every stage and look as if it had listed five.
    for (const [flag, kinds] of KIND_FLAGS)
      if (args.given(flag) && !kinds.includes(kind))
        throw new UsageError(
          `--${flag} is for get ${kinds.join(' and get ')}, not get ${kind}`,
          'get',
        );
    if (kind === 'projects') {
      const splitText = args.string('split-over') ?? String(SPLIT_OVER);
      const splitOver = Number(splitText);
      if (!Number.isInteger(splitOver) || splitOver < 0)
        throw new UsageError(
          `--split-over must be a whole number of warehouses, not "${splitText}"`,
          'get',
        );
      ctx.io.out(
        await getProjects(repoSettings(args, ctx), args.string('project'), output, splitOver),
      );
      return EXIT.ok;
    }
    const limitText = args.string('limit');
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive integer, not "${limitText}"`, 'get');
    const all = args.boolean('all');
    if (all && args.given('limit'))
      throw new UsageError('--limit and --all ask for two different pages: give one', 'get');
    const repo = await openRepo(repoSettings(args, ctx));
    // The page's tag listing needs only the remote: it runs while the project files are read.
    // The freight indexes come with the first fetch, which names the default branch, and each
    // page is read from its index as soon as the project files are.
    if (kind === 'freight' && !all) {
      // Without peeled lines: the index check needs none, and they are half of the listing.
      repo.store.listTagsAhead(args.string('project'), { peeled: false });
      repo.store.fetchIndexesAhead({ project: args.string('project'), limit });
    } else if (kind === 'freight') repo.store.listTagsAhead(args.string('project'));
    // The stages' tags are fetched as soon as the state files are read, while the project files
    // are parsed.
    if (kind === 'stages') repo.store.fetchStageRecordsAhead(args.string('project'));
    // The first fetch (the default branch's tip, with the indexes asked for above) starts
    // before the project parser's modules load: they load while it runs. A failure is reported
    // by the read that needs the branch.
    if (!repo.localDir) await repo.store.defaultBranchAhead();
    // Loaded meanwhile too (see the import of HealthSettings); get stages awaits it when it needs it.
    if (kind === 'stages') import('../../health/index.js').catch(() => undefined);
    const projects = await selectProjects(repo, args.string('project'));
    const page = { limit: all ? Infinity : limit, shown: 0, total: 0 };
    ctx.io.out(
      await get(
        kind as Exclude<(typeof GET_KINDS)[number], 'projects'>,
        repo,
        projects,
        output,
        page,
        ctx.now(),
        {
          env: ctx.io.env,
          fetch,
        },
      ),
    );
    if (kind === 'freight' && page.total > page.shown)
      ctx.later.push(
        `the newest ${page.shown} of ${page.total} freight; --limit N or --all for more\n`,
      );
    return EXIT.ok;
  },
};

/**
 * The projects, from the work tree when `--repo` is a clone (with or without a remote, as lint
 * reads it) or from the remote's default branch: what a workflow fans out over, before any state
 * is read.
 */
async function getProjects(
  settings: RepoSettings,
  name: string | undefined,
  output: 'table' | 'json',
  splitOver: number,
): Promise<string> {
  let source: ProjectSource;
  try {
    source = await openRepo(settings);
  } catch (err) {
    if (!(err instanceof NoRemoteError)) throw err;
    source = { localDir: err.localDir };
  }
  const { projects: all, problems } = await loadProjects(source);
  if (problems.length)
    throw new ConfigError('the project files have problems (run gantry lint):', problems);
  const projects = pickProjects(all, name).map((p) => ({
    name: p.name,
    file: p.file,
    stages: p.stages.map((s) => s.name),
    warehouses: p.warehouses.map((w) => w.name),
  }));
  if (output === 'json')
    return (
      JSON.stringify({ projects, matrix: discoverMatrix(projects, splitOver) }, null, 2) + '\n'
    );
  return table(
    ['NAME', 'STAGES', 'WAREHOUSES', 'FILE'],
    projects.map((p) => [p.name, p.stages.join(','), p.warehouses.join(','), p.file]),
  );
}

async function get(
  kind: Exclude<(typeof GET_KINDS)[number], 'projects'>,
  ctx: RepoContext,
  projects: Awaited<ReturnType<typeof selectProjects>>,
  output: 'table' | 'json',
  /** How many to list; get freight reports back how many it listed of how many there are. */
  page: { limit: number; shown: number; total: number },
  now: Date,
  health: HealthSettings,
): Promise<string> {
  const many = projects.length > 1;
  const withProject = (row: string[], project: string) => (many ? [project, ...row] : row);
  const headers = (h: string[]) => (many ? ['PROJECT', ...h] : h);

  if (kind === 'promotions') {
    const all = [];
    for (const p of projects) {
      const branches = await ctx.store.stageBranches(p.stages);
      all.push(...promotionViews(await ctx.store.promotions(p.name, branches, page.limit)));
    }
    // Newest first across projects too; each project's list is already the newest `limit`.
    all.sort((a, b) => b.promotedAt.localeCompare(a.promotedAt));
    all.splice(page.limit);
    if (output === 'json') return JSON.stringify({ promotions: all }, null, 2) + '\n';
    return table(
      headers(['STAGE', 'FREIGHT', 'COMMIT', 'BY', 'APPROVED BY', 'AGE']),
      all.map((v) =>
        withProject(
          [
            v.stage,
            v.freight.alias,
            v.commit.slice(0, 7),
            v.promotedBy,
            v.approvedBy.join(',') || '-',
            age(v.promotedAt, now),
          ],
          v.project,
        ),
      ),
    );
  }

  if (kind === 'warehouses') {
    // Discovery's module is large; only this view needs it (for its URL rule).
    const { publicURL } = await import('../../discovery/discover.js');
    const rows = [];
    for (const p of projects)
      rows.push(...warehouseViews(p, (await ctx.store.snapshot(p.name)).freight, publicURL));
    if (output === 'json') return JSON.stringify({ warehouses: rows }, null, 2) + '\n';
    return table(
      headers(['NAME', 'POLICY', 'SUBSCRIPTIONS', 'NEWEST FREIGHT', 'AGE']),
      rows.map((w) =>
        withProject(
          [
            w.name,
            w.freightCreationPolicy,
            w.subscriptions
              .map(
                (s) =>
                  `${s.kind}:${s.kind === 'chart' && s.name ? `${s.repoURL.replace(/\/+$/, '')}/${s.name}` : s.repoURL}`,
              )
              .join(',') || '-',
            w.newestFreight ? `${w.newestFreight.alias} (${w.newestFreight.id.slice(0, 7)})` : '-',
            w.newestFreight ? age(w.newestFreight.createdAt, now) : '-',
          ],
          w.project,
        ),
      ),
    );
  }

  const stages = [];
  const freight = [];
  for (const p of projects) {
    if (kind === 'stages') {
      const { projectHealth } = await import('../../health/index.js');
      // The stages' tips, then the tags of the freight they run: nothing else is read.
      const states = await ctx.store.stageStates(p.name, p.stages);
      const snap = await ctx.store.stageRecords(p.name, states);
      const appHealth = await projectHealth(ctx.store, p, states, snap.freight, health);
      stages.push(...stageViews(p, snap, states, appHealth));
      continue;
    }
    const [read, states] = await settleAll([
      page.limit === Infinity
        ? ctx.store.snapshot(p.name).then((snap) => ({ snap, total: snap.freight.length }))
        : ctx.store.freightPage(p.name, { limit: page.limit }),
      ctx.store.stageStates(p.name, p.stages),
    ]);
    page.total += read.total;
    freight.push(...freightViews(p, read.snap, states));
  }
  // Newest first across projects too; each project's page is already its newest.
  freight.sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id));
  freight.splice(page.limit);
  page.shown = freight.length;
  if (kind === 'stages') {
    if (output === 'json') return JSON.stringify({ stages }, null, 2) + '\n';
    // Only pipelines that name Argo CD Applications get the column: for the others every stage
    // would say NotApplicable.
    const { stageNamesApps } = await import('../../health/index.js');
    const showHealth = projects.some((p) => p.stages.some(stageNamesApps));
    return table(
      headers([
        'NAME',
        'FREIGHT',
        'ID',
        'VERIFIED',
        ...(showHealth ? ['HEALTH'] : []),
        'SINCE',
        'BY',
      ]),
      stages.map((s) =>
        withProject(
          [
            s.name,
            s.freight.map((f) => f.alias).join(',') || '-',
            s.freight.map((f) => f.id.slice(0, 7)).join(',') || '-',
            s.verified === undefined ? '-' : s.verified ? 'yes' : 'no',
            ...(showHealth ? [s.appHealth?.status ?? '-'] : []),
            age(s.promotedAt, now) || '-',
            s.promotedBy ?? '-',
          ],
          s.project,
        ),
      ),
    );
  }
  // `total`: how many freight the projects hold, so that a script can tell a page from all of them
  // (the table's note about more goes to stderr, which a script reading JSON does not parse).
  if (output === 'json') return JSON.stringify({ freight, total: page.total }, null, 2) + '\n';
  return table(
    headers(['ID', 'ALIAS', 'WAREHOUSE', 'VERSIONS', 'AGE', 'STAGES']),
    freight.map((f) =>
      withProject(
        [
          f.id.slice(0, 7),
          f.alias,
          f.origin.name,
          versionsOf(f),
          age(f.createdAt, now),
          Object.keys(f.status.currentlyIn)
            .map((s) => (f.status.verifiedIn[s] ? `${s}✓` : s))
            .join(',') || '-',
        ],
        f.project,
      ),
    ),
  );
}

/** One warehouse as `get warehouses` shows it (the JSON keeps Kargo's field names). */
export interface WarehouseView {
  project: string;
  name: string;
  freightCreationPolicy: Warehouse['freightCreationPolicy'];
  subscriptions: { kind: Subscription['kind']; repoURL: string; name?: string }[];
  newestFreight: { id: string; alias: string; createdAt: string } | null;
}

function warehouseViews(
  p: Project,
  freight: readonly Freight[],
  publicURL: (url: string) => string,
): WarehouseView[] {
  return p.warehouses.map((w) => {
    const newest = newestFreight(freight.filter((f) => f.origin.name === w.name));
    return {
      project: p.name,
      name: w.name,
      freightCreationPolicy: w.freightCreationPolicy,
      subscriptions: w.subscriptions.map((s) => {
        const body = s.kind === 'image' ? s.image : s.kind === 'chart' ? s.chart : s.git;
        // Recorded the way freight records it: a credential in a URL is not shown.
        return {
          kind: s.kind,
          repoURL: publicURL(body.repoURL),
          ...(body.name ? { name: body.name } : {}),
        };
      }),
      newestFreight: newest
        ? { id: newest.id, alias: newest.alias, createdAt: newest.createdAt }
        : null,
    };
  });
}
