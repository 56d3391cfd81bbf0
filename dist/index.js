import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./3RBPWH3X.js"),
  main: () => import("./FYQC4CBU.js"),
  discover: () => import("./RJ67OI3C.js"),
  promote: () => import("./SHA6HJKI.js"),
  verify: () => import("./YMRHRKAJ.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
