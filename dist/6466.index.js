export const id = 6466;
export const ids = [6466];
export const modules = {

/***/ 3574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintCommand: () => (/* binding */ lintCommand)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/verification/index.ts + 8 modules
var verification = __webpack_require__(2779);
// EXTERNAL MODULE: ./src/promotion/steps/registry.ts + 38 modules
var registry = __webpack_require__(8517);
// EXTERNAL MODULE: ./src/pipeline/source.ts
var pipeline_source = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/app/repo.ts
var repo = __webpack_require__(5271);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/pipeline/parse.ts + 2 modules
var parse = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/expr/index.ts + 13 modules
var expr = __webpack_require__(1750);
// EXTERNAL MODULE: ./src/pipeline/schema.ts + 2 modules
var schema = __webpack_require__(5215);
// EXTERNAL MODULE: ./src/promotion/steps/engine.ts
var engine = __webpack_require__(6427);
// EXTERNAL MODULE: ./src/pipeline/tasks.ts
var pipeline_tasks = __webpack_require__(5800);
// EXTERNAL MODULE: ./src/urls/index.ts
var urls = __webpack_require__(6066);
// EXTERNAL MODULE: ./src/verification/templates.ts
var templates = __webpack_require__(8640);
;// CONCATENATED MODULE: ./src/status/lint-strict.ts
/**
 * `gantry lint`'s checks of what a promotion or a verification will evaluate, before anything
 * runs:
 * - each step's `config` against the step's JSON schema (unknown fields with a did-you-mean,
 *   missing and mistyped fields), where a string holding `${{ }}` stands for any type;
 * - every `${{ }}` of every step config, `if`, var and verification metric: syntax, unknown
 *   functions, argument counts, unknown `vars`/`outputs`/`ctx` names and fields the freight
 *   functions' structs do not have (`commitFrom(x).Tga`), and freight lookups no requested
 *   warehouse can answer (`imageFrom("ghcr.io/acme/ehco")`), each at its line and column in the
 *   project file.
 */










function varsType(names) {
    return (0,expr/* structOf */.Tb)('vars', Object.fromEntries(names.map((n) => [n, expr/* ANY */.x4])), (field, known) => `unknown var ${JSON.stringify(field)}${(0,suggest/* didYouMean */.au)(field, known)}${known.length ? ` (vars here: ${known.join(', ')})` : ' (no vars are defined here)'}`);
}
function outputsType(aliases) {
    return (0,expr/* structOf */.Tb)('outputs', Object.fromEntries(aliases.map((a) => [a, expr/* ANY */.x4])), (field, known) => `no earlier step has the alias ${JSON.stringify(field)}${(0,suggest/* didYouMean */.au)(field, known)}${known.length ? ` (earlier steps: ${known.join(', ')})` : ' (no step runs before this one)'}`);
}
function checker(src, text) {
    const problems = [];
    const report = (segments, source, offset, message, 
    /** The opening delimiter before `source` in the file (`${{`), '' for a bare expression. */
    open = '') => {
        // A project read from Kargo's manifests reports in the manifest that holds the field.
        const where = (0,pipeline_source/* locate */.x5)(src, segments);
        const node = (0,pipeline_source/* findNode */.cy)(where.src, where.segments).value;
        const start = (0,dist.isScalar)(node) ? node.range?.[0] : undefined;
        let at = start;
        if (start !== undefined) {
            // The scalar's text in the file; where the expression appears in it verbatim (a plain or
            // block scalar, or a quoted one without escapes), point at the exact character.
            const raw = (where.src === src ? text : (where.src.text ?? '')).slice(start, node?.range?.[1] ?? start);
            const i = raw.indexOf(open + source);
            at = i >= 0 ? start + i + open.length + offset : start;
        }
        const pos = at === undefined ? { line: 1, col: 1 } : where.src.lineCounter.linePos(at);
        const shown = source.trim();
        problems.push({
            file: where.src.file,
            line: pos.line,
            column: pos.col,
            path: (0,pipeline_source/* formatPath */.jV)(where.segments),
            message: `${message} in \${{ ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown} }}`,
        });
    };
    const check = (segments, value, env, bare = false) => {
        if (bare) {
            for (const p of (0,expr/* checkExpression */.l4)(value, env))
                report(segments, value, p.offset, p.message);
            return;
        }
        const withTemplate = {
            ...env,
            functions: { ...env.functions, ...expr/* TEMPLATE_SIGNATURES */.f8 },
        };
        for (const e of (0,expr/* templateExpressions */.A_)(value)) {
            const open = value.slice(e.offset - 3, e.offset);
            if (e.unclosed) {
                report(segments, e.source, 0, `unclosed expression: no closing delimiter for ${open}`, open);
                continue;
            }
            for (const p of (0,expr/* checkExpression */.l4)(e.source, withTemplate)) {
                report(segments, e.source, p.offset, p.message, open);
            }
        }
    };
    const checkAll = (segments, value, env, depth = 0) => {
        if (depth > 100)
            return;
        if (typeof value === 'string') {
            if ((0,expr/* hasExpression */.xS)(value))
                check(segments, value, env);
        }
        else if (Array.isArray(value)) {
            value.forEach((v, i) => checkAll([...segments, i], v, env, depth + 1));
        }
        else if (value !== null && typeof value === 'object') {
            for (const [k, v] of Object.entries(value))
                checkAll([...segments, k], v, env, depth + 1);
        }
    };
    return { problems, check, checkAll };
}
/**
 * `imageFrom("…")`, `chartFrom("…")`, `commitFrom("…")` and `warehouse("…")` with literal
 * arguments: is there a subscription (or a warehouse) among those the stage requests freight
 * from? A misspelt repository URL would find nothing and yield nil when the promotion runs.
 */
function freightLookups(project, stage) {
    const requested = stage.requestedFreight.map((r) => r.origin.name);
    const warehouses = project.warehouses.filter((w) => requested.includes(w.name));
    const subscriptions = warehouses.flatMap((w) => w.subscriptions);
    const lookups = {
        imageFrom: { kind: 'image', norm: urls/* normalizeImageURL */.Eq },
        chartFrom: { kind: 'chart', norm: urls/* normalizeChartURL */.D$ },
        commitFrom: { kind: 'git', norm: urls/* normalizeGitURL */.Pn },
    };
    const urlOf = (s) => s.kind === 'image' ? s.image.repoURL : s.kind === 'chart' ? s.chart.repoURL : s.git.repoURL;
    return (name, args) => {
        if (name === 'warehouse') {
            const w = args[0];
            if (w === undefined || requested.includes(w))
                return undefined;
            return `stage ${JSON.stringify(stage.name)} requests no freight from warehouse ${JSON.stringify(w)}${(0,suggest/* didYouMean */.au)(w, requested)} (it requests: ${requested.join(', ')})`;
        }
        const lookup = lookups[name];
        const url = args[0];
        if (!lookup || url === undefined)
            return undefined;
        let want;
        try {
            want = lookup.norm(url);
        }
        catch {
            return undefined; // the run reports a URL it cannot read
        }
        const known = subscriptions.filter((s) => s.kind === lookup.kind).map(urlOf);
        if (known.some((k) => k === url || safeNorm(lookup.norm, k) === want))
            return undefined;
        const what = { image: 'image', chart: 'chart', git: 'git repository' }[lookup.kind];
        const whats = { image: 'images', chart: 'charts', git: 'git repositories' }[lookup.kind];
        return `no warehouse stage ${JSON.stringify(stage.name)} requests freight from subscribes to the ${what} ${JSON.stringify(url)}${(0,suggest/* didYouMean */.au)(url, known)}, so ${name}() would return nil${known.length ? ` (${whats}: ${known.join(', ')})` : ''}`;
    };
}
function safeNorm(norm, url) {
    try {
        return norm(url);
    }
    catch {
        return undefined;
    }
}
function stageExpressions(src, c, project, stage, i) {
    const functions = {
        ...expr/* FREIGHT_SIGNATURES */.E_,
        ...engine/* STATUS_SIGNATURES */.Fd,
        ...engine/* DATA_SIGNATURES */.RU,
        ...engine/* NOTES_SIGNATURES */.gF,
    };
    const checkCall = freightLookups(project, stage);
    const template = stage.promotionTemplate;
    const at = ['stages', i, 'promotionTemplate'];
    const varNames = (vars) => vars.map((v) => v.name);
    // Template vars see ctx and the vars before them.
    template.vars.forEach((v, k) => {
        const env = {
            names: { vars: varsType(varNames(template.vars.slice(0, k))), ctx: engine/* STEP_CTX_TYPE */.Iq },
            functions,
            checkCall,
            unsupported: engine/* UNSUPPORTED_FUNCTIONS */.Uw,
        };
        c.check([...at, 'vars', k, 'value'], String(v.value), env);
    });
    const templateVars = varNames(template.vars);
    template.steps.forEach((step, s) => {
        // A step inflated from a promotion task is checked where the task writes it.
        const sat = step.source ?? [...at, 'steps', s];
        const alias = (0,engine/* stepAlias */.N_)(step, s);
        const earlier = template.steps.slice(0, s).map((x, j) => (0,engine/* stepAlias */.N_)(x, j));
        const ns = (0,pipeline_tasks/* taskNamespace */.P)(alias);
        const inTask = ns === undefined
            ? []
            : earlier.filter((a) => (0,pipeline_tasks/* taskNamespace */.P)(a) === ns).map((a) => a.slice(ns.length + 2));
        // A task's compose-output makes outputs.<task alias>.
        const tasks = [
            ...new Set(earlier.map(pipeline_tasks/* taskNamespace */.P).filter((x) => x !== undefined)),
        ];
        const base = {
            ctx: engine/* STEP_CTX_TYPE */.Iq,
            outputs: outputsType([...earlier, ...tasks]),
            ...(ns !== undefined ? { task: (0,expr/* structOf */.Tb)('task', { outputs: outputsType(inTask) }) } : {}),
        };
        step.vars.forEach((v, k) => {
            const env = {
                names: {
                    ...base,
                    vars: varsType([...templateVars, ...varNames(step.vars.slice(0, k))]),
                },
                functions,
                checkCall,
                unsupported: engine/* UNSUPPORTED_FUNCTIONS */.Uw,
            };
            c.check([...sat, 'vars', k, 'value'], String(v.value), env);
        });
        const env = {
            names: { ...base, vars: varsType([...templateVars, ...varNames(step.vars)]) },
            functions,
            checkCall,
            unsupported: engine/* UNSUPPORTED_FUNCTIONS */.Uw,
        };
        if (step.if !== undefined && step.if.trim() !== '') {
            c.check([...sat, 'if'], step.if, env, !(0,expr/* hasExpression */.xS)(step.if));
        }
        c.checkAll([...sat, 'config'], step.config, env);
    });
    stage.verification.forEach((metric, m) => {
        const mat = ['stages', i, 'verification', m];
        const env = {
            names: { ctx: templates/* METRIC_CTX_TYPE */.CY, env: expr/* ANY */.x4 },
            functions: { ...expr/* FREIGHT_SIGNATURES */.E_, ...engine/* NOTES_SIGNATURES */.gF },
            checkCall,
        };
        // The provider's config sits under its key as written (`web:` is read as `http`).
        const provider = (0,pipeline_source/* locate */.x5)(src, [...mat, 'provider']);
        const written = (0,pipeline_source/* findNode */.cy)(provider.src, provider.segments).value;
        const first = (0,dist.isMap)(written) ? written.items[0]?.key : undefined;
        const key = (0,dist.isScalar)(first) ? String(first.value) : metric.provider.name;
        c.checkAll([...mat, 'provider', key], metric.provider.config, env);
        for (const field of ['successCondition', 'failureCondition']) {
            const source = metric[field];
            if (source !== undefined && (0,expr/* hasExpression */.xS)(source))
                c.check([...mat, field], source, env);
        }
    });
}
let lint_strict_ajv;
const validators = new WeakMap();
function validatorFor(schema) {
    let v = validators.get(schema);
    if (!v) {
        lint_strict_ajv ??= new ajv.Ajv({ allErrors: true, verbose: true, strict: false });
        v = lint_strict_ajv.compile(schema);
        validators.set(schema, v);
    }
    return v;
}
/** An error about a string that holds an expression: its type is only known once rendered. */
function aboutExpression(config) {
    return (err) => {
        if (err.keyword === 'required' || err.keyword === 'additionalProperties')
            return false;
        let cur = config;
        for (const seg of (0,pipeline_source/* pointerToSegments */.vH)(err.instancePath, config)) {
            cur =
                cur !== null && typeof cur === 'object'
                    ? cur[seg]
                    : undefined;
        }
        return typeof cur === 'string' && (0,expr/* hasExpression */.xS)(cur);
    };
}
function stageSchemas(src, stage, i, steps) {
    const problems = [];
    stage.promotionTemplate.steps.forEach((step, s) => {
        const definition = steps.get(step.uses);
        if (!definition)
            return; // lint.ts reports the unknown step
        const at = [
            ...(step.source ?? ['stages', i, 'promotionTemplate', 'steps', s]),
            'config',
        ];
        const validate = validatorFor(definition.schema);
        for (const p of (0,schema/* validationProblems */.gw)(src, step.config, validate, at, aboutExpression(step.config))) {
            problems.push({ ...p, message: `${step.uses}: ${p.message}` });
        }
    });
    return problems;
}
/** Every problem of the checks above in one project file (`text` is the file's content). */
function strictProblems(src, text, project, steps) {
    const c = checker(src, text);
    const problems = [];
    project.stages.forEach((stage, i) => {
        problems.push(...stageSchemas(src, stage, i, steps));
        stageExpressions(src, c, project, stage, i);
    });
    // Stages that share a template through a YAML alias would repeat each problem of the anchor's
    // text; report each place in the file once.
    const seen = new Set();
    return [...problems, ...c.problems].filter((p) => {
        const id = `${p.line}:${p.column}:${p.message}`;
        if (seen.has(id))
            return false;
        seen.add(id);
        return true;
    });
}

// EXTERNAL MODULE: ./src/verification/analysis.ts
var analysis = __webpack_require__(7453);
;// CONCATENATED MODULE: ./src/status/lint.ts
/**
 * Checks `gantry lint` adds to the loader's: what the schema cannot know because it depends on
 * what this gantry build has, the promotion steps and the verification providers. Each problem
 * points at the file, line and field, like the loader's own.
 */






/**
 * Kargo steps gantry has no equivalent for, with why and what to write instead: a team moving
 * over reads this from lint rather than "unknown step".
 */
const KARGO_ONLY_STEPS = {
    'send-message': "send-message posts through a Kargo MessageChannel, a resource in Kargo's cluster that gantry does not have: post to the chat's API with an http step (Slack: POST https://slack.com/api/chat.postMessage with Authorization: Bearer ${{ secret('slack').token }})",
};
function runtimeProblems(files, projects, steps, providers) {
    const problems = [];
    for (const project of projects) {
        const text = files.find((f) => f.file === project.file)?.text;
        if (text === undefined)
            continue;
        // A project read from Kargo's manifests carries the map back to them.
        const loaded = (0,parse/* sourceOf */.vz)(project);
        const lineCounter = new dist.LineCounter();
        const src = loaded?.redirect
            ? loaded
            : { file: project.file, doc: (0,dist.parseDocument)(text, { lineCounter, merge: true }), lineCounter };
        const known = [...steps.keys()].sort();
        problems.push(...strictProblems(src, text, project, steps));
        project.stages.forEach((stage, i) => {
            stage.promotionTemplate.steps.forEach((step, j) => {
                if (steps.has(step.uses))
                    return;
                problems.push((0,pipeline_source/* problemAt */.l4)(src, [...(step.source ?? ['stages', i, 'promotionTemplate', 'steps', j]), 'uses'], KARGO_ONLY_STEPS[step.uses] ??
                    `unknown step ${JSON.stringify(step.uses)}${(0,suggest/* didYouMean */.au)(step.uses, known)}; gantry has ${known.join(', ')}`));
            });
            stage.verification.forEach((metric, k) => {
                for (const message of (0,analysis/* checkMetricConfigs */.ur)([metric], providers)) {
                    problems.push((0,pipeline_source/* problemAt */.l4)(src, ['stages', i, 'verification', k, 'provider'], message));
                }
            });
        });
    }
    return (0,pipeline_source/* tidyProblems */.zf)(problems);
}

;// CONCATENATED MODULE: ./src/status/workflow-lint.ts
/**
 * `gantry lint` over `.github/workflows/*`: the workflows that run gantry's promote action must
 * run each promotion under the GitHub environment the project names for its stage, and offer the
 * stages the projects have. A job whose `environment:` drifted from the project file is a
 * production gate that does not gate; this finds it before a run does (the promote action refuses
 * such a run too, but only once someone starts it).
 */



/** `<owner>/gantry/promote@ref`, or the root action `<owner>/gantry@ref` (then `command:`). */
const GANTRY_USES = /^[\w.-]+\/gantry(?:\/([\w-]+))?@\S+$/;
/** `${{ inputs.x }}` or `${{ github.event.inputs.x }}`: the workflow_dispatch input `x`. */
const INPUT_EXPR = /^\$\{\{\s*(?:github\.event\.)?inputs\.([\w-]+)\s*\}\}$/;
const NEEDS_EXPR = /^\$\{\{\s*needs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/;
const STEP_OUTPUT_EXPR = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/;
function get(value, key) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value[key]
        : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
function stepsOf(job) {
    const steps = get(job, 'steps');
    if (!Array.isArray(steps))
        return [];
    return steps.map((s, index) => {
        const w = get(s, 'with');
        return {
            index,
            id: str(get(s, 'id')),
            uses: str(get(s, 'uses')),
            with: w !== null && typeof w === 'object' ? w : {},
        };
    });
}
/** Which gantry command a step runs, if it is one of gantry's actions. */
function gantryCommand(step) {
    const m = GANTRY_USES.exec(step.uses ?? '');
    if (!m)
        return undefined;
    return m[1] ?? str(step.with.command);
}
/** The job's environment name as written (`environment: x` or `environment: {name: x}`). */
function environmentOf(job) {
    const env = get(job, 'environment');
    return str(env) ?? str(get(env, 'name'));
}
/** Whether `${{ needs.J.outputs.O }}` is the environment gantry's `environment` command said. */
function isGantryEnvironment(jobs, expr) {
    const [, jobId, outputName] = NEEDS_EXPR.exec(expr) ?? [];
    if (!jobId || !outputName)
        return false;
    const job = get(jobs, jobId);
    const output = str(get(get(job, 'outputs'), outputName));
    const step = STEP_OUTPUT_EXPR.exec(output ?? '');
    if (!step || step[2] !== 'environment')
        return false;
    return stepsOf(job).some((s) => s.id === step[1] && gantryCommand(s) === 'environment');
}
/** A workflow_dispatch choice input's options. */
function choiceInput(doc, name) {
    const input = get(get(get(get(doc, 'on'), 'workflow_dispatch'), 'inputs'), name);
    const options = get(input, 'options');
    if (get(input, 'type') !== 'choice' || !Array.isArray(options))
        return undefined;
    return {
        options: options.map(String),
        path: ['on', 'workflow_dispatch', 'inputs', name, 'options'],
    };
}
/** The values an expression in `with:` may take: a literal, or a choice input's options. */
function valuesOf(doc, value) {
    const text = str(value);
    if (text === undefined)
        return undefined;
    if (!text.includes('${{'))
        return [text];
    const input = INPUT_EXPR.exec(text.trim())?.[1];
    return input ? choiceInput(doc, input)?.options : undefined;
}
function at(src, path, anchor = 'value') {
    const found = (0,pipeline_source/* findNode */.cy)(src, path);
    const node = anchor === 'key' ? (found.key ?? found.value) : found.value;
    return (0,pipeline_source/* positionOf */.df)(src, (node ?? found.nearest));
}
/** `file:line` of the field that names a stage's environment (its name when it has none). */
function stageEnvironmentPlace(src, project, i) {
    if (!src)
        return project.file;
    // A project read from Kargo's manifests: the environment is in the gantry file, the name in
    // the Stage's manifest.
    const env = (0,pipeline_source/* locate */.x5)(src, ['stages', i, 'environment']);
    const hasField = (0,pipeline_source/* findNode */.cy)(env.src, env.segments).value !== undefined;
    const where = hasField ? env : (0,pipeline_source/* locate */.x5)(src, ['stages', i, 'name']);
    const { line } = at(where.src, where.segments);
    return `${where.src.file}:${line}`;
}
function sourceOf(file) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(file.text, { lineCounter });
    if (doc.errors.length)
        return undefined;
    return { file: file.file, doc, lineCounter };
}
/**
 * Problems with the promote jobs of `workflows`, positioned in the workflow and naming the
 * project file's line: a job that runs under another environment than its stage's (or none),
 * and a stage choice list that is not the projects' stages.
 */
function workflowProblems(workflows, projects, projectFiles) {
    const problems = [];
    const projectSources = new Map();
    for (const f of projectFiles)
        projectSources.set(f.file, sourceOf(f));
    for (const wf of workflows) {
        const src = sourceOf(wf);
        if (!src)
            continue; // GitHub reports a workflow it cannot parse; gantry lints its own files.
        const doc = src.doc.toJS();
        const jobs = get(doc, 'jobs');
        if (jobs === null || typeof jobs !== 'object')
            continue;
        const problem = (path, message) => problems.push({ file: wf.file, ...at(src, path), path: '', message });
        let promotes = false;
        let stageChoiceProjects;
        for (const [jobId, job] of Object.entries(jobs)) {
            for (const step of stepsOf(job)) {
                if (gantryCommand(step) !== 'promote')
                    continue;
                promotes = true;
                const named = valuesOf(doc, step.with.project);
                const candidates = step.with.project === undefined
                    ? [...projects]
                    : named
                        ? projects.filter((p) => named.includes(p.name))
                        : [];
                const stageExpr = str(step.with.stage)?.trim() ?? '';
                if (INPUT_EXPR.exec(stageExpr)?.[1] === 'stage')
                    stageChoiceProjects = candidates;
                const stageValues = valuesOf(doc, step.with.stage);
                const stagesOf = (p) => stageValues
                    ? p.stages.filter((s) => stageValues.includes(s.name))
                    : INPUT_EXPR.test(stageExpr)
                        ? p.stages // a free-text stage input may name any stage
                        : [];
                const envRaw = environmentOf(job)?.trim();
                const envPath = ['jobs', jobId, 'environment'];
                // Without the deployment GitHub makes for the job, a gate passed by a wait timer or by
                // branch rules leaves no trace for the promote step to find, and it refuses the run.
                if (get(get(job, 'environment'), 'deployment') === false) {
                    problem([...envPath, 'deployment'], `job ${jobId} promotes with environment.deployment: false, so GitHub records no deployment for it and the promote step cannot confirm the job passed its environment's wait timer or branch rules; remove it`);
                }
                if (envRaw !== undefined && isGantryEnvironment(jobs, envRaw))
                    continue;
                const envIsStage = envRaw !== undefined && INPUT_EXPR.exec(envRaw)?.[1] === 'stage';
                // An expression gantry cannot follow (a matrix, another job's own output) is left alone.
                if (envRaw !== undefined && envRaw.includes('${{') && !envIsStage)
                    continue;
                for (const project of candidates) {
                    for (const stage of stagesOf(project)) {
                        const i = project.stages.indexOf(stage);
                        const loaded = (0,parse/* sourceOf */.vz)(project);
                        const place = stageEnvironmentPlace(loaded?.redirect ? loaded : projectSources.get(project.file), project, i);
                        const ranUnder = envIsStage ? stage.name : envRaw;
                        if (ranUnder === stage.environment)
                            continue;
                        const fix = `run it under the environment gantry names for the stage (environment: \${{ needs.<job>.outputs.name }} from a job with command: environment, as gantry init writes it), or environment: ${stage.environment}`;
                        problem(ranUnder === undefined ? ['jobs', jobId] : envPath, ranUnder === undefined
                            ? `job ${jobId} promotes stage ${stage.name} of ${project.name} under no environment, so nothing gates it; ${place} names environment ${stage.environment}: ${fix}`
                            : `job ${jobId} promotes stage ${stage.name} of ${project.name} under environment ${ranUnder}, but ${place} names environment ${stage.environment}, whose protection rules would not gate it: ${fix}`);
                    }
                }
            }
        }
        if (!promotes)
            continue;
        // The stage choices offered must be the stages there are.
        const choice = choiceInput(doc, 'stage');
        if (choice && stageChoiceProjects) {
            const want = [];
            for (const p of stageChoiceProjects)
                for (const s of p.stages)
                    if (!want.includes(s.name))
                        want.push(s.name);
            const extra = choice.options.filter((o) => !want.includes(o));
            const missing = want.filter((s) => !choice.options.includes(s));
            if (extra.length || missing.length) {
                const files = stageChoiceProjects
                    .map((p) => {
                    const psrc = projectSources.get(p.file);
                    return psrc ? `${p.file}:${at(psrc, ['stages'], 'key').line}` : p.file;
                })
                    .join(', ');
                problem(choice.path, `the stage choices ${JSON.stringify(choice.options)} are not the stages of ${files}: ${[
                    missing.length ? `missing ${missing.join(', ')}` : '',
                    extra.length ? `no stage ${extra.join(', ')}` : '',
                ]
                    .filter(Boolean)
                    .join('; ')} (set options to ${JSON.stringify(want)})`);
            }
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/pipeline/kargo.ts + 2 modules
var kargo = __webpack_require__(3902);
;// CONCATENATED MODULE: ./src/status/kargo-import.ts
/**
 * `gantry lint --kargo DIR`: before a team switches, what gantry will do with each resource of
 * its Kargo directory and what it cannot do. The reading is the Kargo reader's own (kargoImport),
 * and the step and metric checks are lint's, so the answer is the one the switch would meet.
 */






async function yamlFiles(root, dir) {
    const out = [];
    const items = await (0,promises_.readdir)(dir, { withFileTypes: true });
    items.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of items) {
        const path = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            out.push(...(await yamlFiles(root, path)));
        else if (/\.ya?ml$/i.test(e.name)) {
            out.push({
                file: (0,external_node_path_.relative)(root, path).replace(/\\/g, '/'),
                text: await (0,promises_.readFile)(path, 'utf8'),
            });
        }
    }
    return out;
}
/**
 * Read every `*.yaml`/`*.yml` under `dir` (paths shown relative to `cwd`) and check it as a
 * gantry file pointing at it would be checked.
 */
async function checkKargoDir(dir, cwd, steps, providers) {
    const root = (0,external_node_path_.resolve)(cwd, dir);
    // Shown as the user wrote the directory: `kargo/stages.yaml`, `/srv/kargo/stages.yaml`.
    const shown = dir
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    const files = (await yamlFiles(root, root)).map((f) => ({
        ...f,
        file: shown && shown !== '.' ? `${shown}/${f.file}` : f.file,
    }));
    // The name the gantry file would give `kargo:`; a path outside the repository stays a label.
    const label = (0,external_node_path_.relative)(cwd, root).replace(/\\/g, '/');
    const safe = label && !label.startsWith('..') && !label.startsWith('/') ? label : 'kargo';
    const { entries, projects, problems } = (0,kargo.kargoImport)(safe, files);
    const runtime = runtimeProblems(projects.map((p) => ({ file: p.file, text: `kargo: ${safe}\n` })), projects, steps, providers);
    return {
        entries,
        problems: (0,pipeline_source/* tidyProblems */.zf)([...problems, ...runtime]),
        projects: projects.map((p) => p.name),
    };
}
/** The report for a terminal: each resource, what gantry does, ignored fields, then problems. */
function kargoImportText(r) {
    const lines = [];
    for (const e of r.entries) {
        lines.push(`${e.file}:${e.line}: ${e.kind} ${e.name || '(unnamed)'}: ${e.does}`);
        for (const i of e.ignored)
            lines.push(`    ignored: ${i}`);
    }
    if (r.problems.length) {
        lines.push('', 'cannot be done as written:');
        lines.push(...r.problems.map(errors/* formatProblem */.Vw));
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
;// CONCATENATED MODULE: ./src/cli/commands/lint.ts











const lintCommand = {
    name: 'lint',
    summary: 'check the project files and workflows (and that the state tags at origin read)',
    flags: [
        shared/* REPO_FLAG */.a8,
        {
            name: 'kargo',
            type: 'string',
            value: 'DIR',
            help: "an import check of a Kargo project's manifests before switching: for each resource,\nwhat gantry will do with it, the fields it ignores and why, and what it cannot do (with\nthe alternative)",
        },
    ],
    description: `Every problem is printed as file:line:column with the field and what to do, and the exit
code is 2. A clone without a remote is linted all the same; an unreachable remote is a warning.

--kargo DIR reads the manifests under DIR (no gantry file, no repository needed) as a gantry file
with kargo: DIR would, and exits 2 only when something cannot be done as written.`,
    examples: [
        'gantry lint',
        'gantry lint --repo https://github.com/acme/gitops.git',
        'gantry lint --kargo ./kargo',
    ],
    async run(args, ctx) {
        (0,shared/* noPositionals */.d0)(args, 'lint');
        const { io } = ctx;
        const kargoDir = args.string('kargo');
        if (kargoDir !== undefined) {
            const report = await checkKargoDir(kargoDir, process.cwd(), (0,registry/* defaultRegistry */.V)(), (0,verification/* defaultProviders */.sP)()).catch((err) => {
                if (err.code === 'ENOENT')
                    throw new cli_io/* UsageError */.e(`--kargo ${kargoDir}: no such directory`, 'lint');
                throw err;
            });
            if (!report.entries.length && !report.problems.length)
                throw new cli_io/* UsageError */.e(`--kargo ${kargoDir}: no *.yaml or *.yml files there`, 'lint');
            io.out(kargoImportText(report));
            const n = report.problems.length;
            io.err(n
                ? `gantry: ${n} problem${n === 1 ? '' : 's'} to solve before gantry can run these manifests\n`
                : `ok: gantry reads ${report.projects.join(', ')} from ${kargoDir} as it is\n`);
            return n ? cli_io/* EXIT */.d.usage : cli_io/* EXIT */.d.ok;
        }
        const settings = (0,shared/* repoSettings */.s9)(args, ctx);
        let source;
        try {
            source = await (0,repo/* openRepo */.B8)(settings);
        }
        catch (err) {
            // Lint reads the work tree: a clone without a remote (fresh from `git init`) has no
            // state to check, but its files can be linted all the same.
            if (!(err instanceof repo/* NoRemoteError */.Uw))
                throw err;
            source = { localDir: err.localDir };
        }
        const loaded = await (0,repo/* loadProjects */.RT)(source);
        const { projects } = loaded;
        const texts = loaded.problems.length ? [] : await (0,repo/* projectFileTexts */.aQ)(source);
        const problems = loaded.problems.length
            ? loaded.problems
            : (0,pipeline_source/* tidyProblems */.zf)([
                ...runtimeProblems(texts, projects, (0,registry/* defaultRegistry */.V)(), (0,verification/* defaultProviders */.sP)()),
                ...workflowProblems(await (0,repo/* workflowFileTexts */.ep)(source), projects, texts),
            ]);
        if (problems.length) {
            io.out(problems.map(errors/* formatProblem */.Vw).join('\n') + '\n');
            const where = problems.some((p) => p.file.startsWith('.github/'))
                ? 'the project and workflow files'
                : 'the project files';
            io.err(`gantry: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${where}\n`);
            return cli_io/* EXIT */.d.usage;
        }
        const unreadable = source.store
            ? await unreadableTags(source.store, projects, settings.warn)
            : 0;
        io.err(`ok: ${projects.length} project${projects.length === 1 ? '' : 's'} (${projects.map((p) => p.name).join(', ')})${unreadable ? `; warnings: ${unreadable} unreadable tag${unreadable === 1 ? '' : 's'}` : ''}\n`);
        return cli_io/* EXIT */.d.ok;
    },
};
/**
 * Lint's state check: the tags of each project that gantry cannot read (the store prints a
 * warning for each). A remote that cannot be reached is a warning too: lint is about the files.
 */
async function unreadableTags(store, projects, warn) {
    let count = 0;
    for (const p of projects) {
        try {
            count += (await store.snapshot(p.name)).unreadable?.length ?? 0;
        }
        catch (err) {
            if (!(err instanceof errors/* GantryError */.Ah || err instanceof git/* GitError */.XS))
                throw err;
            warn(`could not check the state tags of ${p.name} at ${store.remoteUrl}: ${err.message}`);
            return count;
        }
    }
    return count;
}


/***/ }),

/***/ 8212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ PullRequestNotMergeableError),
/* harmony export */   q: () => (/* binding */ StaleHeadError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/**
 * The GitHub port: what gantry asks of GitHub's API and the shapes it gets back. The core depends
 * on this file alone; `client.ts` implements it over GitHub's REST and GraphQL APIs, and the tests'
 * fake server answers the same routes.
 */

/** GraphQL's createCommitOnBranch refused because the branch no longer points at expectedHeadOid. */
class StaleHeadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StaleHeadError';
    }
}
/**
 * GitHub refused to merge a pull request: 405 (not mergeable yet or at all: conflicts, required
 * checks or reviews missing, a closed or already merged pull request, a merge method the
 * repository disallows) or 409 (the head moved away from the `sha` the merge was asked for).
 * Other failures of a merge are plain OperationErrors.
 */
class PullRequestNotMergeableError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK {
    number;
    status;
    reason;
    name = 'PullRequestNotMergeableError';
    constructor(message, number, 
    /** 405, or 409 for a head that moved. */
    status, 
    /** GitHub's own words (`Pull Request is not mergeable`, `Head branch was modified. …`). */
    reason) {
        super(message);
        this.number = number;
        this.status = status;
        this.reason = reason;
    }
}


/***/ }),

