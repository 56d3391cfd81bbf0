import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  promotionFreightIds
} from "./4SXL3VLH.js";
import {
  freightAvailability,
  promotionCandidate,
  resolveFreight,
  soakFromHistory
} from "./DUP5K6BV.js";
import {
  newestFreight
} from "./VO6IMAWJ.js";
import {
  findStage
} from "./BHM3J3E7.js";
import {
  promotionName,
  runSteps,
  stepAlias
} from "./H4GEYOPH.js";
import {
  secretValues
} from "./SZ6DWH5P.js";
import {
  PromotionNotesRecorder,
  deploymentDescription,
  deploymentPayload,
  pullRequestPublisher,
  signedPublisher
} from "./G3KHJPJO.js";
import {
  PUSH_RACE,
  RaceLostError,
  changesTable,
  formatChange,
  looseRef,
  metadataChanged,
  nextStageState,
  parseStageState,
  promotionMessage,
  pushRaceLost,
  serializeStageState,
  settleAll,
  settled,
  stageChange,
  stateFilePath,
  tableCell
} from "./W4ICZBQF.js";
import {
  githubRepoOf
} from "./XK25RJ5D.js";
import {
  configText,
  initBare
} from "./TBULFJPZ.js";
import {
  Git,
  GitError,
  shallowCommitsOf
} from "./HLO4W42S.js";
import {
  parseRemote
} from "./J4XWRISY.js";
import {
  retry
} from "./6DZPHH7F.js";
import {
  Redactor
} from "./FNZOKEBV.js";
import {
  generatedBranch,
  normalizeWorkspacePath,
  planWorkspace
} from "./HFSWYXPK.js";
import {
  ConfigError,
  OperationError,
  errorMessage
} from "./HQMHHTDW.js";

// src/promotion/step-services.ts
function stepServices(o) {
  return {
    fetch: o.fetch,
    log: o.log,
    ...o.sleep ? { sleep: o.sleep } : {},
    ...o.group ? { group: o.group } : {},
    ...o.env ? { env: o.env } : {},
    ...o.registryCredentials ? { registryCredentials: o.registryCredentials } : {},
    dryRun: o.dryRun
  };
}

// src/promotion/resume.ts
var MARKER = "gantry:resume";
var RECORD = /<!-- gantry:resume ([A-Za-z0-9_-]+={0,2}) -->\n?/;
function encodeResumeRecord(r) {
  return `<!-- ${MARKER} ${Buffer.from(JSON.stringify(r), "utf8").toString("base64url")} -->`;
}
function parseResumeRecord(body) {
  const m = RECORD.exec(body);
  if (!m?.[1]) return void 0;
  let r;
  try {
    r = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8"));
  } catch {
    throw new ConfigError("the pull request's gantry:resume record is not readable");
  }
  const rec = r;
  if (rec.v !== 1 || typeof rec.project !== "string" || typeof rec.stage !== "string" || typeof rec.freight !== "string" || typeof rec.promotion !== "string" || typeof rec.wait !== "number" || typeof rec.outputs !== "object" || rec.outputs === null || !Array.isArray(rec.statuses)) {
    throw new ConfigError("the pull request's gantry:resume record is not one gantry wrote");
  }
  return rec;
}
function withResumeRecord(body, record) {
  const rest = body.replace(RECORD, "").trimEnd();
  return `${rest}
${encodeResumeRecord(record)}
`;
}
async function recordResume(api, prNumber, record, steps, secrets) {
  if (record.wait >= steps - 1) return void 0;
  const text = JSON.stringify(record.outputs);
  if (secrets.some((s) => s && text.includes(s))) {
    return `the steps after step ${record.wait + 1} will not run on the merge: the outputs they would read hold a secret's value, which gantry keeps out of pull requests; promote again after the merge`;
  }
  const pr = await api.getPullRequest(prNumber);
  await api.updatePullRequest({ number: prNumber, body: withResumeRecord(pr.body, record) });
  return void 0;
}
async function resumeAfterMerge(o, scratchDir) {
  if (!o.github) {
    throw new ConfigError(
      "resuming after a pull request needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs)"
    );
  }
  const pr = await o.github.repo.getPullRequest(o.pullRequest);
  const ref = { number: pr.number, url: pr.url };
  const record = parseResumeRecord(pr.body);
  if (!record) {
    return { pullRequest: ref, note: `pull request #${pr.number} has no steps left to run` };
  }
  if (record.project !== o.project.name || o.stage !== void 0 && record.stage !== o.stage) {
    throw new ConfigError(
      `pull request #${pr.number} promotes ${record.project}/${record.stage}, not ${o.project.name}${o.stage ? `/${o.stage}` : ""}`
    );
  }
  if (!pr.merged) {
    throw new OperationError(
      `pull request #${pr.number} is ${pr.state === "closed" ? "closed without being merged: the promotion did not happen" : "not merged yet: merging it completes the promotion"} (${pr.url})`
    );
  }
  const stage = findStage(o.project, record.stage);
  const steps = stage.promotionTemplate.steps;
  const wait = steps[record.wait];
  if (!wait || record.statuses.length !== record.wait + 1) {
    throw new ConfigError(
      `pull request #${pr.number}: stage ${record.stage}'s template changed since the promotion went pending (its step ${record.wait + 1} is not the one it waited at); promote again`
    );
  }
  const snap = await o.store.promotionRecords(
    o.project.name,
    (entries) => entries.some((e) => e.freightId === record.freight) ? /* @__PURE__ */ new Set([record.freight]) : void 0
  ) ?? await o.store.snapshot(o.project.name);
  const freight = snap.freight.find((f) => f.id === record.freight);
  if (!freight) {
    throw new OperationError(
      `freight ${record.freight} of pull request #${pr.number} is not recorded`
    );
  }
  const alias = stepAlias(wait, record.wait);
  const statuses = [...record.statuses.slice(0, -1), "Succeeded"];
  const done = await runSteps(
    stage.promotionTemplate,
    {
      worktree: scratchDir,
      project: o.project.name,
      stage: stage.name,
      freight,
      freightCollection: [freight],
      ...stepServices(o),
      promotion: record.promotion,
      actor: o.promotedBy,
      uiBaseUrl: o.run ?? "",
      ...o.expressionData ? { data: o.expressionData } : {},
      resume: {
        from: record.wait + 1,
        statuses,
        outputs: {
          ...record.outputs,
          [alias]: {
            pr: { id: pr.number, url: pr.url, open: false, merged: true },
            ...pr.mergeCommitSha ? { commit: pr.mergeCommitSha } : {}
          }
        }
      }
    },
    o.registry
  );
  return {
    pullRequest: ref,
    freight,
    statuses: done.statuses.slice(record.wait + 1),
    outputs: done.outputs
  };
}

