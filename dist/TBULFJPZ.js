import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  GitError
} from "./HLO4W42S.js";
import {
  sleep
} from "./6DZPHH7F.js";
import {
  OperationError
} from "./HQMHHTDW.js";

// src/state/lock.ts
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname as hostname2 } from "node:os";
import { basename, dirname, join } from "node:path";

// src/state/owner.ts
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
var BOOT_ID = readQuiet("/proc/sys/kernel/random/boot_id");
var OWN_START = startTimeSync(process.pid);
function currentOwner(token) {
  return {
    token,
    pid: process.pid,
    host: hostname(),
    ...BOOT_ID ? { boot: BOOT_ID } : {},
    ...OWN_START ? { start: OWN_START } : {}
  };
}
function serializeOwner(o) {
  return JSON.stringify(o) + "\n";
}
function parseOwner(text) {
  try {
    const o = JSON.parse(text);
    if (typeof o.token !== "string" || typeof o.pid !== "number" || typeof o.host !== "string")
      return void 0;
    return {
      token: o.token,
      pid: o.pid,
      host: o.host,
      ...typeof o.boot === "string" ? { boot: o.boot } : {},
      ...typeof o.start === "string" ? { start: o.start } : {}
    };
  } catch {
    return void 0;
  }
}
async function readOwner(path) {
  const text = await readFile(path, "utf8").catch(() => "");
  return parseOwner(text);
}
async function liveness(o) {
  if (o.host !== hostname()) return "unknown";
  if (o.boot && BOOT_ID && o.boot !== BOOT_ID) return "dead";
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    if (err.code === "ESRCH") return "dead";
  }
  const now = o.start ? await startTime(o.pid) : void 0;
  if (now === void 0) return "unknown";
  return now === o.start ? "alive" : "dead";
}
function parseStart(stat3) {
  const rest = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
  return rest[19];
}
async function startTime(pid) {
  const stat3 = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => void 0);
  return stat3 === void 0 ? void 0 : parseStart(stat3);
}
function startTimeSync(pid) {
  const stat3 = readQuiet(`/proc/${pid}/stat`);
  return stat3 === void 0 ? void 0 : parseStart(stat3);
}
function readQuiet(path) {
  try {
    return readFileSync(path, "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}

// src/state/lock.ts
var TAKEOVER_STALE_MS = 1e4;
async function withDirLock(path, fn, opts = {}) {
  const waitMs = opts.waitMs ?? 6e5;
  const staleMs = opts.staleMs ?? 12e4;
  const lockDir = `${path}.lock`;
  const token = randomBytes(8).toString("hex");
  const me = currentOwner(token);
  const deadline = Date.now() + waitMs;
  const fresh = `${lockDir}.new-${process.pid}.${token}`;
  await mkdir(fresh);
  await writeFile(join(fresh, "owner"), serializeOwner(me));
  let recovered = false;
  try {
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      try {
        await rename(fresh, lockDir);
        break;
      } catch (err) {
        const code = err.code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
      }
      const taken = await takeOverIfDead(lockDir, me, staleMs);
      if (taken) {
        recovered = true;
        await rm(fresh, { recursive: true, force: true });
        break;
      }
      if (Date.now() > deadline) {
        const holder = await readOwner(join(lockDir, "owner"));
        throw new OperationError(
          `waited ${Math.round(waitMs / 1e3)} s for another gantry process${holder ? ` (PID ${holder.pid} on ${holder.host})` : ""} to release ${lockDir}; if none is running, remove that directory`
        );
      }
      await sleep(delay + Math.random() * delay);
    }
  } catch (err) {
    await rm(fresh, { recursive: true, force: true });
    throw err;
  }
  const keepAlive = setInterval(() => {
    const now = /* @__PURE__ */ new Date();
    utimes(lockDir, now, now).catch(() => void 0);
  }, staleMs / 4);
  keepAlive.unref();
  try {
    await removeDeadSiblings(lockDir);
    if (recovered) await opts.recover?.();
    return await fn();
  } finally {
    clearInterval(keepAlive);
    const owner = await readOwner(join(lockDir, "owner"));
    if (owner?.token === token) {
      const gone = `${lockDir}.old-${token}`;
      await rename(lockDir, gone);
      await rm(gone, { recursive: true, force: true });
    }
  }
}
async function takeOverIfDead(lockDir, me, staleMs) {
  const seen = await readOwner(join(lockDir, "owner"));
  const age = await stat(lockDir).then(
    (s) => Date.now() - s.mtimeMs,
    () => void 0
  );
  if (age === void 0) return false;
  let dead;
  if (!seen) {
    dead = age > 5e3;
  } else {
    const state = await liveness(seen);
    dead = state === "dead" || state === "unknown" && age > staleMs;
  }
  if (!dead) return false;
  const mutex = `${lockDir}.takeover`;
  try {
    await mkdir(mutex);
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
    const mutexAge = await stat(mutex).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0
    );
    if (mutexAge > TAKEOVER_STALE_MS) await rm(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    const again = await readOwner(join(lockDir, "owner"));
    if (again?.token !== seen?.token) return false;
    const mine = join(lockDir, `owner.${me.token}`);
    await writeFile(mine, serializeOwner(me));
    await rename(mine, join(lockDir, "owner"));
    return true;
  } catch (err) {
    if (err.code === "ENOENT") return false;
    throw err;
  } finally {
    await rm(mutex, { recursive: true, force: true });
  }
}
async function removeDeadSiblings(lockDir) {
  const dir = dirname(lockDir);
  const prefixes = [`${basename(lockDir)}.new-`, `${basename(lockDir)}.old-`];
  const names = await readdir(dir).catch(() => []);
  for (const name of names.filter((n) => prefixes.some((p) => n.startsWith(p)))) {
    if (name.startsWith(prefixes[1])) {
      await rm(join(dir, name), { recursive: true, force: true });
      continue;
    }
    const owner = await readOwner(join(dir, name, "owner"));
    const maker = owner ? void 0 : ownerFromName(name.slice(`${basename(lockDir)}.new-`.length));
    const gone = owner ? await liveness(owner) === "dead" : maker !== void 0 && await liveness(maker) === "dead" || await stat(join(dir, name)).then(
      (s) => Date.now() - s.mtimeMs > 5e3,
      () => false
    );
    if (gone) await rm(join(dir, name), { recursive: true, force: true });
  }
}
function ownerFromName(rest) {
  const m = /^(\d+)\.([0-9a-f]+)$/.exec(rest);
  return m ? { token: m[2], pid: Number(m[1]), host: hostname2() } : void 0;
}

// src/state/cache.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync } from "node:fs";
import {
  appendFile,
  mkdir as mkdir2,
  mkdtemp,
  readdir as readdir2,
  readFile as readFile2,
  rename as rename2,
  rm as rm2,
  stat as stat2,
  writeFile as writeFile2
} from "node:fs/promises";
import { hostname as hostname3 } from "node:os";
import { basename as basename2, dirname as dirname2, join as join2 } from "node:path";

// src/git/config-file.ts
function configValue(value) {
  if (/[\n\r\0]/.test(value)) {
    throw new Error(
      `a git config value cannot contain a line break or NUL: ${JSON.stringify(value)}`
    );
  }
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
function configText(sections2) {
  let out = "";
  for (const [name, keys] of Object.entries(sections2)) {
    const dot = name.indexOf(".");
    out += dot < 0 ? `[${name}]
` : `[${name.slice(0, dot)} ${configValue(name.slice(dot + 1))}]
`;
    for (const [k, v] of Object.entries(keys)) out += `	${k} = ${configValue(v)}
`;
  }
  return out;
}

// src/state/cache.ts
async function openCacheRepo(git, path, settings) {
  let created = false;
  await withDirLock(
    path,
    async () => {
      if (await isConfigured(git, path, settings)) return;
      created = true;
      await removeScratchRepos(path);
      const tmp = `${path}.tmp-${randomBytes2(6).toString("hex")}`;
      await initBare(tmp);
      await appendFile(join2(tmp, "config"), configText(sections(settings)));
      await rm2(path, { recursive: true, force: true });
      await rename2(tmp, path);
    },
    { recover: () => repairRepo(path) }
  );
  return created;
}
async function initRepository(gitDir, o) {
  for (const sub of ["objects/info", "objects/pack", "refs/heads", "refs/tags", "info"])
    await mkdir2(join2(gitDir, sub), { recursive: true });
  await writeFile2(join2(gitDir, "HEAD"), "ref: refs/heads/main\n");
  const core = `[core]
	repositoryformatversion = 0
	filemode = true
	bare = ${o.bare}
`;
  await writeFile2(join2(gitDir, "config"), core);
  if (existsSync(join2(gitDir, "CoNfIg")))
    await appendFile(join2(gitDir, "config"), "	ignorecase = true\n");
}
var initBare = (dir) => initRepository(dir, { bare: true });
function sections(settings) {
  const out = {};
  for (const [k, v] of settings) {
    const dot = k.lastIndexOf(".");
    (out[k.slice(0, dot)] ??= {})[k.slice(dot + 1)] = v;
  }
  return out;
}
async function isConfigured(git, path, settings) {
  if (!existsSync(join2(path, "HEAD")) || !existsSync(join2(path, "objects"))) return false;
  let have = readSimpleConfig(await readFile2(join2(path, "config"), "utf8").catch(() => ""));
  if (!have) {
    const res = await git.tryRun(["config", "--file", join2(path, "config"), "--list"]);
    if (res.exitCode !== 0) return false;
    have = /* @__PURE__ */ new Map();
    for (const line of res.stdout.split("\n")) {
      const i = line.indexOf("=");
      if (i > 0) have.set(line.slice(0, i).toLowerCase(), line.slice(i + 1));
    }
  }
  return settings.every(([k, v]) => have.get(k.toLowerCase()) === v);
}
function readSimpleConfig(text) {
  const out = /* @__PURE__ */ new Map();
  let section;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const head = /^\[([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\[\\"])*)")?\]$/.exec(line);
    if (head) {
      const sub = head[2]?.replace(/\\(.)/g, "$1");
      section = sub === void 0 ? head[1] : `${head[1]}.${sub}`;
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (!kv || section === void 0) return void 0;
    const v = kv[2];
    const quoted = /^"((?:[^"\\]|\\[\\"])*)"$/.exec(v);
    let value;
    if (quoted) value = quoted[1].replace(/\\(.)/g, "$1");
    else if (/^[^"\\#;]*$/.test(v)) value = v.trim();
    else return void 0;
    out.set(`${section}.${kv[1]}`.toLowerCase(), value);
  }
  return out;
}
async function removeScratchRepos(path) {
  const prefix = `${basename2(path)}.tmp-`;
  const names = await readdir2(dirname2(path)).catch(() => []);
  for (const n of names.filter((x) => x.startsWith(prefix)))
    await rm2(join2(dirname2(path), n), { recursive: true, force: true });
}
async function repairRepo(path) {
  await removeScratchRepos(path);
  const top = await readdir2(path).catch(() => []);
  for (const n of top.filter((x) => x.endsWith(".lock"))) await rm2(join2(path, n), { force: true });
  const refs = await readdir2(join2(path, "refs"), { recursive: true }).catch(() => []);
  for (const n of refs.filter((x) => x.endsWith(".lock")))
    await rm2(join2(path, "refs", n), { force: true });
}
function isBrokenCache(err) {
  if (!(err instanceof GitError)) return false;
  return /not a git repository|bad object|is corrupt|object file \S+ is empty|too short to be a packfile|packfile \S+ does not match index|not a packfile|bad packed object|bad tree|unable to read tree|inflate|index-pack failed|unable to create '[^']*\.lock': file exists|shallow file has changed|invalid (?:object|sha1 pointer)|missing (?:blob|tree|commit) object|did not send all necessary objects/i.test(
    err.stderr
  );
}
var CHECKOUT_PREFIX = "promote-";
var OWNERLESS_AFTER_MS = 10 * 6e4;
var FOREIGN_AFTER_MS = 24 * 60 * 6e4;
async function makeCheckout(cacheDir) {
  const dir = await mkdtemp(join2(cacheDir, `${CHECKOUT_PREFIX}${process.pid}-`));
  const ownerFile = `${dir}.owner`;
  await writeFile2(ownerFile, serializeOwner(currentOwner(basename2(dir))));
  return {
    dir,
    remove: async () => {
      await rm2(dir, { recursive: true, force: true });
      await rm2(ownerFile, { force: true });
    }
  };
}
async function sweepCheckouts(cacheDir, now = Date.now()) {
  const names = await readdir2(cacheDir).catch(() => []);
  const removed = [];
  for (const name of names) {
    if (!name.startsWith(CHECKOUT_PREFIX)) continue;
    const isOwnerFile = name.endsWith(".owner");
    const dirName = isOwnerFile ? name.slice(0, -".owner".length) : name;
    if (isOwnerFile && names.includes(dirName)) continue;
    const dir = join2(cacheDir, dirName);
    const owner = await readOwner(`${dir}.owner`);
    const age = await stat2(isOwnerFile ? join2(cacheDir, name) : dir).then(
      (s) => now - s.mtimeMs,
      () => void 0
    );
    if (age === void 0) continue;
    let gone;
    if (!owner) {
      const maker = /^(\d+)-/.exec(dirName.slice(CHECKOUT_PREFIX.length));
      gone = age > OWNERLESS_AFTER_MS || maker !== null && await liveness({ token: dirName, pid: Number(maker[1]), host: hostname3() }) === "dead";
    } else {
      const state = await liveness(owner);
      gone = state === "dead" || state === "unknown" && age > FOREIGN_AFTER_MS;
    }
    if (!gone) continue;
    await rm2(dir, { recursive: true, force: true });
    await rm2(`${dir}.owner`, { force: true });
    removed.push(dirName);
  }
  return removed;
}

export {
  configText,
  withDirLock,
  openCacheRepo,
  initRepository,
  initBare,
  repairRepo,
  isBrokenCache,
  makeCheckout,
  sweepCheckouts
};
