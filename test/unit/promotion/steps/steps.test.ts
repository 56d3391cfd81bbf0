import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { composeOutput } from '../../../../src/promotion/steps/compose-output.js';
import { copy, isIgnored, parseIgnore } from '../../../../src/promotion/steps/copy.js';
import { deleteStep } from '../../../../src/promotion/steps/delete.js';
import { gitCommit, gitPush } from '../../../../src/promotion/steps/git.js';
import { jsonUpdate } from '../../../../src/promotion/steps/json-update.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { yamlUpdate } from '../../../../src/promotion/steps/yaml-update.js';
import { ConfigError } from '../../../../src/util/errors.js';
import { realTempDir as tempDir, stepContext } from '../../../support/steps.js';

let wt: string;
let outside: string;
let cleanup: () => void;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  wt = path.join(t.dir, 'wt');
  outside = path.join(t.dir, 'outside');
  mkdirSync(path.join(wt, 'env', 'dev'), { recursive: true });
  mkdirSync(outside);
});
afterEach(() => cleanup());

const read = (rel: string) => readFileSync(path.join(wt, rel), 'utf8');
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
  writeFileSync(path.join(wt, rel), text);
};

describe('yaml-update', () => {
  test('sets values keeping comments, reports changes and Kargo commit message', async () => {
    write('env/dev/values.yaml', '# values\nimage:\n  tag: 1.0.0 # the tag\n  repo: echo\n');
    const r = await yamlUpdate.run(
      { path: './env/dev/values.yaml', updates: [{ key: 'image.tag', value: '1.2.0' }] },
      stepContext(wt),
    );
    expect(read('env/dev/values.yaml')).toBe(
      '# values\nimage:\n  tag: 1.2.0 # the tag\n  repo: echo\n',
    );
    expect(r.changed).toEqual(['env/dev/values.yaml']);
    expect(r.summary).toEqual(['- env/dev/values.yaml: image.tag 1.0.0 → 1.2.0']);
    expect(r.outputs?.['commitMessage']).toBe('Updated env/dev/values.yaml\n\n- image.tag: 1.2.0');
  });

  test('a multi-document file: refused without `document`, the chosen document edited with it', async () => {
    write('all.yaml', 'kind: Service\nname: echo\n---\nkind: Deployment\nimage:\n  tag: 1.0.0\n');
    const config = { path: 'all.yaml', updates: [{ key: 'image.tag', value: '1.2.0' }] };
    await expect(yamlUpdate.run(config, stepContext(wt))).rejects.toThrow(
      /holds 2 YAML documents \(the second starts at line 3\).*say which with `document`/,
    );
    const r = await yamlUpdate.run({ ...config, document: 1 }, stepContext(wt));
    expect(read('all.yaml')).toBe(
      'kind: Service\nname: echo\n---\nkind: Deployment\nimage:\n  tag: 1.2.0\n',
    );
    expect(r.summary).toEqual(['- all.yaml: image.tag 1.0.0 → 1.2.0']);
    await expect(yamlUpdate.run({ ...config, document: -1 }, stepContext(wt))).rejects.toThrow(
      'yaml-update: config.document must be a document index (0 for the first), not -1',
    );
  });

  test('no change: nothing reported, file untouched', async () => {
    write('v.yaml', 'a: x\n');
    const r = await yamlUpdate.run(
      { path: 'v.yaml', updates: [{ key: 'a', value: 'x' }] },
      stepContext(wt),
    );
    expect(r.changed).toEqual([]);
    expect(r.summary).toEqual([]);
  });

  test('missing file names the step and the file', async () => {
    await expect(
      yamlUpdate.run(
        { path: 'env/prod/values.yaml', updates: [{ key: 'a', value: 1 }] },
        stepContext(wt),
      ),
    ).rejects.toThrow(/yaml-update: path "env\/prod\/values.yaml": no such file/);
  });

  test('config validation: missing updates, unknown field with suggestion, path outside', async () => {
    write('v.yaml', 'a: 1\n');
    await expect(yamlUpdate.run({ path: 'v.yaml', updates: [] }, stepContext(wt))).rejects.toThrow(
      /updates must be a list/,
    );
    await expect(
      yamlUpdate.run({ path: 'v.yaml', update: [{ key: 'a', value: 1 }] }, stepContext(wt)),
    ).rejects.toThrow(/unknown field "update" \(did you mean "updates"\?\)/);
    await expect(
      yamlUpdate.run({ path: 'v.yaml', updates: [{ key: 'a' }] }, stepContext(wt)),
    ).rejects.toThrow(/updates\[0\]\.value is required/);
    await expect(
      yamlUpdate.run(
        { path: '../outside/v.yaml', updates: [{ key: 'a', value: 1 }] },
        stepContext(wt),
      ),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  test('refuses to write through a symlink that leads outside', async () => {
    writeFileSync(path.join(outside, 'v.yaml'), 'a: 1\n');
    symlinkSync(path.join(outside, 'v.yaml'), path.join(wt, 'v.yaml'));
    await expect(
      yamlUpdate.run({ path: 'v.yaml', updates: [{ key: 'a', value: 2 }] }, stepContext(wt)),
    ).rejects.toThrow(/symbolic link that leads outside/);
    expect(readFileSync(path.join(outside, 'v.yaml'), 'utf8')).toBe('a: 1\n');
  });
});

describe('json-update', () => {
  test('sets values format-preserving', async () => {
    write('config.json', '{\n  "image": {\n    "tag": "1.0.0"\n  },\n  "replicas": 1\n}\n');
    const r = await jsonUpdate.run(
      {
        path: 'config.json',
        updates: [
          { key: 'image.tag', value: '1.2.0' },
          { key: 'replicas', value: 3 },
        ],
      },
      stepContext(wt),
    );
    expect(read('config.json')).toBe(
      '{\n  "image": {\n    "tag": "1.2.0"\n  },\n  "replicas": 3\n}\n',
    );
    expect(r.changed).toEqual(['config.json']);
    expect(r.summary).toEqual([
      '- config.json: image.tag 1.0.0 → 1.2.0',
      '- config.json: replicas 1 → 3',
    ]);
    expect(r.outputs?.['commitMessage']).toContain('Updated config.json');
  });

  test('the summary lists only values that changed, and new keys without an old value', async () => {
    write('config.json', '{"image": {"tag": "1.2.0"}}\n');
    const r = await jsonUpdate.run(
      {
        path: 'config.json',
        updates: [
          { key: 'image.tag', value: '1.2.0' },
          { key: 'image.digest', value: 'sha256:abc' },
        ],
      },
      stepContext(wt),
    );
    expect(r.summary).toEqual(['- config.json: image.digest → sha256:abc']);
  });

  test('missing file is an error naming the file', async () => {
    await expect(
      jsonUpdate.run({ path: 'nope.json', updates: [{ key: 'a', value: 1 }] }, stepContext(wt)),
    ).rejects.toThrow(/json-update: path "nope.json": no such file/);
  });
});

describe('copy', () => {
  test('copies a file, creating parent directories', async () => {
    write('base/values.yaml', 'a: 1\n');
    const r = await copy.run(
      { inPath: './base/values.yaml', outPath: './env/prod/values.yaml' },
      stepContext(wt),
    );
    expect(read('env/prod/values.yaml')).toBe('a: 1\n');
    expect(r.changed).toEqual(['env/prod/values.yaml']);
  });

  test('copies a directory recursively, merging, skipping symlinks, .git and ignored files', async () => {
    write('src/a.yaml', 'a\n');
    write('src/sub/b.yaml', 'b\n');
    write('src/sub/skip.tmp', 't\n');
    write('src/.git/config', 'g\n');
    write('src/testdata/x', 'x\n');
    symlinkSync('a.yaml', path.join(wt, 'src', 'link.yaml'));
    write('out/existing.yaml', 'keep\n');
    write('out/a.yaml', 'a\n');
    chmodSync(path.join(wt, 'src/sub/b.yaml'), 0o755);
    const r = await copy.run(
      { inPath: 'src', outPath: 'out', ignore: '# comment\ntestdata/\n*.tmp\n' },
      stepContext(wt),
    );
    expect(r.changed).toEqual(['out/sub/b.yaml']);
    expect(read('out/existing.yaml')).toBe('keep\n');
    expect(read('out/sub/b.yaml')).toBe('b\n');
    expect(statSync(path.join(wt, 'out/sub/b.yaml')).mode & 0o777).toBe(0o755);
    expect(existsSync(path.join(wt, 'out/sub/skip.tmp'))).toBe(false);
    expect(existsSync(path.join(wt, 'out/.git'))).toBe(false);
    expect(existsSync(path.join(wt, 'out/testdata'))).toBe(false);
    expect(existsSync(path.join(wt, 'out/link.yaml'))).toBe(false);
  });

  test('refuses a destination link that leads outside, inside a copied tree', async () => {
    write('src/sub/f.yaml', 'f\n');
    mkdirSync(path.join(wt, 'out'));
    symlinkSync(outside, path.join(wt, 'out', 'sub'));
    await expect(copy.run({ inPath: 'src', outPath: 'out' }, stepContext(wt))).rejects.toThrow(
      /out\/sub is a symbolic link that leads outside/,
    );
    expect(existsSync(path.join(outside, 'f.yaml'))).toBe(false);
  });

  test('refuses sources outside and missing sources', async () => {
    await expect(copy.run({ inPath: '../outside', outPath: 'x' }, stepContext(wt))).rejects.toThrow(
      /copy: inPath "..\/outside": leads outside/,
    );
    await expect(copy.run({ inPath: 'nope', outPath: 'x' }, stepContext(wt))).rejects.toThrow(
      /copy: inPath "nope": no such file or directory/,
    );
    await expect(copy.run({ inPath: 'nope' }, stepContext(wt))).rejects.toThrow(
      /copy: outPath is required/,
    );
  });

  test('ignore patterns: anchoring, negation, **', () => {
    const rules = parseIgnore('.git/\n/top.txt\n**/deep/*.log\n*.md\n!KEEP.md\n');
    expect(isIgnored(rules, '.git', true)).toBe(true);
    expect(isIgnored(rules, 'top.txt', false)).toBe(true);
    expect(isIgnored(rules, 'a/top.txt', false)).toBe(false);
    expect(isIgnored(rules, 'x/y/deep/z.log', false)).toBe(true);
    expect(isIgnored(rules, 'deep/z.log', false)).toBe(true);
    expect(isIgnored(rules, 'README.md', false)).toBe(true);
    expect(isIgnored(rules, 'docs/KEEP.md', false)).toBe(false);
  });

  test('ignore patterns: trailing spaces dropped unless escaped, [[:class:]], linear time', () => {
    expect(isIgnored(parseIgnore('a.txt   \n'), 'a.txt', false)).toBe(true);
    expect(isIgnored(parseIgnore('a\\ \n'), 'a ', false)).toBe(true);
    expect(isIgnored(parseIgnore('a\\    \n'), 'a ', false)).toBe(true);
    expect(isIgnored(parseIgnore('[[:digit:]].log\n'), '7.log', false)).toBe(true);
    const started = performance.now();
    // Quadratic for /\s+$/, exponential for a backtracking *a*a*a*…: RE2 and a loop are linear.
    const rules = parseIgnore(`x${' '.repeat(50_000)}y\n*${'a*'.repeat(12)}b\n`);
    expect(isIgnored(rules, `${'a'.repeat(5_000)}.txt`, false)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('delete', () => {
  test('deletes files and directories; missing paths skipped unless strict', async () => {
    write('a.yaml', 'a\n');
    write('dir/b.yaml', 'b\n');
    const r = await deleteStep.run({ paths: ['a.yaml', './dir/', 'missing'] }, stepContext(wt));
    expect(r.changed).toEqual(['a.yaml', 'dir']);
    expect(existsSync(path.join(wt, 'a.yaml'))).toBe(false);
    expect(existsSync(path.join(wt, 'dir'))).toBe(false);
    await expect(
      deleteStep.run({ path: 'missing', strict: true }, stepContext(wt)),
    ).rejects.toThrow(/delete: path "missing": no such file or directory/);
  });

  test('deletes a link itself, never its target outside', async () => {
    writeFileSync(path.join(outside, 'keep.yaml'), 'k\n');
    symlinkSync(path.join(outside, 'keep.yaml'), path.join(wt, 'link.yaml'));
    symlinkSync(outside, path.join(wt, 'linkdir'));
    await deleteStep.run({ path: 'link.yaml' }, stepContext(wt));
    await deleteStep.run({ path: 'linkdir' }, stepContext(wt));
    expect(existsSync(path.join(wt, 'link.yaml'))).toBe(false);
    expect(() => lstatSync(path.join(wt, 'linkdir'))).toThrow();
    expect(readFileSync(path.join(outside, 'keep.yaml'), 'utf8')).toBe('k\n');
    await expect(
      deleteStep.run({ path: 'linkdir2/../../outside' }, stepContext(wt)),
    ).rejects.toThrow(/leads outside/);
  });

  test('pathsAreGlobs: matches files and directories, never .git, strict when nothing matches', async () => {
    write('out/a.tmp', 'a\n');
    write('out/deep/b.tmp', 'b\n');
    write('out/keep.yaml', 'k\n');
    write('out/build/x', 'x\n');
    write('other/c.tmp', 'c\n');
    const r = await deleteStep.run(
      { paths: ['./out/**/*.tmp', './out/build/'], pathsAreGlobs: true },
      stepContext(wt),
    );
    expect(r.changed).toEqual(['out/a.tmp', 'out/deep/b.tmp', 'out/build']);
    expect(existsSync(path.join(wt, 'out/keep.yaml'))).toBe(true);
    expect(existsSync(path.join(wt, 'other/c.tmp'))).toBe(true);
    await expect(
      deleteStep.run({ path: 'out/*.nothing', pathsAreGlobs: true, strict: true }, stepContext(wt)),
    ).rejects.toThrow(/matches nothing/);
    symlinkSync(outside, path.join(wt, 'out', 'link'));
    writeFileSync(path.join(outside, 'z.tmp'), 'z\n');
    await deleteStep.run({ path: 'out/**/*.tmp', pathsAreGlobs: true }, stepContext(wt));
    expect(existsSync(path.join(outside, 'z.tmp'))).toBe(true);
  });

  test('config errors', async () => {
    await expect(deleteStep.run({}, stepContext(wt))).rejects.toThrow(
      /exactly one of path and paths/,
    );
    await expect(deleteStep.run({ path: '.' }, stepContext(wt))).rejects.toThrow(/whole checkout/);
    await expect(deleteStep.run({ path: '.git' }, stepContext(wt))).rejects.toThrow(/\.git/);
    await expect(
      deleteStep.run({ path: '../outside/*', pathsAreGlobs: true }, stepContext(wt)),
    ).rejects.toThrow(/leads outside/);
  });
});

describe('compose-output, and git steps without a workspace', () => {
  test('compose-output returns its config as outputs', async () => {
    const r = await composeOutput.run({ url: 'https://x/pull/1', n: 2 }, stepContext(wt));
    expect(r.outputs).toEqual({ url: 'https://x/pull/1', n: 2 });
  });

  test('without a git-clone workspace, git-push is refused and git-commit only gives the message', async () => {
    await expect(
      gitPush.run({ path: './out', targetBranch: 'stage/dev' }, stepContext(wt)),
    ).rejects.toThrow(/git-push works on a checkout that git-clone made/);
    const c = await gitCommit.run({ path: './out', message: 'hello' }, stepContext(wt));
    expect(c.outputs).toEqual({ message: 'hello' });
  });

  test('default registry has the Kargo names', () => {
    const names = [...defaultRegistry().keys()];
    for (const n of [
      'yaml-update',
      'json-update',
      'kustomize-set-image',
      'helm-update-chart',
      'copy',
      'delete',
      'compose-output',
      'git-clone',
      'git-clear',
      'git-commit',
      'git-push',
      'git-open-pr',
      'git-wait-for-pr',
      'git-merge-pr',
      'git-tag',
    ]) {
      expect(names).toContain(n);
    }
  });
});
