import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  formatDuration,
  scanDuration
} from "./SSNOSDZA.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  normalizeChartURL,
  normalizeGitURL,
  normalizeImageURL,
  parseVersion,
  require_constants,
  require_debug,
  require_identifiers,
  require_parse_options,
  require_re,
  require_semver
} from "./KKJNXGQK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import {
  GantryError
} from "./HQMHHTDW.js";
import {
  __commonJS,
  __toESM
} from "./5TKDJZQG.js";

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse2;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid = (version, options) => {
      const v = parse2(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var clean = (version, options) => {
      const s = parse2(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc2 = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc2;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse2(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse2(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse2(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY2 = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY2;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY2) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY2;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY2 || version === ANY2) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY: ANY2 } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY2) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY: ANY2 } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY2) {
        if (dom.length === 1 && dom[0].semver === ANY2) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY2) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse2 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc2 = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse2,
      valid,
      clean,
      inc: inc2,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/expr/builtins.ts
var import_semver = __toESM(require_semver2(), 1);

// src/expr/time.ts
var NS_PER_MS = 1e6;
var MINUTE_MS = 6e4;
var MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var TimeError = class extends Error {
};
var ExprDuration = class {
  ns;
  constructor(ns) {
    this.ns = ns;
  }
  /** Go's `Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`. */
  toString() {
    return formatDuration2(this.ns);
  }
};
var ExprTime = class _ExprTime {
  /** Milliseconds since the Unix epoch. */
  ms;
  /** Offset of the wall clock from UTC, in minutes. */
  offsetMinutes;
  constructor(ms, offsetMinutes = 0) {
    if (!Number.isFinite(ms)) throw new TimeError("invalid time");
    this.ms = ms;
    this.offsetMinutes = offsetMinutes;
  }
  static fromDate(d) {
    return new _ExprTime(d.getTime(), 0);
  }
  toDate() {
    return new Date(this.ms);
  }
  /** The wall clock at this time's offset, as a UTC-based Date (read it with getUTC*). */
  wall() {
    return new Date(this.ms + this.offsetMinutes * MINUTE_MS);
  }
  /** Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
  toString() {
    return formatTime(this, "2006-01-02 15:04:05.999999999 -0700 MST");
  }
  /** RFC 3339 with fractional seconds when present, as Go marshals times to JSON. */
  toJSON() {
    return formatTime(this, "2006-01-02T15:04:05.999999999Z07:00");
  }
};
function parseDuration(text) {
  const found = scanDuration(text);
  if (found.ok) return new ExprDuration(found.sign * Math.round(found.ns));
  if (found.reason === "unknown-unit") {
    throw new TimeError(
      `time: unknown unit ${JSON.stringify(found.unit)} in duration ${JSON.stringify(text)}`
    );
  }
  throw new TimeError(`time: invalid duration ${JSON.stringify(text)}`);
}
function trimFraction(digits) {
  return digits.replace(/0+$/, "");
}
function formatDuration2(ns) {
  return formatDuration(ns, "go");
}
var STD = [
  "January",
  "Jan",
  "Monday",
  "Mon",
  "MST",
  "2006",
  "-07:00:00",
  "-070000",
  "-07:00",
  "-0700",
  "-07",
  "Z07:00:00",
  "Z070000",
  "Z07:00",
  "Z0700",
  "Z07",
  "002",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "_2",
  "15",
  "1",
  "2",
  "3",
  "4",
  "5",
  "PM",
  "pm"
];
var layoutCache = /* @__PURE__ */ new Map();
function chunksOf(layout) {
  const cached = layoutCache.get(layout);
  if (cached) return cached;
  const chunks = [];
  let lit = "";
  let i = 0;
  outer: while (i < layout.length) {
    const frac = /^([.,])(0+|9+)(?!\d)/.exec(layout.slice(i));
    if (frac && /(05|5)$/.test(layout.slice(0, i))) {
      if (lit) chunks.push({ lit });
      lit = "";
      const digits = frac[2] ?? "";
      chunks.push({
        std: "frac",
        frac: { digits: digits.length, trim: digits[0] === "9", sep: frac[1] ?? "." }
      });
      i += frac[0].length;
      continue;
    }
    for (const std of STD) {
      if (layout.startsWith(std, i)) {
        if (lit) chunks.push({ lit });
        lit = "";
        chunks.push({ std });
        i += std.length;
        continue outer;
      }
    }
    lit += layout[i];
    i++;
  }
  if (lit) chunks.push({ lit });
  if (layoutCache.size > 100) layoutCache.clear();
  layoutCache.set(layout, chunks);
  return chunks;
}
function pad(n, width, fill = "0") {
  return String(n).padStart(width, fill);
}
function formatOffset(minutes, std) {
  if (std.startsWith("Z") && minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  const body = std.replace(/^Z/, "-");
  switch (body) {
    case "-07":
      return `${sign}${hh}`;
    case "-0700":
      return `${sign}${hh}${mm}`;
    case "-07:00":
      return `${sign}${hh}:${mm}`;
    case "-070000":
      return `${sign}${hh}${mm}00`;
    default:
      return `${sign}${hh}:${mm}:00`;
  }
}
function formatTime(t, layout) {
  const w = t.wall();
  const year = w.getUTCFullYear();
  const month = w.getUTCMonth();
  const day = w.getUTCDate();
  const hour = w.getUTCHours();
  let out = "";
  for (const c of chunksOf(layout)) {
    if ("lit" in c) {
      out += c.lit;
      continue;
    }
    switch (c.std) {
      case "January":
        out += MONTHS[month];
        break;
      case "Jan":
        out += (MONTHS[month] ?? "").slice(0, 3);
        break;
      case "Monday":
        out += DAYS[w.getUTCDay()];
        break;
      case "Mon":
        out += (DAYS[w.getUTCDay()] ?? "").slice(0, 3);
        break;
      case "MST":
        out += t.offsetMinutes === 0 ? "UTC" : formatOffset(t.offsetMinutes, "-0700");
        break;
      case "2006":
        out += pad(year, 4);
        break;
      case "06":
        out += pad(year % 100, 2);
        break;
      case "01":
        out += pad(month + 1, 2);
        break;
      case "1":
        out += String(month + 1);
        break;
      case "02":
        out += pad(day, 2);
        break;
      case "_2":
        out += pad(day, 2, " ");
        break;
      case "2":
        out += String(day);
        break;
      case "002": {
        const start = Date.UTC(year, 0, 1);
        out += pad(Math.floor((w.getTime() - start) / 864e5) + 1, 3);
        break;
      }
      case "15":
        out += pad(hour, 2);
        break;
      case "03":
        out += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case "3":
        out += String(hour % 12 === 0 ? 12 : hour % 12);
        break;
      case "04":
        out += pad(w.getUTCMinutes(), 2);
        break;
      case "4":
        out += String(w.getUTCMinutes());
        break;
      case "05":
        out += pad(w.getUTCSeconds(), 2);
        break;
      case "5":
        out += String(w.getUTCSeconds());
        break;
      case "PM":
        out += hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += hour >= 12 ? "pm" : "am";
        break;
      case "frac": {
        const f = c.frac ?? { digits: 3, trim: false, sep: "." };
        let digits = pad(w.getUTCMilliseconds(), 3).padEnd(9, "0").slice(0, f.digits);
        if (f.trim) digits = trimFraction(digits);
        if (digits) out += f.sep + digits;
        break;
      }
      default:
        out += formatOffset(t.offsetMinutes, c.std);
    }
  }
  return out;
}
var OFFSET_PATTERNS = {
  "-07": "[+-]\\d{2}",
  "-0700": "[+-]\\d{4}",
  "-07:00": "[+-]\\d{2}:\\d{2}",
  "-070000": "[+-]\\d{6}",
  "-07:00:00": "[+-]\\d{2}:\\d{2}:\\d{2}"
};
function stdPattern(c) {
  switch (c.std) {
    case "January":
      return MONTHS.join("|");
    case "Jan":
      return MONTHS.map((m) => m.slice(0, 3)).join("|");
    case "Monday":
      return DAYS.join("|");
    case "Mon":
      return DAYS.map((d) => d.slice(0, 3)).join("|");
    case "MST":
      return "[A-Z]{3,5}|[+-]\\d{4}";
    case "2006":
      return "\\d{4}";
    case "002":
      return "\\d{3}";
    case "_2":
      return " ?\\d{1,2}";
    case "PM":
    case "pm":
      return "[AaPp][Mm]";
    case "frac":
      return "[.,]\\d+";
    default:
      if (c.std.startsWith("Z")) return `Z|${OFFSET_PATTERNS[c.std.replace(/^Z/, "-")] ?? ""}`;
      if (c.std.startsWith("-")) return OFFSET_PATTERNS[c.std] ?? "";
      return c.std.length === 2 ? "\\d{2}" : "\\d{1,2}";
  }
}
function parseOffset(text) {
  if (text === "Z" || text === "UTC" || text === "GMT") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? "0");
  return m[1] === "-" ? -minutes : minutes;
}
function parseTime(layout, value, defaultOffset = 0) {
  const chunks = chunksOf(layout);
  let re = "^";
  const stds = [];
  for (const c of chunks) {
    if ("lit" in c) re += c.lit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else {
      re += `(${stdPattern(c)})`;
      stds.push(c);
    }
  }
  const m = compileRegex(`${re}$`).exec(value);
  const fail = () => new TimeError(
    `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse`
  );
  if (!m) throw fail();
  let year = 1;
  let month = 1;
  let day = 1;
  let yday = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let pm;
  let offset;
  stds.forEach((c, k) => {
    const text = (m[k + 1] ?? "").trim();
    const n = Number(text);
    switch (c.std) {
      case "January":
        month = MONTHS.indexOf(text) + 1;
        break;
      case "Jan":
        month = MONTHS.findIndex((x) => x.startsWith(text)) + 1;
        break;
      case "2006":
        year = n;
        break;
      case "06":
        year = n >= 69 ? 1900 + n : 2e3 + n;
        break;
      case "01":
      case "1":
        month = n;
        break;
      case "02":
      case "_2":
      case "2":
        day = n;
        break;
      case "002":
        yday = n;
        break;
      case "15":
        hour = n;
        break;
      case "03":
      case "3":
        hour = n % 12;
        break;
      case "04":
      case "4":
        minute = n;
        break;
      case "05":
      case "5":
        second = n;
        break;
      case "PM":
      case "pm":
        pm = text.toLowerCase() === "pm";
        break;
      case "frac":
        ms = Number(`0.${text.slice(1)}`) * 1e3;
        break;
      case "MST":
        if (offset === void 0) offset = parseOffset(text);
        break;
      case "Monday":
      case "Mon":
        break;
      default:
        offset = parseOffset(text);
    }
  });
  if (pm === true) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new TimeError(`parsing time ${JSON.stringify(value)}: value out of range`);
  }
  const off = offset ?? defaultOffset;
  let wall = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(ms));
  if (year < 100) {
    const d = new Date(wall);
    d.setUTCFullYear(year);
    wall = d.getTime();
  }
  if (yday > 0) wall = Date.UTC(year, 0, 1) + (yday - 1) * 864e5;
  if (new Date(wall).getUTCDate() !== day && yday === 0) {
    throw new TimeError(`parsing time ${JSON.stringify(value)}: day out of range`);
  }
  return new ExprTime(wall - off * MINUTE_MS, off);
}
var DEFAULT_LAYOUTS = [
  "2006-01-02",
  "15:04:05",
  "2006-01-02 15:04:05",
  "2006-01-02T15:04:05Z07:00",
  "2006-01-02T15:04:05.999999999Z07:00",
  "02 Jan 06 15:04 MST",
  "02 Jan 06 15:04 -0700",
  "Monday, 02-Jan-06 15:04:05 MST",
  "Mon, 02 Jan 2006 15:04:05 MST",
  "Mon, 02 Jan 2006 15:04:05 -0700",
  "Mon Jan _2 15:04:05 2006",
  "Mon Jan _2 15:04:05 MST 2006"
];
function parseDateAuto(value, defaultOffset = 0) {
  for (const layout of DEFAULT_LAYOUTS) {
    try {
      return parseTime(layout, value, defaultOffset);
    } catch {
    }
  }
  throw new TimeError(`invalid date ${JSON.stringify(value)}`);
}
function parseZone(zone) {
  if (zone === "UTC" || zone === "Z" || zone === "GMT" || zone === "") return 0;
  if (/^[+-]\d{2}(:?\d{2})?$/.test(zone)) return parseOffset(zone);
  throw new TimeError(
    `unknown time zone ${JSON.stringify(zone)} (gantry supports UTC and fixed offsets such as "+02:00")`
  );
}
function addDate(t, years, months, days) {
  const w = t.wall();
  const moved = Date.UTC(
    w.getUTCFullYear() + years,
    w.getUTCMonth() + months,
    w.getUTCDate() + days,
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds()
  );
  return new ExprTime(moved - t.offsetMinutes * MINUTE_MS, t.offsetMinutes);
}
function addDuration(t, d) {
  return new ExprTime(t.ms + d.ns / NS_PER_MS, t.offsetMinutes);
}
function subTimes(a, b) {
  return new ExprDuration((a.ms - b.ms) * NS_PER_MS);
}

