/**
 * What image discovery loads before any import(): not the RE2 engine (only a subscription with tag
 * regexes loads it), not Helm or git discovery (loaded when such a subscription runs), and
 * semver's class rather than its index of every range and function.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The static value-import closure of `file`: modules of this repository and packages. */
function closure(file: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(
      /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*'([^']+)';/gms,
    )) {
      const names = (m[2] ?? '').trim();
      const typeOnly =
        Boolean(m[1]) ||
        (/^\{[^}]*\}$/s.test(names) &&
          names
            .replace(/[{}\s]/g, '')
            .split(',')
            .filter(Boolean)
            .every((n) => n.startsWith('type')));
      const spec = m[3] as string;
      if (typeOnly || spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const ts = resolve(dirname(f), spec.replace(/\.js$/, '.ts'));
      if (existsSync(ts)) visit(ts);
    }
  };
  visit(resolve(ROOT, file));
  return { modules: [...seen].map((f) => relative(ROOT, f)), packages: [...packages].sort() };
}

test('the discovery sources load image discovery, and neither RE2 nor Helm nor git discovery', () => {
  const { modules, packages } = closure('src/discovery/sources.ts');
  expect(modules).toContain('src/discovery/images.ts');
  expect(packages).not.toContain('re2js');
  expect(packages).not.toContain('semver');
  expect(modules).not.toContain('src/util/regex.ts');
  expect(modules).not.toContain('src/discovery/helm.ts');
  expect(modules).not.toContain('src/discovery/git.ts');
});

test('a tag filter with regexes still compiles them (RE2, loaded on demand)', () => {
  expect(closure('src/discovery/tag-filter.ts').packages).toContain('re2js');
});
