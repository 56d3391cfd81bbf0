import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  formatDuration,
  scanDuration
} from "./SSNOSDZA.js";

// src/pipeline/duration.ts
function parseDuration(text) {
  const found = scanDuration(text);
  if (found.ok && found.sign === 1 && !/^[+-]/.test(text)) return found.ns / 1e6;
  if (text === "") {
    throw new Error('invalid duration "": expected a duration such as 30m, 1h30m or 90s');
  }
  const rest = !found.ok && "rest" in found ? found.rest : "";
  const hint = /^[0-9.]+$/.test(rest) ? `missing unit after "${rest}" (use ns, us, ms, s, m or h)` : "expected a duration such as 30m, 1h30m or 90s";
  throw new Error(`invalid duration "${text}": ${hint}`);
}
function formatDuration2(ms) {
  return formatDuration(ms, "short");
}

export {
  parseDuration,
  formatDuration2 as formatDuration
};