// src/expr/values.ts
var ValueError = class extends Error {
};
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function isMap(v) {
  return isPlainObject(v) || v instanceof Map;
}
var ExprVersion = class {
  version;
  original;
  constructor(version, original) {
    this.version = version;
    this.original = original;
  }
  toString() {
    return this.version.version;
  }
};
function typeName(v) {
  if (v === null || v === void 0) return "nil";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "string":
      return "string";
    case "function":
      return "func";
  }
  if (Array.isArray(v)) return "array";
  if (v instanceof ExprTime || v instanceof Date) return "time";
  if (v instanceof ExprDuration) return "duration";
  if (v instanceof ExprVersion) return "version";
  if (isMap(v)) return "map";
  return "unsupported";
}
function normalize(v) {
  if (v === void 0) return null;
  if (v instanceof Date) return ExprTime.fromDate(v);
  return v;
}
var STRUCT_TYPE = /* @__PURE__ */ Symbol("exprStructType");
function makeStruct(type, fields) {
  const out = makeMap(Object.entries(fields));
  Object.defineProperty(out, STRUCT_TYPE, { value: type, enumerable: false });
  return out;
}
function structType(v) {
  if (v === null || typeof v !== "object") return void 0;
  const t = v[STRUCT_TYPE];
  return typeof t === "string" ? t : void 0;
}
function readKey(obj, key) {
  if (FORBIDDEN_KEYS.has(key))
    throw new ValueError(`access to ${JSON.stringify(key)} is not allowed`);
  if (obj instanceof Map) {
    return obj.has(key) ? { found: true, value: normalize(obj.get(key)) } : { found: false, value: null };
  }
  const desc = Object.getOwnPropertyDescriptor(obj, key);
  if (!desc || !desc.enumerable || !("value" in desc)) return { found: false, value: null };
  return { found: true, value: normalize(desc.value) };
}
function mapKeys(obj) {
  if (obj instanceof Map) return [...obj.keys()].map((k) => String(k));
  return Object.keys(obj).filter((k) => {
    const desc = Object.getOwnPropertyDescriptor(obj, k);
    return desc !== void 0 && "value" in desc && !FORBIDDEN_KEYS.has(k);
  });
}
function makeMap(entries) {
  const out = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}
var MAX_DEPTH = 100;
var MAX_VISITS = 2e5;
function depthGuard(depth, visits) {
  if (depth > MAX_DEPTH) throw new ValueError(`value nests more than ${MAX_DEPTH} levels deep`);
  if (visits && ++visits.n > MAX_VISITS) {
    throw new ValueError(`value has more than ${MAX_VISITS} parts`);
  }
}
function deepEqual(a, b, depth = 0, visits = { n: 0 }) {
  depthGuard(depth, visits);
  a = normalize(a);
  b = normalize(b);
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (a instanceof ExprTime && b instanceof ExprTime) return a.ms === b.ms;
  if (a instanceof ExprDuration && b instanceof ExprDuration) return a.ns === b.ns;
  if (a instanceof ExprVersion && b instanceof ExprVersion)
    return a.version.compare(b.version) === 0 && a.version.build.join(".") === b.version.build.join(".");
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i], depth + 1, visits));
  }
  if (isMap(a) && isMap(b)) {
    const ka = mapKeys(a);
    const kb = mapKeys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => {
      const rb = readKey(b, k);
      return rb.found && deepEqual(readKey(a, k).value, rb.value, depth + 1, visits);
    });
  }
  return false;
}
function goFloat(n) {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mant = "", expText = "0"] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 21 || !Number.isInteger(n) && exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  }
  return String(n);
}
function formatValue(v, depth = 0, visits = { n: 0 }) {
  depthGuard(depth, visits);
  v = normalize(v);
  if (v === null) return "<nil>";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return goFloat(v);
  }
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, depth + 1, visits)).join(" ")}]`;
  if (v instanceof ExprTime || v instanceof ExprDuration || v instanceof ExprVersion)
    return v.toString();
  if (isMap(v)) {
    const keys = mapKeys(v).sort();
    return `map[${keys.map((k) => `${k}:${formatValue(readKey(v, k).value, depth + 1, visits)}`).join(" ")}]`;
  }
  return `<${typeName(v)}>`;
}
var HTML_ESCAPES = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029"
};
function jsonString(s) {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c] ?? c);
}
function marshalJSON(v, indent = "", depth = 0, visits = { n: 0 }) {
  depthGuard(depth, visits);
  v = normalize(v);
  const nl = indent ? `
${indent.repeat(depth + 1)}` : "";
  const close = indent ? `
${indent.repeat(depth)}` : "";
  const colon = indent ? ": " : ":";
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return jsonString(v);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      if (!Number.isFinite(v)) throw new ValueError(`json: unsupported value: ${goFloat(v)}`);
      return String(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${v.map((x) => nl + marshalJSON(x, indent, depth + 1, visits)).join(",")}${close}]`;
  }
  if (v instanceof ExprTime) return jsonString(v.toJSON());
  if (v instanceof ExprDuration) return String(v.ns);
  if (v instanceof ExprVersion) return jsonString(v.toString());
  if (isMap(v)) {
    const keys = mapKeys(v).sort();
    if (keys.length === 0) return "{}";
    const parts = keys.map(
      (k) => nl + jsonString(k) + colon + marshalJSON(readKey(v, k).value, indent, depth + 1, visits)
    );
    return `{${parts.join(",")}${close}}`;
  }
  throw new ValueError(`json: unsupported type: ${typeName(v)}`);
}
function toPlain(v) {
  return JSON.parse(marshalJSON(v));
}

// src/expr/functions.ts
function matches(v, t) {
  const actual = typeName(v);
  switch (t) {
    case "any":
      return true;
    case "number":
      return actual === "int" || actual === "float";
    default:
      return actual === t;
  }
}
function expectArgs(name, args, required, optional = []) {
  const max = required.length + optional.length;
  if (args.length < required.length || args.length > max) {
    const want = optional.length === 0 ? `${required.length}` : `${required.length} to ${max}`;
    throw new Error(
      `${name}(): expected ${want} argument${max === 1 ? "" : "s"}, got ${args.length}`
    );
  }
  args.forEach((a, i) => {
    const t = (i < required.length ? required[i] : optional[i - required.length]) ?? "any";
    if (!matches(a, t)) {
      throw new Error(`${name}(): argument ${i + 1} must be ${t}, got ${typeName(a)}`);
    }
  });
  return [...args];
}

