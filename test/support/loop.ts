import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { sharedLauncher } from './git-launcher.js';
import { testGitEnv } from './repos.js';

/** What a stage service answered to one health check. */
export interface ServedHealth {
  version: string;
  /** The last commit on the branch that touched the stage's values file: what is deployed. */
  revision: string;
  health: 'ok' | 'degraded';
}

export interface StageService {
  url: string;
  /** Every answer, oldest first. */
  served: ServedHealth[];
  close(): Promise<void>;
}

/**
 * A stand-in for an application running in one stage, as Argo CD would have deployed it: each
 * `GET /healthz` reads the stage's values file from the GitOps remote (the bare repository) and
 * reports the image tag it names, the commit that last changed it, and a health that
 * `healthOf(version)` decides. Git runs asynchronously: the test's git clients share this process.
 */
export async function startStageService(o: {
  /** The bare GitOps repository (read when a request comes, so it may not exist yet). */
  bare: () => string;
  stage: string;
  branch?: string;
  healthOf: (version: string) => ServedHealth['health'];
}): Promise<StageService> {
  const branch = o.branch ?? 'main';
  const file = `env/${o.stage}/values.yaml`;
  const served: ServedHealth[] = [];
  // Started by the worker's launcher process: each health check's two commands would otherwise
  // fork the worker (200 MB and more) while the verification waits on the answer.
  const git = async (args: string[]) => {
    const r = await sharedLauncher()({
      file: 'git',
      args,
      cwd: o.bare(),
      env: testGitEnv(o.bare()),
      input: '',
      timeoutMs: 30_000,
    });
    if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdoutBytes.toString('utf8');
  };
  const server: Server = createServer((req, res) => {
    if (req.url !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    void (async () => {
      const [text, revision] = await Promise.all([
        git(['show', `${branch}:${file}`]),
        git(['log', '-1', '--format=%H', branch, '--', file]),
      ]);
      const values = parse(text) as { image?: { tag?: unknown } } | null;
      const version = String(values?.image?.tag ?? '');
      const answer: ServedHealth = {
        version,
        revision: revision.trim(),
        health: o.healthOf(version),
      };
      served.push(answer);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ stage: o.stage, ...answer }));
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
