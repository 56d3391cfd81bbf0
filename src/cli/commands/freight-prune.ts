import { parseAge, planPrune, ranSince, type PrunePlan } from '../../freight/prune.js';
import { parseDuration } from '../../pipeline/duration.js';
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
 * verification and approval tags, and the index entries, in one atomic push.
 */
export const freightPrune: Subcommand = {
  name: 'prune',
  summary: 'delete old unused freight',
  flags: FLAGS,
  description: `prune: a freight goes only when it is older than --older-than, not among the newest --keep of its
warehouse, not run by any stage now, not run by any stage since --older-than ago (promotion
history), and not approved for a stage. Its tag, its verification and approval tags and its
index entry are deleted in one atomic push; a freight recorded meanwhile makes it stop and
delete nothing. Check with --dry-run first.`,
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
    const store = repo.store;
    const [read, states, history] = await Promise.all([
      store.freightEntries(project.name),
      store.stageStates(project.name, project.stages),
      store
        .stageBranches(project.stages)
        .then((b) => store.promotions(project.name, b, MAX_HISTORY_DEPTH)),
    ]);
    const current = new Set<string>();
    for (const st of states.values()) for (const f of st?.freight ?? []) current.add(f.id);
    const plan = planPrune(
      read.entries,
      { keep, cutoff },
      {
        current,
        ranRecently: ranSince(history, cutoff),
        approved: new Set(read.snap.approvals.map((a) => a.freightId)),
      },
    );
    const deleted =
      dryRun || !plan.remove.length
        ? []
        : await store.deleteFreight(
            project.name,
            plan.remove.map((f) => f.freightId),
            read.head,
          );
    ctx.io.out(render(plan, { output, dryRun, deleted, now, project: project.name }));
    return EXIT.ok;
  },
};

function render(
  plan: PrunePlan,
  o: { output: 'table' | 'json'; dryRun: boolean; deleted: string[]; now: Date; project: string },
): string {
  if (o.output === 'json')
    return (
      JSON.stringify(
        {
          project: o.project,
          dryRun: o.dryRun,
          remove: plan.remove.map((f) => ({
            id: f.freightId,
            alias: f.alias,
            warehouse: f.warehouse,
            createdAt: f.createdAt,
          })),
          kept: plan.kept,
          deletedTags: o.deleted,
        },
        null,
        2,
      ) + '\n'
    );
  const keptTotal = Object.values(plan.kept).reduce((a, b) => a + b, 0);
  const why = Object.entries(plan.kept)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const head = plan.remove.length
    ? table(
        ['ID', 'ALIAS', 'WAREHOUSE', 'AGE'],
        plan.remove.map((f) => [
          f.freightId.slice(0, 7),
          f.alias,
          f.warehouse,
          age(f.createdAt, o.now),
        ]),
      )
    : '';
  const verb = o.dryRun ? 'would delete' : 'deleted';
  return (
    head +
    `${o.project}: ${verb} ${plan.remove.length} freight${o.dryRun ? '' : ` (${o.deleted.length} tags)`}; keeping ${keptTotal}${why ? ` (${why})` : ''}\n`
  );
}