// src/expr/builtins.ts
function str(name, args, n = 1) {
  return expectArgs(name, args, Array(n).fill("string"));
}
function roundHalfAway(n) {
  return Math.sign(n) * Math.round(Math.abs(n));
}
function splitN(s, sep, n, after) {
  if (n === 0) return [];
  const parts = [];
  if (sep === "") {
    const chars = [...s];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join("")];
  }
  let rest = s;
  while (n < 0 || parts.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    parts.push(rest.slice(0, after ? i + sep.length : i));
    rest = rest.slice(i + sep.length);
  }
  parts.push(rest);
  return parts;
}
function numbersOf(name, args) {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (list.length === 0) throw new Error(`${name}(): needs at least one number`);
  return list.map((v) => {
    if (typeof v !== "number") throw new Error(`${name}(): ${typeName(v)} is not a number`);
    return v;
  });
}
function compareSortable(a, b, name) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ExprTime && b instanceof ExprTime) return a.ms - b.ms;
  if (a instanceof ExprDuration && b instanceof ExprDuration) return a.ns - b.ns;
  throw new Error(`${name}(): cannot compare ${typeName(a)} and ${typeName(b)}`);
}
var SPACE = /^[\s\u0085]$/u;
function trimSpace(s) {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a] ?? "")) a++;
  while (b > a && SPACE.test(s[b - 1] ?? "")) b--;
  return s.slice(a, b);
}
function parseGoInt(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  return Number(s);
}
function parseGoFloat(s) {
  if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return void 0;
  const n = Number(s);
  return Number.isFinite(n) ? n : void 0;
}
function semverOf(name, v) {
  if (v instanceof ExprVersion) return v;
  if (typeof v !== "string") throw new Error(`${name}(): ${typeName(v)} is not a version string`);
  return parseVersion(v, false);
}
function semverDiff(args) {
  if (args.length !== 2) throw new Error(`semverDiff(): expected 2 arguments, got ${args.length}`);
  const a = semverOf("semverDiff", args[0]);
  const b = semverOf("semverDiff", args[1]);
  if (!a || !b) return "Incomparable";
  if (a.version.major !== b.version.major) return "Major";
  if (a.version.minor !== b.version.minor) return "Minor";
  if (a.version.patch !== b.version.patch) return "Patch";
  if (a.version.build.join(".") !== b.version.build.join(".")) return "Metadata";
  return "None";
}
function incVersion(v, part) {
  const sv = v.version;
  let text;
  if (part === "patch" && sv.prerelease.length > 0) {
    text = `${sv.major}.${sv.minor}.${sv.patch}`;
  } else {
    text = (0, import_semver.inc)(`${sv.major}.${sv.minor}.${sv.patch}`, part) ?? sv.version;
  }
  const parsed = parseVersion(text, false);
  if (!parsed) throw new Error(`cannot increment ${sv.version}`);
  const prefix = v.original.startsWith("v") ? "v" : "";
  return new ExprVersion(parsed.version, prefix + text);
}
var b64 = (s) => Buffer.from(s, "utf8").toString("base64");
var BUILTINS = {
  // ---- strings ----
  len: (args) => {
    const [v] = expectArgs("len", args, ["any"]);
    if (typeof v === "string") return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return mapKeys(v).length;
    throw new Error(`len(): invalid argument for len (type ${typeName(v)})`);
  },
  lower: (args) => str("lower", args)[0]?.toLowerCase(),
  upper: (args) => str("upper", args)[0]?.toUpperCase(),
  trim: (args) => {
    const [s, chars] = expectArgs("trim", args, ["string"], ["string"]);
    if (chars === void 0) return trimSpace(s);
    const set = new Set(chars);
    const cps = [...s];
    let a = 0;
    let b = cps.length;
    while (a < b && set.has(cps[a] ?? "")) a++;
    while (b > a && set.has(cps[b - 1] ?? "")) b--;
    return cps.slice(a, b).join("");
  },
  trimPrefix: (args) => {
    const [s = "", p = ""] = str("trimPrefix", args, 2);
    return p !== "" && s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix: (args) => {
    const [s = "", p = ""] = str("trimSuffix", args, 2);
    return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  split: (args, ctx) => {
    const [s, sep, n] = expectArgs("split", args, ["string", "string"], ["int"]);
    ctx.charge(s.length / 64);
    const out = splitN(s, sep, n ?? -1, false);
    ctx.checkItems(out.length);
    return out;
  },
  splitAfter: (args, ctx) => {
    const [s, sep, n] = expectArgs("splitAfter", args, ["string", "string"], ["int"]);
    ctx.charge(s.length / 64);
    const out = splitN(s, sep, n ?? -1, true);
    ctx.checkItems(out.length);
    return out;
  },
  join: (args, ctx) => {
    const [list, sep = ""] = expectArgs("join", args, ["array"], ["string"]);
    let size = Math.max(0, list.length - 1) * sep.length;
    for (const item of list) {
      if (typeof item !== "string") {
        throw new Error(`join(): array items must be strings, got ${typeName(item)}`);
      }
      size += item.length;
    }
    ctx.checkString(size);
    ctx.charge(list.length);
    return list.join(sep);
  },
  replace: (args, ctx) => {
    const [s = "", from = "", to = ""] = str("replace", args, 3);
    const parts = s.split(from);
    ctx.checkString(s.length + (parts.length - 1) * (to.length - from.length));
    ctx.charge(s.length / 64);
    return parts.join(to);
  },
  hasPrefix: (args) => {
    const [s = "", p = ""] = str("hasPrefix", args, 2);
    return s.startsWith(p);
  },
  hasSuffix: (args) => {
    const [s = "", p = ""] = str("hasSuffix", args, 2);
    return s.endsWith(p);
  },
  indexOf: (args) => {
    const [s = "", sub = ""] = str("indexOf", args, 2);
    return s.indexOf(sub);
  },
  lastIndexOf: (args) => {
    const [s = "", sub = ""] = str("lastIndexOf", args, 2);
    return s.lastIndexOf(sub);
  },
  repeat: (args, ctx) => {
    const [s, n] = expectArgs("repeat", args, ["string", "int"]);
    if (n < 0) throw new Error("repeat(): negative repeat count");
    ctx.checkString(s.length * n);
    ctx.charge(s.length * n / 64);
    return s.repeat(n);
  },
  // ---- conversions ----
  string: (args, ctx) => {
    const [v] = expectArgs("string", args, ["any"]);
    const out = formatValue(v);
    ctx.checkString(out.length);
    return out;
  },
  int: (args) => {
    const [v] = expectArgs("int", args, ["any"]);
    if (typeof v === "number") return Math.trunc(v);
    if (typeof v === "string") return parseGoInt(v);
    throw new Error(`int(): invalid operation: int(${typeName(v)})`);
  },
  float: (args) => {
    const [v] = expectArgs("float", args, ["any"]);
    if (typeof v === "number") return v;
    if (typeof v === "string") {
      const n = parseGoFloat(v);
      if (n === void 0) {
        throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
      }
      return n;
    }
    throw new Error(`float(): invalid operation: float(${typeName(v)})`);
  },
  type: (args) => typeName(expectArgs("type", args, ["any"])[0]),
  toJSON: (args, ctx) => {
    const out = marshalJSON(expectArgs("toJSON", args, ["any"])[0], "  ");
    ctx.checkString(out.length);
    return out;
  },
  fromJSON: (args, ctx) => {
    const [s = ""] = str("fromJSON", args);
    ctx.charge(s.length / 64);
    try {
      return JSON.parse(s);
    } catch (err) {
      throw new Error(`fromJSON(): ${err.message}`, { cause: err });
    }
  },
  toBase64: (args) => b64(str("toBase64", args)[0] ?? ""),
  fromBase64: (args) => {
    const [s = ""] = str("fromBase64", args);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
      throw new Error("fromBase64(): illegal base64 data");
    }
    return Buffer.from(s, "base64").toString("utf8");
  },
  // ---- numbers ----
  abs: (args) => Math.abs(expectArgs("abs", args, ["number"])[0]),
  ceil: (args) => Math.ceil(expectArgs("ceil", args, ["number"])[0]),
  floor: (args) => Math.floor(expectArgs("floor", args, ["number"])[0]),
  round: (args) => roundHalfAway(expectArgs("round", args, ["number"])[0]),
  max: (args) => Math.max(...numbersOf("max", args)),
  min: (args) => Math.min(...numbersOf("min", args)),
  mean: (args) => {
    const ns = numbersOf("mean", args);
    return ns.reduce((a, b) => a + b, 0) / ns.length;
  },
  median: (args) => {
    const ns = numbersOf("median", args).sort((a, b) => a - b);
    const mid = Math.floor(ns.length / 2);
    return ns.length % 2 ? ns[mid] ?? 0 : ((ns[mid - 1] ?? 0) + (ns[mid] ?? 0)) / 2;
  },
  // ---- arrays ----
  first: (args) => {
    const [list] = expectArgs("first", args, ["array"]);
    return list.length ? list[0] : null;
  },
  last: (args) => {
    const [list] = expectArgs("last", args, ["array"]);
    return list.length ? list[list.length - 1] : null;
  },
  take: (args) => {
    const [list, n] = expectArgs("take", args, ["array", "int"]);
    return list.slice(0, Math.max(0, n));
  },
  reverse: (args) => [...expectArgs("reverse", args, ["array"])[0]].reverse(),
  uniq: (args, ctx) => {
    const [list] = expectArgs("uniq", args, ["array"]);
    const out = [];
    for (const v of list) {
      ctx.charge(out.length + 1);
      if (!out.some((o) => deepEqual(o, v))) out.push(v);
    }
    return out;
  },
  flatten: (args, ctx) => {
    const [list] = expectArgs("flatten", args, ["array"]);
    const out = [];
    const walk = (l, depth) => {
      if (depth > 100) throw new Error("flatten(): arrays nest too deeply");
      for (const v of l) {
        if (Array.isArray(v)) walk(v, depth + 1);
        else out.push(v);
        ctx.checkItems(out.length);
      }
    };
    walk(list, 0);
    ctx.charge(out.length);
    return out;
  },
  concat: (args, ctx) => {
    const lists = args.map((a, i) => {
      if (!Array.isArray(a)) throw new Error(`concat(): argument ${i + 1} must be array`);
      return a;
    });
    const size = lists.reduce((n, l) => n + l.length, 0);
    ctx.checkItems(size);
    ctx.charge(size);
    return lists.flat(1);
  },
  sort: (args, ctx) => {
    const [list, order = "asc"] = expectArgs("sort", args, ["array"], ["string"]);
    if (order !== "asc" && order !== "desc") throw new Error("sort(): order must be asc or desc");
    ctx.charge(list.length * Math.log2(list.length + 1));
    const out = [...list].sort((a, b) => compareSortable(a, b, "sort"));
    return order === "desc" ? out.reverse() : out;
  },
  // ---- maps ----
  keys: (args) => {
    const [m] = expectArgs("keys", args, ["map"]);
    return mapKeys(m);
  },
  values: (args) => {
    const [m] = expectArgs("values", args, ["map"]);
    return mapKeys(m).map((k) => readKey(m, k).value);
  },
  get: (args) => {
    const [c, k] = expectArgs("get", args, ["any", "any"]);
    if (Array.isArray(c) && typeof k === "number" && Number.isInteger(k)) {
      const i = k < 0 ? c.length + k : k;
      return i >= 0 && i < c.length ? c[i] : null;
    }
    if (isMap(c) && (typeof k === "string" || typeof k === "number")) {
      return readKey(c, String(k)).value;
    }
    return null;
  },
  // ---- dates ----
  now: (args, ctx) => {
    expectArgs("now", args, []);
    return ExprTime.fromDate(ctx.now());
  },
  date: (args) => {
    const [v, layout, zone] = expectArgs("date", args, ["any"], ["string", "string"]);
    if (v instanceof ExprTime) return v;
    if (typeof v === "number") return new ExprTime(v * 1e3);
    if (typeof v !== "string") throw new Error(`date(): cannot make a date of ${typeName(v)}`);
    const offset = zone === void 0 ? 0 : parseZone(zone);
    return layout === void 0 ? parseDateAuto(v, offset) : parseTime(layout, v, offset);
  },
  duration: (args) => parseDuration(str("duration", args)[0] ?? ""),
  // ---- Kargo ----
  semverParse: (args) => {
    const [v] = expectArgs("semverParse", args, ["string"]);
    const parsed = parseVersion(v, false);
    if (!parsed) throw new Error(`semverParse(): invalid semantic version ${JSON.stringify(v)}`);
    return new ExprVersion(parsed.version, parsed.original);
  },
  semverDiff: (args) => semverDiff(args)
};

// src/expr/errors.ts
var ExprError = class extends GantryError {
  name = "ExprError";
  /** The message without the position suffix. */
  reason;
  /** 1-based line and column of the offending token, or 0 when the error has no position. */
  line;
  column;
  constructor(reason, line = 0, column = 0, options) {
    super(line > 0 ? `${reason} at ${line}:${column}` : reason, options);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
};
function positionOf(source, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...source.slice(lineStart, end)].length + 1 };
}
function exprErrorAt(source, offset, reason, cause) {
  const { line, column } = positionOf(source, offset);
  return new ExprError(reason, line, column, cause === void 0 ? void 0 : { cause });
}

// src/expr/methods.ts
var ZERO_TIME_MS = (() => {
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(1, 0, 1);
  return d.getTime();
})();
function noArgs(name, f) {
  return (self, args) => {
    expectArgs(name, args, []);
    return f(self);
  };
}
function otherTime(name, args) {
  const [t] = expectArgs(name, args, ["time"]);
  return t;
}
var TIME_METHODS = {
  Year: noArgs("Year", (t) => t.wall().getUTCFullYear()),
  Month: noArgs("Month", (t) => t.wall().getUTCMonth() + 1),
  Day: noArgs("Day", (t) => t.wall().getUTCDate()),
  Hour: noArgs("Hour", (t) => t.wall().getUTCHours()),
  Minute: noArgs("Minute", (t) => t.wall().getUTCMinutes()),
  Second: noArgs("Second", (t) => t.wall().getUTCSeconds()),
  Nanosecond: noArgs("Nanosecond", (t) => t.wall().getUTCMilliseconds() * 1e6),
  Weekday: noArgs("Weekday", (t) => t.wall().getUTCDay()),
  YearDay: noArgs(
    "YearDay",
    (t) => Math.floor((t.wall().getTime() - Date.UTC(t.wall().getUTCFullYear(), 0, 1)) / 864e5) + 1
  ),
  Unix: noArgs("Unix", (t) => Math.floor(t.ms / 1e3)),
  UnixMilli: noArgs("UnixMilli", (t) => t.ms),
  UnixNano: noArgs("UnixNano", (t) => t.ms * 1e6),
  IsZero: noArgs("IsZero", (t) => t.ms === ZERO_TIME_MS),
  UTC: noArgs("UTC", (t) => new ExprTime(t.ms, 0)),
  String: noArgs("String", (t) => t.toString()),
  MonthName: noArgs("MonthName", (t) => MONTHS[t.wall().getUTCMonth()]),
  Before: (t, args) => t.ms < otherTime("Before", args).ms,
  After: (t, args) => t.ms > otherTime("After", args).ms,
  Equal: (t, args) => t.ms === otherTime("Equal", args).ms,
  Compare: (t, args) => Math.sign(t.ms - otherTime("Compare", args).ms),
  Sub: (t, args) => subTimes(t, otherTime("Sub", args)),
  Add: (t, args) => {
    const [d] = expectArgs("Add", args, ["any"]);
    if (!(d instanceof ExprDuration))
      throw new Error(`Add(): argument must be duration, got ${typeName(d)}`);
    return addDuration(t, d);
  },
  AddDate: (t, args) => {
    const [y, m, d] = expectArgs("AddDate", args, ["int", "int", "int"]);
    return addDate(t, y ?? 0, m ?? 0, d ?? 0);
  },
  Format: (t, args) => formatTime(t, expectArgs("Format", args, ["string"])[0])
};
var DURATION_METHODS = {
  Hours: noArgs("Hours", (d) => d.ns / 36e11),
  Minutes: noArgs("Minutes", (d) => d.ns / 6e10),
  Seconds: noArgs("Seconds", (d) => d.ns / 1e9),
  Milliseconds: noArgs("Milliseconds", (d) => Math.trunc(d.ns / 1e6)),
  Microseconds: noArgs("Microseconds", (d) => Math.trunc(d.ns / 1e3)),
  Nanoseconds: noArgs("Nanoseconds", (d) => d.ns),
  Abs: noArgs("Abs", (d) => new ExprDuration(Math.abs(d.ns))),
  String: noArgs("String", (d) => d.toString())
};
function otherVersion(name, args) {
  const [v] = expectArgs(name, args, ["any"]);
  const parsed = semverOf(name, v);
  if (!parsed) throw new Error(`${name}(): invalid semantic version ${JSON.stringify(v)}`);
  return parsed instanceof ExprVersion ? parsed : new ExprVersion(parsed.version, parsed.original);
}
var VERSION_METHODS = {
  Major: noArgs("Major", (v) => v.version.major),
  Minor: noArgs("Minor", (v) => v.version.minor),
  Patch: noArgs("Patch", (v) => v.version.patch),
  Prerelease: noArgs("Prerelease", (v) => v.version.prerelease.join(".")),
  Metadata: noArgs("Metadata", (v) => v.version.build.join(".")),
  Original: noArgs("Original", (v) => v.original),
  String: noArgs("String", (v) => v.toString()),
  IncMajor: noArgs("IncMajor", (v) => incVersion(v, "major")),
  IncMinor: noArgs("IncMinor", (v) => incVersion(v, "minor")),
  IncPatch: noArgs("IncPatch", (v) => incVersion(v, "patch")),
  Compare: (v, args) => v.version.compare(otherVersion("Compare", args).version),
  LessThan: (v, args) => v.version.compare(otherVersion("LessThan", args).version) < 0,
  GreaterThan: (v, args) => v.version.compare(otherVersion("GreaterThan", args).version) > 0,
  Equal: (v, args) => v.version.compare(otherVersion("Equal", args).version) === 0
};
function methodsOf(v) {
  if (v instanceof ExprTime) return TIME;
  if (v instanceof ExprDuration) return DURATION;
  if (v instanceof ExprVersion) return VERSION;
  return void 0;
}
var TIME = new Map(Object.entries(TIME_METHODS));
var DURATION = new Map(Object.entries(DURATION_METHODS));
var VERSION = new Map(Object.entries(VERSION_METHODS));