/***/ 2512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export DURATION_PATTERN */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/**
 * Go-style durations (`time.ParseDuration`): a sequence of decimal numbers with units, such as
 * `1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`. Units: ns, us (or µs), ms, s, m, h. `0` alone is
 * allowed. Negative durations are not: nothing in a project file means "minus one hour".
 */
/** The same grammar as a JSON-schema pattern (kept in sync with schema/project.schema.json). */
const DURATION_PATTERN = '^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
/** Milliseconds in a Go-style duration (may be fractional below 1ms). Throws on invalid input. */
function parseDuration(text) {
    const found = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .scanDuration */ .y)(text);
    if (found.ok && found.sign === 1 && !/^[+-]/.test(text))
        return found.ns / 1e6;
    if (text === '') {
        throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
    }
    const rest = !found.ok && 'rest' in found ? found.rest : '';
    const hint = /^[0-9.]+$/.test(rest)
        ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)`
        : 'expected a duration such as 30m, 1h30m or 90s';
    throw new Error(`invalid duration "${text}": ${hint}`);
}
/** Human form of a millisecond count, e.g. `1h30m`, `90s` → `1m30s`, `500ms`. */
function formatDuration(ms) {
    return (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms, 'short');
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   y: () => (/* binding */ scanDuration)
/* harmony export */ });
/**
 * Go's duration grammar (`time.ParseDuration`) and its written forms, in one place for the two
 * readers of durations: project files (milliseconds, never negative, gantry's own messages) and the
 * expression language (nanoseconds, signed, Go's exact messages). Each wraps `scanDuration` with
 * its own rules and words; neither re-implements the grammar.
 */
/** Nanoseconds per unit; `µs` is U+00B5 (micro sign), `μs` U+03BC (Greek mu): Go takes both. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
const TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;
/** Reads `[+-]` then `0`, or one or more `<number><unit>` terms (`1h30m`, `.5s`, `1.5h`). */
function scanDuration(text) {
    let s = text;
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        if (s.startsWith('-'))
            sign = -1;
        s = s.slice(1);
    }
    if (s === '0')
        return { ok: true, sign, ns: 0 };
    if (s === '')
        return { ok: false, reason: 'empty' };
    let ns = 0;
    while (s !== '') {
        const m = TERM.exec(s);
        const whole = m?.[1] ?? '';
        const fraction = m?.[2] ?? '';
        const unit = m?.[3] ?? '';
        if (!m || (whole === '' && fraction === ''))
            return { ok: false, reason: 'malformed', rest: s };
        if (unit === '')
            return { ok: false, reason: 'missing-unit', rest: s };
        const size = UNIT_NS[unit];
        if (size === undefined)
            return { ok: false, reason: 'unknown-unit', unit };
        ns += Number(`${whole || '0'}.${fraction || '0'}`) * size;
        s = s.slice(m[0].length);
    }
    return { ok: true, sign, ns };
}
function trimZeros(digits) {
    return digits.replace(/0+$/, '');
}
/** Go's `Duration.String()`: `1h30m0s`, `1.5s`, `250ms`, `-2µs`, `0s`. */
function goForm(ns) {
    if (ns === 0)
        return '0s';
    let u = Math.abs(Math.round(ns));
    let out;
    if (u < 1e9) {
        // Below a second: the largest of ns, µs, ms that keeps an integer part.
        const [unit, scale] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
        const whole = Math.floor(u / scale);
        const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, '0'));
        out = `${whole}${frac && scale > 1 ? `.${frac}` : ''}${unit}`;
    }
    else {
        const h = Math.floor(u / 3600e9);
        u -= h * 3600e9;
        const m = Math.floor(u / 60e9);
        u -= m * 60e9;
        const sec = Math.floor(u / 1e9);
        const frac = trimZeros(String(u - sec * 1e9).padStart(9, '0'));
        out = `${sec}${frac ? `.${frac}` : ''}s`;
        if (h > 0)
            out = `${h}h${m}m${out}`;
        else if (m > 0)
            out = `${m}m${out}`;
    }
    return ns < 0 ? `-${out}` : out;
}
/** The short form people read in logs and summaries: `1h30m`, `1m30s`, `500ms` (no zero parts). */
function shortForm(ms) {
    if (ms === 0)
        return '0s';
    const parts = [];
    let rest = ms;
    for (const [unit, size] of [
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000],
    ]) {
        if (rest >= size) {
            const n = Math.floor(rest / size);
            parts.push(`${n}${unit}`);
            rest -= n * size;
        }
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
/**
 * A duration written out: `go` as Go prints it (what the expression language's `string()` of a
 * duration gives; takes nanoseconds), `short` for people (takes milliseconds, the unit gantry
 * measures elapsed time in, so a measured `1500` stays exactly `1s500ms`).
 */
function formatDuration(value, style) {
    return style === 'go' ? goForm(value) : shortForm(value);
}


/***/ }),

/***/ 8640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ METRIC_CTX_TYPE),
/* harmony export */   Z: () => (/* binding */ metricParts),
/* harmony export */   hU: () => (/* binding */ renderMetric)
/* harmony export */ });
/* unused harmony exports envReferences, templateEnv */
/* harmony import */ var _expr_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1750);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/**
 * `${{ }}` templates in a metric: every string of the provider configuration, and the two
 * conditions, are rendered with Kargo's template rules (src/expr renderTemplate) before the
 * provider checks its configuration, in this environment:
 *
 * - `ctx`: `{project, stage, freight: {id, alias}, commit}` — what is being verified (`commit`
 *   is the promotion commit, or nil when it is not known);
 * - `env`: the environment the adapter passes in (the verify step's `env:`), which is how
 *   secrets get in: `Authorization: Bearer ${{ env.PROM_TOKEN }}`.
 *
 * Every `env.NAME` a template reads is registered as a secret, so its value never reaches a
 * message or a log line. Reading a variable that is not set is an error (a header of
 * `Bearer null` would only fail later and less clearly), unless the expression gives a
 * fallback with `??` or `default(`.
 */


/** The expressions inside `${{ … }}` and `${% … %}` of a string. */
function expressionsOf(text) {
    const out = [];
    for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}|\$\{%([\s\S]*?)%\}/g)) {
        out.push(m[1] ?? m[2] ?? '');
    }
    return out;
}
function stringsOf(value, out = [], depth = 0) {
    if (depth > 100)
        return out;
    if (typeof value === 'string')
        out.push(value);
    else if (Array.isArray(value))
        for (const v of value)
            stringsOf(v, out, depth + 1);
    else if (value !== null && typeof value === 'object') {
        for (const v of Object.values(value))
            stringsOf(v, out, depth + 1);
    }
    return out;
}
/** `env.NAME` and `env["NAME"]` read by the expressions of `value`'s strings. */
function envReferences(value) {
    const found = new Map();
    for (const text of stringsOf(value)) {
        for (const expr of expressionsOf(text)) {
            const fallback = /\?\?|\bdefault\s*\(/.test(expr);
            const re = /\benv\s*(?:\?\.|\.)\s*([A-Za-z_][A-Za-z0-9_]*)|\benv\s*(?:\?\.)?\[\s*(["'`])(.*?)\2\s*\]/g;
            for (const m of expr.matchAll(re)) {
                const name = m[1] ?? m[3] ?? '';
                found.set(name, (found.get(name) ?? true) && fallback);
            }
        }
    }
    return [...found].map(([name, fallback]) => ({ name, fallback }));
}
/** What `gantry lint` knows of `ctx` in templateEnv (keep them in step). */
const METRIC_CTX_TYPE = (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .structOf */ .Tb)('ctx', {
    project: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
    stage: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
    freight: (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .structOf */ .Tb)('freight', { id: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4, alias: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4 }),
    commit: _expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ANY */ .x4,
});
function templateEnv(target, env) {
    return {
        ctx: {
            project: target.project,
            stage: target.stage,
            freight: { id: target.freightId, alias: target.freightAlias },
            commit: target.commit ?? null,
        },
        env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
    };
}
/** The parts of a metric that hold templates: its provider's config and its conditions. */
function metricParts(metric) {
    return {
        config: metric.provider.config,
        ...(metric.successCondition !== undefined && { successCondition: metric.successCondition }),
        ...(metric.failureCondition !== undefined && { failureCondition: metric.failureCondition }),
    };
}
/**
 * Render a metric's provider configuration and conditions. Throws ConfigError naming `where`
 * (e.g. `verification metric "smoke"`) when an expression fails or reads an unset variable.
 */
