/**
 * The auto-promotion rule, in one place: which stages auto-promote (a project file's
 * `autoPromotion`, or Kargo's ProjectConfig `promotionPolicies` and a Stage's
 * `autoPromotionOptions`), and whether a stage may now auto-promote a given freight. Discovery
 * (freight straight from a warehouse) and verification (freight verified upstream) both ask
 * `autoPromotionDecision`; the Kargo reader asks `matchingPolicy`. Which freight a stage with Kargo's
 * `selectionPolicy: MatchUpstream` takes is chosen by verify (`downstreamOf`), the only path
 * where such a stage gets freight.
 *
 * It lives beside the pipeline model rather than in promotion/: the Kargo reader, a pipeline
 * module, decides with it when it reads the manifests, and pipeline/ importing promotion/ would
 * make the folders a cycle.
 */
import { compileRegex } from '../util/regex-core.js';

// ---------------------------------------------------------------------------------------------
// Which stages auto-promote: Kargo's promotion policies

/** A Kargo promotion policy as ProjectConfig (or, before it, Project) writes it. */
export interface PromotionPolicy {
  stage?: string;
  stageSelector?: {
    /** Exact, `glob:…`, `regex:…` or `regexp:…`. */
    name?: string;
    matchLabels?: Readonly<Record<string, string>>;
    matchExpressions?: readonly {
      key: string;
      operator: string;
      values?: readonly string[];
    }[];
  };
  autoPromotionEnabled?: boolean;
}

/** What a policy is matched against: the Stage's name and its metadata.labels. */
export interface PolicyStage {
  name: string;
  labels?: Readonly<Record<string, string>>;
}

export function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * `glob:` selectors, as Kargo's doublestar globs read a name without `/`: `*` any run of
 * characters, `?` one, `[…]` a class (`[!…]` or `[^…]` negated), `{a,b}` alternatives.
 */
function globRegex(glob: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) out += escapeRegex(glob[++i] as string);
    else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, end).replace(/^[!^]/, '^');
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else out += escapeRegex(c);
  }
  return new RegExp(`^${out}$`);
}

const REGEX_PREFIX = /^regexp?:/;

/**
 * Why a selector name cannot be matched (a `regex:` that does not compile, as Go's regexp says
 * it), or undefined when it can.
 */
export function selectorNameProblem(pattern: string): string | undefined {
  const regex = REGEX_PREFIX.exec(pattern);
  if (!regex) return undefined;
  try {
    compileRegex(pattern.slice(regex[0].length));
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** A selector name against a stage name: exact, `glob:`, or an unanchored `regex:`/`regexp:`. */
export function nameMatches(pattern: string, name: string): boolean {
  const regex = REGEX_PREFIX.exec(pattern);
  if (regex) {
    try {
      return compileRegex(pattern.slice(regex[0].length)).test(name);
    } catch {
      return false; // selectorNameProblem reports it where the policy is written
    }
  }
  if (pattern.startsWith('glob:')) {
    try {
      return globRegex(pattern.slice('glob:'.length)).test(name);
    } catch {
      return false;
    }
  }
  return pattern === name;
}

/** A Kubernetes label selector (matchLabels and matchExpressions, ANDed) over a Stage's labels. */
function labelsMatch(
  selector: NonNullable<PromotionPolicy['stageSelector']>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const want = selector.matchLabels ?? {};
  if (Object.entries(want).some(([k, v]) => labels[k] !== v)) return false;
  return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'In':
        return has && values.includes(labels[key] as string);
      case 'NotIn':
        return !has || !values.includes(labels[key] as string);
      case 'Exists':
        return has;
      default:
        return !has;
    }
  });
}

/**
 * Whether a promotion policy names a stage, as Kargo decides it: by `stageSelector` when it has
 * one (its name, exact or `glob:`/`regex:`/`regexp:`, and its label selector, both when both are
 * set), else by `stage`.
 */
export function policyMatches(policy: PromotionPolicy, stage: PolicyStage): boolean {
  const selector = policy.stageSelector;
  if (!selector) return policy.stage === stage.name;
  const { name } = selector;
  if (name !== undefined && name !== '' && !nameMatches(name, stage.name)) return false;
  return labelsMatch(selector, stage.labels ?? {});
}

/** The index of the policy that governs a stage (Kargo takes the first that matches), or -1. */
export function matchingPolicy(policies: readonly PromotionPolicy[], stage: PolicyStage): number {
  return policies.findIndex((p) => policyMatches(p, stage));
}

/**
 * Whether a stage auto-promotes under Kargo's policies: the first matching policy's
 * `autoPromotionEnabled`; a stage no policy names, or whose policy leaves it unset, does not
 * (Kargo's default).
 */
export function autoPromotionEnabled(
  policies: readonly PromotionPolicy[],
  stage: PolicyStage,
): boolean {
  return policies[matchingPolicy(policies, stage)]?.autoPromotionEnabled === true;
}

// ---------------------------------------------------------------------------------------------
// May this stage auto-promote this freight now

/** What the rule reads of a stage's state file (StageState has these fields). */
export interface AutoStageState {
  freight: readonly { id: string; origin: { name: string } }[];
  autoPromotionHold?: { since: string; by: string; reason: string };
}

export interface AutoPromotionQuestion {
  /** The stage's `autoPromotion` (for Kargo manifests, resolved from the promotion policies). */
  autoPromotion: boolean;
  /** The stage's state file, undefined when it was never promoted. */
  state: AutoStageState | undefined;
  /** The warehouse the freight comes from. */
  origin: string;
  /** The newest freight of that warehouse available to the stage, if any. */
  candidate: { id: string; alias: string } | undefined;
}

export type AutoPromotionDecision =
  | { due: true }
  | {
      due: false;
      /**
       * `none`: nothing available; `current`: the stage already runs the candidate; `off`: the
       * stage does not auto-promote; `held`: a manual rollback holds it.
       */
      why: 'none' | 'current' | 'off' | 'held';
      reason: string;
    };

/** The hold message discover and verify both print. */
export function holdReason(hold: NonNullable<AutoStageState['autoPromotionHold']>): string {
  return `held since ${hold.since} by ${hold.by}: ${hold.reason}`;
}

/**
 * Kargo's auto-promotion rule: a stage auto-promotes the newest freight available to it, unless
 * it already runs that freight, auto-promotion is off for it, or it is held after a manual
 * rollback. The checks run in that order, so that a stage up to date says so rather than
 * "held".
 */
export function autoPromotionDecision(q: AutoPromotionQuestion): AutoPromotionDecision {
  if (!q.candidate) return { due: false, why: 'none', reason: 'no freight available' };
  const current = q.state?.freight.find((f) => f.origin.name === q.origin);
  if (current?.id === q.candidate.id) {
    return { due: false, why: 'current', reason: `already runs ${q.candidate.alias}` };
  }
  if (!q.autoPromotion) {
    return { due: false, why: 'off', reason: 'auto-promotion is off: promote it by hand' };
  }
  const hold = q.state?.autoPromotionHold;
  if (hold) return { due: false, why: 'held', reason: holdReason(hold) };
  return { due: true };
}
