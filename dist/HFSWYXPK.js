import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  parseConstraint
} from "./3CCVSSJR.js";
import {
  parseDuration
} from "./XEBSUSON.js";
import {
  compileExpr,
  hasExpression,
  renderTemplate
} from "./TFABZY5Z.js";
import {
  didYouMean,
  suggest
} from "./TFE6LUOK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import {
  errorMessage
} from "./HQMHHTDW.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/pipeline/source.ts
var import_yaml = __toESM(require_dist(), 1);
function locate(src, segments) {
  return src.redirect?.(segments) ?? { src, segments: [...segments] };
}
function formatPath(segments) {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
function pointerToSegments(pointer, data) {
  if (!pointer) return [];
  const out = [];
  let cur = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) {
      const index = Number(key);
      out.push(index);
      cur = cur[index];
    } else {
      out.push(key);
      cur = cur !== null && typeof cur === "object" ? cur[key] : void 0;
    }
  }
  return out;
}
function deref(src, node) {
  if ((0, import_yaml.isAlias)(node)) return node.resolve(src.doc) ?? void 0;
  return (0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node) || (0, import_yaml.isScalar)(node) ? node : void 0;
}
function findNode(src, segments) {
  let cur = deref(src, src.doc.contents);
  let nearest = cur;
  let key;
  for (const seg of segments) {
    key = void 0;
    let next;
    if ((0, import_yaml.isMap)(cur)) {
      const pair = cur.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(seg));
      if (pair) {
        key = (0, import_yaml.isScalar)(pair.key) ? pair.key : void 0;
        next = pair.value ?? pair.key;
      }
    } else if ((0, import_yaml.isSeq)(cur) && typeof seg === "number") {
      next = cur.items[seg];
    }
    const node = deref(src, next);
    if (!node) return { nearest, key };
    cur = node;
    nearest = node;
  }
  return { value: cur, key, nearest };
}
function positionOf(src, node) {
  const offset = node?.range?.[0];
  if (offset === void 0) return { line: 1, column: 1 };
  const { line, col } = src.lineCounter.linePos(offset);
  return { line, column: col };
}
function problemAt(src, segments, message, anchor = "value") {
  if (src.redirect) {
    const at = locate(src, segments);
    if (at.src !== src) return problemAt(at.src, at.segments, message, anchor);
  }
  const found = findNode(src, segments);
  const node = anchor === "key" ? found.key ?? found.value ?? found.nearest : found.value ?? found.nearest;
  return { file: src.file, ...positionOf(src, node), path: formatPath(segments), message };
}
function lineOf(src, segments) {
  if (src.redirect) {
    const at = locate(src, segments);
    if (at.src !== src) return lineOf(at.src, at.segments);
  }
  const found = findNode(src, segments);
  return positionOf(src, found.value ?? found.nearest).line;
}
function compareProblems(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path) || a.message.localeCompare(b.message);
}
function tidyProblems(problems) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const p of [...problems].sort(compareProblems)) {
    const id = `${p.file}\0${p.line}\0${p.column}\0${p.path}\0${p.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  return out;
}

// schema/project.schema.json
var project_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json",
  title: "gantry project",
  description: "One gantry pipeline: the file .gantry/<project>.yaml in a GitOps repository. Field names follow Kargo's Warehouse and Stage resources.",
  type: "object",
  required: ["project", "warehouses", "stages"],
  additionalProperties: false,
  properties: {
    $schema: {
      type: "string",
      description: "URL of this JSON schema, for editors. Ignored by gantry."
    },
    project: {
      $ref: "#/definitions/dnsLabel",
      description: "Name of the project: a lowercase DNS-1123 label (a-z, 0-9 and '-', at most 63 characters). The file must be named .gantry/<project>.yaml (or .yml)."
    },
    warehouses: {
      type: "array",
      minItems: 1,
      description: "Sources of freight. Each warehouse watches a list of subscriptions and records every new combination of their versions as one piece of freight.",
      items: {
        $ref: "#/definitions/warehouse"
      }
    },
    stages: {
      type: "array",
      minItems: 1,
      description: "Steps of the pipeline, usually one per environment. Each stage requests freight from warehouses directly or from upstream stages where it has been verified.",
      items: {
        $ref: "#/definitions/stage"
      }
    },
    promotionTasks: {
      type: "array",
      default: [],
      description: "Reusable sequences of promotion steps (Kargo's PromotionTask and ClusterPromotionTask), used by a template step with task: {name}. Their steps are inflated into the template in place, with aliases <task alias>::<step alias>.",
      items: {
        $ref: "#/definitions/promotionTask"
      }
    }
  },
  definitions: {
    dnsLabel: {
      type: "string",
      minLength: 1,
      maxLength: 63,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
      patternErrorMessage: "must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit",
      description: "A lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters."
    },
    duration: {
      type: "string",
      pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$",
      patternErrorMessage: "must be a Go duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)",
      description: "A Go-style duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)."
    },
    discoveryLimit: {
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 20,
      description: "How many of the newest matching versions to keep as candidates (1 to 100, default 20)."
    },
    regexList: {
      type: "array",
      items: {
        type: "string",
        minLength: 1
      },
      description: "Regular expressions (Go RE2 syntax, e.g. '^v1\\.' or '(?i)rc')."
    },
    pathFilterList: {
      type: "array",
      items: {
        type: "string",
        minLength: 1
      },
      description: "Path filters: a plain path matches that path and everything below it; 'glob:<pattern>' is a glob where ** crosses directories; 'regex:<re>' or 'regexp:<re>' is a Go regular expression."
    },
    insecureSkipTLSVerify: {
      type: "boolean",
      default: false,
      description: "Skip TLS certificate verification when talking to this repository. For test setups only."
    },
    var: {
      type: "object",
      required: ["name", "value"],
      additionalProperties: false,
      description: "A named value available to expressions as vars.<name>.",
      properties: {
        name: {
          type: "string",
          pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$",
          patternErrorMessage: "must be an identifier: letters, digits and '_', not starting with a digit",
          description: "Variable name, used in expressions as vars.<name>."
        },
        value: {
          type: "string",
          description: "Variable value; may contain ${{ }} expressions."
        }
      }
    },
    warehouse: {
      type: "object",
      required: ["name", "subscriptions"],
      additionalProperties: false,
      description: "A named source of freight (Kargo's Warehouse).",
      properties: {
        name: {
          $ref: "#/definitions/dnsLabel",
          description: "Warehouse name, unique within the project: a lowercase DNS-1123 label. Stages name it in requestedFreight[].origin.name."
        },
        freightCreationPolicy: {
          type: "string",
          enum: ["Automatic", "Manual"],
          default: "Automatic",
          description: "Automatic (default): discovery records new freight as soon as it finds new versions. Manual: discovery only reports what it found; freight is created on request."
        },
        freightCreationCriteria: {
          type: "object",
          additionalProperties: false,
          properties: {
            expression: {
              type: "string",
              description: "An expression (Kargo's expr-lang, without ${{ }}) over the versions just found, with imageFrom(), chartFrom() and commitFrom(): new freight is recorded only when it is true, e.g. imageFrom('ghcr.io/acme/api').Tag == imageFrom('ghcr.io/acme/web').Tag. Empty means always."
            }
          },
          description: "Kargo's freight creation criteria: a condition new freight must meet before discovery records it automatically."
        },
        interval: {
          $ref: "#/definitions/duration",
          description: "How often discovery is expected to run, as a Go duration (e.g. 5m). Informational: the schedule of the discover workflow decides."
        },
        subscriptions: {
          type: "array",
          minItems: 1,
          description: "What the warehouse watches. Each entry has exactly one of image, chart or git; one piece of freight holds one version of each.",
          items: {
            $ref: "#/definitions/subscription"
          }
        }
      }
    },
    subscription: {
      type: "object",
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      errorMessage: "a subscription needs exactly one of image, chart, git",
      description: "One thing to watch: exactly one of image, chart or git.",
      properties: {
        image: {
          $ref: "#/definitions/imageSubscription",
          description: "Watch a container image repository for new tags."
        },
        chart: {
          $ref: "#/definitions/chartSubscription",
          description: "Watch a Helm chart, in an HTTP(S) chart repository or an OCI registry, for new versions."
        },
        git: {
          $ref: "#/definitions/gitSubscription",
          description: "Watch a Git repository for new commits on a branch or new tags."
        }
      }
    },
    imageSubscription: {
      type: "object",
      required: ["repoURL"],
      additionalProperties: false,
      description: "A container image repository to watch for new tags.",
      properties: {
        repoURL: {
          type: "string",
          pattern: "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$",
          patternErrorMessage: "must be an image repository such as ghcr.io/acme/echo: no scheme (https://), tag (:1.0) or digest (@sha256:\u2026)",
          description: "Image repository without scheme, tag or digest, e.g. ghcr.io/acme/echo or docker.io/library/nginx."
        },
        name: {
          type: "string",
          minLength: 1,
          description: "Optional subscription name. When set it becomes part of the freight ID, so two subscriptions to the same repository can be told apart."
        },
        imageSelectionStrategy: {
          type: "string",
          enum: ["SemVer", "Lexical", "Digest", "NewestBuild"],
          default: "SemVer",
          description: "How to pick the newest image. SemVer (default): highest semantic version tag matching constraint. Lexical: lexically greatest tag. Digest: the current digest of the mutable tag named by constraint. NewestBuild: most recently built image (reads image metadata, slower)."
        },
        constraint: {
          type: "string",
          minLength: 1,
          description: "For SemVer: a semver constraint such as ^1.2, '>= 1.2, < 2' or 1.2.x (pre-releases only when the constraint names one). For Digest: the mutable tag to follow, e.g. latest (required). Unused by Lexical and NewestBuild."
        },
        strictSemvers: {
          type: "boolean",
          default: true,
          description: "With SemVer, accept only tags that are complete semantic versions (1.2.3, not 1.2). Default true."
        },
        allowTagsRegexes: {
          $ref: "#/definitions/regexList",
          description: "Only tags matching at least one of these regular expressions (Go RE2 syntax) are considered. Empty: all tags."
        },
        ignoreTagsRegexes: {
          $ref: "#/definitions/regexList",
          description: "Tags matching any of these regular expressions (Go RE2 syntax) are ignored; ignoring wins over allowing."
        },
        allowTags: {
          deprecated: true,
          not: {},
          errorMessage: "allowTags is deprecated: use allowTagsRegexes",
          description: "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."
        },
        ignoreTags: {
          deprecated: true,
          not: {},
          errorMessage: "ignoreTags is deprecated: use ignoreTagsRegexes",
          description: "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."
        },
        platform: {
          type: "string",
          pattern: "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$",
          patternErrorMessage: "must be os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8",
          description: "Only consider images built for this platform: os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8."
        },
        discoveryLimit: {
          $ref: "#/definitions/discoveryLimit",
          description: "How many of the newest matching versions to keep as candidates (1 to 100, default 20). It also bounds the registry requests: SemVer and Lexical examine at most this many tags per run (with platform, 20 more that lack the platform), one manifest request each."
        },
        insecureSkipTLSVerify: {
          $ref: "#/definitions/insecureSkipTLSVerify",
          description: "Skip TLS certificate verification when talking to this repository. For test setups only."
        }
      },
      allOf: [
        {
          if: {
            type: "object",
            properties: {
              imageSelectionStrategy: {
                const: "Digest"
              }
            },
            required: ["imageSelectionStrategy"]
          },
          then: {
            type: "object",
            required: ["constraint"],
            errorMessage: "imageSelectionStrategy Digest needs constraint: the mutable tag to follow, e.g. constraint: latest"
          }
        }
      ]
    },
    chartSubscription: {
      type: "object",
      required: ["repoURL"],
      additionalProperties: false,
      description: "A Helm chart to watch for new versions, in an HTTP(S) chart repository or an OCI registry.",
      properties: {
        repoURL: {
          type: "string",
          pattern: "^(https?|oci)://\\S+$",
          patternErrorMessage: "must start with https://, http:// (a chart repository) or oci:// (a chart in an OCI registry)",
          description: "https://\u2026 or http://\u2026 for a classic chart repository (with an index.yaml), or oci://registry/path/chart for a chart stored in an OCI registry."
        },
        name: {
          type: "string",
          minLength: 1,
          description: "Chart name within an https:// or http:// repository (required there). Must be omitted for oci:// URLs, whose last path segment is the chart name."
        },
        semverConstraint: {
          type: "string",
          minLength: 1,
          description: "Semver constraint the chart version must satisfy, e.g. ^2 or '>= 1.2, < 2'. Empty: any version."
        },
        discoveryLimit: {
          $ref: "#/definitions/discoveryLimit",
          description: "How many of the newest matching versions to keep as candidates (1 to 100, default 20)."
        }
      },
      if: {
        type: "object",
        properties: {
          repoURL: {
            type: "string",
            pattern: "^oci://"
          }
        },
        required: ["repoURL"]
      },
      then: {
        type: "object",
        properties: {
          name: {
            not: {},
            errorMessage: "name must be omitted for oci:// charts: the last segment of repoURL is the chart name (e.g. repoURL: oci://ghcr.io/acme/charts/echo)"
          }
        }
      },
      else: {
        type: "object",
        required: ["name"],
        errorMessage: "name (the chart name) is required for an https:// or http:// chart repository"
      }
    },
    gitSubscription: {
      type: "object",
      required: ["repoURL"],
      additionalProperties: false,
      description: "A Git repository to watch for new commits on a branch or new tags.",
      properties: {
        repoURL: {
          type: "string",
          pattern: "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$",
          patternErrorMessage: "must be a Git URL: https://, http://, ssh://, git://, file:// or user@host:path",
          description: "URL of the Git repository: https://\u2026, ssh://\u2026, git@host:path or file://\u2026."
        },
        name: {
          type: "string",
          minLength: 1,
          description: "Optional subscription name. When set it becomes part of the freight ID."
        },
        commitSelectionStrategy: {
          type: "string",
          enum: ["NewestFromBranch", "SemVer", "Lexical", "NewestTag"],
          default: "NewestFromBranch",
          description: "NewestFromBranch (default): newest commit on branch. SemVer: commit of the highest semver tag matching semverConstraint. Lexical: commit of the lexically greatest tag. NewestTag: commit of the most recently created tag."
        },
        branch: {
          type: "string",
          minLength: 1,
          description: "Branch to follow with NewestFromBranch; default: the repository's default branch."
        },
        strictSemvers: {
          type: "boolean",
          default: true,
          description: "With SemVer, accept only tags that are complete semantic versions. Default true."
        },
        semverConstraint: {
          type: "string",
          minLength: 1,
          description: "With SemVer: semver constraint the tag must satisfy, e.g. ^1.2."
        },
        allowTagsRegexes: {
          $ref: "#/definitions/regexList",
          description: "With tag strategies: only tags matching at least one of these regular expressions are considered."
        },
        ignoreTagsRegexes: {
          $ref: "#/definitions/regexList",
          description: "With tag strategies: tags matching any of these regular expressions are ignored; ignoring wins."
        },
        allowTags: {
          deprecated: true,
          not: {},
          errorMessage: "allowTags is deprecated: use allowTagsRegexes",
          description: "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes."
        },
        ignoreTags: {
          deprecated: true,
          not: {},
          errorMessage: "ignoreTags is deprecated: use ignoreTagsRegexes",
          description: "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes."
        },
        expressionFilter: {
          type: "string",
          minLength: 1,
          description: "An expression evaluated for each candidate commit or tag; only those for which it is true are considered."
        },
        includePaths: {
          $ref: "#/definitions/pathFilterList",
          description: "Only commits touching at least one matching path are considered. Entries: a plain path (that directory or file), glob:<pattern> or regex:<re> / regexp:<re>."
        },
        excludePaths: {
          $ref: "#/definitions/pathFilterList",
          description: "Commits touching only matching paths are ignored. Entries: a plain path, glob:<pattern> or regex:<re> / regexp:<re>."
        },
        discoveryLimit: {
          $ref: "#/definitions/discoveryLimit",
          description: "How many of the newest matching versions to keep as candidates (1 to 100, default 20)."
        },
        insecureSkipTLSVerify: {
          $ref: "#/definitions/insecureSkipTLSVerify",
          description: "Skip TLS certificate verification when talking to this repository. For test setups only."
        }
      }
    },
    stage: {
      type: "object",
      required: ["name", "requestedFreight", "promotionTemplate"],
      additionalProperties: false,
      description: "A step of the pipeline (Kargo's Stage): where freight is promoted to and verified.",
      properties: {
        name: {
          $ref: "#/definitions/dnsLabel",
          description: "Stage name, unique within the project: a lowercase DNS-1123 label. Downstream stages name it in sources.stages."
        },
        branch: {
          type: "string",
          minLength: 1,
          description: "Branch of the GitOps repository this stage deploys from (promotion commits go there). Default: the repository's default branch."
        },
        environment: {
          type: "string",
          minLength: 1,
          description: "GitHub environment that gates promotions to this stage: the promote workflow runs the job under it (command: environment), and the promote action refuses a run that did not pass its protection rules. Default: the stage name."
        },
        environmentUrl: {
          type: "string",
          pattern: "^https?://\\S+$",
          patternErrorMessage: "must be an http(s) URL such as https://dev.echo.acme.dev",
          description: "Where the stage's deployment can be reached. Shown as the deployment's URL in the repository's Environments view once verification succeeds."
        },
        requestedFreight: {
          type: "array",
          minItems: 1,
          description: "Which freight the stage takes: one entry per warehouse, saying where the freight may come from.",
          items: {
            $ref: "#/definitions/freightRequest"
          }
        },
        autoPromotion: {
          type: "boolean",
          default: false,
          description: "Promote new freight automatically as soon as it is available to this stage. Default false."
        },
        promotionTemplate: {
          $ref: "#/definitions/promotionTemplate",
          description: "How freight is promoted into this stage: the steps to run and whether the result is pushed directly or proposed as a pull request."
        },
        verification: {
          type: "array",
          default: [],
          description: "Checks run after each promotion; when all succeed the freight is verified in this stage and becomes available downstream.",
          items: {
            $ref: "#/definitions/verificationMetric"
          }
        }
      }
    },
    freightRequest: {
      type: "object",
      required: ["origin", "sources"],
      additionalProperties: false,
      description: "A request for freight from one warehouse.",
      properties: {
        origin: {
          type: "object",
          required: ["kind", "name"],
          additionalProperties: false,
          description: "Where the freight was created.",
          properties: {
            kind: {
              type: "string",
              enum: ["Warehouse"],
              description: "Kind of origin; always Warehouse."
            },
            name: {
              type: "string",
              minLength: 1,
              description: "Name of a warehouse of this project."
            }
          }
        },
        sources: {
          type: "object",
          additionalProperties: false,
          description: "Where the stage may take this freight from: straight from the warehouse (direct) and/or once verified in upstream stages.",
          properties: {
            direct: {
              type: "boolean",
              default: false,
              description: "Take freight straight from the warehouse, without upstream verification."
            },
            stages: {
              type: "array",
              default: [],
              description: "Upstream stages: freight becomes available once verified in them (or approved for this stage).",
              items: {
                type: "string",
                minLength: 1
              }
            },
            requiredSoakTime: {
              $ref: "#/definitions/duration",
              description: "How long freight must have been verified in the upstream stages before it is available here, as a Go duration (e.g. 1h)."
            },
            availabilityStrategy: {
              type: "string",
              enum: ["OneOf", "All"],
              default: "OneOf",
              description: "OneOf (default): freight verified in any one upstream stage is available. All: it must be verified in every listed upstream stage."
            },
            autoPromotionOptions: {
              type: "object",
              additionalProperties: false,
              description: "Which freight auto-promotion picks (Kargo's).",
              properties: {
                selectionPolicy: {
                  type: "string",
                  enum: ["NewestFreight", "MatchUpstream"],
                  default: "NewestFreight",
                  description: "NewestFreight (default): the newest freight available to the stage. MatchUpstream: the freight the one upstream stage runs, once verified there (only with exactly one upstream stage, and not direct)."
                }
              }
            }
          }
        }
      }
    },
    promotionTemplate: {
      type: "object",
      required: ["steps"],
      additionalProperties: false,
      description: "How freight is promoted into the stage: steps run in order, and their result is committed.",
      properties: {
        mode: {
          type: "string",
          enum: ["direct", "pull-request"],
          default: "direct",
          description: "direct (default): push the promotion commit to the stage's branch. pull-request: open a pull request with it; merging the pull request completes the promotion."
        },
        vars: {
          type: "array",
          default: [],
          description: "Variables available to every step's expressions as vars.<name>.",
          items: {
            $ref: "#/definitions/var"
          }
        },
        steps: {
          type: "array",
          description: "Promotion steps, run in order. Empty for a control-flow stage (Kargo's Stage without promotionTemplate): a promotion records the freight in the stage's state and changes no other file.",
          items: {
            $ref: "#/definitions/promotionStep"
          }
        }
      }
    },
    promotionStep: {
      type: "object",
      additionalProperties: false,
      description: "One promotion step: a built-in step (uses) and its configuration, or a promotion task (task) inflated in its place.",
      properties: {
        uses: {
          type: "string",
          minLength: 1,
          description: "Name of the step to run, e.g. yaml-update, kustomize-set-image, helm-update-chart, copy, git-commit, git-open-pr. Set this or task."
        },
        task: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          description: "Run a promotion task's steps here (set instead of uses). Its vars come from the template's vars and this step's vars; its compose-output steps' outputs become outputs.<alias>.",
          properties: {
            name: {
              type: "string",
              minLength: 1,
              description: "Name of the promotion task."
            },
            kind: {
              type: "string",
              enum: ["PromotionTask", "ClusterPromotionTask"],
              default: "PromotionTask",
              description: "Which kind of task the name refers to."
            }
          }
        },
        as: {
          type: "string",
          pattern: "^[a-zA-Z_][a-zA-Z0-9_-]*$",
          patternErrorMessage: "must start with a letter or '_' and contain only letters, digits, '_' and '-'",
          description: "Alias of the step, unique within the template; later steps read its outputs as outputs.<alias>."
        },
        if: {
          type: "string",
          minLength: 1,
          description: "Expression deciding whether the step runs, e.g. ${{ vars.enabled }}."
        },
        config: {
          type: "object",
          default: {},
          description: "Configuration of the step; its fields depend on the step (see each step's documentation). Strings may contain ${{ }} expressions."
        },
        continueOnError: {
          type: "boolean",
          default: false,
          description: "Keep going with the next steps when this one fails. Default false."
        },
        vars: {
          type: "array",
          default: [],
          description: "Variables available to this step's expressions as vars.<name>, overriding the template's.",
          items: {
            $ref: "#/definitions/var"
          }
        },
        retry: {
          type: "object",
          additionalProperties: false,
          description: "How a failing step is retried.",
          properties: {
            timeout: {
              $ref: "#/definitions/duration",
              description: "Give up retrying after this long, as a Go duration (e.g. 5m)."
            },
            errorThreshold: {
              type: "integer",
              minimum: 1,
              description: "Number of consecutive failures after which the step fails."
            }
          }
        }
      }
    },
    verificationMetric: {
      type: "object",
      required: ["name", "provider"],
      additionalProperties: false,
      description: "One verification check (an Argo Rollouts metric): measurements taken through one provider, each judged by successCondition and failureCondition, and limits that turn the measurements into the metric's outcome. See docs/verify.md.",
      properties: {
        name: {
          type: "string",
          minLength: 1,
          description: "Name of the check, unique within the stage; shown in summaries and in the verification record."
        },
        provider: {
          $ref: "#/definitions/verificationProvider",
          description: "Where measurements come from: exactly one of http (or web), prometheus, datadog, command, argocd, github."
        },
        successCondition: {
          type: "string",
          minLength: 1,
          description: "Expression over result (the provider's measurement) that makes a measurement Successful, e.g. result[0] >= 0.95. Without failureCondition, a measurement for which it is false is Failed."
        },
        failureCondition: {
          type: "string",
          minLength: 1,
          description: "Expression over result that makes a measurement Failed, e.g. result[0] < 0.5. With both conditions set, a measurement matching neither is Inconclusive; without successCondition, one for which it is false is Successful."
        },
        initialDelay: {
          $ref: "#/definitions/duration",
          description: "Wait this long before the first measurement, as a Go duration (e.g. 30s)."
        },
        interval: {
          $ref: "#/definitions/duration",
          description: "Time between measurements, as a Go duration (e.g. 1m). Required when count is more than 1."
        },
        count: {
          type: "integer",
          minimum: 1,
          default: 1,
          description: "How many measurements to take (measurements that end in Error do not count). Default 1, also when interval is set: unlike Argo Rollouts, a verification never measures forever."
        },
        failureLimit: {
          type: "integer",
          minimum: 0,
          default: 0,
          description: "The metric fails once more than this many measurements have Failed. Default 0: the first failed measurement fails it."
        },
        inconclusiveLimit: {
          type: "integer",
          minimum: 0,
          default: 0,
          description: "The metric is Inconclusive once more than this many measurements have been Inconclusive. Default 0."
        },
        consecutiveErrorLimit: {
          type: "integer",
          minimum: 0,
          default: 4,
          description: "The metric ends in Error once more than this many measurements in a row have ended in Error (the provider could not measure). Default 4. After an Error the next measurement is taken 10s later."
        },
        timeout: {
          $ref: "#/definitions/duration",
          description: "The longest one measurement may take, as a Go duration; a measurement still running then ends in Error. Default 5m.",
          default: "5m"
        }
      }
    },
    verificationProvider: {
      type: "object",
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      errorMessage: "a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github",
      description: "The source of a metric's measurements: exactly one provider. Each provider checks its own fields before anything is measured; strings may contain ${{ }} expressions over ctx (project, stage, freight, commit) and env.",
      properties: {
        http: {
          type: "object",
          description: "Call an HTTP endpoint: url, method, headers, body or jsonBody, timeoutSeconds, jsonPath, insecure. result is the JSON body (or its text); response.status and response.headers are also readable. A response other than 2xx is an Error. See docs/verify.md."
        },
        web: {
          type: "object",
          description: "Argo Rollouts' name for http; the same fields."
        },
        prometheus: {
          type: "object",
          description: "Run an instant PromQL query: address, query, timeout (seconds), headers, insecure. result is the list of sample values of a vector (result[0]) or the number of a scalar. See docs/verify.md."
        },
        datadog: {
          type: "object",
          description: "Query Datadog metrics (v1 query or v2 formulas) with API and application keys. See docs/verify.md."
        },
        command: {
          type: "object",
          description: "Run a shell command with /bin/sh -c: run, timeout, env, dir. result is {exitCode, stdout, stderr, json}; without conditions exit status 0 is Successful and anything else Failed. See docs/verify.md."
        },
        argocd: {
          type: "object",
          description: "Wait until Argo CD applications are synced to the promotion's commit and Healthy. Metrics with this provider run before all others. See docs/verify.md."
        },
        github: {
          type: "object",
          description: "Read the check runs and commit statuses of the promotion commit. See docs/verify.md."
        }
      }
    },
    taskVar: {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      description: "An input of a promotion task: required unless it has a default value.",
      properties: {
        name: {
          type: "string",
          pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$",
          patternErrorMessage: "must be an identifier: letters, digits and '_', not starting with a digit",
          description: "Variable name, used in expressions as vars.<name>."
        },
        value: {
          type: "string",
          description: "Default value; without one the variable must be set by the template's vars or the task step's vars."
        }
      }
    },
    promotionTask: {
      type: "object",
      required: ["name", "steps"],
      additionalProperties: false,
      description: "A reusable sequence of steps (Kargo's PromotionTask; kind ClusterPromotionTask for a task templates reference with that kind).",
      properties: {
        name: {
          type: "string",
          minLength: 1,
          description: "Name templates use in task: {name}."
        },
        kind: {
          type: "string",
          enum: ["PromotionTask", "ClusterPromotionTask"],
          default: "PromotionTask",
          description: "PromotionTask (default) or ClusterPromotionTask."
        },
        vars: {
          type: "array",
          default: [],
          description: "The task's inputs, available to its steps as vars.<name>.",
          items: {
            $ref: "#/definitions/taskVar"
          }
        },
        steps: {
          type: "array",
          minItems: 1,
          description: "The task's steps. Within the task, task.outputs.<alias> reads the outputs of its earlier steps. A task cannot use another task.",
          items: {
            $ref: "#/definitions/promotionStep"
          }
        }
      }
    }
  }
};

// src/pipeline/generated/project-validator.js
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json", "title": "gantry project", "description": "One gantry pipeline: the file .gantry/<project>.yaml in a GitOps repository. Field names follow Kargo's Warehouse and Stage resources.", "type": "object", "required": ["project", "warehouses", "stages"], "additionalProperties": false, "properties": { "$schema": { "type": "string", "description": "URL of this JSON schema, for editors. Ignored by gantry." }, "project": { "$ref": "#/definitions/dnsLabel", "description": "Name of the project: a lowercase DNS-1123 label (a-z, 0-9 and '-', at most 63 characters). The file must be named .gantry/<project>.yaml (or .yml)." }, "warehouses": { "type": "array", "minItems": 1, "description": "Sources of freight. Each warehouse watches a list of subscriptions and records every new combination of their versions as one piece of freight.", "items": { "$ref": "#/definitions/warehouse" } }, "stages": { "type": "array", "minItems": 1, "description": "Steps of the pipeline, usually one per environment. Each stage requests freight from warehouses directly or from upstream stages where it has been verified.", "items": { "$ref": "#/definitions/stage" } }, "promotionTasks": { "type": "array", "default": [], "description": "Reusable sequences of promotion steps (Kargo's PromotionTask and ClusterPromotionTask), used by a template step with task: {name}. Their steps are inflated into the template in place, with aliases <task alias>::<step alias>.", "items": { "$ref": "#/definitions/promotionTask" } } }, "definitions": { "dnsLabel": { "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "patternErrorMessage": "must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit", "description": "A lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters." }, "duration": { "type": "string", "pattern": "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", "patternErrorMessage": "must be a Go duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)", "description": "A Go-style duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)." }, "discoveryLimit": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20, "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." }, "regexList": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Regular expressions (Go RE2 syntax, e.g. '^v1\\.' or '(?i)rc')." }, "pathFilterList": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Path filters: a plain path matches that path and everything below it; 'glob:<pattern>' is a glob where ** crosses directories; 'regex:<re>' or 'regexp:<re>' is a Go regular expression." }, "insecureSkipTLSVerify": { "type": "boolean", "default": false, "description": "Skip TLS certificate verification when talking to this repository. For test setups only." }, "var": { "type": "object", "required": ["name", "value"], "additionalProperties": false, "description": "A named value available to expressions as vars.<name>.", "properties": { "name": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$", "patternErrorMessage": "must be an identifier: letters, digits and '_', not starting with a digit", "description": "Variable name, used in expressions as vars.<name>." }, "value": { "type": "string", "description": "Variable value; may contain ${{ }} expressions." } } }, "warehouse": { "type": "object", "required": ["name", "subscriptions"], "additionalProperties": false, "description": "A named source of freight (Kargo's Warehouse).", "properties": { "name": { "$ref": "#/definitions/dnsLabel", "description": "Warehouse name, unique within the project: a lowercase DNS-1123 label. Stages name it in requestedFreight[].origin.name." }, "freightCreationPolicy": { "type": "string", "enum": ["Automatic", "Manual"], "default": "Automatic", "description": "Automatic (default): discovery records new freight as soon as it finds new versions. Manual: discovery only reports what it found; freight is created on request." }, "freightCreationCriteria": { "type": "object", "additionalProperties": false, "properties": { "expression": { "type": "string", "description": "An expression (Kargo's expr-lang, without ${{ }}) over the versions just found, with imageFrom(), chartFrom() and commitFrom(): new freight is recorded only when it is true, e.g. imageFrom('ghcr.io/acme/api').Tag == imageFrom('ghcr.io/acme/web').Tag. Empty means always." } }, "description": "Kargo's freight creation criteria: a condition new freight must meet before discovery records it automatically." }, "interval": { "$ref": "#/definitions/duration", "description": "How often discovery is expected to run, as a Go duration (e.g. 5m). Informational: the schedule of the discover workflow decides." }, "subscriptions": { "type": "array", "minItems": 1, "description": "What the warehouse watches. Each entry has exactly one of image, chart or git; one piece of freight holds one version of each.", "items": { "$ref": "#/definitions/subscription" } } } }, "subscription": { "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false, "errorMessage": "a subscription needs exactly one of image, chart, git", "description": "One thing to watch: exactly one of image, chart or git.", "properties": { "image": { "$ref": "#/definitions/imageSubscription", "description": "Watch a container image repository for new tags." }, "chart": { "$ref": "#/definitions/chartSubscription", "description": "Watch a Helm chart, in an HTTP(S) chart repository or an OCI registry, for new versions." }, "git": { "$ref": "#/definitions/gitSubscription", "description": "Watch a Git repository for new commits on a branch or new tags." } } }, "imageSubscription": { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A container image repository to watch for new tags.", "properties": { "repoURL": { "type": "string", "pattern": "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$", "patternErrorMessage": "must be an image repository such as ghcr.io/acme/echo: no scheme (https://), tag (:1.0) or digest (@sha256:\u2026)", "description": "Image repository without scheme, tag or digest, e.g. ghcr.io/acme/echo or docker.io/library/nginx." }, "name": { "type": "string", "minLength": 1, "description": "Optional subscription name. When set it becomes part of the freight ID, so two subscriptions to the same repository can be told apart." }, "imageSelectionStrategy": { "type": "string", "enum": ["SemVer", "Lexical", "Digest", "NewestBuild"], "default": "SemVer", "description": "How to pick the newest image. SemVer (default): highest semantic version tag matching constraint. Lexical: lexically greatest tag. Digest: the current digest of the mutable tag named by constraint. NewestBuild: most recently built image (reads image metadata, slower)." }, "constraint": { "type": "string", "minLength": 1, "description": "For SemVer: a semver constraint such as ^1.2, '>= 1.2, < 2' or 1.2.x (pre-releases only when the constraint names one). For Digest: the mutable tag to follow, e.g. latest (required). Unused by Lexical and NewestBuild." }, "strictSemvers": { "type": "boolean", "default": true, "description": "With SemVer, accept only tags that are complete semantic versions (1.2.3, not 1.2). Default true." }, "allowTagsRegexes": { "$ref": "#/definitions/regexList", "description": "Only tags matching at least one of these regular expressions (Go RE2 syntax) are considered. Empty: all tags." }, "ignoreTagsRegexes": { "$ref": "#/definitions/regexList", "description": "Tags matching any of these regular expressions (Go RE2 syntax) are ignored; ignoring wins over allowing." }, "allowTags": { "deprecated": true, "not": {}, "errorMessage": "allowTags is deprecated: use allowTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes." }, "ignoreTags": { "deprecated": true, "not": {}, "errorMessage": "ignoreTags is deprecated: use ignoreTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes." }, "platform": { "type": "string", "pattern": "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$", "patternErrorMessage": "must be os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8", "description": "Only consider images built for this platform: os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20). It also bounds the registry requests: SemVer and Lexical examine at most this many tags per run (with platform, 20 more that lack the platform), one manifest request each." }, "insecureSkipTLSVerify": { "$ref": "#/definitions/insecureSkipTLSVerify", "description": "Skip TLS certificate verification when talking to this repository. For test setups only." } }, "allOf": [{ "if": { "type": "object", "properties": { "imageSelectionStrategy": { "const": "Digest" } }, "required": ["imageSelectionStrategy"] }, "then": { "type": "object", "required": ["constraint"], "errorMessage": "imageSelectionStrategy Digest needs constraint: the mutable tag to follow, e.g. constraint: latest" } }] }, "chartSubscription": { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A Helm chart to watch for new versions, in an HTTP(S) chart repository or an OCI registry.", "properties": { "repoURL": { "type": "string", "pattern": "^(https?|oci)://\\S+$", "patternErrorMessage": "must start with https://, http:// (a chart repository) or oci:// (a chart in an OCI registry)", "description": "https://\u2026 or http://\u2026 for a classic chart repository (with an index.yaml), or oci://registry/path/chart for a chart stored in an OCI registry." }, "name": { "type": "string", "minLength": 1, "description": "Chart name within an https:// or http:// repository (required there). Must be omitted for oci:// URLs, whose last path segment is the chart name." }, "semverConstraint": { "type": "string", "minLength": 1, "description": "Semver constraint the chart version must satisfy, e.g. ^2 or '>= 1.2, < 2'. Empty: any version." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." } }, "if": { "type": "object", "properties": { "repoURL": { "type": "string", "pattern": "^oci://" } }, "required": ["repoURL"] }, "then": { "type": "object", "properties": { "name": { "not": {}, "errorMessage": "name must be omitted for oci:// charts: the last segment of repoURL is the chart name (e.g. repoURL: oci://ghcr.io/acme/charts/echo)" } } }, "else": { "type": "object", "required": ["name"], "errorMessage": "name (the chart name) is required for an https:// or http:// chart repository" } }, "gitSubscription": { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A Git repository to watch for new commits on a branch or new tags.", "properties": { "repoURL": { "type": "string", "pattern": "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$", "patternErrorMessage": "must be a Git URL: https://, http://, ssh://, git://, file:// or user@host:path", "description": "URL of the Git repository: https://\u2026, ssh://\u2026, git@host:path or file://\u2026." }, "name": { "type": "string", "minLength": 1, "description": "Optional subscription name. When set it becomes part of the freight ID." }, "commitSelectionStrategy": { "type": "string", "enum": ["NewestFromBranch", "SemVer", "Lexical", "NewestTag"], "default": "NewestFromBranch", "description": "NewestFromBranch (default): newest commit on branch. SemVer: commit of the highest semver tag matching semverConstraint. Lexical: commit of the lexically greatest tag. NewestTag: commit of the most recently created tag." }, "branch": { "type": "string", "minLength": 1, "description": "Branch to follow with NewestFromBranch; default: the repository's default branch." }, "strictSemvers": { "type": "boolean", "default": true, "description": "With SemVer, accept only tags that are complete semantic versions. Default true." }, "semverConstraint": { "type": "string", "minLength": 1, "description": "With SemVer: semver constraint the tag must satisfy, e.g. ^1.2." }, "allowTagsRegexes": { "$ref": "#/definitions/regexList", "description": "With tag strategies: only tags matching at least one of these regular expressions are considered." }, "ignoreTagsRegexes": { "$ref": "#/definitions/regexList", "description": "With tag strategies: tags matching any of these regular expressions are ignored; ignoring wins." }, "allowTags": { "deprecated": true, "not": {}, "errorMessage": "allowTags is deprecated: use allowTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes." }, "ignoreTags": { "deprecated": true, "not": {}, "errorMessage": "ignoreTags is deprecated: use ignoreTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes." }, "expressionFilter": { "type": "string", "minLength": 1, "description": "An expression evaluated for each candidate commit or tag; only those for which it is true are considered." }, "includePaths": { "$ref": "#/definitions/pathFilterList", "description": "Only commits touching at least one matching path are considered. Entries: a plain path (that directory or file), glob:<pattern> or regex:<re> / regexp:<re>." }, "excludePaths": { "$ref": "#/definitions/pathFilterList", "description": "Commits touching only matching paths are ignored. Entries: a plain path, glob:<pattern> or regex:<re> / regexp:<re>." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." }, "insecureSkipTLSVerify": { "$ref": "#/definitions/insecureSkipTLSVerify", "description": "Skip TLS certificate verification when talking to this repository. For test setups only." } } }, "stage": { "type": "object", "required": ["name", "requestedFreight", "promotionTemplate"], "additionalProperties": false, "description": "A step of the pipeline (Kargo's Stage): where freight is promoted to and verified.", "properties": { "name": { "$ref": "#/definitions/dnsLabel", "description": "Stage name, unique within the project: a lowercase DNS-1123 label. Downstream stages name it in sources.stages." }, "branch": { "type": "string", "minLength": 1, "description": "Branch of the GitOps repository this stage deploys from (promotion commits go there). Default: the repository's default branch." }, "environment": { "type": "string", "minLength": 1, "description": "GitHub environment that gates promotions to this stage: the promote workflow runs the job under it (command: environment), and the promote action refuses a run that did not pass its protection rules. Default: the stage name." }, "environmentUrl": { "type": "string", "pattern": "^https?://\\S+$", "patternErrorMessage": "must be an http(s) URL such as https://dev.echo.acme.dev", "description": "Where the stage's deployment can be reached. Shown as the deployment's URL in the repository's Environments view once verification succeeds." }, "requestedFreight": { "type": "array", "minItems": 1, "description": "Which freight the stage takes: one entry per warehouse, saying where the freight may come from.", "items": { "$ref": "#/definitions/freightRequest" } }, "autoPromotion": { "type": "boolean", "default": false, "description": "Promote new freight automatically as soon as it is available to this stage. Default false." }, "promotionTemplate": { "$ref": "#/definitions/promotionTemplate", "description": "How freight is promoted into this stage: the steps to run and whether the result is pushed directly or proposed as a pull request." }, "verification": { "type": "array", "default": [], "description": "Checks run after each promotion; when all succeed the freight is verified in this stage and becomes available downstream.", "items": { "$ref": "#/definitions/verificationMetric" } } } }, "freightRequest": { "type": "object", "required": ["origin", "sources"], "additionalProperties": false, "description": "A request for freight from one warehouse.", "properties": { "origin": { "type": "object", "required": ["kind", "name"], "additionalProperties": false, "description": "Where the freight was created.", "properties": { "kind": { "type": "string", "enum": ["Warehouse"], "description": "Kind of origin; always Warehouse." }, "name": { "type": "string", "minLength": 1, "description": "Name of a warehouse of this project." } } }, "sources": { "type": "object", "additionalProperties": false, "description": "Where the stage may take this freight from: straight from the warehouse (direct) and/or once verified in upstream stages.", "properties": { "direct": { "type": "boolean", "default": false, "description": "Take freight straight from the warehouse, without upstream verification." }, "stages": { "type": "array", "default": [], "description": "Upstream stages: freight becomes available once verified in them (or approved for this stage).", "items": { "type": "string", "minLength": 1 } }, "requiredSoakTime": { "$ref": "#/definitions/duration", "description": "How long freight must have been verified in the upstream stages before it is available here, as a Go duration (e.g. 1h)." }, "availabilityStrategy": { "type": "string", "enum": ["OneOf", "All"], "default": "OneOf", "description": "OneOf (default): freight verified in any one upstream stage is available. All: it must be verified in every listed upstream stage." }, "autoPromotionOptions": { "type": "object", "additionalProperties": false, "description": "Which freight auto-promotion picks (Kargo's).", "properties": { "selectionPolicy": { "type": "string", "enum": ["NewestFreight", "MatchUpstream"], "default": "NewestFreight", "description": "NewestFreight (default): the newest freight available to the stage. MatchUpstream: the freight the one upstream stage runs, once verified there (only with exactly one upstream stage, and not direct)." } } } } } } }, "promotionTemplate": { "type": "object", "required": ["steps"], "additionalProperties": false, "description": "How freight is promoted into the stage: steps run in order, and their result is committed.", "properties": { "mode": { "type": "string", "enum": ["direct", "pull-request"], "default": "direct", "description": "direct (default): push the promotion commit to the stage's branch. pull-request: open a pull request with it; merging the pull request completes the promotion." }, "vars": { "type": "array", "default": [], "description": "Variables available to every step's expressions as vars.<name>.", "items": { "$ref": "#/definitions/var" } }, "steps": { "type": "array", "description": "Promotion steps, run in order. Empty for a control-flow stage (Kargo's Stage without promotionTemplate): a promotion records the freight in the stage's state and changes no other file.", "items": { "$ref": "#/definitions/promotionStep" } } } }, "promotionStep": { "type": "object", "additionalProperties": false, "description": "One promotion step: a built-in step (uses) and its configuration, or a promotion task (task) inflated in its place.", "properties": { "uses": { "type": "string", "minLength": 1, "description": "Name of the step to run, e.g. yaml-update, kustomize-set-image, helm-update-chart, copy, git-commit, git-open-pr. Set this or task." }, "task": { "type": "object", "additionalProperties": false, "required": ["name"], "description": "Run a promotion task's steps here (set instead of uses). Its vars come from the template's vars and this step's vars; its compose-output steps' outputs become outputs.<alias>.", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name of the promotion task." }, "kind": { "type": "string", "enum": ["PromotionTask", "ClusterPromotionTask"], "default": "PromotionTask", "description": "Which kind of task the name refers to." } } }, "as": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_-]*$", "patternErrorMessage": "must start with a letter or '_' and contain only letters, digits, '_' and '-'", "description": "Alias of the step, unique within the template; later steps read its outputs as outputs.<alias>." }, "if": { "type": "string", "minLength": 1, "description": "Expression deciding whether the step runs, e.g. ${{ vars.enabled }}." }, "config": { "type": "object", "default": {}, "description": "Configuration of the step; its fields depend on the step (see each step's documentation). Strings may contain ${{ }} expressions." }, "continueOnError": { "type": "boolean", "default": false, "description": "Keep going with the next steps when this one fails. Default false." }, "vars": { "type": "array", "default": [], "description": "Variables available to this step's expressions as vars.<name>, overriding the template's.", "items": { "$ref": "#/definitions/var" } }, "retry": { "type": "object", "additionalProperties": false, "description": "How a failing step is retried.", "properties": { "timeout": { "$ref": "#/definitions/duration", "description": "Give up retrying after this long, as a Go duration (e.g. 5m)." }, "errorThreshold": { "type": "integer", "minimum": 1, "description": "Number of consecutive failures after which the step fails." } } } } }, "verificationMetric": { "type": "object", "required": ["name", "provider"], "additionalProperties": false, "description": "One verification check (an Argo Rollouts metric): measurements taken through one provider, each judged by successCondition and failureCondition, and limits that turn the measurements into the metric's outcome. See docs/verify.md.", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name of the check, unique within the stage; shown in summaries and in the verification record." }, "provider": { "$ref": "#/definitions/verificationProvider", "description": "Where measurements come from: exactly one of http (or web), prometheus, datadog, command, argocd, github." }, "successCondition": { "type": "string", "minLength": 1, "description": "Expression over result (the provider's measurement) that makes a measurement Successful, e.g. result[0] >= 0.95. Without failureCondition, a measurement for which it is false is Failed." }, "failureCondition": { "type": "string", "minLength": 1, "description": "Expression over result that makes a measurement Failed, e.g. result[0] < 0.5. With both conditions set, a measurement matching neither is Inconclusive; without successCondition, one for which it is false is Successful." }, "initialDelay": { "$ref": "#/definitions/duration", "description": "Wait this long before the first measurement, as a Go duration (e.g. 30s)." }, "interval": { "$ref": "#/definitions/duration", "description": "Time between measurements, as a Go duration (e.g. 1m). Required when count is more than 1." }, "count": { "type": "integer", "minimum": 1, "default": 1, "description": "How many measurements to take (measurements that end in Error do not count). Default 1, also when interval is set: unlike Argo Rollouts, a verification never measures forever." }, "failureLimit": { "type": "integer", "minimum": 0, "default": 0, "description": "The metric fails once more than this many measurements have Failed. Default 0: the first failed measurement fails it." }, "inconclusiveLimit": { "type": "integer", "minimum": 0, "default": 0, "description": "The metric is Inconclusive once more than this many measurements have been Inconclusive. Default 0." }, "consecutiveErrorLimit": { "type": "integer", "minimum": 0, "default": 4, "description": "The metric ends in Error once more than this many measurements in a row have ended in Error (the provider could not measure). Default 4. After an Error the next measurement is taken 10s later." }, "timeout": { "$ref": "#/definitions/duration", "description": "The longest one measurement may take, as a Go duration; a measurement still running then ends in Error. Default 5m.", "default": "5m" } } }, "verificationProvider": { "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false, "errorMessage": "a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github", "description": "The source of a metric's measurements: exactly one provider. Each provider checks its own fields before anything is measured; strings may contain ${{ }} expressions over ctx (project, stage, freight, commit) and env.", "properties": { "http": { "type": "object", "description": "Call an HTTP endpoint: url, method, headers, body or jsonBody, timeoutSeconds, jsonPath, insecure. result is the JSON body (or its text); response.status and response.headers are also readable. A response other than 2xx is an Error. See docs/verify.md." }, "web": { "type": "object", "description": "Argo Rollouts' name for http; the same fields." }, "prometheus": { "type": "object", "description": "Run an instant PromQL query: address, query, timeout (seconds), headers, insecure. result is the list of sample values of a vector (result[0]) or the number of a scalar. See docs/verify.md." }, "datadog": { "type": "object", "description": "Query Datadog metrics (v1 query or v2 formulas) with API and application keys. See docs/verify.md." }, "command": { "type": "object", "description": "Run a shell command with /bin/sh -c: run, timeout, env, dir. result is {exitCode, stdout, stderr, json}; without conditions exit status 0 is Successful and anything else Failed. See docs/verify.md." }, "argocd": { "type": "object", "description": "Wait until Argo CD applications are synced to the promotion's commit and Healthy. Metrics with this provider run before all others. See docs/verify.md." }, "github": { "type": "object", "description": "Read the check runs and commit statuses of the promotion commit. See docs/verify.md." } } }, "taskVar": { "type": "object", "required": ["name"], "additionalProperties": false, "description": "An input of a promotion task: required unless it has a default value.", "properties": { "name": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$", "patternErrorMessage": "must be an identifier: letters, digits and '_', not starting with a digit", "description": "Variable name, used in expressions as vars.<name>." }, "value": { "type": "string", "description": "Default value; without one the variable must be set by the template's vars or the task step's vars." } } }, "promotionTask": { "type": "object", "required": ["name", "steps"], "additionalProperties": false, "description": "A reusable sequence of steps (Kargo's PromotionTask; kind ClusterPromotionTask for a task templates reference with that kind).", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name templates use in task: {name}." }, "kind": { "type": "string", "enum": ["PromotionTask", "ClusterPromotionTask"], "default": "PromotionTask", "description": "PromotionTask (default) or ClusterPromotionTask." }, "vars": { "type": "array", "default": [], "description": "The task's inputs, available to its steps as vars.<name>.", "items": { "$ref": "#/definitions/taskVar" } }, "steps": { "type": "array", "minItems": 1, "description": "The task's steps. Within the task, task.outputs.<alias> reads the outputs of its earlier steps. A task cannot use another task.", "items": { "$ref": "#/definitions/promotionStep" } } } } } };
var schema12 = { "type": "string", "minLength": 1, "maxLength": 63, "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "patternErrorMessage": "must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit", "description": "A lowercase DNS-1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters." };
var func2 = function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
var pattern0 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
var schema13 = { "type": "object", "required": ["name", "subscriptions"], "additionalProperties": false, "description": "A named source of freight (Kargo's Warehouse).", "properties": { "name": { "$ref": "#/definitions/dnsLabel", "description": "Warehouse name, unique within the project: a lowercase DNS-1123 label. Stages name it in requestedFreight[].origin.name." }, "freightCreationPolicy": { "type": "string", "enum": ["Automatic", "Manual"], "default": "Automatic", "description": "Automatic (default): discovery records new freight as soon as it finds new versions. Manual: discovery only reports what it found; freight is created on request." }, "freightCreationCriteria": { "type": "object", "additionalProperties": false, "properties": { "expression": { "type": "string", "description": "An expression (Kargo's expr-lang, without ${{ }}) over the versions just found, with imageFrom(), chartFrom() and commitFrom(): new freight is recorded only when it is true, e.g. imageFrom('ghcr.io/acme/api').Tag == imageFrom('ghcr.io/acme/web').Tag. Empty means always." } }, "description": "Kargo's freight creation criteria: a condition new freight must meet before discovery records it automatically." }, "interval": { "$ref": "#/definitions/duration", "description": "How often discovery is expected to run, as a Go duration (e.g. 5m). Informational: the schedule of the discover workflow decides." }, "subscriptions": { "type": "array", "minItems": 1, "description": "What the warehouse watches. Each entry has exactly one of image, chart or git; one piece of freight holds one version of each.", "items": { "$ref": "#/definitions/subscription" } } } };
var schema15 = { "type": "string", "pattern": "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", "patternErrorMessage": "must be a Go duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)", "description": "A Go-style duration such as 90s, 30m, 1h or 1h30m (units: ns, us, ms, s, m, h)." };
var pattern2 = new RegExp("^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", "u");
var schema16 = { "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false, "errorMessage": "a subscription needs exactly one of image, chart, git", "description": "One thing to watch: exactly one of image, chart or git.", "properties": { "image": { "$ref": "#/definitions/imageSubscription", "description": "Watch a container image repository for new tags." }, "chart": { "$ref": "#/definitions/chartSubscription", "description": "Watch a Helm chart, in an HTTP(S) chart repository or an OCI registry, for new versions." }, "git": { "$ref": "#/definitions/gitSubscription", "description": "Watch a Git repository for new commits on a branch or new tags." } } };
var schema17 = { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A container image repository to watch for new tags.", "properties": { "repoURL": { "type": "string", "pattern": "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$", "patternErrorMessage": "must be an image repository such as ghcr.io/acme/echo: no scheme (https://), tag (:1.0) or digest (@sha256:\u2026)", "description": "Image repository without scheme, tag or digest, e.g. ghcr.io/acme/echo or docker.io/library/nginx." }, "name": { "type": "string", "minLength": 1, "description": "Optional subscription name. When set it becomes part of the freight ID, so two subscriptions to the same repository can be told apart." }, "imageSelectionStrategy": { "type": "string", "enum": ["SemVer", "Lexical", "Digest", "NewestBuild"], "default": "SemVer", "description": "How to pick the newest image. SemVer (default): highest semantic version tag matching constraint. Lexical: lexically greatest tag. Digest: the current digest of the mutable tag named by constraint. NewestBuild: most recently built image (reads image metadata, slower)." }, "constraint": { "type": "string", "minLength": 1, "description": "For SemVer: a semver constraint such as ^1.2, '>= 1.2, < 2' or 1.2.x (pre-releases only when the constraint names one). For Digest: the mutable tag to follow, e.g. latest (required). Unused by Lexical and NewestBuild." }, "strictSemvers": { "type": "boolean", "default": true, "description": "With SemVer, accept only tags that are complete semantic versions (1.2.3, not 1.2). Default true." }, "allowTagsRegexes": { "$ref": "#/definitions/regexList", "description": "Only tags matching at least one of these regular expressions (Go RE2 syntax) are considered. Empty: all tags." }, "ignoreTagsRegexes": { "$ref": "#/definitions/regexList", "description": "Tags matching any of these regular expressions (Go RE2 syntax) are ignored; ignoring wins over allowing." }, "allowTags": { "deprecated": true, "not": {}, "errorMessage": "allowTags is deprecated: use allowTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes." }, "ignoreTags": { "deprecated": true, "not": {}, "errorMessage": "ignoreTags is deprecated: use ignoreTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes." }, "platform": { "type": "string", "pattern": "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$", "patternErrorMessage": "must be os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8", "description": "Only consider images built for this platform: os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20). It also bounds the registry requests: SemVer and Lexical examine at most this many tags per run (with platform, 20 more that lack the platform), one manifest request each." }, "insecureSkipTLSVerify": { "$ref": "#/definitions/insecureSkipTLSVerify", "description": "Skip TLS certificate verification when talking to this repository. For test setups only." } }, "allOf": [{ "if": { "type": "object", "properties": { "imageSelectionStrategy": { "const": "Digest" } }, "required": ["imageSelectionStrategy"] }, "then": { "type": "object", "required": ["constraint"], "errorMessage": "imageSelectionStrategy Digest needs constraint: the mutable tag to follow, e.g. constraint: latest" } }] };
var schema18 = { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Regular expressions (Go RE2 syntax, e.g. '^v1\\.' or '(?i)rc')." };
var schema20 = { "type": "integer", "minimum": 1, "maximum": 100, "default": 20, "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." };
var schema21 = { "type": "boolean", "default": false, "description": "Skip TLS certificate verification when talking to this repository. For test setups only." };
var func6 = Object.prototype.hasOwnProperty;
var pattern3 = new RegExp("^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$", "u");
var pattern4 = new RegExp("^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (errors === _errs3) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.imageSelectionStrategy === void 0 && (missing0 = "imageSelectionStrategy")) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        if (data.imageSelectionStrategy !== void 0) {
          if ("Digest" !== data.imageSelectionStrategy) {
            const err1 = {};
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
      }
    } else {
      const err2 = {};
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs6 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.constraint === void 0) {
        const err3 = { instancePath, schemaPath: "#/allOf/0/then/required", keyword: "required", params: { missingProperty: "constraint" }, message: "must have required property 'constraint'", schema: schema17.allOf[0].then.required, parentSchema: schema17.allOf[0].then, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    } else {
      const err4 = { instancePath, schemaPath: "#/allOf/0/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.allOf[0].then.type, parentSchema: schema17.allOf[0].then, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    var _valid0 = _errs6 === errors;
    valid1 = _valid0;
  }
  if (!valid1) {
    const err5 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema17.allOf[0].if, parentSchema: schema17.allOf[0], data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.repoURL === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "repoURL" }, message: "must have required property 'repoURL'", schema: schema17.required, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema17.properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.repoURL !== void 0) {
      let data1 = data.repoURL;
      if (typeof data1 === "string") {
        if (!pattern3.test(data1)) {
          const err8 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/pattern", keyword: "pattern", params: { pattern: "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$" }, message: 'must match pattern "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$"', schema: "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s/@]+/)*[^\\s/:@]+$", parentSchema: schema17.properties.repoURL, data: data1 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.repoURL.type, parentSchema: schema17.properties.repoURL, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data2 = data.name;
      if (typeof data2 === "string") {
        if (func2(data2) < 1) {
          const err10 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.name, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.name.type, parentSchema: schema17.properties.name, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.imageSelectionStrategy !== void 0) {
      let data3 = data.imageSelectionStrategy;
      if (typeof data3 !== "string") {
        const err12 = { instancePath: instancePath + "/imageSelectionStrategy", schemaPath: "#/properties/imageSelectionStrategy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.imageSelectionStrategy.type, parentSchema: schema17.properties.imageSelectionStrategy, data: data3 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (!(data3 === "SemVer" || data3 === "Lexical" || data3 === "Digest" || data3 === "NewestBuild")) {
        const err13 = { instancePath: instancePath + "/imageSelectionStrategy", schemaPath: "#/properties/imageSelectionStrategy/enum", keyword: "enum", params: { allowedValues: schema17.properties.imageSelectionStrategy.enum }, message: "must be equal to one of the allowed values", schema: schema17.properties.imageSelectionStrategy.enum, parentSchema: schema17.properties.imageSelectionStrategy, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.constraint !== void 0) {
      let data4 = data.constraint;
      if (typeof data4 === "string") {
        if (func2(data4) < 1) {
          const err14 = { instancePath: instancePath + "/constraint", schemaPath: "#/properties/constraint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.constraint, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/constraint", schemaPath: "#/properties/constraint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.constraint.type, parentSchema: schema17.properties.constraint, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.strictSemvers !== void 0) {
      let data5 = data.strictSemvers;
      if (typeof data5 !== "boolean") {
        const err16 = { instancePath: instancePath + "/strictSemvers", schemaPath: "#/properties/strictSemvers/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema17.properties.strictSemvers.type, parentSchema: schema17.properties.strictSemvers, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.allowTagsRegexes !== void 0) {
      let data6 = data.allowTagsRegexes;
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func2(data7) < 1) {
              const err17 = { instancePath: instancePath + "/allowTagsRegexes/" + i0, schemaPath: "#/definitions/regexList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/allowTagsRegexes/" + i0, schemaPath: "#/definitions/regexList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.items.type, parentSchema: schema18.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/allowTagsRegexes", schemaPath: "#/definitions/regexList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.type, parentSchema: schema18, data: data6 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.ignoreTagsRegexes !== void 0) {
      let data8 = data.ignoreTagsRegexes;
      if (Array.isArray(data8)) {
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data9 = data8[i1];
          if (typeof data9 === "string") {
            if (func2(data9) < 1) {
              const err20 = { instancePath: instancePath + "/ignoreTagsRegexes/" + i1, schemaPath: "#/definitions/regexList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.items, data: data9 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/ignoreTagsRegexes/" + i1, schemaPath: "#/definitions/regexList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.items.type, parentSchema: schema18.items, data: data9 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = { instancePath: instancePath + "/ignoreTagsRegexes", schemaPath: "#/definitions/regexList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.type, parentSchema: schema18, data: data8 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.allowTags !== void 0) {
      const err23 = { instancePath: instancePath + "/allowTags", schemaPath: "#/properties/allowTags/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema17.properties.allowTags.not, parentSchema: schema17.properties.allowTags, data: data.allowTags };
      if (vErrors === null) {
        vErrors = [err23];
      } else {
        vErrors.push(err23);
      }
      errors++;
    }
    if (data.ignoreTags !== void 0) {
      const err24 = { instancePath: instancePath + "/ignoreTags", schemaPath: "#/properties/ignoreTags/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema17.properties.ignoreTags.not, parentSchema: schema17.properties.ignoreTags, data: data.ignoreTags };
      if (vErrors === null) {
        vErrors = [err24];
      } else {
        vErrors.push(err24);
      }
      errors++;
    }
    if (data.platform !== void 0) {
      let data12 = data.platform;
      if (typeof data12 === "string") {
        if (!pattern4.test(data12)) {
          const err25 = { instancePath: instancePath + "/platform", schemaPath: "#/properties/platform/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$" }, message: 'must match pattern "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$"', schema: "^[a-z0-9_.-]+/[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)?$", parentSchema: schema17.properties.platform, data: data12 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/platform", schemaPath: "#/properties/platform/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.platform.type, parentSchema: schema17.properties.platform, data: data12 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.discoveryLimit !== void 0) {
      let data13 = data.discoveryLimit;
      if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
        const err27 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.type, parentSchema: schema20, data: data13 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      if (typeof data13 == "number" && isFinite(data13)) {
        if (data13 > 100 || isNaN(data13)) {
          const err28 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema20, data: data13 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        if (data13 < 1 || isNaN(data13)) {
          const err29 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema20, data: data13 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      }
    }
    if (data.insecureSkipTLSVerify !== void 0) {
      let data14 = data.insecureSkipTLSVerify;
      if (typeof data14 !== "boolean") {
        const err30 = { instancePath: instancePath + "/insecureSkipTLSVerify", schemaPath: "#/definitions/insecureSkipTLSVerify/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema21.type, parentSchema: schema21, data: data14 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
  } else {
    const err31 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err31];
    } else {
      vErrors.push(err31);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
var schema22 = { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A Helm chart to watch for new versions, in an HTTP(S) chart repository or an OCI registry.", "properties": { "repoURL": { "type": "string", "pattern": "^(https?|oci)://\\S+$", "patternErrorMessage": "must start with https://, http:// (a chart repository) or oci:// (a chart in an OCI registry)", "description": "https://\u2026 or http://\u2026 for a classic chart repository (with an index.yaml), or oci://registry/path/chart for a chart stored in an OCI registry." }, "name": { "type": "string", "minLength": 1, "description": "Chart name within an https:// or http:// repository (required there). Must be omitted for oci:// URLs, whose last path segment is the chart name." }, "semverConstraint": { "type": "string", "minLength": 1, "description": "Semver constraint the chart version must satisfy, e.g. ^2 or '>= 1.2, < 2'. Empty: any version." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." } }, "if": { "type": "object", "properties": { "repoURL": { "type": "string", "pattern": "^oci://" } }, "required": ["repoURL"] }, "then": { "type": "object", "properties": { "name": { "not": {}, "errorMessage": "name must be omitted for oci:// charts: the last segment of repoURL is the chart name (e.g. repoURL: oci://ghcr.io/acme/charts/echo)" } } }, "else": { "type": "object", "required": ["name"], "errorMessage": "name (the chart name) is required for an https:// or http:// chart repository" } };
var pattern5 = new RegExp("^oci://", "u");
var pattern6 = new RegExp("^(https?|oci)://\\S+$", "u");
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (errors === _errs2) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.repoURL === void 0 && (missing0 = "repoURL")) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        if (data.repoURL !== void 0) {
          let data0 = data.repoURL;
          const _errs4 = errors;
          if (errors === _errs4) {
            if (typeof data0 === "string") {
              if (!pattern5.test(data0)) {
                const err1 = {};
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            } else {
              const err2 = {};
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        }
      }
    } else {
      const err3 = {};
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs6 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.name !== void 0) {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/then/properties/name/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema22.then.properties.name.not, parentSchema: schema22.then.properties.name, data: data.name };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    } else {
      const err5 = { instancePath, schemaPath: "#/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.then.type, parentSchema: schema22.then, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    var _valid0 = _errs6 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs10 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.name === void 0) {
        const err6 = { instancePath, schemaPath: "#/else/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema22.else.required, parentSchema: schema22.else, data };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    } else {
      const err7 = { instancePath, schemaPath: "#/else/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.else.type, parentSchema: schema22.else, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    var _valid0 = _errs10 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err8 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema', schema: schema22.if, parentSchema: schema22, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.repoURL === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "repoURL" }, message: "must have required property 'repoURL'", schema: schema22.required, parentSchema: schema22, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "repoURL" || key0 === "name" || key0 === "semverConstraint" || key0 === "discoveryLimit")) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema22, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.repoURL !== void 0) {
      let data2 = data.repoURL;
      if (typeof data2 === "string") {
        if (!pattern6.test(data2)) {
          const err11 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/pattern", keyword: "pattern", params: { pattern: "^(https?|oci)://\\S+$" }, message: 'must match pattern "^(https?|oci)://\\S+$"', schema: "^(https?|oci)://\\S+$", parentSchema: schema22.properties.repoURL, data: data2 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.repoURL.type, parentSchema: schema22.properties.repoURL, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data3 = data.name;
      if (typeof data3 === "string") {
        if (func2(data3) < 1) {
          const err13 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.name, data: data3 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.name.type, parentSchema: schema22.properties.name, data: data3 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.semverConstraint !== void 0) {
      let data4 = data.semverConstraint;
      if (typeof data4 === "string") {
        if (func2(data4) < 1) {
          const err15 = { instancePath: instancePath + "/semverConstraint", schemaPath: "#/properties/semverConstraint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema22.properties.semverConstraint, data: data4 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/semverConstraint", schemaPath: "#/properties/semverConstraint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema22.properties.semverConstraint.type, parentSchema: schema22.properties.semverConstraint, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.discoveryLimit !== void 0) {
      let data5 = data.discoveryLimit;
      if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
        const err17 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.type, parentSchema: schema20, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 100 || isNaN(data5)) {
          const err18 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema20, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5 < 1 || isNaN(data5)) {
          const err19 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema20, data: data5 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var schema24 = { "type": "object", "required": ["repoURL"], "additionalProperties": false, "description": "A Git repository to watch for new commits on a branch or new tags.", "properties": { "repoURL": { "type": "string", "pattern": "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$", "patternErrorMessage": "must be a Git URL: https://, http://, ssh://, git://, file:// or user@host:path", "description": "URL of the Git repository: https://\u2026, ssh://\u2026, git@host:path or file://\u2026." }, "name": { "type": "string", "minLength": 1, "description": "Optional subscription name. When set it becomes part of the freight ID." }, "commitSelectionStrategy": { "type": "string", "enum": ["NewestFromBranch", "SemVer", "Lexical", "NewestTag"], "default": "NewestFromBranch", "description": "NewestFromBranch (default): newest commit on branch. SemVer: commit of the highest semver tag matching semverConstraint. Lexical: commit of the lexically greatest tag. NewestTag: commit of the most recently created tag." }, "branch": { "type": "string", "minLength": 1, "description": "Branch to follow with NewestFromBranch; default: the repository's default branch." }, "strictSemvers": { "type": "boolean", "default": true, "description": "With SemVer, accept only tags that are complete semantic versions. Default true." }, "semverConstraint": { "type": "string", "minLength": 1, "description": "With SemVer: semver constraint the tag must satisfy, e.g. ^1.2." }, "allowTagsRegexes": { "$ref": "#/definitions/regexList", "description": "With tag strategies: only tags matching at least one of these regular expressions are considered." }, "ignoreTagsRegexes": { "$ref": "#/definitions/regexList", "description": "With tag strategies: tags matching any of these regular expressions are ignored; ignoring wins." }, "allowTags": { "deprecated": true, "not": {}, "errorMessage": "allowTags is deprecated: use allowTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use allowTagsRegexes." }, "ignoreTags": { "deprecated": true, "not": {}, "errorMessage": "ignoreTags is deprecated: use ignoreTagsRegexes", "description": "Deprecated in Kargo and rejected by gantry: use ignoreTagsRegexes." }, "expressionFilter": { "type": "string", "minLength": 1, "description": "An expression evaluated for each candidate commit or tag; only those for which it is true are considered." }, "includePaths": { "$ref": "#/definitions/pathFilterList", "description": "Only commits touching at least one matching path are considered. Entries: a plain path (that directory or file), glob:<pattern> or regex:<re> / regexp:<re>." }, "excludePaths": { "$ref": "#/definitions/pathFilterList", "description": "Commits touching only matching paths are ignored. Entries: a plain path, glob:<pattern> or regex:<re> / regexp:<re>." }, "discoveryLimit": { "$ref": "#/definitions/discoveryLimit", "description": "How many of the newest matching versions to keep as candidates (1 to 100, default 20)." }, "insecureSkipTLSVerify": { "$ref": "#/definitions/insecureSkipTLSVerify", "description": "Skip TLS certificate verification when talking to this repository. For test setups only." } } };
var schema27 = { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Path filters: a plain path matches that path and everything below it; 'glob:<pattern>' is a glob where ** crosses directories; 'regex:<re>' or 'regexp:<re>' is a Go regular expression." };
var pattern7 = new RegExp("^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$", "u");
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.repoURL === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "repoURL" }, message: "must have required property 'repoURL'", schema: schema24.required, parentSchema: schema24, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema24.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema24, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.repoURL !== void 0) {
      let data0 = data.repoURL;
      if (typeof data0 === "string") {
        if (!pattern7.test(data0)) {
          const err2 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/pattern", keyword: "pattern", params: { pattern: "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$" }, message: 'must match pattern "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$"', schema: "^((https?|ssh|git|file)://\\S+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:\\S+)$", parentSchema: schema24.properties.repoURL, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/repoURL", schemaPath: "#/properties/repoURL/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.repoURL.type, parentSchema: schema24.properties.repoURL, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (func2(data1) < 1) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.name, data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.name.type, parentSchema: schema24.properties.name, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.commitSelectionStrategy !== void 0) {
      let data2 = data.commitSelectionStrategy;
      if (typeof data2 !== "string") {
        const err6 = { instancePath: instancePath + "/commitSelectionStrategy", schemaPath: "#/properties/commitSelectionStrategy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.commitSelectionStrategy.type, parentSchema: schema24.properties.commitSelectionStrategy, data: data2 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (!(data2 === "NewestFromBranch" || data2 === "SemVer" || data2 === "Lexical" || data2 === "NewestTag")) {
        const err7 = { instancePath: instancePath + "/commitSelectionStrategy", schemaPath: "#/properties/commitSelectionStrategy/enum", keyword: "enum", params: { allowedValues: schema24.properties.commitSelectionStrategy.enum }, message: "must be equal to one of the allowed values", schema: schema24.properties.commitSelectionStrategy.enum, parentSchema: schema24.properties.commitSelectionStrategy, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.branch !== void 0) {
      let data3 = data.branch;
      if (typeof data3 === "string") {
        if (func2(data3) < 1) {
          const err8 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.branch, data: data3 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.branch.type, parentSchema: schema24.properties.branch, data: data3 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.strictSemvers !== void 0) {
      let data4 = data.strictSemvers;
      if (typeof data4 !== "boolean") {
        const err10 = { instancePath: instancePath + "/strictSemvers", schemaPath: "#/properties/strictSemvers/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema24.properties.strictSemvers.type, parentSchema: schema24.properties.strictSemvers, data: data4 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.semverConstraint !== void 0) {
      let data5 = data.semverConstraint;
      if (typeof data5 === "string") {
        if (func2(data5) < 1) {
          const err11 = { instancePath: instancePath + "/semverConstraint", schemaPath: "#/properties/semverConstraint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.semverConstraint, data: data5 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/semverConstraint", schemaPath: "#/properties/semverConstraint/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.semverConstraint.type, parentSchema: schema24.properties.semverConstraint, data: data5 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.allowTagsRegexes !== void 0) {
      let data6 = data.allowTagsRegexes;
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func2(data7) < 1) {
              const err13 = { instancePath: instancePath + "/allowTagsRegexes/" + i0, schemaPath: "#/definitions/regexList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/allowTagsRegexes/" + i0, schemaPath: "#/definitions/regexList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.items.type, parentSchema: schema18.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/allowTagsRegexes", schemaPath: "#/definitions/regexList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.type, parentSchema: schema18, data: data6 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.ignoreTagsRegexes !== void 0) {
      let data8 = data.ignoreTagsRegexes;
      if (Array.isArray(data8)) {
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data9 = data8[i1];
          if (typeof data9 === "string") {
            if (func2(data9) < 1) {
              const err16 = { instancePath: instancePath + "/ignoreTagsRegexes/" + i1, schemaPath: "#/definitions/regexList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema18.items, data: data9 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/ignoreTagsRegexes/" + i1, schemaPath: "#/definitions/regexList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema18.items.type, parentSchema: schema18.items, data: data9 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/ignoreTagsRegexes", schemaPath: "#/definitions/regexList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.type, parentSchema: schema18, data: data8 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.allowTags !== void 0) {
      const err19 = { instancePath: instancePath + "/allowTags", schemaPath: "#/properties/allowTags/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema24.properties.allowTags.not, parentSchema: schema24.properties.allowTags, data: data.allowTags };
      if (vErrors === null) {
        vErrors = [err19];
      } else {
        vErrors.push(err19);
      }
      errors++;
    }
    if (data.ignoreTags !== void 0) {
      const err20 = { instancePath: instancePath + "/ignoreTags", schemaPath: "#/properties/ignoreTags/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema24.properties.ignoreTags.not, parentSchema: schema24.properties.ignoreTags, data: data.ignoreTags };
      if (vErrors === null) {
        vErrors = [err20];
      } else {
        vErrors.push(err20);
      }
      errors++;
    }
    if (data.expressionFilter !== void 0) {
      let data12 = data.expressionFilter;
      if (typeof data12 === "string") {
        if (func2(data12) < 1) {
          const err21 = { instancePath: instancePath + "/expressionFilter", schemaPath: "#/properties/expressionFilter/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.expressionFilter, data: data12 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/expressionFilter", schemaPath: "#/properties/expressionFilter/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.expressionFilter.type, parentSchema: schema24.properties.expressionFilter, data: data12 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.includePaths !== void 0) {
      let data13 = data.includePaths;
      if (Array.isArray(data13)) {
        const len2 = data13.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data14 = data13[i2];
          if (typeof data14 === "string") {
            if (func2(data14) < 1) {
              const err23 = { instancePath: instancePath + "/includePaths/" + i2, schemaPath: "#/definitions/pathFilterList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema27.items, data: data14 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/includePaths/" + i2, schemaPath: "#/definitions/pathFilterList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.items.type, parentSchema: schema27.items, data: data14 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/includePaths", schemaPath: "#/definitions/pathFilterList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema27.type, parentSchema: schema27, data: data13 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.excludePaths !== void 0) {
      let data15 = data.excludePaths;
      if (Array.isArray(data15)) {
        const len3 = data15.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data16 = data15[i3];
          if (typeof data16 === "string") {
            if (func2(data16) < 1) {
              const err26 = { instancePath: instancePath + "/excludePaths/" + i3, schemaPath: "#/definitions/pathFilterList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema27.items, data: data16 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/excludePaths/" + i3, schemaPath: "#/definitions/pathFilterList/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema27.items.type, parentSchema: schema27.items, data: data16 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/excludePaths", schemaPath: "#/definitions/pathFilterList/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema27.type, parentSchema: schema27, data: data15 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.discoveryLimit !== void 0) {
      let data17 = data.discoveryLimit;
      if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
        const err29 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema20.type, parentSchema: schema20, data: data17 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      if (typeof data17 == "number" && isFinite(data17)) {
        if (data17 > 100 || isNaN(data17)) {
          const err30 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema20, data: data17 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        if (data17 < 1 || isNaN(data17)) {
          const err31 = { instancePath: instancePath + "/discoveryLimit", schemaPath: "#/definitions/discoveryLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema20, data: data17 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      }
    }
    if (data.insecureSkipTLSVerify !== void 0) {
      let data18 = data.insecureSkipTLSVerify;
      if (typeof data18 !== "boolean") {
        const err32 = { instancePath: instancePath + "/insecureSkipTLSVerify", schemaPath: "#/definitions/insecureSkipTLSVerify/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema21.type, parentSchema: schema21, data: data18 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
  } else {
    const err33 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema24.type, parentSchema: schema24, data };
    if (vErrors === null) {
      vErrors = [err33];
    } else {
      vErrors.push(err33);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length > 1) {
      const err0 = { instancePath, schemaPath: "#/maxProperties", keyword: "maxProperties", params: { limit: 1 }, message: "must NOT have more than 1 properties", schema: 1, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (Object.keys(data).length < 1) {
      const err1 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "image" || key0 === "chart" || key0 === "git")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.image !== void 0) {
      if (!validate13(data.image, { instancePath: instancePath + "/image", parentData: data, parentDataProperty: "image", rootData })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.chart !== void 0) {
      if (!validate15(data.chart, { instancePath: instancePath + "/chart", parentData: data, parentDataProperty: "chart", rootData })) {
        vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
        errors = vErrors.length;
      }
    }
    if (data.git !== void 0) {
      if (!validate17(data.git, { instancePath: instancePath + "/git", parentData: data, parentDataProperty: "git", rootData })) {
        vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.subscriptions === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "subscriptions" }, message: "must have required property 'subscriptions'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "freightCreationPolicy" || key0 === "freightCreationCriteria" || key0 === "interval" || key0 === "subscriptions")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) > 63) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (!pattern0.test(data0)) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.freightCreationPolicy !== void 0) {
      let data1 = data.freightCreationPolicy;
      if (typeof data1 !== "string") {
        const err7 = { instancePath: instancePath + "/freightCreationPolicy", schemaPath: "#/properties/freightCreationPolicy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.freightCreationPolicy.type, parentSchema: schema13.properties.freightCreationPolicy, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (!(data1 === "Automatic" || data1 === "Manual")) {
        const err8 = { instancePath: instancePath + "/freightCreationPolicy", schemaPath: "#/properties/freightCreationPolicy/enum", keyword: "enum", params: { allowedValues: schema13.properties.freightCreationPolicy.enum }, message: "must be equal to one of the allowed values", schema: schema13.properties.freightCreationPolicy.enum, parentSchema: schema13.properties.freightCreationPolicy, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.freightCreationCriteria !== void 0) {
      let data2 = data.freightCreationCriteria;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          if (!(key1 === "expression")) {
            const err9 = { instancePath: instancePath + "/freightCreationCriteria", schemaPath: "#/properties/freightCreationCriteria/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13.properties.freightCreationCriteria, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.expression !== void 0) {
          let data3 = data2.expression;
          if (typeof data3 !== "string") {
            const err10 = { instancePath: instancePath + "/freightCreationCriteria/expression", schemaPath: "#/properties/freightCreationCriteria/properties/expression/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.freightCreationCriteria.properties.expression.type, parentSchema: schema13.properties.freightCreationCriteria.properties.expression, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/freightCreationCriteria", schemaPath: "#/properties/freightCreationCriteria/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.freightCreationCriteria.type, parentSchema: schema13.properties.freightCreationCriteria, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.interval !== void 0) {
      let data4 = data.interval;
      if (typeof data4 === "string") {
        if (!pattern2.test(data4)) {
          const err12 = { instancePath: instancePath + "/interval", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/interval", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.subscriptions !== void 0) {
      let data5 = data.subscriptions;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err14 = { instancePath: instancePath + "/subscriptions", schemaPath: "#/properties/subscriptions/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema13.properties.subscriptions, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate12(data5[i0], { instancePath: instancePath + "/subscriptions/" + i0, parentData: data5, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/subscriptions", schemaPath: "#/properties/subscriptions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.subscriptions.type, parentSchema: schema13.properties.subscriptions, data: data5 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var schema31 = { "type": "object", "required": ["name", "requestedFreight", "promotionTemplate"], "additionalProperties": false, "description": "A step of the pipeline (Kargo's Stage): where freight is promoted to and verified.", "properties": { "name": { "$ref": "#/definitions/dnsLabel", "description": "Stage name, unique within the project: a lowercase DNS-1123 label. Downstream stages name it in sources.stages." }, "branch": { "type": "string", "minLength": 1, "description": "Branch of the GitOps repository this stage deploys from (promotion commits go there). Default: the repository's default branch." }, "environment": { "type": "string", "minLength": 1, "description": "GitHub environment that gates promotions to this stage: the promote workflow runs the job under it (command: environment), and the promote action refuses a run that did not pass its protection rules. Default: the stage name." }, "environmentUrl": { "type": "string", "pattern": "^https?://\\S+$", "patternErrorMessage": "must be an http(s) URL such as https://dev.echo.acme.dev", "description": "Where the stage's deployment can be reached. Shown as the deployment's URL in the repository's Environments view once verification succeeds." }, "requestedFreight": { "type": "array", "minItems": 1, "description": "Which freight the stage takes: one entry per warehouse, saying where the freight may come from.", "items": { "$ref": "#/definitions/freightRequest" } }, "autoPromotion": { "type": "boolean", "default": false, "description": "Promote new freight automatically as soon as it is available to this stage. Default false." }, "promotionTemplate": { "$ref": "#/definitions/promotionTemplate", "description": "How freight is promoted into this stage: the steps to run and whether the result is pushed directly or proposed as a pull request." }, "verification": { "type": "array", "default": [], "description": "Checks run after each promotion; when all succeed the freight is verified in this stage and becomes available downstream.", "items": { "$ref": "#/definitions/verificationMetric" } } } };
var pattern9 = new RegExp("^https?://\\S+$", "u");
var schema33 = { "type": "object", "required": ["origin", "sources"], "additionalProperties": false, "description": "A request for freight from one warehouse.", "properties": { "origin": { "type": "object", "required": ["kind", "name"], "additionalProperties": false, "description": "Where the freight was created.", "properties": { "kind": { "type": "string", "enum": ["Warehouse"], "description": "Kind of origin; always Warehouse." }, "name": { "type": "string", "minLength": 1, "description": "Name of a warehouse of this project." } } }, "sources": { "type": "object", "additionalProperties": false, "description": "Where the stage may take this freight from: straight from the warehouse (direct) and/or once verified in upstream stages.", "properties": { "direct": { "type": "boolean", "default": false, "description": "Take freight straight from the warehouse, without upstream verification." }, "stages": { "type": "array", "default": [], "description": "Upstream stages: freight becomes available once verified in them (or approved for this stage).", "items": { "type": "string", "minLength": 1 } }, "requiredSoakTime": { "$ref": "#/definitions/duration", "description": "How long freight must have been verified in the upstream stages before it is available here, as a Go duration (e.g. 1h)." }, "availabilityStrategy": { "type": "string", "enum": ["OneOf", "All"], "default": "OneOf", "description": "OneOf (default): freight verified in any one upstream stage is available. All: it must be verified in every listed upstream stage." }, "autoPromotionOptions": { "type": "object", "additionalProperties": false, "description": "Which freight auto-promotion picks (Kargo's).", "properties": { "selectionPolicy": { "type": "string", "enum": ["NewestFreight", "MatchUpstream"], "default": "NewestFreight", "description": "NewestFreight (default): the newest freight available to the stage. MatchUpstream: the freight the one upstream stage runs, once verified there (only with exactly one upstream stage, and not direct)." } } } } } } };
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.origin === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "origin" }, message: "must have required property 'origin'", schema: schema33.required, parentSchema: schema33, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sources === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sources" }, message: "must have required property 'sources'", schema: schema33.required, parentSchema: schema33, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "origin" || key0 === "sources")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema33, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.origin !== void 0) {
      let data0 = data.origin;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.kind === void 0) {
          const err3 = { instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema33.properties.origin.required, parentSchema: schema33.properties.origin, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0.name === void 0) {
          const err4 = { instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema33.properties.origin.required, parentSchema: schema33.properties.origin, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === "kind" || key1 === "name")) {
            const err5 = { instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema33.properties.origin, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.kind !== void 0) {
          let data1 = data0.kind;
          if (typeof data1 !== "string") {
            const err6 = { instancePath: instancePath + "/origin/kind", schemaPath: "#/properties/origin/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.properties.origin.properties.kind.type, parentSchema: schema33.properties.origin.properties.kind, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          if (!(data1 === "Warehouse")) {
            const err7 = { instancePath: instancePath + "/origin/kind", schemaPath: "#/properties/origin/properties/kind/enum", keyword: "enum", params: { allowedValues: schema33.properties.origin.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema33.properties.origin.properties.kind.enum, parentSchema: schema33.properties.origin.properties.kind, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.name !== void 0) {
          let data2 = data0.name;
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err8 = { instancePath: instancePath + "/origin/name", schemaPath: "#/properties/origin/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema33.properties.origin.properties.name, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/origin/name", schemaPath: "#/properties/origin/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.properties.origin.properties.name.type, parentSchema: schema33.properties.origin.properties.name, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/origin", schemaPath: "#/properties/origin/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema33.properties.origin.type, parentSchema: schema33.properties.origin, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.sources !== void 0) {
      let data3 = data.sources;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key2 in data3) {
          if (!(key2 === "direct" || key2 === "stages" || key2 === "requiredSoakTime" || key2 === "availabilityStrategy" || key2 === "autoPromotionOptions")) {
            const err11 = { instancePath: instancePath + "/sources", schemaPath: "#/properties/sources/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema33.properties.sources, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data3.direct !== void 0) {
          let data4 = data3.direct;
          if (typeof data4 !== "boolean") {
            const err12 = { instancePath: instancePath + "/sources/direct", schemaPath: "#/properties/sources/properties/direct/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema33.properties.sources.properties.direct.type, parentSchema: schema33.properties.sources.properties.direct, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data3.stages !== void 0) {
          let data5 = data3.stages;
          if (Array.isArray(data5)) {
            const len0 = data5.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data6 = data5[i0];
              if (typeof data6 === "string") {
                if (func2(data6) < 1) {
                  const err13 = { instancePath: instancePath + "/sources/stages/" + i0, schemaPath: "#/properties/sources/properties/stages/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema33.properties.sources.properties.stages.items, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/sources/stages/" + i0, schemaPath: "#/properties/sources/properties/stages/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.properties.sources.properties.stages.items.type, parentSchema: schema33.properties.sources.properties.stages.items, data: data6 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
          } else {
            const err15 = { instancePath: instancePath + "/sources/stages", schemaPath: "#/properties/sources/properties/stages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema33.properties.sources.properties.stages.type, parentSchema: schema33.properties.sources.properties.stages, data: data5 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data3.requiredSoakTime !== void 0) {
          let data7 = data3.requiredSoakTime;
          if (typeof data7 === "string") {
            if (!pattern2.test(data7)) {
              const err16 = { instancePath: instancePath + "/sources/requiredSoakTime", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/sources/requiredSoakTime", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data7 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data3.availabilityStrategy !== void 0) {
          let data8 = data3.availabilityStrategy;
          if (typeof data8 !== "string") {
            const err18 = { instancePath: instancePath + "/sources/availabilityStrategy", schemaPath: "#/properties/sources/properties/availabilityStrategy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.properties.sources.properties.availabilityStrategy.type, parentSchema: schema33.properties.sources.properties.availabilityStrategy, data: data8 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (!(data8 === "OneOf" || data8 === "All")) {
            const err19 = { instancePath: instancePath + "/sources/availabilityStrategy", schemaPath: "#/properties/sources/properties/availabilityStrategy/enum", keyword: "enum", params: { allowedValues: schema33.properties.sources.properties.availabilityStrategy.enum }, message: "must be equal to one of the allowed values", schema: schema33.properties.sources.properties.availabilityStrategy.enum, parentSchema: schema33.properties.sources.properties.availabilityStrategy, data: data8 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data3.autoPromotionOptions !== void 0) {
          let data9 = data3.autoPromotionOptions;
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            for (const key3 in data9) {
              if (!(key3 === "selectionPolicy")) {
                const err20 = { instancePath: instancePath + "/sources/autoPromotionOptions", schemaPath: "#/properties/sources/properties/autoPromotionOptions/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema33.properties.sources.properties.autoPromotionOptions, data: data9 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data9.selectionPolicy !== void 0) {
              let data10 = data9.selectionPolicy;
              if (typeof data10 !== "string") {
                const err21 = { instancePath: instancePath + "/sources/autoPromotionOptions/selectionPolicy", schemaPath: "#/properties/sources/properties/autoPromotionOptions/properties/selectionPolicy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.type, parentSchema: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy, data: data10 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
              if (!(data10 === "NewestFreight" || data10 === "MatchUpstream")) {
                const err22 = { instancePath: instancePath + "/sources/autoPromotionOptions/selectionPolicy", schemaPath: "#/properties/sources/properties/autoPromotionOptions/properties/selectionPolicy/enum", keyword: "enum", params: { allowedValues: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum }, message: "must be equal to one of the allowed values", schema: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum, parentSchema: schema33.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy, data: data10 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
          } else {
            const err23 = { instancePath: instancePath + "/sources/autoPromotionOptions", schemaPath: "#/properties/sources/properties/autoPromotionOptions/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema33.properties.sources.properties.autoPromotionOptions.type, parentSchema: schema33.properties.sources.properties.autoPromotionOptions, data: data9 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
      } else {
        const err24 = { instancePath: instancePath + "/sources", schemaPath: "#/properties/sources/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema33.properties.sources.type, parentSchema: schema33.properties.sources, data: data3 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
  } else {
    const err25 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema33.type, parentSchema: schema33, data };
    if (vErrors === null) {
      vErrors = [err25];
    } else {
      vErrors.push(err25);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
var schema35 = { "type": "object", "required": ["steps"], "additionalProperties": false, "description": "How freight is promoted into the stage: steps run in order, and their result is committed.", "properties": { "mode": { "type": "string", "enum": ["direct", "pull-request"], "default": "direct", "description": "direct (default): push the promotion commit to the stage's branch. pull-request: open a pull request with it; merging the pull request completes the promotion." }, "vars": { "type": "array", "default": [], "description": "Variables available to every step's expressions as vars.<name>.", "items": { "$ref": "#/definitions/var" } }, "steps": { "type": "array", "description": "Promotion steps, run in order. Empty for a control-flow stage (Kargo's Stage without promotionTemplate): a promotion records the freight in the stage's state and changes no other file.", "items": { "$ref": "#/definitions/promotionStep" } } } };
var schema36 = { "type": "object", "required": ["name", "value"], "additionalProperties": false, "description": "A named value available to expressions as vars.<name>.", "properties": { "name": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$", "patternErrorMessage": "must be an identifier: letters, digits and '_', not starting with a digit", "description": "Variable name, used in expressions as vars.<name>." }, "value": { "type": "string", "description": "Variable value; may contain ${{ }} expressions." } } };
var pattern11 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_]*$", "u");
var schema37 = { "type": "object", "additionalProperties": false, "description": "One promotion step: a built-in step (uses) and its configuration, or a promotion task (task) inflated in its place.", "properties": { "uses": { "type": "string", "minLength": 1, "description": "Name of the step to run, e.g. yaml-update, kustomize-set-image, helm-update-chart, copy, git-commit, git-open-pr. Set this or task." }, "task": { "type": "object", "additionalProperties": false, "required": ["name"], "description": "Run a promotion task's steps here (set instead of uses). Its vars come from the template's vars and this step's vars; its compose-output steps' outputs become outputs.<alias>.", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name of the promotion task." }, "kind": { "type": "string", "enum": ["PromotionTask", "ClusterPromotionTask"], "default": "PromotionTask", "description": "Which kind of task the name refers to." } } }, "as": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_-]*$", "patternErrorMessage": "must start with a letter or '_' and contain only letters, digits, '_' and '-'", "description": "Alias of the step, unique within the template; later steps read its outputs as outputs.<alias>." }, "if": { "type": "string", "minLength": 1, "description": "Expression deciding whether the step runs, e.g. ${{ vars.enabled }}." }, "config": { "type": "object", "default": {}, "description": "Configuration of the step; its fields depend on the step (see each step's documentation). Strings may contain ${{ }} expressions." }, "continueOnError": { "type": "boolean", "default": false, "description": "Keep going with the next steps when this one fails. Default false." }, "vars": { "type": "array", "default": [], "description": "Variables available to this step's expressions as vars.<name>, overriding the template's.", "items": { "$ref": "#/definitions/var" } }, "retry": { "type": "object", "additionalProperties": false, "description": "How a failing step is retried.", "properties": { "timeout": { "$ref": "#/definitions/duration", "description": "Give up retrying after this long, as a Go duration (e.g. 5m)." }, "errorThreshold": { "type": "integer", "minimum": 1, "description": "Number of consecutive failures after which the step fails." } } } } };
var pattern12 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_-]*$", "u");
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "uses" || key0 === "task" || key0 === "as" || key0 === "if" || key0 === "config" || key0 === "continueOnError" || key0 === "vars" || key0 === "retry")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.uses !== void 0) {
      let data0 = data.uses;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err1 = { instancePath: instancePath + "/uses", schemaPath: "#/properties/uses/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.uses, data: data0 };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = { instancePath: instancePath + "/uses", schemaPath: "#/properties/uses/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.uses.type, parentSchema: schema37.properties.uses, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.task !== void 0) {
      let data1 = data.task;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.name === void 0) {
          const err3 = { instancePath: instancePath + "/task", schemaPath: "#/properties/task/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema37.properties.task.required, parentSchema: schema37.properties.task, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "name" || key1 === "kind")) {
            const err4 = { instancePath: instancePath + "/task", schemaPath: "#/properties/task/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.task, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.name !== void 0) {
          let data2 = data1.name;
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err5 = { instancePath: instancePath + "/task/name", schemaPath: "#/properties/task/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.task.properties.name, data: data2 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/task/name", schemaPath: "#/properties/task/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.task.properties.name.type, parentSchema: schema37.properties.task.properties.name, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1.kind !== void 0) {
          let data3 = data1.kind;
          if (typeof data3 !== "string") {
            const err7 = { instancePath: instancePath + "/task/kind", schemaPath: "#/properties/task/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.task.properties.kind.type, parentSchema: schema37.properties.task.properties.kind, data: data3 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (!(data3 === "PromotionTask" || data3 === "ClusterPromotionTask")) {
            const err8 = { instancePath: instancePath + "/task/kind", schemaPath: "#/properties/task/properties/kind/enum", keyword: "enum", params: { allowedValues: schema37.properties.task.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema37.properties.task.properties.kind.enum, parentSchema: schema37.properties.task.properties.kind, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/task", schemaPath: "#/properties/task/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.task.type, parentSchema: schema37.properties.task, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.as !== void 0) {
      let data4 = data.as;
      if (typeof data4 === "string") {
        if (!pattern12.test(data4)) {
          const err10 = { instancePath: instancePath + "/as", schemaPath: "#/properties/as/pattern", keyword: "pattern", params: { pattern: "^[a-zA-Z_][a-zA-Z0-9_-]*$" }, message: 'must match pattern "^[a-zA-Z_][a-zA-Z0-9_-]*$"', schema: "^[a-zA-Z_][a-zA-Z0-9_-]*$", parentSchema: schema37.properties.as, data: data4 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/as", schemaPath: "#/properties/as/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.as.type, parentSchema: schema37.properties.as, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.if !== void 0) {
      let data5 = data.if;
      if (typeof data5 === "string") {
        if (func2(data5) < 1) {
          const err12 = { instancePath: instancePath + "/if", schemaPath: "#/properties/if/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.if, data: data5 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/if", schemaPath: "#/properties/if/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.if.type, parentSchema: schema37.properties.if, data: data5 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.config !== void 0) {
      let data6 = data.config;
      if (!(data6 && typeof data6 == "object" && !Array.isArray(data6))) {
        const err14 = { instancePath: instancePath + "/config", schemaPath: "#/properties/config/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.config.type, parentSchema: schema37.properties.config, data: data6 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.continueOnError !== void 0) {
      let data7 = data.continueOnError;
      if (typeof data7 !== "boolean") {
        const err15 = { instancePath: instancePath + "/continueOnError", schemaPath: "#/properties/continueOnError/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema37.properties.continueOnError.type, parentSchema: schema37.properties.continueOnError, data: data7 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      let data8 = data.vars;
      if (Array.isArray(data8)) {
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data9 = data8[i0];
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            if (data9.name === void 0) {
              const err16 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema36.required, parentSchema: schema36, data: data9 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (data9.value === void 0) {
              const err17 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema36.required, parentSchema: schema36, data: data9 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            for (const key2 in data9) {
              if (!(key2 === "name" || key2 === "value")) {
                const err18 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36, data: data9 };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data9.name !== void 0) {
              let data10 = data9.name;
              if (typeof data10 === "string") {
                if (!pattern11.test(data10)) {
                  const err19 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/var/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$" }, message: 'must match pattern "^[a-zA-Z_][a-zA-Z0-9_]*$"', schema: "^[a-zA-Z_][a-zA-Z0-9_]*$", parentSchema: schema36.properties.name, data: data10 };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
              } else {
                const err20 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/var/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.name.type, parentSchema: schema36.properties.name, data: data10 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
            if (data9.value !== void 0) {
              let data11 = data9.value;
              if (typeof data11 !== "string") {
                const err21 = { instancePath: instancePath + "/vars/" + i0 + "/value", schemaPath: "#/definitions/var/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.value.type, parentSchema: schema36.properties.value, data: data11 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
          } else {
            const err22 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.type, parentSchema: schema36, data: data9 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/vars", schemaPath: "#/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.vars.type, parentSchema: schema37.properties.vars, data: data8 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.retry !== void 0) {
      let data12 = data.retry;
      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
        for (const key3 in data12) {
          if (!(key3 === "timeout" || key3 === "errorThreshold")) {
            const err24 = { instancePath: instancePath + "/retry", schemaPath: "#/properties/retry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37.properties.retry, data: data12 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data12.timeout !== void 0) {
          let data13 = data12.timeout;
          if (typeof data13 === "string") {
            if (!pattern2.test(data13)) {
              const err25 = { instancePath: instancePath + "/retry/timeout", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data13 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          } else {
            const err26 = { instancePath: instancePath + "/retry/timeout", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data13 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data12.errorThreshold !== void 0) {
          let data14 = data12.errorThreshold;
          if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
            const err27 = { instancePath: instancePath + "/retry/errorThreshold", schemaPath: "#/properties/retry/properties/errorThreshold/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.retry.properties.errorThreshold.type, parentSchema: schema37.properties.retry.properties.errorThreshold, data: data14 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 < 1 || isNaN(data14)) {
              const err28 = { instancePath: instancePath + "/retry/errorThreshold", schemaPath: "#/properties/retry/properties/errorThreshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema37.properties.retry.properties.errorThreshold, data: data14 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/retry", schemaPath: "#/properties/retry/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.properties.retry.type, parentSchema: schema37.properties.retry, data: data12 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.type, parentSchema: schema37, data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.steps === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property 'steps'", schema: schema35.required, parentSchema: schema35, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "mode" || key0 === "vars" || key0 === "steps")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data0 = data.mode;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.mode.type, parentSchema: schema35.properties.mode, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (!(data0 === "direct" || data0 === "pull-request")) {
        const err3 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema35.properties.mode.enum }, message: "must be equal to one of the allowed values", schema: schema35.properties.mode.enum, parentSchema: schema35.properties.mode, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      let data1 = data.vars;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            if (data2.name === void 0) {
              const err4 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema36.required, parentSchema: schema36, data: data2 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            if (data2.value === void 0) {
              const err5 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema36.required, parentSchema: schema36, data: data2 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            for (const key1 in data2) {
              if (!(key1 === "name" || key1 === "value")) {
                const err6 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36, data: data2 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            if (data2.name !== void 0) {
              let data3 = data2.name;
              if (typeof data3 === "string") {
                if (!pattern11.test(data3)) {
                  const err7 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/var/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$" }, message: 'must match pattern "^[a-zA-Z_][a-zA-Z0-9_]*$"', schema: "^[a-zA-Z_][a-zA-Z0-9_]*$", parentSchema: schema36.properties.name, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/var/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.name.type, parentSchema: schema36.properties.name, data: data3 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.value !== void 0) {
              let data4 = data2.value;
              if (typeof data4 !== "string") {
                const err9 = { instancePath: instancePath + "/vars/" + i0 + "/value", schemaPath: "#/definitions/var/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.value.type, parentSchema: schema36.properties.value, data: data4 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/var/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.type, parentSchema: schema36, data: data2 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/vars", schemaPath: "#/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.vars.type, parentSchema: schema35.properties.vars, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.steps !== void 0) {
      let data5 = data.steps;
      if (Array.isArray(data5)) {
        const len1 = data5.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate25(data5[i1], { instancePath: instancePath + "/steps/" + i1, parentData: data5, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.properties.steps.type, parentSchema: schema35.properties.steps, data: data5 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
var schema40 = { "type": "object", "required": ["name", "provider"], "additionalProperties": false, "description": "One verification check (an Argo Rollouts metric): measurements taken through one provider, each judged by successCondition and failureCondition, and limits that turn the measurements into the metric's outcome. See docs/verify.md.", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name of the check, unique within the stage; shown in summaries and in the verification record." }, "provider": { "$ref": "#/definitions/verificationProvider", "description": "Where measurements come from: exactly one of http (or web), prometheus, datadog, command, argocd, github." }, "successCondition": { "type": "string", "minLength": 1, "description": "Expression over result (the provider's measurement) that makes a measurement Successful, e.g. result[0] >= 0.95. Without failureCondition, a measurement for which it is false is Failed." }, "failureCondition": { "type": "string", "minLength": 1, "description": "Expression over result that makes a measurement Failed, e.g. result[0] < 0.5. With both conditions set, a measurement matching neither is Inconclusive; without successCondition, one for which it is false is Successful." }, "initialDelay": { "$ref": "#/definitions/duration", "description": "Wait this long before the first measurement, as a Go duration (e.g. 30s)." }, "interval": { "$ref": "#/definitions/duration", "description": "Time between measurements, as a Go duration (e.g. 1m). Required when count is more than 1." }, "count": { "type": "integer", "minimum": 1, "default": 1, "description": "How many measurements to take (measurements that end in Error do not count). Default 1, also when interval is set: unlike Argo Rollouts, a verification never measures forever." }, "failureLimit": { "type": "integer", "minimum": 0, "default": 0, "description": "The metric fails once more than this many measurements have Failed. Default 0: the first failed measurement fails it." }, "inconclusiveLimit": { "type": "integer", "minimum": 0, "default": 0, "description": "The metric is Inconclusive once more than this many measurements have been Inconclusive. Default 0." }, "consecutiveErrorLimit": { "type": "integer", "minimum": 0, "default": 4, "description": "The metric ends in Error once more than this many measurements in a row have ended in Error (the provider could not measure). Default 4. After an Error the next measurement is taken 10s later." }, "timeout": { "$ref": "#/definitions/duration", "description": "The longest one measurement may take, as a Go duration; a measurement still running then ends in Error. Default 5m.", "default": "5m" } } };
var schema41 = { "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false, "errorMessage": "a verification provider needs exactly one of http, web, prometheus, datadog, command, argocd, github", "description": "The source of a metric's measurements: exactly one provider. Each provider checks its own fields before anything is measured; strings may contain ${{ }} expressions over ctx (project, stage, freight, commit) and env.", "properties": { "http": { "type": "object", "description": "Call an HTTP endpoint: url, method, headers, body or jsonBody, timeoutSeconds, jsonPath, insecure. result is the JSON body (or its text); response.status and response.headers are also readable. A response other than 2xx is an Error. See docs/verify.md." }, "web": { "type": "object", "description": "Argo Rollouts' name for http; the same fields." }, "prometheus": { "type": "object", "description": "Run an instant PromQL query: address, query, timeout (seconds), headers, insecure. result is the list of sample values of a vector (result[0]) or the number of a scalar. See docs/verify.md." }, "datadog": { "type": "object", "description": "Query Datadog metrics (v1 query or v2 formulas) with API and application keys. See docs/verify.md." }, "command": { "type": "object", "description": "Run a shell command with /bin/sh -c: run, timeout, env, dir. result is {exitCode, stdout, stderr, json}; without conditions exit status 0 is Successful and anything else Failed. See docs/verify.md." }, "argocd": { "type": "object", "description": "Wait until Argo CD applications are synced to the promotion's commit and Healthy. Metrics with this provider run before all others. See docs/verify.md." }, "github": { "type": "object", "description": "Read the check runs and commit statuses of the promotion commit. See docs/verify.md." } } };
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema40.required, parentSchema: schema40, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.provider === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "provider" }, message: "must have required property 'provider'", schema: schema40.required, parentSchema: schema40, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func6.call(schema40.properties, key0)) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema40, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema40.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema40.properties.name.type, parentSchema: schema40.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.provider !== void 0) {
      let data1 = data.provider;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (Object.keys(data1).length > 1) {
          const err5 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/verificationProvider/maxProperties", keyword: "maxProperties", params: { limit: 1 }, message: "must NOT have more than 1 properties", schema: 1, parentSchema: schema41, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (Object.keys(data1).length < 1) {
          const err6 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/verificationProvider/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema41, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === "http" || key1 === "web" || key1 === "prometheus" || key1 === "datadog" || key1 === "command" || key1 === "argocd" || key1 === "github")) {
            const err7 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/verificationProvider/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema41, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1.http !== void 0) {
          let data2 = data1.http;
          if (!(data2 && typeof data2 == "object" && !Array.isArray(data2))) {
            const err8 = { instancePath: instancePath + "/provider/http", schemaPath: "#/definitions/verificationProvider/properties/http/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.http.type, parentSchema: schema41.properties.http, data: data2 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data1.web !== void 0) {
          let data3 = data1.web;
          if (!(data3 && typeof data3 == "object" && !Array.isArray(data3))) {
            const err9 = { instancePath: instancePath + "/provider/web", schemaPath: "#/definitions/verificationProvider/properties/web/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.web.type, parentSchema: schema41.properties.web, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data1.prometheus !== void 0) {
          let data4 = data1.prometheus;
          if (!(data4 && typeof data4 == "object" && !Array.isArray(data4))) {
            const err10 = { instancePath: instancePath + "/provider/prometheus", schemaPath: "#/definitions/verificationProvider/properties/prometheus/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.prometheus.type, parentSchema: schema41.properties.prometheus, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.datadog !== void 0) {
          let data5 = data1.datadog;
          if (!(data5 && typeof data5 == "object" && !Array.isArray(data5))) {
            const err11 = { instancePath: instancePath + "/provider/datadog", schemaPath: "#/definitions/verificationProvider/properties/datadog/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.datadog.type, parentSchema: schema41.properties.datadog, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data1.command !== void 0) {
          let data6 = data1.command;
          if (!(data6 && typeof data6 == "object" && !Array.isArray(data6))) {
            const err12 = { instancePath: instancePath + "/provider/command", schemaPath: "#/definitions/verificationProvider/properties/command/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.command.type, parentSchema: schema41.properties.command, data: data6 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data1.argocd !== void 0) {
          let data7 = data1.argocd;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err13 = { instancePath: instancePath + "/provider/argocd", schemaPath: "#/definitions/verificationProvider/properties/argocd/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.argocd.type, parentSchema: schema41.properties.argocd, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data1.github !== void 0) {
          let data8 = data1.github;
          if (!(data8 && typeof data8 == "object" && !Array.isArray(data8))) {
            const err14 = { instancePath: instancePath + "/provider/github", schemaPath: "#/definitions/verificationProvider/properties/github/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.properties.github.type, parentSchema: schema41.properties.github, data: data8 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/provider", schemaPath: "#/definitions/verificationProvider/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema41.type, parentSchema: schema41, data: data1 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.successCondition !== void 0) {
      let data9 = data.successCondition;
      if (typeof data9 === "string") {
        if (func2(data9) < 1) {
          const err16 = { instancePath: instancePath + "/successCondition", schemaPath: "#/properties/successCondition/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema40.properties.successCondition, data: data9 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/successCondition", schemaPath: "#/properties/successCondition/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema40.properties.successCondition.type, parentSchema: schema40.properties.successCondition, data: data9 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.failureCondition !== void 0) {
      let data10 = data.failureCondition;
      if (typeof data10 === "string") {
        if (func2(data10) < 1) {
          const err18 = { instancePath: instancePath + "/failureCondition", schemaPath: "#/properties/failureCondition/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema40.properties.failureCondition, data: data10 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/failureCondition", schemaPath: "#/properties/failureCondition/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema40.properties.failureCondition.type, parentSchema: schema40.properties.failureCondition, data: data10 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.initialDelay !== void 0) {
      let data11 = data.initialDelay;
      if (typeof data11 === "string") {
        if (!pattern2.test(data11)) {
          const err20 = { instancePath: instancePath + "/initialDelay", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data11 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/initialDelay", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data11 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.interval !== void 0) {
      let data12 = data.interval;
      if (typeof data12 === "string") {
        if (!pattern2.test(data12)) {
          const err22 = { instancePath: instancePath + "/interval", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data12 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/interval", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data12 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.count !== void 0) {
      let data13 = data.count;
      if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
        const err24 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema40.properties.count.type, parentSchema: schema40.properties.count, data: data13 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data13 == "number" && isFinite(data13)) {
        if (data13 < 1 || isNaN(data13)) {
          const err25 = { instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema40.properties.count, data: data13 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.failureLimit !== void 0) {
      let data14 = data.failureLimit;
      if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
        const err26 = { instancePath: instancePath + "/failureLimit", schemaPath: "#/properties/failureLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema40.properties.failureLimit.type, parentSchema: schema40.properties.failureLimit, data: data14 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      if (typeof data14 == "number" && isFinite(data14)) {
        if (data14 < 0 || isNaN(data14)) {
          const err27 = { instancePath: instancePath + "/failureLimit", schemaPath: "#/properties/failureLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema40.properties.failureLimit, data: data14 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
      }
    }
    if (data.inconclusiveLimit !== void 0) {
      let data15 = data.inconclusiveLimit;
      if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
        const err28 = { instancePath: instancePath + "/inconclusiveLimit", schemaPath: "#/properties/inconclusiveLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema40.properties.inconclusiveLimit.type, parentSchema: schema40.properties.inconclusiveLimit, data: data15 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      if (typeof data15 == "number" && isFinite(data15)) {
        if (data15 < 0 || isNaN(data15)) {
          const err29 = { instancePath: instancePath + "/inconclusiveLimit", schemaPath: "#/properties/inconclusiveLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema40.properties.inconclusiveLimit, data: data15 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      }
    }
    if (data.consecutiveErrorLimit !== void 0) {
      let data16 = data.consecutiveErrorLimit;
      if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
        const err30 = { instancePath: instancePath + "/consecutiveErrorLimit", schemaPath: "#/properties/consecutiveErrorLimit/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema40.properties.consecutiveErrorLimit.type, parentSchema: schema40.properties.consecutiveErrorLimit, data: data16 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
      if (typeof data16 == "number" && isFinite(data16)) {
        if (data16 < 0 || isNaN(data16)) {
          const err31 = { instancePath: instancePath + "/consecutiveErrorLimit", schemaPath: "#/properties/consecutiveErrorLimit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema40.properties.consecutiveErrorLimit, data: data16 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      }
    }
    if (data.timeout !== void 0) {
      let data17 = data.timeout;
      if (typeof data17 === "string") {
        if (!pattern2.test(data17)) {
          const err32 = { instancePath: instancePath + "/timeout", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$" }, message: 'must match pattern "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$"', schema: "^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xB5s|\u03BCs|ms|s|m|h))+)$", parentSchema: schema15, data: data17 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
      } else {
        const err33 = { instancePath: instancePath + "/timeout", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.type, parentSchema: schema15, data: data17 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
  } else {
    const err34 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema40.type, parentSchema: schema40, data };
    if (vErrors === null) {
      vErrors = [err34];
    } else {
      vErrors.push(err34);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.requestedFreight === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requestedFreight" }, message: "must have required property 'requestedFreight'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.promotionTemplate === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "promotionTemplate" }, message: "must have required property 'promotionTemplate'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "branch" || key0 === "environment" || key0 === "environmentUrl" || key0 === "requestedFreight" || key0 === "autoPromotion" || key0 === "promotionTemplate" || key0 === "verification")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) > 63) {
          const err4 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (!pattern0.test(data0)) {
          const err6 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema12, data: data0 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/name", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.branch !== void 0) {
      let data1 = data.branch;
      if (typeof data1 === "string") {
        if (func2(data1) < 1) {
          const err8 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.branch, data: data1 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/branch", schemaPath: "#/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.branch.type, parentSchema: schema31.properties.branch, data: data1 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.environment !== void 0) {
      let data2 = data.environment;
      if (typeof data2 === "string") {
        if (func2(data2) < 1) {
          const err10 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.environment, data: data2 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.environment.type, parentSchema: schema31.properties.environment, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.environmentUrl !== void 0) {
      let data3 = data.environmentUrl;
      if (typeof data3 === "string") {
        if (!pattern9.test(data3)) {
          const err12 = { instancePath: instancePath + "/environmentUrl", schemaPath: "#/properties/environmentUrl/pattern", keyword: "pattern", params: { pattern: "^https?://\\S+$" }, message: 'must match pattern "^https?://\\S+$"', schema: "^https?://\\S+$", parentSchema: schema31.properties.environmentUrl, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/environmentUrl", schemaPath: "#/properties/environmentUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.environmentUrl.type, parentSchema: schema31.properties.environmentUrl, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.requestedFreight !== void 0) {
      let data4 = data.requestedFreight;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err14 = { instancePath: instancePath + "/requestedFreight", schemaPath: "#/properties/requestedFreight/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.requestedFreight, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate22(data4[i0], { instancePath: instancePath + "/requestedFreight/" + i0, parentData: data4, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/requestedFreight", schemaPath: "#/properties/requestedFreight/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.requestedFreight.type, parentSchema: schema31.properties.requestedFreight, data: data4 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.autoPromotion !== void 0) {
      let data6 = data.autoPromotion;
      if (typeof data6 !== "boolean") {
        const err16 = { instancePath: instancePath + "/autoPromotion", schemaPath: "#/properties/autoPromotion/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.autoPromotion.type, parentSchema: schema31.properties.autoPromotion, data: data6 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.promotionTemplate !== void 0) {
      if (!validate24(data.promotionTemplate, { instancePath: instancePath + "/promotionTemplate", parentData: data, parentDataProperty: "promotionTemplate", rootData })) {
        vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
        errors = vErrors.length;
      }
    }
    if (data.verification !== void 0) {
      let data8 = data.verification;
      if (Array.isArray(data8)) {
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate28(data8[i1], { instancePath: instancePath + "/verification/" + i1, parentData: data8, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/verification", schemaPath: "#/properties/verification/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.verification.type, parentSchema: schema31.properties.verification, data: data8 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
var schema45 = { "type": "object", "required": ["name", "steps"], "additionalProperties": false, "description": "A reusable sequence of steps (Kargo's PromotionTask; kind ClusterPromotionTask for a task templates reference with that kind).", "properties": { "name": { "type": "string", "minLength": 1, "description": "Name templates use in task: {name}." }, "kind": { "type": "string", "enum": ["PromotionTask", "ClusterPromotionTask"], "default": "PromotionTask", "description": "PromotionTask (default) or ClusterPromotionTask." }, "vars": { "type": "array", "default": [], "description": "The task's inputs, available to its steps as vars.<name>.", "items": { "$ref": "#/definitions/taskVar" } }, "steps": { "type": "array", "minItems": 1, "description": "The task's steps. Within the task, task.outputs.<alias> reads the outputs of its earlier steps. A task cannot use another task.", "items": { "$ref": "#/definitions/promotionStep" } } } };
var schema46 = { "type": "object", "required": ["name"], "additionalProperties": false, "description": "An input of a promotion task: required unless it has a default value.", "properties": { "name": { "type": "string", "pattern": "^[a-zA-Z_][a-zA-Z0-9_]*$", "patternErrorMessage": "must be an identifier: letters, digits and '_', not starting with a digit", "description": "Variable name, used in expressions as vars.<name>." }, "value": { "type": "string", "description": "Default value; without one the variable must be set by the template's vars or the task step's vars." } } };
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema45.required, parentSchema: schema45, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.steps === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property 'steps'", schema: schema45.required, parentSchema: schema45, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "kind" || key0 === "vars" || key0 === "steps")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema45, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema45.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema45.properties.name.type, parentSchema: schema45.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema45.properties.kind.type, parentSchema: schema45.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (!(data1 === "PromotionTask" || data1 === "ClusterPromotionTask")) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema45.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema45.properties.kind.enum, parentSchema: schema45.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      let data2 = data.vars;
      if (Array.isArray(data2)) {
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (data3.name === void 0) {
              const err7 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/taskVar/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema46.required, parentSchema: schema46, data: data3 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(key1 === "name" || key1 === "value")) {
                const err8 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/taskVar/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema46, data: data3 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data3.name !== void 0) {
              let data4 = data3.name;
              if (typeof data4 === "string") {
                if (!pattern11.test(data4)) {
                  const err9 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/taskVar/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$" }, message: 'must match pattern "^[a-zA-Z_][a-zA-Z0-9_]*$"', schema: "^[a-zA-Z_][a-zA-Z0-9_]*$", parentSchema: schema46.properties.name, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = { instancePath: instancePath + "/vars/" + i0 + "/name", schemaPath: "#/definitions/taskVar/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema46.properties.name.type, parentSchema: schema46.properties.name, data: data4 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data3.value !== void 0) {
              let data5 = data3.value;
              if (typeof data5 !== "string") {
                const err11 = { instancePath: instancePath + "/vars/" + i0 + "/value", schemaPath: "#/definitions/taskVar/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema46.properties.value.type, parentSchema: schema46.properties.value, data: data5 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/vars/" + i0, schemaPath: "#/definitions/taskVar/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema46.type, parentSchema: schema46, data: data3 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/vars", schemaPath: "#/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema45.properties.vars.type, parentSchema: schema45.properties.vars, data: data2 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.steps !== void 0) {
      let data6 = data.steps;
      if (Array.isArray(data6)) {
        if (data6.length < 1) {
          const err14 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema45.properties.steps, data: data6 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate25(data6[i1], { instancePath: instancePath + "/steps/" + i1, parentData: data6, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema45.properties.steps.type, parentSchema: schema45.properties.steps, data: data6 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema45.type, parentSchema: schema45, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.project === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "project" }, message: "must have required property 'project'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.warehouses === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "warehouses" }, message: "must have required property 'warehouses'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.stages === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stages" }, message: "must have required property 'stages'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "$schema" || key0 === "project" || key0 === "warehouses" || key0 === "stages" || key0 === "promotionTasks")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      let data0 = data.$schema;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.$schema.type, parentSchema: schema11.properties.$schema, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.project !== void 0) {
      let data1 = data.project;
      if (typeof data1 === "string") {
        if (func2(data1) > 63) {
          const err5 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err6 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/dnsLabel/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (!pattern0.test(data1)) {
          const err7 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema12, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/project", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.type, parentSchema: schema12, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.warehouses !== void 0) {
      let data2 = data.warehouses;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err9 = { instancePath: instancePath + "/warehouses", schemaPath: "#/properties/warehouses/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.warehouses, data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data2[i0], { instancePath: instancePath + "/warehouses/" + i0, parentData: data2, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/warehouses", schemaPath: "#/properties/warehouses/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.warehouses.type, parentSchema: schema11.properties.warehouses, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.stages !== void 0) {
      let data4 = data.stages;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err11 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.stages, data: data4 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate21(data4[i1], { instancePath: instancePath + "/stages/" + i1, parentData: data4, parentDataProperty: i1, rootData })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.stages.type, parentSchema: schema11.properties.stages, data: data4 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.promotionTasks !== void 0) {
      let data6 = data.promotionTasks;
      if (Array.isArray(data6)) {
        const len2 = data6.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (!validate31(data6[i2], { instancePath: instancePath + "/promotionTasks/" + i2, parentData: data6, parentDataProperty: i2, rootData })) {
            vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/promotionTasks", schemaPath: "#/properties/promotionTasks/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.promotionTasks.type, parentSchema: schema11.properties.promotionTasks, data: data6 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/pipeline/schema.ts
var projectSchema = project_schema_default;
var validator = () => validate;
function asSchemaNode(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function stringProp(node, key) {
  const v = node?.[key];
  return typeof v === "string" ? v : void 0;
}
function numberProp(node, key) {
  const v = node?.[key];
  return typeof v === "number" ? v : void 0;
}
var TYPE_NAMES = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  null: "nothing"
};
function describeValue(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `${value}`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}
function quote(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value));
}
function typeMessage(err) {
  const expected = String(err.params.type ?? "").split(",").map((t) => TYPE_NAMES[t] ?? t).join(" or ");
  const data = err.data;
  let hint = "";
  if (err.params.type === "boolean" && typeof data === "string") {
    hint = /^(y|yes|on|true)$/i.test(data) ? " (write true)" : /^(n|no|off|false)$/i.test(data) ? " (write false)" : "";
  } else if (err.params.type === "string" && (typeof data === "number" || typeof data === "boolean")) {
    hint = ` (quote it: "${String(data)}")`;
  } else if (err.params.type === "integer" && typeof data === "string" && /^\d+$/.test(data)) {
    hint = " (remove the quotes)";
  } else if (err.params.type === "integer" && typeof data === "number") {
    return `expected an integer, got ${data}`;
  }
  return `expected ${expected}, got ${describeValue(data)}${hint}`;
}
function allowedKeys(parentSchema) {
  const props = asSchemaNode(parentSchema?.properties);
  if (!props) return [];
  return Object.keys(props).filter(
    (k) => k !== "$schema" && asSchemaNode(props[k])?.deprecated !== true
  );
}
function mapError(err, data) {
  const segments = pointerToSegments(err.instancePath, data);
  const parent = asSchemaNode(err.parentSchema);
  const custom = stringProp(parent, "errorMessage");
  const at = (message, anchor = "value") => ({ segments, anchor, message });
  switch (err.keyword) {
    case "if":
      return void 0;
    // the failing then/else branch reports it
    case "additionalProperties": {
      const name = String(err.params.additionalProperty);
      const candidates = allowedKeys(parent);
      const hint = didYouMean(name, candidates);
      const list = !hint && candidates.length ? ` (allowed: ${candidates.join(", ")})` : "";
      return {
        segments: [...segments, name],
        anchor: "key",
        message: `unknown field ${JSON.stringify(name)}${hint}${list}`
      };
    }
    case "required": {
      if (custom) return at(custom);
      if (segments.length === 0 && (data === null || typeof data !== "object")) {
        return at("a project file must be a mapping with project, warehouses and stages");
      }
      return at(`missing required field ${JSON.stringify(String(err.params.missingProperty))}`);
    }
    case "type":
      if (segments.length === 0) {
        return at(
          `a project file must be a mapping with project, warehouses and stages, found ${describeValue(err.data)}`
        );
      }
      return at(typeMessage(err));
    case "enum": {
      const allowed = err.params.allowedValues.map((v) => String(v));
      const hint = typeof err.data === "string" ? didYouMean(err.data, allowed) : "";
      const one = allowed.length === 1;
      return at(
        `invalid value ${quote(err.data)}: must be ${one ? "" : "one of "}${allowed.join(", ")}${hint}`
      );
    }
    case "const":
      return at(`invalid value ${quote(err.data)}: must be ${quote(err.params.allowedValue)}`);
    case "pattern": {
      const msg = stringProp(parent, "patternErrorMessage") ?? custom ?? `must match the pattern ${String(err.params.pattern)}`;
      return at(`invalid value ${quote(err.data)}: ${msg}`);
    }
    case "minLength": {
      const limit = Number(err.params.limit);
      return at(limit === 1 ? "must not be empty" : `must be at least ${limit} characters long`);
    }
    case "maxLength":
      return at(
        `must be at most ${String(err.params.limit)} characters long (this is ${String(err.data).length})`
      );
    case "minItems": {
      const limit = Number(err.params.limit);
      return at(
        limit === 1 ? "must have at least one entry" : `must have at least ${limit} entries`
      );
    }
    case "maxItems":
      return at(`must have at most ${String(err.params.limit)} entries`);
    case "uniqueItems":
      return at(
        `has duplicate entries (items ${String(err.params.j)} and ${String(err.params.i)} are the same)`
      );
    case "minimum":
    case "maximum": {
      const min = numberProp(parent, "minimum");
      const max = numberProp(parent, "maximum");
      const range = min !== void 0 && max !== void 0 ? `must be between ${min} and ${max}` : err.keyword === "minimum" ? `must be at least ${String(min)}` : `must be at most ${String(max)}`;
      return at(`${range}, got ${String(err.data)}`);
    }
    case "not":
    case "false schema":
      return at(custom ?? "this field is not allowed here", "key");
    case "minProperties":
    case "maxProperties":
    case "oneOf":
    case "anyOf":
      return at(
        custom ?? (err.keyword === "oneOf" || err.keyword === "anyOf" ? "does not match any of the allowed forms" : err.message ?? "invalid")
      );
    default:
      return at(custom ?? err.message ?? `failed ${err.keyword}`);
  }
}
function collapseAlternatives(errors) {
  const alternatives = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  if (!alternatives.length) return [...errors];
  return errors.filter(
    (e) => !alternatives.some(
      (alt) => alt !== e && e.schemaPath.startsWith(`${alt.schemaPath}/`) && e.instancePath.startsWith(alt.instancePath)
    )
  );
}
function schemaProblems(src, data) {
  return validationProblems(src, data, validator());
}
function validationProblems(src, data, validate2, base = [], ignore = () => false) {
  if (validate2(data)) return [];
  const problems = [];
  const missing = /* @__PURE__ */ new Map();
  const errors = collapseAlternatives((validate2.errors ?? []).filter((e) => !ignore(e)));
  const suggested = /* @__PURE__ */ new Set();
  for (const err of errors) {
    if (err.keyword !== "additionalProperties") continue;
    const hint = suggest(
      String(err.params.additionalProperty),
      allowedKeys(asSchemaNode(err.parentSchema))
    );
    if (hint) suggested.add(`${err.instancePath}\0${hint}`);
  }
  for (const err of errors) {
    const plain = err.keyword === "required" && !stringProp(asSchemaNode(err.parentSchema), "errorMessage");
    if (plain && suggested.has(`${err.instancePath}\0${String(err.params.missingProperty)}`))
      continue;
    if (plain && data !== null && typeof data === "object") {
      const list = missing.get(err.instancePath) ?? [];
      list.push(JSON.stringify(String(err.params.missingProperty)));
      missing.set(err.instancePath, list);
      continue;
    }
    const mapped = mapError(err, data);
    if (mapped) {
      problems.push(problemAt(src, [...base, ...mapped.segments], mapped.message, mapped.anchor));
    }
  }
  for (const [pointer, fields] of missing) {
    const message = `missing required field${fields.length > 1 ? "s" : ""} ${fields.join(", ")}`;
    problems.push(problemAt(src, [...base, ...pointerToSegments(pointer, data)], message));
  }
  return problems;
}

// src/pipeline/branch.ts
function branchNameProblem(name) {
  if (name === "") return "a branch name cannot be empty";
  if (name === "HEAD") return '"HEAD" is not a valid branch name';
  if (name === "@") return 'a branch name cannot be the single character "@"';
  if (name.startsWith("-")) return 'a branch name cannot start with "-"';
  if (name.startsWith("refs/")) {
    return `write the branch name without "refs/\u2026", e.g. "${name.replace(/^refs\/(heads\/)?/, "")}"`;
  }
  const bad = [...name].find((ch) => ch <= " " || ch === "\x7F" || "~^:?*[\\".includes(ch));
  if (bad !== void 0) {
    const shown = bad === " " ? "a space" : bad < " " || bad === "\x7F" ? "a control character" : `"${bad}"`;
    return `a branch name cannot contain ${shown}`;
  }
  if (name.includes("..")) return 'a branch name cannot contain ".."';
  if (name.includes("@{")) return 'a branch name cannot contain "@{"';
  if (name.startsWith("/") || name.endsWith("/"))
    return 'a branch name cannot start or end with "/"';
  if (name.includes("//")) return 'a branch name cannot contain "//"';
  if (name.endsWith(".")) return 'a branch name cannot end with "."';
  for (const component of name.split("/")) {
    if (component.startsWith("."))
      return `a branch name component cannot start with "." ("${component}")`;
    if (component.endsWith(".lock"))
      return `a branch name component cannot end with ".lock" ("${component}")`;
  }
  return void 0;
}
function isValidBranchName(name) {
  return branchNameProblem(name) === void 0;
}

// src/pipeline/workspace.ts
import { posix } from "node:path";
function planStage(stage, inflated) {
  return {
    name: stage.name,
    ...stage.branch !== void 0 ? { branch: stage.branch } : {},
    promotionTemplate: {
      vars: stage.promotionTemplate.vars ?? [],
      steps: inflated.map(({ step, vars: vars2 }) => ({
        uses: step.uses ?? "",
        ...step.as !== void 0 ? { as: step.as } : {},
        ...step.config ? { config: step.config } : {},
        vars: [...vars2 ?? [], ...step.vars ?? []]
      }))
    }
  };
}
function generatedBranch(project, stage) {
  return `gantry/promote/${project}/${stage}`;
}
var PATH_FIELDS = ["path", "inPath", "outPath", "outFile", "bodyFromFile"];
var PATH_LISTS = ["paths", "valuesFiles", "inFiles"];
function writes(uses, key) {
  return key === "outPath" || key === "outFile" || key === "path" && uses === "file-write";
}
var CHECKOUT_STEPS = /* @__PURE__ */ new Set(["git-clear", "git-commit", "git-push", "git-tag", "github-push"]);
var NEEDS_CLONE = /* @__PURE__ */ new Set([
  "git-push",
  "github-push",
  "git-tag",
  "git-open-pr",
  "git-wait-for-pr",
  "git-merge-pr"
]);
function normalizeWorkspacePath(p) {
  if (p.includes("\0") || posix.isAbsolute(p.replace(/\\/g, "/")) || /^[A-Za-z]:/.test(p)) {
    return void 0;
  }
  const n = posix.normalize(p.replace(/\\/g, "/"));
  const trimmed = n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
  const out = trimmed === "" ? "." : trimmed;
  return out === ".." || out.startsWith("../") ? void 0 : out;
}
function within(p, dir) {
  return dir === "." || p === dir || p.startsWith(`${dir}/`);
}
function planWorkspace(project, stage) {
  const template = stage.promotionTemplate;
  const steps = template.steps;
  const plan = {
    workspace: steps.some((s) => s.uses === "git-clone"),
    checkouts: [],
    pushes: [],
    pullRequests: [],
    problems: []
  };
  let vars2 = {};
  const env = () => ({ ctx: { project, stage: stage.name }, vars: vars2 });
  for (const v of template.vars ?? []) {
    try {
      vars2[v.name] = renderTemplate(String(v.value), env());
    } catch {
    }
  }
  const known2 = (value) => {
    if (typeof value !== "string") return void 0;
    if (!hasExpression(value)) return value;
    try {
      const out = renderTemplate(value, env());
      return typeof out === "string" ? out : void 0;
    } catch {
      return void 0;
    }
  };
  const stepAt = (i, ...rest) => [
    "promotionTemplate",
    "steps",
    i,
    ...rest
  ];
  const problem = (at, message) => plan.problems.push({ at, message });
  const scratch = [];
  const label = (s, i) => `step ${i + 1} (${s.uses}${s.as ? ` ${JSON.stringify(s.as)}` : ""})`;
  steps.forEach((step, i) => {
    const config = step.config ?? {};
    const saved = vars2;
    vars2 = { ...saved };
    for (const v of step.vars ?? []) {
      let value;
      try {
        value = renderTemplate(String(v.value), env());
      } catch {
        value = void 0;
      }
      const { [v.name]: _shadowed, ...rest } = vars2;
      vars2 = value === void 0 ? rest : { ...rest, [v.name]: value };
    }
    try {
      planStep(step, i, config);
    } finally {
      vars2 = saved;
    }
  });
  function planStep(step, i, config) {
    if (step.uses === "git-clone") {
      const list = Array.isArray(config["checkout"]) ? config["checkout"] : [];
      const repoURL = known2(config["repoURL"]);
      list.forEach((raw, e) => {
        const c = raw ?? {};
        const written = known2(c["path"]);
        if (written === void 0) {
          if (c["path"] !== void 0) {
            problem(
              stepAt(i, "config", "checkout", e, "path"),
              `${label(step, i)}: a checkout path must be known before the promotion runs (a literal, or an expression over ctx.stage and vars)`
            );
          }
          return;
        }
        const path2 = normalizeWorkspacePath(written);
        if (path2 === void 0 || path2 === ".") {
          problem(
            stepAt(i, "config", "checkout", e, "path"),
            `${label(step, i)}: checkout path ${JSON.stringify(written)} ${path2 === "." ? "is the workspace itself; give each checkout its own directory (./src, ./out)" : "leaves the workspace"}`
          );
          return;
        }
        const clash = plan.checkouts.find((o) => within(path2, o.path) || within(o.path, path2));
        if (clash) {
          problem(
            stepAt(i, "config", "checkout", e, "path"),
            `${label(step, i)}: checkout path ${JSON.stringify(written)} ${clash.path === path2 ? "is used twice" : `overlaps the checkout at ./${clash.path}`} (step ${clash.step + 1})`
          );
          return;
        }
        for (const w of scratch.filter((w2) => !w2.reported)) {
          if (within(w.path, path2) || within(path2, w.path)) {
            w.reported = true;
            problem(
              w.at,
              `${w.subject} is where ${label(step, i)} makes its checkout ./${path2}: git-clone needs that directory empty; write it after that step`
            );
          }
        }
        const branch = known2(c["branch"]);
        plan.checkouts.push({
          step: i,
          entry: e,
          path: path2,
          ...repoURL !== void 0 ? { repoURL } : {},
          ...branch !== void 0 ? { branch } : {},
          create: c["create"] === true,
          detached: c["commit"] !== void 0 || c["tag"] !== void 0
        });
      });
      return;
    }
    if (!plan.workspace) {
      if (NEEDS_CLONE.has(step.uses)) {
        problem(
          stepAt(i, "uses"),
          `${label(step, i)}: ${step.uses} works on a checkout that a git-clone step made, and this template has none. Without git-clone, gantry checks out the stage's branch and commits and pushes it itself: remove this step, or add git-clone and the git-commit/git-push that go with it`
        );
      }
      return;
    }
    const before = plan.checkouts.filter((c) => c.step < i);
    const checkPath = (value, at, what, key) => {
      const written = known2(value);
      if (written === void 0) return void 0;
      const path2 = normalizeWorkspacePath(written);
      if (path2 === void 0) {
        problem(at, `${label(step, i)}: ${what} ${JSON.stringify(written)} leaves the workspace`);
        return void 0;
      }
      const checkouts = before.map((c) => `./${c.path}`).join(", ") || "none yet";
      if (CHECKOUT_STEPS.has(step.uses) && what === "path") {
        if (!before.some((c) => c.path === path2)) {
          problem(
            at,
            `${label(step, i)}: path ${JSON.stringify(written)} is not a checkout (checkouts made before this step: ${checkouts})`
          );
          return void 0;
        }
        return path2;
      }
      if (!before.some((c) => within(path2, c.path))) {
        const subject = `${label(step, i)}: ${what} ${JSON.stringify(written)}`;
        if (writes(step.uses, key)) {
          scratch.push({ path: path2, at, subject, checkouts, read: false, reported: false });
          return path2;
        }
        const from = scratch.filter((w) => within(path2, w.path) || within(w.path, path2));
        if (from.length) for (const w of from) w.read = true;
        else {
          problem(
            at,
            `${subject} is outside every checkout (checkouts made before this step: ${checkouts}), and no step before it writes it there`
          );
        }
      }
      return path2;
    };
    let path;
    for (const key of PATH_FIELDS) {
      if (config[key] === void 0) continue;
      const p = checkPath(config[key], stepAt(i, "config", key), key, key);
      if (key === "path") path = p;
    }
    for (const key of PATH_LISTS) {
      const list = config[key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, n) => {
        if (typeof v === "string" && !/[*?[]/.test(v)) {
          checkPath(v, stepAt(i, "config", key, n), `${key}[${n}]`, key);
        }
      });
    }
    if (step.uses === "git-push" || step.uses === "github-push") {
      const checkout = before.find((c) => c.path === path);
      const generated = config["generateTargetBranch"] === true;
      const tag = config["tag"] !== void 0;
      const target = generated ? generatedBranch(project, stage.name) : config["targetBranch"] !== void 0 ? known2(config["targetBranch"]) : tag ? void 0 : checkout?.branch;
      if (config["force"] === true && !generated) {
        problem(
          stepAt(i, "config", "force"),
          `${label(step, i)}: gantry never force-pushes a branch that others may write; drop force (a push that loses a race runs the template again on the new tip), or push with generateTargetBranch: true`
        );
      }
      plan.pushes.push({
        step: i,
        path: path ?? "",
        ...target !== void 0 ? { target } : {},
        generated,
        tag,
        force: config["force"] === true,
        ...checkout?.repoURL !== void 0 ? { repoURL: checkout.repoURL } : {}
      });
    }
    if (step.uses === "git-open-pr") {
      const target = known2(config["targetBranch"]);
      const repoURL = known2(config["repoURL"]);
      plan.pullRequests.push({
        step: i,
        ...target !== void 0 ? { target } : {},
        ...repoURL !== void 0 ? { repoURL } : {}
      });
    }
  }
  for (const w of scratch.filter((w2) => !w2.read && !w2.reported)) {
    problem(
      w.at,
      `${w.subject} is outside every checkout (checkouts made before this step: ${w.checkouts}), and no later step reads it: it would be lost with the workspace; write it into a checkout`
    );
  }
  if (!plan.workspace) {
    if (stage.branch !== void 0) plan.stageBranch = stage.branch;
    return plan;
  }
  decideStageBranch(plan, stage.branch, stepAt, label, steps);
  return plan;
}
function decideStageBranch(plan, declared, stepAt, label, steps) {
  const branchPushes = plan.pushes.filter((p) => !p.tag);
  const prTargets = plan.pullRequests.map((p) => p.target);
  const landing = plan.pullRequests.length ? prTargets : branchPushes.filter((p) => !p.generated).map((p) => p.target);
  if (declared !== void 0) plan.stageBranch = declared;
  else if (landing.length && landing.every((t) => t !== void 0)) {
    const distinct = [...new Set(landing)];
    if (distinct.length === 1) plan.stageBranch = distinct[0];
  }
  const stage = plan.stageBranch;
  if (!branchPushes.length && !plan.pullRequests.length) {
    const tags = plan.pushes.filter((p) => p.tag).map((p) => p.step + 1);
    plan.problems.push({
      at: ["promotionTemplate", "steps"],
      message: tags.length ? `the template clones but pushes only tags (step ${tags.join(" and ")}): nothing it does would reach the branch the stage deploys from; push the checkout of that branch with git-push` : "the template clones but never pushes (no git-push step): nothing it does would reach the branch the stage deploys from"
    });
    return;
  }
  if (stage === void 0) {
    plan.problems.push({
      at: ["promotionTemplate", "steps"],
      message: `gantry cannot tell which branch this stage deploys from: the template ${landing.length ? `lands on ${[...new Set(landing.map((t) => t ?? "(a branch known only when it runs)"))].join(", ")}` : "pushes only to a generated branch"}. Set the stage's branch: (the branch Argo CD or Flux reads), so that gantry reads and writes its state there`
    });
    return;
  }
  for (const pr of plan.pullRequests) {
    for (const push of branchPushes) {
      if (push.target !== void 0 && push.target === (pr.target ?? stage)) {
        plan.problems.push({
          at: stepAt(push.step, "config"),
          message: `${label(steps[push.step] ?? { uses: "git-push" }, push.step)} pushes straight to ${push.target}, the branch that ${label(steps[pr.step] ?? { uses: "git-open-pr" }, pr.step)} opens a pull request into: the pull request would be bypassed. Push to a generated branch (generateTargetBranch: true) and let the merge land it`
        });
      }
    }
  }
  if (!plan.pullRequests.length) {
    const toStage2 = branchPushes.filter((p) => p.target === stage);
    const second = toStage2.find((p, k) => toStage2.slice(0, k).some((q) => q.repoURL === p.repoURL));
    if (second) {
      const both = toStage2.filter((p) => p.repoURL === second.repoURL);
      plan.problems.push({
        at: stepAt(second.step),
        message: `the template pushes to the stage's branch ${stage} twice (steps ${both.map((p) => p.step + 1).join(" and ")}): a promotion is one commit there, carrying the stage's state; push once`
      });
    }
    if (!toStage2.length && branchPushes.every((p) => p.target !== void 0)) {
      plan.problems.push({
        at: ["branch"],
        message: `the stage deploys from ${stage}, but the template never pushes there (it pushes to ${[...new Set(branchPushes.map((p) => p.target))].join(", ")}); fix the stage's branch or the push's targetBranch`
      });
    }
  }
}