// src/expr/evaluator.ts
var DEFAULT_LIMITS = {
  maxSteps: 1e5,
  maxStringLength: 1e6,
  maxItems: 1e5
};
var INTERRUPT_POLL_STEPS = 1024;
var BUILTIN_MAP = new Map(Object.entries(BUILTINS));
var ShortCircuit = class {
  shortCircuit = true;
};
var SHORT_CIRCUIT = new ShortCircuit();
var REGEX_CACHE = /* @__PURE__ */ new Map();
function regexFor(pattern) {
  let re = REGEX_CACHE.get(pattern);
  if (!re) {
    re = compileRegex(pattern);
    if (REGEX_CACHE.size >= 256) REGEX_CACHE.clear();
    REGEX_CACHE.set(pattern, re);
  }
  return re;
}
function mismatch(op, a, b) {
  return new ValueError(
    `invalid operation: ${op} (mismatched types ${typeName(a)} and ${typeName(b)})`
  );
}
function noField(type, obj, prop) {
  const name = String(prop);
  const fields = mapKeys(obj);
  return `type ${type} has no field ${name}${didYouMean(name, fields)} (fields: ${fields.join(", ")})`;
}
var Evaluator = class {
  source;
  env;
  functions;
  clock;
  limits;
  interrupt;
  steps = 0;
  nextPoll = INTERRUPT_POLL_STEPS;
  constructor(source, env, opts = {}) {
    this.source = source;
    this.env = env;
    this.functions = opts.functions ?? {};
    this.clock = opts.now ?? (() => /* @__PURE__ */ new Date());
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.interrupt = opts.interrupt;
  }
  run(root) {
    return this.eval(root, {});
  }
  fail(node, reason, cause) {
    return exprErrorAt(this.source, node.pos, reason, cause);
  }
  /** Turn errors from helpers into ExprErrors at `node`; let ExprErrors and short circuits by. */
  guard(node, f) {
    try {
      return f();
    } catch (err) {
      if (err instanceof ExprError || err instanceof ShortCircuit) throw err;
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        throw this.fail(node, "expression nests too deeply", err);
      }
      throw this.fail(node, err instanceof Error ? err.message : String(err), err);
    }
  }
  charge(node, units) {
    this.steps += units;
    if (this.steps > this.limits.maxSteps) {
      throw this.fail(node, `expression exceeded its budget of ${this.limits.maxSteps} steps`);
    }
    if (this.interrupt && this.steps >= this.nextPoll) {
      this.nextPoll = this.steps + INTERRUPT_POLL_STEPS;
      const reason = this.interrupt();
      if (reason !== void 0) throw this.fail(node, reason);
    }
  }
  checkString(node, length) {
    if (length > this.limits.maxStringLength) {
      throw this.fail(
        node,
        `string of ${length} characters exceeds the limit of ${this.limits.maxStringLength}`
      );
    }
  }
  checkItems(node, count) {
    if (count > this.limits.maxItems) {
      throw this.fail(node, `${count} items exceed the limit of ${this.limits.maxItems}`);
    }
  }
  eval(node, scope) {
    this.charge(node, 1);
    switch (node.k) {
      case "lit":
        return node.value;
      case "ident":
        return this.lookup(node, node.name, scope);
      case "pointer":
        return this.pointer(node, scope);
      case "array": {
        this.checkItems(node, node.items.length);
        return node.items.map((n) => this.eval(n, scope));
      }
      case "map": {
        const entries = node.entries.map((e) => {
          const key = this.eval(e.key, scope);
          if (typeof key !== "string" && typeof key !== "number") {
            throw this.fail(e.key, `map key must be a string, got ${typeName(key)}`);
          }
          return [String(key), this.eval(e.value, scope)];
        });
        return makeMap(entries);
      }
      case "member": {
        const obj = this.eval(node.object, scope);
        if (obj === null) {
          if (node.optional) throw SHORT_CIRCUIT;
          const prop2 = node.name ?? formatValue(this.eval(node.property, scope));
          throw this.fail(node, `cannot fetch ${prop2} from nil`);
        }
        const prop = this.eval(node.property, scope);
        if (typeof obj === "string") this.charge(node, obj.length / 16);
        return this.guard(node, () => this.fetch(obj, prop));
      }
      case "slice":
        return this.slice(node, scope);
      case "call":
        return this.call(node, scope);
      case "method":
        return this.method(node, scope);
      case "closure":
        throw this.fail(node, "a predicate can only be an argument of a predicate function");
      case "unary":
        return this.unary(node, scope);
      case "binary":
        return this.binary(node, scope);
      case "cond": {
        const test = this.eval(node.test, scope);
        if (node.elvis) return test === null || test === false ? this.eval(node.else, scope) : test;
        if (typeof test !== "boolean") {
          throw this.fail(node, `non-bool ${typeName(test)} used as condition`);
        }
        return this.eval(test ? node.then : node.else, scope);
      }
      case "chain":
        try {
          return this.eval(node.node, scope);
        } catch (err) {
          if (err instanceof ShortCircuit) return null;
          throw err;
        }
      case "let": {
        const value = this.eval(node.value, scope);
        return this.eval(node.body, { parent: scope, vars: /* @__PURE__ */ new Map([[node.name, value]]) });
      }
    }
  }
  envKeys() {
    return this.env instanceof Map ? [...this.env.keys()] : mapKeys(this.env);
  }
  lookup(node, name, scope) {
    for (let s = scope; s; s = s.parent) {
      if (s.vars?.has(name)) return s.vars.get(name);
    }
    if (name === "$env") return this.env;
    const found = this.guard(node, () => readKey(this.env, name));
    if (found.found) {
      if (typeof found.value === "function") {
        throw this.fail(node, `${JSON.stringify(name)} is a function; call it as ${name}()`);
      }
      return found.value;
    }
    const names = [...this.envKeys()];
    for (let s = scope; s; s = s.parent) names.push(...s.vars?.keys() ?? []);
    throw this.fail(node, `unknown name ${JSON.stringify(name)}${didYouMean(name, names)}`);
  }
  pointer(node, scope) {
    let s = scope;
    while (s && !s.pointer) s = s.parent;
    if (!s?.pointer) throw this.fail(node, "cannot use pointer accessor outside predicate");
    switch (node.name) {
      case "":
        return s.pointer.item;
      case "index":
        return s.pointer.index;
      case "acc":
        if (!("acc" in s.pointer)) throw this.fail(node, "#acc is only defined in reduce()");
        return s.pointer.acc;
      default:
        throw this.fail(node, `unknown pointer #${node.name}`);
    }
  }
  /** `obj[prop]` / `obj.prop` under the sandbox rules. */
  fetch(obj, prop) {
    if (Array.isArray(obj) || typeof obj === "string") {
      if (typeof prop === "string") {
        throw new ValueError(`cannot fetch ${prop} from ${typeName(obj)}`);
      }
      if (typeof prop !== "number" || !Number.isInteger(prop)) {
        throw new ValueError(`${typeName(obj)} index must be an int, got ${typeName(prop)}`);
      }
      const items = typeof obj === "string" ? [...obj] : obj;
      const i = prop < 0 ? items.length + prop : prop;
      if (i < 0 || i >= items.length) {
        throw new ValueError(`index out of range: ${prop} (array length is ${items.length})`);
      }
      return normalize(items[i]);
    }
    if (isMap(obj)) {
      if (typeof prop !== "string" && typeof prop !== "number") {
        throw new ValueError(`cannot use ${typeName(prop)} as a map key`);
      }
      const found = readKey(obj, String(prop));
      const struct = structType(obj);
      if (!found.found && struct !== void 0) throw new ValueError(noField(struct, obj, prop));
      return found.value;
    }
    const methods = methodsOf(obj);
    if (methods && typeof prop === "string" && methods.has(prop)) {
      throw new ValueError(`${prop} is a method of ${typeName(obj)}; call it as ${prop}()`);
    }
    throw new ValueError(`cannot fetch ${formatValue(prop)} from ${typeName(obj)}`);
  }
  slice(node, scope) {
    const obj = this.eval(node.object, scope);
    const bound = (n, dflt, len) => {
      if (!n) return dflt;
      const v = this.eval(n, scope);
      if (typeof v !== "number" || !Number.isInteger(v)) {
        throw this.fail(n, `slice index must be an int, got ${typeName(v)}`);
      }
      const i = v < 0 ? len + v : v;
      return Math.min(Math.max(i, 0), len);
    };
    if (typeof obj === "string") {
      this.charge(node, obj.length / 16);
      const cps = [...obj];
      const from = bound(node.from, 0, cps.length);
      const to = bound(node.to, cps.length, cps.length);
      return cps.slice(from, Math.max(from, to)).join("");
    }
    if (Array.isArray(obj)) {
      const from = bound(node.from, 0, obj.length);
      const to = bound(node.to, obj.length, obj.length);
      return obj.slice(from, Math.max(from, to));
    }
    throw this.fail(node, `cannot slice ${typeName(obj)}`);
  }
  context(node, name) {
    return {
      name,
      charge: (units) => this.charge(node, Math.ceil(Math.max(0, units))),
      checkString: (length) => this.checkString(node, length),
      checkItems: (count) => this.checkItems(node, count),
      now: () => this.clock()
    };
  }
  resolveFunction(node, name) {
    if (Object.hasOwn(this.functions, name)) {
      const f = this.functions[name];
      if (typeof f === "function") return f;
    }
    const builtin = BUILTIN_MAP.get(name);
    if (builtin) return builtin;
    const candidates = [...Object.keys(this.functions), ...BUILTIN_MAP.keys(), ...PREDICATES];
    throw this.fail(node, `unknown function ${name}()${didYouMean(name, candidates)}`);
  }
  call(node, scope) {
    if (PREDICATES.has(node.name)) return this.predicateCall(node, scope);
    const fn = this.resolveFunction(node, node.name);
    const args = node.args.map((a) => this.eval(a, scope));
    const ctx = this.context(node, node.name);
    return this.guard(node, () => normalize(fn(args, ctx)));
  }
  method(node, scope) {
    const obj = this.eval(node.object, scope);
    if (obj === null) {
      if (node.optional) throw SHORT_CIRCUIT;
      throw this.fail(node, `cannot call ${node.name}() on nil`);
    }
    const methods = methodsOf(obj);
    const m = methods?.get(node.name);
    if (!methods || !m) {
      const hint = methods ? didYouMean(node.name, [...methods.keys()]) : "";
      const extra = typeof obj === "string" || Array.isArray(obj) || isMap(obj) ? " (expr-lang uses functions for these, e.g. upper(s), len(list))" : "";
      throw this.fail(node, `${typeName(obj)} has no method ${node.name}${hint}${extra}`);
    }
    const args = node.args.map((a) => this.eval(a, scope));
    return this.guard(node, () => normalize(m(obj, args)));
  }
  unary(node, scope) {
    const v = this.eval(node.operand, scope);
    switch (node.op) {
      case "not":
      case "!":
        if (typeof v !== "boolean") {
          throw this.fail(node, `invalid operation: ${node.op} ${typeName(v)} (needs bool)`);
        }
        return !v;
      case "-":
        if (typeof v === "number") return -v;
        if (v instanceof ExprDuration) return new ExprDuration(-v.ns);
        throw this.fail(node, `invalid operation: - ${typeName(v)}`);
      default:
        if (typeof v === "number") return v;
        throw this.fail(node, `invalid operation: + ${typeName(v)}`);
    }
  }
  bool(node, op, v) {
    if (typeof v !== "boolean") {
      throw this.fail(node, `invalid operation: ${op} needs bool operands, got ${typeName(v)}`);
    }
    return v;
  }
  binary(node, scope) {
    const op = node.op;
    if (op === "and" || op === "&&") {
      return this.bool(node, op, this.eval(node.left, scope)) ? this.bool(node, op, this.eval(node.right, scope)) : false;
    }
    if (op === "or" || op === "||") {
      return this.bool(node, op, this.eval(node.left, scope)) ? true : this.bool(node, op, this.eval(node.right, scope));
    }
    if (op === "??") {
      const left = this.eval(node.left, scope);
      return left !== null ? left : this.eval(node.right, scope);
    }
    const a = this.eval(node.left, scope);
    const b = this.eval(node.right, scope);
    return this.guard(node, () => this.operate(node, op, a, b));
  }
  operate(node, op, a, b) {
    const nums = typeof a === "number" && typeof b === "number";
    switch (op) {
      case "==":
      case "!=": {
        const visits = { n: 0 };
        const equal = deepEqual(a, b, 0, visits);
        this.charge(node, visits.n / 16);
        return op === "==" ? equal : !equal;
      }
      case "+":
        if (nums) return a + b;
        if (typeof a === "string" && typeof b === "string") {
          this.checkString(node, a.length + b.length);
          return a + b;
        }
        if (Array.isArray(a) && Array.isArray(b)) {
          this.checkItems(node, a.length + b.length);
          return [...a, ...b];
        }
        if (a instanceof ExprTime && b instanceof ExprDuration) return addDuration(a, b);
        if (a instanceof ExprDuration && b instanceof ExprTime) return addDuration(b, a);
        if (a instanceof ExprDuration && b instanceof ExprDuration) {
          return new ExprDuration(a.ns + b.ns);
        }
        throw mismatch(op, a, b);
      case "-":
        if (nums) return a - b;
        if (a instanceof ExprTime && b instanceof ExprTime) return subTimes(a, b);
        if (a instanceof ExprTime && b instanceof ExprDuration) {
          return addDuration(a, new ExprDuration(-b.ns));
        }
        if (a instanceof ExprDuration && b instanceof ExprDuration) {
          return new ExprDuration(a.ns - b.ns);
        }
        throw mismatch(op, a, b);
      case "*":
        if (nums) return a * b;
        if (a instanceof ExprDuration && typeof b === "number") return new ExprDuration(a.ns * b);
        if (typeof a === "number" && b instanceof ExprDuration) return new ExprDuration(a * b.ns);
        throw mismatch(op, a, b);
      case "/":
        if (nums) return a / b;
        throw mismatch(op, a, b);
      case "%":
        if (nums) {
          if (!Number.isInteger(a) || !Number.isInteger(b)) throw mismatch(op, a, b);
          if (b === 0) throw new ValueError("integer divide by zero");
          return a % b;
        }
        throw mismatch(op, a, b);
      case "**":
      case "^":
        if (nums) return a ** b;
        throw mismatch(op, a, b);
      case "<":
      case ">":
      case "<=":
      case ">=": {
        const c = this.compare(op, a, b);
        return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
      }
      case "..": {
        if (!nums || !Number.isInteger(a) || !Number.isInteger(b)) throw mismatch(op, a, b);
        const n = Math.max(0, b - a + 1);
        this.checkItems(node, n);
        this.charge(node, n);
        return Array.from({ length: n }, (_, i) => a + i);
      }
      case "in":
        if (Array.isArray(b)) {
          this.charge(node, b.length);
          return b.some((x) => deepEqual(a, x));
        }
        if (isMap(b)) {
          if (typeof a !== "string" && typeof a !== "number") return false;
          return readKey(b, String(a)).found;
        }
        if (b === null) return false;
        throw mismatch(op, a, b);
      case "contains":
      case "startsWith":
      case "endsWith":
        if (typeof a !== "string" || typeof b !== "string") throw mismatch(op, a, b);
        this.charge(node, a.length / 16);
        return op === "contains" ? a.includes(b) : op === "startsWith" ? a.startsWith(b) : a.endsWith(b);
      case "matches":
        if (typeof a !== "string" || typeof b !== "string") throw mismatch(op, a, b);
        this.charge(node, a.length / 16);
        return regexFor(b).test(a);
    }
    throw new ValueError(`unknown operator ${op}`);
  }
  compare(op, a, b) {
    if (typeof a === "number" && typeof b === "number")
      return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
    if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof ExprTime && b instanceof ExprTime) return Math.sign(a.ms - b.ms);
    if (a instanceof ExprDuration && b instanceof ExprDuration) return Math.sign(a.ns - b.ns);
    if (a instanceof ExprVersion && b instanceof ExprVersion) return a.version.compare(b.version);
    throw mismatch(op, a, b);
  }
  // ---- predicates ----
  predicateCall(node, scope) {
    const name = node.name;
    const [listNode, closure, extra] = node.args;
    if (!listNode) throw this.fail(node, `${name}() expects at least 1 argument`);
    const rawList = this.eval(listNode, scope);
    let list;
    if (Array.isArray(rawList)) list = rawList;
    else if (rawList === null) list = [];
    else if (isMap(rawList) && name !== "reduce") {
      list = mapKeys(rawList).map((k) => readKey(rawList, k).value);
    } else throw this.fail(listNode, `${name}() cannot iterate over ${typeName(rawList)}`);
    const body = closure && closure.k === "closure" ? closure.body : void 0;
    const apply = (item, index, acc) => body ? this.eval(body, {
      parent: scope,
      pointer: acc ? { item: normalize(item), index, acc: acc.acc } : { item: normalize(item), index }
    }) : normalize(item);
    const test = (item, index) => {
      const r = apply(item, index);
      if (typeof r !== "boolean") {
        throw this.fail(
          body ?? node,
          `predicate of ${name}() must return bool, got ${typeName(r)}`
        );
      }
      return r;
    };
    switch (name) {
      case "all":
        return list.every((x, i) => test(x, i));
      case "any":
        return list.some((x, i) => test(x, i));
      case "none":
        return !list.some((x, i) => test(x, i));
      case "one": {
        let n = 0;
        for (let i = 0; i < list.length && n < 2; i++) if (test(list[i], i)) n++;
        return n === 1;
      }
      case "count":
        return list.filter((x, i) => test(x, i)).length;
      case "filter":
        return list.filter((x, i) => test(x, i));
      case "map":
        return list.map((x, i) => apply(x, i));
      case "find":
        for (let i = 0; i < list.length; i++) if (test(list[i], i)) return normalize(list[i]);
        return null;
      case "findIndex":
        for (let i = 0; i < list.length; i++) if (test(list[i], i)) return i;
        return -1;
      case "findLast":
        for (let i = list.length - 1; i >= 0; i--) if (test(list[i], i)) return normalize(list[i]);
        return null;
      case "findLastIndex":
        for (let i = list.length - 1; i >= 0; i--) if (test(list[i], i)) return i;
        return -1;
      case "sum": {
        let total = 0;
        list.forEach((x, i) => {
          const v = apply(x, i);
          if (typeof v === "number" && typeof total === "number") total += v;
          else if (v instanceof ExprDuration && (total === 0 || total instanceof ExprDuration)) {
            total = new ExprDuration((total === 0 ? 0 : total.ns) + v.ns);
          } else throw this.fail(node, `sum(): cannot add ${typeName(v)}`);
        });
        return total;
      }
      case "groupBy": {
        const groups = /* @__PURE__ */ new Map();
        list.forEach((x, i) => {
          const key = formatValue(apply(x, i));
          const g = groups.get(key) ?? [];
          g.push(normalize(x));
          groups.set(key, g);
        });
        return makeMap(groups);
      }
      case "sortBy": {
        const order = extra ? this.eval(extra, scope) : "asc";
        if (order !== "asc" && order !== "desc") {
          throw this.fail(node, 'sortBy(): order must be "asc" or "desc"');
        }
        const keyed = list.map((x, i) => ({ x: normalize(x), key: apply(x, i) }));
        this.charge(node, list.length * Math.log2(list.length + 1));
        const sorted = this.guard(
          node,
          () => keyed.sort((p, q) => {
            const c = this.compare("sortBy", p.key, q.key);
            return order === "desc" ? -c : c;
          })
        );
        return sorted.map((p) => p.x);
      }
      case "reduce": {
        let acc;
        let start = 0;
        if (extra) acc = this.eval(extra, scope);
        else if (list.length === 0) return null;
        else {
          acc = normalize(list[0]);
          start = 1;
        }
        for (let i = start; i < list.length; i++) acc = apply(list[i], i, { acc });
        return acc;
      }
    }
    throw this.fail(node, `unknown function ${name}()`);
  }
};
var PREDICATES = /* @__PURE__ */ new Set([
  "all",
  "none",
  "any",
  "one",
  "filter",
  "map",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "groupBy",
  "count",
  "sum",
  "sortBy",
  "reduce"
]);

