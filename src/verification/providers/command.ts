/**
 * The `command` provider (gantry's own; Argo Rollouts' nearest is the Kubernetes `job` metric):
 * one shell command per measurement, run with `/bin/sh -c` in the job.
 *
 * Fields: `run` (required, the script), `timeout` (a duration such as 2m; the metric's own
 * `timeout`, default 5m, applies anyway), `env` (a mapping of extra variables, or `[{name,
 * value}]`), `dir` (the working directory; default a fresh temporary directory, removed
 * afterwards; a relative path is taken from the job's working directory).
 *
 * The command inherits the environment the adapter passes in (the verify step's environment),
 * plus GANTRY_PROJECT, GANTRY_STAGE, GANTRY_FREIGHT, GANTRY_FREIGHT_ALIAS and GANTRY_COMMIT (when
 * known), plus `env`.
 *
 * `result` is `{exitCode, stdout, stderr, json}`: `json` is stdout parsed as JSON when it is JSON
 * (nil otherwise). stdout and stderr keep at most 1 MiB each. Without conditions exit status 0
 * is Successful and any other Failed; with conditions, they decide (`result.json.ready ==
 * true`). A command that cannot start, is killed by a signal or runs out of time is an Error;
 * when it is stopped the whole process group is killed (SIGTERM, then SIGKILL after 2s).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDuration } from '../../pipeline/duration.js';
import {
  checkConfig,
  fail,
  isRecord,
  optionalString,
  optionalTimeout,
  requiredString,
} from './fields.js';
import type { Measurement, ProviderContext, ProviderDefinition } from '../types.js';

const FIELDS = ['run', 'timeout', 'env', 'dir'] as const;

/** Most of stdout and of stderr a measurement keeps. */
export const MAX_OUTPUT_BYTES = 1024 * 1024;
/** Between SIGTERM and SIGKILL when a command is stopped. */
const KILL_GRACE_MS = 2000;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface CommandConfig {
  run: string;
  timeoutMs?: number;
  env: Record<string, string>;
  dir?: string;
}

function envOf(where: string, v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (at: string, name: unknown, value: unknown): void => {
    if (typeof name !== 'string' || !ENV_NAME.test(name)) {
      fail(where, at, `variable name must be letters, digits and _, got ${JSON.stringify(name)}`);
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      fail(where, at, 'must be a string');
    }
    out[name] = String(value);
  };
  if (v === undefined || v === null) return out;
  if (Array.isArray(v)) {
    v.forEach((e, i) => {
      if (!isRecord(e)) fail(where, `env[${i}]`, 'must be a mapping {name, value}');
      add(`env[${i}]`, e.name, e.value);
    });
  } else if (isRecord(v)) {
    for (const [name, value] of Object.entries(v)) add(`env.${name}`, name, value);
  } else {
    fail(where, 'env', 'must be a mapping of variable names to values');
  }
  return out;
}

function parse(config: unknown, where: string): CommandConfig {
  const c = checkConfig(where, 'command', config, FIELDS);
  const timeoutMs = optionalTimeout(where, c, 'timeout');
  const dir = optionalString(where, c, 'dir');
  if (dir === '') fail(where, 'dir', 'must not be empty');
  return {
    run: requiredString(where, c, 'run'),
    ...(timeoutMs !== undefined && { timeoutMs }),
    env: envOf(where, c.env),
    ...(dir !== undefined && { dir }),
  };
}

class Capped {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  push(b: Buffer): void {
    if (this.size >= MAX_OUTPUT_BYTES) {
      this.truncated = true;
      return;
    }
    const room = MAX_OUTPUT_BYTES - this.size;
    const part = b.length > room ? b.subarray(0, room) : b;
    if (part.length < b.length) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  const line = (lines[lines.length - 1] ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

async function measure(config: CommandConfig, ctx: ProviderContext): Promise<Measurement> {
  const temp =
    config.dir === undefined ? await mkdtemp(join(tmpdir(), 'gantry-verify-')) : undefined;
  const cwd = temp ?? resolve(config.dir ?? '.');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    GANTRY_PROJECT: ctx.target.project,
    GANTRY_STAGE: ctx.target.stage,
    GANTRY_FREIGHT: ctx.target.freightId,
    GANTRY_FREIGHT_ALIAS: ctx.target.freightAlias,
    ...(ctx.target.commit !== undefined && { GANTRY_COMMIT: ctx.target.commit }),
    ...config.env,
  });
  try {
    return await new Promise<Measurement>((resolvePromise, reject) => {
      const child = spawn('/bin/sh', ['-c', config.run], {
        cwd,
        env,
        detached: true, // its own process group, so that stopping it stops its children too
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout = new Capped();
      const stderr = new Capped();
      child.stdout.on('data', (b: Buffer) => stdout.push(b));
      child.stderr.on('data', (b: Buffer) => stderr.push(b));
      let stopped: string | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      const killGroup = (signal: NodeJS.Signals): void => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      };
      const stop = (why: string): void => {
        if (stopped !== undefined || child.exitCode !== null) return;
        stopped = why;
        killGroup('SIGTERM');
        killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
      };
      const onAbort = (): void => stop('stopped');
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      if (ctx.signal.aborted) onAbort();
      const timer =
        config.timeoutMs !== undefined
          ? setTimeout(
              () => stop(`timed out after ${formatDuration(config.timeoutMs ?? 0)}`),
              config.timeoutMs,
            )
          : undefined;
      const cleanup = (): void => {
        ctx.signal.removeEventListener('abort', onAbort);
        if (timer) clearTimeout(timer);
      };
      child.once('error', (err) => {
        cleanup();
        reject(new Error(`command could not start: ${err.message}`));
      });
      child.once('close', (code, signal) => {
        cleanup();
        // The group may still hold children that closed their output early.
        if (stopped !== undefined) killGroup('SIGKILL');
        if (killTimer) clearTimeout(killTimer);
        if (stdout.truncated) ctx.log('stdout was longer than 1 MiB and was cut');
        if (stderr.truncated) ctx.log('stderr was longer than 1 MiB and was cut');
        const err = stderr.text();
        if (stopped !== undefined) {
          reject(new Error(`command ${stopped}${err ? ` (stderr: ${lastLine(err)})` : ''}`));
          return;
        }
        if (code === null) {
          reject(
            new Error(
              `command was killed by ${signal ?? 'a signal'}${err ? ` (stderr: ${lastLine(err)})` : ''}`,
            ),
          );
          return;
        }
        const out = stdout.text();
        let json: unknown = null;
        if (out.trim() !== '') {
          try {
            json = JSON.parse(out);
          } catch {
            json = null;
          }
        }
        const tail = code !== 0 ? lastLine(err) || lastLine(out) : '';
        resolvePromise({
          result: { exitCode: code, stdout: out, stderr: err, json },
          phase: code === 0 ? 'Successful' : 'Failed',
          detail: `exit status ${code}${tail ? `: ${tail}` : ''}`,
        });
      });
    });
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true });
  }
}

export const command: ProviderDefinition<CommandConfig> = { name: 'command', parse, measure };
