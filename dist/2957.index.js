export const id = 2957;
export const ids = [2957];
export const modules = {

/***/ 3069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VERSION: () => (/* binding */ VERSION),
/* harmony export */   versionCommand: () => (/* binding */ versionCommand)
/* harmony export */ });
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8330);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1604);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1145);



const VERSION = _package_json__WEBPACK_IMPORTED_MODULE_0__/* .version */ .rE;
const versionCommand = {
    name: 'version',
    summary: "print gantry's version",
    flags: [],
    examples: ['gantry version'],
    run(args, { io }) {
        (0,_shared_js__WEBPACK_IMPORTED_MODULE_2__/* .noPositionals */ .d0)(args, 'version');
        io.out(`gantry ${VERSION}\n`);
        return Promise.resolve(_io_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .d.ok);
    },
};


/***/ }),

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT),
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

const EXIT = { ok: 0, failed: 1, usage: 2 };
/** A command line gantry cannot act on: exit 2, with a pointer to the help. */
class UsageError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL {
    command;
    framed;
    name = 'UsageError';
    constructor(message, 
    /** The command whose help the pointer names; the global help when absent. */
    command, 
    /** The message names gantry and the command itself: printed without the `gantry: ` prefix. */
    framed = false) {
        super(message);
        this.command = command;
        this.framed = framed;
    }
}


/***/ }),

/***/ 2957:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8213);

// A reader that stops early (`gantry get freight | head`) closes the pipe: what is left to print
// has nowhere to go, which is no failure of the command. It runs to its end and exits with its
// own code; only writing stops. Anything else wrong with stdout is an error.
let stdoutClosed = false;
process.stdout.on('error', (err) => {
    if (err.code !== 'EPIPE')
        throw err;
    stdoutClosed = true;
});
// The only place the CLI touches the process: arguments, environment, streams, exit code.
const code = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    out: (t) => {
        if (!stdoutClosed)
            process.stdout.write(t);
    },
    err: (t) => process.stderr.write(t),
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
process.exitCode = code;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT, VERSION, githubTarget

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/git/index.ts + 2 modules
var git = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(7406);
;// CONCATENATED MODULE: ./src/cli/commands/index.ts
/**
 * Every command, in the order `gantry help` lists them, each loaded when a command line asks for
 * it: a command's module imports all it needs to run, and `gantry version` should not pay for
 * promote's.
 */