// src/expr/lexer.ts
var WORD_OPERATORS = /* @__PURE__ */ new Set([
  "and",
  "or",
  "not",
  "in",
  "contains",
  "startsWith",
  "endsWith",
  "matches",
  "let"
]);
var SYMBOLS = [
  "?.",
  "??",
  "..",
  "**",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "::",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "<",
  ">",
  "!",
  "?",
  ":",
  ".",
  ",",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "|",
  "#",
  ";",
  "="
];
function isIdentStart(c) {
  return /[A-Za-z_$]/.test(c) || c.charCodeAt(0) > 127 && new RegExp("\\p{L}", "u").test(c);
}
function isIdentPart(c) {
  return /[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) > 127 && /[\p{L}\p{N}]/u.test(c);
}
var SIMPLE_ESCAPES = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "`": "`"
};
function tokenize(src) {
  const tokens = [];
  let i = 0;
  const err = (pos, msg) => {
    throw exprErrorAt(src, pos, msg);
  };
  while (i < src.length) {
    const c = src[i] ?? "";
    if (c === " " || c === "	" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) err(i, "unclosed comment");
      i = end + 2;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || c === "." && /[0-9]/.test(src[i + 1] ?? "")) {
      const rest = src.slice(i);
      const radix = /^0([xXoObB])[0-9A-Fa-f_]+/.exec(rest);
      if (radix) {
        const text2 = radix[0];
        const digits = text2.slice(2).replace(/_/g, "");
        const base = { x: 16, o: 8, b: 2 }[(radix[1] ?? "x").toLowerCase()];
        const valid = base === 16 ? /^[0-9A-Fa-f]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
        if (!valid.test(digits)) err(start, `invalid number literal ${text2}`);
        tokens.push({ kind: "number", value: text2, num: parseInt(digits, base), pos: start });
        i += text2.length;
        continue;
      }
      const m = /^(?:[0-9][0-9_]*)?(?:\.(?!\.)[0-9_]*)?(?:[eE][+-]?[0-9_]+)?/.exec(rest);
      const text = m?.[0] ?? "";
      if (/[A-Za-z_]/.test(src[i + text.length] ?? "")) {
        err(start, `invalid number literal ${src.slice(i, i + text.length + 1)}`);
      }
      const clean = text.replace(/_/g, "");
      const num = Number(clean);
      if (clean === "" || Number.isNaN(num) || /_$|_\.|\._/.test(text)) {
        err(start, `invalid number literal ${text}`);
      }
      if (!Number.isFinite(num)) err(start, "number literal is too large");
      tokens.push({ kind: "number", value: text, num, pos: start });
      i += text.length;
      continue;
    }
    if (c === '"' || c === "'") {
      let out = "";
      i++;
      for (; ; ) {
        if (i >= src.length || src[i] === "\n") err(start, "literal not terminated");
        const ch = src[i] ?? "";
        if (ch === c) {
          i++;
          break;
        }
        if (ch !== "\\") {
          out += ch;
          i++;
          continue;
        }
        const e = src[i + 1] ?? "";
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== void 0) {
          out += simple;
          i += 2;
          continue;
        }
        const hex = (len) => {
          const digits = src.slice(i + 2, i + 2 + len);
          if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(digits)) err(i, "invalid char escape");
          return parseInt(digits, 16);
        };
        if (e === "x") {
          out += String.fromCharCode(hex(2));
          i += 4;
        } else if (e === "u" || e === "U") {
          const len = e === "u" ? 4 : 8;
          const cp = hex(len);
          if (cp > 1114111 || cp >= 55296 && cp < 57344) err(i, "invalid char escape");
          out += String.fromCodePoint(cp);
          i += 2 + len;
        } else if (/[0-7]/.test(e)) {
          const digits = src.slice(i + 1, i + 4);
          if (!/^[0-7]{3}$/.test(digits)) err(i, "invalid char escape");
          const cp = parseInt(digits, 8);
          if (cp > 255) err(i, "invalid char escape");
          out += String.fromCharCode(cp);
          i += 4;
        } else {
          err(i, "invalid char escape");
        }
      }
      tokens.push({ kind: "string", value: out, pos: start });
      continue;
    }
    if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) err(start, "literal not terminated");
      tokens.push({ kind: "string", value: src.slice(i + 1, end).replace(/\r/g, ""), pos: start });
      i = end + 1;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < src.length && isIdentPart(src[j] ?? "")) j++;
      const word = src.slice(i, j);
      tokens.push({ kind: WORD_OPERATORS.has(word) ? "op" : "ident", value: word, pos: start });
      i = j;
      continue;
    }
    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (sym === void 0) err(start, `unrecognized character ${JSON.stringify(c)}`);
    else {
      tokens.push({ kind: "op", value: sym, pos: start });
      i += sym.length;
    }
  }
  tokens.push({ kind: "eof", value: "", pos: src.length });
  return tokens;
}
function describeToken(t) {
  switch (t.kind) {
    case "eof":
      return "end of expression";
    case "string":
      return `string ${JSON.stringify(t.value)}`;
    case "number":
      return `number ${t.value}`;
    case "ident":
      return `name ${JSON.stringify(t.value)}`;
    default:
      return `'${t.value}'`;
  }
}