// src/promotion/gate.ts
var GateRefusedError = class extends OperationError {
  name = "GateRefusedError";
};
var DEPLOYMENT_WINDOW = 30;
function isGantryDeployment(d) {
  return typeof d.payload === "object" && d.payload !== null && "gantry" in d.payload;
}
function linksToRun(url, runId) {
  return new RegExp(`/actions/runs/${runId}(?:[/?#]|$)`).test(url);
}
function describeRules(env) {
  const parts = env.rules.map((r) => {
    if (r.type === "required_reviewers") {
      return r.reviewers?.length ? `required reviewers (${r.reviewers.join(", ")})` : "required reviewers";
    }
    if (r.type === "wait_timer") return `a ${r.waitTimer ?? 0}-minute wait timer`;
    if (r.type === "branch_policy") return "deployment branch rules";
    return `a ${r.type} rule`;
  });
  if (env.branchPolicy && !env.rules.some((r) => r.type === "branch_policy")) {
    parts.push("deployment branch rules");
  }
  return parts.join(", ");
}
function isProtected(env) {
  return env.branchPolicy || env.rules.some((r) => r.type !== "wait_timer" || (r.waitTimer ?? 0) > 0);
}
async function runEnvironments(run, only) {
  const deployments = await run.api.listDeployments({
    ...run.sha ? { sha: run.sha } : {},
    ...only ? { environment: only } : {},
    limit: DEPLOYMENT_WINDOW
  });
  const found = /* @__PURE__ */ new Set();
  for (const d of deployments) {
    if (isGantryDeployment(d) || found.has(d.environment)) continue;
    const statuses = await run.api.deploymentStatuses(d.id);
    if (statuses.some((s) => linksToRun(s.logUrl, run.id))) found.add(d.environment);
  }
  return found;
}
async function checkGate(stage, run, approvals) {
  const expected = stage.environment;
  const notes = [];
  const warnings = [];
  let env;
  try {
    env = await run.api.environment(expected);
  } catch (err) {
    warnings.push(
      `the gate of stage ${stage.name} was not checked: could not read environment ${expected}'s protection rules (${errorMessage(err)})`
    );
    return { notes, warnings };
  }
  if (!env) {
    warnings.push(
      `stage ${stage.name} is gated by environment ${expected}, which does not exist in this repository, so nothing gates it and this job did not run under it; run the promote job under environment: ${expected} (docs/init.md#gates)`
    );
    return { notes, warnings };
  }
  if (!isProtected(env)) {
    notes.push(`environment ${expected} of stage ${stage.name} has no protection rules`);
    return { notes, warnings };
  }
  if (!(approvals instanceof Error)) {
    const by = approvals.filter((a) => a.state === "approved" && a.environments.includes(expected)).map((a) => a.login);
    if (by.length) {
      notes.push(`gate passed: environment ${expected} approved by ${by.join(", ")}`);
      return { notes, warnings };
    }
  }
  let ranUnder;
  try {
    ranUnder = await runEnvironments(run, expected);
  } catch (err) {
    warnings.push(
      `the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: ${approvals instanceof Error ? `the run's approvals could not be read (${errorMessage(approvals)}) and ` : ""}its deployments could not be read (${errorMessage(err)}); give the token deployments: read and actions: read`
    );
    return { notes, warnings };
  }
  if (ranUnder.has(expected)) {
    notes.push(`gate passed: this run's job ran under environment ${expected}`);
    return { notes, warnings };
  }
  if (approvals instanceof Error) {
    warnings.push(
      `the gate of stage ${stage.name} (environment ${expected}: ${describeRules(env)}) could not be confirmed: the run's approvals could not be read (${errorMessage(approvals)}) and no deployment of ${expected} by this run was found`
    );
    return { notes, warnings };
  }
  let actual = [];
  try {
    actual = [...await runEnvironments(run)];
  } catch {
  }
  for (const a of approvals) {
    for (const e of a.environments) if (e !== expected && !actual.includes(e)) actual.push(e);
  }
  const under = actual.length ? `the job ran under ${actual.map((e) => `environment ${e}`).join(", ")}` : "the job ran under no environment that GitHub shows for this run";
  throw new GateRefusedError(
    `refused: stage ${stage.name} is gated by environment ${expected} (${describeRules(env)}), but run ${run.id} did not pass that gate: ${under}. Nothing was committed. Run the promote job under environment: ${expected} (the promote workflow gantry init writes asks gantry for the stage's environment: docs/init.md#gates)`
  );
}

