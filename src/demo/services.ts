import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';

/**
 * The demo's stand-in for what Argo CD would deploy: one tiny HTTP service per stage, on
 * 127.0.0.1 and a port the system picks. Each answer reads the stage's values file on the GitOps
 * repository's branch as it is now (so it "runs" whatever the last promotion committed) and
 * reports the release it runs, the freight recorded in the values by the promotion step, and
 * that it is healthy. A stage's `verification` reads it with an `http` metric.
 */
export interface StageService {
  stage: string;
  url: string;
}

export interface StageServices {
  services: StageService[];
  /** Stops every service and drops open connections; safe to call twice. */
  close: () => Promise<void>;
}

export interface StageServiceOptions {
  /** The GitOps repository (bare) whose branch the services "deploy". */
  gitDir: string;
  branch: string;
  stages: readonly string[];
  /** `env/${stage}/values.yaml`. */
  valuesPath: (stage: string) => string;
  /** Environment for git (identity-free, read-only commands). */
  env: Record<string, string | undefined>;
}

function readValues(o: StageServiceOptions, stage: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--git-dir', o.gitDir, 'show', `${o.branch}:${o.valuesPath(stage)}`],
      { env: o.env, encoding: 'utf8', timeout: 10_000 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

/** What a stage's service answers: `{stage, version, freight, healthy}`. */
export async function stageStatus(
  o: StageServiceOptions,
  stage: string,
): Promise<Record<string, unknown>> {
  const values = parse(await readValues(o, stage)) as {
    image?: { tag?: unknown };
    podAnnotations?: Record<string, unknown>;
  } | null;
  return {
    stage,
    version: values?.image?.tag ?? null,
    freight: values?.podAnnotations?.['gantry.io/freight'] ?? null,
    healthy: true,
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startStageServices(o: StageServiceOptions): Promise<StageServices> {
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(
      servers.splice(0).map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
  };
  const services: StageService[] = [];
  try {
    for (const stage of o.stages) {
      const server = createServer((req, res) => {
        req.resume();
        stageStatus(o, stage).then(
          (status) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(status));
          },
          (err: unknown) => {
            res.writeHead(503, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({
                stage,
                healthy: false,
                error: err instanceof Error ? err.message.split('\n')[0] : String(err),
              }),
            );
          },
        );
      });
      servers.push(server);
      const port = await listen(server);
      services.push({ stage, url: `http://127.0.0.1:${port}/` });
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { services, close };
}