// src/expr/parser.ts
var BINARY = {
  "|": { prec: 0 },
  or: { prec: 10 },
  "||": { prec: 10 },
  and: { prec: 15 },
  "&&": { prec: 15 },
  "==": { prec: 20 },
  "!=": { prec: 20 },
  "<": { prec: 20 },
  ">": { prec: 20 },
  "<=": { prec: 20 },
  ">=": { prec: 20 },
  in: { prec: 20 },
  matches: { prec: 20 },
  contains: { prec: 20 },
  startsWith: { prec: 20 },
  endsWith: { prec: 20 },
  "..": { prec: 25 },
  "+": { prec: 30 },
  "-": { prec: 30 },
  "*": { prec: 60 },
  "/": { prec: 60 },
  "%": { prec: 60 },
  "**": { prec: 100, right: true },
  "^": { prec: 100, right: true },
  "??": { prec: 500 }
};
var UNARY = { not: 50, "!": 50, "-": 90, "+": 90 };
var NEGATABLE = /* @__PURE__ */ new Set(["in", "contains", "startsWith", "endsWith", "matches"]);
var PREDICATE_BUILTINS = {
  all: ["e", "p"],
  none: ["e", "p"],
  any: ["e", "p"],
  one: ["e", "p"],
  filter: ["e", "p"],
  map: ["e", "p"],
  find: ["e", "p"],
  findIndex: ["e", "p"],
  findLast: ["e", "p"],
  findLastIndex: ["e", "p"],
  groupBy: ["e", "p"],
  count: ["e", "p?"],
  sum: ["e", "p?"],
  sortBy: ["e", "p", "e?"],
  reduce: ["e", "p", "e?"]
};
var DEFAULT_PARSE_LIMITS = { maxDepth: 128, maxSourceLength: 64 * 1024 };
var Parser = class {
  src;
  tokens;
  pos = 0;
  predicateDepth = 0;
  nesting = 0;
  limits;
  constructor(src, limits) {
    this.src = src;
    this.limits = limits;
    this.tokens = tokenize(src);
  }
  get cur() {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1];
  }
  peekAt(offset) {
    return this.tokens[this.pos + offset] ?? this.tokens[this.tokens.length - 1];
  }
  error(token, reason) {
    return exprErrorAt(this.src, token.pos, reason);
  }
  unexpected(token = this.cur) {
    if (token.kind === "eof") return this.error(token, "unexpected end of expression");
    return this.error(token, `unexpected token ${describeToken(token)}`);
  }
  isOp(value, token = this.cur) {
    return token.kind === "op" && token.value === value;
  }
  expectOp(value) {
    const t = this.cur;
    if (!this.isOp(value)) throw this.unexpected();
    this.pos++;
    return t;
  }
  parse() {
    if (this.tokens.length === 1) throw this.error(this.cur, "empty expression");
    const node = this.expression(0);
    if (this.cur.kind !== "eof") throw this.unexpected();
    return node;
  }
  expression(minPrec) {
    if (++this.nesting > this.limits.maxDepth) {
      throw this.error(this.cur, `expression nests too deeply (limit ${this.limits.maxDepth})`);
    }
    try {
      return this.expressionInner(minPrec);
    } finally {
      this.nesting--;
    }
  }
  expressionInner(minPrec) {
    if (minPrec === 0 && this.isOp("let")) return this.letExpression();
    let left = this.primary();
    let prevOp = "";
    for (; ; ) {
      let opToken = this.cur;
      if (opToken.kind !== "op") break;
      let negate = false;
      if (opToken.value === "not") {
        const next = this.peekAt(1);
        if (next.kind !== "op" || !NEGATABLE.has(next.value)) throw this.unexpected(next);
        if ((BINARY[next.value]?.prec ?? -1) < minPrec) break;
        negate = true;
        this.pos++;
        opToken = next;
      }
      const op = BINARY[opToken.value];
      if (!op || op.prec < minPrec) break;
      this.pos++;
      if (opToken.value === "|") {
        const name = this.cur;
        if (name.kind !== "ident") throw this.unexpected();
        this.pos++;
        left = this.postfix(this.call(name, [left]));
        prevOp = "|";
        continue;
      }
      if (prevOp === "??" && opToken.value !== "??") {
        throw this.error(
          opToken,
          `operator (${opToken.value}) and coalesce expressions (??) cannot be mixed; wrap either in parentheses`
        );
      }
      if (op.prec === 20 && !negate) {
        left = this.comparison(left, opToken);
      } else {
        const right = this.expression(op.right ? op.prec : op.prec + 1);
        left = { k: "binary", pos: opToken.pos, op: opToken.value, left, right };
        if (negate) left = { k: "unary", pos: opToken.pos, op: "not", operand: left };
      }
      prevOp = opToken.value;
    }
    if (minPrec === 0) left = this.conditional(left);
    return left;
  }
  /** `a < b < c` ⇒ `a < b && b < c`, as expr-lang chains comparisons. */
  comparison(left, first) {
    let root;
    let token = first;
    for (; ; ) {
      const right = this.expression(21);
      const cmp = { k: "binary", pos: token.pos, op: token.value, left, right };
      root = root ? { k: "binary", pos: token.pos, op: "&&", left: root, right: cmp } : cmp;
      left = right;
      token = this.cur;
      if (token.kind !== "op" || BINARY[token.value]?.prec !== 20) break;
      this.pos++;
    }
    return root;
  }
  conditional(test) {
    let node = test;
    while (this.isOp("?")) {
      const q = this.cur;
      this.pos++;
      if (this.isOp(":")) {
        this.pos++;
        node = {
          k: "cond",
          pos: q.pos,
          test: node,
          then: node,
          else: this.expression(0),
          elvis: true
        };
      } else {
        const then = this.expression(0);
        this.expectOp(":");
        node = { k: "cond", pos: q.pos, test: node, then, else: this.expression(0) };
      }
    }
    return node;
  }
  letExpression() {
    const letToken = this.expectOp("let");
    const name = this.cur;
    if (name.kind !== "ident") throw this.unexpected();
    this.pos++;
    this.expectOp("=");
    const value = this.expression(0);
    this.expectOp(";");
    return { k: "let", pos: letToken.pos, name: name.value, value, body: this.expression(0) };
  }
  primary() {
    const t = this.cur;
    if (t.kind === "op") {
      const prec = UNARY[t.value];
      if (prec !== void 0) {
        this.pos++;
        const operand = this.expression(prec);
        return this.postfix({ k: "unary", pos: t.pos, op: t.value, operand });
      }
      if (t.value === "(") {
        this.pos++;
        const inner = this.expression(0);
        this.expectOp(")");
        return this.postfix(inner);
      }
      if (t.value === "#" || t.value === ".") {
        if (this.predicateDepth === 0) {
          throw this.error(t, "cannot use pointer accessor outside predicate");
        }
        if (t.value === ".") return this.postfix({ k: "pointer", pos: t.pos, name: "" });
        this.pos++;
        let name = "";
        const next = this.cur;
        if (next.kind === "ident" && next.pos === t.pos + 1) {
          name = next.value;
          this.pos++;
        }
        return this.postfix({ k: "pointer", pos: t.pos, name });
      }
      if (t.value === "[") return this.postfix(this.arrayLiteral());
      if (t.value === "{") return this.postfix(this.mapLiteral());
      throw this.unexpected();
    }
    this.pos++;
    switch (t.kind) {
      case "number":
        return this.postfix({ k: "lit", pos: t.pos, value: t.num ?? 0 });
      case "string":
        return this.postfix({ k: "lit", pos: t.pos, value: t.value });
      case "ident":
        switch (t.value) {
          case "true":
            return this.postfix({ k: "lit", pos: t.pos, value: true });
          case "false":
            return this.postfix({ k: "lit", pos: t.pos, value: false });
          case "nil":
          case "null":
            return this.postfix({ k: "lit", pos: t.pos, value: null });
        }
        if (this.isOp("(")) return this.postfix(this.call(t, []));
        return this.postfix({ k: "ident", pos: t.pos, name: t.value });
      default:
        this.pos--;
        throw this.unexpected();
    }
  }
  call(name, piped) {
    const shape = Object.hasOwn(PREDICATE_BUILTINS, name.value) ? PREDICATE_BUILTINS[name.value] : void 0;
    this.expectOp("(");
    const args = [...piped];
    if (!shape) {
      while (!this.isOp(")")) {
        if (args.length > piped.length) {
          this.expectOp(",");
          if (this.isOp(")")) break;
        }
        args.push(this.expression(0));
      }
      this.expectOp(")");
      return { k: "call", pos: name.pos, name: name.value, args };
    }
    const rest = shape.slice(piped.length);
    for (let i = 0; i < rest.length; i++) {
      const kind = rest[i] ?? "e";
      if (this.isOp(")")) {
        if (kind.endsWith("?")) break;
        const required = shape.filter((s) => !s.endsWith("?")).length;
        throw this.error(this.cur, `${name.value}() expects at least ${required} arguments`);
      }
      if (i > 0) {
        this.expectOp(",");
        if (this.isOp(")") && kind.endsWith("?")) break;
      }
      if (kind.startsWith("p")) args.push(this.predicate());
      else args.push(this.expression(0));
    }
    if (this.isOp(",")) this.pos++;
    if (!this.isOp(")")) {
      throw this.error(this.cur, `${name.value}() takes at most ${shape.length} arguments`);
    }
    this.pos++;
    return { k: "call", pos: name.pos, name: name.value, args };
  }
  predicate() {
    const start = this.cur;
    const braced = this.isOp("{");
    if (braced) this.pos++;
    this.predicateDepth++;
    const body = this.expression(0);
    this.predicateDepth--;
    if (braced) this.expectOp("}");
    return { k: "closure", pos: start.pos, body };
  }
  arrayLiteral() {
    const open = this.expectOp("[");
    const items = [];
    while (!this.isOp("]")) {
      if (items.length > 0) {
        this.expectOp(",");
        if (this.isOp("]")) break;
      }
      items.push(this.expression(0));
    }
    this.expectOp("]");
    return { k: "array", pos: open.pos, items };
  }
  mapLiteral() {
    const open = this.expectOp("{");
    const entries = [];
    while (!this.isOp("}")) {
      if (entries.length > 0) {
        this.expectOp(",");
        if (this.isOp("}")) break;
      }
      const t = this.cur;
      let key;
      if (t.kind === "string" || t.kind === "ident" || t.kind === "number" || t.kind === "op" && WORD_OPERATORS.has(t.value)) {
        key = { k: "lit", pos: t.pos, value: t.value };
        this.pos++;
      } else if (this.isOp("(")) {
        key = this.expression(0);
      } else {
        throw this.error(
          t,
          `a map key must be a quoted string, a number, a name, or an expression in parentheses (unexpected token ${describeToken(t)})`
        );
      }
      this.expectOp(":");
      entries.push({ key, value: this.expression(0) });
    }
    this.expectOp("}");
    return { k: "map", pos: open.pos, entries };
  }
  /** Member access, indexing, slicing and method calls after a primary. */
  postfix(start) {
    let node = start;
    let chained = false;
    for (; ; ) {
      const t = this.cur;
      if (this.isOp(".") || this.isOp("?.")) {
        const optional = t.value === "?.";
        this.pos++;
        if (optional && this.isOp("[")) {
          chained = true;
          node = this.index(node, true);
          continue;
        }
        const name = this.cur;
        if (name.kind !== "ident" && !(name.kind === "op" && WORD_OPERATORS.has(name.value))) {
          throw this.error(name, "expected name");
        }
        this.pos++;
        if (optional) chained = true;
        if (this.isOp("(")) {
          this.pos++;
          const args = [];
          while (!this.isOp(")")) {
            if (args.length > 0) {
              this.expectOp(",");
              if (this.isOp(")")) break;
            }
            args.push(this.expression(0));
          }
          this.expectOp(")");
          node = { k: "method", pos: name.pos, object: node, name: name.value, args, optional };
        } else {
          node = {
            k: "member",
            pos: name.pos,
            object: node,
            property: { k: "lit", pos: name.pos, value: name.value },
            optional,
            name: name.value
          };
        }
        continue;
      }
      if (this.isOp("[")) {
        node = this.index(node, false);
        continue;
      }
      break;
    }
    return chained ? { k: "chain", pos: start.pos, node } : node;
  }
  index(object, optional) {
    const open = this.expectOp("[");
    if (this.isOp(":")) {
      this.pos++;
      const to = this.isOp("]") ? void 0 : this.expression(0);
      this.expectOp("]");
      return { k: "slice", pos: open.pos, object, to };
    }
    const from = this.expression(0);
    if (this.isOp(":")) {
      this.pos++;
      const to = this.isOp("]") ? void 0 : this.expression(0);
      this.expectOp("]");
      return { k: "slice", pos: open.pos, object, from, to };
    }
    this.expectOp("]");
    return { k: "member", pos: open.pos, object, property: from, optional };
  }
};
function children(n) {
  switch (n.k) {
    case "lit":
    case "ident":
    case "pointer":
      return [];
    case "array":
      return n.items;
    case "map":
      return n.entries.flatMap((e) => [e.key, e.value]);
    case "member":
      return [n.object, n.property];
    case "slice":
      return [n.object, ...n.from ? [n.from] : [], ...n.to ? [n.to] : []];
    case "call":
      return n.args;
    case "method":
      return [n.object, ...n.args];
    case "closure":
      return [n.body];
    case "unary":
      return [n.operand];
    case "binary":
      return [n.left, n.right];
    case "cond":
      return [n.test, n.then, n.else];
    case "chain":
      return [n.node];
    case "let":
      return [n.value, n.body];
  }
}
function parse(source, limits = DEFAULT_PARSE_LIMITS) {
  if (source.length > limits.maxSourceLength) {
    throw new ExprError(`expression is too long (limit ${limits.maxSourceLength} characters)`);
  }
  const root = new Parser(source, limits).parse();
  const stack = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (depth > limits.maxDepth) {
      throw exprErrorAt(source, node.pos, `expression nests too deeply (limit ${limits.maxDepth})`);
    }
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
  return root;
}

