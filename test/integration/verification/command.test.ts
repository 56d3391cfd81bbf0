/**
 * The command provider with real `/bin/sh` processes, through the runner: exit status without
 * conditions, output for conditions, the environment, working directories, timeouts that kill the
 * whole process group, and the output cap.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationMetric } from '../../../src/pipeline/types.js';
import {
  command as provider,
  MAX_OUTPUT_BYTES,
} from '../../../src/verification/providers/command.js';
import { analyze, metric as providerMetric, type AnalyzeOptions } from '../../support/analysis.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gantry-cmd-test-'));
  dirs.push(d);
  return d;
}

/** A command metric named "smoke". */
const metric = (config: Record<string, unknown>, over: Partial<VerificationMetric> = {}) =>
  providerMetric('command', config, { name: 'smoke', ...over });

/** Through the runner, for the promotion commit in staging, with the PATH to find commands. */
const analyse = (metrics: VerificationMetric[], more: AnalyzeOptions = {}) =>
  analyze(metrics, {
    target: { stage: 'staging', freightAlias: 'brave-heron', commit: 'd'.repeat(40) },
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    ...more,
  });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('command provider', () => {
  it('without conditions the exit status decides: 0 Successful, anything else Failed', async () => {
    const ok = await analyse([metric({ run: 'true' })]);
    expect(ok.phase).toBe('Successful');
    expect(ok.metrics[0]!.measurements[0]!.value).toBe('exit status 0');
    const bad = await analyse([
      metric({ run: 'echo checking; echo "pods not ready" >&2; exit 3' }),
    ]);
    expect(bad.phase).toBe('Failed');
    expect(bad.metrics[0]!.measurements[0]).toMatchObject({
      phase: 'Failed',
      value: 'exit status 3: pods not ready',
      message: 'exit status 3: pods not ready',
    });
    expect(bad.message).toBe(
      'metric "smoke" assessed Failed: failed (1) > failureLimit (0): exit status 3: pods not ready',
    );
  });

  it('conditions see exitCode, stdout, stderr and stdout as JSON', async () => {
    const res = await analyse([
      metric(
        { run: `printf '{"ready": true, "replicas": 3}'; echo warn >&2` },
        {
          successCondition:
            'result.exitCode == 0 && result.json.ready && result.json.replicas >= 3 && result.stderr == "warn\\n"',
        },
      ),
      metric(
        { run: 'echo not json' },
        {
          name: 'text',
          successCondition: 'result.json == nil && trim(result.stdout) == "not json"',
        },
      ),
      metric({ run: 'exit 1' }, { name: 'inverted', successCondition: 'result.exitCode == 1' }),
    ]);
    expect(res.metrics.map((m) => [m.name, m.phase])).toEqual([
      ['smoke', 'Successful'],
      ['text', 'Successful'],
      ['inverted', 'Successful'],
    ]);
  });

  it('the environment: what the adapter passes, GANTRY_* and env, with ${{ }} rendered', async () => {
    const res = await analyse(
      [
        metric(
          {
            run: 'printf "%s|%s|%s|%s|%s|%s|%s" "$INHERITED" "$GANTRY_PROJECT" "$GANTRY_STAGE" "$GANTRY_FREIGHT_ALIAS" "$GANTRY_COMMIT" "$TARGET" "$PORT"',
            env: { TARGET: 'https://${{ ctx.stage }}.acme.dev', PORT: 8080 },
          },
          {
            successCondition: `result.stdout == "from-the-step|echo|staging|brave-heron|${'d'.repeat(40)}|https://staging.acme.dev|8080"`,
          },
        ),
      ],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', INHERITED: 'from-the-step' } },
    );
    expect(res.metrics[0]!.measurements[0]!.message).toMatch(/^successCondition .* is true$/);
    expect(res.phase).toBe('Successful');
  });

  it('runs in a fresh temporary directory, removed afterwards, or in dir', async () => {
    const outside = tempDir();
    const res = await analyse([
      metric(
        { run: `pwd > ${outside}/pwd.txt; touch made-here; ls` },
        { successCondition: 'result.stdout == "made-here\\n"' },
      ),
    ]);
    expect(res.phase).toBe('Successful');
    const pwd = readFileSync(join(outside, 'pwd.txt'), 'utf8').trim();
    expect(pwd).toMatch(/gantry-verify-/);
    expect(existsSync(pwd)).toBe(false);

    const dir = tempDir();
    await analyse([metric({ run: 'echo hi > out.txt', dir })]);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('hi\n');
  });

  it('a command that runs out of time is an Error, and its children are killed too', async () => {
    const dir = tempDir();
    const res = await analyse([
      metric({ run: 'sleep 30 & echo $! > child.pid; wait', dir, timeout: '300ms' }),
    ]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toBe('command timed out after 300ms');
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    expect(await eventually(() => !alive(child))).toBe(true);
  });

  it("the analysis' own timeout stops a running command", async () => {
    const dir = tempDir();
    const started = Date.now();
    const res = await analyse([metric({ run: 'echo $$ > sh.pid; sleep 30', dir })], {
      timeoutMs: 400,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.phase).toBe('Error');
    expect(res.message).toContain('verification timed out after 400ms');
    const sh = Number(readFileSync(join(dir, 'sh.pid'), 'utf8'));
    expect(await eventually(() => !alive(sh))).toBe(true);
  });

  it('keeps at most 1 MiB of output', async () => {
    const res = await analyse([
      metric(
        { run: 'head -c 3000000 /dev/zero | tr "\\0" x' },
        { successCondition: `len(result.stdout) == ${MAX_OUTPUT_BYTES}` },
      ),
    ]);
    expect(res.phase).toBe('Successful');
  });

  it('a command that cannot start is an Error', async () => {
    const res = await analyse([metric({ run: 'true', dir: '/nonexistent/gantry' })]);
    expect(res.phase).toBe('Error');
    expect(res.metrics[0]!.measurements[0]!.message).toMatch(
      /^command could not start: spawn \/bin\/sh ENOENT/,
    );
  });

  it('parse: names the field at fault', () => {
    const where = 'verification metric "smoke": provider command';
    expect(() => provider.parse({}, where)).toThrow(`${where}: run: is required`);
    expect(() => provider.parse({ run: 'x', timeout: '5 minutes' }, where)).toThrow(
      `${where}: timeout: invalid duration "5 minutes"`,
    );
    expect(() => provider.parse({ run: 'x', env: { 'A-B': '1' } }, where)).toThrow(
      `${where}: env.A-B: variable name must be letters, digits and _`,
    );
    expect(() => provider.parse({ run: 'x', cmd: 'y' }, where)).toThrow(
      `${where}: cmd: is not a field of the command provider`,
    );
    expect(
      provider.parse({ run: 'x', timeout: '2m', env: [{ name: 'A', value: 1 }] }, where),
    ).toEqual({
      run: 'x',
      timeoutMs: 120_000,
      env: { A: '1' },
    });
  });
});
