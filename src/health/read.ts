/**
 * Reads a stage's health from the Argo CD Applications the stage names: the applications of its
 * `argocd` verification metrics, and those its promotion template's `argocd-update` steps name
 * literally (Kargo registers a health check for exactly those). Each app is read once, all in
 * parallel, each request within a bound; an app that cannot be read is Unknown with the reason,
 * never an error of the command that asked.
 *
 * Where Argo CD is: a metric's own `server` and `token`, else ARGOCD_SERVER and
 * ARGOCD_AUTH_TOKEN from the environment the adapter passes (the argocd provider's rules).
 * Without a server nothing is asked, and the apps' health is not known: the stage has no health
 * rather than a guessed one.
 */
import type { Agent } from 'undici';
import { freightFunctions, hasExpression } from '../expr/index.js';
import type { Freight } from '../freight/types.js';
import type { Project, Stage } from '../pipeline/index.js';
import type { StageState, StateStore } from '../state/index.js';
import { errorMessage } from '../util/errors.js';
import {
  argocd,
  getApplication,
  resolveConnection,
  scrub,
  type ArgoCDAppRef,
  type ArgoCDConfig,
} from '../verification/providers/argocd.js';
import { metricParts, renderMetric } from '../verification/templates.js';
import {
  assessAppHealth,
  stageHealthOf,
  unreadableApp,
  type AppHealthReport,
  type StageHealthReport,
  type WantedRevision,
} from './assess.js';

export interface HealthSettings {
  /** ARGOCD_SERVER, ARGOCD_AUTH_TOKEN, and what metric templates read (`env.X`). */
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  /** The longest one request may take (default 10 s); a metric's shorter requestTimeout wins. */
  requestTimeoutMs?: number;
}

export const HEALTH_REQUEST_TIMEOUT_MS = 10_000;

/** What one stage is read with. */
export interface StageHealthInput {
  project: string;
  stage: Stage;
  state: StageState | undefined;
  /** The commit the stage's branch points at: the revision its apps must be synced to. */
  commit?: string;
  /** The project's freight, for imageFrom(), chartFrom() and commitFrom() in metric templates. */
  freight: readonly Freight[];
}

interface Connection {
  server: string;
  token: string;
  insecure: boolean;
  requestTimeoutMs: number;
  refresh?: 'normal' | 'hard';
}

interface Target {
  ref: ArgoCDAppRef;
  wanted?: WantedRevision;
  /** Undefined: no Argo CD server is configured for it; not asked. */
  connection?: Connection;
  /** Why it cannot be asked although a server is configured (no token, a bad URL). */
  problem?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const literal = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && !hasExpression(v) ? v.trim() : undefined;

/**
 * `outputs.<alias>.commit` (or `task.outputs…`, `outputs['<alias>'].commit`) of a git-commit
 * step of the template: Kargo's usual `desiredRevision`, the commit the promotion pushed.
 */
const COMMIT_OUTPUT =
  /^\$\{\{\s*(?:task\.)?outputs(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])\.commit\s*\}\}$/;

/**
 * `argocd-update` steps' apps with a literal name (Kargo's `apps[].name`, `namespace`,
 * `sources`). A source's `desiredRevision` counts when it is written out, or when it is the
 * commit a git-commit step of the template made: that commit is what the promotion pushed to the
 * stage's branch, so its tip (`commit`) stands for it, as the revision Kargo's step registered.
 */
function stepApps(
  stage: Stage,
  commit: string | undefined,
): { ref: ArgoCDAppRef; wanted?: WantedRevision }[] {
  const out: { ref: ArgoCDAppRef; wanted?: WantedRevision }[] = [];
  const steps = stage.promotionTemplate.steps;
  const commitAliases = new Set(
    steps.flatMap((s, i) => (s.uses === 'git-commit' ? [s.as ?? `step-${i}`] : [])),
  );
  const revisionOf = (v: unknown): string | undefined => {
    const lit = literal(v);
    if (lit !== undefined || typeof v !== 'string') return lit;
    const m = COMMIT_OUTPUT.exec(v.trim());
    const alias = m?.[1] ?? m?.[2];
    return alias !== undefined && commitAliases.has(alias) ? commit : undefined;
  };
  for (const step of steps) {
    if (step.uses !== 'argocd-update' || !Array.isArray(step.config.apps)) continue;
    for (const app of step.config.apps) {
      if (!isRecord(app)) continue;
      const name = literal(app.name);
      // A name from an expression, or a selector: only the promotion knows which apps it was.
      if (!name) continue;
      const namespace = literal(app.namespace);
      const sources = (Array.isArray(app.sources) ? app.sources : [])
        .filter(isRecord)
        .map((s) => ({
          repoURL: literal(s.repoURL),
          chart: literal(s.chart),
          desiredRevision: revisionOf(s.desiredRevision),
        }))
        .filter(
          (s): s is { repoURL: string; chart: string | undefined; desiredRevision: string } =>
            s.repoURL !== undefined && s.desiredRevision !== undefined,
        )
        .map((s) => ({
          repoURL: s.repoURL,
          ...(s.chart !== undefined && { chart: s.chart }),
          desiredRevision: s.desiredRevision,
        }));
      out.push({
        ref: { name, ...(namespace !== undefined && { namespace }) },
        ...(sources.length && { wanted: { sources } }),
      });
    }
  }
  return out;
}