// src/expr/compile.ts
function checkRegexLiterals(source, root) {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n.k === "binary" && n.op === "matches" && n.right.k === "lit") {
      const pattern = n.right.value;
      if (typeof pattern === "string") {
        try {
          compileRegex(pattern);
        } catch (err) {
          throw exprErrorAt(source, n.right.pos, err.message, err);
        }
      }
    }
    stack.push(...children(n));
  }
}
function compileExpr(source, opts = {}) {
  if (typeof source !== "string") {
    throw new ExprError(`expression must be a string, got ${formatValue(source)}`);
  }
  const root = parse(source, { ...DEFAULT_PARSE_LIMITS, ...opts.limits });
  checkRegexLiterals(source, root);
  return {
    source,
    evaluate(env, evalOpts) {
      return new Evaluator(source, env, evalOpts).run(root);
    }
  };
}

// src/expr/check.ts
var ANY = { kind: "any" };
function structOf(name, fields, unknown) {
  return { kind: "struct", name, fields, ...unknown ? { unknown } : {} };
}
function stringFields(...names) {
  return Object.fromEntries(names.map((n) => [n, ANY]));
}
var sig = (min, max = min) => ({ min, max });
var BUILTIN_SIGNATURES = {
  len: sig(1),
  lower: sig(1),
  upper: sig(1),
  trim: sig(1, 2),
  trimPrefix: sig(2),
  trimSuffix: sig(2),
  split: sig(2, 3),
  splitAfter: sig(2, 3),
  join: sig(1, 2),
  replace: sig(3),
  hasPrefix: sig(2),
  hasSuffix: sig(2),
  indexOf: sig(2),
  lastIndexOf: sig(2),
  repeat: sig(2),
  string: sig(1),
  int: sig(1),
  float: sig(1),
  type: sig(1),
  toJSON: sig(1),
  fromJSON: sig(1),
  toBase64: sig(1),
  fromBase64: sig(1),
  abs: sig(1),
  ceil: sig(1),
  floor: sig(1),
  round: sig(1),
  max: sig(1, Infinity),
  min: sig(1, Infinity),
  mean: sig(1, Infinity),
  median: sig(1, Infinity),
  first: sig(1),
  last: sig(1),
  take: sig(2),
  reverse: sig(1),
  uniq: sig(1),
  flatten: sig(1),
  concat: sig(0, Infinity),
  sort: sig(1, 2),
  keys: sig(1),
  values: sig(1),
  get: sig(2),
  now: sig(0),
  date: sig(1, 3),
  duration: sig(1),
  semverParse: sig(1),
  semverDiff: sig(2)
};
var TEMPLATE_SIGNATURES = {
  quote: sig(1),
  unsafeQuote: sig(1),
  asYAML: sig(1),
  asJSON: sig(1)
};
function offsetOf(source, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf("\n", offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  const rest = [...source.slice(offset)].slice(0, Math.max(0, column - 1)).join("");
  return offset + rest.length;
}
var same = (a, b) => a.kind === "struct" && b.kind === "struct" && a.name === b.name;
function checkExpression(source, env) {
  let root;
  try {
    compileExpr(source);
    root = parse(source, DEFAULT_PARSE_LIMITS);
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    const offset = err.line > 0 ? offsetOf(source, err.line, err.column) : 0;
    return [{ offset, message: err.reason }];
  }
  const problems = [];
  const report = (node, message) => {
    problems.push({ offset: node.pos, message });
  };
  const typeOf = (node, scope) => {
    switch (node.k) {
      case "ident": {
        const local = scope.get(node.name);
        if (local) return local;
        if (node.name === "$env") return ANY;
        if (Object.hasOwn(env.names, node.name)) return env.names[node.name] ?? ANY;
        const known = [...Object.keys(env.names), ...scope.keys()];
        report(node, `unknown name ${JSON.stringify(node.name)}${didYouMean(node.name, known)}`);
        return ANY;
      }
      case "member": {
        const object = typeOf(node.object, scope);
        const property = node.property;
        if (object.kind === "struct" && property.k === "lit" && typeof property.value === "string") {
          const field = property.value;
          if (Object.hasOwn(object.fields, field)) return object.fields[field] ?? ANY;
          const known = Object.keys(object.fields);
          report(
            node,
            object.unknown ? object.unknown(field, known) : `type ${object.name} has no field ${field}${didYouMean(field, known)} (fields: ${known.join(", ")})`
          );
          return ANY;
        }
        typeOf(property, scope);
        return ANY;
      }
      case "call": {
        if (Object.hasOwn(PREDICATE_BUILTINS, node.name)) {
          for (const a of node.args) typeOf(a, scope);
          return ANY;
        }
        const signature = Object.hasOwn(env.functions, node.name) ? env.functions[node.name] : Object.hasOwn(BUILTIN_SIGNATURES, node.name) ? BUILTIN_SIGNATURES[node.name] : void 0;
        const why = env.unsupported?.[node.name];
        if (!signature && why !== void 0) {
          report(node, `${node.name}() is not available: ${why}`);
        } else if (!signature) {
          const known = [
            ...Object.keys(env.functions),
            ...Object.keys(BUILTINS),
            ...Object.keys(PREDICATE_BUILTINS)
          ];
          report(node, `unknown function ${node.name}()${didYouMean(node.name, known)}`);
        } else if (node.args.length < signature.min || node.args.length > signature.max) {
          const want = signature.min === signature.max ? `${signature.min}` : signature.max === Infinity ? `at least ${signature.min}` : `${signature.min} to ${signature.max}`;
          report(
            node,
            `${node.name}(): expected ${want} argument${want === "1" ? "" : "s"}, got ${node.args.length}`
          );
        }
        for (const a of node.args) typeOf(a, scope);
        if (signature && env.checkCall) {
          const literals = node.args.map(
            (a) => a.k === "lit" && typeof a.value === "string" ? a.value : void 0
          );
          const problem = env.checkCall(node.name, literals);
          if (problem) report(node, problem);
        }
        return signature?.returns ?? ANY;
      }
      case "binary": {
        const left = typeOf(node.left, scope);
        const right = typeOf(node.right, scope);
        return node.op === "??" && same(left, right) ? left : ANY;
      }
      case "cond": {
        const test = typeOf(node.test, scope);
        const then = typeOf(node.then, scope);
        const otherwise = typeOf(node.else, scope);
        if (node.elvis) return same(test, otherwise) ? test : ANY;
        return same(then, otherwise) ? then : ANY;
      }
      case "chain":
        return typeOf(node.node, scope);
      case "let": {
        const value = typeOf(node.value, scope);
        return typeOf(node.body, new Map([...scope, [node.name, value]]));
      }
      default:
        for (const c of children(node)) typeOf(c, scope);
        return ANY;
    }
  };
  typeOf(root, /* @__PURE__ */ new Map());
  return problems;
}
var DELIMITERS = [
  { open: "${{", close: "}}" },
  { open: "${%", close: "%}" }
];
function templateExpressions(template) {
  const out = [];
  let at = 0;
  for (; ; ) {
    let best;
    for (const d of DELIMITERS) {
      const i = template.indexOf(d.open, at);
      if (i >= 0 && (!best || i < best.at)) best = { at: i, open: d.open, close: d.close };
    }
    if (!best) return out;
    const start = best.at + best.open.length;
    const end = template.indexOf(best.close, start);
    if (end < 0) {
      out.push({ source: template.slice(start), offset: start, unclosed: true });
      return out;
    }
    out.push({ source: template.slice(start, end), offset: start });
    at = end + best.close.length;
  }
}

// src/expr/freight.ts
var IMAGE_FIELDS = ["RepoURL", "Tag", "Digest"];
var CHART_FIELDS = ["RepoURL", "Name", "Version"];
var COMMIT_FIELDS = ["RepoURL", "ID", "Branch", "Tag", "Message", "Author", "Committer"];
var ORIGIN_FIELDS = ["Kind", "Name"];
var IMAGE = structOf("Image", stringFields(...IMAGE_FIELDS));
var CHART = structOf("Chart", stringFields(...CHART_FIELDS));
var COMMIT = structOf("GitCommit", stringFields(...COMMIT_FIELDS));
var ORIGIN = structOf("FreightOrigin", stringFields(...ORIGIN_FIELDS));
var FREIGHT_SIGNATURES = {
  warehouse: { min: 1, max: 1, returns: ORIGIN },
  imageFrom: { min: 1, max: 2, returns: IMAGE },
  chartFrom: { min: 1, max: 3, returns: CHART },
  commitFrom: { min: 1, max: 2, returns: COMMIT }
};
function originArg(fn, v) {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const o = v;
    const name = o["Name"] ?? o["name"];
    const kind = o["Kind"] ?? o["kind"] ?? "Warehouse";
    if (typeof name === "string" && typeof kind === "string") return { kind, name };
  }
  throw new Error(`${fn}(): the origin argument must come from warehouse(name)`);
}
function findArtifact(fn, what, collection, origin, pick) {
  const found = [];
  for (const freight of collection) {
    if (origin && (freight.origin.name !== origin.name || freight.origin.kind !== origin.kind))
      continue;
    const item = pick(freight);
    if (item !== void 0) found.push({ freight, item });
  }
  if (found.length > 1) {
    const origins = found.map((f) => JSON.stringify(f.freight.origin.name)).join(", ");
    throw new Error(
      `${fn}(): freight from several warehouses (${origins}) could provide the ${what}; pass warehouse("name") to say which`
    );
  }
  return found[0]?.item ?? null;
}
function freightFunctions(collection, log = () => void 0) {
  const missing = (fn, what, origin) => {
    log(
      `${fn}(): the freight collection has no ${what}${origin ? ` from warehouse ${JSON.stringify(origin.name)}` : ""}; returning nil`
    );
    return null;
  };
  return {
    warehouse: (args) => {
      const [name] = expectArgs("warehouse", args, ["string"]);
      if (name === "") throw new Error("warehouse(): the name must not be empty");
      return makeStruct("FreightOrigin", { Kind: "Warehouse", Name: name });
    },
    imageFrom: (args) => {
      const [repoURL, o] = expectArgs("imageFrom", args, ["string"], ["map"]);
      const origin = o === void 0 ? void 0 : originArg("imageFrom", o);
      const want = normalizeImageURL(repoURL);
      const what = `image from ${JSON.stringify(repoURL)}`;
      const image = findArtifact(
        "imageFrom",
        what,
        collection,
        origin,
        (f) => f.images.find((i) => i.repoURL === repoURL || normalizeImageURL(i.repoURL) === want)
      );
      if (!image) return missing("imageFrom", what, origin);
      return makeStruct("Image", {
        RepoURL: image.repoURL,
        Tag: image.tag,
        Digest: image.digest
      });
    },
    chartFrom: (args) => {
      if (args.length < 1 || args.length > 3)
        throw new Error(`chartFrom(): expected 1 to 3 arguments, got ${args.length}`);
      const [repoURL] = expectArgs("chartFrom", args.slice(0, 1), ["string"]);
      let name;
      let origin;
      const second = args[1];
      if (typeof second === "string") name = second;
      else if (args.length >= 2) origin = originArg("chartFrom", second);
      if (args.length === 3) {
        if (origin) throw new Error("chartFrom(): the chart name comes before the origin");
        origin = originArg("chartFrom", args[2]);
      }
      const want = normalizeChartURL(repoURL);
      const what = `chart ${name ? `${JSON.stringify(name)} ` : ""}from ${JSON.stringify(repoURL)}`;
      const chart = findArtifact(
        "chartFrom",
        what,
        collection,
        origin,
        (f) => f.charts.find(
          (c) => (c.repoURL === repoURL || normalizeChartURL(c.repoURL) === want) && (name === void 0 || name === "" || c.name === name)
        )
      );
      if (!chart) return missing("chartFrom", what, origin);
      return makeStruct("Chart", {
        RepoURL: chart.repoURL,
        Name: chart.name,
        Version: chart.version
      });
    },
    commitFrom: (args) => {
      const [repoURL, o] = expectArgs("commitFrom", args, ["string"], ["map"]);
      const origin = o === void 0 ? void 0 : originArg("commitFrom", o);
      const want = normalizeGitURL(repoURL);
      const what = `commit from ${JSON.stringify(repoURL)}`;
      const commit = findArtifact(
        "commitFrom",
        what,
        collection,
        origin,
        (f) => f.commits.find((c) => c.repoURL === repoURL || normalizeGitURL(c.repoURL) === want)
      );
      if (!commit) return missing("commitFrom", what, origin);
      return makeStruct("GitCommit", {
        RepoURL: commit.repoURL,
        ID: commit.id,
        Branch: commit.branch ?? "",
        Tag: commit.tag ?? "",
        Message: commit.message ?? "",
        Author: commit.author ?? "",
        Committer: commit.committer ?? ""
      });
    }
  };
}

