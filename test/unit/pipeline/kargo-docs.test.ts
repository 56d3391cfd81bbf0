/**
 * Kargo's documentation examples, as test fixtures (test/fixtures/kargo/docs, one file per page of
 * Kargo's user guide, one per promotion step reference page under steps/): each loads through the
 * Kargo reader with no edit, beside the shared Project and Warehouse, and lints clean. What
 * gantry cannot do (a Kubernetes Job metric, a step that needs Kargo's cluster) is said by lint,
 * with the alternative.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadProjectsWith } from '../../../src/pipeline/index.js';
import { parseKargoProject } from '../../../src/pipeline/kargo.js';
import { defaultRegistry } from '../../../src/promotion/steps/registry.js';
import { runtimeProblems } from '../../../src/status/lint.js';
import { defaultProviders } from '../../../src/verification/index.js';
import { formatted } from './helpers.js';

const DIR = fileURLToPath(new URL('../../fixtures/kargo/docs', import.meta.url));
const SIDE = { file: '.gantry/kargo-demo.yaml', text: 'kargo: kargo\n' };

const PAGES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'project.yaml'),
  ...readdirSync(`${DIR}/steps`).map((f) => `steps/${f}`),
].sort();

/** Load and lint the shared project with one page's examples, as `gantry lint` would. */
function lint(page: string): { problems: string[]; stages: number } {
  const files = ['project.yaml', page].map((f) => ({
    file: `kargo/${f}`,
    text: readFileSync(`${DIR}/${f}`, 'utf8'),
  }));
  const { projects, problems } = loadProjectsWith(
    [SIDE],
    new Map([['kargo', files]]),
    parseKargoProject,
  );
  if (problems.length) return { problems: formatted(problems), stages: 0 };
  return {
    problems: formatted(runtimeProblems([SIDE], projects, defaultRegistry(), defaultProviders())),
    stages: projects[0]?.stages.length ?? 0,
  };
}

/**
 * Pages whose examples use what gantry has no equivalent for: how many problems lint must report
 * with the message that says why and what to write instead, and what else may be reported.
 */
const REFUSED: Record<string, { says: RegExp; times: number; besides?: RegExp }> = {
  'verification-job.yaml': {
    says: /verification-job\.yaml:28:7: spec\.metrics\[0\]\.provider\.job: a job metric runs a Kubernetes Job; gantry has no cluster: use a command metric/,
    times: 1,
  },
  'steps/send-message.yaml': {
    says: /\.uses: send-message posts through a Kargo MessageChannel, a resource in Kargo's cluster that gantry does not have: post to the chat's API with an http step/,
    times: 6,
    // The page's last example also uses set-metadata and freightMetadata() (being added apart),
    // and ctx.timestamp, which Kargo's expression context does not have either.
    besides: /set-metadata|freightMetadata\(\)|type ctx has no field timestamp/,
  },
};

describe("Kargo's documentation examples load as they are and lint clean", () => {
  it('covers every page', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(30);
  });

  for (const page of PAGES) {
    it(page, () => {
      const { problems, stages } = lint(page);
      const refused = REFUSED[page];
      if (!refused) {
        expect(problems).toEqual([]);
        // Every Stage of the page (and the shared one) is in the project.
        const text = readFileSync(`${DIR}/${page}`, 'utf8');
        const kinds = parseAllDocuments(text).map((d) => (d.toJS() as { kind?: string }).kind);
        expect(stages).toBe(kinds.filter((k) => k === 'Stage').length + 1);
        return;
      }
      expect(problems.filter((p) => refused.says.test(p))).toHaveLength(refused.times);
      for (const p of problems.filter((p) => !refused.says.test(p))) {
        expect(p).toMatch(refused.besides ?? /^$/);
      }
    });
  }
});
