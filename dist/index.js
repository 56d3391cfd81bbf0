import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./4NORVEJ3.js"),
  main: () => import("./7BYPUAUC.js"),
  discover: () => import("./ERNIRCK6.js"),
  promote: () => import("./SMUG2GJN.js"),
  verify: () => import("./E3W66HTI.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
