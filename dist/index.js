import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./NV3ZXZYV.js"),
  main: () => import("./NWOBHWKV.js"),
  discover: () => import("./M6V2X42D.js"),
  promote: () => import("./GJZ3FJKZ.js"),
  verify: () => import("./KEGTR7CN.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
