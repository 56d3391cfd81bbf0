import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/duration.ts
var UNIT_NS = {
  ns: 1,
  us: 1e3,
  \u00B5s: 1e3,
  \u03BCs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 6e10,
  h: 36e11
};
var TERM = /^(\d*)(?:\.(\d*))?([a-zµμ]*)/;
function scanDuration(text) {
  let s = text;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -1;
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, sign, ns: 0 };
  if (s === "") return { ok: false, reason: "empty" };
  let ns = 0;
  while (s !== "") {
    const m = TERM.exec(s);
    const whole = m?.[1] ?? "";
    const fraction = m?.[2] ?? "";
    const unit = m?.[3] ?? "";
    if (!m || whole === "" && fraction === "") return { ok: false, reason: "malformed", rest: s };
    if (unit === "") return { ok: false, reason: "missing-unit", rest: s };
    const size = UNIT_NS[unit];
    if (size === void 0) return { ok: false, reason: "unknown-unit", unit };
    ns += Number(`${whole || "0"}.${fraction || "0"}`) * size;
    s = s.slice(m[0].length);
  }
  return { ok: true, sign, ns };
}
function trimZeros(digits) {
  return digits.replace(/0+$/, "");
}
function goForm(ns) {
  if (ns === 0) return "0s";
  let u = Math.abs(Math.round(ns));
  let out;
  if (u < 1e9) {
    const [unit, scale] = u < 1e3 ? ["ns", 1] : u < 1e6 ? ["\xB5s", 1e3] : ["ms", 1e6];
    const whole = Math.floor(u / scale);
    const frac = trimZeros(String(u % scale).padStart(String(scale).length - 1, "0"));
    out = `${whole}${frac && scale > 1 ? `.${frac}` : ""}${unit}`;
  } else {
    const h = Math.floor(u / 36e11);
    u -= h * 36e11;
    const m = Math.floor(u / 6e10);
    u -= m * 6e10;
    const sec = Math.floor(u / 1e9);
    const frac = trimZeros(String(u - sec * 1e9).padStart(9, "0"));
    out = `${sec}${frac ? `.${frac}` : ""}s`;
    if (h > 0) out = `${h}h${m}m${out}`;
    else if (m > 0) out = `${m}m${out}`;
  }
  return ns < 0 ? `-${out}` : out;
}
function shortForm(ms) {
  if (ms === 0) return "0s";
  const parts = [];
  let rest = ms;
  for (const [unit, size] of [
    ["h", 36e5],
    ["m", 6e4],
    ["s", 1e3]
  ]) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join("");
}
function formatDuration(value, style) {
  return style === "go" ? goForm(value) : shortForm(value);
}

export {
  scanDuration,
  formatDuration
};
