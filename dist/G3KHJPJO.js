import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  StaleHeadError
} from "./2X254HU4.js";
import {
  RaceLostError,
  changesTable,
  formatChange,
  mergeMetadata,
  tableCell
} from "./W4ICZBQF.js";
import {
  expectArgs
} from "./TFABZY5Z.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  ConfigError,
  OperationError
} from "./HQMHHTDW.js";

// src/promotion/notes.ts
var ALIAS = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
var PromotionNotesRecorder = class {
  constructor(base) {
    this.base = base;
  }
  base;
  stageValues;
  freightValues = /* @__PURE__ */ new Map();
  /** New aliases by freight ID, as they are after this attempt's steps. */
  aliases = /* @__PURE__ */ new Map();
  /**
   * Every alias change in the order the steps made them: written as records in that order, so
   * that an alias one freight gave up and another then took folds the same way.
   */
  aliasLog = [];
  freight(name, step) {
    const found = this.base.snap.freight.find((f) => f.id === name);
    if (!found) {
      const byAlias = this.base.snap.freight.find((f) => this.aliasOf(f) === name);
      const hint = byAlias ? ` ("${name}" is the alias of ${byAlias.id}: pass its ID)` : "";
      throw new OperationError(
        `${step}: freight ${JSON.stringify(name)} not found in project ${this.base.project}${hint}; name freight by its ID, as ctx.targetFreight.name gives it`
      );
    }
    return found;
  }
  aliasOf(f) {
    return this.aliases.get(f.id) ?? f.alias;
  }
  setStageMetadata(stage, values) {
    if (stage !== this.base.stage) {
      const known = this.base.stages.includes(stage);
      throw new ConfigError(
        known ? `set-metadata: stage ${JSON.stringify(stage)} is not the stage being promoted (${this.base.stage}); gantry keeps a stage's metadata in its state file, which only its own promotions write: set it in ${stage}'s promotion template` : `set-metadata: no stage ${JSON.stringify(stage)} in project ${this.base.project}${didYouMean(stage, this.base.stages)}`
      );
    }
    this.stageValues = mergeMetadata(this.stageValues, values);
  }
  setFreightMetadata(name, values) {
    const f = this.freight(name, "set-metadata");
    this.freightValues.set(f.id, mergeMetadata(this.freightValues.get(f.id), values));
  }
  setFreightAlias(name, alias) {
    const f = this.freight(name, "set-freight-alias");
    if (!ALIAS.test(alias)) {
      throw new ConfigError(
        `set-freight-alias: alias ${JSON.stringify(alias)} is not valid: as in Kargo (a Kubernetes label value), at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`
      );
    }
    const previous = this.aliasOf(f);
    const holder = this.base.snap.freight.find((o) => o.id !== f.id && this.aliasOf(o) === alias);
    if (holder) {
      throw new OperationError(
        `set-freight-alias: alias ${JSON.stringify(alias)} is already used by freight ${holder.id.slice(0, 7)} in project ${this.base.project}; aliases are unique in a project`
      );
    }
    if (alias !== previous) {
      this.aliases.set(f.id, alias);
      this.aliasLog.push({ freightId: f.id, alias, previous });
    }
    return { previous };
  }
  /** freightMetadata(): the freight's metadata with this promotion's changes; nil when none. */
  freightMetadata(name) {
    const recorded = this.base.snap.freightMetadata?.[name];
    const pending = this.freightValues.get(name);
    if (!recorded && !pending) return void 0;
    return pending ? mergeMetadata(recorded, pending) : { ...recorded };
  }
  /** stageMetadata(): the stage's metadata from its state file (and this promotion's); nil when none. */
  stageMetadata(stage) {
    const recorded = this.base.states.get(stage)?.metadata;
    const pending = stage === this.base.stage ? this.stageValues : void 0;
    if (!recorded && !pending) return void 0;
    return pending ? mergeMetadata(recorded, pending) : { ...recorded };
  }
  /** What the stage's state file gets from this attempt (the promotion's write asks for it). */
  ownStageMetadata() {
    return this.stageValues;
  }
  /** The records this attempt would write, each timed after every record it has read. */
  pendingNotes() {
    const seen = [
      ...(this.base.snap.notes ?? []).map((n) => Date.parse(n.note.record.recordedAt)),
      ...this.base.snap.freight.map((f) => Date.parse(f.createdAt))
    ];
    const at = new Date(Math.max(this.base.now().getTime(), ...seen.map((t) => t + 1)));
    const common = {
      project: this.base.project,
      recordedAt: at.toISOString(),
      recordedBy: this.base.recordedBy,
      stage: this.base.stage
    };
    const notes = [];
    for (const [freightId, values] of this.freightValues) {
      notes.push({ kind: "metadata", record: { ...common, freightId, values } });
    }
    this.aliasLog.forEach(({ freightId, alias, previous }, i) => {
      const recordedAt = new Date(at.getTime() + i).toISOString();
      notes.push({ kind: "alias", record: { ...common, recordedAt, freightId, alias, previous } });
    });
    return notes;
  }
  /**
   * Writes the freight records (one atomic push), then reads them back: an alias another writer
   * claimed first, between this promotion's read and its push, is not this freight's (the fold
   * decides, the same way for every reader). Returns problems to report; the promotion stands.
   */
  async write(store, log) {
    const notes = this.pendingNotes();
    if (!notes.length) return [];
    const tags = await store.recordNotes(notes);
    for (const t of tags) log(`recorded ${t}`);
    if (!notes.some((n) => n.kind === "alias")) return [];
    const after = await store.snapshot(this.base.project);
    const problems = [];
    for (const d of after.deniedAliases ?? []) {
      if (!tags.includes(d.tag)) continue;
      const keeps = after.freight.find((f) => f.id === d.record.freightId)?.alias;
      problems.push(
        `set-freight-alias: alias ${JSON.stringify(d.record.alias)} went to freight ${d.heldBy.slice(0, 7)}, which claimed it first; freight ${d.record.freightId.slice(0, 7)} keeps ${keeps ?? d.record.previous ?? "its alias"}`
      );
    }
    return problems;
  }
};
var NOTES_SIGNATURES = {
  // Kargo's deprecated second argument (a key) is still read: older manifests use it.
  freightMetadata: { min: 1, max: 2 },
  stageMetadata: { min: 1, max: 1 }
};
function recordedMetadata(snap, states) {
  const copy = (m) => m ? { ...m } : void 0;
  return {
    freightMetadata: (id) => copy(snap.freightMetadata?.[id]),
    stageMetadata: (stage) => copy(states.get(stage)?.metadata)
  };
}
function notesFunctions(notes) {
  return {
    freightMetadata: (args) => {
      const [name, key] = expectArgs("freightMetadata", args, ["string"], ["string"]);
      if (name === "") throw new Error("freightMetadata(): the freight name must not be empty");
      const m = notes?.freightMetadata(name);
      if (key === void 0) return m ?? null;
      if (key === "") throw new Error("freightMetadata(): the metadata key must not be empty");
      return m && Object.hasOwn(m, key) ? m[key] : null;
    },
    stageMetadata: (args) => {
      const [name] = expectArgs("stageMetadata", args, ["string"]);
      if (name === "") throw new Error("stageMetadata(): the stage name must not be empty");
      return notes?.stageMetadata(name) ?? null;
    }
  };
}

