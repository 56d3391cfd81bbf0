/**
 * Project files are capped in bytes, YAML nodes and alias expansions: a file over a cap is one
 * clear problem naming the file and the cap, and nothing runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_FILE_LIMITS } from '../../src/pipeline/parse.js';
import { createBareRepo, git, tempDir, testGitEnv } from '../support/repos.js';
import { runGantry } from '../support/cli.js';

const PROJECT = `project: echo
warehouses:
  - name: echo
    subscriptions:
      - image: {repoURL: ghcr.io/acme/echo}
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    promotionTemplate:
      steps:
        - uses: yaml-update
          config:
            path: env/dev/values.yaml
            updates: [{key: image.tag, value: '1.0.0'}]
`;

describe('project file caps', () => {
  const tmp = tempDir();
  const env = { ...testGitEnv(tmp.path), GANTRY_CACHE_DIR: join(tmp.path, 'cache') };
  afterAll(() => tmp.cleanup());

  let n = 0;
  const lint = async (text: string) => {
    const dir = join(tmp.path, `repo${n++}`);
    mkdirSync(join(dir, '.gantry'), { recursive: true });
    git(dir, ['init', '-q', '-b', 'main'], env);
    writeFileSync(join(dir, '.gantry/echo.yaml'), text);
    return runGantry(['lint', '--repo', dir], env);
  };

  test('the caps leave room for real files', async () => {
    expect(await lint(PROJECT)).toEqual({ code: 0, out: '', err: 'ok: 1 project (echo)\n' });
  });

  test(`a file over ${PROJECT_FILE_LIMITS.bytes} bytes is not read: one problem naming the file and the cap`, async () => {
    const padding = `# ${'x'.repeat(100)}\n`.repeat(11_000);
    const text = PROJECT + padding;
    const r = await lint(text);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `.gantry/echo.yaml:1:1: the file is ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, over gantry's cap of 1,048,576 bytes (1 MiB) for a project file: split it, one project per file\n`,
    );
  });

  test(`a file of more than ${PROJECT_FILE_LIMITS.nodes} YAML nodes is refused`, async () => {
    const text = `${PROJECT}    vars:\n${'      - {name: v, value: x}\n'.repeat(20_000)}`;
    expect(Buffer.byteLength(text)).toBeLessThan(PROJECT_FILE_LIMITS.bytes);
    const r = await lint(text);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      `.gantry/echo.yaml:1:1: the file holds more than 50,000 YAML nodes, gantry's cap for a project file: split it, one project per file\n`,
    );
  });

  test('an alias bomb is refused before it expands, naming the cap', async () => {
    let bomb = '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++)
      bomb += `  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const r = await lint(`${PROJECT}x-anchors:\n${bomb}`);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      /^\.gantry\/echo\.yaml:1:1: cannot read YAML: its aliases \(\*name\) expand beyond gantry's cap of 1,000 alias expansions for a project file/,
    );
  });

  test('the same caps apply to files read from the remote', async () => {
    const bare = createBareRepo(tmp.path, 'remote', {
      '.gantry/echo.yaml': PROJECT + `# ${'y'.repeat(100)}\n`.repeat(11_000),
    });
    const r = await runGantry(['get', 'stages', '--repo', `file://${bare}`], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `.gantry/echo.yaml:1:1: the file is ${(PROJECT.length + 103 * 11_000).toLocaleString('en-US')} bytes, over gantry's cap`,
    );
  });
});
