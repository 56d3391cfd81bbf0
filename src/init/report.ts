/** What `gantry init` prints: the files, then what to do next, in order. */
import type { InitPlan } from './plan.js';
import { DOCS_URL } from './project-file.js';
import { IMAGE_TAG_KEY } from './settings.js';
import { DISCOVER_WORKFLOW, PROMOTE_WORKFLOW } from './workflows.js';

export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./@:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function describe(plan: InitPlan, path: string, kind: string): string {
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
function chainSentence(stages: readonly string[]): string {
  const [first = '', ...rest] = stages;
  const last = rest.pop();
  let out = `${first} is promoted by itself`;
  if (rest.length === 1) out += `, then ${rest[0]} once ${first} is verified`;
  if (rest.length > 1) out += `, then ${rest.join(', ')}, each once the stage before is verified`;
  if (last) out += `; ${last} when you run ${PROMOTE_WORKFLOW} for it`;
  return `${out}.`;
}

/**
 * The report after writing. `dir` is how the user named the repository (for the commands shown);
 * `isGitRepo` false adds a `git init` step.
 */
export function initReport(plan: InitPlan, o: { dir: string; isGitRepo: boolean }): string {
  const s = plan.settings;
  const width = Math.max(...plan.write.map((f) => f.path.length));
  const lines: string[] = [];
  for (const f of plan.write) {
    lines.push(
      `${f.regenerated ? 'updated' : f.overwrite ? 'overwrote' : 'wrote'}  ${f.path.padEnd(width)}  ${describe(plan, f.path, f.kind)}`,
    );
  }
  for (const k of plan.kept)
    lines.push(`kept   ${k} (it exists; promotions set ${IMAGE_TAG_KEY} in it)`);
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  const git = o.dir === '.' ? 'git' : `git -C ${shellQuote(o.dir)}`;
  const paths = [...plan.write.map((f) => f.path)].map(shellQuote).join(' ');
  const first = s.stages[0] ?? '';
  const last = s.stages.at(-1) ?? '';
  const gated = s.stages.length > 1 ? last : first;
  const lint = o.dir === '.' ? 'gantry lint' : `gantry lint --repo ${shellQuote(o.dir)}`;
  let n = 0;
  const step = (text: string) => `  ${++n}. ${text}`;
  lines.push(
    '',
    'Next steps:',
    step(`Read .gantry/${s.project}.yaml and adjust it; check it with: ${lint}`),
    ...(o.isGitRepo
      ? []
      : [
          step(
            `Make this directory a clone of your GitOps repository (git init, git remote add …)`,
          ),
        ]),
    step('Commit and push (the workflows run from the default branch):'),
    `       ${git} add ${paths}`,
    `       ${git} commit -m ${shellQuote(`gantry: promote ${s.project} through ${s.stages.join(', ')}`)}`,
    `       ${git} push`,
    step(
      `On GitHub, Settings → Environments → New environment "${gated}" → Required reviewers, so that`,
    ),
    `     a person approves each promotion into ${gated} (public repositories, or GitHub Enterprise;`,
    `     otherwise use pull-request mode: ${DOCS_URL}/init.md#pull-request-mode). The other`,
    "     stages' environments are created by their first run.",
    step(
      `Start discovery: gh workflow run ${DISCOVER_WORKFLOW} (or Actions → gantry discover → Run workflow).`,
    ),
    `     ${chainSentence(s.stages)}`,
    step(`Watch: gantry get stages${o.dir === '.' ? '' : ` --repo ${shellQuote(o.dir)}`}`),
  );
  return lines.join('\n') + '\n';
}