// src/expr/template.ts
var import_yaml = __toESM(require_dist(), 1);
var DELIMITERS2 = [
  { open: "${{", close: "}}" },
  { open: "${%", close: "%}" }
];
var RESERVED_TEMPLATE_NAMES = ["quote", "asYAML", "asJSON"];
function quoteFn(args) {
  const [v] = expectArgs("quote", args, ["any"]);
  return typeof v === "string" ? `"${v}"` : unsafeQuoteFn(args);
}
function unsafeQuoteFn(args) {
  const [v] = expectArgs("unsafeQuote", args, ["any"]);
  return `"${marshalJSON(v)}"`;
}
var asYAMLFn = (args, ctx) => {
  const [v] = expectArgs("asYAML", args, ["any"]);
  const text = (0, import_yaml.stringify)(toPlain(v), {
    indent: 4,
    indentSeq: true,
    sortMapEntries: true,
    lineWidth: 0
  });
  ctx.checkString(text.length);
  return `"${text}"`;
};
var asJSONFn = (args, ctx) => {
  const [v] = expectArgs("asJSON", args, ["any"]);
  const text = marshalJSON(v, "  ");
  ctx.checkString(text.length);
  return `"${text}
"`;
};
var TEMPLATE_FUNCTIONS = {
  quote: quoteFn,
  unsafeQuote: unsafeQuoteFn,
  asYAML: asYAMLFn,
  asJSON: asJSONFn
};
function checkReservedKeys(env) {
  for (const name of RESERVED_TEMPLATE_NAMES) {
    const present = env instanceof Map ? env.has(name) : Object.hasOwn(env, name);
    if (present) {
      throw new ExprError(
        `${JSON.stringify(name)} is a forbidden key in the environment map; it is reserved for internal use`
      );
    }
  }
}
function hasExpression(template) {
  return DELIMITERS2.some((d) => template.includes(d.open));
}
var GO_BOOLS = {
  "1": true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false
};
function parseGoBool(text) {
  return Object.hasOwn(GO_BOOLS, text) ? GO_BOOLS[text] : void 0;
}
function renderText(template, env, opts) {
  let out = "";
  let rest = template;
  for (; ; ) {
    let best;
    for (const d of DELIMITERS2) {
      const at = rest.indexOf(d.open);
      if (at >= 0 && (!best || at < best.at)) best = { at, open: d.open, close: d.close };
    }
    if (!best) return out + rest;
    out += rest.slice(0, best.at);
    const start = best.at + best.open.length;
    const end = rest.indexOf(best.close, start);
    if (end < 0) {
      throw new ExprError(
        `unclosed expression: expected ${JSON.stringify(best.close)} but reached end of template`
      );
    }
    const source = rest.slice(start, end);
    let value;
    try {
      value = compileExpr(source).evaluate(env, opts);
    } catch (err) {
      if (!(err instanceof ExprError)) throw err;
      const shown = source.trim();
      throw new ExprError(
        `${err.message} in \${{ ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} }}`,
        0,
        0,
        { cause: err }
      );
    }
    let text;
    if (typeof value === "string") text = value;
    else {
      try {
        text = marshalJSON(value);
      } catch (err) {
        throw new ExprError(
          `${err.message} (in ${JSON.stringify(source.trim())})`,
          0,
          0,
          {
            cause: err
          }
        );
      }
    }
    out += text;
    const limit = opts.limits?.maxStringLength ?? 1e6;
    if (out.length > limit) {
      throw new ExprError(`rendered template exceeds the limit of ${limit} characters`);
    }
    rest = rest.slice(end + best.close.length);
  }
}
function renderTemplate(template, env, opts = {}) {
  checkReservedKeys(env);
  if (!hasExpression(template)) return template;
  const functions = { ...opts.functions, ...TEMPLATE_FUNCTIONS };
  let result = renderText(template, env, { ...opts, functions });
  const hadNewline = result.endsWith("\n");
  if (hadNewline) result = result.slice(0, -1);
  if (result.length > 1 && result.startsWith('"') && result.endsWith('"')) {
    return result.slice(1, -1) + (hadNewline ? "\n" : "");
  }
  const num = parseGoFloat(result);
  if (num !== void 0) return num;
  const bool = parseGoBool(result);
  if (bool !== void 0) return bool;
  try {
    return JSON.parse(result);
  } catch {
    return result + (hadNewline ? "\n" : "");
  }
}
function renderTemplates(value, env, opts = {}) {
  checkReservedKeys(env);
  const walk = (v, depth, path) => {
    if (depth > 100) throw new ExprError("template nests more than 100 levels deep");
    if (typeof v === "string") {
      try {
        return renderTemplate(v, env, opts);
      } catch (err) {
        if (!(err instanceof ExprError) || path === "") throw err;
        throw new ExprError(`${path}: ${err.message}`, 0, 0, { cause: err });
      }
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, depth + 1, `${path}[${i}]`));
    if (v !== null && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        const field = /^[A-Za-z_$][\w$-]*$/.test(k) ? k : JSON.stringify(k);
        Object.defineProperty(out, k, {
          value: walk(x, depth + 1, path === "" ? field : `${path}.${field}`),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
    return v;
  };
  return walk(value, 0, "");
}

// src/expr/index.ts
function evaluateBool(expression, env, opts) {
  const compiled = typeof expression === "string" ? compileExpr(expression) : expression;
  const result = compiled.evaluate(env, opts);
  if (typeof result === "boolean") return result;
  const text = formatValue(result);
  const parsed = parseGoBool(text);
  if (parsed === void 0) {
    throw new ExprError(
      `error parsing expression result: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`
    );
  }
  return parsed;
}

export {
  ExprError,
  ExprTime,
  parseDuration,
  formatValue,
  expectArgs,
  compileExpr,
  hasExpression,
  renderTemplate,
  renderTemplates,
  ANY,
  structOf,
  TEMPLATE_SIGNATURES,
  checkExpression,
  templateExpressions,
  FREIGHT_SIGNATURES,
  freightFunctions,
  evaluateBool
};