/** Does the stage name any Argo CD Application (so that its health can be more than NotApplicable)? */
export function stageNamesApps(stage: Stage): boolean {
  return (
    stage.verification.some((m) => m.provider.name === 'argocd') ||
    stepApps(stage, undefined).length > 0
  );
}

const key = (ref: ArgoCDAppRef) => `${ref.namespace ?? ''}/${ref.name}`;

/** The apps a stage names, with where to ask about each; problems that name no app apart. */
function targetsOf(
  input: StageHealthInput,
  settings: HealthSettings,
  secrets: string[],
): { targets: Target[]; issues: string[] } {
  const { stage, state } = input;
  const cap = settings.requestTimeoutMs ?? HEALTH_REQUEST_TIMEOUT_MS;
  const issues: string[] = [];
  const targets = new Map<string, Target>();
  const current = (state?.freight ?? [])
    .map((c) => input.freight.find((f) => f.id === c.id))
    .filter((f): f is Freight => f !== undefined);
  const first = state?.freight[0];
  const env = { ...settings.env };
  const ctx = { env, secret: (v: string) => void secrets.push(v) };
  let fallback: Connection | undefined;

  const connect = (config: Pick<ArgoCDConfig, 'server' | 'token'>) => {
    if (!config.server && !settings.env.ARGOCD_SERVER?.trim()) return {};
    try {
      const { server, token } = resolveConnection(config, ctx);
      return { server, token };
    } catch (err) {
      return { problem: errorMessage(err) };
    }
  };

  stage.verification.forEach((metric) => {
    if (metric.provider.name !== 'argocd') return;
    const where = `verification metric "${metric.name}"`;
    let config: ArgoCDConfig;
    try {
      const rendered = renderMetric(
        where,
        metricParts(metric),
        {
          project: input.project,
          stage: stage.name,
          freightId: first?.id ?? '',
          freightAlias: first?.alias ?? '',
          ...(input.commit !== undefined && { commit: input.commit }),
        },
        env,
        { functions: freightFunctions(current) },
      );
      secrets.push(...rendered.secrets);
      config = argocd.parse(rendered.config, where);
    } catch (err) {
      issues.push(`${where}: ${errorMessage(err)}`);
      return;
    }
    const wantedRevision =
      config.revision === undefined ? input.commit : config.revision || undefined;
    const { server, token, problem } = connect(config);
    const connection =
      server && token
        ? {
            server,
            token,
            insecure: config.insecure,
            requestTimeoutMs: Math.min(config.requestTimeoutMs, cap),
            ...(config.refresh && { refresh: config.refresh }),
          }
        : undefined;
    fallback ??= connection;
    for (const ref of config.applications) {
      if (targets.has(key(ref))) continue;
      targets.set(key(ref), {
        ref,
        ...(wantedRevision !== undefined && { wanted: { revision: wantedRevision } }),
        ...(connection && { connection }),
        ...(problem !== undefined && { problem }),
      });
    }
  });

  const fromEnv = connect({});
  const stepConnection: Connection | undefined =
    fromEnv.server && fromEnv.token
      ? { server: fromEnv.server, token: fromEnv.token, insecure: false, requestTimeoutMs: cap }
      : fallback;
  for (const app of stepApps(stage, input.commit)) {
    if (targets.has(key(app.ref))) continue;
    targets.set(key(app.ref), {
      ...app,
      ...(stepConnection && { connection: stepConnection }),
      ...(!stepConnection && fromEnv.problem !== undefined && { problem: fromEnv.problem }),
    });
  }
  return { targets: [...targets.values()], issues };
}