const LOADERS = {
    lint: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(2856), __webpack_require__.e(3292), __webpack_require__.e(2463), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(9182), __webpack_require__.e(8517), __webpack_require__.e(5193), __webpack_require__.e(3902), __webpack_require__.e(6466)]).then(__webpack_require__.bind(__webpack_require__, 3574))).lintCommand,
    get: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(2596), __webpack_require__.e(2868)]).then(__webpack_require__.bind(__webpack_require__, 5581))).getCommand,
    discover: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(9182), __webpack_require__.e(4883), __webpack_require__.e(1622), __webpack_require__.e(7779), __webpack_require__.e(934)]).then(__webpack_require__.bind(__webpack_require__, 934))).discoverCommand,
    freight: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(9182), __webpack_require__.e(4883), __webpack_require__.e(1622), __webpack_require__.e(7779), __webpack_require__.e(9706)]).then(__webpack_require__.bind(__webpack_require__, 9706))).freightCommand,
    promote: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(2856), __webpack_require__.e(3292), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(9182), __webpack_require__.e(8517), __webpack_require__.e(9914), __webpack_require__.e(3151)]).then(__webpack_require__.bind(__webpack_require__, 27))).promoteCommand,
    verify: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(2856), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(5193), __webpack_require__.e(1079), __webpack_require__.e(8744)]).then(__webpack_require__.bind(__webpack_require__, 3412))).verifyCommand,
    approve: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(8776)]).then(__webpack_require__.bind(__webpack_require__, 8776))).approveCommand,
    init: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(2829)]).then(__webpack_require__.bind(__webpack_require__, 572))).initCommand,
    dashboard: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2088), __webpack_require__.e(5785), __webpack_require__.e(5128), __webpack_require__.e(4000), __webpack_require__.e(2596), __webpack_require__.e(4992)]).then(__webpack_require__.bind(__webpack_require__, 6977))).dashboardCommand,
    demo: async () => (await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5128), __webpack_require__.e(6754)]).then(__webpack_require__.bind(__webpack_require__, 6754))).demoCommand,
    version: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3069))).versionCommand,
};
const COMMAND_NAMES = Object.keys(LOADERS);
/** The command of that name, or undefined when there is none. */
function loadCommand(name) {
    return Object.hasOwn(LOADERS, name) ? LOADERS[name]() : undefined;
}
/** Every command: for `gantry help`, and to name the command a misplaced flag belongs to. */
function loadCommands() {
    return Promise.all(Object.values(LOADERS).map((load) => load()));
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/command.ts



const HELP_FLAG = {
    name: 'help',
    type: 'boolean',
    short: 'h',
    help: 'print this help and exit',
};
/**
 * The command's flags from the command line, in gantry's words: a flag of another command is
 * refused by name, a misspelt one gets a suggestion, a string flag needs its value.
 */
function parseCommandArgs(command, argv, allCommands) {
    const flags = [...command.flags, HELP_FLAG];
    const byName = new Map(flags.map((f) => [f.name, f]));
    // Not strict: the tokens are checked here, so that no message is Node's parser's.
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: [...argv],
        allowPositionals: true,
        strict: false,
        tokens: true,
        options: Object.fromEntries(flags.map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}) }])),
    });
    const fail = (message) => new cli_io/* UsageError */.e(`gantry ${command.name}${message}`, command.name, true);
    const strings = new Map();
    const many = new Map();
    const booleans = new Set();
    const positionals = [];
    for (const t of tokens) {
        if (t.kind === 'positional')
            positionals.push(t.value);
        if (t.kind !== 'option')
            continue;
        const isShort = !t.rawName.startsWith('--');
        // A known short flag comes back under its long name; an unknown one under its letter.
        const flag = byName.get(t.name);
        if (!flag)
            throw fail(unknownFlag(command, t.rawName, t.name, isShort, allCommands));
        if (flag.type === 'boolean') {
            if (t.value !== undefined)
                throw fail(`: ${t.rawName} takes no value, got "${t.value}"`);
            booleans.add(flag.name);
            continue;
        }
        if (t.value === undefined)
            throw fail(`: ${t.rawName} needs a value (${flagUsage(flag)})`);
        // `--stage --dry-run` is a forgotten value far more often than a stage named "--dry-run".
        if (!t.inlineValue && t.value.startsWith('-')) {
            throw fail(`: ${t.rawName} needs a value, and "${t.value}" looks like a flag; write ${t.rawName}=${t.value} if it is the value`);
        }
        if (flag.multiple)
            many.set(flag.name, [...(many.get(flag.name) ?? []), t.value]);
        else
            strings.set(flag.name, t.value);
    }
    return {
        positionals,
        help: booleans.has('help'),
        string: (name) => {
            const flag = byName.get(name);
            if (flag?.type !== 'string')
                throw new Error(`${command.name} has no string flag --${name}`);
            return strings.get(name) ?? flag.default;
        },
        strings: (name) => {
            const flag = byName.get(name);
            if (flag?.type !== 'string' || !flag.multiple)
                throw new Error(`${command.name} has no repeatable flag --${name}`);
            return many.get(name) ?? [];
        },
        boolean: (name) => {
            if (byName.get(name)?.type !== 'boolean')
                throw new Error(`${command.name} has no boolean flag --${name}`);
            return booleans.has(name);
        },
    };
}
function unknownFlag(command, raw, name, isShort, allCommands) {
    const own = [...command.flags, HELP_FLAG].map((f) => f.name);
    const hint = isShort ? undefined : (0,suggest/* suggest */.ZA)(name, own);
    const mean = hint && hint !== name ? ` (did you mean --${hint}?)` : '';
    const others = isShort
        ? []
        : allCommands.filter((c) => c !== command && c.flags.some((f) => f.name === name));
    if (others.length) {
        const who = others.map((c) => c.name);
        const list = who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`;
        return ` takes no ${raw}${mean}: that is a flag of gantry ${list}`;
    }
    return `: unknown option ${raw}${mean}`;
}
function flagUsage(f) {
    return f.type === 'string' ? `--${f.name} ${f.value ?? 'VALUE'}` : `--${f.name}`;
}
/** The usage line(s): required flags bare, the others in brackets, wrapped under the command. */
function usageLines(c, width = WIDTH - 2) {
    const head = `gantry ${c.name}`;
    const words = [
        ...(c.positional ? [c.positional] : []),
        ...c.flags.filter((f) => f.required).map(flagUsage),
        ...c.flags.filter((f) => !f.required).map((f) => `[${flagUsage(f)}]${f.multiple ? '…' : ''}`),
    ];
    const lines = [];
    let line = head;
    for (const w of words) {
        if (line.length + 1 + w.length > width && line.length > head.length) {
            lines.push(line);
            line = ' '.repeat(head.length);
        }
        line += ` ${w}`;
    }
    lines.push(line);
    return lines;
}
/** Help lines stay within this many columns. */
const WIDTH = 100;
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
}
/** `gantry help CMD`: the usage, what it does, every flag explained, and examples. */
function commandHelp(c) {
    const flags = [...c.flags, HELP_FLAG];
    const left = (f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
    const width = Math.max(...flags.map((f) => left(f).length)) + 2;
    const flagLines = flags.map((f) => {
        const text = [
            f.help.replace(/\s*\n\s*/g, ' '),
            ...(f.required ? ['(required)'] : []),
            ...(f.default !== undefined ? [`(default: ${f.default})`] : []),
        ].join(' ');
        const [first, ...more] = wrap(text, WIDTH - 2 - width);
        return [
            `  ${left(f).padEnd(width)}${first}`,
            ...more.map((m) => `  ${' '.repeat(width)}${m}`),
        ].join('\n');
    });
    return [
        `gantry ${c.name}: ${c.summary}`,
        '',
        'Usage:',
        ...usageLines(c).map((l) => `  ${l}`),
        '',
        ...(c.description
            ? c.description
                .trim()
                .split(/\n\s*\n/)
                .flatMap((para) => [...wrap(para.replace(/\s*\n\s*/g, ' '), WIDTH), ''])
            : []),
        'Flags:',
        ...flagLines,
        '',
        c.examples.length === 1 ? 'Example:' : 'Examples:',
        ...c.examples.map((e) => `  ${e}`),
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/cli/shared.ts
var shared = __webpack_require__(1145);
// EXTERNAL MODULE: ./src/cli/commands/version.ts
var version = __webpack_require__(3069);
;// CONCATENATED MODULE: ./src/cli/run.ts







// What other modules and the tests have always imported from here.



const helpCommand = {
    name: 'help',
    summary: 'list the commands, or explain one: gantry help COMMAND (same as gantry COMMAND --help)',
    positional: '[COMMAND]',
    flags: [],
    examples: ['gantry help', 'gantry help promote'],
    async run(args, { io }) {
        const [name, ...more] = args.positionals;
        if (more.length)
            throw new cli_io/* UsageError */.e(`help takes one command, got "${args.positionals.join(' ')}"`, 'help');
        if (name === undefined) {
            io.out(await globalHelp());
            return cli_io/* EXIT */.d.ok;
        }
        io.out(commandHelp(await commandNamed(name)));
        return cli_io/* EXIT */.d.ok;
    },
};
const allCommands = async () => [...(await loadCommands()), helpCommand];
async function commandNamed(name) {
    const command = name === helpCommand.name ? helpCommand : await loadCommand(name);
    if (command)
        return command;
    const hint = (0,suggest/* suggest */.ZA)(name, [...COMMAND_NAMES, helpCommand.name]);
    throw new cli_io/* UsageError */.e(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
}
async function globalHelp() {
    const ALL = await allCommands();
    const width = Math.max(...ALL.map((c) => c.name.length)) + 2;
    return `gantry: continuous promotion for GitOps

Usage: gantry COMMAND [flags]

Commands:
${ALL.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

"gantry help COMMAND" or "gantry COMMAND --help" lists the command's flags, each explained, with
an example. A command refuses flags it does not take.

Environment:
  GANTRY_TOKEN      token for an https remote (sent as an HTTP header, never stored)
  GANTRY_CACHE_DIR  where gantry keeps its partial copy of remotes (default ~/.cache/gantry)
  GANTRY_DEBUG      set to 1 to print every git command gantry runs, with its duration
  GITHUB_TOKEN      for a remote on GitHub (GITHUB_SERVER_URL, default github.com): git access,
                    and for promote: pull requests, signed commits, deployments
  GITHUB_API_URL    GitHub's API (default https://api.github.com)

Exit codes: 0 done, 1 refused or failed, 2 bad usage or bad configuration.
`;
}
/**
 * The command line over gantry's core. Returns the exit code; never calls process.exit.
 *
 * The first line a failed command prints on stderr is its error: warnings, and the progress of a
 * command whose stdout is JSON, are held back and printed after the result or the error.
 */
async function runCli(argv, io) {
    const later = [];
    try {
        return await dispatch(argv, io, later);
    }
    catch (err) {
        return reportError(err, io);
    }
    finally {
        if (later.length)
            io.err(later.join(''));
    }
}
function reportError(err, io) {
    if (err instanceof cli_io/* UsageError */.e && err.framed) {
        io.err(`${err.message}\nRun "gantry help ${err.command ?? ''}" for usage.\n`);
        return cli_io/* EXIT */.d.usage;
    }
    if (err instanceof errors/* ConfigError */.xL) {
        io.err(`gantry: ${err.problems.length ? `${err.message.split('\n')[0]}\n${err.problems.map(errors/* formatProblem */.Vw).join('\n')}` : err.message}\n`);
        if (err instanceof cli_io/* UsageError */.e)
            io.err(`Run "gantry help${err.command ? ` ${err.command}` : ''}" for usage.\n`);
        return cli_io/* EXIT */.d.usage;
    }
    if (err instanceof errors/* GantryError */.Ah || err instanceof git/* GitError */.XS) {
        io.err(`gantry: ${err.message}\n`);
        return cli_io/* EXIT */.d.failed;
    }
    io.err(`gantry: unexpected error: ${(0,errors/* errorMessage */.gJ)(err)}\n${err instanceof Error ? (err.stack ?? '') : ''}\n`);
    return cli_io/* EXIT */.d.failed;
}
function scan(argv, flags) {
    const options = {};
    for (const f of flags)
        options[f.name] = { type: f.type, ...(f.short ? { short: f.short } : {}) };
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: [...argv],
        options,
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const first = tokens.find((t) => t.kind === 'positional');
    const before = tokens.filter((t) => t.kind === 'option' && (!first || t.index < first.index));
    return {
        index: first?.index ?? -1,
        help: tokens.some((t) => t.kind === 'option' && t.name === 'help'),
        // A flag before the command word may take a value that looks like a command.
        flagFirst: before.some((t) => t.kind === 'option' && t.name !== 'help'),
    };
}
/**
 * Where the command word is: the first positional, reading every command's flags when one comes
 * first (so that a value is never taken for the command, as in `gantry --repo . lint`).
 */
async function findCommand(argv) {
    const quick = scan(argv, [HELP_FLAG]);
    if (!quick.flagFirst)
        return quick;
    return scan(argv, [...(await allCommands()).flatMap((c) => c.flags), HELP_FLAG]);
}
async function dispatch(argv, io, later) {
    const { index, help } = await findCommand(argv);
    if (index < 0) {
        // `gantry` alone is a usage error; `gantry --help` is a request.
        (help ? io.out : io.err)(await globalHelp());
        return help ? cli_io/* EXIT */.d.ok : cli_io/* EXIT */.d.usage;
    }
    const command = await commandNamed(argv[index]);
    const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
    let args;
    try {
        args = parseCommandArgs(command, rest, [command]);
    }
    catch (err) {
        // Refused: parsed again knowing every command, to say whose flag it was.
        if (!(err instanceof cli_io/* UsageError */.e))
            throw err;
        args = parseCommandArgs(command, rest, await allCommands());
    }
    if (args.help) {
        io.out(commandHelp(command));
        return cli_io/* EXIT */.d.ok;
    }
    return command.run(args, {
        io,
        later,
        now: io.now ?? (() => new Date()),
        runCli,
    });
}


/***/ }),

/***/ 1145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OD: () => (/* binding */ whoOf),
/* harmony export */   Pm: () => (/* binding */ OUTPUT_FLAG),
/* harmony export */   TE: () => (/* binding */ BY_FLAG),
/* harmony export */   a8: () => (/* binding */ REPO_FLAG),
/* harmony export */   d0: () => (/* binding */ noPositionals),
/* harmony export */   jA: () => (/* binding */ progressOf),
/* harmony export */   jH: () => (/* binding */ outputOf),
/* harmony export */   nY: () => (/* binding */ githubTarget),
/* harmony export */   rj: () => (/* binding */ PROJECT_FLAG),
/* harmony export */   s9: () => (/* binding */ repoSettings)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2450);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1604);




// Flags several commands take, written once so that their help reads the same everywhere.
const REPO_FLAG = {
    name: 'repo',
    type: 'string',
    value: 'DIR|URL',
    help: 'a clone of the GitOps repository (its origin holds the state, its work tree the project\nfiles) or a remote URL (file://, https://, git@host:path); default: the current directory',
};
const OUTPUT_FLAG = {
    name: 'output',
    type: 'string',
    short: 'o',
    value: 'table|json',
    default: 'table',
    help: "table for people, json (freight in Kargo's shape) for scripts",
};
const PROJECT_FLAG = {
    name: 'project',
    type: 'string',
    value: 'P',
    help: 'act on this project of .gantry/; default: every project, or the only one',
};
const BY_FLAG = (what) => ({
    name: 'by',
    type: 'string',
    value: 'NAME',
    help: `who ${what}, as recorded; default: GIT_AUTHOR_NAME, else USER`,
});
function outputOf(args, command) {
    const output = args.string('output');
    if (output !== 'table' && output !== 'json')
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`--output must be table or json, not "${output}"`, command);
    return output;
}
function noPositionals(args, command) {
    if (args.positionals.length)
        throw new _io_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${command} takes no arguments, got "${args.positionals.join(' ')}"`, command);
}
/** How the command reaches the GitOps repository: `--repo`, the cache, credentials, warnings. */
function repoSettings(args, ctx) {
    const { io, later } = ctx;
    return {
        repo: args.string('repo') ?? '.',
        cacheDir: io.env.GANTRY_CACHE_DIR ||
            (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.env.XDG_CACHE_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache'), 'gantry'),
        baseEnv: io.env,
        credentials: (url) => repoCredentials(io.env, url),
        warn: (line) => later.push(`warning: ${line}\n`),
        trace: io.env.GANTRY_DEBUG ? (line) => io.err(`debug: ${line}\n`) : undefined,
    };
}
/**
 * Progress of promote and verify: on stdout beside the result (steps can take minutes), or after
 * it when stdout is JSON.
 */
function progressOf(output, ctx) {
    return output === 'table'
        ? (line) => ctx.io.out(`${line}\n`)
        : (line) => ctx.later.push(`${line}\n`);
}
const whoOf = (args, env) => args.string('by') || env.GIT_AUTHOR_NAME || env.USER || 'unknown';
/**
 * The GitHub repository and API of a remote on the GitHub server (GITHUB_SERVER_URL, default
 * github.com), whichever way the remote is written: `https://host/owner/name(.git)`,
 * `ssh://git@host/owner/name`, or scp-style `git@host:owner/name.git` (an SSH clone's origin:
 * promotions from it record deployments and open pull requests like any other).
 */
function githubTarget(env, url) {
    return (0,_github_url_js__WEBPACK_IMPORTED_MODULE_3__/* .githubRepoOnServer */ .MH)(url, {
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    });
}
/**
 * GANTRY_TOKEN for any https remote; GITHUB_TOKEN only for the GitHub host, so that a token meant
 * for GitHub never replaces the credential helper of a GitLab or Gitea remote.
 */
function repoCredentials(env, url) {
    if (env.GANTRY_TOKEN)
        return { kind: 'token', token: env.GANTRY_TOKEN };
    if (!env.GITHUB_TOKEN)
        return undefined;
    try {
        const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').host;
        return new URL(url).host === host ? { kind: 'token', token: env.GITHUB_TOKEN } : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* reexport */ Git),
  XS: () => (/* reexport */ GitError),
  M8: () => (/* reexport */ git_remote/* parseRemote */.M8),
  Yu: () => (/* reexport */ shallowCommitsOf)
});

// UNUSED EXPORTS: isHttpRemote

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
// EXTERNAL MODULE: ./src/git/remote.ts
var git_remote = __webpack_require__(668);
;// CONCATENATED MODULE: ./src/git/git.ts





/** A git command that failed: says which command, why, and what kind of failure it was. */
class GitError extends errors/* OperationError */.OK {
    command;
    exitCode;
    stderr;
    kind;
    name = 'GitError';
    constructor(command, exitCode, stderr, kind, 
    /** What went wrong in plain words, said before git's own message (which can mislead). */
    explanation) {
        const why = stderr.trim() || `exit code ${exitCode}`;
        super(explanation ? `${explanation} (${command} failed: ${why})` : `${command} failed: ${why}`);
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.kind = kind;
    }
}
// Settings that keep gantry's git predictable whatever the user's global config says:
// no hooks, no signing prompts, no background maintenance, protocol v2 for ref-prefix listing.
const FIXED_CONFIG = [
    ['core.hooksPath', '/dev/null'],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['fetch.writeCommitGraph', 'false'],
    ['advice.detachedHead', 'false'],
    ['init.defaultBranch', 'main'],
    ['protocol.version', '2'],
    ['core.askPass', ''],
    ['credential.interactive', 'false'],
];
/**
 * The one door through which gantry runs git. Every command gets a controlled environment
 * (no prompts, C locale, fixed config), the remote's credentials through GIT_CONFIG_* variables
 * scoped to the remote's URL, and errors that name the command with secrets redacted.
 */
class Git {
    opts;
    redactor;
    env;
    constructor(opts) {
        this.opts = opts;
        this.redactor = opts.redactor ?? new redact/* Redactor */.p();
        this.env = this.buildEnv();
    }
    get remote() {
        return this.opts.remote;
    }
    buildEnv() {
        const env = {};
        for (const [k, v] of Object.entries(this.opts.baseEnv)) {
            // Inherited GIT_* settings (GIT_DIR from a hook, a caller's GIT_CONFIG_COUNT) would point
            // gantry's git somewhere else; proxies and SSH settings are the user's and are kept.
            if (v === undefined)
                continue;
            if (/^GIT_/.test(k) &&
                !/^GIT_(SSH|SSH_COMMAND|SSL_CAINFO|SSL_NO_VERIFY|PROXY_COMMAND|EXEC_PATH|TRACE.*)$/.test(k))
                continue;
            if (k === 'SSH_ASKPASS' || k === 'GCM_INTERACTIVE')
                continue;
            env[k] = v;
        }
        env.GIT_TERMINAL_PROMPT = '0';
        env.GCM_INTERACTIVE = 'never';
        env.LC_ALL = 'C';
        env.LANGUAGE = 'C';
        if (this.opts.identity) {
            env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = this.opts.identity.name;
            env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = this.opts.identity.email;
        }
        const config = [...FIXED_CONFIG];
        const remote = this.opts.remote;
        if (remote?.credentials && (0,git_remote/* isHttpRemote */.DY)(remote.url)) {
            const { username, password } = (0,git_remote/* basicPair */.xE)(remote.credentials);
            this.redactor.addBasicAuth(username, password);
            const header = `Authorization: Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
            // Scoped to the remote's URL prefix, so another host (a submodule, say) never sees it.
            const prefix = remote.url.replace(/\/+$/, '');
            // One entry: git sends every matching extraHeader, and two Authorization headers are a 400
            // at strict proxies.
            config.push([`http.${prefix}.extraHeader`, header]);
            // git reads extraHeader once, for the URL it was given; after a redirect its next requests
            // would carry the header to wherever the redirect pointed. With credentials, follow none.
            config.push(['http.followRedirects', 'false']);
        }
        env.GIT_CONFIG_COUNT = String(config.length);
        config.forEach(([k, v], i) => {
            env[`GIT_CONFIG_KEY_${i}`] = k;
            env[`GIT_CONFIG_VALUE_${i}`] = v;
        });
        return env;
    }
    sshChecked;
    /**
     * ssh must not prompt (for a passphrase or a host key) in a job nobody watches. Batch mode is
     * set only when the user has not chosen an ssh command (GIT_SSH, GIT_SSH_COMMAND or
     * core.sshCommand): a deploy-key wrapper of theirs wins.
     */
    checkSsh() {
        this.sshChecked ??= (async () => {
            const url = this.opts.remote?.url ?? '';
            if (!url || /^(?:https?|file):\/\//i.test(url))
                return;
            if (this.env.GIT_SSH || this.env.GIT_SSH_COMMAND)
                return;
            const configured = await this.spawn(['config', '--get', 'core.sshCommand'], {});
            if (configured.exitCode !== 0 || !configured.stdout.trim())
                this.env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
        })();
        return this.sshChecked;
    }
    /** Runs git and throws GitError when it exits non-zero. */
    async run(args, options = {}) {
        const result = await this.exec(args, options);
        if (result.exitCode !== 0)
            throw this.error(args, result);
        return result;
    }
    /** Runs git where failure is an expected answer (does this ref exist?). */
    async tryRun(args, options = {}) {
        return this.exec(args, options);
    }
    error(args, result) {
        const command = this.redactor.redact(`git ${args.join(' ')}`);
        // Push reports rejections on stdout with --porcelain; keep them, redacted like the rest.
        const stderr = this.redactor.redact(result.stderr.trim() || result.stdout);
        const kind = classify(result.exitCode, result.stderr);
        const explanation = kind === 'auth'
            ? authProblem(result.stderr, this.opts.remote, Boolean(this.opts.remote?.credentials))
            : undefined;
        return new GitError(command, result.exitCode, stderr, kind, explanation);
    }
    async exec(args, options) {
        await this.checkSsh();
        if (!this.opts.trace)
            return this.spawn(args, options);
        const started = performance.now();
        const result = await this.spawn(args, options);
        const ms = (performance.now() - started).toFixed(0);
        this.opts.trace(this.redactor.redact(`git ${args.join(' ')} (${options.cwd ?? '.'}) exit ${result.exitCode} in ${ms} ms`));
        return result;
    }
    spawn(args, options) {
        const timeoutMs = options.timeoutMs ?? this.opts.timeoutMs ?? 120_000;
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.opts.binary ?? 'git', args, {
                cwd: options.cwd,
                env: options.env ? { ...this.env, ...options.env } : this.env,
                stdio: ['pipe', 'pipe', 'pipe'],
            });
            const out = [];
            const err = [];
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
                // A grandchild (ssh, a credential helper) may hold the pipes open after git dies;
                // do not wait for it.
                child.stdout.destroy();
                child.stderr.destroy();
                resolve({
                    exitCode: 124,
                    stdout: '',
                    stdoutBytes: Buffer.alloc(0),
                    stderr: `timed out after ${timeoutMs} ms`,
                });
            }, timeoutMs);
            child.stdout.on('data', (d) => out.push(d));
            child.stderr.on('data', (d) => err.push(d));
            child.on('error', (e) => {
                clearTimeout(timer);
                const why = options.cwd && !(0,external_node_fs_.existsSync)(options.cwd)
                    ? `the directory ${options.cwd} does not exist`
                    : `${e.message}; is git installed and on PATH?`;
                reject(new errors/* OperationError */.OK(`could not run git ${args[0] ?? ''}: ${why}`));
            });
            child.on('close', (code) => {
                clearTimeout(timer);
                if (timedOut)
                    return;
                const stderr = Buffer.concat(err).toString('utf8');
                const stdoutBytes = Buffer.concat(out);
                resolve({ exitCode: code ?? 1, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr });
            });
            child.stdin.on('error', () => {
                // git may exit before reading its input (e.g. a bad argument); the exit code tells why.
            });
            child.stdin.end(options.input ?? '');
        });
    }
}
/** The host of a remote URL (https://, ssh://, scp-style user@host:path), without credentials. */
function hostOf(url) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        try {
            return new URL(url).host || undefined;
        }
        catch {
            return undefined;
        }
    }
    return /^(?:[^@/]+@)?([^:/]+):/.exec(url)?.[1];
}
/**
 * An auth failure in plain words, naming the host. With credentials and no terminal, git reports
 * a rejected password as "could not read Username … terminal prompts disabled" (it wanted to ask
 * for another one), which reads as if no credentials had been given at all.
 */
function authProblem(stderr, remote, sentCredentials) {
    const s = stderr.toLowerCase();
    // "Permission denied" alone is as often a local file's: only the server's answers are explained.
    if (!/authentication failed|could not read (?:username|password)|terminal prompts disabled|returned error: 40[13]|http 40[13]|permission denied \(publickey/.test(s))
        return undefined;
    const quoted = /'((?:https?|ssh):\/\/[^']+)'/i.exec(stderr)?.[1];
    const host = (remote && hostOf(remote.url)) ?? (quoted && hostOf(quoted)) ?? 'the git server';
    if (/permission denied \(publickey/.test(s))
        return `${host} refused the ssh key (check the deploy key or ssh agent for it)`;
    if (/returned error: 403|http 403/.test(s)) {
        return sentCredentials
            ? `${host} refused access (HTTP 403): the credentials gantry sent do not grant access to this repository (a push needs write access)`
            : `${host} refused access (HTTP 403) without credentials: give gantry a token for it`;
    }
    if (sentCredentials)
        return `${host} rejected the credentials gantry sent (HTTP 401): the token or password is wrong, expired or revoked`;
    if (/authentication failed/.test(s))
        return `${host} rejected the credentials git found for it (HTTP 401; from a credential helper or the URL): they are wrong, expired or revoked`;
    return `${host} asks for credentials and gantry was given none for it: set GANTRY_TOKEN (or GITHUB_TOKEN for GitHub) on the command line, the token input in an action, or configure a git credential helper`;
}
function classify(exitCode, stderr) {
    const s = stderr.toLowerCase();
    if (exitCode === 124 && s.startsWith('timed out'))
        return 'timeout';
    if (
    // Push races only: a local "cannot lock ref" (a fetch into a directory/file conflict) is not one.
    /\[rejected\].*\(fetch first\)|non-fast-forward|\(stale info\)|remote: error: cannot lock ref|\[remote rejected\].*(?:failed to update ref|incorrect old value|cannot lock ref)/.test(s))
        return 'non-fast-forward';
    if (/\(already exists\)/.test(s))
        return 'already-exists';
    if (/authentication failed|could not read username|could not read password|permission denied|http 401|http 403|returned error: 40[13]|terminal prompts disabled/.test(s))
        return 'auth';
    if (/repository .* not found|does not appear to be a git repository|returned error: 404|http 404|couldn't find remote ref|not a git repository/.test(s))
        return 'not-found';
    if (/could not resolve host|connection refused|failed to connect|timed out|network is unreachable|connection reset|early eof|the remote end hung up|returned error: 5\d\d|http 5\d\d/.test(s))
        return 'network';
    return 'other';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/git/shallow.ts


/**
 * The commits a repository holds without their parents (its `shallow` file, gitrepository-layout:
 * one object name a line), given its object directory: for a repository that borrows those
 * objects (objects/info/alternates) to list too. Without them git takes such a commit, reached
 * through a ref the remote advertises (a push's "have"), for one with history, walks to its
 * missing parent, and in a partial clone fetches it: a round trip per push for nothing.
 * Empty when the file is absent (a repository with whole history).
 */
async function shallowCommitsOf(objects) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)((0,external_node_path_.dirname)(objects), 'shallow'), 'utf8').catch(() => '');
    return text.split('\n').filter((l) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(l));
}

;// CONCATENATED MODULE: ./src/git/index.ts





/***/ }),

/***/ 668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ isHttpRemote),
/* harmony export */   M8: () => (/* binding */ parseRemote),
/* harmony export */   g6: () => (/* binding */ maskUserinfo),
/* harmony export */   xE: () => (/* binding */ basicPair)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * Splits credentials out of a remote URL, so that `https://bot:pw@host/repo.git` is fetched with
 * the password in a header and never lands in `.git/config`, a log line or an error.
 */
function parseRemote(raw, credentials) {
    const text = raw.trim();
    if (!text)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('the repository URL is empty');
    if (/^https?:\/\//i.test(text)) {
        let u;
        try {
            u = new URL(text);
        }
        catch {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`"${maskUserinfo(text)}" is not a valid URL`);
        }
        let creds = credentials;
        if (u.username || u.password) {
            let username;
            let password;
            try {
                username = decodeURIComponent(u.username);
                password = decodeURIComponent(u.password);
            }
            catch {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`the credentials in "${maskUserinfo(text)}" are not valid percent-encoding`);
            }
            creds ??= password
                ? { kind: 'basic', username, password }
                : // `https://<token>@github.com/…` is a common way to pass a token alone.
                    { kind: 'token', token: username };
            u.username = '';
            u.password = '';
        }
        return { url: u.toString(), credentials: creds };
    }
    return { url: text, credentials };
}
function isHttpRemote(url) {
    return /^https?:\/\//i.test(url);
}
/** The username/password pair a credential turns into on the wire. */
function basicPair(c) {
    return c.kind === 'basic'
        ? { username: c.username, password: c.password }
        : { username: 'x-access-token', password: c.token };
}
/** `scheme://user:pass@host/…` → `scheme://***@host/…`, whatever characters the password holds. */
function maskUserinfo(url) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
    if (!scheme)
        return url;
    const rest = url.slice(scheme[0].length);
    const at = rest.lastIndexOf('@');
    return at < 0 ? url : `${scheme[0]}***@${rest.slice(at + 1)}`;
}


/***/ }),

