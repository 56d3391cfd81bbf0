export const id = 6754;
export const ids = [6754];
export const modules = {

/***/ 6754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demoCommand: () => (/* binding */ demoCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/demo/services.ts



function readValues(o, stage) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', ['--git-dir', o.gitDir, 'show', `${o.branch}:${o.valuesPath(stage)}`], { env: o.env, encoding: 'utf8', timeout: 10_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
}
/** What a stage's service answers: `{stage, version, freight, healthy}`. */
async function stageStatus(o, stage) {
    const values = (0,dist.parse)(await readValues(o, stage));
    return {
        stage,
        version: values?.image?.tag ?? null,
        freight: values?.podAnnotations?.['gantry.io/freight'] ?? null,
        healthy: true,
    };
}
function listen(server) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server.address().port));
    });
}
async function startStageServices(o) {
    const servers = [];
    const close = async () => {
        await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
        })));
    };
    const services = [];
    try {
        for (const stage of o.stages) {
            const server = (0,external_node_http_.createServer)((req, res) => {
                req.resume();
                stageStatus(o, stage).then((status) => {
                    res.writeHead(200, { 'content-type': 'application/json' });
                    res.end(JSON.stringify(status));
                }, (err) => {
                    res.writeHead(503, { 'content-type': 'application/json' });
                    res.end(JSON.stringify({
                        stage,
                        healthy: false,
                        error: err instanceof Error ? err.message.split('\n')[0] : String(err),
                    }));
                });
            });
            servers.push(server);
            const port = await listen(server);
            services.push({ stage, url: `http://127.0.0.1:${port}/` });
        }
    }
    catch (err) {
        await close();
        throw err;
    }
    return { services, close };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/demo/world.ts




/**
 * The demo's world, all under one directory and all plain git:
 *
 * - `app/`: the application's repository; each release is a tag (`v1.0.0`, `v1.1.0`, …), as
 *   a release workflow would push it. The warehouse subscribes to it by SemVer over its tags.
 * - `gitops.git` and its clone `gitops/`: the GitOps repository Argo CD would deploy from, with
 *   the values file of each stage and the gantry project `.gantry/echo.yaml`. gantry keeps all
 *   its state there (tags and promotion commits).
 */
const PROJECT = 'echo';
const STAGES = ['dev', 'staging', 'prod'];
const valuesPath = (stage) => `env/${stage}/values.yaml`;
/**
 * The environment for the demo's own git commands: the caller's, without the variables that would
 * point git at another repository (set when the demo runs from a git hook, say).
 */
function demoGitEnv(baseEnv) {
    const elsewhere = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX)$/;
    return Object.fromEntries(Object.entries(baseEnv).filter(([k]) => !elsewhere.test(k)));
}
function createWorld(root, baseEnv) {
    const env = {
        ...demoGitEnv(baseEnv),
        GIT_AUTHOR_NAME: 'gantry demo',
        GIT_AUTHOR_EMAIL: 'demo@example.test',
        GIT_COMMITTER_NAME: 'gantry demo',
        GIT_COMMITTER_EMAIL: 'demo@example.test',
    };
    // A user's global config must not sign, hook or rewrite the demo's own commits.
    const fixed = ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.hooksPath='];
    const git = (cwd, ...args) => (0,external_node_child_process_.execFileSync)('git', [...fixed, ...args], {
        cwd,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = (0,external_node_path_.join)(root, 'app');
    const bare = (0,external_node_path_.join)(root, 'gitops.git');
    const clone = (0,external_node_path_.join)(root, 'gitops');
    git(root, 'init', '-q', '-b', 'main', app);
    // Discovery fetches tag and commit objects only (a partial fetch); allow it, as forges do.
    git(app, 'config', 'uploadpack.allowFilter', 'true');
    git(root, 'init', '-q', '--bare', '-b', 'main', bare);
    git(bare, 'config', 'uploadpack.allowFilter', 'true');
    git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    return { root, app, appURL: (0,external_node_url_.pathToFileURL)(app).href, bare, clone, git };
}
/** A release of the app: a commit that says so, and its annotated tag `v<version>`. */
function release(world, version) {
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(world.app, 'VERSION'), `${version}\n`);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(world.app, 'README.md'), `# echo\n\nA tiny service that answers with its version. Releases are the tags v*.\n`);
    world.git(world.app, 'add', 'VERSION', 'README.md');
    world.git(world.app, 'commit', '-q', '-m', `echo ${version}`);
    world.git(world.app, 'tag', '-a', `v${version}`, '-m', `echo ${version}`);
    return world.git(world.app, 'rev-parse', '--short', 'HEAD').trim();
}
/**
 * The project: the app's releases flow dev → staging → prod. dev takes every new release
 * (auto-promotion), staging takes what dev verified (auto-promotion), prod takes what staging
 * verified after an hour's soak, or what someone approved, and is never promoted automatically.
 * Each stage is verified by asking its service which freight it runs.
 */