// src/pipeline/tasks.ts
var TASK_ALIAS_SEPARATOR = "::";
function defaultAlias(step, index) {
  return step.as ?? `${step.task ? "task" : "step"}-${index + 1}`;
}
function taskNamespace(alias) {
  const parts = alias.split(TASK_ALIAS_SEPARATOR);
  return parts.length === 2 ? parts[0] : void 0;
}
function inflateSteps(raw, stage, stageIndex) {
  const template = stage.promotionTemplate;
  const at = (k, ...rest) => [
    "stages",
    stageIndex,
    "promotionTemplate",
    "steps",
    k,
    ...rest
  ];
  const steps = [];
  const problems = [];
  const tasks = raw.promotionTasks ?? [];
  template.steps.forEach((step, k) => {
    if (!step.task) {
      steps.push({ step, alias: defaultAlias(step, k), vars: [], source: at(k) });
      return;
    }
    const alias = defaultAlias(step, k);
    const kind = step.task.kind ?? "PromotionTask";
    const t = tasks.findIndex(
      (x) => x.name === step.task?.name && (x.kind ?? "PromotionTask") === kind
    );
    const task = tasks[t];
    if (!task) {
      const names = tasks.filter((x) => (x.kind ?? "PromotionTask") === kind).map((x) => x.name);
      problems.push({
        at: at(k, "task", "name"),
        message: `unknown ${kind} ${JSON.stringify(step.task.name)}${names.length ? ` (${kind}s: ${names.join(", ")})` : ` (the project defines no ${kind} in promotionTasks)`}`
      });
      return;
    }
    const fromTemplate = new Set(
      (template.vars ?? []).filter((v) => v.value !== "").map((v) => v.name)
    );
    const fromStep = new Set((step.vars ?? []).filter((v) => v.value !== "").map((v) => v.name));
    const vars2 = [];
    for (const v of task.vars ?? []) {
      if (fromTemplate.has(v.name)) continue;
      if (v.value !== void 0 && v.value !== "") {
        vars2.push({ name: v.name, value: v.value });
        continue;
      }
      if (!fromStep.has(v.name)) {
        problems.push({
          at: at(k, "task"),
          message: `${kind} ${JSON.stringify(task.name)} needs var ${JSON.stringify(v.name)}, which has no default: set it in the template's vars or in this step's vars`
        });
      }
    }
    vars2.push(...step.vars ?? []);
    task.steps.forEach((inner, j) => {
      const source = ["promotionTasks", t, "steps", j];
      if (inner.task) {
        problems.push({
          at: [...source, "task"],
          message: `a promotion task cannot use another task (${JSON.stringify(inner.task.name)}); inline its steps`
        });
        return;
      }
      steps.push({
        step: inner,
        alias: `${alias}${TASK_ALIAS_SEPARATOR}${defaultAlias(inner, j)}`,
        vars: vars2,
        source
      });
    });
  });
  return { steps, problems };
}

