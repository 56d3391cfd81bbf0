import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./GGYC3BIY.js"),
  main: () => import("./24X7ZKZD.js"),
  discover: () => import("./REZMGLAF.js"),
  promote: () => import("./RKBTHK7A.js"),
  verify: () => import("./NAX7JHBZ.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
