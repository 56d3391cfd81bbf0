import { settleAll } from '../../util/settle.js';
import { suggest } from '../../util/suggest.js';
import { age, table } from '../../util/table.js';
import { projectHealth, stageNamesApps, type HealthSettings } from '../../health/index.js';
import { openRepo, selectProjects, type RepoContext } from '../../status/repo.js';
import { freightViews, promotionViews, stageViews, versionsOf } from '../../status/views.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { OUTPUT_FLAG, PROJECT_FLAG, REPO_FLAG, outputOf, repoSettings } from '../shared.js';

const GET_KINDS = ['stages', 'freight', 'promotions'] as const;

export const getCommand: Command = {
  name: 'get',
  summary: 'list the stages, the freight or the latest promotions',
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
    REPO_FLAG,
  ],
  description: `stages: what each stage runs, whether it is verified (and its Argo CD health when the
stage names Applications), since when and by whom. freight: every freight with its versions and the
stages it is in (✓ verified there), newest first, a page of --limit at a time (--all for every
one). promotions: the newest first, across projects.`,
  examples: [
    'gantry get stages',
    'gantry get freight --project echo --output json',
    'gantry get freight --limit 100',
    'gantry get promotions --limit 5',
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
    const limitText = args.string('limit');
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive integer, not "${limitText}"`, 'get');
    const all = args.boolean('all');
    if (all && kind !== 'freight')
      throw new UsageError(`--all is for get freight, not get ${kind}`, 'get');
    const repo = await openRepo(repoSettings(args, ctx));
    const projects = await selectProjects(repo, args.string('project'));
    const page = { limit: all ? Infinity : limit, shown: 0, total: 0 };
    ctx.io.out(
      await get(kind as (typeof GET_KINDS)[number], repo, projects, output, page, ctx.now(), {
        env: ctx.io.env,
        fetch,
      }),
    );
    if (kind === 'freight' && page.total > page.shown)
      ctx.later.push(
        `the newest ${page.shown} of ${page.total} freight; --limit N or --all for more\n`,
      );
    return EXIT.ok;
  },
};

async function get(
  kind: (typeof GET_KINDS)[number],
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

  const stages = [];
  const freight = [];
  for (const p of projects) {
    if (kind === 'stages') {
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
  freight.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  freight.splice(page.limit);
  page.shown = freight.length;
  if (kind === 'stages') {
    if (output === 'json') return JSON.stringify({ stages }, null, 2) + '\n';
    // Only pipelines that name Argo CD Applications get the column: for the others every stage
    // would say NotApplicable.
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
  if (output === 'json') return JSON.stringify({ freight }, null, 2) + '\n';
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