// src/pipeline/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/pipeline/semantic.ts
var REGEX_FILTER = /^(regexp?):(.*)$/s;
function semanticProblems(src, raw) {
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  const report = (segments, message) => {
    const key = `${segments.join(".")}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problemAt(src, segments, message));
  };
  checkUniqueNames(src, report, "warehouse", "warehouses", raw.warehouses);
  checkUniqueNames(src, report, "stage", "stages", raw.stages);
  raw.warehouses.forEach((warehouse, w) => {
    const criteria = warehouse.freightCreationCriteria?.expression;
    if (criteria?.trim()) {
      try {
        compileExpr(criteria);
      } catch (err) {
        report(
          ["warehouses", w, "freightCreationCriteria", "expression"],
          `invalid freightCreationCriteria expression: ${errorMessage(err)}`
        );
      }
    }
    warehouse.subscriptions.forEach((sub, s) => {
      const at = ["warehouses", w, "subscriptions", s];
      if (sub.image) checkImage(report, [...at, "image"], sub.image);
      if (sub.chart?.semverConstraint !== void 0) {
        checkConstraint(report, [...at, "chart", "semverConstraint"], sub.chart.semverConstraint);
      }
      if (sub.git) checkGit(report, [...at, "git"], sub.git);
    });
  });
  const warehouseNames = raw.warehouses.map((w) => w.name);
  const stageNames = raw.stages.map((s) => s.name);
  raw.stages.forEach((stage, i) => {
    checkStage(report, raw, stage, i, warehouseNames, stageNames);
  });
  checkCycles(report, raw.stages);
  return problems;
}
function checkUniqueNames(src, report, what, field, items) {
  const first = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const earlier = first.get(item.name);
    if (earlier === void 0) {
      first.set(item.name, i);
    } else {
      const line = lineOf(src, [field, earlier, "name"]);
      const first2 = locate(src, [field, earlier, "name"]).src;
      const where = first2 === src ? `${field}[${earlier}] at line ${line}` : `the one at ${first2.file}:${line}`;
      report(
        [field, i, "name"],
        `duplicate ${what} name ${JSON.stringify(item.name)}: ${where} has the same name`
      );
    }
  });
}
function checkRegexes(report, at, patterns) {
  patterns?.forEach((pattern, i) => checkRegex(report, [...at, i], pattern));
}
function checkRegex(report, at, pattern) {
  try {
    compileRegex(pattern);
  } catch (err) {
    const msg = errorMessage(err);
    report(
      at,
      /regular expression|regexp/i.test(msg) ? msg : `invalid regular expression ${JSON.stringify(pattern)}: ${msg}`
    );
  }
}
function checkConstraint(report, at, text) {
  try {
    parseConstraint(text);
  } catch (err) {
    const msg = errorMessage(err);
    report(
      at,
      /constraint/i.test(msg) ? msg : `invalid semver constraint ${JSON.stringify(text)}: ${msg}`
    );
  }
}
function checkImage(report, at, image) {
  const strategy = image.imageSelectionStrategy ?? "SemVer";
  if (strategy === "SemVer" && image.constraint !== void 0) {
    checkConstraint(report, [...at, "constraint"], image.constraint);
  }
  checkRegexes(report, [...at, "allowTagsRegexes"], image.allowTagsRegexes);
  checkRegexes(report, [...at, "ignoreTagsRegexes"], image.ignoreTagsRegexes);
}
function checkGit(report, at, git) {
  if (git.branch !== void 0) {
    const why = branchNameProblem(git.branch);
    if (why) report([...at, "branch"], `invalid branch name ${JSON.stringify(git.branch)}: ${why}`);
  }
  if (git.semverConstraint !== void 0) {
    checkConstraint(report, [...at, "semverConstraint"], git.semverConstraint);
  }
  checkRegexes(report, [...at, "allowTagsRegexes"], git.allowTagsRegexes);
  checkRegexes(report, [...at, "ignoreTagsRegexes"], git.ignoreTagsRegexes);
  for (const field of ["includePaths", "excludePaths"]) {
    git[field]?.forEach((entry, i) => {
      const m = REGEX_FILTER.exec(entry);
      if (m) checkRegex(report, [...at, field, i], m[2] ?? "");
    });
  }
}
function known(kind, name, names) {
  const hint = didYouMean(name, names);
  return hint || (names.length ? ` (${kind}s: ${names.join(", ")})` : "");
}
function checkStage(report, raw, stage, i, warehouseNames, stageNames) {
  const at = ["stages", i];
  const { steps: inflated, problems: taskProblems } = inflateSteps(raw, stage, i);
  for (const p of taskProblems) report(p.at, p.message);
  stage.promotionTemplate.steps.forEach((step, k) => {
    if (step.uses === void 0 === (step.task === void 0)) {
      report(
        [...at, "promotionTemplate", "steps", k],
        step.uses === void 0 ? "a step needs uses (a built-in step) or task (a promotion task)" : "a step has either uses or task, not both"
      );
    }
  });
  for (const p of planWorkspace(raw.project, planStage(stage, inflated)).problems) {
    const [first, second, index, ...rest] = p.at;
    const source = first === "promotionTemplate" && second === "steps" && typeof index === "number" ? inflated[index]?.source : void 0;
    report(source ? [...source, ...rest] : [...at, ...p.at], p.message);
  }
  if (stage.branch !== void 0) {
    const why = branchNameProblem(stage.branch);
    if (why)
      report([...at, "branch"], `invalid branch name ${JSON.stringify(stage.branch)}: ${why}`);
  }
  const origins = /* @__PURE__ */ new Map();
  stage.requestedFreight.forEach((request, r) => {
    const rat = [...at, "requestedFreight", r];
    const origin = request.origin.name;
    if (!warehouseNames.includes(origin)) {
      report(
        [...rat, "origin", "name"],
        `unknown warehouse ${JSON.stringify(origin)}${known("warehouse", origin, warehouseNames)}`
      );
    }
    const earlier = origins.get(origin);
    if (earlier !== void 0) {
      report(
        [...rat, "origin", "name"],
        `warehouse ${JSON.stringify(origin)} is requested twice by stage ${JSON.stringify(stage.name)} (also requestedFreight[${earlier}])`
      );
    } else {
      origins.set(origin, r);
    }
    const upstream = request.sources.stages ?? [];
    if (request.sources.direct !== true && upstream.length === 0) {
      report(
        [...rat, "sources"],
        "sources must set direct: true (take freight from the warehouse) or list upstream stages in stages"
      );
    }
    if (request.sources.autoPromotionOptions?.selectionPolicy === "MatchUpstream" && (request.sources.direct === true || upstream.length !== 1)) {
      report(
        [...rat, "sources", "autoPromotionOptions", "selectionPolicy"],
        `MatchUpstream takes the freight of exactly one upstream stage; this request ${request.sources.direct === true ? "takes freight from the warehouse directly" : `lists ${upstream.length} upstream stages`}: use NewestFreight, or list one stage in stages`
      );
    }
    upstream.forEach((name, u) => {
      const sat = [...rat, "sources", "stages", u];
      if (name === stage.name) {
        report(sat, `stage ${JSON.stringify(name)} cannot take freight from itself`);
        return;
      }
      const target = raw.stages.find((s) => s.name === name);
      if (!target) {
        report(
          sat,
          `unknown stage ${JSON.stringify(name)}${known(
            "stage",
            name,
            stageNames.filter((n) => n !== stage.name)
          )}`
        );
        return;
      }
      if (!target.requestedFreight.some((req) => req.origin.name === origin)) {
        report(
          sat,
          `upstream stage ${JSON.stringify(name)} does not request freight from warehouse ${JSON.stringify(origin)}, so it can never pass that freight on`
        );
      }
    });
  });
  checkMetrics(report, [...at, "verification"], stage.verification ?? []);
  const aliases = /* @__PURE__ */ new Map();
  stage.promotionTemplate.steps.forEach((step, s) => {
    if (step.as === void 0) return;
    const earlier = aliases.get(step.as);
    if (earlier !== void 0) {
      report(
        [...at, "promotionTemplate", "steps", s, "as"],
        `duplicate step alias ${JSON.stringify(step.as)}: steps[${earlier}] already uses it`
      );
    } else {
      aliases.set(step.as, s);
    }
  });
}
function checkMetrics(report, at, metrics) {
  const names = /* @__PURE__ */ new Map();
  metrics.forEach((metric, i) => {
    const mat = [...at, i];
    const earlier = names.get(metric.name);
    if (earlier !== void 0) {
      report(
        [...mat, "name"],
        `duplicate verification metric name ${JSON.stringify(metric.name)}: verification[${earlier}] already uses it`
      );
    } else {
      names.set(metric.name, i);
    }
    const count = metric.count ?? 1;
    for (const field of ["failureLimit", "inconclusiveLimit"]) {
      const limit = metric[field];
      if (limit === void 0 || count >= limit) continue;
      if (metric.count !== void 0) {
        report([...mat, "count"], `count (${count}) must be at least ${field} (${limit})`);
      } else {
        const forever = metric.interval !== void 0 ? " (Argo Rollouts measures forever when interval is set without count; a verification must end)" : "";
        report(
          [...mat, field],
          `${field} (${limit}) needs count set to at least ${limit}: without count gantry takes 1 measurement${forever}`
        );
      }
    }
    if (count > 1 && metric.interval === void 0) {
      report(
        [...mat, "count"],
        `interval must be set when count is more than 1 (the time between measurements, e.g. interval: 30s)`
      );
    }
    for (const field of ["successCondition", "failureCondition"]) {
      const source = metric[field];
      if (source === void 0 || hasExpression(source)) continue;
      try {
        compileExpr(source);
      } catch (err) {
        report([...mat, field], `invalid ${field}: ${errorMessage(err)}`);
      }
    }
  });
}
function checkCycles(report, stages) {
  const index = /* @__PURE__ */ new Map();
  stages.forEach((s, i) => {
    if (!index.has(s.name)) index.set(s.name, i);
  });
  const upstreams = stages.map((s) => {
    const out = /* @__PURE__ */ new Set();
    for (const req of s.requestedFreight) {
      for (const name of req.sources.stages ?? []) {
        const j = index.get(name);
        if (j !== void 0 && stages[j]?.name !== s.name) out.add(j);
      }
    }
    return [...out];
  });
  const state = new Array(stages.length).fill(0);
  const stack = [];
  const reported = /* @__PURE__ */ new Set();
  const visit2 = (i) => {
    state[i] = 1;
    stack.push(i);
    for (const j of upstreams[i] ?? []) {
      if (state[j] === 1) {
        const loop = stack.slice(stack.indexOf(j));
        const flow = [...loop].reverse();
        const start = flow.indexOf(Math.min(...flow));
        const rotated = [...flow.slice(start), ...flow.slice(0, start)];
        const key = rotated.join(",");
        const first = rotated[0];
        const feeder = rotated.at(-1);
        if (!reported.has(key) && first !== void 0 && feeder !== void 0) {
          reported.add(key);
          const names = [...rotated, first].map((k) => stages[k]?.name ?? "?");
          report(entryFor(stages, first, feeder), `stages form a cycle: ${names.join(" -> ")}`);
        }
      } else if (state[j] === 0) {
        visit2(j);
      }
    }
    stack.pop();
    state[i] = 2;
  };
  stages.forEach((_, i) => {
    if (state[i] === 0) visit2(i);
  });
}
function entryFor(stages, i, j) {
  const target = stages[j]?.name ?? "";
  for (const [r, request] of (stages[i]?.requestedFreight ?? []).entries()) {
    const u = (request.sources.stages ?? []).indexOf(target);
    if (u >= 0) return ["stages", i, "requestedFreight", r, "sources", "stages", u];
  }
  return ["stages", i, "name"];
}

// src/pipeline/parse.ts
var PROJECT_FILE_LIMITS = {
  /** Bytes of one file (1 MiB). */
  bytes: 1024 * 1024,
  /** YAML nodes (mappings, sequences, scalars, aliases) of one file. */
  nodes: 5e4,
  /** Alias expansions when reading it (the yaml package's `maxAliasCount`). */
  aliases: 1e3
};
var grouped = (n) => n.toLocaleString("en-US");
var sources = /* @__PURE__ */ new WeakMap();
function sourceOf(project) {
  return sources.get(project);
}
function yamlProblem(src, err) {
  const { line, col } = src.lineCounter.linePos(err.pos[0]);
  const message = err.code === "MULTIPLE_DOCS" ? 'a project file holds exactly one YAML document: remove the "---" separator and put other projects in their own .gantry/<project>.yaml' : `YAML syntax error: ${err.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`;
  return { file: src.file, line, column: col, path: "", message };
}
function parseProjectFile(file, text) {
  const top = { file, line: 1, column: 1, path: "" };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > PROJECT_FILE_LIMITS.bytes) return { problems: [tooLarge(file, bytes)] };
  const lineCounter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, {
    lineCounter,
    prettyErrors: false,
    merge: true,
    uniqueKeys: true
  });
  const src = { file, doc, lineCounter };
  if (doc.errors.length) {
    return { problems: tidyProblems(doc.errors.map((e) => yamlProblem(src, e))) };
  }
  let nodes = 0;
  (0, import_yaml2.visit)(doc, {
    Node() {
      return ++nodes > PROJECT_FILE_LIMITS.nodes ? import_yaml2.visit.BREAK : void 0;
    }
  });
  if (nodes > PROJECT_FILE_LIMITS.nodes) {
    return {
      problems: [
        {
          ...top,
          message: `the file holds more than ${grouped(PROJECT_FILE_LIMITS.nodes)} YAML nodes, gantry's cap for a project file: split it, one project per file`
        }
      ]
    };
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
  } catch (err) {
    return {
      problems: [
        {
          file,
          ...positionOf(src, void 0),
          path: "",
          message: `cannot read YAML: its aliases (*name) expand beyond gantry's cap of ${grouped(PROJECT_FILE_LIMITS.aliases)} alias expansions for a project file (${err instanceof Error ? err.message : String(err)})`
        }
      ]
    };
  }
  return projectFromData(src, data);
}
function projectFromData(src, data) {
  const schemaErrors = schemaProblems(src, data);
  if (schemaErrors.length) return { problems: tidyProblems(schemaErrors) };
  const raw = data;
  const semantic = semanticProblems(src, raw);
  if (semantic.length) return { problems: tidyProblems(semantic) };
  const project = toProject(src.file, raw);
  sources.set(project, src);
  return { project, problems: [] };
}
function tooLarge(file, bytes) {
  return {
    file,
    line: 1,
    column: 1,
    path: "",
    message: `the file is ${grouped(bytes)} bytes, over gantry's cap of ${grouped(PROJECT_FILE_LIMITS.bytes)} bytes (1 MiB) for a project file: split it, one project per file`
  };
}
function vars(list) {
  return (list ?? []).map((v) => ({ name: v.name, value: v.value }));
}
function toSubscription(sub) {
  if (sub.image) {
    const i = sub.image;
    return {
      kind: "image",
      image: {
        repoURL: i.repoURL,
        ...i.name !== void 0 && { name: i.name },
        imageSelectionStrategy: i.imageSelectionStrategy ?? "SemVer",
        ...i.constraint !== void 0 && { constraint: i.constraint },
        strictSemvers: i.strictSemvers ?? true,
        allowTagsRegexes: i.allowTagsRegexes ?? [],
        ignoreTagsRegexes: i.ignoreTagsRegexes ?? [],
        ...i.platform !== void 0 && { platform: i.platform },
        discoveryLimit: i.discoveryLimit ?? 20,
        insecureSkipTLSVerify: i.insecureSkipTLSVerify ?? false
      }
    };
  }
  if (sub.chart) {
    const c = sub.chart;
    return {
      kind: "chart",
      chart: {
        repoURL: c.repoURL,
        ...c.name !== void 0 && { name: c.name },
        ...c.semverConstraint !== void 0 && { semverConstraint: c.semverConstraint },
        discoveryLimit: c.discoveryLimit ?? 20
      }
    };
  }
  if (sub.git) {
    const g = sub.git;
    return {
      kind: "git",
      git: {
        repoURL: g.repoURL,
        ...g.name !== void 0 && { name: g.name },
        commitSelectionStrategy: g.commitSelectionStrategy ?? "NewestFromBranch",
        ...g.branch !== void 0 && { branch: g.branch },
        strictSemvers: g.strictSemvers ?? true,
        ...g.semverConstraint !== void 0 && { semverConstraint: g.semverConstraint },
        allowTagsRegexes: g.allowTagsRegexes ?? [],
        ignoreTagsRegexes: g.ignoreTagsRegexes ?? [],
        ...g.expressionFilter !== void 0 && { expressionFilter: g.expressionFilter },
        includePaths: g.includePaths ?? [],
        excludePaths: g.excludePaths ?? [],
        discoveryLimit: g.discoveryLimit ?? 20,
        insecureSkipTLSVerify: g.insecureSkipTLSVerify ?? false
      }
    };
  }
  throw new Error("internal: subscription without image, chart or git passed the schema");
}
function toWarehouse(w) {
  return {
    name: w.name,
    freightCreationPolicy: w.freightCreationPolicy ?? "Automatic",
    ...w.freightCreationCriteria?.expression?.trim() && {
      freightCreationCriteria: w.freightCreationCriteria.expression.trim()
    },
    ...w.interval !== void 0 && { interval: w.interval },
    subscriptions: w.subscriptions.map(toSubscription)
  };
}
function toRequest(r) {
  const soak = r.sources.requiredSoakTime;
  return {
    origin: { kind: "Warehouse", name: r.origin.name },
    sources: {
      direct: r.sources.direct ?? false,
      stages: r.sources.stages ?? [],
      ...soak !== void 0 && {
        requiredSoakTime: soak,
        requiredSoakTimeMs: parseDuration(soak)
      },
      availabilityStrategy: r.sources.availabilityStrategy ?? "OneOf",
      ...r.sources.autoPromotionOptions?.selectionPolicy === "MatchUpstream" && {
        selectionPolicy: "MatchUpstream"
      }
    }
  };
}
function toStep(s, alias, extraVars, source) {
  const retry = s.retry && {
    ...s.retry.timeout !== void 0 && { timeoutMs: parseDuration(s.retry.timeout) },
    ...s.retry.errorThreshold !== void 0 && { errorThreshold: s.retry.errorThreshold }
  };
  return {
    uses: s.uses ?? "",
    ...s.as !== void 0 && { as: s.as },
    alias,
    source,
    ...s.if !== void 0 && { if: s.if },
    config: s.config ?? {},
    continueOnError: s.continueOnError ?? false,
    vars: vars([...extraVars, ...s.vars ?? []]),
    ...retry && { retry }
  };
}
var PROVIDER_ALIASES = { web: "http" };
var DEFAULT_MEASUREMENT_TIMEOUT = "5m";
function toMetric(m) {
  const [key, config] = Object.entries(m.provider)[0] ?? ["", {}];
  const timeout = m.timeout ?? DEFAULT_MEASUREMENT_TIMEOUT;
  return {
    name: m.name,
    provider: { name: PROVIDER_ALIASES[key] ?? key, config },
    ...m.successCondition !== void 0 && { successCondition: m.successCondition },
    ...m.failureCondition !== void 0 && { failureCondition: m.failureCondition },
    ...m.initialDelay !== void 0 && {
      initialDelay: m.initialDelay,
      initialDelayMs: parseDuration(m.initialDelay)
    },
    ...m.interval !== void 0 && {
      interval: m.interval,
      intervalMs: parseDuration(m.interval)
    },
    count: m.count ?? 1,
    failureLimit: m.failureLimit ?? 0,
    inconclusiveLimit: m.inconclusiveLimit ?? 0,
    consecutiveErrorLimit: m.consecutiveErrorLimit ?? 4,
    timeout,
    timeoutMs: parseDuration(timeout)
  };
}
function toStage(raw, s, index) {
  const inflated = inflateSteps(raw, s, index).steps;
  const branch = s.branch ?? planWorkspace(raw.project, planStage(s, inflated)).stageBranch;
  return {
    name: s.name,
    ...branch !== void 0 && { branch },
    environment: s.environment ?? s.name,
    ...s.environmentUrl !== void 0 ? { environmentUrl: s.environmentUrl } : {},
    requestedFreight: s.requestedFreight.map(toRequest),
    autoPromotion: s.autoPromotion ?? false,
    promotionTemplate: {
      mode: s.promotionTemplate.mode ?? "direct",
      vars: vars(s.promotionTemplate.vars),
      steps: inflated.map((x) => toStep(x.step, x.alias, x.vars, x.source))
    },
    verification: (s.verification ?? []).map(toMetric)
  };
}
function toProject(file, raw) {
  return {
    name: raw.project,
    file,
    warehouses: raw.warehouses.map(toWarehouse),
    stages: raw.stages.map((s, i) => toStage(raw, s, i))
  };
}

