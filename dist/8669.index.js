export const id = 8669;
export const ids = [8669,7107];
export const modules = {

/***/ 4731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ escapeRegex),
/* harmony export */   SD: () => (/* binding */ selectorNameProblem),
/* harmony export */   V4: () => (/* binding */ autoPromotionDecision),
/* harmony export */   mK: () => (/* binding */ matchingPolicy)
/* harmony export */ });
/* unused harmony exports nameMatches, policyMatches, autoPromotionEnabled, holdReason */
/* harmony import */ var _util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
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

function escapeRegex(s) {
    return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
/**
 * `glob:` selectors, as Kargo's doublestar globs read a name without `/`: `*` any run of
 * characters, `?` one, `[…]` a class (`[!…]` or `[^…]` negated), `{a,b}` alternatives.
 */
function globRegex(glob) {
    let out = '';
    let depth = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\' && i + 1 < glob.length)
            out += escapeRegex(glob[++i]);
        else if (c === '*')
            out += '.*';
        else if (c === '?')
            out += '.';
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0) {
                out += '\\[';
                continue;
            }
            const body = glob.slice(i + 1, end).replace(/^[!^]/, '^');
            out += `[${body.replace(/\\/g, '\\\\')}]`;
            i = end;
        }
        else if (c === '{') {
            depth++;
            out += '(?:';
        }
        else if (c === '}' && depth > 0) {
            depth--;
            out += ')';
        }
        else if (c === ',' && depth > 0)
            out += '|';
        else
            out += escapeRegex(c);
    }
    return new RegExp(`^${out}$`);
}
const REGEX_PREFIX = /^regexp?:/;
/**
 * Why a selector name cannot be matched (a `regex:` that does not compile, as Go's regexp says
 * it), or undefined when it can.
 */
function selectorNameProblem(pattern) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (!regex)
        return undefined;
    try {
        (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length));
        return undefined;
    }
    catch (err) {
        return err instanceof Error ? err.message : String(err);
    }
}
/** A selector name against a stage name: exact, `glob:`, or an unanchored `regex:`/`regexp:`. */
function nameMatches(pattern, name) {
    const regex = REGEX_PREFIX.exec(pattern);
    if (regex) {
        try {
            return (0,_util_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .DL)(pattern.slice(regex[0].length)).test(name);
        }
        catch {
            return false; // selectorNameProblem reports it where the policy is written
        }
    }
    if (pattern.startsWith('glob:')) {
        try {
            return globRegex(pattern.slice('glob:'.length)).test(name);
        }
        catch {
            return false;
        }
    }
    return pattern === name;
}
/** A Kubernetes label selector (matchLabels and matchExpressions, ANDed) over a Stage's labels. */
function labelsMatch(selector, labels) {
    const want = selector.matchLabels ?? {};
    if (Object.entries(want).some(([k, v]) => labels[k] !== v))
        return false;
    return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (operator) {
            case 'In':
                return has && values.includes(labels[key]);
            case 'NotIn':
                return !has || !values.includes(labels[key]);
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
function policyMatches(policy, stage) {
    const selector = policy.stageSelector;
    if (!selector)
        return policy.stage === stage.name;
    const { name } = selector;
    if (name !== undefined && name !== '' && !nameMatches(name, stage.name))
        return false;
    return labelsMatch(selector, stage.labels ?? {});
}
/** The index of the policy that governs a stage (Kargo takes the first that matches), or -1. */
function matchingPolicy(policies, stage) {
    return policies.findIndex((p) => policyMatches(p, stage));
}
/**
 * Whether a stage auto-promotes under Kargo's policies: the first matching policy's
 * `autoPromotionEnabled`; a stage no policy names, or whose policy leaves it unset, does not
 * (Kargo's default).
 */
function autoPromotionEnabled(policies, stage) {
    return policies[matchingPolicy(policies, stage)]?.autoPromotionEnabled === true;
}
/** The hold message discover and verify both print. */
function holdReason(hold) {
    return `held since ${hold.since} by ${hold.by}: ${hold.reason}`;
}
/**
 * Kargo's auto-promotion rule: a stage auto-promotes the newest freight available to it, unless
 * it already runs that freight, auto-promotion is off for it, or it is held after a manual
 * rollback. The checks run in that order, so that a stage up to date says so rather than
 * "held".
 */
function autoPromotionDecision(q) {
    if (!q.candidate)
        return { due: false, why: 'none', reason: 'no freight available' };
    const current = q.state?.freight.find((f) => f.origin.name === q.origin);
    if (current?.id === q.candidate.id) {
        return { due: false, why: 'current', reason: `already runs ${q.candidate.alias}` };
    }
    if (!q.autoPromotion) {
        return { due: false, why: 'off', reason: 'auto-promotion is off: promote it by hand' };
    }
    const hold = q.state?.autoPromotionHold;
    if (hold)
        return { due: false, why: 'held', reason: holdReason(hold) };
    return { due: true };
}


/***/ }),

/***/ 7107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileRegex: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.DL),
/* harmony export */   loadRegexEngine: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.cG)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * Go RE2 patterns, with the engine loaded: a module that matches at run time (discovery's tag
 * filters, the copy step's globs, …) imports this one, and re2js loads with it. Modules that may
 * compile a pattern only for some projects (project checks, expressions) import ./regex-core.js,
 * and whoever loads those projects loads the engine first when they need it (loadRegexEngine).
 */


(0,_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .useRegexEngine */ .p8)({ RE2JS: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3, RE2JSException: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSException */ .o_ });



/***/ })

};