function renderMetric(where, parts, target, env, 
/**
 * `functions`: `imageFrom()`, `chartFrom()`, `commitFrom()` over the freight being verified;
 * `interrupt`: ends a long evaluation (the run's deadline).
 */
opts = {}) {
    const all = [parts.config, parts.successCondition, parts.failureCondition];
    const secrets = [];
    for (const { name, fallback } of envReferences(all)) {
        const value = env[name];
        if (value !== undefined)
            secrets.push(value);
        else if (!fallback) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: env.${name} is not set: pass it to the verify step (env: ${name}: \${{ secrets.${name} }}), or give a fallback with ??`);
        }
    }
    const vars = templateEnv(target, env);
    const render = (what, fn) => {
        try {
            return fn();
        }
        catch (err) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: ${what}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        }
    };
    const config = render('provider', () => (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplates */ .g$)(parts.config, vars, opts));
    const condition = (field) => {
        const source = parts[field];
        if (source === undefined || !(0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .hasExpression */ .xS)(source))
            return source;
        const value = render(field, () => (0,_expr_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderTemplate */ .Xm)(source, vars, opts));
        return typeof value === 'string' ? value : JSON.stringify(value);
    };
    const successCondition = condition('successCondition');
    const failureCondition = condition('failureCondition');
    return {
        config,
        ...(successCondition !== undefined && { successCondition }),
        ...(failureCondition !== undefined && { failureCondition }),
        secrets,
    };
}


/***/ })

};