// src/pipeline/kargo-files.ts
var import_yaml3 = __toESM(require_dist(), 1);
function normalizeKargoDir(dir) {
  return dir.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}
function isKargoFile(text) {
  return /^kargo\s*:/m.test(text);
}
function kargoDirOf(text) {
  if (!isKargoFile(text)) return void 0;
  const doc = (0, import_yaml3.parseDocument)(text);
  if (doc.errors.length || !(0, import_yaml3.isMap)(doc.contents)) return void 0;
  const value = doc.get("kargo");
  if (typeof value !== "string" || value.trim() === "") return void 0;
  const dir = normalizeKargoDir(value.trim());
  return dir === "" || dir.startsWith("/") || /(^|\/)\.\.(\/|$)/.test(dir) ? void 0 : dir;
}
function kargoDirsOf(files) {
  const dirs = files.map((f) => kargoDirOf(f.text)).filter((d) => d !== void 0);
  return [...new Set(dirs)].sort();
}

export {
  TASK_ALIAS_SEPARATOR,
  taskNamespace,
  locate,
  formatPath,
  pointerToSegments,
  findNode,
  positionOf,
  problemAt,
  tidyProblems,
  generatedBranch,
  normalizeWorkspacePath,
  planWorkspace,
  projectSchema,
  validationProblems,
  branchNameProblem,
  isValidBranchName,
  PROJECT_FILE_LIMITS,
  sourceOf,
  parseProjectFile,
  projectFromData,
  tooLarge,
  normalizeKargoDir,
  isKargoFile,
  kargoDirOf,
  kargoDirsOf
};