// src/promotion/workspace.ts
import { appendFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createHash } from "node:crypto";
var EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
function plainBranchName(name) {
  return name.split("/").every(
    (part) => /^[A-Za-z0-9_+=,@-][A-Za-z0-9._+=,@-]*$/.test(part) && !part.endsWith(".") && !part.endsWith(".lock") && !part.includes("..") && !part.includes("@{")
  ) && name !== "@" && !name.startsWith("-");
}
function sameRepository(a, b) {
  const ga = githubRepoOf(a);
  const gb = githubRepoOf(b);
  if (ga && gb) {
    return ga.owner.toLowerCase() === gb.owner.toLowerCase() && ga.repo.toLowerCase() === gb.repo.toLowerCase() && ga.apiUrl === gb.apiUrl;
  }
  const norm = (u) => {
    const { url } = parseRemote(u);
    return url.trim().replace(/\/+$/, "").replace(/\.git$/, "").replace(/^([a-z]+:\/\/[^/]+)/i, (m) => m.toLowerCase());
  };
  return norm(a) === norm(b);
}
var Workspace = class {
  constructor(o) {
    this.o = o;
    this.root = join(o.dir, "work");
    this.statePath = stateFilePath(o.write.project, o.write.stage);
  }
  o;
  /** The steps' root: every path a step names resolves inside it. */
  root;
  repos = /* @__PURE__ */ new Map();
  checkouts = /* @__PURE__ */ new Map();
  /** Worktrees linked by hand so far: each one's name under the bare clone's `worktrees/`. */
  worktrees = 0;
  /** What landed on (or was proposed for) the stage's branch, once the stage's push ran. */
  landing;
  /** Commits pushed in this promotion, by branch, for git-open-pr's defaults and its Skipped. */
  pushed = /* @__PURE__ */ new Map();
  statePath;
  /** Tags git-push was asked to send before the stage's commit left: they go with it. */
  deferredTags = [];
  get stageBranch() {
    return this.o.stageBranch;
  }
  get dryRun() {
    return this.o.dryRun;
  }
  get github() {
    return this.o.github;
  }
  get gitopsUrl() {
    return this.o.host.remoteUrl;
  }
  /** git-open-pr's pull request: the promotion is proposed, not landed, until it is merged. */
  openedPullRequest(pr) {
    if (this.landing) this.landing.pullRequest = pr;
  }
  /** A pull request merged within the job: the stage's branch now holds the merge commit. */
  mergedPullRequest(pr) {
    if (!this.landing || pr.base !== this.o.stageBranch) return;
    delete this.landing.pullRequest;
    if (pr.mergeCommitSha) this.landing.commit = pr.mergeCommitSha;
    this.landing.merged = { number: pr.number, url: pr.url };
  }
  /** The branch `generateTargetBranch` pushes to: one per stage, which the PR flow merges. */
  get generatedBranch() {
    return generatedBranch(this.o.write.project, this.o.write.stage);
  }
  isGitOps(url) {
    return sameRepository(url, this.o.host.remoteUrl);
  }
  async init() {
    await mkdir(this.root, { recursive: true });
    await mkdir(join(this.o.dir, "repos"), { recursive: true });
  }
  checkout(written, field) {
    const path = normalizeWorkspacePath(written);
    const found = path === void 0 ? void 0 : this.checkouts.get(path);
    if (!found) {
      const known = [...this.checkouts.values()].map((c) => c.written).join(", ") || "none";
      throw new ConfigError(
        `${field} ${JSON.stringify(written)} is not a checkout of this promotion (checkouts: ${known})`
      );
    }
    return found;
  }
  /**
   * Makes `dir` a worktree of the bare clone `repoDir` with HEAD on `branch` (set to `head`,
   * as `worktree add -B` would) or detached at `head`, unchecked-out, by writing what `git
   * worktree add` writes (gitrepository-layout: `worktrees/<id>/{gitdir,commondir,HEAD}`, the
   * `.git` file). False, having written nothing, when `dir` exists already or the branch's name
   * is one git might refuse: `worktree add` then judges and words the error.
   */
  async linkWorktree(repoDir, dir, branch, head) {
    if (branch !== void 0 && !plainBranchName(branch)) return false;
    try {
      await mkdir(dir);
    } catch {
      return false;
    }
    if (branch !== void 0) {
      const refFile = join(repoDir, "refs", "heads", branch);
      try {
        await mkdir(dirname(refFile), { recursive: true });
        await writeFile(refFile, `${head}
`);
      } catch {
        await rm(dir, { recursive: true, force: true });
        return false;
      }
    }
    const admin = join(repoDir, "worktrees", `w${++this.worktrees}`);
    await mkdir(admin, { recursive: true });
    await writeFile(join(admin, "gitdir"), `${join(dir, ".git")}
`);
    await writeFile(join(admin, "commondir"), "../..\n");
    await writeFile(
      join(admin, "HEAD"),
      branch === void 0 ? `${head}
` : `ref: refs/heads/${branch}
`
    );
    await writeFile(join(dir, ".git"), `gitdir: ${admin}
`);
    return true;
  }
  /** The repository `url`, cloned bare into the workspace once. */
  async repo(url, insecure) {
    const have = this.repos.get(url);
    if (have) return have;
    const gitops = this.isGitOps(url);
    const git = gitops ? this.o.host.git : new Git({ ...this.o.host.gitOptions, remote: parseRemote(url) });
    const remoteUrl = gitops ? this.o.host.remoteUrl : parseRemote(url).url;
    const key = createHash("sha256").update(remoteUrl).digest("hex").slice(0, 12);
    const dir = join(this.o.dir, "repos", `${key}.git`);
    const config = insecure ? ["-c", "http.sslVerify=false"] : [];
    await initBare(dir);
    await appendFile(
      join(dir, "config"),
      configText({
        "remote.origin": {
          url: remoteUrl,
          promisor: "true",
          partialclonefilter: "blob:none"
        },
        extensions: { partialClone: "origin" }
      })
    );
    const repo = { url: remoteUrl, dir, git, gitops, config };
    this.repos.set(url, repo);
    return repo;
  }
  run(repo, args, cwd, env) {
    return repo.git.run([...repo.config, ...args], { cwd, ...env ? { env } : {} });
  }
  /**
   * git-clone: the checkouts of one repository. Every ref is fetched in one command, one commit
   * deep and without blobs; each checkout is a worktree (sparse when asked) of the bare clone.
   */
  async clone(spec) {
    const repo = await this.repo(spec.repoURL, spec.insecureSkipTLSVerify);
    try {
      return await this.checkOut(repo, spec);
    } catch (err) {
      if (!repo.gitops && err instanceof GitError && err.kind === "auth") {
        throw new OperationError(
          `git-clone: ${repo.url} asks for credentials, and gantry sends its token only to the GitOps repository (${this.o.host.remoteUrl}): give this repository's own credentials in its URL (from a secret) or through a git credential helper`,
          { cause: err }
        );
      }
      throw err;
    }
  }
  async checkOut(repo, spec) {
    const git = (args, cwd = repo.dir) => this.run(repo, args, cwd);
    const seeds = repo.gitops ? this.o.seeds : void 0;
    const seeded = (b) => b === void 0 ? void 0 : seeds?.tips.get(b);
    const wantHead = spec.checkout.some(
      (c) => c.branch === void 0 && c.commit === void 0 && c.tag === void 0
    );
    const list = wantHead || spec.checkout.some((c) => c.branch !== void 0 && c.create && !seeded(c.branch));
    const heads = /* @__PURE__ */ new Map();
    let defaultBranch;
    if (list) {
      const patterns = [
        ...wantHead ? ["--symref", "origin", "HEAD"] : ["origin"],
        ...new Set(spec.checkout.flatMap((c) => c.branch ? [`refs/heads/${c.branch}`] : []))
      ];
      const listing = (await git(["ls-remote", ...patterns])).stdout.split("\n");
      let headTip;
      for (const line of listing) {
        const sym = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line);
        if (sym) defaultBranch = sym[1];
        const tip = /^([0-9a-f]{40,64})\s+HEAD$/.exec(line);
        if (tip) headTip = tip[1];
        const m = /^([0-9a-f]{40,64})\s+refs\/heads\/(.+)$/.exec(line);
        if (m?.[1] && m[2]) heads.set(m[2], m[1]);
      }
      if (defaultBranch !== void 0 && headTip !== void 0 && !heads.has(defaultBranch)) {
        heads.set(defaultBranch, headTip);
      }
    } else {
      for (const c of spec.checkout) {
        const tip = seeded(c.branch);
        if (c.branch !== void 0 && tip !== void 0) heads.set(c.branch, tip);
      }
    }
    const plans = spec.checkout.map((c) => {
      const branch = c.branch ?? (c.commit === void 0 && c.tag === void 0 ? defaultBranch : void 0);
      if (c.commit === void 0 && c.tag === void 0 && branch === void 0) {
        throw new OperationError(`${repo.url} has no default branch to check out`);
      }
      const tip = branch === void 0 ? void 0 : heads.get(branch);
      if (branch !== void 0 && tip === void 0 && !c.create && list) {
        throw new OperationError(missingBranch(branch, repo.url));
      }
      const fromSeed = tip !== void 0 && tip === seeded(branch);
      const fetched = branch !== void 0 && !fromSeed && (tip !== void 0 || !list);
      return { c, branch, tip, fromSeed, fetched };
    });
    const seedTips = [...new Set(plans.flatMap((p) => p.fromSeed && p.tip ? [p.tip] : []))];
    if (seeds && seedTips.length) {
      await writeFile(join(repo.dir, "objects", "info", "alternates"), `${seeds.objects}
`);
      const shallow = /* @__PURE__ */ new Set([...seedTips, ...await shallowCommitsOf(seeds.objects)]);
      await appendFile(join(repo.dir, "shallow"), [...shallow].map((t) => `${t}
`).join(""));
    }
    const refspecs = [];
    for (const p of plans) {
      if (p.fetched && p.branch !== void 0) {
        refspecs.push(`+refs/heads/${p.branch}:refs/remotes/origin/${p.branch}`);
      }
      if (p.c.commit !== void 0) refspecs.push(p.c.commit);
      if (p.c.tag !== void 0) refspecs.push(`+refs/tags/${p.c.tag}:refs/tags/${p.c.tag}`);
    }
    if (refspecs.length) {
      const args = [
        "fetch",
        "-q",
        "--no-tags",
        "--depth=1",
        "--filter=blob:none",
        "origin",
        ...[...new Set(refspecs)]
      ];
      const res = await repo.git.tryRun([...repo.config, ...args], { cwd: repo.dir });
      if (res.exitCode !== 0) {
        const ref = /couldn't find remote ref refs\/heads\/(\S+)/i.exec(res.stderr)?.[1];
        if (ref !== void 0) throw new OperationError(missingBranch(ref, repo.url));
        throw repo.git.error(args, res);
      }
    }
    const commits = {};
    for (const { c, branch, tip, fromSeed } of plans) {
      const path = normalizeWorkspacePath(c.path);
      if (path === void 0 || path === ".") {
        throw new ConfigError(
          `checkout path ${JSON.stringify(c.path)} must be a directory inside the workspace`
        );
      }
      if (this.checkouts.has(path)) {
        throw new ConfigError(`checkout path ${JSON.stringify(c.path)} is used twice`);
      }
      const twin = [...this.checkouts.values()].find(
        (o) => o.repo.dir === repo.dir && branch !== void 0 && o.branch === branch
      );
      if (twin) {
        throw new ConfigError(
          `checkout path ${JSON.stringify(c.path)}: branch ${branch} of ${repo.url} is checked out at ${twin.written} already; a branch has one checkout per promotion (check out a commit or tag for a second, read-only copy)`
        );
      }
      const dir = join(this.root, path);
      await mkdir(dirname(dir), { recursive: true });
      let ref;
      let head;
      let fetchedTip = false;
      let started;
      if (branch !== void 0) {
        if (tip === void 0 && c.create) {
          head = (await repo.git.run(["commit-tree", EMPTY_TREE, "-m", "Initial commit"], {
            cwd: repo.dir,
            env: identityEnv(spec.author)
          })).stdout.trim();
          started = head;
        } else if (fromSeed && tip !== void 0) {
          head = tip;
        } else {
          head = await looseRef(repo.dir, `refs/remotes/origin/${branch}`);
          fetchedTip = true;
        }
        ref = head ?? `refs/remotes/origin/${branch}`;
      } else {
        if (c.commit !== void 0) head = c.commit.toLowerCase();
        ref = c.commit ?? `refs/tags/${c.tag ?? ""}^{commit}`;
      }
      const on = branch === void 0 ? ["--detach"] : ["--no-track", "-B", branch];
      const linked = head !== void 0 && await this.linkWorktree(repo.dir, dir, branch, head);
      if (c.sparse?.length) {
        if (!linked) await git(["worktree", "add", "-q", "--no-checkout", ...on, dir, ref]);
        await git(["sparse-checkout", "set", "--cone", ...c.sparse], dir);
        await git(["checkout", "-q"], dir);
      } else if (linked) {
        await git(["reset", "-q", "--hard"], dir);
      } else {
        await git(["worktree", "add", "-q", ...on, dir, ref]);
      }
      if (spec.recurseSubmodules) {
        await git(["submodule", "update", "--init", "--recursive"], dir);
      }
      head ??= (await git(["rev-parse", "HEAD"], dir)).stdout.trim();
      const remoteTip = fromSeed ? tip : fetchedTip ? head : void 0;
      const stage = repo.gitops && branch === this.o.stageBranch;
      const checkout = {
        written: c.path,
        path,
        dir,
        repo,
        ...branch !== void 0 ? { branch } : {},
        ...remoteTip !== void 0 ? { remoteTip } : {},
        stage,
        ...spec.author ? { identity: spec.author } : {},
        ...c.sparse?.length ? { sparse: true } : {},
        ...started !== void 0 ? { started } : {}
      };
      const known = this.o.seedState;
      if (stage && remoteTip !== void 0 && fromSeed && known?.tip === head) {
        if (known.state) checkout.previous = known.state;
      } else if (stage && remoteTip !== void 0) {
        const text = await repo.git.tryRun(["show", `${head}:${this.statePath}`], { cwd: dir });
        if (text.exitCode === 0) {
          checkout.previous = parseStageState(text.stdout, `${branch}:${this.statePath}`);
        }
      }
      checkout.head = head;
      this.checkouts.set(path, checkout);
      commits[c.as ?? c.path] = head;
    }
    return commits;
  }
  /**
   * git-clear: every file of the checkout removed (git-commit stages the removals), but in the
   * GitOps repository `.gantry/`, as in gantry's short form: on the default branch it holds the
   * project files, and on any branch the state of every stage deploying from it.
   */
  async clear(written) {
    const c = this.checkout(written, "git-clear: path");
    const git = (args) => this.run(c.repo, args, c.dir);
    const keep = c.repo.gitops ? [":(exclude).gantry"] : [];
    if (c.sparse) {
      await git(["rm", "-r", "-q", "-f", "--sparse", "--ignore-unmatch", "--", ".", ...keep]);
    }
    let removed = 0;
    for (const e of await readdir(c.dir)) {
      if (e === ".git" || c.repo.gitops && e === ".gantry") continue;
      await rm(join(c.dir, e), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
  /**
   * git-commit: everything in the checkout, committed when anything changed. In the stage's
   * checkout the stage's state file is written first and gantry's record closes the message;
   * promoting what the stage runs already, with no manifest changed, commits nothing.
   */
  async commit(written, message, edits, author) {
    const c = this.checkout(written, "git-commit: path");
    const git = (args2, input) => c.repo.git.run([...c.repo.config, ...args2], {
      cwd: c.dir,
      ...input !== void 0 ? { input } : {},
      env: identityEnv(author ?? c.identity)
    });
    if (c.branch === void 0) {
      throw new ConfigError(
        `git-commit: path ${JSON.stringify(written)} is a checkout of a commit or tag, not of a branch: check out a branch to commit to`
      );
    }
    const add = () => git(["add", "-A", "--sparse"]);
    if (!c.stage) {
      await add();
      const res = await c.repo.git.tryRun([...c.repo.config, "commit", "-q", "-F", "-"], {
        cwd: c.dir,
        input: message.endsWith("\n") ? message : `${message}
`,
        env: identityEnv(author ?? c.identity)
      });
      if (res.exitCode !== 0) {
        if (/nothing to commit/.test(res.stdout)) {
          return { commit: c.head ?? await this.headOf(c), committed: false };
        }
        throw c.repo.git.error(["commit", "-q", "-F", "-"], res);
      }
      c.builtOn = c.head;
      c.head = await this.headOf(c);
      return { commit: c.head, committed: true };
    }
    const { before, changes } = stageChange(this.o.write, c.previous);
    const state = nextStageState(this.o.write, c.previous, this.o.host.now());
    const same = before?.id === this.o.write.freight.id && !metadataChanged(c.previous, state);
    let dirty = true;
    let staged = false;
    if (c.recorded || same) {
      await add();
      staged = true;
      const others = ["--", ".", `:(exclude)${this.statePath}`];
      dirty = (await git(["status", "--porcelain", ...others])).stdout.trim() !== "";
      if (!c.recorded && !dirty)
        return { commit: c.head ?? await this.headOf(c), committed: false };
    }
    if (!c.recorded) {
      const file = join(c.dir, this.statePath);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, serializeStageState(state));
      staged = false;
    }
    if (!dirty) return { commit: c.head ?? await this.headOf(c), committed: false };
    if (!staged) await add();
    const amend = c.recorded !== void 0 && !this.landing;
    c.recorded = [...amend ? c.recorded ?? [] : [], message];
    const text = promotionMessage(this.o.write, changes, [...edits], c.recorded.join("\n\n"));
    const args = ["commit", "-q", ...amend ? ["--amend"] : [], "-F", "-"];
    await git(args, text.endsWith("\n") ? text : `${text}
`);
    c.builtOn = amend ? void 0 : c.head;
    c.head = await this.headOf(c);
    return { commit: c.head, committed: true };
  }
  /** git-tag: an annotated tag at the checkout's HEAD (local; git-push with `tag` sends it). */
  async tag(written, tag, message, force) {
    const c = this.checkout(written, "git-tag: path");
    const env = identityEnv(c.identity);
    const args = ["tag", "-a", ...force ? ["-f"] : [], tag, "-m", message];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir, env });
    if (res.exitCode !== 0) {
      if (/already exists/.test(res.stderr)) {
        throw new OperationError(`git-tag: tag ${tag} already exists; set force: true to move it`);
      }
      throw c.repo.git.error(args, res);
    }
    return c.head ?? await this.headOf(c);
  }
  /**
   * A checkout's HEAD: the branch's ref file, which git-commit's commit just wrote (the bare
   * clone is gantry's own, its refs loose), or git's answer when that file is not there.
   */
  async headOf(c) {
    const fromFile = c.branch === void 0 ? void 0 : await looseRef(c.repo.dir, `refs/heads/${c.branch}`);
    return fromFile ?? (await this.run(c.repo, ["rev-parse", "HEAD"], c.dir)).stdout.trim();
  }
  /**
   * git-push. The push to the stage's branch is the promotion: it goes through `publish`, once,
   * and must carry the commit git-commit made with the stage's state. Any rejected push is a lost
   * race (RaceLostError): the promotion starts over on a fresh workspace.
   */
  async push(spec) {
    const step = spec.viaGitHub ? "github-push" : "git-push";
    const c = this.checkout(spec.path, `${step}: path`);
    if (spec.viaGitHub && (!this.o.github || !c.repo.gitops)) {
      throw new ConfigError(
        `github-push: ${spec.path} must be a checkout of the GitOps repository on GitHub, with a token for GitHub's API (the action's token input; GITHUB_TOKEN for gantry promote); push other repositories with git-push`
      );
    }
    const git = (args) => this.run(c.repo, args, c.dir);
    const head = c.head ?? (await git(["rev-parse", "HEAD"])).stdout.trim();
    const url = (commit) => commitUrl(c.repo.url, commit);
    if (spec.tag !== void 0) {
      if (this.o.dryRun) {
        this.o.log(`git-push: dry run, tag ${spec.tag} not pushed`);
      } else if (!this.landing) {
        this.o.log(`git-push: tag ${spec.tag} will be pushed with the stage's commit`);
        this.deferredTags.push({ c, tag: spec.tag });
      } else {
        await this.pushTag(c, spec.tag);
      }
      return { branch: c.branch ?? "", commit: head, ...optionalUrl(url(head)) };
    }
    const generated = spec.generateTargetBranch;
    const target = generated ? this.generatedBranch : spec.targetBranch ?? c.branch;
    if (target === void 0) {
      throw new ConfigError(
        `git-push: path ${JSON.stringify(spec.path)} is a checkout of a commit or tag: name the branch to push to in targetBranch`
      );
    }
    if (spec.force && !generated) {
      throw new ConfigError(
        `git-push: force: gantry never force-pushes a branch that others may write (${target}); a push that loses a race runs the template again on the new tip`
      );
    }
    const toStage = c.repo.gitops && target === this.o.stageBranch;
    if (toStage && this.o.opensPullRequests) {
      throw new ConfigError(
        `git-push: the template opens a pull request, so it may not push to the stage's branch ${target} itself (that would bypass the pull request); push with generateTargetBranch: true`
      );
    }
    const carries = c.stage && (toStage || generated);
    if (toStage || carries) {
      if (this.landing) {
        throw new ConfigError(
          `git-push: the stage's commit was pushed already (to ${this.landing.pushedTo}); a promotion is one commit on ${this.o.stageBranch}`
        );
      }
      if (!c.stage) {
        throw new ConfigError(
          `git-push: ${spec.path} is not the checkout of ${this.o.stageBranch}, so it does not carry the stage's state; push the checkout of the stage's branch`
        );
      }
      return this.pushStage(c, target, head, generated, !toStage, spec.viaGitHub ?? false);
    }
    if (this.o.dryRun) {
      this.o.log(`git-push: dry run, ${head.slice(0, 7)} not pushed to ${target}`);
    } else {
      await this.pushRef(c, head, target, generated);
    }
    this.pushed.set(target, { commit: head, checkout: c });
    return { branch: target, commit: head, ...optionalUrl(url(head)) };
  }
  async pushTag(c, tag) {
    const args = ["push", "--porcelain", "origin", `refs/tags/${tag}`];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    if (PUSH_RACE.test(res.stdout)) {
      throw new OperationError(`git-push: tag ${tag} already exists in ${c.repo.url}`);
    }
    throw c.repo.git.error(args, res);
  }
  async pushRef(c, commit, target, force, tags = [], more = []) {
    const atomic = tags.length > 0 || more.length > 0;
    const args = [
      "push",
      "--porcelain",
      ...atomic ? ["--atomic"] : [],
      "origin",
      `${force ? "+" : ""}${commit}:refs/heads/${target}`,
      ...tags.map((t) => `refs/tags/${t}`),
      ...more
    ];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    if (atomic && /does not support --atomic/i.test(res.stderr)) {
      await this.pushRef(c, commit, target, force);
      for (const t of tags) await this.pushTag(c, t);
      if (more.length) await this.pushRefspecs(c, more, target);
      return;
    }
    const lines = res.stdout.split("\n");
    const taken = tags.find(
      (t) => lines.some((l) => l.includes(`refs/tags/${t}	`) && /\(already exists\)/.test(l))
    );
    if (taken !== void 0 && !lines.some((l) => /\((?:fetch first|non-fast-forward)\)/.test(l))) {
      throw new OperationError(
        `git-push: tag ${taken} already exists in ${c.repo.url}; nothing was pushed (the tag goes in the same push as the stage's commit)`
      );
    }
    throw this.pushFailure(c, args, res, target);
  }
  /** A push's failure: a rejected ref is a lost race (the promotion runs again), else git's error. */
  pushFailure(c, args, res, target) {
    if (pushRaceLost(res)) {
      this.o.log(`push to ${target} lost a race; running the promotion again on the new tip`);
      return new RaceLostError(`${target} moved while the promotion ran`);
    }
    return c.repo.git.error(args, res);
  }
  /** Refspecs pushed as they are; a rejection is a lost race. */
  async pushRefspecs(c, refspecs, target) {
    const args = ["push", "--porcelain", "origin", ...refspecs];
    const res = await c.repo.git.tryRun([...c.repo.config, ...args], { cwd: c.dir });
    if (res.exitCode === 0) return;
    throw this.pushFailure(c, args, res, target);
  }
  async pushStage(c, target, head, generated, proposal, viaGitHub) {
    const git = (args, input) => c.repo.git.run([...c.repo.config, ...args], {
      cwd: c.dir,
      ...input !== void 0 ? { input } : {}
    });
    const parent = c.remoteTip;
    const { changes } = stageChange(this.o.write, c.previous);
    const base = {
      ...parent !== void 0 ? { parent } : {},
      ...c.previous ? { previous: c.previous } : {},
      changes,
      pushedTo: target
    };
    if (head === parent) {
      this.landing = { ...base, changed: false, commit: head, changes: [] };
      this.pushed.set(target, { commit: head, base: head, checkout: c });
      if (!this.o.dryRun) {
        for (const t of this.deferredTags.splice(0)) await this.pushTag(t.c, t.tag);
      }
      return { branch: target, commit: head, ...optionalUrl(commitUrl(c.repo.url, head)) };
    }
    const recorded = c.recorded !== void 0 && c.head === head;
    const wrote = recorded ? void 0 : await c.repo.git.tryRun(["cat-file", "-e", `${head}:${this.statePath}`], { cwd: c.dir });
    if (wrote && wrote.exitCode !== 0) {
      throw new ConfigError(
        `git-push: the commit to push to ${target} does not carry the stage's state: commit the checkout with git-commit before pushing it`
      );
    }
    if (this.o.dryRun) {
      const diff = (await git(["show", "--format=%B", "--stat", "--patch", head])).stdout;
      this.landing = { ...base, changed: true, commit: head, diff };
      this.pushed.set(target, { commit: head, ...parent ? { base: parent } : {}, checkout: c });
      return { branch: target, commit: head };
    }
    let commit = head;
    let pullRequest;
    let proposed = false;
    if (parent === void 0 && c.branch === this.o.stageBranch && (proposal || this.o.publish || viaGitHub)) {
      const root = c.started ?? (await git(["rev-list", "--max-parents=0", head])).stdout.trim();
      if (proposal && !viaGitHub) {
        await this.pushRef(
          c,
          root,
          this.o.stageBranch,
          false,
          [],
          [`${generated ? "+" : ""}${head}:refs/heads/${target}`]
        );
        proposed = true;
      } else await this.pushRef(c, root, this.o.stageBranch, false);
      base.parent = root;
    }
    const github = viaGitHub ? this.o.github : void 0;
    const request = async (branch) => ({
      dir: c.dir,
      commit: head,
      parent: base.parent ?? "",
      branch,
      message: (await git(["log", "-1", "--format=%B", head])).stdout,
      changes,
      edits: [],
      git: (args, input) => git(args, input)
    });
    if (proposal && github && base.parent !== void 0) {
      await github.setBranch({ branch: target, sha: base.parent });
      commit = (await signedPublisher(github)(await request(target))).commit;
    } else if (proposal) {
      if (!proposed) await this.pushRef(c, head, target, generated);
    } else if (github && !this.o.publish && base.parent !== void 0) {
      commit = (await signedPublisher(github)(await request(target))).commit;
    } else if (this.o.publish && base.parent !== void 0) {
      const message = (await git(["log", "-1", "--format=%B", head])).stdout;
      const published = await this.o.publish({
        dir: c.dir,
        commit: head,
        parent: base.parent,
        branch: target,
        message,
        changes,
        edits: [],
        git: (args, input) => git(args, input)
      });
      commit = published.commit;
      pullRequest = published.pullRequest;
    } else {
      const along = this.deferredTags.filter((t) => t.c.repo === c.repo);
      await this.pushRef(
        c,
        head,
        target,
        false,
        along.map((t) => t.tag)
      );
      for (const t of along) this.deferredTags.splice(this.deferredTags.indexOf(t), 1);
    }
    this.landing = {
      ...base,
      changed: true,
      commit,
      ...pullRequest ? { pullRequest } : {}
    };
    this.pushed.set(target, { commit, ...base.parent ? { base: base.parent } : {}, checkout: c });
    for (const t of this.deferredTags.splice(0)) await this.pushTag(t.c, t.tag);
    return { branch: target, commit, ...optionalUrl(commitUrl(c.repo.url, commit)) };
  }
  /**
   * Whether git-commit already wrote the stage's state into the stage's checkout: stage metadata
   * set after that would miss the commit that records the promotion.
   */
  get stageRecorded() {
    return [...this.checkouts.values()].some((c) => c.stage && c.recorded !== void 0);
  }
  /** A commit's message, read from the clone that has it. */
  async messageOf(branch) {
    const p = this.pushed.get(branch);
    if (!p) return void 0;
    const res = await p.checkout.repo.git.tryRun(["log", "-1", "--format=%B", p.commit], {
      cwd: p.checkout.dir
    });
    return res.exitCode === 0 ? res.stdout.trim() : void 0;
  }
  /** Whether `branch`'s pushed commit has the same tree as its base: a pull request would be empty. */
  async sameAsBase(branch) {
    const p = this.pushed.get(branch);
    if (!p?.base) return false;
    const c = p.checkout;
    if (c.head === p.commit && c.builtOn !== void 0 && c.builtOn === p.base) return false;
    const res = await p.checkout.repo.git.tryRun(
      ["rev-parse", `${p.commit}^{tree}`, `${p.base}^{tree}`],
      { cwd: p.checkout.dir }
    );
    const [a, b] = res.stdout.split("\n");
    return res.exitCode === 0 && a === b;
  }
};
function missingBranch(branch, url) {
  return `branch ${branch} does not exist in ${url}; set create: true on the checkout to start it (its first push creates it)`;
}
function identityEnv(id) {
  if (!id) return void 0;
  return {
    GIT_AUTHOR_NAME: id.name,
    GIT_COMMITTER_NAME: id.name,
    GIT_AUTHOR_EMAIL: id.email,
    GIT_COMMITTER_EMAIL: id.email
  };
}
function commitUrl(repoURL, commit) {
  const gh = githubRepoOf(repoURL);
  if (!gh) return void 0;
  const web = gh.apiUrl === "https://api.github.com" ? "https://github.com" : gh.apiUrl.replace(/\/api\/v3\/?$/, "");
  return `${web}/${gh.owner}/${gh.repo}/commit/${commit}`;
}
function optionalUrl(url) {
  return url ? { commitURL: url } : {};
}

