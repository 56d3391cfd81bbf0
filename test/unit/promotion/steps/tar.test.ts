import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PromotionStep } from '../../../../src/pipeline/types.js';
import { runSteps } from '../../../../src/promotion/steps/engine.js';
import { defaultRegistry } from '../../../../src/promotion/steps/registry.js';
import { tar } from '../../../../src/promotion/steps/tar.js';
import {
  END_OF_ARCHIVE,
  encodeEntry,
  readTar,
  type TarEntry,
} from '../../../../src/promotion/steps/tar-format.js';
import { untar } from '../../../../src/promotion/steps/untar.js';
import { ConfigError } from '../../../../src/util/errors.js';
import { realTempDir, stepContext, stepFreight } from '../../../support/steps.js';

let wt: string;
let outside: string;
let cleanup: () => void;

beforeEach(() => {
  const t = realTempDir('gantry-tar-');
  cleanup = t.cleanup;
  wt = path.join(t.dir, 'wt');
  outside = path.join(t.dir, 'outside');
  mkdirSync(wt);
  mkdirSync(outside);
});
afterEach(() => cleanup());

const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
  writeFileSync(path.join(wt, rel), text);
};
const read = (rel: string) => readFileSync(path.join(wt, rel), 'utf8');
/** What GNU tar lists in an archive, sorted. */
const gnuList = (rel: string) =>
  execFileSync('tar', ['-tf', path.join(wt, rel)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .sort();

/** Every path under `rel`, relative to it, sorted. */
function tree(rel: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, prefix: string) => {
    for (const name of readdirSync(abs).sort()) {
      const p = prefix ? `${prefix}/${name}` : name;
      out.push(p);
      const full = path.join(abs, name);
      if (lstatSync(full).isDirectory()) walk(full, p);
    }
  };
  walk(path.join(wt, rel), '');
  return out;
}

function archive(entries: (Partial<TarEntry> & Pick<TarEntry, 'name' | 'kind'>)[]): Buffer {
  return Buffer.concat([
    ...entries.flatMap((e) =>
      encodeEntry({ mode: 0o644, mtime: 0, linkname: '', ...e, data: e.data ?? Buffer.alloc(0) }),
    ),
    END_OF_ARCHIVE,
  ]);
}

function sourceCode() {
  write('source-code/app.yaml', 'replicas: 2\n');
  write('source-code/temp/scratch.txt', 'x');
  write('source-code/.DS_Store', 'junk');
  write('source-code/sub/dir/values.yaml', 'a: 1\n');
}

describe('tar', () => {
  test("Kargo's gzip example: GNU tar reads the archive, contents relative to inPath", async () => {
    sourceCode();
    const r = await tar.run(
      { inPath: './source-code', outPath: './artifacts/bundle.tar.gz', gzip: true },
      stepContext(wt),
    );
    const bytes = readFileSync(path.join(wt, 'artifacts/bundle.tar.gz'));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gnuList('artifacts/bundle.tar.gz')).toEqual([
      '.DS_Store',
      'app.yaml',
      'sub/',
      'sub/dir/',
      'sub/dir/values.yaml',
      'temp/',
      'temp/scratch.txt',
    ]);
    expect(r.changed).toEqual(['artifacts/bundle.tar.gz']);
    const again = await tar.run(
      { inPath: './source-code', outPath: './artifacts/bundle.tar.gz', gzip: true },
      stepContext(wt),
    );
    expect(again.changed).toEqual([]);
    mkdirSync(path.join(wt, 'x'));
    execFileSync('tar', [
      '-xzf',
      path.join(wt, 'artifacts/bundle.tar.gz'),
      '-C',
      path.join(wt, 'x'),
    ]);
    expect(read('x/sub/dir/values.yaml')).toBe('a: 1\n');
  });

  test("Kargo's uncompressed and ignore examples", async () => {
    sourceCode();
    await tar.run(
      { inPath: './source-code', outPath: './artifacts/bundle.tar', gzip: false },
      stepContext(wt),
    );
    expect(readFileSync(path.join(wt, 'artifacts/bundle.tar')).subarray(257, 262).toString()).toBe(
      'ustar',
    );
    await tar.run(
      {
        inPath: './source-code',
        outPath: './artifacts/bundle.tar.gz',
        gzip: true,
        ignore: 'temp/\n.DS_Store\n',
      },
      stepContext(wt),
    );
    expect(gnuList('artifacts/bundle.tar.gz')).toEqual([
      'app.yaml',
      'sub/',
      'sub/dir/',
      'sub/dir/values.yaml',
    ]);
  });

  test('a single file is archived under its name; long names and links survive the round trip', async () => {
    write('one.txt', 'hello');
    await tar.run({ inPath: 'one.txt', outPath: 'one.tar' }, stepContext(wt));
    expect(gnuList('one.tar')).toEqual(['one.txt']);

    const long = `${'d'.repeat(120)}/${'f'.repeat(120)}.yaml`;
    write(`src/${long}`, 'deep: true\n');
    symlinkSync('one.txt', path.join(wt, 'src', 'link'));
    await tar.run({ inPath: 'src', outPath: 'src.tar' }, stepContext(wt));
    expect(gnuList('src.tar')).toContain(long);
    const entries = [...readTar(readFileSync(path.join(wt, 'src.tar')), 'x')];
    expect(entries.find((e) => e.name === 'link')).toMatchObject({
      kind: 'symlink',
      linkname: 'one.txt',
    });
    expect(entries.find((e) => e.name === long)?.data.toString()).toBe('deep: true\n');
  });

  test('bad input and paths out of the checkout: errors naming the field, nothing written', async () => {
    symlinkSync(outside, path.join(wt, 'out'));
    writeFileSync(path.join(outside, 'secret'), 's');
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [
        { inPath: 'nope', outPath: 'a.tar' },
        'tar: config.inPath: "nope": no such file or directory',
      ],
      [{ outPath: 'a.tar' }, 'tar: inPath is required'],
      [
        { inPath: '.', outPath: 'a.tar', gzip: 'yes' },
        'tar: gzip must be true or false, got "yes"',
      ],
      [{ inPath: '../outside', outPath: 'a.tar' }, /tar: inPath .*leads outside the checkout/],
      [
        { inPath: 'out/secret', outPath: 'a.tar' },
        /tar: inPath .*out is a symbolic link that leads outside/,
      ],
      [
        { inPath: '.', outPath: 'out/a.tar' },
        /tar: outPath .*out is a symbolic link that leads outside/,
      ],
      [{ inPath: '.', outPath: '.git/a.tar' }, /may not touch the \.git directory/],
    ];
    for (const [config, message] of cases) {
      await expect(tar.run(config, stepContext(wt))).rejects.toThrow(message);
    }
    expect(readdirSync(wt)).toEqual(['out']);
    expect(readdirSync(outside)).toEqual(['secret']);
  });
});