function projectFile(world, services) {
    const verification = (stage, comment = '') => `    verification:
${comment}      - name: running
        count: 1
        successCondition: result.healthy && result.freight == "\${{ ctx.freight.alias }}"
        provider:
          http: {url: '${services[stage] ?? ''}', timeoutSeconds: 5}
`;
    return `# yaml-language-server: $schema=https://raw.githubusercontent.com/gantry-dev/gantry/main/schema/project.schema.json
# The app's releases (the tags v* of its repository) flow dev -> staging -> prod.
project: ${PROJECT}
warehouses:
  - name: echo
    subscriptions:
      - git:
          repoURL: ${world.appURL}
          commitSelectionStrategy: SemVer
          semverConstraint: ^1.0.0
          discoveryLimit: 5
stages:
  - name: dev
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {direct: true}
    autoPromotion: true
    # Every stage promotes the same way (the YAML anchor shares it): the release goes into
    # image.tag, and the freight's alias into an annotation that the running service reports.
    promotionTemplate: &promotion
      vars:
        - {name: app, value: '${world.appURL}'}
      steps:
        - uses: yaml-update
          config:
            path: env/\${{ ctx.stage }}/values.yaml
            updates:
              - {key: image.tag, value: '\${{ commitFrom(vars.app).Tag }}'}
              - {key: 'podAnnotations.gantry\\.io/freight', value: '\${{ ctx.targetFreight.alias }}'}
${verification('dev', `      # Ask the stage's service once: does it run this freight, and is it healthy?
`)}  - name: staging
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        sources: {stages: [dev]}
    autoPromotion: true
    promotionTemplate: *promotion
${verification('staging')}  - name: prod
    environment: production # in a workflow, this GitHub environment's rules gate the job
    requestedFreight:
      - origin: {kind: Warehouse, name: echo}
        # What staging verified, after an hour there; or what someone approved for prod.
        sources: {stages: [staging], requiredSoakTime: 1h}
    promotionTemplate: *promotion
${verification('prod')}`;
}
const values = (stage) => `# Helm values for echo in ${stage}. gantry's promotion steps set image.tag and the
# freight annotation; Argo CD (here: the demo's service for ${stage}) deploys what this file says.
image:
  repository: ghcr.io/acme/echo
  tag: v0.9.0
podAnnotations:
  gantry.io/freight: none
replicas: ${stage === 'prod' ? 3 : 1}
`;
/** The GitOps repository's first commit: the values of each stage and the project, pushed. */
function seedGitOps(world, project) {
    const { git, clone } = world;
    git(world.root, 'init', '-q', '-b', 'main', clone);
    const files = { [`.gantry/${PROJECT}.yaml`]: project };
    for (const s of STAGES)
        files[valuesPath(s)] = values(s);
    for (const [path, text] of Object.entries(files)) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(clone, path)), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(clone, path), text);
    }
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', `GitOps repo for ${PROJECT}, with a gantry project`);
    git(clone, 'remote', 'add', 'origin', world.bare);
    git(clone, 'push', '-q', '-u', 'origin', 'main');
}

// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/state/index.ts + 9 modules
var state = __webpack_require__(5128);
;// CONCATENATED MODULE: ./src/cli/demo.ts







class DemoFailed extends Error {
}
async function runDemo(opts) {
    const { io } = opts;
    const started = Date.now();
    const root = opts.dir ? (0,external_node_path_.resolve)(opts.dir) : (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gantry-demo-'));
    if ((0,external_node_fs_.existsSync)(root) && (0,external_node_fs_.readdirSync)(root).length) {
        io.err(`gantry demo: ${root} is not empty; give --dir a new or empty directory\n`);
        return 2;
    }
    (0,external_node_fs_.mkdirSync)(root, { recursive: true });
    const bold = (t) => (io.color ? `\u001b[1m${t}\u001b[0m` : t);
    const dim = (t) => (io.color ? `\u001b[2m${t}\u001b[0m` : t);
    const say = (text) => io.out(`\n${bold(`## ${text}`)}\n`);
    const world = createWorld(root, io.env);
    // Everything gantry writes stays under the demo's directory (its cache too); the demo acts
    // as one person, whose name goes on promotions and approvals.
    const cliEnv = {
        GANTRY_CACHE_DIR: (0,external_node_path_.join)(root, 'cache'),
        GIT_AUTHOR_NAME: 'gantry demo',
        GIT_AUTHOR_EMAIL: 'demo@example.test',
    };
    const repo = ['--repo', world.clone];
    /** One gantry command, shown as a user would type it (without `--repo`). */
    const gantry = async (args, expect = 'ok') => {
        io.out(`${bold(`$ gantry ${args.map(quote).join(' ')}`)}\n`);
        const code = await opts.cli([...args, ...repo], cliEnv);
        if (expect === 'ok' && code !== 0)
            throw new DemoFailed(`gantry ${args[0]} exited ${code}`);
        if (expect === 'refused' && code === 0)
            throw new DemoFailed(`gantry ${args[0]} was expected to refuse`);
        return code;
    };
    const stages = async () => {
        io.out(`\n${dim('$ gantry get stages')}\n`);
        const code = await opts.cli(['get', 'stages', ...repo], cliEnv);
        if (code !== 0)
            throw new DemoFailed(`gantry get stages exited ${code}`);
    };
    let services;
    try {
        say(`A world on this machine, in ${root}`);
        release(world, '1.0.0');
        release(world, '1.1.0');
        services = await startStageServices({
            gitDir: world.bare,
            branch: 'main',
            stages: STAGES,
            valuesPath: valuesPath,
            env: demoGitEnv(io.env),
        });
        const urls = Object.fromEntries(services.services.map((s) => [s.stage, s.url]));
        seedGitOps(world, projectFile(world, urls));
        io.out([
            `app repository:    ${world.app} (releases: ${world.git(world.app, 'tag', '-l').trim().split('\n').join(', ')})`,
            `GitOps repository: ${world.bare}`,
            `  its clone:       ${world.clone} (every command below runs with --repo ${world.clone})`,
            `  the project:     ${(0,external_node_path_.join)(world.clone, '.gantry', `${PROJECT}.yaml`)}`,
            ...services.services.map((s) => `service ${s.stage.padEnd(8)}   ${s.url} (reports what ${valuesPath(s.stage)} on main says)`),
            '',
        ].join('\n'));
        say('Check the project file');
        await gantry(['lint']);
        await stages();
        say('Discover: the newest release of the app becomes freight');
        await gantry(['discover']);
        await stages();
        say('Promote into dev (auto-promotion would do this in a workflow)');
        await gantry(['promote', '--stage', 'dev']);
        await stages();
        say('Verify dev: ask its service what it runs');
        await gantry(['verify', '--stage', 'dev']);
        await stages();
        say('Promote into staging, which takes what dev verified, and verify it');
        await gantry(['promote', '--stage', 'staging']);
        await gantry(['verify', '--stage', 'staging']);
        await stages();
        // Aliases are made per freight; which one staging runs is in the state (`get stages`).
        const store = new state/* StateStore */.fy({
            remote: (0,git/* parseRemote */.M8)(world.bare),
            cacheDir: (0,external_node_path_.join)(root, 'cache'),
            baseEnv: io.env,
        });
        const staged = (await store.stageStates(PROJECT, [{ name: 'staging' }])).get('staging');
        const alias = staged?.freight[0]?.alias;
        if (!alias)
            throw new DemoFailed('staging runs no freight');
        say('Production waits: staging verified it, but it must soak for an hour there first');
        const refusal = await gantry(['promote', '--stage', 'prod'], 'refused');
        io.out(dim(`(exit ${refusal}: the expected refusal; nothing was committed)\n`));
        await stages();
        say('A person approves it for production (Kargo\u2019s `kargo approve`)');
        await gantry(['approve', '--stage', 'prod', '--freight', alias, '--reason', 'demo']);
        await gantry(['promote', '--stage', 'prod']);
        await gantry(['verify', '--stage', 'prod']);
        await stages();
        say('A new release, v1.2.0, is tagged in the app repository');
        const commit = release(world, '1.2.0');
        io.out(`tagged v1.2.0 at ${commit}\n`);
        await gantry(['discover']);
        await gantry(['promote', '--stage', 'dev']);
        await gantry(['verify', '--stage', 'dev']);
        await stages();
        say('Where each freight has been');
        await gantry(['get', 'freight']);
        say('Every promotion');
        await gantry(['get', 'promotions']);
        say('History is plain git: the GitOps repository');
        io.out(`${bold('$ git log --oneline main')}\n`);
        io.out(world.git(world.bare, 'log', '--oneline', '--no-decorate', 'main'));
        io.out(`${bold(`$ git tag -l 'gantry/${PROJECT}/verified/*' 'gantry/${PROJECT}/approved/*'`)}\n`);
        io.out(world.git(world.bare, 'tag', '-l', `gantry/${PROJECT}/verified/*`, `gantry/${PROJECT}/approved/*`));
        io.out([
            '',
            `Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Look around:`,
            `  cat ${(0,external_node_path_.join)(world.clone, '.gantry', `${PROJECT}.yaml`)}`,
            `  git -C ${world.bare} log -p -1 main`,
            `  git -C ${world.bare} tag -n1 -l 'gantry/*'`,
            '',
        ].join('\n'));
        return 0;
    }
    catch (err) {
        if (!(err instanceof DemoFailed))
            throw err;
        io.err(`gantry demo: ${err.message}; the world is left in ${root}\n`);
        return 1;
    }
    finally {
        await services?.close();
    }
}
function quote(arg) {
    return /^[\w./:@=,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/cli/commands/demo.ts

const demoCommand = {
    name: 'demo',
    summary: 'run a whole pipeline (discover, promote, verify, approve) on this machine',
    flags: [
        {
            name: 'dir',
            type: 'string',
            value: 'DIR',
            help: 'a new or empty directory for everything the demo makes; default: a new temporary one',
        },
    ],
    description: `An app repository whose tags are its releases, a GitOps repository with a three-stage project
and one small service per stage are made under the directory; gantry's own commands then take
a release through the stages. No account and no network needed.`,
    examples: ['gantry demo --dir /tmp/gantry-demo'],
    run(args, ctx) {
        const { io } = ctx;
        return runDemo({
            dir: args.string('dir'),
            io,
            cli: (argv, env) => ctx.runCli(argv, env ? { ...io, env: { ...io.env, ...env } } : io),
        });
    },
};


/***/ })

};
