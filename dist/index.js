import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./CUKHKYV2.js"),
  main: () => import("./HB7KGMN3.js"),
  discover: () => import("./YLFTEFG4.js"),
  promote: () => import("./GGS4C7OG.js"),
  verify: () => import("./SGV6IUWQ.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