/***/ 2450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MH: () => (/* binding */ githubRepoOnServer),
/* harmony export */   e: () => (/* binding */ remoteWebUrl),
/* harmony export */   hL: () => (/* binding */ githubRepoOf)
/* harmony export */ });
/* unused harmony export parseRemote */
/**
 * The one reading of a git remote URL, and of it as a GitHub repository: for the command line
 * (which API a remote's promotions use), `gantry init` (which repository the workflows' comments
 * name), the actions' `repository` input (which repository `dispatch-workflow` starts and the
 * summaries link), and the dashboard's commit links.
 */
/**
 * `scheme://[user@]host[:port]/path` or scp-style `[user@]host:path` (no scheme, a colon before
 * any slash, as git reads it); undefined for anything else, local paths included.
 */
function parseRemote(remoteUrl) {
    const url = remoteUrl.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        try {
            const u = new URL(url);
            if (!u.hostname)
                return undefined;
            return {
                scheme: u.protocol.slice(0, -1).toLowerCase(),
                host: u.hostname.toLowerCase(),
                port: u.port,
                path: decodeURIComponent(u.pathname),
            };
        }
        catch {
            return undefined;
        }
    }
    const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
    if (!scp?.[1] || !scp[2])
        return undefined;
    return { scheme: 'ssh', host: scp[1].toLowerCase(), port: '', path: scp[2] };
}
/** `owner/name` of a path `/owner/name(.git)(/)`, or undefined for a deeper or shallower one. */
function ownerName(path) {
    const m = /^\/?([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(path);
    return m?.[1] && m[2] ? { owner: m[1], repo: m[2] } : undefined;
}
function hostAndPort(url) {
    try {
        const u = url ? new URL(url) : undefined;
        return u ? { host: u.hostname.toLowerCase(), port: u.port } : undefined;
    }
    catch {
        return undefined;
    }
}
const DOTCOM_API = 'https://api.github.com';
/**
 * `https://github.com/acme/gitops.git`, `git@github.com:acme/gitops.git`,
 * `ssh://git@github.com/acme/gitops` → acme/gitops on github.com. Another host counts only when
 * it is the server the workflow environment names (`serverUrl`, GitHub Enterprise Server), whose
 * API is `apiUrl` or `<server>/api/v3`.
 */
function githubRepoOf(originUrl, server = {}) {
    const at = parseRemote(originUrl);
    const name = at && ownerName(at.path);
    if (!at || !name)
        return undefined;
    if (at.host === 'github.com' || at.host === 'www.github.com') {
        return { ...name, apiUrl: DOTCOM_API };
    }
    const s = hostAndPort(server.serverUrl);
    // Over http(s) the port is part of where the server is (http://127.0.0.1:8081 is not :5000); an
    // ssh port is another service of the same host.
    const port = /^https?$/.test(at.scheme) ? at.port : '';
    if (s && s.host === at.host && (!port || port === s.port)) {
        const apiUrl = server.apiUrl || `${server.serverUrl?.replace(/\/+$/, '')}/api/v3`;
        return { ...name, apiUrl };
    }
    return undefined;
}
/**
 * The repository of `url` only when it is on the GitHub server a workflow or the command line is
 * configured for (`serverUrl`, github.com by default), with that server's API (`apiUrl` overrides
 * github.com's, for tests and proxies). A token for one server is never sent to the other: a
 * github.com remote seen from a GHES setup is not "on GitHub", nor the reverse.
 */
function githubRepoOnServer(url, server = {}) {
    const serverUrl = server.serverUrl || 'https://github.com';
    const ref = githubRepoOf(url, { serverUrl, ...(server.apiUrl ? { apiUrl: server.apiUrl } : {}) });
    const s = hostAndPort(serverUrl);
    if (!ref || !s)
        return undefined;
    const toGitHubCom = ref.apiUrl === DOTCOM_API;
    if (toGitHubCom !== (s.host === 'github.com'))
        return undefined;
    return toGitHubCom ? { ...ref, apiUrl: server.apiUrl || ref.apiUrl } : ref;
}
/**
 * The web page of a repository from its clone URL, for commit links on any forge:
 * `https://host/owner/name` from `https://[user@]host/owner/name(.git)`, `git@host:owner/name`
 * or `ssh://git@host/owner/name` (groups of several levels too). Undefined for anything else
 * (file://, plain http://, a local path).
 */
function remoteWebUrl(remoteUrl) {
    const at = parseRemote(remoteUrl);
    if (!at || (at.scheme !== 'https' && at.scheme !== 'ssh'))
        return undefined;
    const path = at.path
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .replace(/^\/+/, '');
    if (!/^[\w.~-]+(?:\/[\w.~-]+)+$/.test(path))
        return undefined;
    // An ssh port is not the web server's.
    const port = at.scheme === 'https' && at.port ? `:${at.port}` : '';
    return `https://${at.host}${port}/${path}`;
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ fieldError),
/* harmony export */   Ah: () => (/* binding */ GantryError),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/**
 * Errors that cross the core's boundary. Adapters map them to exit codes (CLI) or `core.setFailed`
 * (actions): a ConfigError is the user's input to fix (exit 2), an OperationError is an operation
 * that was refused or failed (exit 1). Anything else is a bug and also exits 1.
 */
function formatProblem(p) {
    const where = `${p.file}:${p.line}:${p.column}`;
    return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
class GantryError extends Error {
    name = 'GantryError';
}
/** Bad usage or bad configuration: the user must change something before trying again. */
class ConfigError extends GantryError {
    name = 'ConfigError';
    problems;
    constructor(message, problems = []) {
        super(problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
        this.problems = problems;
    }
}
/** The operation was refused or failed (a rejected push past its retries, an unreachable remote). */
class OperationError extends GantryError {
    name = 'OperationError';
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * A configuration error about one field, named with where it is: `yaml-update: config.path: …`,
 * `verification metric "smoke": provider http: url: …`. Declared, so TypeScript narrows after it.
 */
function fieldError(where, field, message) {
    throw new ConfigError(`${where}: ${field}: ${message}`);
}


/***/ }),

/***/ 767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
/**
 * Replaces secrets with `***` in anything that may be printed: git's stderr, error messages,
 * command lines. Holds the secret itself and the encodings it travels in (base64 of a basic
 * auth pair), since git and servers echo either form.
 */
class Redactor {
    secrets = new Set();
    add(...values) {
        for (const v of values) {
            // Very short values would shred ordinary text; nobody's token is three characters.
            if (v && v.length >= 4)
                this.secrets.add(v);
        }
        return this;
    }
    /** A secret for `user:password` travels base64-encoded in an Authorization header. */
    addBasicAuth(username, password) {
        this.add(password, Buffer.from(`${username}:${password}`).toString('base64'));
        return this;
    }
    redact(text) {
        // Credentials embedded in URLs, whoever put them there.
        // A password may hold '/', so mask everything up to the '@' (too much, rather than too little).
        return this.redactValues(text).replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s@]+@/gi, '$1***@');
    }
    /**
     * Only the registered values, for text that is the user's own (a diff, what a step changed),
     * where `ssh://git@host` is an address, not a credential.
     */
    redactValues(text) {
        let out = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(s).join('***');
        }
        return out;
    }
    list() {
        return [...this.secrets];
    }
}


