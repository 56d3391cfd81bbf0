import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for GitHub's REST API, for what gantry calls. Routes, status codes and error
 * bodies follow GitHub's documentation (docs.github.com/rest); requests are recorded so tests
 * can assert what was sent. Extend `routes` as gantry calls more of the API.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

export interface FakeWorkflow {
  /** File name (`promote.yml`) and numeric id both address it. */
  file: string;
  id: number;
  /** Names declared under on.workflow_dispatch.inputs; undefined: no workflow_dispatch trigger. */
  dispatchInputs?: string[];
  requiredInputs?: string[];
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[];
  /** Make the next N requests fail with this status (5xx for retry tests). */
  failNext(status: number, count: number): void;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  token: string;
  workflows: FakeWorkflow[];
  branches: string[];
}

const DOCS = 'https://docs.github.com/rest';

function send(res: ServerResponse, status: number, body?: unknown): void {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
  };
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res
    .writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

const error = (res: ServerResponse, status: number, message: string, doc: string) =>
  send(res, status, { message, documentation_url: `${DOCS}/${doc}`, status: String(status) });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { __invalid: text };
  }
}

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const dispatches: FakeGitHub['dispatches'] = [];
  let failing: { status: number; count: number } | undefined;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readBody(req);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        authorization: req.headers.authorization,
        body,
      });
      if (failing && failing.count > 0) {
        failing.count--;
        error(
          res,
          failing.status,
          failing.status >= 500 ? 'Server Error' : 'Error',
          'overview/resources-in-the-rest-api',
        );
        return;
      }
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`) {
        error(res, 401, 'Bad credentials', 'overview/authenticating-to-the-rest-api');
        return;
      }
      const prefix = `/repos/${opts.owner}/${opts.repo}`;
      const dispatch = new RegExp(`^${prefix}/actions/workflows/([^/]+)/dispatches$`).exec(
        url.pathname,
      );
      if (dispatch && req.method === 'POST') {
        const key = decodeURIComponent(dispatch[1] as string);
        const wf = opts.workflows.find((w) => w.file === key || String(w.id) === key);
        const doc = 'actions/workflows#create-a-workflow-dispatch-event';
        if (!wf) return error(res, 404, 'Not Found', doc);
        if (!wf.dispatchInputs) {
          return error(res, 422, "Workflow does not have 'workflow_dispatch' trigger", doc);
        }
        const b = (body ?? {}) as { ref?: unknown; inputs?: Record<string, unknown> };
        if (typeof b.ref !== 'string')
          return error(res, 422, 'Invalid request.\n\n"ref" wasn\'t supplied.', doc);
        const ref = b.ref.replace(/^refs\/heads\//, '');
        if (!opts.branches.includes(ref)) return error(res, 422, `No ref found for: ${b.ref}`, doc);
        const inputs = b.inputs ?? {};
        const unexpected = Object.keys(inputs).filter((k) => !wf.dispatchInputs?.includes(k));
        if (unexpected.length) {
          return error(res, 422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, doc);
        }
        const missing = (wf.requiredInputs ?? []).filter((k) => !(k in inputs));
        if (missing.length)
          return error(res, 422, `Required input '${missing[0]}' not provided`, doc);
        dispatches.push({
          workflow: wf.file,
          ref,
          inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
        });
        return send(res, 204);
      }
      error(res, 404, 'Not Found', 'overview/resources-in-the-rest-api');
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dispatches,
    failNext: (status, count) => {
      failing = { status, count };
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
