/**
 * The project file `gantry init` writes: one warehouse watching the image, and the stages chained
 * in the order given, each setting the image tag in its own values file. Comments explain each
 * part, and the optional parts are there as commented-out examples.
 */
import { IMAGE_TAG_KEY, valuesPathFor, type InitSettings } from './settings.js';
import { example, flowList, scalar, text } from './text.js';

export const SCHEMA_URL =
  'https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json';
export const DOCS_URL = 'https://github.com/gantry-dev/gantry/blob/main/docs';

export interface RenderOptions {
  /** Write the commented-out examples as live YAML (tests use it to lint them). */
  activeExamples?: boolean;
}

function stageLines(s: InitSettings, i: number, active: boolean): string[] {
  const name = s.stages[i] ?? '';
  const first = i === 0;
  const last = i === s.stages.length - 1 && s.stages.length > 1;
  const prev = s.stages[i - 1];
  const next = s.stages[i + 1];
  const auto = !last;
  const out: string[] = [`  - name: ${scalar(name)}`];
  if (last) {
    out.push(
      '    # Where the stage can be reached, shown on its GitHub deployment:',
      ...example([`    environmentUrl: https://${s.project}.example.com`], active),
    );
  }
  out.push(
    '    requestedFreight:',
    `      - origin: { kind: Warehouse, name: ${scalar(s.project)} }`,
  );
  if (first) {
    out.push('        sources: { direct: true } # every new freight, straight from the warehouse');
  } else {
    out.push(
      '        sources:',
      `          stages: ${flowList([prev ?? ''])} # freight once it is verified in ${prev}`,
      ...example(
        [`          requiredSoakTime: 1h # … and has run in ${prev} for at least an hour`],
        active,
      ),
    );
  }
  if (first) {
    out.push('    # The discover workflow starts the promotion of each new freight by itself.');
  } else if (auto) {
    out.push(`    # Verifying ${prev} starts this promotion by itself.`);
  } else {
    out.push(
      '    # Off for the last stage: promote it by hand, with "Run workflow" on the promote',
      `    # workflow or \`gantry promote --stage ${name}\`. Once the GitHub environment "${name}" has`,
      `    # required reviewers, true sends each freight verified in ${prev} there to wait for them.`,
    );
  }
  out.push(`    autoPromotion: ${auto ? 'true' : 'false'}`);
  out.push('    promotionTemplate:');
  if (last) {
    out.push(
      '      # Propose each promotion as a pull request instead of committing it; merging it',
      '      # promotes. The gate for private repositories without environment reviewers.',
      ...example(['      mode: pull-request'], active),
    );
  }
  const path = valuesPathFor(s.valuesPath, name);
  out.push('      steps:');
  if (first) {
    out.push(
      "        # Set the tag of the freight's image in the stage's values file. Only that value",
      '        # changes: comments, quoting and layout of the file stay as they are.',
    );
  }
  out.push(
    '        - uses: yaml-update',
    '          config:',
    `            path: ${scalar(path)}`,
    '            updates:',
    `              - key: ${IMAGE_TAG_KEY}`,
    `                value: '\${{ imageFrom("${s.image}").Tag }}'`,
  );
  out.push(
    ...(first
      ? [
          `    # Checks after each promotion: until they pass, ${next ? `${next} does not get the freight` : 'the freight is not verified'}.`,
          '    # Without any, freight counts as verified as soon as its promotion lands. For example:',
        ]
      : [
          `    # Checks after each promotion${next ? `: until they pass, ${next} does not get the freight` : ''}:`,
        ]),
    ...example(
      [
        '    verification:',
        '      - name: healthz # any 2xx answer passes; a successCondition can judge the body',
        '        initialDelay: 1m # time for Argo CD or Flux to sync the change',
        '        interval: 30s',
        '        count: 4 # four answers, 30s apart; a single bad one fails the verification',
        '        provider:',
        '          http:',
        `            url: https://${name}.${s.project}.example.com/healthz`,
      ],
      active,
    ),
  );
  return out;
}

/** `.gantry/<project>.yaml`. */
export function renderProjectFile(s: InitSettings, o: RenderOptions = {}): string {
  const active = o.activeExamples ?? false;
  const chain = s.stages.join(' → ');
  return text([
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
export function renderValuesFile(s: InitSettings, stage: string): string {
  return text([
    `# Values for ${s.project} in ${stage}. gantry's promotions set ${IMAGE_TAG_KEY} (see .gantry/${s.project}.yaml).`,
    'image:',
    `  repository: ${scalar(s.image)}`,
    '  tag: 0.0.0 # set by gantry',
  ]);
}