// src/promotion/workspace-promotion.ts
async function promoteInWorkspace(a) {
  const { options: o, stage, plan } = a;
  const first = plan.problems[0];
  if (first) throw new ConfigError(`stage ${stage.name}: ${first.message}`);
  const host = o.store.workspaceHost();
  const stageBranch = stage.branch ?? await o.store.defaultBranch();
  const write = {
    project: o.project.name,
    stage: stage.name,
    branch: stageBranch,
    freight: a.freight,
    promotedBy: o.promotedBy,
    approvedBy: a.approvedBy,
    ...o.run ? { run: o.run } : {},
    autoPromotionHold: a.hold,
    dryRun: o.dryRun,
    ...a.notes ? { stageMetadata: () => a.notes?.current?.ownStageMetadata() } : {}
  };
  const now = host.retryHooks?.now ?? Date.now;
  const started = now();
  let attempts = 0;
  let transient = 0;
  let earlier;
  let seeds = host.seeds?.();
  const attempt = async () => {
    attempts++;
    const firstSeeds = seeds;
    seeds = void 0;
    const seedTip = firstSeeds?.tips.get(stageBranch);
    const scratch = await host.scratch();
    const ws = new Workspace({
      host,
      dir: scratch.dir,
      write,
      stageBranch,
      ...firstSeeds ? { seeds: firstSeeds } : {},
      ...seedTip !== void 0 ? { seedState: { tip: seedTip, state: a.stageState } } : {},
      opensPullRequests: plan.pullRequests.length > 0,
      ...a.publish ? { publish: a.publish } : {},
      dryRun: o.dryRun,
      log: o.log,
      ...o.github ? { github: o.github.repo } : {}
    });
    try {
      await ws.init();
      let done;
      try {
        done = await runSteps(
          stage.promotionTemplate,
          {
            worktree: ws.root,
            workspace: ws,
            project: o.project.name,
            stage: stage.name,
            freight: a.freight,
            freightCollection: a.collection,
            ...stepServices(o),
            ...a.notes ? { notes: a.notes.fresh() } : {},
            ...a.exprContext
          },
          o.registry
        );
      } catch (err) {
        const landed2 = ws.landing?.changed ? ws.landing : earlier;
        if (err instanceof RaceLostError && ws.landing?.changed && !o.dryRun) earlier = ws.landing;
        if (landed2?.changed && !o.dryRun && !(err instanceof RaceLostError)) {
          const what = landed2.pullRequest ? `its pull request #${landed2.pullRequest.number} is open (${landed2.pullRequest.url})` : `it landed on ${stageBranch} as ${landed2.commit.slice(0, 7)}`;
          if (ws.landing?.changed && a.notes?.current) {
            const problems = await a.notes.current.write(o.store, o.log).catch((e) => [
              `its freight metadata and alias records were not written: ${errorMessage(e)}`
            ]);
            for (const p of problems) o.log(`warning: ${p}`);
          }
          const message = `${errorMessage(err)} (the promotion itself happened before this step: ${what})`;
          throw err instanceof ConfigError ? new ConfigError(message) : new OperationError(message, { cause: err });
        }
        throw err;
      }
      const landed = ws.landing && !ws.landing.changed && earlier ? earlier : ws.landing;
      if (!landed) {
        throw new OperationError(
          done.pending ? `${done.pending.message}, but nothing was pushed for ${stageBranch} before it: nothing was promoted` : `the template ran, but no step pushed the stage's checkout of ${stageBranch}: nothing was promoted (add git-commit and git-push for the checkout of ${stageBranch})`
        );
      }
      const pullRequest = landed.pullRequest ?? done.pending?.pullRequest;
      if (done.pending?.pullRequest && ws.github && !o.dryRun) {
        const wait = done.statuses.length - 1;
        const why = await recordResume(
          ws.github,
          done.pending.pullRequest.number,
          {
            v: 1,
            project: o.project.name,
            stage: stage.name,
            freight: a.freight.id,
            promotion: a.exprContext.promotion ?? "",
            wait,
            outputs: done.outputs,
            statuses: done.statuses
          },
          stage.promotionTemplate.steps.length,
          a.exprContext.data ? secretValues(a.exprContext.data) : []
        );
        if (why) o.log(`warning: ${why}`);
      }
      return {
        changed: landed.changed,
        commit: landed.commit,
        branch: stageBranch,
        ...landed.previous ? { previous: landed.previous } : {},
        changes: landed.changes,
        attempts,
        edits: done.summary,
        ...landed.diff !== void 0 ? { diff: landed.diff } : {},
        ...pullRequest && !landed.merged ? { pullRequest } : {}
      };
    } finally {
      await scratch.remove();
    }
  };
  return retry(
    attempt,
    (err) => err instanceof RaceLostError || host.isTransient(err) && ++transient < host.transientTries,
    host.racePolicy,
    host.retryHooks
  ).catch((err) => {
    if (err instanceof RaceLostError) {
      const seconds = ((now() - started) / 1e3).toFixed(1);
      if (earlier) {
        throw new OperationError(
          `${a.freight.alias} was promoted into ${stage.name} (it landed on ${earlier.pushedTo} as ${earlier.commit.slice(0, 7)}), but a later push of its template kept losing races for ${attempts} tries in ${seconds} s (${err.message})`
        );
      }
      throw new OperationError(
        `could not promote ${a.freight.alias} into ${stage.name}: the branches its template pushes kept moving for ${attempts} tries in ${seconds} s; nothing more was pushed, run the promotion again (${err.message})`
      );
    }
    throw err;
  });
}