// src/promotion/publish.ts
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
function pullRequestBranch(project, stage) {
  return `gantry/promote/${project}/${stage}`;
}
async function fileChanges(p) {
  const out = await p.git(["diff", "--name-status", "-z", "--no-renames", p.parent, p.commit]);
  const fields = out.stdout.split("\0").filter((f) => f !== "");
  const changes = { additions: [], deletions: [] };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] ?? "";
    const path = fields[i + 1] ?? "";
    if (status === "D") {
      changes.deletions.push(path);
      continue;
    }
    const abs = join(p.dir, path);
    if ((await lstat(abs)).isSymbolicLink()) {
      throw new OperationError(
        `${path} is a symbolic link, which a signed commit through GitHub's API cannot carry; promote without sign-commits`
      );
    }
    changes.additions.push({ path, contents: await readFile(abs) });
  }
  return changes;
}
function splitMessage(message) {
  const nl = message.indexOf("\n");
  if (nl < 0) return { headline: message.trim(), body: "" };
  return { headline: message.slice(0, nl).trim(), body: message.slice(nl + 1).replace(/^\n+/, "") };
}
async function signedCommit(github, p, branch, changes) {
  const { additions, deletions } = changes ?? await fileChanges(p);
  const { headline, body } = splitMessage(p.message);
  try {
    const made = await github.createCommitOnBranch({
      branch,
      expectedHeadOid: p.parent,
      headline,
      body,
      additions,
      deletions
    });
    return made.oid;
  } catch (err) {
    if (!(err instanceof StaleHeadError)) throw err;
    const landed = await ownCommitAt(p, branch);
    if (landed) return landed;
    throw new RaceLostError(`${branch} moved: ${err.message}`);
  }
}
function fetchTip(p, branch, ref) {
  const spec = `+refs/heads/${branch}:${ref}`;
  return p.git(["fetch", "-q", "--no-tags", "--depth=2", "--filter=blob:none", "origin", spec]);
}
async function ownCommitAt(p, branch) {
  try {
    const ref = `refs/gantry-published/${branch}`;
    await fetchTip(p, branch, ref);
    const [tip = "", parent = "", tree = ""] = (await p.git(["rev-parse", ref, `${ref}^`, `${ref}^{tree}`])).stdout.split("\n");
    const ours = (await p.git(["rev-parse", `${p.commit}^{tree}`])).stdout.trim();
    return parent === p.parent && tree === ours ? tip : void 0;
  } catch {
    return void 0;
  }
}
function signedPublisher(github) {
  return async (p) => ({ commit: await signedCommit(github, p, p.branch) });
}
var MARKER = "gantry:promotion";
function promotionMarker(project, stage, freightId) {
  return `<!-- ${MARKER} project=${project} stage=${stage} freight=${freightId} -->`;
}
function pullRequestBody(o, branch, changes, edits) {
  const f = o.freight;
  const lines = [
    `Promotes freight **${tableCell(f.alias)}** (\`${f.id.slice(0, 7)}\`) from warehouse \`${f.origin.name}\` into stage **${o.stage}** of project \`${o.project}\`.`,
    "",
    `Merging this pull request is the promotion: \`${branch}\` then runs this freight. gantry updates this pull request when other freight is promoted into ${o.stage} before it is merged.`
  ];
  if (changes.length) {
    lines.push("", ...changesTable(changes));
  }
  if (edits.length)
    lines.push(
      "",
      "<details><summary>Changes made by the steps</summary>",
      "",
      ...edits.map(tableCell),
      "",
      "</details>"
    );
  if (o.runUrl) lines.push("", `Opened by [this workflow run](${o.runUrl}).`);
  lines.push("", promotionMarker(o.project, o.stage, f.id));
  return lines.join("\n") + "\n";
}
function pullRequestPublisher(o) {
  const head = pullRequestBranch(o.project, o.stage);
  return async (p) => {
    const title = p.message.split("\n")[0]?.trim() ?? `promote ${o.stage}`;
    const body = pullRequestBody(o, p.branch, p.changes, p.edits);
    const existing = await o.github.findPullRequest({ head, base: p.branch });
    let commit = p.commit;
    if (existing && await sameChange(p, head, existing, o.freight.id)) {
      commit = existing.headSha;
    } else if (o.signed) {
      const changes = await fileChanges(p);
      const scratch = `${head}-${p.commit.slice(0, 12)}`;
      await o.github.setBranch({ branch: scratch, sha: p.parent });
      try {
        commit = await signedCommit(o.github, { ...p, branch: scratch }, scratch, changes);
        await o.github.setBranch({ branch: head, sha: commit });
      } finally {
        await o.github.deleteBranch(scratch).catch(() => void 0);
      }
    } else {
      await p.git(["push", "--quiet", "--force", "origin", `${p.commit}:refs/heads/${head}`]);
    }
    if (existing) {
      const updated = await o.github.updatePullRequest({ number: existing.number, title, body });
      return { commit, pullRequest: { number: updated.number, url: updated.url, created: false } };
    }
    const created = await o.github.createPullRequest({ head, base: p.branch, title, body });
    return { commit, pullRequest: { number: created.number, url: created.url, created: true } };
  };
}
async function sameChange(p, head, existing, freightId) {
  if (!existing.body.includes(`${MARKER} `) || !existing.body.includes(`freight=${freightId} `)) {
    return false;
  }
  try {
    await fetchTip(p, head, `refs/gantry-pr/${head}`);
    const theirs = (await p.git(["rev-parse", `refs/gantry-pr/${head}`, `refs/gantry-pr/${head}^`])).stdout.split("\n");
    if (theirs[0] !== existing.headSha || theirs[1] !== p.parent) return false;
    const diff = await p.git(["diff", "--name-only", "-z", existing.headSha, p.commit]);
    const paths = diff.stdout.split("\0").filter((x) => x !== "");
    return paths.every((x) => x.startsWith(".gantry/state/"));
  } catch {
    return false;
  }
}
function deploymentDescription(freight, changes) {
  const parts = changes.map((c) => formatChange(c).replace(/^.*\//, ""));
  return `${freight.alias}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
function deploymentPayload(project, stage, freight, branch, changes) {
  return {
    gantry: {
      project,
      stage,
      branch,
      freight: {
        id: freight.id,
        alias: freight.alias,
        warehouse: freight.origin.name,
        images: freight.images.map((i) => ({ repoURL: i.repoURL, tag: i.tag, digest: i.digest })),
        charts: freight.charts.map((c) => ({
          repoURL: c.repoURL,
          name: c.name,
          version: c.version
        })),
        commits: freight.commits.map((c) => ({ repoURL: c.repoURL, id: c.id, tag: c.tag }))
      },
      changes
    }
  };
}

export {
  PromotionNotesRecorder,
  NOTES_SIGNATURES,
  recordedMetadata,
  notesFunctions,
  signedPublisher,
  promotionMarker,
  pullRequestPublisher,
  deploymentDescription,
  deploymentPayload
};
