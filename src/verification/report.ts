/**
 * What a verification did, for people: every measurement of every metric and the decision, as a
 * job summary (Markdown) and for a terminal; the chain to the next stages; and JSON for scripts.
 */
import type { VerifyOutcome } from './verify.js';
import { mdTable, tableCell } from '../util/markdown.js';

const ICON: Readonly<Record<string, string>> = {
  Successful: '✅',
  Failed: '❌',
  Inconclusive: '❔',
  Error: '⚠️',
  Skipped: '⏭️',
};

function headline(o: VerifyOutcome): string {
  const f = `${o.freight.alias} (${o.freight.id.slice(0, 7)})`;
  if (o.alreadyVerified) return `${f} was already verified in ${o.stage}; nothing to do`;
  if (o.verified)
    return o.analysis
      ? `verified ${f} in ${o.stage}: ${o.analysis.message}`
      : `verified ${f} in ${o.stage} (the stage has no verification: verified once promoted)`;
  return `verification of ${f} in ${o.stage} ${o.phase === 'Failed' ? 'failed' : `ended ${o.phase}`}: ${o.analysis?.message ?? ''}`;
}

function downstreamLine(d: VerifyOutcome['downstream'][number]): string {
  const f = d.freight ? `${d.freight.alias} (${d.freight.id.slice(0, 7)})` : '';
  if (d.due) {
    const started = d.dispatched
      ? d.dispatched.error
        ? `; could not start ${d.dispatched.workflow}: ${d.dispatched.error}`
        : `; started ${d.dispatched.workflow}`
      : '';
    return `${d.stage}: ${f} is due${started}`;
  }
  // Soak reasons already say when; others that have an instant get it here.
  const when =
    d.availableAt && !d.reason?.includes('available at') ? ` (available at ${d.availableAt})` : '';
  return `${d.stage}: ${f ? `${f} ` : ''}not due: ${d.reason ?? ''}${when}`;
}

export function verifyMarkdown(o: VerifyOutcome): string {
  const md = [
    `## gantry verify ${o.stage}`,
    '',
    `${ICON[o.phase] ?? ''} ${tableCell(headline(o))}`,
  ];
  md.push('', `Commit \`${o.commit.slice(0, 7)}\`.`);
  if (o.analysis?.metrics.length) {
    const rows = o.analysis.metrics.flatMap((m) =>
      m.measurements.length
        ? [
            ...m.measurements.map((x, i) => [
              i === 0 ? m.name : '',
              String(i + 1),
              `${ICON[x.phase] ?? ''} ${x.phase}`,
              x.value ?? '',
              x.message ?? '',
            ]),
            [`**${m.name}**`, '', `**${m.phase}**`, '', m.message],
          ]
        : [[m.name, '', `${ICON[m.phase] ?? ''} ${m.phase}`, '', m.message]],
    );
    md.push('', ...mdTable(['metric', '#', 'phase', 'value', 'why'], rows));
    md.push('', `**Decision: ${o.phase}.** ${tableCell(o.analysis.message)}`);
  }
  if (o.downstream.length) {
    md.push('', '**Next stages**', '');
    for (const d of o.downstream) md.push(`- ${tableCell(downstreamLine(d))}`);
  }
  for (const w of o.warnings) md.push('', '> [!WARNING]', `> ${tableCell(w)}`);
  return md.join('\n');
}

export function verifyText(o: VerifyOutcome): string {
  const lines = [headline(o)];
  for (const m of o.analysis?.metrics ?? []) {
    lines.push(`  ${m.name} (${m.provider}): ${m.phase}${m.message ? ` — ${m.message}` : ''}`);
    m.measurements.forEach((x, i) => {
      const value = x.value ? ` ${x.value}` : '';
      const why = x.message ? ` (${x.message})` : '';
      lines.push(`    #${i + 1} ${x.phase}${value}${why}`);
    });
  }
  for (const d of o.downstream) lines.push(`next: ${downstreamLine(d)}`);
  for (const w of o.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

export function verifyJson(o: VerifyOutcome): Record<string, unknown> {
  return {
    stage: o.stage,
    freight: { id: o.freight.id, alias: o.freight.alias },
    commit: o.commit,
    result: o.phase,
    verified: o.verified,
    alreadyVerified: o.alreadyVerified,
    metrics: o.analysis?.metrics ?? [],
    message: o.analysis?.message ?? null,
    downstream: o.downstream,
    ...(o.deployment ? { deployment: o.deployment } : {}),
    warnings: o.warnings,
  };
}