describe('untar', () => {
  function gnuTarball(rel: string) {
    write('pkg/my-chart/Chart.yaml', 'name: my-chart\nversion: 1.0.0\n');
    write('pkg/my-chart/templates/deploy.yaml', 'kind: Deployment\n');
    write('pkg/my-chart/debug.log', 'noise');
    write('pkg/my-chart/temp/x', 'noise');
    mkdirSync(path.dirname(path.join(wt, rel)), { recursive: true });
    execFileSync('tar', ['-czf', path.join(wt, rel), '-C', path.join(wt, 'pkg'), 'my-chart']);
  }

  test("Kargo's basic example, on an archive GNU tar made; outPath replaced whole", async () => {
    gnuTarball('artifacts/bundle.tar.gz');
    write('extracted/stale.txt', 'old');
    const r = await untar.run(
      { inPath: './artifacts/bundle.tar.gz', outPath: './extracted' },
      stepContext(wt),
    );
    expect(tree('extracted')).toEqual([
      'my-chart',
      'my-chart/Chart.yaml',
      'my-chart/debug.log',
      'my-chart/temp',
      'my-chart/temp/x',
      'my-chart/templates',
      'my-chart/templates/deploy.yaml',
    ]);
    expect(r.changed).toEqual(['extracted']);
    // No temporary directory left in the checkout.
    expect(readdirSync(wt).sort()).toEqual(['artifacts', 'extracted', 'pkg']);
  });

  test('a v7-style directory (a file entry whose name ends in /) is a directory', () => {
    const entries = [...readTar(archive([{ name: 'd/', kind: 'file' }]), 'x')];
    expect(entries.map((e) => [e.name, e.kind])).toEqual([['d', 'dir']]);
  });

  test('an archive of `.` (entries `./`, `./a`), as `tar -C dir .` makes, extracts under outPath', async () => {
    write('pkg/my-chart/Chart.yaml', 'name: my-chart\n');
    execFileSync('tar', ['-czf', path.join(wt, 'dot.tgz'), '-C', path.join(wt, 'pkg'), '.']);
    await untar.run({ inPath: 'dot.tgz', outPath: 'x' }, stepContext(wt));
    expect(tree('x')).toEqual(['my-chart', 'my-chart/Chart.yaml']);
  });

  test("Kargo's stripComponents and ignore examples", async () => {
    gnuTarball('artifacts/bundle.tar.gz');
    await untar.run(
      { inPath: './artifacts/bundle.tar.gz', outPath: './extracted', stripComponents: 1 },
      stepContext(wt),
    );
    expect(read('extracted/Chart.yaml')).toContain('my-chart');
    await untar.run(
      {
        inPath: './artifacts/bundle.tar.gz',
        outPath: './extracted',
        stripComponents: 1,
        ignore: '*.log\ntemp/\n.DS_Store\n',
      },
      stepContext(wt),
    );
    expect(tree('extracted')).toEqual(['Chart.yaml', 'templates', 'templates/deploy.yaml']);
  });

  test('an uncompressed archive, pax long names, modes and internal links', async () => {
    const long = `${'d'.repeat(150)}/${'f'.repeat(150)}`;
    writeFileSync(
      path.join(wt, 'a.tar'),
      archive([
        { name: 'bin', kind: 'dir', mode: 0o755 },
        { name: 'bin/run.sh', kind: 'file', mode: 0o4755, data: Buffer.from('#!/bin/sh\n') },
        { name: long, kind: 'file', data: Buffer.from('long') },
        { name: 'bin/alias', kind: 'symlink', linkname: 'run.sh' },
        { name: 'dev', kind: 'other' },
      ]),
    );
    await untar.run({ inPath: 'a.tar', outPath: 'x' }, stepContext(wt));
    expect(read(`x/${long}`)).toBe('long');
    expect(statSync(path.join(wt, 'x/bin/run.sh')).mode & 0o7777).toBe(0o755);
    expect(readlinkSync(path.join(wt, 'x/bin/alias'))).toBe('run.sh');
    expect(existsSync(path.join(wt, 'x/dev'))).toBe(false);
  });

  test.each([
    [[{ name: '../evil', kind: 'file' as const }], 'entry "../evil" climbs out with ".."'],
    [[{ name: 'ok/../../evil', kind: 'file' as const }], 'climbs out with ".."'],
    [[{ name: '/etc/evil', kind: 'file' as const }], 'entry "/etc/evil" has an absolute path'],
    [
      [{ name: 'sub/.git/hooks/post-checkout', kind: 'file' as const }],
      'is inside a .git directory',
    ],
    [
      [{ name: 'l', kind: 'symlink' as const, linkname: '/etc' }],
      'entry "l" is a symbolic link to "/etc", outside "x"',
    ],
    [
      [{ name: 'd/l', kind: 'symlink' as const, linkname: '../../outside' }],
      'entry "d/l" is a symbolic link to "../../outside", outside "x"',
    ],
    [
      [
        { name: 'a', kind: 'symlink' as const, linkname: '.' },
        { name: 'b', kind: 'symlink' as const, linkname: 'a/..' },
      ],
      'entry "b" is a symbolic link that leads outside "x"',
    ],
    [
      [
        { name: 'a', kind: 'symlink' as const, linkname: '.' },
        { name: 'b', kind: 'symlink' as const, linkname: 'a/../nothing-here' },
      ],
      'entry "b" is a symbolic link that leads outside "x"',
    ],
  ])(
    'a hostile archive %j fails, naming the entry; nothing extracted',
    async (entries, message) => {
      writeFileSync(path.join(wt, 'evil.tar.gz'), gzipSync(archive(entries)));
      write('x/kept.txt', 'kept');
      const err = await untar
        .run({ inPath: 'evil.tar.gz', outPath: 'x' }, stepContext(wt))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/^untar: inPath "evil\.tar\.gz": entry /);
      expect((err as Error).message).toContain(message);
      expect((err as Error).message).toMatch(/nothing was extracted$/);
      expect(read('x/kept.txt')).toBe('kept');
      expect(readdirSync(wt).sort()).toEqual(['evil.tar.gz', 'x']);
      expect(readdirSync(outside)).toEqual([]);
    },
  );

  test('a file written through a link an earlier entry made stays inside (the link is replaced)', async () => {
    writeFileSync(
      path.join(wt, 'a.tar'),
      archive([
        { name: 'l', kind: 'symlink', linkname: 'real' },
        { name: 'real', kind: 'dir' },
        { name: 'l/f', kind: 'file', data: Buffer.from('through') },
      ]),
    );
    await untar.run({ inPath: 'a.tar', outPath: 'x' }, stepContext(wt));
    expect(read('x/real/f')).toBe('through');
  });

  test('bad input: errors naming the field; outPath out of the checkout refused', async () => {
    write('not.tar', 'this is not an archive at all'.repeat(30));
    symlinkSync(outside, path.join(wt, 'out'));
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ inPath: 'none.tgz', outPath: 'x' }, 'untar: config.inPath: "none.tgz": no such file'],
      [
        { inPath: 'not.tar', outPath: 'x' },
        'untar: inPath "not.tar": not a tar archive (bad header at byte 0)',
      ],
      [
        { inPath: 'not.tar', outPath: 'x', stripComponents: -1 },
        'untar: config.stripComponents: must be a whole number, 0 or more, got -1',
      ],
      [
        { inPath: 'not.tar', outPath: '.' },
        'untar: config.outPath: would replace the whole checkout',
      ],
      [
        { inPath: 'not.tar', outPath: 'out/x' },
        /untar: outPath .*out is a symbolic link that leads outside/,
      ],
      [{ inPath: 'not.tar', outPath: '../x' }, /untar: outPath .*leads outside the checkout/],
    ];
    for (const [config, message] of cases) {
      await expect(untar.run(config, stepContext(wt))).rejects.toThrow(message);
    }
    writeFileSync(
      path.join(wt, 'cut.tar'),
      archive([{ name: 'f', kind: 'file', data: Buffer.alloc(2000) }]).subarray(0, 1024),
    );
    await expect(untar.run({ inPath: 'cut.tar', outPath: 'x' }, stepContext(wt))).rejects.toThrow(
      'untar: inPath "cut.tar": the archive is truncated',
    );
    expect(readdirSync(wt).sort()).toEqual(['cut.tar', 'not.tar', 'out']);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("Kargo's http-download + untar example: a chart archive downloaded and unpacked", () => {
  let server: Server;
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('the chart lands in charts/<name>', async () => {
    write('pkg/my-helm-chart/Chart.yaml', 'name: my-helm-chart\nversion: 0.3.1\n');
    const tgz = execFileSync('tar', ['-czf', '-', '-C', path.join(wt, 'pkg'), 'my-helm-chart']);
    let accept: string | undefined;
    server = createServer((req, res) => {
      accept = req.headers.accept;
      res.writeHead(req.url === '/my-helm-chart-0.3.1.tgz' ? 200 : 404);
      res.end(tgz);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const f = stepFreight({ charts: [{ repoURL: base, name: 'my-helm-chart', version: '0.3.1' }] });
    const step = (uses: string, as: string, config: Record<string, unknown>): PromotionStep => ({
      uses,
      as,
      config,
      continueOnError: false,
      vars: [],
    });
    await runSteps(
      {
        mode: 'direct',
        vars: [
          { name: 'chartRepo', value: base },
          { name: 'chartName', value: 'my-helm-chart' },
        ],
        steps: [
          step('http-download', 'fetch-chart', {
            url: `${base}/\${{ vars.chartName }}-\${{ chartFrom(vars.chartRepo, vars.chartName).Version }}.tgz`,
            outPath: 'charts/${{ vars.chartName }}.tgz',
            headers: [{ name: 'Accept', value: 'application/gzip' }],
            allowOverwrite: true,
          }),
          step('untar', 'extract-chart', {
            inPath: 'charts/${{ vars.chartName }}.tgz',
            outPath: 'charts/${{ vars.chartName }}',
          }),
        ],
      },
      {
        worktree: wt,
        project: 'echo',
        stage: 'dev',
        freight: f,
        freightCollection: [f],
        fetch,
        log: () => undefined,
      },
      defaultRegistry(),
    );
    expect(accept).toBe('application/gzip');
    expect(read('charts/my-helm-chart/my-helm-chart/Chart.yaml')).toContain('version: 0.3.1');
  });
});
