import { parseAge, planPrune, ranSince, type PrunePlan } from '../../freight/prune.js';
import { parseDuration } from '../../pipeline/duration.js';
import { MAX_HISTORY_DEPTH, type PruneGuard } from '../../state/index.js';
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
    const store = repo.store;
    const branches = await store.stageBranches(project.stages);
    // Before the plan's reads: a promotion that lands during them moves a tip, and the checks
    // below then read the stages again.
    const planTips = await store.remoteTips(branches);
    const [read, states, history] = await Promise.all([
      store.freightEntries(project.name),
      // Read at tips no older than planTips (the project files' read took an earlier one).
      store.stageStatesNow(project.name, project.stages),
      store.promotionHistory(project.name, branches, {
        limit: MAX_HISTORY_DEPTH,
        maxDepth: MAX_HISTORY_DEPTH,
      }),
    ]);
    const current = new Set<string>();
    for (const st of states.values()) for (const f of st?.freight ?? []) current.add(f.id);
    const plan = planPrune(
      read.entries,
      { keep, cutoff },
      {
        current,
        ranRecently: ranSince(history.records, cutoff),
        approved: new Set(read.snap.approvals.map((a) => a.freightId)),
        ...(history.horizon === undefined ? {} : { historyFrom: history.horizon }),
      },
    );
    // Promotions land while a prune runs: right before each push, and once after the last, the
    // stages are read again and a freight the plan's rules now keep is not deleted (or comes
    // back). Only when a stage branch moved since the plan (one ls-remote tells): then the newest
    // promotions suffice, as those the plan read cover the older ones, unless more landed
    // meanwhile than this reads, which keeps them all.
    const seen = new Set(history.records.map((p) => p.commit));
    const guard: PruneGuard = {
      async protectedNow(ids) {
        const tips = await store.remoteTips(branches);
        if (tips.size === planTips.size && [...tips].every(([b, t]) => planTips.get(b) === t))
          return new Set();
        const [now, recent] = await Promise.all([
          store.stageStatesNow(project.name, project.stages),
          store.promotions(project.name, branches, RECHECK_PROMOTIONS),
        ]);
        if (recent.length >= RECHECK_PROMOTIONS && !recent.some((p) => seen.has(p.commit)))
          return ids;
        const out = new Set<string>();
        for (const st of now.values()) for (const f of st?.freight ?? []) out.add(f.id);
        for (const id of ranSince(recent, cutoff)) out.add(id);
        return new Set([...out].filter((id) => ids.has(id)));
      },
    };
    const result =
      dryRun || !plan.remove.length
        ? { deleted: [], restored: [] }
        : await store.deleteFreight(
            project.name,
            plan.remove.map((f) => f.freightId),
            { head: read.head, tags: read.tags },
            guard,
          );
    ctx.io.out(
      render(plan, {
        output,
        dryRun,
        ...result,
        now,
        project: project.name,
        ...(history.horizon === undefined ? {} : { historyFrom: history.horizon }),
      }),
    );
    return EXIT.ok;
  },
};

/** Promotions read again before each push of a prune (see the guard above). */
const RECHECK_PROMOTIONS = 20;

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
