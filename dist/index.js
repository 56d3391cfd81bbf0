import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./Q3PDJXRT.js"),
  main: () => import("./VAL7VMTM.js"),
  discover: () => import("./W6LE5PSC.js"),
  promote: () => import("./TNH6NG6L.js"),
  verify: () => import("./2TA4JQM5.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
