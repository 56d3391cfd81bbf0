import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/promotion/steps/safe-path.ts
import { lstat, readlink, realpath } from "node:fs/promises";
import path from "node:path";
function normalizeRelative(relative) {
  const n = path.posix.normalize(relative.replace(/\\/g, "/"));
  const trimmed = n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
  return trimmed === "" ? "." : trimmed;
}
function isInside(root, candidate) {
  const rel = path.relative(root, candidate);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function errnoCode(err) {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : void 0;
}
async function safePath(worktree, relative, field, options = {}) {
  return resolveInside(worktree, relative, field, options, JSON.stringify(relative), 0);
}
async function resolveInside(worktree, relative, field, options, shown, depth) {
  if (depth > 40) throw new ConfigError(`${field} ${shown}: too many levels of symbolic links`);
  if (typeof relative !== "string" || relative.trim() === "") {
    throw new ConfigError(`${field}: must be a non-empty path relative to the checkout`);
  }
  if (relative.includes("\0")) {
    throw new ConfigError(`${field} ${shown}: contains a NUL byte`);
  }
  if (path.isAbsolute(relative) || path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new ConfigError(
      `${field} ${shown}: absolute paths are not allowed; give a path relative to the checkout`
    );
  }
  const normalized = normalizeRelative(relative);
  if (normalized === ".." || normalized.startsWith("../")) {
    throw new ConfigError(`${field} ${shown}: leads outside the checkout (through "..")`);
  }
  const parts = normalized === "." ? [] : normalized.split("/");
  if (parts.some((p) => p.toLowerCase() === ".git")) {
    throw new ConfigError(`${field} ${shown}: steps may not touch the .git directory`);
  }
  let root;
  try {
    root = await realpath(worktree);
  } catch (err) {
    throw new ConfigError(`${field}: the checkout ${worktree} is not readable: ${String(err)}`);
  }
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const next = path.join(current, part);
    let isLink;
    try {
      isLink = (await lstat(next)).isSymbolicLink();
    } catch (err) {
      const code = errnoCode(err);
      if (code === "ENOENT" || code === "ENOTDIR") {
        return path.join(current, ...parts.slice(i));
      }
      throw err;
    }
    const last = i === parts.length - 1;
    if (!isLink || last && options.noFollowFinal) {
      current = next;
      continue;
    }
    let target;
    let dangling = false;
    try {
      target = await realpath(next);
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw err;
      target = path.resolve(path.dirname(next), await readlink(next));
      dangling = true;
    }
    if (!isInside(root, target)) {
      throw new ConfigError(
        `${field} ${shown}: ${parts.slice(0, i + 1).join("/")} is a symbolic link that leads outside the checkout`
      );
    }
    if (path.relative(root, target).split(path.sep)[0]?.toLowerCase() === ".git") {
      throw new ConfigError(
        `${field} ${shown}: ${parts.slice(0, i + 1).join("/")} is a symbolic link into .git`
      );
    }
    if (dangling) {
      const rest = [path.relative(root, target) || ".", ...parts.slice(i + 1)].join("/");
      return resolveInside(root, rest, field, options, shown, depth + 1);
    }
    current = target;
  }
  return current;
}

export {
  normalizeRelative,
  safePath
};
