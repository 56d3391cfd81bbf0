import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./QCQ52YH5.js"),
  main: () => import("./3SFBHRPM.js"),
  discover: () => import("./T3EH2DDD.js"),
  promote: () => import("./7JYRXZXN.js"),
  verify: () => import("./OJH6MRQ2.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
