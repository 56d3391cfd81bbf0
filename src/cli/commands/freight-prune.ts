import { parseAge, type PrunePlan } from '../../freight/prune.js';
import { parseDuration } from '../../pipeline/duration.js';
import { pruneFreight } from '../../app/prune.js';
import { MAX_HISTORY_DEPTH } from '../../state/index.js';
import { openRepo } from '../../app/repo.js';
import { age, table } from '../../util/table.js';
import type { Flag, Subcommand } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { OUTPUT_FLAG, PROJECT_FLAG, REPO_FLAG, outputOf, repoSettings } from '../shared.js';
import { oneProject } from '../shared-repo.js';

const FLAGS: readonly Flag[] = [
  {
    name: 'keep',
    type: 'string',
    value: 'N',
    required: true,
    help: 'the newest N freight of each warehouse stay, however old (at least 1)',
  },
  {
    name: 'older-than',
    type: 'string',
    value: 'D',
    required: true,
    help: 'only freight created longer ago than this may go: 30d, 720h, 1h30m',
  },
  { name: 'dry-run', type: 'boolean', help: 'print what would be deleted, delete nothing' },
  PROJECT_FLAG,
  OUTPUT_FLAG,
  REPO_FLAG,
];

/**
 * `gantry freight prune`: deletes old freight no stage runs or ran lately, with their
 * verification and approval tags, and the index entries: atomic pushes of up to 500 tags each,
 * each with the index without them, each tag leased at the object the plan saw.
 */
export const freightPrune: Subcommand = {
  name: 'prune',
  summary: 'delete old unused freight',
  flags: FLAGS,
  description: `prune: a freight goes only when it is older than --older-than, not among the newest --keep of its
warehouse, not run by any stage now, not run by any stage since --older-than ago (promotion
history), and not approved for a stage. Its tag, its verification and approval tags and its
index entry are deleted together, in atomic pushes of up to 500 tags, each with the index. A
freight recorded, approved or verified meanwhile, or promoted before the push, makes it stop and
delete nothing; one promoted during the push is pushed back. Check with --dry-run first.`,
  examples: ['gantry freight prune --keep 20 --older-than 30d --dry-run'],
  async run(args, ctx) {
    const output = outputOf(args, 'freight');
    const keepText = args.string('keep');
    const olderText = args.string('older-than');
    if (keepText === undefined || olderText === undefined)
      throw new UsageError('freight prune needs --keep N and --older-than D', 'freight');
    const keep = Number(keepText);
    if (!Number.isInteger(keep) || keep < 1)
      throw new UsageError(
        `--keep must be a whole number of at least 1, not "${keepText}"`,
        'freight',
      );
    let olderMs: number;
    try {
      olderMs = parseAge(olderText, parseDuration);
    } catch (err) {
      throw new UsageError(
        `--older-than: ${(err as Error).message}, or days such as 30d`,
        'freight',
      );
    }
    const dryRun = args.boolean('dry-run');
    const now = ctx.now();
    const cutoff = new Date(now.getTime() - olderMs);

    const repo = await openRepo(repoSettings(args, ctx));
    const project = await oneProject(repo, args.string('project'), 'freight');
    const { plan, ...result } = await pruneFreight(repo.store, project, { keep, cutoff, dryRun });
    ctx.io.out(render(plan, { output, dryRun, ...result, now, project: project.name }));
    return EXIT.ok;
  },
};

/** What prune prints: exported for its test (the cases a real repository cannot stage cheaply). */
export function render(
  plan: PrunePlan,
  o: {
    output: 'table' | 'json';
    dryRun: boolean;
    deleted: string[];
    restored: string[];
    now: Date;
    project: string;
    historyFrom?: string;
  },
): string {
  const back = new Set(o.restored);
  const removed = plan.remove.filter((f) => !back.has(f.freightId));
  if (o.output === 'json')
    return (
      JSON.stringify(
        {
          project: o.project,
          dryRun: o.dryRun,
          remove: removed.map((f) => ({
            id: f.freightId,
            alias: f.alias,
            warehouse: f.warehouse,
            createdAt: f.createdAt,
          })),
          kept: plan.kept,
          deletedTags: o.deleted,
          restored: o.restored,
          ...(o.historyFrom === undefined ? {} : { historyReadBackTo: o.historyFrom }),
        },
        null,
        2,
      ) + '\n'
    );
  const keptTotal = Object.values(plan.kept).reduce((a, b) => a + b, 0) + back.size;
  const why = [
    ...Object.entries(plan.kept)
      .filter(([, n]) => n)
      .map(([k, n]) => `${n} ${k}`),
    ...(back.size ? [`${back.size} restored`] : []),
  ].join(', ');
  const head = removed.length
    ? table(
        ['ID', 'ALIAS', 'WAREHOUSE', 'AGE'],
        removed.map((f) => [
          f.freightId.slice(0, 7),
          f.alias,
          f.warehouse,
          age(f.createdAt, o.now),
        ]),
      )
    : '';
  const verb = o.dryRun ? 'would delete' : 'deleted';
  const restored = back.size
    ? `${o.project}: kept ${back.size} freight a stage started running, or that was approved or verified, during the prune (deleted, then pushed back with its tags): ${plan.remove
        .filter((f) => back.has(f.freightId))
        .map((f) => f.alias)
        .join(', ')}\n`
    : '';
  const unread = plan.kept['history-unread']
    ? `${o.project}: promotion history was read back to ${o.historyFrom ?? '?'} only (${MAX_HISTORY_DEPTH} commits per branch): ${plan.kept['history-unread']} freight created before then stay, as they may have run since the cutoff\n`
    : '';
  return (
    head +
    `${o.project}: ${verb} ${removed.length} freight${o.dryRun ? '' : ` (${o.deleted.length} tags)`}; keeping ${keptTotal}${why ? ` (${why})` : ''}\n` +
    restored +
    unread
  );
}
