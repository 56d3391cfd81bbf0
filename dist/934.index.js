export const id = 934;
export const ids = [934];
export const modules = {

/***/ 934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   discoverCommand: () => (/* binding */ discoverCommand)
/* harmony export */ });
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5271);
/* harmony import */ var _discovery_projects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(306);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2731);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1145);




const discoverCommand = {
    name: 'discover',
    summary: "look for new versions in each warehouse's subscriptions and record new freight",
    flags: [
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_FLAG */ .rj,
        {
            name: 'warehouse',
            type: 'string',
            value: 'W',
            help: 'look at this warehouse only; default: every warehouse of the project',
        },
        {
            name: 'dry-run',
            type: 'boolean',
            help: 'print what would be recorded (the commit, diff included) and push nothing',
        },
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FLAG */ .Pm,
        _shared_js__WEBPACK_IMPORTED_MODULE_3__/* .REPO_FLAG */ .a8,
    ],
    description: `New freight is pushed as state to origin; stages that auto-promote are then promoted.
Exit 1 when a subscription failed (the other warehouses are still recorded).`,
    examples: ['gantry discover --dry-run', 'gantry discover --project echo --warehouse echo'],
    async run(args, ctx) {
        const output = (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .outputOf */ .jH)(args, 'discover');
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .noPositionals */ .d0)(args, 'discover');
        const settings = (0,_shared_js__WEBPACK_IMPORTED_MODULE_3__/* .repoSettings */ .s9)(args, ctx);
        const repo = await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .openRepo */ .B8)(settings);
        const projects = await (0,_discovery_projects_js__WEBPACK_IMPORTED_MODULE_1__/* .discoverProjects */ .q)(repo, args.string('project'));
        return (0,_discover_js__WEBPACK_IMPORTED_MODULE_2__/* .discoverCommand */ .ZF)(repo, projects, {
            warehouse: args.string('warehouse'),
            dryRun: args.boolean('dry-run'),
            output,
            io: ctx.io,
            cacheDir: settings.cacheDir,
            trace: settings.trace,
            now: ctx.now,
        });
    },
};


/***/ }),

/***/ 306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ discoverProjects)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _app_repo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5271);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5785);
/* harmony import */ var _pipeline_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5499);
/**
 * The project a discover job runs. A matrix job names its project, and a project lives in the file
 * of its name: only `.gantry/<project>.yaml` (or `.yml`) is parsed when it declares that project
 * without a problem, so the job costs the same in a repository of 50 projects as alone (parsing
 * and checking every project file grew with their number, a few ms a file). The workflow's list
 * job (`gantry get projects`) has checked every file, and a file gantry cannot read fails it before
 * any discover job starts; checks across files are that list's, not this job's. Without a name,
 * with no such file (or both .yaml and .yml), with a Kargo-format file (it reads a directory of
 * manifests) or a file with a problem, every file is read and problems reported as before.
 */





async function discoverProjects(ctx, name) {
    if (name) {
        const own = await ownFile(ctx, name);
        if (own && !(0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .isKargoFile */ .Rm)(own.text)) {
            const { projects, problems } = await (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProjectsFromFiles */ .i3)([own]);
            if (!problems.length && projects.length === 1 && projects[0]?.name === name)
                return projects;
        }
    }
    return (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .pickProjects */ .o4)(await (0,_app_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .validProjects */ .t1)(ctx), name);
}
/** `.gantry/<name>.yaml` or `.yml`, from the clone's work tree or the remote's default branch. */
async function ownFile(ctx, name) {
    const candidates = [`${_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_DIR */ .u7}/${name}.yaml`, `${_pipeline_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROJECT_DIR */ .u7}/${name}.yml`];
    if (!ctx.localDir) {
        const files = await ctx.store.projectFiles();
        const found = files.filter((f) => candidates.includes(f.file));
        return found.length === 1 ? found[0] : undefined;
    }
    const found = [];
    for (const file of candidates) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.localDir, file);
        const size = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(full).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
        // A file over the cap is the full load's to report.
        if (size === undefined)
            continue;
        if (size > _pipeline_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .PROJECT_FILE_LIMITS */ .Wb.bytes)
            return undefined;
        found.push({ file, text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(full, 'utf8') });
    }
    return found.length === 1 ? found[0] : undefined;
}


/***/ })

};