/**
 * The health of each stage (by name): undefined for a stage that runs no freight (Kargo has no
 * health for it either) and for one whose apps are on no configured Argo CD; NotApplicable for
 * a stage that names no app.
 */
export async function readStageHealth(
  inputs: StageHealthInput[],
  settings: HealthSettings,
): Promise<Map<string, StageHealthReport | undefined>> {
  const secrets: string[] = [];
  const plans = inputs.map((input) => {
    if (!input.state?.freight.length) return undefined;
    return targetsOf(input, settings, secrets);
  });
  // undici is loaded only for this: every `get stages` reads health, few talk to Argo CD insecurely.
  const insecure: Agent | undefined = plans.some((p) =>
    p?.targets.some((t) => t.connection?.insecure),
  )
    ? new (await import('undici')).Agent({ connect: { rejectUnauthorized: false } })
    : undefined;
  // Nothing cancels a read as a whole: each request ends by its own timeout.
  const never = new AbortController().signal;
  try {
    const reports = await Promise.all(
      plans.map(async (plan) => {
        if (!plan) return undefined;
        const asked = plan.targets.filter((t) => t.connection || t.problem !== undefined);
        if (plan.targets.length && !asked.length && !plan.issues.length) return undefined;
        const apps: AppHealthReport[] = await Promise.all(
          asked.map(async (t): Promise<AppHealthReport> => {
            if (!t.connection) return unreadableApp(t.ref, t.problem ?? 'no Argo CD server');
            const c = t.connection;
            try {
              const app = await getApplication(
                { fetch: settings.fetch, signal: never },
                { requestTimeoutMs: c.requestTimeoutMs, ...(c.refresh && { refresh: c.refresh }) },
                c.server,
                c.token,
                t.ref,
                c.insecure ? insecure : undefined,
              );
              return assessAppHealth(t.ref, app, t.wanted);
            } catch (err) {
              return unreadableApp(t.ref, errorMessage(err));
            }
          }),
        );
        const skipped = plan.targets.length - asked.length;
        const extra = skipped
          ? [`${skipped} application(s) not checked: no Argo CD server is configured for them`]
          : [];
        return stageHealthOf(apps, [...plan.issues, ...extra]);
      }),
    );
    const out = new Map<string, StageHealthReport | undefined>();
    inputs.forEach((input, i) => out.set(input.stage.name, clean(reports[i], secrets)));
    return out;
  } finally {
    await insecure?.close();
  }
}

/** No token or templated secret in what is shown. */
function clean(
  report: StageHealthReport | undefined,
  secrets: readonly string[],
): StageHealthReport | undefined {
  if (!report || !secrets.length) return report;
  const s = (text: string) => scrub(text, secrets);
  return {
    ...report,
    issues: report.issues.map(s),
    applications: report.applications.map((a) => ({ ...a, issues: a.issues.map(s) })),
  };
}

/**
 * The health of each stage of a project, from what the caller has read already (the snapshot's
 * freight and the stage states); the revision each stage runs is its branch's tip, which
 * reading the states has fetched.
 */
export async function projectHealth(
  store: Pick<StateStore, 'branchTip'>,
  project: Project,
  states: ReadonlyMap<string, StageState | undefined>,
  freight: readonly Freight[],
  settings: HealthSettings,
): Promise<Map<string, StageHealthReport | undefined>> {
  const failed = new Map<string, StageHealthReport>();
  const inputs = await Promise.all(
    project.stages.map(async (stage): Promise<StageHealthInput> => {
      const state = states.get(stage.name);
      let commit: string | undefined;
      // Only stages that name apps compare revisions; the tips are known from reading the states.
      if (state?.freight.length && stageNamesApps(stage)) {
        try {
          commit = await store.branchTip(stage.branch);
        } catch (err) {
          failed.set(
            stage.name,
            stageHealthOf([], [`cannot read the stage's branch: ${errorMessage(err)}`]),
          );
        }
      }
      return {
        project: project.name,
        stage,
        state,
        ...(commit !== undefined && { commit }),
        freight,
      };
    }),
  );
  const read = await readStageHealth(
    inputs.filter((i) => !failed.has(i.stage.name)),
    settings,
  );
  return new Map(project.stages.map((s) => [s.name, failed.get(s.name) ?? read.get(s.name)]));
}
