import { describe, expect, test } from 'vitest';
import { renderDashboard, type DashboardData } from '../../../src/dashboard/index.js';
import { esc, safeUrl, slug } from '../../../src/dashboard/escape.js';
import { threeStageStatus } from './fixture.js';

const NOW = new Date('2026-11-02T00:00:00.000Z');

function render(mutate?: (s: ReturnType<typeof threeStageStatus>) => void) {
  const x = threeStageStatus();
  mutate?.(x);
  return renderDashboard({
    projects: [x],
    now: NOW,
    repository: 'https://bot:secret@github.com/acme/gitops.git',
    version: '0.1.0',
  });
}

describe('the dashboard page', () => {
  test('the same state and clock give the same bytes', () => {
    expect(render()).toEqual(render());
    expect(render().html).toContain('generated <time datetime="2026-11-02T00:00:00.000Z">');
  });

  test('self-contained: no script, stylesheet, image or font from anywhere', () => {
    const { html } = render();
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|\bsrc=/i);
    // url() only for the SVG's own arrowheads.
    expect(html.match(/url\([^)]*\)/g)?.every((u) => u === 'url(#p-echo-arrow)')).toBe(true);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
    for (const h of hrefs) expect(h).toMatch(/^(#[\w-]+|status\.json|https:\/\/github\.com\/)/);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });

  test('the repository is shown without credentials', () => {
    const { html, json } = render();
    expect(html + json).not.toContain('secret');
    expect(html).toContain('https://***@github.com/acme/gitops.git');
  });

  test('what the page shows: graph nodes and edges, stages, freight marks, promotion links', () => {
    const { html } = render();
    expect(html.match(/<g class="node /g)).toHaveLength(4);
    expect(html).toContain(
      '<g class="node stage not-verified" data-node="stage:dev" data-kind="stage" data-name="dev" data-health="not-verified" data-freight="lucky-jaguar">',
    );
    expect(html).toContain(
      'data-node="stage:prod" data-kind="stage" data-name="prod" data-health="verified" data-freight="oaken-catfish" data-held="true"',
    );
    expect(
      [...html.matchAll(/<path class="edge" data-from="([^"]+)" data-to="([^"]+)"/g)].map(
        (m) => `${m[1]}>${m[2]}`,
      ),
    ).toEqual(['warehouse:echo>stage:dev', 'stage:dev>stage:staging', 'stage:staging>stage:prod']);
    expect(html).toMatch(/<td class="marks" data-stage="staging" data-marks="current verified"/);
    expect(html).toMatch(/<td class="marks" data-stage="prod" data-marks="approved"/);
    expect(html).toContain(
      `<a href="https://github.com/acme/gitops/commit/${'c'.repeat(40)}" class="commit"><code>ccccccc</code></a>`,
    );
    expect(html).toContain(
      '<a href="https://github.com/acme/gitops/actions/runs/7" class="run">run</a>',
    );
    expect(html).toContain(
      '<time datetime="2026-11-01T14:00:00.000Z" title="2026-11-01 14:00 UTC">10h ago</time>',
    );
  });

  test('accessible: the graph is an image with a title and a description; tables have headers', () => {
    const { html } = render();
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="p-echo-title p-echo-desc">/);
    expect(html).toContain('<title id="p-echo-title">Pipeline of echo</title>');
    expect(html).toContain(
      '<desc id="p-echo-desc">Warehouse echo, feeds dev. Stage dev runs lucky-jaguar, not verified, feeds staging. Stage staging runs calm-rhino, verified, feeds prod. Stage prod runs oaken-catfish, verified, auto-promotion held.</desc>',
    );
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html.match(/<thead>/g)).toHaveLength(3);
    expect(html).toContain('<th scope="col">Stage</th>');
    expect(html).toContain('<html lang="en">');
  });

  test('status.json holds the same data, with the graph', () => {
    const data = JSON.parse(render().json) as DashboardData;
    expect(data.generatedAt).toBe(NOW.toISOString());
    expect(data.repository).toBe('https://***@github.com/acme/gitops.git');
    const p = data.projects[0];
    expect(p?.stages.map((s) => [s.name, s.health])).toEqual([
      ['dev', 'not-verified'],
      ['staging', 'verified'],
      ['prod', 'verified'],
    ]);
    expect(p?.freight).toHaveLength(3);
    expect(p?.promotions).toHaveLength(4);
    expect(p?.graph.edges).toHaveLength(3);
  });

  test('no HTML injection through aliases, commit messages, names or links', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const { html } = render(({ status }) => {
      const f = status.freight[0];
      const st = status.stages[0];
      const pr = status.promotions[0];
      if (!f || !st || !pr) throw new Error('fixture');
      f.alias = evil;
      f.versions = evil;
      f.createdBy = 'javascript:alert(3)';
      f.origin = { kind: 'Warehouse', name: evil };
      st.freight = [{ ...(st.freight[0] as (typeof st.freight)[number]), alias: evil }];
      st.promotedBy = evil;
      st.run = 'javascript:alert(4)';
      st.environmentUrl = 'javascript:alert(5)';
      st.hold = { since: '2026-11-01T00:00:00Z', by: evil, reason: evil };
      pr.subject = evil;
      pr.freight.alias = evil;
      pr.promotedBy = evil;
      pr.approvedBy = [evil];
      pr.run = 'data:text/html,<script>alert(6)</script>';
    });
    expect(html).not.toMatch(/<img|<script/i);
    // Links only to the page itself, status.json and https: the others are shown as text.
    expect(html).not.toMatch(/href="(?!#|status\.json"|https:\/\/)/);
    expect(html).toContain(' by javascript:alert(3)</td>');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
  });
});

describe('escaping helpers', () => {
  test('esc, safeUrl, slug', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(safeUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(safeUrl('HTTPS://github.com/a/b')).toBe('https://github.com/a/b');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
    expect(slug('prod-eu')).toBe('prod-eu');
    expect(slug('Prod EU')).toMatch(/^prod-eu-[a-z0-9]+$/);
    expect(slug('Prod EU')).not.toBe(slug('prod eu'));
  });
});
