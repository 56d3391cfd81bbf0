#!/usr/bin/env node
import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./GILJMULB.js";
import "./5SCPXACV.js";
import {
  EXIT,
  UsageError
} from "./BOHIHDER.js";
import "./XK25RJ5D.js";
import {
  GitError
} from "./HLO4W42S.js";
import "./J4XWRISY.js";
import "./FNZOKEBV.js";
import {
  suggest
} from "./TFE6LUOK.js";
import {
  ConfigError,
  GantryError,
  errorMessage,
  formatProblem
} from "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/cli/run.ts
import { parseArgs as parseArgs2 } from "node:util";

// src/cli/commands/index.ts
var LOADERS = {
  lint: async () => (await import("./SKNGOKIU.js")).lintCommand,
  get: async () => (await import("./SN3HXVOO.js")).getCommand,
  discover: async () => (await import("./V5NITNGE.js")).discoverCommand,
  freight: async () => (await import("./6NKCZBK4.js")).freightCommand,
  promote: async () => (await import("./HFSRD5DE.js")).promoteCommand,
  verify: async () => (await import("./Q7PT2SPG.js")).verifyCommand,
  approve: async () => (await import("./IKYCYUNT.js")).approveCommand,
  init: async () => (await import("./FNNVLWOJ.js")).initCommand,
  dashboard: async () => (await import("./WLSUALXR.js")).dashboardCommand,
  demo: async () => (await import("./C27SX246.js")).demoCommand,
  version: async () => (await import("./WOFLAMHR.js")).versionCommand
};
var COMMAND_NAMES = Object.keys(LOADERS);
function loadCommand(name) {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]() : void 0;
}
function loadCommands() {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}

