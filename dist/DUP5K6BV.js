import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  newestFreight
} from "./VO6IMAWJ.js";
import {
  formatDuration
} from "./XEBSUSON.js";
import {
  suggest
} from "./TFE6LUOK.js";
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/promotion/availability.ts
var sameProject = (project, r) => project === void 0 || r.project === project;
function requestFor(stage, freight) {
  return stage.requestedFreight.find(
    (r) => r.origin.kind === freight.origin.kind && r.origin.name === freight.origin.name
  );
}
function human(ms) {
  return formatDuration(Math.max(0, Math.floor(ms / 1e3) * 1e3));
}
function freightAvailability(stage, freight, facts, now) {
  if (!stage) return { available: false, reasons: ["no such stage"] };
  if (!freight) return { available: false, reasons: ["no such freight"] };
  const req = requestFor(stage, freight);
  if (!req) {
    return {
      available: false,
      reasons: [`warehouse ${freight.origin.name} is not requested by stage ${stage.name}`]
    };
  }
  const approved = facts.approvals.some(
    (a) => a.stage === stage.name && a.freightId === freight.id && sameProject(facts.project, a)
  );
  if (approved) return { available: true, reasons: [], via: "approval" };
  if (req.sources.direct) return { available: true, reasons: [], via: "direct" };
  const upstream = req.sources.stages;
  if (!upstream.length) {
    return {
      available: false,
      reasons: [
        `stage ${stage.name} takes warehouse ${freight.origin.name} from no source (neither direct nor upstream stages)`
      ]
    };
  }
  const required = req.sources.requiredSoakTimeMs;
  const checks = upstream.map((up) => checkUpstream(up, freight, facts, required, now));
  const ok = checks.filter((c) => c.ok);
  const all = req.sources.availabilityStrategy === "All";
  if (all ? ok.length === checks.length : ok.length > 0) {
    return { available: true, reasons: [], via: "verification" };
  }
  const missing = checks.filter((c) => !c.ok);
  const reasons = missing.map((c) => c.reason);
  let availableAt;
  if (all) {
    if (missing.every((c) => c.availableAt)) {
      availableAt = new Date(Math.max(...missing.map((c) => c.availableAt.getTime())));
    }
  } else {
    const times = missing.flatMap((c) => c.availableAt ? [c.availableAt.getTime()] : []);
    if (times.length) availableAt = new Date(Math.min(...times));
  }
  if (all && upstream.length > 1) {
    reasons.unshift(`needs all of ${upstream.join(", ")} (availabilityStrategy All)`);
  } else if (!all && upstream.length > 1) {
    reasons.unshift(`needs one of ${upstream.join(", ")}`);
  }
  return { available: false, reasons, ...availableAt ? { availableAt } : {} };
}
function checkUpstream(up, freight, facts, required, now) {
  const verified = facts.verifications.some(
    (v) => v.stage === up && v.freightId === freight.id && sameProject(facts.project, v)
  );
  if (!verified) return { ok: false, reason: `not verified in ${up}` };
  if (!required) return { ok: true };
  const soak = facts.soak(up, freight.id);
  if (soak !== void 0 && soak >= required) return { ok: true };
  const since = facts.currentSince?.(up, freight.id);
  const need = `needs ${formatDuration(required)} of soak time in ${up}`;
  if (soak === void 0) return { ok: false, reason: `${need}; has not run there` };
  if (!since) {
    return {
      ok: false,
      reason: `${need}; has ${human(soak)} and no longer runs there`
    };
  }
  const at = new Date(Math.max(since.getTime() + required, now.getTime()));
  return {
    ok: false,
    reason: `${need}; has ${human(soak)} (available at ${at.toISOString()})`,
    availableAt: at
  };
}
function soakFromHistory(promotions, freight, now, states) {
  const originOf = new Map(freight.map((f) => [f.id, `${f.origin.kind}/${f.origin.name}`]));
  const key = (stage, id) => `${stage}\0${id}`;
  const longest = /* @__PURE__ */ new Map();
  const since = /* @__PURE__ */ new Map();
  const note = (stage, id, ms) => longest.set(key(stage, id), Math.max(longest.get(key(stage, id)) ?? 0, Math.max(0, ms)));
  const byStage = /* @__PURE__ */ new Map();
  promotions.forEach((p, order) => {
    const at = Date.parse(p.promotedAt);
    if (Number.isNaN(at)) return;
    byStage.set(p.stage, [...byStage.get(p.stage) ?? [], { p, at, order }]);
  });
  for (const [stage, list] of byStage) {
    list.sort((a, b) => a.at - b.at || b.order - a.order);
    const current = /* @__PURE__ */ new Map();
    for (const { p, at } of list) {
      const origin = originOf.get(p.freightId);
      const ending = origin === void 0 ? [...current.keys()] : current.get(origin)?.id === p.freightId ? [] : current.has(origin) ? [origin] : [];
      for (const o2 of ending) {
        const c = current.get(o2);
        note(stage, c.id, at - c.at);
        current.delete(o2);
      }
      const o = origin ?? `?/${p.freightId}`;
      if (!current.has(o)) current.set(o, { id: p.freightId, at });
    }
    for (const c of current.values()) {
      note(stage, c.id, now.getTime() - c.at);
      since.set(key(stage, c.id), new Date(c.at));
    }
  }
  const times = [...byStage.values()].flatMap((list) => list.map((e) => e.at));
  const oldest = times.length ? Math.min(...times) : void 0;
  for (const [stage, state] of states ?? []) {
    for (const f of state?.freight ?? []) {
      const origin = `${f.origin.kind}/${f.origin.name}`;
      const seen = (byStage.get(stage) ?? []).some(
        (e) => originOf.get(e.p.freightId) === origin || !originOf.has(e.p.freightId)
      );
      if (seen) continue;
      const starts = [Date.parse(state?.promotedAt ?? "")].filter((t) => !Number.isNaN(t));
      if (oldest !== void 0) starts.push(oldest);
      if (!starts.length) continue;
      const start = Math.min(...starts, now.getTime());
      note(stage, f.id, now.getTime() - start);
      since.set(key(stage, f.id), new Date(start));
    }
  }
  return {
    soak: (stage, id) => longest.get(key(stage, id)),
    currentSince: (stage, id) => since.get(key(stage, id))
  };
}
function promotionCandidate(stage, freightNewestFirst, facts, now) {
  const out = /* @__PURE__ */ new Map();
  for (const req of stage.requestedFreight) {
    const available = freightNewestFirst.filter(
      (f) => f.origin.kind === req.origin.kind && f.origin.name === req.origin.name && freightAvailability(stage, f, facts, now).available
    );
    const newest = newestFreight(available);
    if (newest) out.set(req.origin.name, newest);
  }
  return out;
}
var MIN_ID_PREFIX = 7;
function resolveFreight(ref, freight) {
  const wanted = ref.trim();
  const lower = wanted.toLowerCase();
  if (!wanted) throw new ConfigError("no freight given: name one by ID, ID prefix or alias");
  const exact = freight.find((f) => f.id === lower) ?? freight.find((f) => f.alias === wanted) ?? freight.find((f) => f.alias.toLowerCase() === lower);
  if (exact) return exact;
  const label = (f) => `${f.alias} (${f.id.slice(0, MIN_ID_PREFIX)})`;
  if (/^[0-9a-f]+$/.test(lower)) {
    const matches = freight.filter((f) => f.id.startsWith(lower));
    if (matches.length && lower.length < MIN_ID_PREFIX) {
      throw new ConfigError(
        `freight ID prefix "${wanted}" is too short: give at least ${MIN_ID_PREFIX} characters, or the alias`
      );
    }
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      const shown = matches.slice(0, 5).map(label).join(", ");
      const more = matches.length > 5 ? ` and ${matches.length - 5} more` : "";
      throw new ConfigError(
        `freight ID prefix "${wanted}" is ambiguous: it matches ${shown}${more}; give more characters or the alias`
      );
    }
  }
  if (!freight.length) throw new ConfigError(`no freight "${wanted}": there is no freight yet`);
  const close = suggest(
    wanted,
    freight.map((f) => f.alias)
  );
  const hint = close !== void 0 ? ` (did you mean "${close}"?)` : "";
  throw new ConfigError(
    `no freight "${wanted}"${hint}: name freight by its ID, an ID prefix of at least ${MIN_ID_PREFIX} characters, or its alias`
  );
}

export {
  freightAvailability,
  soakFromHistory,
  promotionCandidate,
  resolveFreight
};
