import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./BADTFKHB.js"),
  main: () => import("./DL6UB2T6.js"),
  discover: () => import("./7ICCFBGS.js"),
  promote: () => import("./257RMPRK.js"),
  verify: () => import("./VKG2ZEHX.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