// src/promotion/promote.ts
function stepPaths(stage) {
  const steps = stage.promotionTemplate.steps;
  const paths = [];
  for (const step of steps) {
    if (step.uses === "git-clear" || step.uses === "kustomize-build" || step.uses === "helm-template")
      return void 0;
    const values = ["path", "inPath", "outPath", "outFile", "bodyFromFile"].map(
      (k) => step.config[k]
    );
    for (const list of ["paths", "inFiles"]) {
      const many = step.config[list];
      if (Array.isArray(many)) values.push(...many);
    }
    for (const v of values) {
      if (typeof v !== "string") continue;
      if (v.includes("${{") || v.includes("${%")) return void 0;
      if (/[*?[]/.test(v)) return void 0;
      paths.push(v.replace(/^\.?\/+/, ""));
    }
  }
  return paths.filter((p) => p !== "" && p !== ".").length === paths.length ? paths : void 0;
}
async function promote(o) {
  const stage = findStage(o.project, o.stage);
  const mode = o.mode ?? stage.promotionTemplate.mode;
  if (mode === "pull-request" && !o.github) {
    throw new ConfigError(
      `stage ${stage.name} promotes by pull request, which needs the GitOps repository on GitHub and a token (the promote action's repository and token inputs); set mode: direct to push instead`
    );
  }
  const now = o.clock();
  const early = { taken: false };
  try {
    return await promoteWith(o, stage, mode, now, early);
  } finally {
    if (early.opened && !early.taken)
      await early.opened.then(
        (c) => c.remove(),
        () => void 0
      );
  }
}
async function promoteWith(o, stage, mode, now, early) {
  const gate = o.gate ? settled(runGate(stage, o.gate)) : void 0;
  const view = await readView(o, stage, now, early);
  const chosen = chooseFreight(o, stage, view, now);
  if ("note" in chosen) return { stage: stage.name, note: chosen.note, held: false, warnings: [] };
  const { freight } = chosen;
  const hold = rollbackHold(stage, freight, view, now, o.promotedBy);
  const warnings = [];
  const approvedBy = grantApprovers(o, stage, freight, view);
  if (gate) {
    const g = await gate;
    if ("error" in g) throw g.error;
    passGate(g.value, stage, o, approvedBy, warnings);
  }
  const notes = notesFor(o, stage, view);
  const result = redactDiff(
    await publishSteps(o, stage, mode, freight, view, approvedBy, hold, notes, early),
    o.expressionData
  );
  if (notes.current) await writeNotes(o, notes.current, result, warnings);
  const outcome = {
    stage: stage.name,
    freight,
    result,
    held: hold !== null,
    warnings,
    ...approvedBy.length ? { approvedBy } : {}
  };
  if (o.github?.deployments && result.changed && !o.dryRun && !result.pullRequest) {
    const deployment = await recordDeployment(o, o.github, stage, freight, result, warnings);
    if (deployment) outcome.deployment = deployment;
  }
  return outcome;
}
function commitTarget(o, stage) {
  const paths = stepPaths(stage);
  return {
    project: o.project.name,
    stage: stage.name,
    ...stage.branch !== void 0 ? { branch: stage.branch } : {},
    paths,
    sparse: paths !== void 0
  };
}
async function readView(o, stage, now, early) {
  const upstream = new Set(
    stage.requestedFreight.flatMap((r) => r.sources.requiredSoakTimeMs ? r.sources.stages : [])
  );
  const soakStages = o.project.stages.filter((s) => upstream.has(s.name));
  const named = o.freight;
  const statesRead = o.store.stageStates(
    o.project.name,
    o.project.stages,
    clonedBranches(o, stage)
  );
  const records = named !== void 0 && !soakStages.length && !readsOtherFreight(stage) ? o.store.namedPromotionRecords(
    o.project.name,
    (entries, aliasNoteIds) => promotionFreightIds(named, entries, aliasNoteIds)
  ).then((snap2) => snap2 ?? o.store.snapshot(o.project.name)) : o.store.snapshot(o.project.name);
  const historyRead = soakStages.length ? o.store.stageBranches(soakStages).then((branches) => o.store.promotions(o.project.name, branches, o.historyLimit ?? 200)) : Promise.resolve([]);
  if (named !== void 0 && !planWorkspace(o.project.name, stage).workspace) {
    early.opened = Promise.all([statesRead, historyRead]).then(
      () => o.store.openCheckout(commitTarget(o, stage))
    );
    early.opened.catch(() => void 0);
  }
  const [snap, states, history] = await settleAll([records, statesRead, historyRead]);
  const facts = {
    verifications: snap.verifications,
    approvals: snap.approvals,
    project: o.project.name,
    ...soakFromHistory(history, snap.freight, now, states)
  };
  return { snap, states, facts };
}
function readsOtherFreight(stage) {
  if (new Set(stage.requestedFreight.map((r) => `${r.origin.kind}/${r.origin.name}`)).size > 1)
    return true;
  return stage.promotionTemplate.steps.some(
    (s) => s.uses === "set-metadata" || s.uses === "set-freight-alias" || JSON.stringify(s).includes("freightMetadata")
  );
}
function clonedBranches(o, stage) {
  const plan = planWorkspace(o.project.name, stage);
  if (!plan.workspace) return [];
  const out = /* @__PURE__ */ new Set();
  for (const c of plan.checkouts) {
    if (c.branch === void 0 || c.create || c.detached || c.repoURL === void 0) continue;
    if (sameRepository(c.repoURL, o.store.remoteUrl)) out.add(c.branch);
  }
  return [...out];
}
function chooseFreight(o, stage, { snap, states, facts }, now) {
  if (o.freight) {
    const freight = resolveFreight(o.freight, snap.freight);
    const availability = freightAvailability(stage, freight, facts, now);
    if (!availability.available) {
      throw new OperationError(
        `freight ${freight.alias} (${freight.id.slice(0, 7)}) is not available to ${stage.name}: ${availability.reasons.join("; ")}`
      );
    }
    return { freight };
  }
  const candidates = promotionCandidate(stage, snap.freight, facts, now);
  const current = states.get(stage.name);
  const due = [...candidates.values()].find((f) => !current?.freight.some((c) => c.id === f.id));
  if (due) return { freight: due };
  if (!candidates.size) {
    const requested = snap.freight.filter(
      (f) => stage.requestedFreight.some(
        (r) => r.origin.kind === f.origin.kind && r.origin.name === f.origin.name
      )
    );
    const blocked = newestFreight(requested);
    if (blocked) {
      const why = freightAvailability(stage, blocked, facts, now);
      throw new OperationError(
        `no freight is available to ${stage.name}; the newest, ${blocked.alias} (${blocked.id.slice(0, 7)}): ${why.reasons.join("; ")}`
      );
    }
  }
  return {
    note: candidates.size ? "the stage already runs the newest available freight" : "no freight has been recorded for the warehouses this stage requests"
  };
}
function rollbackHold(stage, freight, { snap, facts }, now, by) {
  const available = snap.freight.filter(
    (f) => f.origin.name === freight.origin.name && freightAvailability(stage, f, facts, now).available
  );
  const newest = newestFreight(available);
  if (!newest || newest.id === freight.id) return null;
  return {
    since: now.toISOString(),
    by,
    reason: `promoted ${freight.alias}, older than the newest available ${newest.alias}`
  };
}
function grantApprovers(o, stage, freight, { snap }) {
  const approvedBy = [...o.approvedBy ?? []];
  for (const a of snap.approvals) {
    if (a.project === o.project.name && a.stage === stage.name && a.freightId === freight.id && !approvedBy.includes(a.approvedBy)) {
      approvedBy.push(a.approvedBy);
    }
  }
  return approvedBy;
}
function passGate(g, stage, o, approvedBy, warnings) {
  const warn = (w) => {
    warnings.push(w);
    o.log(`warning: ${w}`);
  };
  for (const line of g.notes) o.log(line);
  for (const w of g.warnings) warn(w);
  if (g.approvals instanceof Error) {
    warn(`could not read the approvals of run ${o.gate?.id}: ${errorMessage(g.approvals)}`);
    return;
  }
  for (const a of g.approvals) {
    if (a.state === "approved" && a.environments.includes(stage.environment) && !approvedBy.includes(a.login)) {
      approvedBy.push(a.login);
    }
  }
}
function publishSteps(o, stage, mode, freight, { snap, states }, approvedBy, hold, notes, early) {
  const collection = [
    ...(states.get(stage.name)?.freight ?? []).filter((f) => f.origin.name !== freight.origin.name).map((f) => snap.freight.find((x) => x.id === f.id)).filter((f) => Boolean(f)),
    freight
  ];
  const publish = mode === "pull-request" && o.github ? pullRequestPublisher({
    github: o.github.repo,
    project: o.project.name,
    stage: stage.name,
    freight,
    runUrl: o.run,
    signed: o.github.signCommits
  }) : o.github?.signCommits ? signedPublisher(o.github.repo) : void 0;
  const plan = planWorkspace(o.project.name, stage);
  if (plan.workspace) {
    const stageState = states.get(stage.name);
    return promoteInWorkspace({
      options: o,
      stage,
      plan,
      ...stageState ? { stageState } : {},
      freight,
      collection,
      approvedBy,
      hold,
      exprContext: promotionExprContext(o, stage, freight, hold),
      ...publish ? { publish } : {},
      notes
    });
  }
  const exprContext = promotionExprContext(o, stage, freight, hold);
  early.taken = early.opened !== void 0;
  return o.store.commitPromotion(
    {
      ...commitTarget(o, stage),
      freight,
      promotedBy: o.promotedBy,
      approvedBy,
      run: o.run,
      dryRun: o.dryRun,
      ...publish ? { publish } : {},
      autoPromotionHold: hold,
      stageMetadata: () => notes.current?.ownStageMetadata(),
      edit: async (worktree) => {
        const recorder = notes.fresh();
        const done = await runSteps(
          stage.promotionTemplate,
          {
            worktree,
            project: o.project.name,
            stage: stage.name,
            freight,
            freightCollection: collection,
            ...stepServices(o),
            notes: recorder,
            ...exprContext
          },
          o.registry
        );
        return done.commitMessage ? [...done.summary, "", ...done.commitMessage.split(/\r?\n/)] : done.summary;
      }
    },
    early.opened
  );
}
async function writeNotes(o, recorder, result, warnings) {
  const warn = (w) => {
    warnings.push(w);
    o.log(`warning: ${w}`);
  };
  const pending = recorder.pendingNotes();
  if (!pending.length) return;
  if (o.dryRun) {
    o.log(`dry run: ${pending.length} freight record(s) (metadata, alias) not written`);
    return;
  }
  try {
    for (const w of await recorder.write(o.store, o.log)) warn(w);
  } catch (err) {
    warn(
      `the promotion landed (${result.commit.slice(0, 7)} on ${result.branch}), but its freight metadata and alias records were not written: ${errorMessage(err)}; promote again to record them`
    );
  }
}
function notesFor(o, stage, { snap, states }) {
  const box = {
    fresh: () => {
      box.current = new PromotionNotesRecorder({
        project: o.project.name,
        stage: stage.name,
        stages: o.project.stages.map((s) => s.name),
        snap,
        states,
        recordedBy: o.run ?? o.promotedBy,
        now: o.clock
      });
      return box.current;
    }
  };
  return box;
}
function redactDiff(result, data) {
  const secrets = data ? secretValues(data) : [];
  if (result.diff === void 0 || secrets.length === 0) return result;
  return { ...result, diff: new Redactor().add(...secrets).redactValues(result.diff) };
}
function promotionExprContext(o, stage, freight, hold) {
  return {
    promotion: promotionName({ stage: stage.name, freight }),
    actor: o.promotedBy,
    // The hold is set exactly when older freight than the newest available is promoted.
    rollback: hold !== null,
    uiBaseUrl: o.run ?? "",
    ...o.expressionData ? { data: o.expressionData } : {}
  };
}
async function recordDeployment(o, github, stage, freight, result, warnings) {
  try {
    const d = await github.repo.createDeployment({
      ref: result.commit,
      environment: stage.environment,
      description: deploymentDescription(freight, result.changes),
      payload: deploymentPayload(
        o.project.name,
        stage.name,
        freight,
        result.branch,
        result.changes
      )
    });
    await github.repo.createDeploymentStatus({
      deploymentId: d.id,
      state: "in_progress",
      description: `promoted; waiting for verification`,
      ...o.run ? { logUrl: o.run } : {}
    });
    return { id: d.id, environment: stage.environment };
  } catch (err) {
    const msg = `the promotion landed, but GitHub did not record its deployment: ${errorMessage(err)}`;
    warnings.push(msg);
    o.log(`warning: ${msg}`);
    return void 0;
  }
}
async function runGate(stage, run) {
  const approvals = await run.api.runApprovals(run.id).catch((err) => err instanceof Error ? err : new Error(String(err)));
  return { ...await checkGate(stage, run, approvals), approvals };
}

// src/promotion/promote-many.ts
function downstreamStages(project, upstream) {
  findStage(project, upstream);
  const names = project.stages.filter((s) => s.requestedFreight.some((r) => r.sources.stages.includes(upstream))).map((s) => s.name);
  if (!names.length) {
    throw new ConfigError(
      `no stage of project ${project.name} requests freight from ${upstream}: nothing is downstream of it`
    );
  }
  return names;
}
function stageList(project, text) {
  const names = [
    ...new Set(
      text.split(",").map((s) => s.trim()).filter(Boolean)
    )
  ];
  if (!names.length) throw new ConfigError("no stage given: name one or more, a,b");
  for (const n of names) findStage(project, n);
  return names;
}
async function upstreamFreight(o, upstream) {
  const stage = findStage(o.project, upstream);
  const state = (await o.store.stageStates(o.project.name, [stage])).get(upstream);
  const current = state?.freight ?? [];
  if (current.length === 1) return current[0].id;
  throw new ConfigError(
    current.length ? `${upstream} runs ${current.length} freight (one per warehouse): name the one to deliver with freight` : `${upstream} runs no freight yet: promote it first, or name the freight to deliver`
  );
}
async function promoteMany(o, stages) {
  const results = [];
  for (const stage of stages) {
    try {
      results.push({ stage, outcome: await promote({ ...o, stage }) });
    } catch (err) {
      o.log(`${stage}: ${errorMessage(err)}`);
      results.push({ stage, error: errorMessage(err) });
    }
  }
  return results;
}

// src/promotion/report.ts
function promotionMarkdown(o, opts) {
  const md = [`## gantry promote ${o.stage}${opts.dryRun ? " (dry run)" : ""}`, ""];
  const f = o.freight;
  const r = o.result;
  if (!f || !r) {
    md.push(`Nothing to promote: ${o.note ?? ""}.`);
    return md.join("\n");
  }
  const freight = `**${tableCell(f.alias)}** (\`${f.id.slice(0, 7)}\`)`;
  const commit = opts.repoWebUrl ? `[\`${r.commit.slice(0, 7)}\`](${opts.repoWebUrl}/commit/${r.commit})` : `\`${r.commit.slice(0, 7)}\``;
  if (opts.dryRun) md.push(`Would promote ${freight} on \`${r.branch}\`.`);
  else if (!r.changed) md.push(`**${o.stage}** already runs ${freight}; nothing to commit.`);
  else if (r.pullRequest) {
    md.push(
      `${r.pullRequest.created ? "Opened" : "Updated"} [pull request #${r.pullRequest.number}](${r.pullRequest.url}) to promote ${freight} into \`${r.branch}\` (commit ${commit}). Merging it is the promotion.`
    );
  } else md.push(`Promoted ${freight}: commit ${commit} on \`${r.branch}\`.`);
  if (r.changes.length) {
    md.push("", ...changesTable(r.changes));
  }
  if (r.edits.length) md.push("", "**Changes made by the steps**", "", ...r.edits.map(tableCell));
  if (o.approvedBy?.length) md.push("", `Approved by ${o.approvedBy.map(tableCell).join(", ")}.`);
  if (o.deployment)
    md.push(
      "",
      `Recorded as a deployment to the \`${tableCell(o.deployment.environment)}\` environment.`
    );
  if (opts.dryRun && r.diff) md.push("", "```diff", r.diff.trimEnd(), "```");
  if (o.held)
    md.push("", `Auto-promotion of **${o.stage}** is now held: newer freight is available.`);
  for (const w of o.warnings) md.push("", `> [!WARNING]`, `> ${tableCell(w)}`);
  return md.join("\n");
}
function promotionText(o, dryRun) {
  if (!o.freight || !o.result) return `nothing to promote into ${o.stage}: ${o.note ?? ""}
`;
  const f = o.freight;
  const r = o.result;
  const name = `${f.alias} (${f.id.slice(0, 7)})`;
  const lines = [];
  if (dryRun) lines.push(`would promote ${name} into ${o.stage} on ${r.branch}:`, "", r.diff ?? "");
  else if (!r.changed) lines.push(`${o.stage} already runs ${name}; nothing to commit`);
  else if (r.pullRequest)
    lines.push(
      `${r.pullRequest.created ? "opened" : "updated"} pull request #${r.pullRequest.number} to promote ${name} into ${o.stage} (${r.branch}): ${r.pullRequest.url}`
    );
  else
    lines.push(`promoted ${name} into ${o.stage}: commit ${r.commit.slice(0, 7)} on ${r.branch}`);
  if (!dryRun) {
    for (const c of r.changes) lines.push(`  ${formatChange(c)}`);
    for (const e of r.edits) lines.push(`  ${e.replace(/^- /, "")}`);
  }
  if (o.held)
    lines.push(
      `auto-promotion of ${o.stage} is now held: newer freight is available (promote the newest to release it)`
    );
  for (const w of o.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n").replace(/\n*$/, "\n");
}

export {
  resumeAfterMerge,
  promote,
  downstreamStages,
  stageList,
  upstreamFreight,
  promoteMany,
  promotionMarkdown,
  promotionText
};