// src/cli/command.ts
import { parseArgs } from "node:util";
var HELP_FLAG = {
  name: "help",
  type: "boolean",
  short: "h",
  help: "print this help and exit"
};
function parseCommandArgs(command, argv, allCommands2) {
  const flags = [...command.flags, HELP_FLAG];
  const byName = new Map(flags.map((f) => [f.name, f]));
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      flags.map((f) => [f.name, { type: f.type, ...f.short ? { short: f.short } : {} }])
    )
  });
  const fail = (message) => new UsageError(`gantry ${command.name}${message}`, command.name, true);
  const strings = /* @__PURE__ */ new Map();
  const many = /* @__PURE__ */ new Map();
  const booleans = /* @__PURE__ */ new Set();
  const positionals = [];
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    const isShort = !t.rawName.startsWith("--");
    const flag = byName.get(t.name);
    if (!flag) throw fail(unknownFlag(command, t.rawName, t.name, isShort, allCommands2));
    if (flag.type === "boolean") {
      if (t.value !== void 0) throw fail(`: ${t.rawName} takes no value, got "${t.value}"`);
      booleans.add(flag.name);
      continue;
    }
    if (t.value === void 0) throw fail(`: ${t.rawName} needs a value (${flagUsage(flag)})`);
    if (!t.inlineValue && t.value.startsWith("-")) {
      throw fail(
        `: ${t.rawName} needs a value, and "${t.value}" looks like a flag; write ${t.rawName}=${t.value} if it is the value`
      );
    }
    if (flag.multiple) many.set(flag.name, [...many.get(flag.name) ?? [], t.value]);
    else {
      const had = strings.get(flag.name);
      if (had !== void 0)
        throw fail(`: --${flag.name} given twice ("${had}", then "${t.value}"); give it once`);
      strings.set(flag.name, t.value);
    }
  }
  return {
    positionals,
    help: booleans.has("help"),
    string: (name) => {
      const flag = byName.get(name);
      if (flag?.type !== "string") throw new Error(`${command.name} has no string flag --${name}`);
      return strings.get(name) ?? flag.default;
    },
    strings: (name) => {
      const flag = byName.get(name);
      if (flag?.type !== "string" || !flag.multiple)
        throw new Error(`${command.name} has no repeatable flag --${name}`);
      return many.get(name) ?? [];
    },
    boolean: (name) => {
      if (byName.get(name)?.type !== "boolean")
        throw new Error(`${command.name} has no boolean flag --${name}`);
      return booleans.has(name);
    },
    given: (name) => {
      if (!byName.has(name)) throw new Error(`${command.name} has no flag --${name}`);
      return booleans.has(name) || strings.has(name) || many.has(name);
    }
  };
}
function unknownFlag(command, raw, name, isShort, allCommands2) {
  const own = [...command.flags, HELP_FLAG].map((f) => f.name);
  const hint = isShort ? void 0 : suggest(name, own);
  const mean = hint && hint !== name ? ` (did you mean --${hint}?)` : "";
  const others = isShort ? [] : allCommands2.filter((c) => c !== command && c.flags.some((f) => f.name === name));
  if (others.length) {
    const who = others.map((c) => c.name);
    const list = who.length === 1 ? who[0] : `${who.slice(0, -1).join(", ")} and ${who.at(-1)}`;
    return ` takes no ${raw}${mean}: that is a flag of gantry ${list}`;
  }
  return `: unknown option ${raw}${mean}`;
}
function flagUsage(f) {
  return f.type === "string" ? `--${f.name} ${f.value ?? "VALUE"}` : `--${f.name}`;
}
function usageLines(c, width = WIDTH - 2) {
  const head = `gantry ${c.name}`;
  const words = [
    ...c.positional ? [c.positional] : [],
    ...c.flags.filter((f) => f.required).map(flagUsage),
    ...c.flags.filter((f) => !f.required).map((f) => `[${flagUsage(f)}]${f.multiple ? "\u2026" : ""}`)
  ];
  const lines = [];
  let line = head;
  for (const w of words) {
    if (line.length + 1 + w.length > width && line.length > head.length) {
      lines.push(line);
      line = " ".repeat(head.length);
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines;
}
var WIDTH = 100;
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
function commandHelp(c) {
  const flags = [...c.flags, HELP_FLAG];
  const left = (f) => `${f.short ? `-${f.short}, ` : "    "}--${f.name}${f.type === "string" ? ` ${f.value ?? "VALUE"}` : ""}`;
  const width = Math.max(...flags.map((f) => left(f).length)) + 2;
  const flagLines = flags.map((f) => {
    const text = [
      f.help.replace(/\s*\n\s*/g, " "),
      ...f.required ? ["(required)"] : [],
      ...f.default !== void 0 ? [`(default: ${f.default})`] : []
    ].join(" ");
    const [first, ...more] = wrap(text, WIDTH - 2 - width);
    return [
      `  ${left(f).padEnd(width)}${first}`,
      ...more.map((m) => `  ${" ".repeat(width)}${m}`)
    ].join("\n");
  });
  return [
    `gantry ${c.name}: ${c.summary}`,
    "",
    "Usage:",
    ...usageLines(c).map((l) => `  ${l}`),
    "",
    ...c.description ? c.description.trim().split(/\n\s*\n/).flatMap((para) => [...wrap(para.replace(/\s*\n\s*/g, " "), WIDTH), ""]) : [],
    "Flags:",
    ...flagLines,
    "",
    c.examples.length === 1 ? "Example:" : "Examples:",
    ...c.examples.map((e) => `  ${e}`),
    ""
  ].join("\n");
}

// src/cli/run.ts
var helpCommand = {
  name: "help",
  summary: "list the commands, or explain one: gantry help COMMAND (same as gantry COMMAND --help)",
  positional: "[COMMAND]",
  flags: [],
  examples: ["gantry help", "gantry help promote"],
  async run(args, { io }) {
    const [name, ...more] = args.positionals;
    if (more.length)
      throw new UsageError(`help takes one command, got "${args.positionals.join(" ")}"`, "help");
    if (name === void 0) {
      io.out(await globalHelp());
      return EXIT.ok;
    }
    io.out(commandHelp(await commandNamed(name)));
    return EXIT.ok;
  }
};
var allCommands = async () => [...await loadCommands(), helpCommand];
async function commandNamed(name) {
  const command = name === helpCommand.name ? helpCommand : await loadCommand(name);
  if (command) return command;
  const hint = suggest(name, [...COMMAND_NAMES, helpCommand.name]);
  throw new UsageError(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
}
async function globalHelp() {
  const ALL = await allCommands();
  const width = Math.max(...ALL.map((c) => c.name.length)) + 2;
  return `gantry: continuous promotion for GitOps

Usage: gantry COMMAND [flags]

Commands:
${ALL.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n")}

"gantry help COMMAND" or "gantry COMMAND --help" lists the command's flags, each explained, with
an example. A command refuses flags it does not take. "gantry --version" prints the version.

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
async function runCli(argv, io) {
  const later = [];
  try {
    return await dispatch(argv, io, later);
  } catch (err) {
    return reportError(err, io);
  } finally {
    if (later.length) io.err(later.join(""));
  }
}
function reportError(err, io) {
  if (err instanceof UsageError && err.framed) {
    io.err(`${err.message}
Run "gantry help ${err.command ?? ""}" for usage.
`);
    return EXIT.usage;
  }
  if (err instanceof ConfigError) {
    io.err(
      `gantry: ${err.problems.length ? `${err.message.split("\n")[0]}
${err.problems.map(formatProblem).join("\n")}` : err.message}
`
    );
    if (err instanceof UsageError)
      io.err(`Run "gantry help${err.command ? ` ${err.command}` : ""}" for usage.
`);
    return EXIT.usage;
  }
  if (err instanceof GantryError || err instanceof GitError) {
    io.err(`gantry: ${err.message}
`);
    return EXIT.failed;
  }
  io.err(
    `gantry: unexpected error: ${errorMessage(err)}
${err instanceof Error ? err.stack ?? "" : ""}
`
  );
  return EXIT.failed;
}
function scan(argv, flags) {
  const options = {};
  for (const f of flags) options[f.name] = { type: f.type, ...f.short ? { short: f.short } : {} };
  const { tokens } = parseArgs2({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const first = tokens.find((t) => t.kind === "positional");
  const before = tokens.filter((t) => t.kind === "option" && (!first || t.index < first.index));
  return {
    index: first?.index ?? -1,
    help: tokens.some((t) => t.kind === "option" && t.name === "help"),
    // A flag before the command word may take a value that looks like a command.
    flagFirst: before.some((t) => t.kind === "option" && t.name !== "help")
  };
}
async function findCommand(argv) {
  const quick = scan(argv, [HELP_FLAG]);
  if (!quick.flagFirst) return quick;
  return scan(argv, [...(await allCommands()).flatMap((c) => c.flags), HELP_FLAG]);
}
var VERSION_FLAGS = /* @__PURE__ */ new Set(["--version", "-v", "-V"]);
async function dispatch(argv, io, later) {
  if (argv.length === 1 && VERSION_FLAGS.has(argv[0])) argv = ["version"];
  const { index, help } = await findCommand(argv);
  if (index < 0) {
    if (help) {
      io.out(await globalHelp());
      return EXIT.ok;
    }
    const flags = argv.filter((a) => a.startsWith("-"));
    if (!flags.length) {
      io.err(await globalHelp());
      return EXIT.usage;
    }
    throw new UsageError(
      `no command given, only ${flags.length === 1 ? "the flag" : "the flags"} ${flags.join(" ")}: gantry COMMAND [flags]`
    );
  }
  const command = await commandNamed(argv[index]);
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  let args;
  try {
    args = parseCommandArgs(command, rest, [command]);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    args = parseCommandArgs(command, rest, await allCommands());
  }
  if (args.help) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, {
    io,
    later,
    now: io.now ?? (() => /* @__PURE__ */ new Date()),
    runCli
  });
}

// src/cli/main.ts
var stdoutClosed = false;
process.stdout.on("error", (err) => {
  if (err.code !== "EPIPE") throw err;
  stdoutClosed = true;
});
var code = await runCli(process.argv.slice(2), {
  out: (t) => {
    if (!stdoutClosed) process.stdout.write(t);
  },
  err: (t) => process.stderr.write(t),
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
process.exitCode = code;
