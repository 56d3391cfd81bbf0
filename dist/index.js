import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./IRGUB66E.js"),
  main: () => import("./GTCHLJHT.js"),
  discover: () => import("./TOKWJLP2.js"),
  promote: () => import("./IN6OMJX7.js"),
  verify: () => import("./EE6FMVFS.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
