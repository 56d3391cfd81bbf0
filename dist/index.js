import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./GOOYGPLA.js"),
  main: () => import("./KUVQCKUR.js"),
  discover: () => import("./LJQELSGJ.js"),
  promote: () => import("./KRDC5OO5.js"),
  verify: () => import("./KZJWIHDT.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
