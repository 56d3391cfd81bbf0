import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./AVUFYZ2W.js"),
  main: () => import("./OEGXXMJM.js"),
  discover: () => import("./PB2QPIXG.js"),
  promote: () => import("./VLKJTNR3.js"),
  verify: () => import("./ZIGS2BCO.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
