import { mdTable, tableCell } from '../util/markdown.js';
import { table } from '../util/table.js';
import type { DiscoveredFreight } from './discover.js';
import type { DiscoverRun } from './run.js';

const MAX_CANDIDATES = 5;

function candidates(list: string[]): string {
  if (!list.length) return '-';
  const shown = list.slice(0, MAX_CANDIDATES).join(', ');
  return list.length > MAX_CANDIDATES ? `${shown}, … (${list.length})` : shown;
}

/** new and recorded now; recorded before; found but not recorded (dry run, Manual policy). */
function freightState(f: DiscoveredFreight): string {
  if (!f.recorded) return 'not recorded';
  return f.new ? 'new' : 'recorded before';
}

const repo = (s: { repoURL: string; name?: string }) =>
  s.name ? `${s.repoURL} (${s.name})` : s.repoURL;

/** `gantry discover` as a person reads it: per warehouse, what each subscription offered and chose. */
export function discoverText(run: DiscoverRun): string {
  const out: string[] = [];
  for (const r of run.results) {
    for (const w of r.warehouses) {
      out.push(`${r.project}/${w.name}${w.freightCreationPolicy === 'Manual' ? ' (Manual)' : ''}`);
      out.push(
        table(
          ['KIND', 'REPOSITORY', 'STRATEGY', 'SELECTED', 'CANDIDATES'],
          w.subscriptions.map((s) => [
            s.kind,
            repo(s),
            s.strategy,
            s.selected ?? (s.error ? 'error' : '-'),
            candidates(s.candidates),
          ]),
        ).trimEnd(),
      );
      if (w.freight) {
        out.push(
          `freight ${w.freight.alias} (${w.freight.id.slice(0, 7)}) ${freightState(w.freight)}`,
        );
      }
      // The note says why there is no freight, failed subscriptions included.
      if (w.note) out.push(w.note);
      out.push('');
    }
    const due = r.dryRun ? 'would be due' : 'due';
    for (const p of r.promotions) {
      out.push(
        `${due}: promote ${p.alias} (${p.freight.slice(0, 7)}) into ${r.project}/${p.stage}`,
      );
    }
    for (const s of r.skipped) out.push(`skipped: ${r.project}/${s.stage}: ${s.reason}`);
  }
  for (const d of run.dispatched) {
    out.push(
      d.error
        ? `dispatch failed: ${d.workflow} for ${d.stage}: ${d.error}`
        : `dispatched: ${d.workflow} stage=${d.stage} freight=${d.alias}`,
    );
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** The job summary: GitHub renders this Markdown on the run's page. */
export function discoverMarkdown(run: DiscoverRun, opts: { dryRun: boolean }): string {
  const md: string[] = [`## gantry discover${opts.dryRun ? ' (dry run)' : ''}`, ''];
  for (const r of run.results) {
    for (const w of r.warehouses) {
      md.push(`### ${r.project} / ${w.name}`, '');
      md.push(
        ...mdTable(
          ['subscription', 'strategy', 'selected', 'candidates'],
          w.subscriptions.map((s) => [
            `${s.kind} \`${repo(s)}\``,
            s.strategy,
            s.selected ? `\`${s.selected}\`` : s.error ? `:x: ${s.error}` : '—',
            candidates(s.candidates),
          ]),
        ),
        '',
      );
      if (w.freight) {
        const f = w.freight;
        const label = f.new && f.recorded ? '**New freight**' : 'Freight';
        md.push(`${label} **${f.alias}** (\`${f.id.slice(0, 7)}\`): ${freightState(f)}.`);
      }
      if (w.note) md.push('', `_${tableCell(w.note)}_`);
      md.push('');
    }
    if (r.promotions.length || r.skipped.length) {
      const rows: string[][] = [];
      for (const p of r.promotions) {
        const d = run.dispatched.find(
          (x) => x.project === p.project && x.stage === p.stage && x.freight === p.freight,
        );
        const status = d
          ? d.error
            ? `:x: ${d.error}`
            : `started \`${d.workflow}\``
          : opts.dryRun
            ? 'would be due'
            : 'due';
        rows.push([p.stage, `**${p.alias}** (\`${p.freight.slice(0, 7)}\`)`, status]);
      }
      for (const s of r.skipped) rows.push([s.stage, '—', `skipped: ${s.reason}`]);
      md.push('#### Auto-promotions', '', ...mdTable(['stage', 'freight', ''], rows), '');
    }
  }
  return md.join('\n');
}