/***/ }),

/***/ 7406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean …?" for misspelled names: field names, enum values, stage names, CLI flags.
 *
 * Distance is the optimal-string-alignment variant of Damerau-Levenshtein (insert, delete,
 * substitute, swap two adjacent characters), computed case-insensitively so that `automatic`
 * finds `Automatic`; ties are broken by the case-sensitive distance, then by candidate order.
 */
/** Edit distance with adjacent transpositions (optimal string alignment). */
function editDistance(a, b) {
    if (a === b)
        return 0;
    if (!a.length)
        return b.length;
    if (!b.length)
        return a.length;
    // Three rolling rows: two back (for transpositions), previous, current.
    let prev2 = new Array(b.length + 1).fill(0);
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    let cur = new Array(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
            }
            cur[j] = d;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    return prev[b.length] ?? 0;
}
/**
 * The candidate closest to `word`, or undefined when none is close enough. "Close enough" is a
 * distance of at most max(2, ⌊len/3⌋) where len is the longer of the two strings, which catches a
 * dropped or swapped letter in short names and a few slips in long ones without suggesting
 * unrelated words. Failing that, a word of four or more letters that is part of exactly one
 * candidate suggests that candidate. Returns `word` itself when it is one of the candidates.
 */
function suggest(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    let bestScore = Infinity;
    for (const candidate of candidates) {
        const folded = editDistance(lower, candidate.toLowerCase());
        const limit = Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
        if (folded > limit)
            continue;
        // Case-insensitive distance first; exact-case distance only breaks ties.
        const score = folded * 1000 + editDistance(word, candidate);
        if (score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    if (best !== undefined || lower.length < 4)
        return best;
    // A shortened name (`strategy` for `imageSelectionStrategy`, `Auto` for `Automatic`): suggest
    // the one candidate that contains it, if exactly one does.
    const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
    return containing.length === 1 ? containing[0] : undefined;
}
/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
function didYouMean(word, candidates) {
    const s = suggest(word, candidates);
    return s !== undefined && s !== word ? ` (did you mean "${s}"?)` : '';
}


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

};
